// Draws the features of an OGC API HTML page on a small map. The GeoJSON is
// in the data-geojson attribute of #ogc-map (the page has no inline script).
(function drawOGCMap() {
  const el = document.getElementById('ogc-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  const map = L.map(el, { attributionControl: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.attributionControl.addAttribution('Boundaries: AGCHO / OCHA COD-AB (2018)');
  const layer = L.geoJSON(JSON.parse(el.dataset.geojson), {
    style: { color: '#333', weight: 1.5, fillColor: '#E69F00', fillOpacity: 0.35 },
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 6, color: '#111', fillColor: '#fff', fillOpacity: 1 }),
  }).addTo(map);
  if (layer.getLayers().length > 0) {
    map.fitBounds(layer.getBounds(), { animate: false, padding: [10, 10], maxZoom: 11 });
  } else {
    map.setView([35.5, 69.6], 8);
  }
}());
