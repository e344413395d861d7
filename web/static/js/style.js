// Pure mapping from a status to how it is drawn. The palette is Okabe and
// Ito's, which stays distinct for the common colour-vision deficiencies;
// `contested` is a hatch (an SVG pattern in index.html) so that it reads even
// without colour.

import { t } from './i18n.js';

export const statusColours = {
  republic: '#0072B2',
  taliban: '#D55E00',
  resistance: '#009E73',
  contested: '#E69F00',
  unknown: '#BDBDBD',
};

// statusLabel and viewLabel give the words for a status and a view in the
// page's language.
export function statusLabel(status) {
  return t(status);
}

const viewKeys = { assessed: 'assessed', taliban: 'talibanView', resistance: 'resistanceView' };

export function viewLabel(view) {
  return t(viewKeys[view]);
}

export function fillFor(status) {
  return status === 'contested' ? 'url(#hatch-contested)' : statusColours[status] || statusColours.unknown;
}

// areaStyle is the Leaflet path style of a district.
export function areaStyle({ status, disputed, selected }) {
  return {
    fillColor: fillFor(status),
    fillOpacity: status === 'unknown' ? 0.35 : 0.72,
    color: selected ? '#000000' : '#333333',
    weight: selected ? 3 : disputed ? 2.5 : 1,
    dashArray: disputed ? '6 4' : null,
  };
}
