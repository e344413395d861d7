// The page's words in English and Dari. The language comes from the URL
// (?lang=fa); Dari lays the page out right to left, writes every number in
// Persian digits, gives the Solar Hijri date beside the Gregorian one, and
// wraps each date in <bdi> so that it reads the same in any sentence.

// The English strings; the Dari ones live in i18n-fa.js.
const strings = {
  en: {
    title: 'Panjshir & Andarab: who held what',
    subtitle: "Assessed control and each side's claims, day by day from August 2021. Claims are not facts: where they disagree the district is outlined as disputed.",
    show: 'Show', assessed: 'Assessed control', talibanView: 'Taliban claims', resistanceView: 'Resistance claims',
    republic: 'Islamic Republic', taliban: 'Taliban', resistance: 'Resistance (NRF and allies)', contested: 'Contested', unknown: 'Unknown / no claim',
    disputedLegend: 'Disputed: current claims disagree', eventLegend: 'Event in the last {n} days (solid: placed; dashed: province only)',
    download: 'Download:', thisDay: 'this day (GeoJSON)', fullHistory: 'full history',
    district: 'District', choose: 'Choose or click a district',
    hint: 'Click a district to see who held it on this day, who claimed what, and the sources.',
    on: 'on', since: 'Since', until: 'until', confidence: 'confidence',
    disputedNote: 'Disputed: the current claims disagree with each other or with this assessment.',
    latestClaims: 'Latest claims', nothingYet: 'nothing recorded yet', independent: 'Independent reports',
    assessmentSources: 'Sources of the assessment', changesWithin: 'Changes within {n} days', noChange: 'No change of assessed control.',
    speed: 'Speed', loop: 'Loop', speed2: '2 days/s', speed7: '1 week/s', speed30: '1 month/s', goTo: 'Go to', dateSlider: 'Date slider, one step per day',
    prevChange: 'Previous change (Shift+Left)', prevDay: 'Previous day (Left)', play: 'Play (Space)', pause: 'Pause (Space)',
    nextDay: 'Next day (Right)', nextChange: 'Next change (Shift+Right)',
    compare: 'Compare two dates', compareFrom: 'From', compareTo: 'To', gained: 'gained', lost: 'lost', net: 'net',
    changesBetween: 'Changes between the dates', noneChanged: 'No district changed.', gif: 'Download the animation (GIF)',
    chart: 'Area under each status (km²); click to go to a day', language: 'دری', languageLabel: 'نمایش به دری',
    loadError: 'The map could not load its data.',
    lastUpdated: 'last updated', periods: 'Periods', allTime: 'All', arrow: '→',
    high: 'high', medium: 'medium', low: 'low', claim: 'claim', denial: 'denial', report: 'report',
    confHigh: 'High confidence', confMedium: 'Medium confidence', confLow: 'Low confidence',
    staleLegend: 'Evidence over a year old', staleClaimLegend: 'Claim over {n} days old', selectedLegend: 'Selected district',
    compareLegend: 'Compare: fill = status on the later date, outline = on the earlier', compareUnchanged: 'Unchanged between the dates',
    legend: 'Legend', legendButton: 'Legend', details: 'District details', date: 'Date', map: 'Map of the Panjshir and Andarab districts',
    close: 'Close', whatHappened: 'What happened', nothingNear: 'Nothing recorded within {n} days.', province: 'province only',
    claimsBanner: 'Showing what the {party} claimed, not the assessment.', backToAssessment: 'Back to the assessment',
    headNoEvidence: 'No new evidence about control since {date}: the last assessed status holds.',
    publishedLater: 'published later', revisedHeading: 'Corrections', revisedOn: 'Revised', allCorrections: 'All corrections',
    knownLegend: 'Evidence', knownHindsight: 'With hindsight', knownTime: 'At the time', knownHindsightShort: 'Hindsight', knownTimeShort: 'At the time',
    knownBanner: 'As known at the time: only the evidence published by the end of {date}.',
    knownBannerPublished: 'As known at the time: the map as it was published on {date}, from the evidence published by then.',
    backToHindsight: 'Show with hindsight', knownPending: 'Asking for the map as known on {date}…',
    headQuiet: 'No change recorded on this day.', headChange: '{name}: {from} {arrow} {to}', headReassessed: '{name}: {status}, on new evidence ({confidence})', headRevised: ' (revised {date})',
    headClaim: 'the {party} claim {names}', headClaimAs: 'the {party} call {names} {status}', headDenyClaim: 'the {party} deny the {other} claim', headDenyAbout: 'the {party} deny reports about {names}', headDisputed: 'claims disagree over {n} districts',
    partyTaliban: 'Taliban', partyResistance: 'NRF', partyIndependent: 'independent reports', partyState: 'state media', stateMedia: 'State media (not independent)',
    lastConfirmed: 'Last confirmed by an independent source', neverConfirmed: 'never',
    csTitle: 'outside the centre', csHeading: 'Outside the centre (last {n} days)', csResistance: 'Resistance activity', csTaliban: 'Taliban operations',
    csNone: 'none reported', csEvents: '{n} events', csResistanceCount: 'resistance activity: {n}', csTalibanCount: 'Taliban operations: {n}',
    csPresenceResistance: 'Resistance presence outside the centre ({confidence} confidence)', csPresenceTaliban: 'Taliban presence outside the centre ({confidence} confidence)',
    csNoReporting: 'no independent reporting', csNoReportingLong: 'No independent reporting about this district in the last {n} days: whether it was quiet is not known.',
    csLegendHead: 'Outside the centre (badge under the name, last {n} days)', csLegendResistance: 'Resistance activity reported: attacks, clashes (count)',
    csLegendTaliban: 'Taliban operations reported: raids, arrests, evictions (count)', csLegendPresence: 'Assessed presence outside the centre (colour of the side)',
    csLegendNoReport: 'No independent reporting in the last {n} days: not "quiet"', chartActivity: 'below, events per month (resistance up, Taliban down)',
    arrowSpan: 'to', precision1: 'at the place itself', precision2: 'near the named place', precision3: 'only the district or province is known',
    search: 'Find a district or place', searchLabel: 'Find a district or place by any name', noMatch: 'No match',
    about: 'About this map', sources: 'sources', skip: 'Skip to the time control',
    Battles: 'Battle', 'Violence against civilians': 'Violence against civilians', 'Strategic developments': 'Strategic development', 'Explosions/Remote violence': 'Explosion',
    approximate: 'approximate', vs: 'vs', allOf: 'all of {p}', assessedShort: 'Assessed', talibanShort: 'Taliban claims', resistanceShort: 'NRF claims', status: 'Status', km2: 'km²', placesCredit: 'Places: <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0) and cited sources', andMore: 'and {n} more',
  },
};

