// The country around the valley (issue 26): each province coloured by who
// held its capital on the day, looked up in the runs the server computed
// (/api/provinces, data.Dataset.ProvinceRanges: the one rule), in a pane
// beneath the districts. Zoomed in on the valley they leave the map, which
// reads as before; a click opens the province's capital,
// the day it fell, how sure the map is and the sources.

import { sourceLink } from '../controls/info.js';
import { bdi, confidenceLabel, dateText, fill, lang, sideName, statusLabel, t } from '../i18n.js';
import { sideIn } from '../region.js';
import { areaStyle } from '../style.js';
import { valleyZoom } from '../controls/country.js';
import { mapLabel } from './maplabel.js';


// runAt is the run of runs holding day: what the server says is drawn then.
function runAt(runs, day) {
  return runs.find((r) => r.from <= day && (r.to === null || day < r.to));
}

export const ProvincesLayer = L.Layer.extend({
  initialize(fc, state, districtName) {
    this.state = state;
    this.districtName = districtName; // a mapped district's name, by P-code
    this.shapes = L.geoJSON(fc, {
      pane: 'provinces',
      onEachFeature: (f, layer) => {
        layer.options.className = `province province-${f.id}`; // before it is drawn
        // A node, not a string: Leaflet writes a string in as markup, and
        // names are data.
        layer.bindTooltip(() => {
          const span = document.createElement('span');
          span.textContent = this.name(f.properties);
          return span;
        }, { sticky: true, direction: 'top' });
        layer.bindPopup(() => this.details(f.properties), { maxWidth: 320 });
      },
    });
    // The provinces' names, on the country's map only; larger provinces
    // win a collision (labels.js), and every district's name wins over them.
    const tips = fc.features.map((f) => {
      const span = document.createElement('span');
      span.textContent = this.name(f.properties);
      const tip = mapLabel({ permanent: true, direction: 'center', className: 'province-label map-label', interactive: false })
        .setLatLng([f.properties.label[1], f.properties.label[0]]).setContent(span);
      tip.on('add', () => { tip.getElement().dataset.priority = String(Math.round(f.properties.area_km2 / 1000)); });
      return tip;
    });
    this.labels = L.layerGroup(tips);
    this.onChange = () => this.restyle();
  },

  onAdd(map) {
    this.restyle();
    this.state.model.addEventListener('datechange', this.onChange);
    map.on('zoomend', this.onChange);
  },

  onRemove(map) {
    map.removeLayer(this.shapes);
    map.removeLayer(this.labels);
    this.state.model.removeEventListener('datechange', this.onChange);
    map.off('zoomend', this.onChange);
  },

  getBounds() {
    return this.shapes.getBounds();
  },

  name(p) {
    return lang === 'fa' && p.name_fa ? p.name_fa : p.name;
  },

  // restyle draws the provinces of the day on the country's map; on the
  // valley's they are off the map, which is the valley's as before.
  restyle() {
    const map = this._map;
    if (!map) {
      return;
    }
    const country = map.getZoom() < valleyZoom;
    if (country !== map.hasLayer(this.shapes)) {
      for (const layer of [this.shapes, this.labels]) {
        if (country) {
          map.addLayer(layer);
        } else {
          map.removeLayer(layer);
        }
      }
      map.fire('declutter');
    }
    if (!country) {
      return;
    }
    const day = this.state.model.date;
    this.shapes.eachLayer((l) => {
      const p = l.feature.properties;
      const run = runAt(p.runs, day) || { status: 'unknown', opacity: 0 };
      // Most days change no province: only a changed one is styled again.
      const key = `${run.status} ${run.opacity}`;
      if (l.drawnAs === key) {
        return;
      }
      l.drawnAs = key;
      // Faded by the confidence in the run, as the server says (wire.OpacityOf).
      const style = areaStyle({ status: run.status, disputed: false });
      if (run.status !== 'unknown') {
        style.fillOpacity = run.opacity;
      }
      l.setStyle({ ...style, color: '#fff', weight: 1 });
    });
  },

  // details is a province's popup: its name, the status on the day, its
  // capital, the day that capital fell (or why there is none), the
  // confidence, the note and the sources, as the data says them.
  details(p) {
    const day = this.state.model.date;
    const root = document.createElement('div');
    root.className = 'province-details';
    const h = L.DomUtil.create('h2', '', root);
    h.textContent = this.name(p);
    const status = runAt(p.runs, day)?.status || 'unknown';
    const line = L.DomUtil.create('p', 'province-status', root);
    line.append(bdi(dateText(day, 'short')), `: ${statusLabel(status)}`);
    fill(L.DomUtil.create('p', '', root), 'provinceCapital', { capital: bdi(p.capital) });
    const fell = L.DomUtil.create('p', '', root);
    if (p.follows) {
      fell.textContent = t('provinceFollows', { district: this.districtName(p.follows) });
    } else if (p.fell) {
      fell.textContent = t('provinceFell', { party: sideName(sideIn('ruling')), date: dateText(p.fell, 'long') });
      fell.append(` ${confidenceLabel(p.confidence)}.`);
    } else {
      fell.textContent = t('provinceNoDay');
    }
    if (p.note) {
      const note = L.DomUtil.create('p', 'province-note', root);
      note.lang = 'en'; // the analysts' notes are in English, left to right
      note.dir = 'ltr';
      note.textContent = p.note;
    }
    if (p.sources.length > 0) {
      const ul = L.DomUtil.create('ul', 'province-sources', root);
      for (const s of p.sources) {
        L.DomUtil.create('li', '', ul).append(sourceLink(s));
      }
    }
    return root;
  },
});
