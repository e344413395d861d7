// localDiff answers what /api/diff answers, from the timeline document the
// page already holds: a static copy (controlmap publish) has no server to
// ask, and the pairs of days are too many to publish as files. The rules
// are the server's (data.Dataset.Compare, wire.Encoder.Diff);
// TestLocalDiffEqualsDiffOnEveryDay holds the two equal on every day of
// the data (web/parity/localdiff.mjs runs this module under Node).

// round rounds to 0.1 as the server does (Go's math.Round: halves away
// from zero, where Math.round would take -0.05 to 0).
function round(v) {
  return (Math.sign(v) * Math.round(Math.abs(v) * 10)) / 10;
}

// balanceOf sums each status's gained and lost km² over the changed
// districts, and keeps the statuses that moved, keyed in the server's
// (alphabetical) order. Sums are in tenths of km², the unit the page's
// areas come in, so that adding them introduces no drift.
function balanceOf(features) {
  const gained = new Map();
  const lost = new Map();
  const add = (m, k, v) => m.set(k, (m.get(k) || 0) + Math.round(v * 10));
  for (const { properties: p } of features) {
    add(gained, p.status_to, p.area_km2);
    add(lost, p.status_from, p.area_km2);
  }
  const balance = {};
  for (const status of [...new Set([...gained.keys(), ...lost.keys()])].sort()) {
    const g = (gained.get(status) || 0) / 10;
    const l = (lost.get(status) || 0) / 10;
    balance[status] = { gained_km2: g, lost_km2: l, net_km2: round(g - l) };
  }
  return balance;
}

// changesBetween lists every assessed change dated in (from, to], in date
// order and, within a day, in the districts' order (the server's stable sort).
function changesBetween(timeline, from, to) {
  const changes = [];
  for (const area of timeline.areas) {
    area.intervals.forEach((iv, i) => {
      if (iv.valid_from > from && iv.valid_from <= to) {
        changes.push({ date: iv.valid_from, pcode: area.pcode, name: area.name,
          status_from: i > 0 ? area.intervals[i - 1].status : 'unknown', status_to: iv.status, sources: iv.sources });
      }
    });
  }
  return changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// localDiff compares the assessed maps of from and to (from <= to) with a
// TimelineIndex. Features carry no geometry: the page draws the districts
// it already has.
export function localDiff(index, from, to) {
  const { timeline } = index;
  const features = [];
  for (const area of timeline.areas) {
    const before = index.statusIn('assessed', area.pcode, from);
    const after = index.statusIn('assessed', area.pcode, to);
    if (before === after) {
      continue;
    }
    const iv = index.interval(area.pcode, to);
    features.push({ type: 'Feature', id: area.pcode, geometry: null, properties: {
      pcode: area.pcode, name: area.name, name_fa: area.name_fa, status_from: before, status_to: after,
      area_km2: area.area_km2, since: iv ? iv.valid_from : null,
      sources: iv ? iv.sources.map((id) => index.source(id)).filter(Boolean) : [],
    } });
  }
  return { type: 'FeatureCollection', from, to, attribution: timeline.attribution, features,
    balance: balanceOf(features), changes: changesBetween(timeline, from, to) };
}
