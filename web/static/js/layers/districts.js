// The districts layer: one path per district and its label, restyled from
// the timeline index whenever the date, the view, the selection or the
// comparison changes. Nothing is fetched while scrubbing. It listens to the
// time model and the app state only while it is on a map.

import { areaName, statusLabel, t } from '../i18n.js';
import { areaStyle, compareStyle } from '../style.js';
import { mapLabel } from './maplabel.js';

// labelElement wraps a district's name as text: Leaflet puts a string
// content in with innerHTML, and names are data, never markup. Its area
// (km²) ranks it when labels collide (labels.js).
function labelElement(name, areaKm2 = 0) {
  const span = document.createElement('span');
  span.textContent = name;
  span.dataset.area = String(Math.round(areaKm2 || 0));
  return span;
}

export const DistrictsLayer = L.Layer.extend({
  initialize(areas, index, state) {
    this.index = index;
    this.state = state; // {model, view, selected, compare}
    this.byPcode = new Map();
    this.shapes = L.geoJSON(areas, {
      style: () => ({ fillOpacity: 0.7 }),
      onEachFeature: (feature, layer) => {
        this.byPcode.set(feature.id, layer);
        layer.on('click', () => this.state.select(feature.id));
      },
    });
    // Larger districts' names win a collision (labels.js).
    this.labels = L.layerGroup(areas.features.map((f) => mapLabel({
      permanent: true, direction: 'center', className: 'district-label map-label', interactive: false,
    }).setLatLng([f.properties.label[1], f.properties.label[0]])
      .setContent(labelElement(areaName(f.properties), f.properties.area_km2))));
    this.labels.eachLayer((tip) => tip.on('add', () => {
      tip.getElement().dataset.priority = String(1000 + Number(tip.getElement().firstChild.dataset.area));
    }));
    this.onChange = () => this.restyle();
    this.onDate = () => {
      // User Timing: the harness reads these to report the cost of a step.
      const start = performance.now();
      this.restyle();
      performance.measure('restyle', { start });
    };
  },

  onAdd(map) {
    // Style the paths before they are drawn, so they never show (or
    // transition from) a default style; restyle again below to tag them.
    this.restyle();
    map.addLayer(this.shapes);
    map.addLayer(this.labels);
    this.state.model.addEventListener('datechange', this.onDate);
    this.state.addEventListener('change', this.onChange);
    this.state.addEventListener('comparechange', this.onChange);
    this.restyle();
  },

  onRemove(map) {
    this.state.model.removeEventListener('datechange', this.onDate);
    this.state.removeEventListener('change', this.onChange);
    this.state.removeEventListener('comparechange', this.onChange);
    map.removeLayer(this.labels);
    map.removeLayer(this.shapes);
  },

  getBounds() {
    return this.shapes.getBounds();
  },

  restyle() {
    const { model, view, selected } = this.state;
    const comparing = Boolean(this.state.compare);
    for (const [pcode, layer] of this.byPcode) {
      // What the view draws (the server's rule): in a party's view, stale
      // marks a claim older than the claim window.
      const { status, disputed, stale } = this.index.viewAt(view, pcode, model.date);
      const change = comparing ? this.changeOf(pcode) : null;
      // Confidence belongs to the assessment, not to a claim.
      const iv = view === 'assessed' ? this.index.interval(pcode, model.date) : null;
      const confidence = iv ? iv.confidence : 'high';
      const isSelected = pcode === selected;
      layer.setStyle(comparing ? compareStyle(change) : areaStyle({ status, disputed, selected: isSelected, confidence, stale }));
      if (isSelected && layer._map) {
        layer.bringToFront();
      }
      const path = layer.getElement();
      if (path) {
        path.dataset.pcode = pcode;
        path.dataset.status = status;
        path.dataset.disputed = String(disputed);
        path.dataset.changed = change ? `${change.from}>${change.to}` : '';
        path.dataset.confidence = iv ? confidence : '';
        path.dataset.stale = String(stale);
        path.classList.add('district');
        path.classList.toggle('selected', isSelected);
        path.setAttribute('role', 'img');
        path.setAttribute('aria-label', `${areaName(layer.feature.properties)}: ${statusLabel(status)}${iv ? `, ${t(`conf${confidence[0].toUpperCase()}${confidence.slice(1)}`)}` : ''}`);
      }
    }
  },

  // changeOf is a district's assessed change over the compared span,
  // from the timeline index (the same rule as /api/diff), or null.
  changeOf(pcode) {
    const { from, to } = this.state.compare;
    const before = this.index.statusIn('assessed', pcode, from);
    const after = this.index.statusIn('assessed', pcode, to);
    return before === after ? null : { from: before, to: after };
  },

  flyTo(pcode) {
    const layer = this.byPcode.get(pcode);
    if (layer && this._map) {
      this._map.flyToBounds(layer.getBounds(), { maxZoom: 10, duration: 0.6 });
    }
  },
});
