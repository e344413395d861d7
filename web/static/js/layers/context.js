// The offline background: neighbouring districts and provinces drawn from
// embedded data, so the map needs no tile server.

import { contextStyle } from '../style.js';

export function contextLayer(context) {
  return L.geoJSON(context, {
    pane: 'background', // beneath the provinces (main.js)
    interactive: false,
    style: (f) => contextStyle(f.properties.kind),
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
