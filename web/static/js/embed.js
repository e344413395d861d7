// Embed mode (?embed=1): the page inside another site's iframe shows the
// map, the time control, the legend and a credit that links to the full
// map; no header and no side panels (CSS under body.embed hides them).

import { t } from './i18n.js';

export const embedded = new URLSearchParams(window.location.search).get('embed') === '1';

// fullMapURL is the page's current state without the embed flag.
export function fullMapURL() {
  const url = new URL(window.location.href);
  url.searchParams.delete('embed');
  return url.href;
}

// frame fits bounds into the space the controls leave: beside the top
// left column or under it (whichever shows the districts larger), and
// above the time control, measured as they are drawn in this frame.
function frame(map, bounds) {
  const box = (el) => el.getBoundingClientRect();
  const m = box(map.getContainer());
  // The top left controls as drawn (their corner may span the frame).
  const controls = [...map.getContainer().querySelectorAll('.leaflet-top.leaflet-left > .leaflet-control')]
    .filter((c) => c.getClientRects().length > 0).map(box);
  const column = { right: Math.max(m.left, ...controls.map((r) => r.right)), bottom: Math.max(m.top, ...controls.map((r) => r.bottom)) };
  const bottom = m.bottom - box(map.getContainer().querySelector('.timecontrol')).top + 8;
  const beside = { tl: [column.right - m.left + 6, 6], br: [6, bottom] };
  const under = { tl: [6, column.bottom - m.top + 6], br: [6, bottom] };
  // A padding that leaves no room has no zoom (Leaflet gives NaN).
  const zoom = (p) => {
    const z = map.getBoundsZoom(bounds, false, L.point(p.tl[0] + p.br[0], p.tl[1] + p.br[1]));
    return Number.isFinite(z) ? z : -Infinity;
  };
  const best = zoom(beside) >= zoom(under) ? beside : under;
  if (zoom(best) === -Infinity) { // too small a frame for either: the districts above the time control
    best.tl = [6, 6];
  }
  map.fitBounds(bounds, { animate: false, paddingTopLeft: best.tl, paddingBottomRight: best.br });
}

// applyEmbed switches the page to embed mode (compact: the time control
// folds its options and chapters behind ⋯, as on a phone), credits the
// full map, and frames the districts in the space the controls leave
// (unless the embedded URL chose a view of its own).
export function applyEmbed(map, bounds) {
  document.body.classList.add('embed');
  const credit = L.control({ position: 'topleft' });
  credit.onAdd = () => {
    const a = L.DomUtil.create('a', 'embed-credit panel');
    a.href = fullMapURL();
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = `${t('title')} · ${t('fullMap')} ↗`;
    map.on('moveend', () => { a.href = fullMapURL(); });
    window.addEventListener('popstate', () => { a.href = fullMapURL(); });
    return a;
  };
  credit.addTo(map);
  if (!new URLSearchParams(window.location.search).has('map')) {
    frame(map, bounds);
  }
  return credit;
}
