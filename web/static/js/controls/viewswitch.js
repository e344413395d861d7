// The view switch: assessed status, or what one party claimed; and when the
// map is drawn from: with hindsight, or as known at the time (known.js).

import { t, viewLabel, viewShort } from '../i18n.js';
import { views } from '../timelineindex.js';

export const ViewSwitch = L.Control.extend({
  options: { position: 'topleft' },

  initialize(state, known, options) {
    L.setOptions(this, options);
    this.state = state;
    this.known = known;
    this.onChange = () => this.render();
  },

  onAdd() {
    const root = L.DomUtil.create('fieldset', 'viewswitch panel');
    const legend = L.DomUtil.create('legend', '', root);
    legend.textContent = t('show');
    this.inputs = views.map((view) => {
      const label = L.DomUtil.create('label', '', root);
      const input = L.DomUtil.create('input', '', label);
      input.type = 'radio';
      input.name = 'view';
      input.value = view;
      // A short label for phones (css/app.css shows one of the two).
      L.DomUtil.create('span', 'label-long', label).textContent = viewLabel(view);
      L.DomUtil.create('span', 'label-short', label).textContent = viewShort(view);
      L.DomEvent.on(input, 'change', () => this.state.setView(view));
      return input;
    });
    this.whenInputs = [];
    if (this.known?.available) {
      const when = L.DomUtil.create('fieldset', 'knownswitch', root);
      L.DomUtil.create('legend', '', when).textContent = t('knownLegend');
      this.whenInputs = [false, true].map((on) => {
        const label = L.DomUtil.create('label', '', when);
        const input = L.DomUtil.create('input', '', label);
        input.type = 'radio';
        input.name = 'known';
        input.value = on ? 'time' : 'hindsight';
        L.DomUtil.create('span', 'label-long', label).textContent = t(on ? 'knownTime' : 'knownHindsight');
        L.DomUtil.create('span', 'label-short', label).textContent = t(on ? 'knownTimeShort' : 'knownHindsightShort');
        L.DomEvent.on(input, 'change', () => this.state.setKnown(on));
        // On a phone "at the time" is a toggle (its hindsight twin hidden):
        // a tap on it when chosen goes back to hindsight.
        if (on) {
          L.DomEvent.on(input, 'click', () => {
            if (this.wasKnown) {
              input.checked = false;
              this.state.setKnown(false);
            }
          });
          L.DomEvent.on(label, 'pointerdown keydown', () => { this.wasKnown = this.state.known; });
        }
        return input;
      });
    }
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.state.addEventListener('change', this.onChange);
    this.render();
    return root;
  },

  onRemove() {
    this.state.removeEventListener('change', this.onChange);
  },

  render() {
    for (const input of this.inputs) {
      input.checked = input.value === this.state.view;
    }
    for (const input of this.whenInputs) {
      input.checked = (input.value === 'time') === this.state.known;
    }
  },
});
