// The map as known at the time. The server builds it (data.Dataset.KnownAt:
// only the evidence published by the end of a day, the assessment as it was
// published then); this module only fetches the timeline that covers the
// day shown and hands it to the index, and hands back the timeline with
// hindsight when the reader switches back. Every panel then redraws from
// the index as usual.

import { getJSON, urls } from './api.js';

export class KnownTimelines {
  constructor({ index, state }) {
    this.index = index;
    this.state = state;
    this.hindsight = index.timeline;
    this.held = null; // the timeline as known at the time last fetched
    this.asking = null; // {day, promise} of the fetch under way
    const sync = () => this.sync();
    state.model.addEventListener('datechange', sync);
    state.addEventListener('change', (e) => {
      if (e.detail.what === 'known') {
        sync();
      }
    });
  }

  // available says whether this copy can show the map at the time (a static
  // copy cannot: it holds no per-day timelines).
  get available() {
    return urls.timelineKnown !== null;
  }

  // covers reports whether timeline answers for day as known then.
  static covers(timeline, day) {
    return Boolean(timeline && timeline.known && timeline.known <= day && (!timeline.known_until || day < timeline.known_until));
  }

  // sync makes the index answer for the mode and the day shown; it resolves
  // once it does.
  async sync() {
    const day = this.state.model.date;
    if (!this.state.known || !this.available) {
      return this.use(this.hindsight);
    }
    if (KnownTimelines.covers(this.held, day)) {
      return this.use(this.held);
    }
    if (this.asking?.day === day) {
      return this.asking.promise; // a second caller waits for the same answer
    }
    const promise = this.fetch(day);
    this.asking = { day, promise };
    return promise;
  }

  async fetch(day) {
    try {
      const timeline = await getJSON(urls.timelineKnown(day));
      // A later day may have been asked for meanwhile: keep this answer only
      // if it still covers the day shown.
      if (this.state.known && KnownTimelines.covers(timeline, this.state.model.date)) {
        this.held = timeline;
        this.use(timeline);
      }
    } finally {
      if (this.asking?.day === day) {
        this.asking = null;
      }
    }
  }

  use(timeline) {
    if (this.index.timeline === timeline) {
      return;
    }
    this.index.use(timeline);
    this.state.dispatchEvent(new CustomEvent('change', { detail: { what: 'timeline' } }));
  }
}
