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

export function addDays(iso, n) {
  return isoDay(dayNumber(iso) + n);
}

export function isIsoDay(s) {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isoDay(dayNumber(s)) === s;
}

const longFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

// longDate gives "6 September 2021"; shortDate "6 Sept 2021".
export function longDate(iso) {
  return longFormat.format(new Date(dayNumber(iso) * msPerDay));
}

export function shortDate(iso) {
  return shortFormat.format(new Date(dayNumber(iso) * msPerDay));
}
