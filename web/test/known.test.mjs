// known.js: which timeline answers for the day shown. The server says the
// days a timeline as known at the time holds for; the page only checks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './setup.mjs';

// api.js asks the page whether it is a static copy when it loads.
globalThis.document = { querySelector: () => null };

const { KnownTimelines } = await import('../static/js/known.js');

test('a timeline as known at the time covers [known, known_until)', () => {
  const tl = { known: '2021-09-06', known_until: '2021-09-09' };
  assert.equal(KnownTimelines.covers(tl, '2021-09-05'), false);
  assert.equal(KnownTimelines.covers(tl, '2021-09-06'), true);
  assert.equal(KnownTimelines.covers(tl, '2021-09-08'), true);
  assert.equal(KnownTimelines.covers(tl, '2021-09-09'), false);
  assert.equal(KnownTimelines.covers({ known: '2026-12-07', known_until: null }, '2030-01-01'), true);
  assert.equal(KnownTimelines.covers({ start: '2021-08-01' }, '2021-09-06'), false, 'the timeline with hindsight covers no day as known then');
});
