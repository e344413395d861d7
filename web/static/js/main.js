// main creates the map and wires the modules together. Data is fetched once:
// scrubbing and playing restyle locally and never wait on the network.

import { getJSON, showError, urls } from './api.js';
import { areaChart } from './controls/chart.js';
import { ChangeLog } from './controls/changelog.js';
import { CompareControl } from './controls/compare.js';
import { InfoPanel } from './controls/info.js';
import { Legend } from './controls/legend.js';
import { TimeControl, bindKeys } from './controls/timecontrol.js';
import { ViewSwitch } from './controls/viewswitch.js';
import { bindComparison } from './comparison.js';
import { TimelineIndex } from './timelineindex.js';
import { applyLanguage } from './i18n.js';
import { contextLayer, setTiled } from './layers/context.js';
import { DistrictsLayer } from './layers/districts.js';
import { EventsLayer } from './layers/events.js';
import { bindPermalink, readURL } from './permalink.js';
import { AppState } from './state.js';
import { TimeModel } from './timemodel.js';

const attribution = 'Boundaries: AGCHO / OCHA COD-AB (2018) · Control: <a href="api/sources">controlmap sources</a>';

function tileLayers() {
  return {
    'Offline (embedded)': L.layerGroup(),
    OpenStreetMap: L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 17, attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    }),
    'Terrain (OpenTopoMap)': L.tileLayer('https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png', {
      maxZoom: 15, subdomains: 'abc',
      attribution: 'Map data © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors, SRTM · style © <a href="https://opentopomap.org">OpenTopoMap</a> (CC-BY-SA)',
    }),
  };
}

function start([areas, timeline, context, stats]) {
  const index = new TimelineIndex(timeline);
  // The slider spans the recorded history; statuses hold unchanged from the
  // last record to today, which the API answers for any day.
  const model = new TimeModel({ start: timeline.start, end: timeline.last_change, changeDates: timeline.change_dates });
  const state = new AppState(model);
  const initial = readURL(window.location.search);

  const map = L.map('map', { zoomSnap: 0.25, minZoom: 6, maxZoom: 15, keyboard: true, zoomControl: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.attributionControl.addAttribution(attribution);
  const background = contextLayer(context).addTo(map);
  const bases = tileLayers();
  bases['Offline (embedded)'].addTo(map);
  L.control.layers(bases, null, { position: 'bottomright', collapsed: true }).addTo(map);
  map.on('baselayerchange', (e) => setTiled(background, e.name !== 'Offline (embedded)'));

  const districts = new DistrictsLayer(map, areas, index, state);
  const events = new EventsLayer(map, index, model);

  bindComparison(state);
  const apply = (s) => {
    if (s.view) {
      state.setView(s.view);
    }
    state.select(s.district && index.areas.has(s.district) ? s.district : null);
    state.setCompare(s.compare || null);
    model.setDate(s.date || model.end, 'url');
    if (s.map) {
      map.setView([s.map.lat, s.map.lng], s.map.zoom, { animate: false });
    }
  };
  const wide = window.matchMedia('(min-width: 700px)').matches;
  map.fitBounds(districts.bounds(), {
    animate: false,
    paddingTopLeft: wide ? [190, 10] : [10, 120],
    paddingBottomRight: wide ? [330, 130] : [10, 150],
  });
  apply(initial);

  new ViewSwitch(state).addTo(map);
  new InfoPanel(state, index).addTo(map);
  new ChangeLog(state, index, (change) => {
    model.pause();
    model.setDate(change.date, 'changelog');
    state.select(change.pcode);
    districts.flyTo(change.pcode);
  }).addTo(map);
  new Legend(state, { day: urls.controlOn, history: urls.history }).addTo(map);
  new CompareControl(state, index, (change) => {
    state.setCompare(null);
    model.setDate(change.date, 'compare');
    state.select(change.pcode);
    districts.flyTo(change.pcode);
  }).addTo(map);
  const time = new TimeControl(model).addTo(map);
  const moveCursor = areaChart(time.getContainer().querySelector('.tc-track'), model, stats);
  model.addEventListener('datechange', moveCursor);
  bindKeys(model);

  const restyle = () => districts.restyle();
  model.addEventListener('datechange', () => {
    // User Timing: the harness reads these to report the cost of a step.
    const start = performance.now();
    restyle();
    events.update();
    performance.measure('restyle', { start });
  });
  state.addEventListener('change', restyle);
  state.addEventListener('comparechange', restyle);
  districts.restyle();
  events.update();
  bindPermalink(map, state, apply);
  performance.mark('districts-drawn');
  document.body.dataset.ready = 'true';
}

applyLanguage();
Promise.all([getJSON(urls.areas), getJSON(urls.timeline), getJSON(urls.context), getJSON(urls.stats)])
  .then(start)
  .catch((err) => {
    document.body.dataset.ready = 'error';
    showError(err.message);
  });
