// The only module that knows the server's URLs. Paths are relative, so the
// page also works behind a path prefix.

import { lang, t } from './i18n.js';

const dynamicURLs = {
  published: null, // a server answers for today: it is no copy
  pictureDay: (day) => day, // a server draws the picture of any day
  pictureViews: true, // and of any view
  areas: 'api/areas',
  timeline: 'api/timeline',
  // The map as known at the end of day (data.Dataset.KnownAt); the answer
  // says the days it holds for (known, known_until).
  timelineKnown: (day) => `api/timeline?known=${encodeURIComponent(day)}`,
  revisions: 'api/revisions',
  context: 'api/context',
  history: 'api/history?detail=full',
  controlOn: (day) => `api/control?date=${encodeURIComponent(day)}&detail=full`,
  stats: 'api/stats',
  periods: 'api/periods',
  places: 'api/places',
  provinces: 'api/provinces',
  diff: (from, to, known = null) => `api/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${known ? `&known=${encodeURIComponent(known)}` : ''}`,
  // The pictures in the page's language (Dari shaped, right to left).
  // known: the picture of the map as known at the time of day.
  picture: (day, view, known = false) => `api/export/map.png?date=${encodeURIComponent(day)}&view=${encodeURIComponent(view)}&preset=social${lang === 'fa' ? '&lang=fa' : ''}${known ? `&known=${encodeURIComponent(day)}` : ''}`,
  // The whole country on the day: its provinces (PNG, assessed view).
  pictureCountry: (day) => `api/export/map.png?date=${encodeURIComponent(day)}&level=country&preset=social${lang === 'fa' ? '&lang=fa' : ''}`,
  animation: (from, to) => `api/export/animation.gif?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${lang === 'fa' ? '&lang=fa' : ''}`,
  about: lang === 'fa' ? 'about?lang=fa' : 'about',
  corrections: lang === 'fa' ? 'corrections?lang=fa' : 'corrections',
};

// A static copy (controlmap publish) marks its page with the names of its
// files (the publisher's one list, server/publish.go staticDocs): there
// every document is a file, named without a query string; pictures exist
// for the change days, the animation for the whole history; compare mode
// computes its diff in the page (comparison.js).
function staticURLs({ files, published, picture_days: pictureDays }) {
  const dated = (name) => (day) => files[name].replaceAll('{date}', day);
  // The copy has the pictures of the first day and the change days: a day
  // gets the last of them on or before it (pictureDay says which).
  const pictureDay = (day) => pictureDays.filter((d) => d <= day).at(-1) || pictureDays[0];
  return {
    published,
    pictureDay,
    areas: files.areas,
    timeline: files.timeline,
    timelineKnown: null, // a static copy holds the map with hindsight only
    revisions: files.revisions,
    context: files.context,
    history: files.history,
    // No day file is newer than the copy: the last one holds after it.
    controlOn: (day) => dated('controlOn')(day > published ? published : day),
    stats: files.stats,
    periods: files.periods,
    places: files.places,
    provinces: files.provinces,
    // The assessed map in the page's language; the page says so in a
    // claims view (pictureViews).
    picture: (day) => dated(lang === 'fa' ? 'pictureFa' : 'picture')(pictureDay(day)),
    pictureViews: false,
    animation: () => files[lang === 'fa' ? 'animationFa' : 'animation'],
    about: lang === 'fa' ? files.aboutFa : files.about,
    corrections: lang === 'fa' ? files.correctionsFa : files.corrections,
  };
}

const marker = document.querySelector('meta[name="controlmap-static"]');
export const isStatic = marker !== null;
export const urls = isStatic ? staticURLs(JSON.parse(marker.content)) : dynamicURLs;

// getJSON fetches a JSON document and fails with a message a reader can act on.
export async function getJSON(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json, application/geo+json' } });
  } catch (err) {
    throw new Error(`Could not reach the server (${url}): ${err.message}`);
  }
  if (!response.ok) {
    let detail = '';
    try {
      detail = (await response.json()).detail || '';
    } catch {
      // not a problem document; the status says enough
    }
    throw new Error(`The server answered ${response.status} for ${url}${detail ? `: ${detail}` : ''}`);
  }
  return response.json();
}

// showError puts a plain message at the top of the page.
export function showError(message) {
  const box = document.getElementById('error');
  box.textContent = `${t('loadError')} ${message}`;
  box.hidden = false;
}
