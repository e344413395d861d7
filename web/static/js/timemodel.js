// The time model: the range of days, the current day, and the player. It
// knows nothing of the map; controls change it and layers listen to it.
// Events: 'datechange' (detail: {date, from}), 'playchange' (detail: {playing}),
// 'windowchange' when the slider's window (a span of days zoomed to) changes.
// The range runs to today; `evidenceEnd` is the last day anything was
// recorded ("last updated"): after it the last status only holds.

import { addDays, dayNumber, isoDay } from './dates.js';

// Speeds offered by the player, in days per second.
export const speeds = [
  { value: 2, label: 'speed2' },
  { value: 7, label: 'speed7' },
  { value: 30, label: 'speed30' },
];

const ticksPerSecond = 4;

export class TimeModel extends EventTarget {
  constructor({ start, end, changeDates, evidenceEnd = end }) {
    super();
    this.start = start;
    this.end = end;
    this.evidenceEnd = evidenceEnd;
    this.window = { from: start, to: end };
    this.changeDates = [...changeDates].sort();
    this.date = end;
    this.playing = false;
    this.speed = 7;
    this.loop = false;
    this.timer = null;
    this.carry = 0;
  }

  get length() {
    return dayNumber(this.end) - dayNumber(this.start) + 1;
  }

  indexOf(date) {
    return dayNumber(date) - dayNumber(this.start);
  }

  dateAt(index) {
    return isoDay(dayNumber(this.start) + index);
  }

  clamp(date) {
    if (date < this.start) {
      return this.start;
    }
    return date > this.end ? this.end : date;
  }

  // setWindow zooms the slider to [from, to] (both inclusive), or back to
  // the whole range with null. The date moves into the window.
  setWindow(span) {
    const from = span ? this.clamp(span.from) : this.start;
    const to = span ? this.clamp(span.to) : this.end;
    if (from >= to || (from === this.window.from && to === this.window.to)) {
      return;
    }
    this.window = { from, to };
    this.dispatchEvent(new CustomEvent('windowchange', { detail: { ...this.window } }));
    if (this.date < from || this.date > to) {
      this.setDate(from, 'window');
    }
  }

  get zoomed() {
    return this.window.from !== this.start || this.window.to !== this.end;
  }

  setDate(date, from = 'api') {
    const next = this.clamp(date);
    if (next === this.date) {
      return;
    }
    this.date = next;
    this.dispatchEvent(new CustomEvent('datechange', { detail: { date: next, from } }));
  }

  step(days, from = 'step') {
    this.setDate(addDays(this.date, days), from);
  }

  nextChange(from = 'step') {
    const next = this.changeDates.find((d) => d > this.date);
    this.setDate(next || this.end, from);
  }

  prevChange(from = 'step') {
    const prev = [...this.changeDates].reverse().find((d) => d < this.date);
    this.setDate(prev || this.start, from);
  }

  play() {
    if (this.playing) {
      return;
    }
    if (this.date >= this.window.to || this.date < this.window.from) {
      this.setDate(this.window.from, 'play');
    }
    this.playing = true;
    this.carry = 0;
    this.timer = setInterval(() => this.tick(), 1000 / ticksPerSecond);
    this.dispatchEvent(new CustomEvent('playchange', { detail: { playing: true } }));
  }

  pause() {
    if (!this.playing) {
      return;
    }
    clearInterval(this.timer);
    this.timer = null;
    this.playing = false;
    this.dispatchEvent(new CustomEvent('playchange', { detail: { playing: false } }));
  }

  toggle() {
    if (this.playing) {
      this.pause();
    } else {
      this.play();
    }
  }

  setSpeed(daysPerSecond) {
    this.speed = daysPerSecond;
  }

  tick() {
    this.carry += this.speed / ticksPerSecond;
    const days = Math.floor(this.carry);
    if (days < 1) {
      return;
    }
    this.carry -= days;
    if (this.date >= this.window.to) {
      if (this.loop) {
        this.setDate(this.window.from, 'play');
      } else {
        this.pause();
      }
      return;
    }
    const next = addDays(this.date, days);
    this.setDate(next > this.window.to ? this.window.to : next, 'play');
  }
}
