// How the map draws things: the one place for the palette. Every module that
// colours a status (districts, legend, chart, compare mode) reads it from
// here. The colours are the region's (region.js: the parties' from
// region.csv, the others' from the server's wire.Colours), which the
// pictures, the KML and the QGIS layer file draw with too; `contested` is a
// hatch (an SVG pattern that addPatterns draws) so that it reads even
// without colour.

import { region, sideIn } from './region.js';

export const statusColours = { ...region.colours };

// The hatch of `contested`: stripes of its colour on a lighter ground.
const hatch = { id: 'hatch-contested', size: 8, ground: '#fbe3b0', stripe: statusColours.contested };

const outline = '#333333';
const selectedOutline = '#1a5fb4';
const faded = { fillColor: '#e6e6e6', fillOpacity: 0.5, color: '#777', weight: 1, dashArray: null };

export function fillFor(status) {
  return status === 'contested' ? `url(#${hatch.id})` : statusColours[status] || statusColours.unknown;
}

// The opacity of a fill says how sure the assessment is, so that a "low"
// district never looks as certain as a "high" one without a click. The
// server owns the table (wire.ConfidenceOpacity, which the pictures use):
// boot.js hands it over from /api/timeline before anything is drawn.
export const confidenceOpacity = {};

export function setConfidenceOpacity(table) {
  Object.assign(confidenceOpacity, table);
}

// areaStyle is the Leaflet path style of a district. A selected district
// has a thick solid blue outline (a disputed one is dark and dashed).
export function areaStyle({ status, disputed, selected, confidence = 'high', stale = false }) {
  let style = {
    fillColor: stale ? staleFor(status) : fillFor(status),
    fillOpacity: status === 'unknown' ? 0.35 : confidenceOpacity[confidence] ?? 0.85,
    color: outline,
    weight: disputed ? 2.5 : 1,
    dashArray: disputed ? '6 4' : null,
  };
  if (selected) {
    style = { ...style, color: selectedOutline, weight: 5, dashArray: null };
  }
  return style;
}

// compareStyle is the style of a district in compare mode: a changed one
// ({from, to}) has its after colour inside and its before colour around;
// an unchanged one (null) fades.
export function compareStyle(change) {
  if (!change) {
    return faded;
  }
  return { fillColor: fillFor(change.to), fillOpacity: 0.85, color: statusColours[change.from], weight: 5, dashArray: null };
}

// The badges' grounds (layers/countryside.js): each side's ink, its colour
// darkened so that white digits on it stay legible at 12 px (region.csv
// party.ID.ink; export/badges.go draws the same), by role.
// applyBadgeColours hands them to the CSS as custom properties (through
// the CSSOM, which the page's style-src policy allows).
export const badgeColours = Object.fromEntries(region.parties.filter((p) => p.role !== 'former').map((p) => [p.role, p.ink]));

export function applyBadgeColours(root = document.documentElement) {
  for (const [role, colour] of Object.entries(badgeColours)) {
    root.style.setProperty(`--cs-${role}`, colour);
  }
}

// The colour of an event's side (the API's "side": who acted), a side's
// status colour; grey for neither.
export function sideColour(side) {
  return side && (side === sideIn('ruling') || side === sideIn('insurgent')) ? statusColours[side] : '#555555';
}

// eventStyle is the style of an event's circle marker (radius in pixels).
export const eventStyle = { radius: 7, color: '#111', weight: 1.5, fillColor: '#fff', fillOpacity: 0.95 };

// cursorStyle is the line that marks the current date on the area chart.
export const cursorStyle = { stroke: '#000', 'stroke-width': 3 };

// contextStyle is the style of a feature of the offline background: a
// province outline, or a neighbouring district on the land colour.
export function contextStyle(kind) {
  return kind === 'province'
    ? { color: '#7a7a7a', weight: 1.6, fill: false, dashArray: '4 3' }
    : { color: '#b5b5b5', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 };
}

// The OGC API pages' map: a feature in the selection's blue (no status:
// the pages draw any collection), points as event markers.
export const featureStyle = { color: outline, weight: 1.5, fillColor: selectedOutline, fillOpacity: 0.25 };
export const pointStyle = { radius: 6, color: eventStyle.color, fillColor: eventStyle.fillColor, fillOpacity: 1 };

// staleFor is the fill of a district whose evidence is stale: its status
// colour under white dots.
export function staleFor(status) {
  return `url(#stale-${statusColours[status] ? status : 'unknown'})`;
}

// addPatterns draws the SVG patterns that fills refer to (see fillFor and
// staleFor) into defs, an SVG <defs> element of the page.
export function addPatterns(defs) {
  const ns = 'http://www.w3.org/2000/svg';
  for (const [status, colour] of Object.entries(statusColours)) {
    const p = document.createElementNS(ns, 'pattern');
    const a = { id: `stale-${status}`, width: 10, height: 10, patternUnits: 'userSpaceOnUse' };
    for (const [k, v] of Object.entries(a)) {
      p.setAttribute(k, v);
    }
    p.innerHTML = `<rect width="10" height="10" fill="${colour}"/><circle cx="5" cy="5" r="2.2" fill="#fff"/>`;
    defs.append(p);
  }
  const pattern = document.createElementNS(ns, 'pattern');
  const attrs = { id: hatch.id, width: hatch.size, height: hatch.size, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' };
  for (const [k, v] of Object.entries(attrs)) {
    pattern.setAttribute(k, v);
  }
  for (const [width, fill] of [[hatch.size, hatch.ground], [hatch.size / 2, hatch.stripe]]) {
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('width', width);
    rect.setAttribute('height', hatch.size);
    rect.setAttribute('fill', fill);
    pattern.append(rect);
  }
  defs.append(pattern);
}
