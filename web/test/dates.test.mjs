// dates.js: ISO days and day numbers, with no time zone in between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, byText, dayNumber, isIsoDay, isoDay } from '../static/js/dates.js';

test('a day number and its ISO day round-trip across months, leap days and years', () => {
  for (const iso of ['1970-01-01', '2021-08-31', '2021-09-01', '2024-02-29', '2024-03-01', '2026-12-31']) {
    assert.equal(isoDay(dayNumber(iso)), iso);
  }
  assert.equal(dayNumber('1970-01-02'), 1);
});

test('addDays crosses month and year ends', () => {
  assert.equal(addDays('2021-08-31', 1), '2021-09-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addDays('2022-06-01', -29), '2022-05-03');
});

test('isIsoDay accepts real days only', () => {
  assert.ok(isIsoDay('2021-09-06'));
  for (const s of ['2021-02-30', '2021-9-6', '2021-09-06T00:00', '', '20210906']) {
    assert.ok(!isIsoDay(s), s);
  }
});

test('byText orders ISO days as dates', () => {
  assert.deepEqual(['2022-01-01', '2021-12-31', '2021-09-06'].sort(byText), ['2021-09-06', '2021-12-31', '2022-01-01']);
});
