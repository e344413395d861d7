// Label placement with collision avoidance. Every label on the map (the
// districts' names, places) carries the class map-label and a
// data-priority; after each move or zoom the labels are placed in priority
// order, each at the first of a few offsets where it overlaps no label
// already placed, and hidden where none fits. Zooming in gives room back.

const offsets = [0, -14, 14];
const gap = 2; // pixels kept clear around a label

function overlaps(a, b) {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

// declutter places the labels inside container.
export function declutter(container) {
  const labels = [...container.querySelectorAll('.map-label')]
    .sort((a, b) => Number(b.dataset.priority || 0) - Number(a.dataset.priority || 0));
  const placed = [];
  for (const el of labels) {
    el.classList.remove('label-hidden');
    let rect = null;
    for (const dy of offsets) {
      el.style.marginTop = `${dy}px`;
      const r = el.getBoundingClientRect();
      if (!placed.some((p) => overlaps(p, r))) {
        rect = r;
        break;
      }
    }
    if (rect) {
      placed.push(rect);
    } else {
      el.style.marginTop = '0px';
      el.classList.add('label-hidden');
    }
  }
}

// bindDeclutter re-places the labels of map after each move and zoom; it
// returns the function that places them now.
export function bindDeclutter(map) {
  let frame = 0;
  const run = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => declutter(map.getContainer()));
  };
  map.on('zoomend moveend layeradd overlayadd', run);
  return run;
}