export const lang = new URLSearchParams(window.location.search).get('lang') === 'fa' ? 'fa' : 'en';

// The Dari strings are fetched only for a Dari page (i18n-fa.js).
// languageReady settles when they are in; boot.js waits for it before it
// writes anything. (Not a top-level await: the bundler cannot split code
// that a top-level await holds up.)
export const languageReady = lang === 'fa'
  ? import('./i18n-fa.js').then((m) => { strings.fa = m.fa; })
  : Promise.resolve();

// partyName is a party's name in the page's language ("Taliban", "NRF",
// "independent reports", "state media"): the key is partyX for party x.
export function partyName(party) {
  return t(`party${party[0].toUpperCase()}${party.slice(1)}`);
}

// t returns the phrase for key in the page's language.
export function t(key, vars = {}) {
  const s = strings[lang][key] ?? strings.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

// English dates and numbers are written here; Dari ones by Intl, which the
// Persian calendar needs. Chromium's first Intl object loads ICU's locale
// data, about 25 ms on a fast machine and four times that on a phone,
// inside the page's first task: an English page skips it.
const months = {
  long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
};
// The Dari formats are made when first used.
const formatOptions = {
  long: ['fa-AF-u-ca-gregory', 'long'],
  short: ['fa-AF-u-ca-gregory', 'short'],
  solar: ['fa-AF-u-ca-persian', 'long'],
};
const formats = {};
function format(style) {
  if (!formats[style]) {
    const [loc, month] = formatOptions[style];
    formats[style] = new Intl.DateTimeFormat(loc, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' });
  }
  return formats[style];
}

// digits writes the ASCII digits of s in the page's digit system.
export function digits(s) {
  return lang === 'fa' ? String(s).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]) : String(s);
}

