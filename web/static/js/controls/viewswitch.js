// The view switch: assessed status, or what one party claimed.

import { t, viewLabel } from '../i18n.js';
import { views } from '../timelineindex.js';

export const ViewSwitch = L.Control.extend({
  options: { position: 'topleft' },

  initialize(state, options) {
    L.setOptions(this, options);
    this.state = state;
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
      L.DomUtil.create('span', 'label-short', label).textContent = t(`${view}Short`);
      L.DomEvent.on(input, 'change', () => this.state.setView(view));
      return input;
    });
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
  },
});
