// The places layer: towns and villages (GeoNames, cut to the map's extent at
// build time) and the passes, valleys and side valleys the sources name
// (data/places.csv, each with a cited coordinate), from /api/places. Each
// is a small dot with a haloed label; which show depends on the zoom (a
// place's minzoom), and labels.js keeps any two from overlapping.

import { lang } from '../i18n.js';
import { mapLabel } from './maplabel.js';

const kindClass = { town: 'place-town', village: 'place-village', pass: 'place-pass', valley: 'place-valley' };

export const PlacesLayer = L.Layer.extend({
  initialize(collection) {
    this.features = collection.features || [];
    this.group = L.layerGroup();
    this.items = this.features.map((f) => {
      const [lng, lat] = f.geometry.coordinates;
      const p = f.properties;
      const marker = L.circleMarker([lat, lng], {
        radius: p.kind === 'valley' ? 0 : 3, color: '#222', weight: 1, fillColor: '#fff', fillOpacity: 1, interactive: false,
        className: `place-dot ${kindClass[p.kind] || ''}`,
      });
      // Text, never markup: Leaflet would put a string in with innerHTML.
      const name = document.createElement('span');
      name.textContent = lang === 'fa' && p.name_fa ? p.name_fa : p.name;
      const label = mapLabel({
        permanent: true, direction: p.kind === 'valley' ? 'center' : 'right', offset: p.kind === 'valley' ? [0, 0] : [4, 0],
        className: `place-label map-label ${kindClass[p.kind] || ''}`, interactive: false,
      }).setLatLng([lat, lng]).setContent(name);
      label.on('add', () => {
        label.getElement().dataset.priority = String(p.priority || 0);
      });
      return { f, marker, label };
    });
    this.onZoom = () => this.update();
  },

  onAdd(map) {
    map.addLayer(this.group);
    map.on('zoomend', this.onZoom);
    this.update();
  },

  onRemove(map) {
    map.off('zoomend', this.onZoom);
    map.removeLayer(this.group);
  },

  // update shows the places whose minzoom the map has reached.
  update() {
    const z = this._map.getZoom();
    for (const { f, marker, label } of this.items) {
      const on = z >= (f.properties.minzoom || 0);
      for (const layer of [marker, label]) {
        if (on !== this.group.hasLayer(layer)) {
          if (on) {
            this.group.addLayer(layer);
          } else {
            this.group.removeLayer(layer);
          }
        }
      }
    }
  },
});