let faNumbers = null; // made when first used

// num formats a whole number in the page's language (12,345 in English).
export function num(n) {
  if (lang === 'fa') {
    faNumbers ??= new Intl.NumberFormat('fa-AF', { maximumFractionDigits: 0 });
    return faNumbers.format(n);
  }
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// dateText formats an ISO day (YYYY-MM-DD) as 'long' (6 September 2021),
// 'short' (6 Sept 2021), 'iso' (2021-09-06, in the page's digits) or
// 'solar' (the Solar Hijri date, 15 Sonbola 1400).
export function dateText(iso, style = 'short') {
  if (style === 'iso') {
    return digits(iso);
  }
  const [y, m, d] = iso.split('-').map(Number);
  if (lang !== 'fa' && months[style]) {
    return `${d} ${months[style][m - 1]} ${y}`;
  }
  return format(style).format(new Date(Date.UTC(y, m - 1, d)));
}

// dateInto appends a date to el inside <bdi>, so that the bidirectional
// algorithm never reorders its parts in a sentence of the other direction.
export function dateInto(el, iso, style = 'short') {
  const b = document.createElement('bdi');
  b.className = 'date';
  b.dataset.iso = iso;
  b.textContent = dateText(iso, style);
  el.append(b);
  return b;
}

// bdi wraps text (a name, a date) so that it keeps its own direction.
export function bdi(text) {
  const b = document.createElement('bdi');
  b.textContent = text;
  return b;
}

// fill appends to el the phrase for key with its {placeholders} replaced by
// the given nodes or strings, so that dates and names can be <bdi>.
export function fill(el, key, vars = {}) {
  const s = t(key, Object.fromEntries(Object.keys(vars).map((k) => [k, `\u0000${k}\u0000`])));
  s.split('\u0000').forEach((part, i) => {
    if (i % 2 === 0) {
      el.append(part);
    } else {
      const v = vars[part];
      el.append(typeof v === 'string' ? v : v.cloneNode(true));
    }
  });
  return el;
}

// statusLabel and viewLabel give the words for a status and a view in the
// page's language.
export function statusLabel(status) {
  return t(status);
}

const confidenceKeys = { high: 'confHigh', medium: 'confMedium', low: 'confLow' };

// confidenceLabel gives "High confidence" and the like for a confidence
// level in the page's language ("Confidence" for an unknown one).
export function confidenceLabel(confidence) {
  return t(confidenceKeys[confidence] || 'confidence');
}

const viewKeys = { assessed: 'assessed', taliban: 'talibanView', resistance: 'resistanceView' };

export function viewLabel(view) {
  return t(viewKeys[view]);
}

// areaName gives a district's name in the page's language.
export function areaName(area) {
  return lang === 'fa' ? area.name_fa : area.name;
}

// applyLanguage sets the document's language and direction, the masthead,
// and a link that switches language (keeping the rest of the URL).
export function applyLanguage() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
  document.querySelector('.masthead h1').textContent = t('title');
  document.querySelector('.masthead p').textContent = t('subtitle');
  document.getElementById('map').setAttribute('aria-label', t('map'));
  document.querySelector('.skip-link').textContent = t('skip');
  const about = document.getElementById('about-link');
  about.textContent = t('about');
  if (lang === 'fa') {
    const font = document.createElement('link');
    font.rel = 'stylesheet';
    // Beside this script's folder, wherever the page's files are (a static
    // copy keeps them under assets/HASH/, which the page's own URL does not
    // show).
    font.href = new URL('../vendor/fonts/naskh.css', import.meta.url).href;
    document.head.append(font);
  }
  const a = document.getElementById('lang-switch');
  const update = () => {
    const q = new URLSearchParams(window.location.search);
    q.set('lang', lang === 'fa' ? 'en' : 'fa');
    a.href = `?${q}`;
  };
  a.textContent = t('language');
  a.setAttribute('aria-label', t('languageLabel'));
  a.lang = lang === 'fa' ? 'en' : 'fa';
  update();
  window.addEventListener('popstate', update);
  return update;
}
