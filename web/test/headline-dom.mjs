// The page's headline, written into a DOM (linkedom) for every day of the
// fixture, against the sentence the server's link previews write for the
// same day (server/testdata/headlines.json, from server/headline.go): the
// two writers of the headline are held equal over every day, in English
// and in Dari. headline-dom.test.mjs and headline-dom-fa.test.mjs run it,
// one language per process (the page reads its language at load).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

export async function headlineParity(lang) {
  const { timeline } = await import('./setup.mjs');
  globalThis.window = { location: { search: lang === 'fa' ? '?lang=fa' : '' } };
  globalThis.document = parseHTML('<!doctype html><html><head></head><body></body></html>').document;
  // The region, as the server writes it into the page's shell.
  document.documentElement.setAttribute('data-region', JSON.stringify(timeline.region));
  const i18n = await import('../static/js/i18n.js');
  await i18n.languageReady;
  const { TimelineIndex } = await import('../static/js/timelineindex.js');
  const { renderHeadline } = await import('../static/js/controls/headline.js');
  const golden = JSON.parse(readFileSync(new URL('../../server/testdata/headlines.json', import.meta.url), 'utf8'))[lang];
  const index = new TimelineIndex(timeline);
  const areas = timeline.areas.map(({ pcode, name, name_fa: nameFa }) => ({ pcode, name, name_fa: nameFa }));
  const days = Object.keys(golden).sort();

  test(`${lang}: the golden covers the fixture's days`, () => {
    assert.ok(days.length >= 5, `only ${days.length} days`);
    assert.ok(days.includes(timeline.last_change), 'the last change day is missing');
  });

  for (const day of days) {
    test(`${lang} ${day}: the page's headline is the preview's`, () => {
      const el = document.createElement('p');
      renderHeadline(el, { index, areas, model: { date: day, evidenceEnd: index.evidenceEnd } });
      const date = el.querySelector('.headline-date');
      assert.ok(date, 'no date');
      const sentence = el.textContent.slice(date.textContent.length + ': '.length);
      assert.equal(sentence, golden[day]);
    });
  }
}
