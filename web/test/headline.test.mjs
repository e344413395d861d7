// headline.js's naming of places, the grammar of the day's headline that
// the server's previews write too (server/headline.go): whole provinces
// first, then up to three districts and a count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeline } from './setup.mjs';

const { placesText } = await import('../static/js/controls/headline.js');

const areas = timeline.areas.map(({ pcode, name, name_fa: nameFa }) => ({ pcode, name, name_fa: nameFa }));

test('a whole province, then districts', () => {
  assert.equal(placesText({ provinces: ['Testland'], pcodes: [] }, areas), 'all of Testland');
  assert.equal(placesText({ provinces: [], pcodes: ['AF0001'] }, areas), 'North');
  assert.equal(placesText({ provinces: ['Testland'], pcodes: ['AF0002'] }, areas), 'all of Testland, South');
});

test('more than three districts: three names and a count', () => {
  const many = [...areas, { pcode: 'AF0003', name: 'East' }, { pcode: 'AF0004', name: 'West' }];
  assert.equal(placesText({ provinces: [], pcodes: ['AF0001', 'AF0002', 'AF0003', 'AF0004'] }, many), 'North, South, East, and 1 more');
});
