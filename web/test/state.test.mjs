// state.js and permalink.js's readURL: the view, the selection and the
// comparison, and what a shared link may set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeline } from './setup.mjs';

const { AppState } = await import('../static/js/state.js');
const { TimelineIndex, views } = await import('../static/js/timelineindex.js');
new TimelineIndex(timeline); // the views come from the timeline document
const { readURL } = await import('../static/js/permalink.js');
const { TimeModel } = await import('../static/js/timemodel.js');

const newState = () => new AppState(new TimeModel({ start: '2021-08-01', end: '2021-09-30', changeDates: [] }));

test("the views are the server's: the assessment, then the sides", () => {
  assert.deepEqual(views, ['assessed', ...timeline.sides]);
});

test('the view changes only to a known view, once', () => {
  const s = newState();
  const seen = [];
  s.addEventListener('change', (e) => seen.push(e.detail.what));
  s.setView('taliban');
  s.setView('taliban');
  s.setView('made-up');
  assert.equal(s.view, 'taliban');
  assert.deepEqual(seen, ['view']);
});

test('a comparison result for a period no longer compared is dropped', () => {
  const s = newState();
  const first = { from: '2021-08-10', to: '2021-09-06' };
  s.setCompare(first);
  const second = { from: '2021-08-20', to: '2021-09-06' };
  s.setCompare(second);
  s.setComparison(first, { diff: { features: [{ id: 'AF0801', properties: { status_from: 'republic', status_to: 'taliban' } }] } });
  assert.equal(s.comparison, null);
  s.setComparison(second, { diff: { features: [{ id: 'AF0801', properties: { status_from: 'contested', status_to: 'taliban' } }] } });
  assert.deepEqual(s.changeOf('AF0801'), { from: 'contested', to: 'taliban' });
  assert.equal(s.changeOf('AF0802'), null);
});

test('readURL keeps what is valid and drops the rest', () => {
  assert.deepEqual(readURL('?date=2021-09-06&view=resistance&district=AF0801&compare=2021-08-10..2021-09-20&map=9/35.4/69.6'), {
    date: '2021-09-06', view: 'resistance', district: 'AF0801',
    compare: { from: '2021-08-10', to: '2021-09-20' }, map: { zoom: 9, lat: 35.4, lng: 69.6 },
  });
  assert.deepEqual(readURL('?date=2021-02-30&view=x&district=<b>&compare=2021-09-20..2021-08-10&map=9/95/69'), {});
});

test('known=time, and only that, asks for the map as known at the time', () => {
  assert.deepEqual(readURL('?date=2021-09-06&known=time'), { date: '2021-09-06', known: true });
  assert.deepEqual(readURL('?date=2021-09-06&known=2021-09-06'), { date: '2021-09-06' });
  const s = newState();
  const seen = [];
  s.addEventListener('change', (e) => seen.push(e.detail.what));
  s.setKnown(true);
  s.setKnown(true);
  s.setKnown(false);
  assert.deepEqual(seen, ['known', 'known']);
  assert.equal(s.known, false);
});
