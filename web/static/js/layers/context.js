// The offline background: neighbouring districts and provinces drawn from
// embedded data, so the map needs no tile server.

export function contextLayer(context) {
  return L.geoJSON(context, {
    interactive: false,
    style: (f) => (f.properties.kind === 'province'
      ? { color: '#7a7a7a', weight: 1.6, fill: false, dashArray: '4 3' }
      : { color: '#b5b5b5', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 }),
  });
}

// setTiled makes the background's fill transparent when a tile layer shows.
export function setTiled(layer, tiled) {
  layer.eachLayer((l) => {
    if (l.feature.properties.kind !== 'province') {
      l.setStyle({ fillOpacity: tiled ? 0 : 1 });
    }
  });
}
