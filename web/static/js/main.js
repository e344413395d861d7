// main creates the map and wires the modules together, on the documents and
// models boot.js made. Data is fetched once: scrubbing and playing restyle
// locally and never wait on the network.

import { getJSON, isStatic, showError, urls } from './api.js';
import { booted } from './boot.js';
import { bindComparison } from './comparison.js';
import { areaChart } from './controls/chart.js';
import { ChangeLog } from './controls/changelog.js';
import { InfoPanel } from './controls/info.js';
import { Legend } from './controls/legend.js';
import { TimeControl, bindKeys } from './controls/timecontrol.js';
import { ViewSwitch } from './controls/viewswitch.js';
import { PeriodPresets } from './controls/periods.js';
import { SearchControl } from './controls/search.js';
import { applyEmbed, embedded } from './embed.js';
import { t } from './i18n.js';
import { bindDeclutter } from './labels.js';
import { bindLayout } from './layout.js';
import { contextLayer, setTiled } from './layers/context.js';
import { DistrictsLayer } from './layers/districts.js';
import { EventsLayer } from './layers/events.js';
import { CountrysideLayer } from './layers/countryside.js';
import { CountryControl, valleyZoom } from './controls/country.js';
import { bindPermalink } from './permalink.js';

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
function createMap(timeline) {
  const map = L.map('map', { zoomSnap: 0.25, minZoom: 4, maxZoom: 15, keyboard: true, zoomControl: false });
  // Beneath the districts (the overlay pane, 400): the provinces of the
  // country (layers/provinces.js), and beneath them the offline background.
  map.createPane('background').style.zIndex = 300;
  map.createPane('provinces').style.zIndex = 350;
  // Leaflet's own controls, named in the page's language.
  // Bottom right, under the layers button: the left column (the views, the
  // search, the legend) keeps its room above the time control on a short
  // screen, in Dari too, whose taller headline leaves the map less height.
  L.control.zoom({ position: 'bottomright', zoomInTitle: t('zoomIn'), zoomOutTitle: t('zoomOut') }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  const about = document.getElementById('about-link').getAttribute('href');
  const places = timeline.has_places ? ` · ${t('placesCredit')}` : ''; // a region without places credits none
  map.attributionControl.addAttribution(`${timeline.attribution}${places} · <a href="${about}">${t('about')}</a>`);
  // The background arrives after the first view (addLater): the districts
  // come first, and the neighbours fill in beneath them a moment later.
  const background = contextLayer({ type: 'FeatureCollection', features: [] }).addTo(map);
  map.background = background;
  const bases = tileLayers();
  bases[offline].addTo(map);
  const layers = L.control.layers(bases, null, { position: 'bottomright', collapsed: true }).addTo(map);
  const toggle = layers.getContainer().querySelector('.leaflet-control-layers-toggle');
  toggle.title = t('layers');
  toggle.setAttribute('aria-label', t('layers'));
  map.on('baselayerchange', (e) => setTiled(background, e.name !== offline));
  return map;
}

// fitDistricts frames the districts in the room the panels leave (fitRoom).
function fitDistricts(map, districts) {
  fitRoom(map, districts.getBounds());
}

// fitRoom frames bounds, at most at maxZoom, in the room the panels leave: below
// the top panels on a phone, between the side panels on a wider screen,
// and above the time control (or, on a phone, the compare sheet over it),
// all as measured.
function fitRoom(map, bounds, maxZoom = map.getMaxZoom()) {
  const box = (sel) => map.getContainer().querySelector(sel).getBoundingClientRect();
  const m = map.getContainer().getBoundingClientRect();
  const wide = window.matchMedia('(min-width: 701px)').matches;
  const left = box('.leaflet-top.leaflet-left');
  const right = wide ? box('.info') : { left: m.right };
  const top = wide ? 10 : Math.max(left.bottom, box('.changelog').bottom) - m.top + 4;
  const sheet = wide ? null : map.getContainer().querySelector('.compare:has(:checked)');
  const floor = Math.min(box('.timecontrol').top, sheet ? sheet.getBoundingClientRect().top : Infinity);
  const bottom = m.bottom - floor + 18; // event icons at the edge stay clear
  map.fitBounds(bounds, {
    animate: false,
    maxZoom, // the country's frame stays below the valley's zoom on the largest screens
    paddingTopLeft: [wide ? box('.viewswitch').right - m.left + 6 : 4, top],
    paddingBottomRight: [wide ? m.right - right.left + 6 : 4, bottom],
  });
}

// applier returns the function that restores a state read from the URL.
function applier(map, state, index, known) {
  const { model } = state;
  return (s) => {
    if (s.view) {
      state.setView(s.view);
    }
    state.setKnown(Boolean(s.known) && known.available);
    state.select(s.district && index.areas.has(s.district) ? s.district : null);
    // A compared span shows its later date: the map never contradicts it.
    model.setDate(s.compare ? s.compare.to : s.date || model.end, 'url');
    state.setCompare(s.compare || null);
    if (s.map) {
      map.setView([s.map.lat, s.map.lng], s.map.zoom, { animate: false });
    }
  };
}

// addControls adds the panels, a corner at a time, each painted before the
// next is built: no task is long enough to hold up a tap. Picking a change
// in the log or in compare mode goes to its day and flies to its district.
async function addControls(map, { state, index, stats, districts, areas, periods, known }) {
  const { model } = state;
  const goTo = (change, from) => {
    model.setDate(change.date, from);
    if (change.pcode) {
      state.select(change.pcode);
      districts.flyTo(change.pcode);
    }
  };
  new ViewSwitch(state, known).addTo(map);
  // The country's map and the valley's, one tap apart: on the page from the
  // first view, so that nothing moves when the provinces arrive (addLater).
  const country = urls.provinces && !embedded
    ? new CountryControl(() => fitDistricts(map, districts), (bounds) => fitRoom(map, bounds, valleyZoom - 0.25)).addTo(map) : null;
  const search = new SearchControl(areas, {
    district: (pcode) => {
      state.select(pcode);
      districts.flyTo(pcode);
    },
    place: (p) => map.flyTo([p.geometry.coordinates[1], p.geometry.coordinates[0]], Math.max(map.getZoom(), p.properties.minzoom, 10), { duration: 0.6 }),
  }).addTo(map);
  new Legend(state, { day: urls.controlOn, history: urls.history, windowDays: index.timeline.activity_window_days, claimWindowDays: index.timeline.claim_window_days, statuses: index.timeline.statuses }).addTo(map);
  await painted();
  const info = new InfoPanel(state, index).addTo(map);
  new ChangeLog(state, index, areas, (change) => {
    model.pause();
    goTo(change, 'changelog');
    if (change.event) {
      info.showEvent(change.event);
    }
  }).addTo(map);
  await painted();
  const time = new TimeControl(model).addTo(map);
  bindChart(map, model, time.getContainer().querySelector('.tc-track'), stats, index.timeline.activity);
  new PeriodPresets(model, periods).into(time.getContainer());
  bindKeys(model);
  return { info, search, goTo, country };
}

// bindChart draws the area chart of the level the map shows: the valley's
// districts, or, zoomed out to the country (controls/country.js), its
// provinces by who held each capital (the server's stats.country).
function bindChart(map, model, track, stats, activity) {
  let level = null;
  let listeners = null;
  const draw = () => {
    const next = stats.country && map.getZoom() < valleyZoom ? 'country' : 'valley';
    if (next === level) {
      return;
    }
    level = next;
    listeners?.abort();
    listeners = new AbortController();
    const holder = document.createElement('div');
    const country = level === 'country';
    const move = areaChart(holder, model, country ? stats.country : stats, country ? [] : activity,
      { label: t(country ? 'chartCountry' : 'chart'), signal: listeners.signal });
    const old = track.querySelector('.area-chart');
    if (old) {
      old.replaceWith(holder.firstChild);
    } else {
      track.append(holder.firstChild);
    }
    model.addEventListener('datechange', move, { signal: listeners.signal });
  };
  draw();
  map.on('zoomend', draw);
}

// addLater loads what the first view does not need, once the map is drawn:
// the background of neighbouring districts and provinces, the compare
// panel's code, the places (layer and search names) and the Share control.
// Returns a promise that settles when all are on the page.
function addLater(map, { state, index, stats, search, goTo, districts, country }) {
  const background = getJSON(urls.context).then((fc) => {
    map.background.addData(fc);
    map.background.bringToBack(); // beneath the districts, drawn first
  });
  const share = embedded ? Promise.resolve() : import('./controls/share.js').then(({ ShareControl }) => {
    new ShareControl(state, { picture: urls.picture, pictureDay: urls.pictureDay, pictureViews: urls.pictureViews, animation: urls.animation, oneAnimation: Boolean(urls.published),
      pictureCountry: stats.country && !urls.published ? urls.pictureCountry : null }).addTo(map);
  });
  const compare = import('./controls/compare.js').then(({ CompareControl }) => {
    new CompareControl(state, index, (change) => {
      state.setCompare(null);
      goTo(change, 'compare');
    }).addTo(map);
    // On a phone the compare sheet covers the lower map: when comparing
    // starts, the districts are framed in the room above it.
    const phone = window.matchMedia('(max-width: 700px)');
    let comparing = false;
    const reframe = () => {
      const now = Boolean(state.compare);
      if (now && !comparing && phone.matches && !embedded) {
        requestAnimationFrame(() => fitDistricts(map, districts));
      }
      comparing = now;
    };
    state.addEventListener('comparechange', reframe);
    reframe();
  });
  // The country around the valley, when the dataset maps it: the national
  // map below the valley's zoom, and a button between the two.
  const provinces = urls.provinces ? Promise.all([getJSON(urls.provinces), import('./layers/provinces.js')])
    .then(([fc, { ProvincesLayer }]) => {
      if (fc.features.length === 0) {
        return null;
      }
      const layer = new ProvincesLayer(fc, state, (pcode) => index.name(pcode)).addTo(map);
      return layer;
    }).catch((e) => {
      // The country is an extra: without it (a failed fetch, an older
      // static copy) the valley's map goes on, and the button goes.
      console.warn('the provinces did not load:', e);
      return null;
    }) : Promise.resolve(null);
  country?.setTarget(provinces);
  const places = Promise.all([getJSON(urls.places), import('./layers/places.js')]).then(([fc, { PlacesLayer }]) => {
    new PlacesLayer(fc).addTo(map);
    search.addPlaces(fc.features);
    map.fire('declutter');
  });
  return Promise.all([background, compare, places, share, provinces]);
}

// painted resolves once the browser has had the chance to paint what was
// built so far, in a task of its own: boot.js's headline shows before the
// map is built, and no stage of the start blocks input for long. The timeout stands
// in for requestAnimationFrame where it sleeps (hidden tabs, off-screen
// embeds).
function painted() {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}

// start builds the map once boot.js has written the day's headline (what a
// reader came for), in stages, each painted before the next: the map's
// panels, the districts framed in the room the panels leave, the events,
// then the state of the URL, the labels and the rest.
async function start({ areas, timeline, stats, periods, index, state, props, initial, known }) {
  const { model } = state;
  await painted();

  const map = createMap(timeline);
  const districts = new DistrictsLayer(areas, index, state).addTo(map);
  bindComparison(state, index);
  await painted();
  const controls = await addControls(map, { state, index, stats, districts, areas: props, periods: periods.periods, known });
  bindLayout(map);
  await painted();

  map.invalidateSize({ animate: false });
  fitDistricts(map, districts);
  await painted();
  new CountrysideLayer(index, state, (pcode) => state.select(pcode)).addTo(map);
  new EventsLayer(index, model, (ev) => controls.info.showEvent(ev)).addTo(map);
  await painted();
  const apply = applier(map, state, index, known);
  apply(initial);
  bindDeclutter(map)();
  document.body.classList.toggle('static-copy', isStatic);
  if (embedded) {
    applyEmbed(map, districts.getBounds());
  }
  bindPermalink(map, state, apply);
  performance.mark('districts-drawn');
  // Ready (for the tests) once everything is on the page; the first view
  // was drawn above.
  await painted();
  await addLater(map, { state, index, stats, districts, ...controls });
  document.body.dataset.ready = 'true';
}

booted
  .then(start)
  .catch((err) => {
    document.body.dataset.ready = 'error';
    showError(err.message);
  });
