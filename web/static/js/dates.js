// Calendar days as ISO strings (YYYY-MM-DD) and as day numbers since
// 1970-01-01, all in UTC so that no time zone shifts a day.

const msPerDay = 86400000;

export function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / msPerDay);
}

export function isoDay(n) {
  return new Date(n * msPerDay).toISOString().slice(0, 10);
}

// todayAt is the day it is at instant now (ms since the epoch) at a place
// offsetMinutes east of UTC: the map's days begin at midnight in
// Afghanistan (the documents give the offset).
export function todayAt(offsetMinutes, now = Date.now()) {
  return isoDay(Math.floor((now / 60000 + offsetMinutes) / 1440));
}

export function addDays(iso, n) {
  return isoDay(dayNumber(iso) + n);
}

export function isIsoDay(s) {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isoDay(dayNumber(s)) === s;
}

// byText orders strings by their code points: ISO days sort as dates, and
// no locale's collation (a costly first use) is needed.
export function byText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
