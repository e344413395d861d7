// timemodel.js: the range, the date, stepping and jumping between changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimeModel } from '../static/js/timemodel.js';

const model = () => new TimeModel({ start: '2021-08-01', end: '2021-09-30', changeDates: ['2021-09-06', '2021-08-20'] });

test('the date starts at the end and is clamped to the range', () => {
  const m = model();
  assert.equal(m.date, '2021-09-30');
  assert.equal(m.length, 61);
  m.setDate('2030-01-01');
  assert.equal(m.date, '2021-09-30');
  m.setDate('2000-01-01');
  assert.equal(m.date, '2021-08-01');
});

test('setDate fires datechange once per new day, with who moved it', () => {
  const m = model();
  const seen = [];
  m.addEventListener('datechange', (e) => seen.push([e.detail.date, e.detail.from]));
  m.setDate('2021-09-06', 'key');
  m.setDate('2021-09-06', 'key');
  m.step(1);
  assert.deepEqual(seen, [['2021-09-06', 'key'], ['2021-09-07', 'step']]);
});

test('next and previous change jump between the sorted change days and the ends', () => {
  const m = model();
  m.setDate('2021-08-01');
  m.nextChange();
  assert.equal(m.date, '2021-08-20');
  m.nextChange();
  assert.equal(m.date, '2021-09-06');
  m.nextChange();
  assert.equal(m.date, '2021-09-30');
  m.prevChange();
  assert.equal(m.date, '2021-09-06');
});

test('a window moves the date into it, and null zooms back out', () => {
  const m = model();
  m.setWindow({ from: '2021-08-10', to: '2021-08-25' });
  assert.ok(m.zoomed);
  assert.equal(m.date, '2021-08-10');
  m.setWindow(null);
  assert.ok(!m.zoomed);
  assert.equal(m.indexOf(m.dateAt(12)), 12);
});
