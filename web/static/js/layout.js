// Measured layout: the heights of the time control and of the attribution
// as CSS variables (--tc-h, --attr-h), so that on a phone the details sheet
// sits just above the time control and the time control just above the
// credits, whatever their text wraps to; and the skip link, which moves
// focus to the date slider.

export function bindLayout(map) {
  const root = document.documentElement.style;
  const tc = map.getContainer().querySelector('.timecontrol');
  const attr = map.getContainer().querySelector('.leaflet-control-attribution');
  const legend = map.getContainer().querySelector('.legend-body');
  const measure = () => {
    root.setProperty('--tc-h', `${tc.offsetHeight + 4}px`);
    root.setProperty('--attr-h', `${attr ? attr.offsetHeight : 0}px`);
    if (legend && !legend.hidden) {
      const room = tc.getBoundingClientRect().top - legend.getBoundingClientRect().top - 8;
      legend.style.maxHeight = `${Math.max(160, Math.floor(room))}px`;
    }
  };
  new ResizeObserver(measure).observe(tc);
  if (legend) {
    new ResizeObserver(measure).observe(legend);
  }
  window.addEventListener('resize', measure);
  if (attr) {
    new ResizeObserver(measure).observe(attr);
  }
  // No first measure here: the observers report the first sizes after the
  // browser's own layout, before it paints, instead of forcing a layout of
  // the whole page in the middle of building it.
  document.querySelector('.skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    tc.querySelector('.tc-slider').focus();
  });
}
