// The button between the two maps (issue 26): the whole country's
// provinces (layers/provinces.js) and the valley's districts. It is on the
// page from the first view, so that nothing moves when the provinces
// arrive, and shows once they are in.

import { t } from '../i18n.js';

// Below this zoom the map is the country's; from it on, the valley's.
export const valleyZoom = 7.5;

// CountryControl is one button that frames the whole country (fit, once
// the provinces are in), or, once there, the valley again (toValley).
export const CountryControl = L.Control.extend({
  options: { position: 'bottomright' },

  initialize(toValley, fit, options) {
    L.setOptions(this, options);
    this.toValley = toValley;
    this.fit = fit; // frames bounds in the room the panels leave
    this.target = new Promise((resolve) => { this.resolve = resolve; });
  },

  // setTarget hands over the provinces layer (a promise of it, or of null
  // for a dataset without provinces: the button then goes).
  setTarget(layer) {
    Promise.resolve(layer).then((l) => {
      if (!l) {
        this.remove();
      } else if (this.button) {
        this.button.style.visibility = '';
      }
      this.resolve(l);
    });
  },

  onAdd(map) {
    const button = L.DomUtil.create('button', 'country-toggle leaflet-bar');
    button.type = 'button';
    // Hidden until the provinces are in: it holds its place from the first
    // view (nothing moves when it shows), but is not offered before it works.
    button.style.visibility = 'hidden';
    this.button = button;
    const label = () => {
      const country = map.getZoom() >= valleyZoom;
      button.textContent = t(country ? 'country' : 'valley');
      button.setAttribute('aria-label', t(country ? 'countryLabel' : 'valleyLabel'));
      button.title = button.getAttribute('aria-label');
    };
    L.DomEvent.disableClickPropagation(button);
    L.DomEvent.on(button, 'click', () => {
      if (map.getZoom() >= valleyZoom) {
        this.target.then((l) => l && this.fit(l.getBounds()));
      } else {
        this.toValley();
      }
    });
    this.label = label;
    map.on('zoomend', label);
    label();
    return button;
  },

  onRemove(map) {
    map.off('zoomend', this.label);
  },
});
