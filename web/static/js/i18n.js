// The page's words in English and Dari. The language comes from the URL
// (?lang=fa); Dari lays the page out right to left, writes every number in
// Persian digits, gives the Solar Hijri date beside the Gregorian one, and
// wraps each date in <bdi> so that it reads the same in any sentence.

// The words live in ../i18n/en.json and fa.json, which the server reads
// too (the link previews say what the page says, in both languages).
import en from '../i18n/en.json' with { type: 'json' };
import { party, region } from './region.js';

const strings = { en };

// lang is the URL's language when the region's map is offered in it
// (region.csv languages), else English.
export const lang = new URLSearchParams(window.location.search).get('lang') === 'fa' && region.languages.includes('fa') ? 'fa' : 'en';

// The Dari strings are fetched only for a Dari page (i18n-fa.js).
// languageReady settles when they are in; boot.js waits for it before it
// writes anything. (Not a top-level await: the bundler cannot split code
// that a top-level await holds up.)
export const languageReady = lang === 'fa'
  ? Promise.all([import('./i18n-fa.js').then((m) => { strings.fa = m.fa; }), dariFont()])
  : Promise.resolve();

// dariFont settles when the Naskh faces are in (a second at most), so that
// the Dari text is laid out once, in its own font: a face that arrived
// after the map was drawn pushed it down (Lighthouse measured a layout
// shift of 0.37 in one run of five). A server's Dari page has their
// stylesheet and preloads in its head (server/shell.go); the static copy
// adds the stylesheet here, beside this script's folder, wherever the
// page's files are (a static copy keeps them under assets/HASH/).
function dariFont() {
  let sheet = document.querySelector('link[href$="naskh.css"]');
  if (!sheet) {
    sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = new URL('../vendor/fonts/naskh.css', import.meta.url).href;
    document.head.append(sheet);
  }
  const faces = () => Promise.all(['400', '700'].map((w) => document.fonts.load(`${w} 1em "Noto Naskh Arabic"`)));
  const loaded = sheet.sheet ? faces() : new Promise((resolve) => { sheet.addEventListener('load', resolve, { once: true }); sheet.addEventListener('error', resolve, { once: true }); }).then(faces);
  return Promise.race([loaded.catch(() => {}), new Promise((resolve) => { setTimeout(resolve, 1000); })]);
}

// partyName is who speaks for a party in the page's language, from the
// region ("Taliban", "NRF"), or the words for the others ("independent
// reports", "state media": the key is partyX for party x).
export function partyName(id) {
  return party(id)?.speaker[lang] ?? t(`party${id[0].toUpperCase()}${id.slice(1)}`);
}

// sideName is a side's name in a phrase ("Resistance activity"), from the
// region.
export function sideName(id) {
  const p = party(id);
  return p ? p.short[lang] ?? p.short.en : id;
}

// provinceName is a province's name in the page's language (the key is
// provinceX for province X; a province without one keeps its name).
export function provinceName(p) {
  const key = `province${p}`;
  return strings[lang][key] ?? p;
}

// regionVars are what the region fills in the words ({region}, {place},
// {country}, {start}), as the server fills them (server/headline.go
// regionWords); made when first used.
let regionVars = null;
function regionOf(k) {
  if (!regionVars) {
    const [y, m] = region.start ? region.start.split('-').map(Number) : [0, 0];
    const of = (byLang) => byLang?.[lang] ?? byLang?.en ?? '';
    regionVars = { region: of(region.name), place: of(region.place), country: of(region.country), start: y ? `${t(`monthLong${m}`)} ${digits(y)}` : '' };
  }
  return regionVars[k];
}

// t returns the phrase for key in the page's language.
export function t(key, vars = {}) {
  const s = strings[lang][key] ?? strings.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? regionOf(k) ?? ''));
}

// Dates in the Gregorian calendar are written from the words files' month
// names (month1..12, monthLong1..12), in the page's digits: the server's
// previews write them from the same words (server/headline.go), and no
// locale data is needed. Only the Solar Hijri date needs Intl, which the
// Persian calendar needs: Chromium's first Intl object loads ICU's locale
// data, about 25 ms on a fast machine and four times that on a phone, so
// it is made when first used.
const formatOptions = {
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
  if (style === 'solar') {
    return format(style).format(new Date(Date.UTC(y, m - 1, d)));
  }
  return `${digits(d)} ${t(style === 'long' ? `monthLong${m}` : `month${m}`)} ${digits(y)}`;
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
// page's language: a party's status is its name in the region.
export function statusLabel(status) {
  const p = party(status);
  return p ? p.name[lang] ?? p.name.en : t(status);
}

const confidenceKeys = { high: 'confHigh', medium: 'confMedium', low: 'confLow' };

// confidenceLabel gives "High confidence" and the like for a confidence
// level in the page's language ("Confidence" for an unknown one).
export function confidenceLabel(confidence) {
  return t(confidenceKeys[confidence] || 'confidence');
}

export function viewLabel(view) {
  return view === 'assessed' ? t('assessed') : t('claimsView', { party: sideName(view) });
}

// viewShort is a view's label on a narrow screen.
export function viewShort(view) {
  return view === 'assessed' ? t('assessedShort') : t('claimsShort', { party: sideName(view), speaker: partyName(view) });
}

// secondDate is the style of the date written beside the Gregorian one: the
// language's calendar in the region ('solar'), else the ISO date.
export const secondDate = region.calendars[lang] === 'solar-hijri' ? 'solar' : 'iso';

// areaName gives a district's name in the page's language.
export function areaName(area) {
  return lang === 'fa' ? area.name_fa : area.name;
}

// applyLanguage sets the document's language and direction, the words the
// page's markup names (data-i18n: the text, data-i18n-label: the
// aria-label; a server has already written them for a Dari page, the
// static copy has not), and a link that switches language
// (keeping the rest of the URL).
export function applyLanguage() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of document.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  }
  const a = document.getElementById('lang-switch');
  if (region.languages.length < 2) {
    a.hidden = true; // a map in one language has no other to switch to
    return () => {};
  }
  const update = () => {
    const q = new URLSearchParams(window.location.search);
    q.set('lang', lang === 'fa' ? 'en' : 'fa');
    a.href = `?${q}`;
  };
  a.lang = lang === 'fa' ? 'en' : 'fa';
  update();
  window.addEventListener('popstate', update);
  return update;
}
