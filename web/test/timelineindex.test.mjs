// timelineindex.js on the server's golden timeline (the fixture dataset): the
// page's lookups answer what the server computed, on every day of its span.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeline } from './setup.mjs';

const { TimelineIndex } = await import('../static/js/timelineindex.js');
const { addDays, dayNumber } = await import('../static/js/dates.js');
const index = new TimelineIndex(timeline);

test('interval and statusIn: the assessed status, unknown before the first record', () => {
  assert.equal(index.statusIn('assessed', 'AF0001', '2021-08-31'), 'unknown');
  assert.equal(index.statusIn('assessed', 'AF0001', '2021-09-04'), 'resistance');
  assert.equal(index.statusIn('assessed', 'AF0001', '2021-09-05'), 'taliban');
  assert.equal(index.interval('AF0002', '2021-09-03').status, 'contested');
});

test("a party's view draws its latest claim on or before the day", () => {
  assert.equal(index.statusIn('taliban', 'AF0001', '2021-09-03'), 'unknown');
  assert.equal(index.statusIn('taliban', 'AF0001', '2021-09-04'), 'taliban');
  assert.equal(index.statusIn('resistance', 'AF0002', '2021-09-09'), 'resistance');
});

test("a party's claim past the claim window is drawn as old in its view", () => {
  const day = '2021-09-04';
  assert.equal(index.viewAt('taliban', 'AF0001', day).stale, false);
  const old = addDays(day, timeline.claim_window_days);
  assert.deepEqual(index.viewAt('taliban', 'AF0001', old), { status: 'taliban', disputed: false, stale: true });
  assert.deepEqual(index.viewAt('assessed', 'AF0001', '2021-07-01'), { status: 'unknown', disputed: false, stale: false });
});

test('disputed follows the ranges the server computed', () => {
  assert.ok(!index.disputed('AF0001', '2021-09-03'));
  assert.ok(index.disputed('AF0001', '2021-09-04'));
  assert.ok(index.disputed('AF0001', '2021-09-10'));
  assert.ok(!index.disputed('AF0001', '2021-09-11'));
});

test('confirmed and stale read the support days of the interval holding the day', () => {
  assert.equal(index.confirmed('AF0001', '2021-09-02'), '2021-09-01');
  assert.equal(index.confirmed('AF0001', '2021-09-06'), null); // the Taliban interval has no independent support
  assert.ok(index.stale('AF0001', '2021-09-06'));
  assert.ok(!index.stale('AF0002', '2021-09-06'));
});

test('countryside: the range holding every day, none before the first record', () => {
  assert.equal(index.countryside('AF0002', '2021-08-01'), null);
  for (const area of timeline.areas) {
    const ranges = area.countryside;
    assert.ok(ranges.length > 0, area.pcode);
    for (let day = ranges[0].valid_from; day < '2021-11-30'; day = addDays(day, 1)) {
      const r = index.countryside(area.pcode, day);
      assert.ok(r && r.valid_from <= day && (r.valid_to === null || day < r.valid_to), `${area.pcode} ${day}`);
    }
  }
  const south = index.countryside('AF0002', '2021-09-06');
  assert.equal(south.insurgent.count, 1);
  assert.deepEqual(south.insurgent.events, ['E2']);
  assert.ok(index.event('E2').pinned === false); // known only to its district: the badge counts it
});

test("each event's window is its day and the 29 after", () => {
  for (const ev of timeline.events) {
    assert.equal(ev.window[0], ev.event_date);
    assert.equal(dayNumber(ev.window[1]) - dayNumber(ev.window[0]), timeline.activity_window_days);
  }
});
