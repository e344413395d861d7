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
  // measure reads every size before it writes a variable: a read after a
  // write would lay the whole page out again. The variables move the time
  // control on a phone, so where they changed, the legend's room is
  // measured again in the next frame, when the page is laid out anew.
  let last = '';
  const measure = () => {
    const tcH = tc.offsetHeight;
    const attrH = attr ? attr.offsetHeight : 0;
    // Beside a phone's screen, a legend with too little room under its
    // button (a short desktop screen) opens beside the left column, from
    // the top of the map, instead of over the date.
    const toggleBottom = legend ? legend.previousElementSibling.getBoundingClientRect().bottom : 0;
    const tcTop = tc.getBoundingClientRect().top;
    const aside = legend && innerWidth > 700 && tcTop - toggleBottom < 120;
    const now = `${tcH} ${attrH}`;
    root.setProperty('--tc-h', `${tcH + 4}px`);
    root.setProperty('--attr-h', `${attrH}px`);
    legend?.parentElement.classList.toggle('legend-aside', Boolean(aside));
    // Read after the class is set (a second layout, on a resize only).
    const room = legend && !legend.hidden ? tcTop - legend.getBoundingClientRect().top - 8 : null;
    if (room !== null) {
      legend.style.maxHeight = `${Math.max(96, Math.floor(room))}px`;
      if (now !== last) {
        requestAnimationFrame(measure);
      }
    }
    last = now;
  };
  // One observer for the three boxes: it reports them in one callback, so
  // the page is measured once per change, not once per box.
  const observer = new ResizeObserver(measure);
  for (const el of [tc, legend, attr]) {
    if (el) {
      observer.observe(el);
    }
  }
  window.addEventListener('resize', measure);
  // No first measure here: the observers report the first sizes after the
  // browser's own layout, before it paints, instead of forcing a layout of
  // the whole page in the middle of building it.
  document.querySelector('.skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    tc.querySelector('.tc-slider').focus();
  });
}
