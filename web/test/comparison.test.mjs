// comparison.js: the compared period follows the date shown, never
// contradicting it (its later day is the day on the map).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './setup.mjs';

const { follow } = await import('../static/js/comparison.js');

test('a date inside or after the period moves its end, keeping its start', () => {
  const p = { from: '2021-08-10', to: '2021-09-06' };
  assert.deepEqual(follow(p, '2021-09-01', '2021-08-01'), { from: '2021-08-10', to: '2021-09-01' });
  assert.deepEqual(follow(p, '2022-01-01', '2021-08-01'), { from: '2021-08-10', to: '2022-01-01' });
  assert.equal(follow(p, '2021-09-06', '2021-08-01'), p); // the same period: nothing to fetch again
});

test('a date before the period starts a 30-day period ending on it, never before the data', () => {
  const p = { from: '2021-09-01', to: '2021-09-06' };
  assert.deepEqual(follow(p, '2021-08-20', '2021-08-01'), { from: '2021-08-01', to: '2021-08-20' });
  assert.deepEqual(follow(p, '2021-08-31', '2021-08-01'), { from: '2021-08-01', to: '2021-08-31' });
  assert.deepEqual(follow({ from: '2022-05-01', to: '2022-06-01' }, '2022-04-20', '2021-08-01'), { from: '2022-03-21', to: '2022-04-20' });
});
