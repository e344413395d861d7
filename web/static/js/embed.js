// Embed mode (?embed=1): the page inside another site's iframe shows the
// map, the time control, the legend and a credit that links to the full
// map; no header and no side panels (CSS under body.embed hides them).

export const embedded = new URLSearchParams(window.location.search).get('embed') === '1';

// fullMapURL is the page's current state without the embed flag.
export function fullMapURL() {
  const url = new URL(window.location.href);
  url.searchParams.delete('embed');
  return url.href;
}

// applyEmbed switches the page to embed mode, credits the full map, and
// frames the districts beside the legend and above the time control
// (unless the embedded URL chose a view of its own).
export function applyEmbed(map, bounds) {
  document.body.classList.add('embed');
  if (!new URLSearchParams(window.location.search).has('map')) {
    const wide = window.matchMedia('(min-width: 700px)').matches;
    map.fitBounds(bounds, {
      animate: false,
      paddingTopLeft: wide ? [330, 10] : [10, 70],
      paddingBottomRight: wide ? [10, 10] : [10, 200],
    });
  }
  const credit = L.control({ position: 'topleft' });
  credit.onAdd = () => {
    const a = L.DomUtil.create('a', 'embed-credit panel');
    a.href = fullMapURL();
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = 'Panjshir & Andarab: who held what · full map ↗';
    map.on('moveend', () => { a.href = fullMapURL(); });
    window.addEventListener('popstate', () => { a.href = fullMapURL(); });
    return a;
  };
  credit.addTo(map);
  return credit;
}
