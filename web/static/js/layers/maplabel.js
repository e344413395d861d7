// A map label: a permanent Leaflet tooltip that places itself in a batch.
// Leaflet's tooltip reads its own size to centre itself, right after it is
// put on the page, so adding n labels lays the page out n times (a forced
// layout each). Here the placing waits for the end of the current task and
// runs for every label added in it: the first label's read lays the page out
// once, and the others read a page whose only changes since are transforms,
// which need no layout.

const pending = new Set();

function placeAll() {
  const labels = [...pending];
  pending.clear();
  for (const l of labels) {
    if (l._map) {
      L.Tooltip.prototype._setPosition.call(l, l.pendingPosition);
    }
  }
}

export const MapLabel = L.Tooltip.extend({
  _setPosition(pos) {
    this.pendingPosition = pos;
    if (pending.size === 0) {
      queueMicrotask(placeAll);
    }
    pending.add(this);
  },
});

export function mapLabel(options) {
  return new MapLabel(options);
}
