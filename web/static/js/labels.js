// Placement with collision avoidance. The countryside badges stay where they
// are; event icons are placed next, each
// nudged aside (by the CSS translate property, which leaves Leaflet's own
// positioning alone) when it would cover another, so that every icon stays
// a separate 28 px target. Then every label (the districts' names, places:
// class map-label, with a data-priority) is placed in priority order at the
// first of a few offsets where it overlaps nothing placed, and hidden where
// none fits; zooming in gives room back. All boxes are read first and the
// offsets written after, so placing costs one layout, not one per label.

const labelOffsets = [[0, 0], [0, -14], [0, 14]];
const iconOffsets = [[0, 0], [0, -30], [30, 0], [-30, 0], [0, 30], [30, -30], [-30, -30], [30, 30], [-30, 30], [0, -60], [60, 0], [-60, 0], [0, 60]];
const gap = 2; // pixels kept clear around a label

function overlaps(a, b) {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

function shifted(r, [dx, dy]) {
  return { left: r.left + dx, right: r.right + dx, top: r.top + dy, bottom: r.bottom + dy };
}

// current reads the offset an element was given last time.
function current(el) {
  const [x = '0', y = '0'] = (el.style.translate || '').split(' ');
  return [parseFloat(x) || 0, parseFloat(y) || 0];
}

// place chooses, for each element in order, the first offset at which its
// box overlaps nothing in placed (which it extends); null where none fits.
function place(elements, offsets, placed) {
  const boxes = elements.map((el) => {
    const [x, y] = current(el);
    return shifted(el.getBoundingClientRect(), [-x, -y]);
  });
  return boxes.map((box) => {
    for (const off of offsets) {
      const r = shifted(box, off);
      if (!placed.some((p) => overlaps(p, r))) {
        placed.push(r);
        return off;
      }
    }
    placed.push(box);
    return null;
  });
}

// declutter places the event icons and the labels inside container.
export function declutter(container) {
  const icons = [...container.querySelectorAll('.event-icon')];
  const labels = [...container.querySelectorAll('.map-label')]
    .sort((a, b) => Number(b.dataset.priority || 0) - Number(a.dataset.priority || 0));
  // The countryside badges sit under their districts' names and never move:
  // icons and labels make room for them.
  const placed = [...container.querySelectorAll('.cs-badge')].map((el) => el.getBoundingClientRect());
  const iconChoice = place(icons, iconOffsets, placed);
  const labelChoice = place(labels, labelOffsets, placed);
  icons.forEach((el, i) => {
    const [x, y] = iconChoice[i] || [0, 0];
    el.style.translate = `${x}px ${y}px`;
  });
  labels.forEach((el, i) => {
    const [x, y] = labelChoice[i] || [0, 0];
    el.style.translate = `${x}px ${y}px`;
    el.classList.toggle('label-hidden', labelChoice[i] === null);
  });
}

// bindDeclutter re-places the labels of map after each move and zoom; it
// returns the function that places them now.
export function bindDeclutter(map) {
  let frame = 0;
  const run = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => declutter(map.getContainer()));
  };
  // Layers fire 'declutter' when they add or remove things to place.
  map.on('zoomend moveend declutter', run);
  return run;
}
