// main creates the map and wires the modules together. Data is fetched once:
// scrubbing and playing restyle locally and never wait on the network.

import { getJSON, isStatic, showError, urls } from './api.js';
import { bindComparison } from './comparison.js';
import { areaChart } from './controls/chart.js';
import { ChangeLog } from './controls/changelog.js';
import { CompareControl } from './controls/compare.js';
import { InfoPanel } from './controls/info.js';
import { ShareControl } from './controls/share.js';
import { Legend } from './controls/legend.js';
import { TimeControl, bindKeys } from './controls/timecontrol.js';
import { ViewSwitch } from './controls/viewswitch.js';
import { applyEmbed, embedded } from './embed.js';
import { applyLanguage } from './i18n.js';
import { contextLayer, setTiled } from './layers/context.js';
import { DistrictsLayer } from './layers/districts.js';
import { EventsLayer } from './layers/events.js';
import { bindPermalink, readURL } from './permalink.js';
import { AppState } from './state.js';
import { addPatterns } from './style.js';
import { TimelineIndex } from './timelineindex.js';
import { TimeModel } from './timemodel.js';

const offline = 'Offline (embedded)';

function tileLayers() {
  return {
    [offline]: L.layerGroup(),
    OpenStreetMap: L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 17, attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    }),
    'Terrain (OpenTopoMap)': L.tileLayer('https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png', {
      maxZoom: 15, subdomains: 'abc',
      attribution: 'Map data © <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors, SRTM · style © <a href="https://opentopomap.org">OpenTopoMap</a> (CC-BY-SA)',
    }),
  };
}

// createMap makes the map with the offline background, the choice of tiles,
// and the credits: the boundary attribution as the server states it in the
// timeline document, and the sources of the control history.
function createMap(context, timeline) {
  const map = L.map('map', { zoomSnap: 0.25, minZoom: 6, maxZoom: 15, keyboard: true, zoomControl: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.attributionControl.addAttribution(`${timeline.attribution} · Control: <a href="api/sources">controlmap sources</a>`);
  const background = contextLayer(context).addTo(map);
  const bases = tileLayers();
  bases[offline].addTo(map);
  L.control.layers(bases, null, { position: 'bottomright', collapsed: true }).addTo(map);
  map.on('baselayerchange', (e) => setTiled(background, e.name !== offline));
  return map;
}

// fitDistricts frames the districts, leaving room for the panels.
function fitDistricts(map, districts) {
  const wide = window.matchMedia('(min-width: 700px)').matches;
  map.fitBounds(districts.getBounds(), {
    animate: false,
    paddingTopLeft: wide ? [190, 10] : [10, 120],
    paddingBottomRight: wide ? [330, 130] : [10, 150],
  });
}

// applier returns the function that restores a state read from the URL.
function applier(map, state, index) {
  const { model } = state;
  return (s) => {
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
}

// addControls adds the panels. Picking a change in the log or in compare
// mode goes to its day and flies to its district.
function addControls(map, { state, index, stats, districts }) {
  const { model } = state;
  const goTo = (change, from) => {
    model.setDate(change.date, from);
    state.select(change.pcode);
    districts.flyTo(change.pcode);
  };
  new ViewSwitch(state).addTo(map);
  new InfoPanel(state, index).addTo(map);
  new ChangeLog(state, index, (change) => {
    model.pause();
    goTo(change, 'changelog');
  }).addTo(map);
  new Legend(state, { day: urls.controlOn, history: urls.history }).addTo(map);
  new CompareControl(state, index, (change) => {
    state.setCompare(null);
    goTo(change, 'compare');
  }).addTo(map);
  const time = new TimeControl(model).addTo(map);
  const moveCursor = areaChart(time.getContainer().querySelector('.tc-track'), model, stats);
  model.addEventListener('datechange', moveCursor);
  bindKeys(model);
}

function start([areas, timeline, context, stats]) {
  const index = new TimelineIndex(timeline);
  // The slider spans the recorded history; statuses hold unchanged from the
  // last record to today, which the API answers for any day.
  const model = new TimeModel({ start: timeline.start, end: timeline.last_change, changeDates: timeline.change_dates });
  const state = new AppState(model);
  const map = createMap(context, timeline);
  const districts = new DistrictsLayer(areas, index, state).addTo(map);
  new EventsLayer(index, model).addTo(map);
  bindComparison(state);
  const apply = applier(map, state, index);
  fitDistricts(map, districts);
  apply(readURL(window.location.search));
  addControls(map, { state, index, stats, districts });
  document.body.classList.toggle('static-copy', isStatic); // compare mode needs the server
  if (embedded) {
    applyEmbed(map, districts.getBounds());
  } else {
    new ShareControl(state, { picture: urls.picture, animation: urls.animation }).addTo(map);
  }
  bindPermalink(map, state, apply);
  performance.mark('districts-drawn');
  document.body.dataset.ready = 'true';
}

addPatterns(document.querySelector('.pattern-defs defs'));
applyLanguage();
Promise.all([getJSON(urls.areas), getJSON(urls.timeline), getJSON(urls.context), getJSON(urls.stats)])
  .then(start)
  .catch((err) => {
    document.body.dataset.ready = 'error';
    showError(err.message);
  });
