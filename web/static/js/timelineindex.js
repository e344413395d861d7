// Pure queries over the /api/timeline document: what was true on a day.
// The server computes the rules (intervals, disputed ranges); this module
// only looks them up, so the page and the API never disagree.

import { areaName } from './i18n.js';

// views are the views the page offers: the assessment, then each side's
// claims, as the timeline document names the sides (the server's list).
// Filled when the first timeline is indexed; the modules that check a view
// (state.js, permalink.js, the view switch) run after it.
export const views = [];

// TimelineIndex indexes a timeline document (/api/timeline) by P-code.
export class TimelineIndex {
  constructor(timeline) {
    this.use(timeline);
  }

  // use makes the index answer from timeline: the map with hindsight, or a
  // map as known at the time (known.js hands those over).
  use(timeline) {
    this.timeline = timeline;
    views.splice(0, views.length, 'assessed', ...timeline.sides);
    this.areas = new Map(timeline.areas.map((a) => [a.pcode, a]));
    this.claimsByArea = new Map(timeline.areas.map((a) => [a.pcode, []]));
    this.events = new Map(timeline.events.map((e) => [e.event_id, e]));
    for (const claim of timeline.claims) {
      for (const pcode of claim.pcodes) {
        this.claimsByArea.get(pcode)?.push(claim);
      }
    }
  }

  // interval returns the assessed interval holding day, or null (unknown).
  interval(pcode, day) {
    const area = this.areas.get(pcode);
    if (!area) {
      return null;
    }
    return area.intervals.find((iv) => iv.valid_from <= day && (iv.valid_to === null || day < iv.valid_to)) || null;
  }

  // latestClaim returns the latest claim by party on or before day, or null.
  latestClaim(pcode, party, day) {
    let latest = null;
    for (const c of this.claimsByArea.get(pcode) || []) {
      if (c.date > day) {
        break;
      }
      if (c.party === party) {
        latest = c;
      }
    }
    return latest;
  }

  // viewAt is what view draws for pcode on day: { status, disputed,
  // stale }, looked up in the runs the server computed (data.ViewRanges;
  // stale in a party's view means its latest claim is past the claim
  // window). Nothing is drawn before the first run.
  viewAt(view, pcode, day) {
    const runs = this.areas.get(pcode)?.views[view] || [];
    const run = runs.find(([from, to]) => from <= day && (to === null || day < to));
    if (!run) {
      return { status: 'unknown', disputed: false, stale: false };
    }
    return { status: run[2], disputed: run[3].includes('d'), stale: run[3].includes('s') };
  }

  // stale: no independent source has supported the assessed status for
  // over a year (the server's rule, data.State.Stale).
  stale(pcode, day) {
    return this.viewAt('assessed', pcode, day).stale;
  }

  // confirmed is the day of the latest independent source, on or before
  // day, that supports the day's status (the API's "confirmed"), or null.
  confirmed(pcode, day) {
    const support = (this.interval(pcode, day)?.confirmed || []).filter((d) => d <= day);
    return support.at(-1) || null;
  }

  // countryside is what is known outside the district's centre on day: the
  // range of the timeline's countryside list that holds it (the server
  // computed the rule), or null before the first record.
  countryside(pcode, day) {
    const area = this.areas.get(pcode);
    return area?.countryside.find((r) => r.valid_from <= day && (r.valid_to === null || day < r.valid_to)) || null;
  }

  // event returns the event with id.
  event(id) {
    return this.events.get(id);
  }

  // claimsOn lists the claims made on day (about any district), file order.
  claimsOn(day) {
    return this.timeline.claims.filter((c) => c.date === day);
  }

  // evidenceEnd is the last day anything was recorded (the server's
  // last_change: a change, a claim or an event). After it the page says the
  // last status only holds.
  get evidenceEnd() {
    return this.timeline.last_change;
  }

  // publishedLater reports whether source id came out after day (its
  // known_from, the server's rule for "known at the time"; an undated
  // source counts as later).
  publishedLater(id, day) {
    const s = this.source(id);
    return Boolean(s) && (s.known_from === null || s.known_from > day);
  }

  // disputed: the claims current on day disagree (the server's rule).
  disputed(pcode, day) {
    return this.viewAt('assessed', pcode, day).disputed;
  }

  // statusIn gives the status drawn in a view: the assessed status, or the
  // status of the party's latest claim ('unknown' when it has said nothing).
  statusIn(view, pcode, day) {
    return this.viewAt(view, pcode, day).status;
  }

  // name is a district's name in the page's language.
  name(pcode) {
    const a = this.areas.get(pcode);
    return a ? areaName(a) : pcode;
  }

  source(id) {
    return this.timeline.sources[id];
  }
}
