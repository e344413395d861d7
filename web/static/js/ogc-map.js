// Draws the features of an OGC API HTML page on a small map. The GeoJSON is
// in the data-geojson attribute of #ogc-map (the page has no inline script).
// This is a classic script; it takes its styles from the page's style module
// and the boundary attribution from the server (api/sources), as the map
// page does from its timeline document.
(function drawOGCMap() {
  const el = document.getElementById('ogc-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  const sources = new URL('../api/sources', document.currentScript.src);
  const credit = fetch(sources, { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : {}))
    .then((doc) => doc.attribution || '', () => '');
  import('./style.js').then(({ featureStyle, pointStyle }) => {
    const map = L.map(el, { attributionControl: true });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    credit.then((text) => {
      if (text) {
        map.attributionControl.addAttribution(text);
      }
    });
    const layer = L.geoJSON(JSON.parse(el.dataset.geojson), {
      style: featureStyle,
      pointToLayer: (f, latlng) => L.circleMarker(latlng, pointStyle),
    }).addTo(map);
    if (layer.getLayers().length > 0) {
      map.fitBounds(layer.getBounds(), { animate: false, padding: [10, 10], maxZoom: 11 });
    } else {
      map.fitWorld(); // nothing to frame: no region is assumed
    }
  }).catch((err) => {
    el.textContent = `The map could not be drawn: ${err.message}`;
  });
}());
