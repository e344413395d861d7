// The map as known at the time. The server builds it (data.Dataset.KnownAt:
// only the evidence published by the end of a day, the assessment as it was
// published then); this module only fetches the timeline that covers the
// day shown and hands it to the index, and hands back the timeline with
// hindsight when the reader switches back. Every panel then redraws from
// the index as usual.
//
// One request at a time: while it is on its way the reader may move on (a
// drag across months); when it comes, the day then shown is asked for if
// the answer does not cover it. Until the right timeline is in, `pending`
// is true and the banner says so, so no other epoch's map is ever labelled
// as known on the day shown.

import { getJSON, showError, urls } from './api.js';

export class KnownTimelines {
  constructor({ index, state }) {
    this.index = index;
    this.state = state;
    this.hindsight = index.timeline;
    this.held = null; // the timeline as known at the time last fetched
    this.inFlight = null; // the promise of the request under way
    const sync = () => this.sync();
    state.model.addEventListener('datechange', sync);
    state.addEventListener('change', (e) => {
      if (e.detail.what === 'known') {
        sync();
      }
    });
  }

  // available says whether this copy can show the map at the time (a static
  // copy cannot: it holds no timelines per epoch).
  get available() {
    return urls.timelineKnown !== null;
  }

  // covers reports whether timeline answers for day as known then.
  static covers(timeline, day) {
    return Boolean(timeline && timeline.known && timeline.known <= day && (!timeline.known_until || day < timeline.known_until));
  }

  // pending is true while the map at the time is asked for but the index
  // does not hold the timeline of the day shown.
  get pending() {
    return this.state.known && !KnownTimelines.covers(this.index.timeline, this.state.model.date);
  }

  // sync makes the index answer for the mode and the day shown; it resolves
  // once it does (or once asking failed).
  sync() {
    if (!this.state.known || !this.available) {
      this.use(this.hindsight);
      return Promise.resolve();
    }
    if (KnownTimelines.covers(this.held, this.state.model.date)) {
      this.use(this.held);
      return Promise.resolve();
    }
    this.inFlight ||= this.fetchShown().finally(() => { this.inFlight = null; });
    this.notify(); // the banner shows that the map of the day is on its way
    return this.inFlight;
  }

  // fetchShown asks for the day shown until an answer covers the day then
  // shown (the reader may have moved while it was on its way).
  async fetchShown() {
    for (;;) {
      const day = this.state.model.date;
      let timeline;
      try {
        timeline = await getJSON(urls.timelineKnown(day));
      } catch (err) {
        // Back to what can be shown, and say why.
        showError(err.message);
        this.state.setKnown(false);
        return;
      }
      if (!this.state.known) {
        return;
      }
      this.held = timeline;
      if (KnownTimelines.covers(timeline, this.state.model.date)) {
        this.use(timeline);
        return;
      }
    }
  }

  use(timeline) {
    if (this.index.timeline === timeline) {
      return;
    }
    this.index.use(timeline);
    this.notify();
  }

  notify() {
    this.state.dispatchEvent(new CustomEvent('change', { detail: { what: 'timeline' } }));
  }
}
