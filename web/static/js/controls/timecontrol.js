// The time control: the date shown large, a day-by-day slider with ticks on
// the days control changes, a player (play/pause, speed, loop), steps to the
// previous/next change and a typed date. It only changes the model.

import { addDays, dayNumber } from '../dates.js';
import { dateInto, dateText, secondDate, t } from '../i18n.js';
import { speeds } from '../timemodel.js';

// Icons as SVG path data (24×24), so that no font needs the glyphs.
const icons = {
  prevChange: 'M6 5h2v14H6zM20 5v14L9 12z',
  prevDay: 'M16 5v14L5 12z',
  play: 'M7 5v14l12-7z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  nextDay: 'M8 5v14l11-7z',
  nextChange: 'M16 5h2v14h-2zM4 5v14l11-7z',
};

function setIcon(b, name) {
  b.innerHTML = `<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="${icons[name]}"/></svg>`;
}

function button(parent, cls, label, icon, onClick) {
  const b = L.DomUtil.create('button', `tc-button ${cls}`, parent);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  b.title = label;
  setIcon(b, icon);
  L.DomEvent.on(b, 'click', onClick);
  return b;
}

export const TimeControl = L.Control.extend({
  options: { position: 'bottomleft' },

  initialize(model, options) {
    L.setOptions(this, options);
    this.model = model;
    this.onDate = () => this.render();
    this.onPlay = () => this.renderPlay();
    this.onWindow = () => {
      this.renderTrack();
      this.render();
    };
  },

  onAdd() {
    const root = L.DomUtil.create('section', 'timecontrol');
    root.setAttribute('aria-label', t('dateLabel'));
    const top = L.DomUtil.create('div', 'tc-top', root);
    this.big = L.DomUtil.create('output', 'tc-date', top);
    this.big.setAttribute('aria-live', 'polite');
    this.big.id = 'current-date';
    this.addButtons(L.DomUtil.create('div', 'tc-buttons', top));
    // On a phone the player's options (speed, loop, a typed date) and the
    // chapters fold behind one button, so that the map keeps half the
    // screen; the button is hidden on a larger screen (css/app.css).
    const more = L.DomUtil.create('button', 'tc-more', top);
    more.type = 'button';
    more.textContent = '⋯';
    more.setAttribute('aria-label', t('moreOptions'));
    more.title = t('moreOptions');
    more.setAttribute('aria-expanded', 'false');
    L.DomEvent.on(more, 'click', () => {
      const open = root.classList.toggle('tc-expanded');
      more.setAttribute('aria-expanded', String(open));
    });
    this.addOptions(L.DomUtil.create('div', 'tc-options', top));
    this.addTrack(L.DomUtil.create('div', 'tc-track', root));
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.model.addEventListener('datechange', this.onDate);
    this.model.addEventListener('playchange', this.onPlay);
    this.model.addEventListener('windowchange', this.onWindow);
    this.render();
    this.renderPlay();
    return root;
  },

  addButtons(buttons) {
    const m = this.model;
    button(buttons, 'tc-prev-change', t('prevChange'), 'prevChange', () => m.prevChange('button'));
    button(buttons, 'tc-prev-day', t('prevDay'), 'prevDay', () => m.step(-1, 'button'));
    this.playButton = button(buttons, 'tc-play', t('play'), 'play', () => m.toggle());
    button(buttons, 'tc-next-day', t('nextDay'), 'nextDay', () => m.step(1, 'button'));
    button(buttons, 'tc-next-change', t('nextChange'), 'nextChange', () => m.nextChange('button'));
  },

  // addOptions adds the player's speed and loop, and the typed date.
  addOptions(options) {
    const m = this.model;
    const speedLabel = L.DomUtil.create('label', '', options);
    speedLabel.textContent = `${t('speed')} `;
    this.speed = L.DomUtil.create('select', 'tc-speed', speedLabel);
    for (const s of speeds) {
      const o = L.DomUtil.create('option', '', this.speed);
      o.value = String(s.value);
      o.textContent = t(s.label);
      o.selected = s.value === m.speed;
    }
    L.DomEvent.on(this.speed, 'change', () => m.setSpeed(Number(this.speed.value)));
    const loopLabel = L.DomUtil.create('label', '', options);
    this.loop = L.DomUtil.create('input', 'tc-loop', loopLabel);
    this.loop.type = 'checkbox';
    loopLabel.append(` ${t('loop')}`);
    L.DomEvent.on(this.loop, 'change', () => { m.loop = this.loop.checked; });
    // The typed date. Chromium makes the first date field of a page slowly
    // (its date formats load on first use: 20-40 ms here, four times that
    // on a phone), so the field is made when it is wanted: a button showing
    // the day becomes the field, and opens its picker, in the same tap.
    this.jumpLabel = L.DomUtil.create('label', '', options);
    this.jumpLabel.textContent = `${t('goTo')} `;
    this.jumpOpen = L.DomUtil.create('button', 'tc-jump-open', this.jumpLabel);
    this.jumpOpen.type = 'button';
    L.DomEvent.on(this.jumpOpen, 'click', () => this.openJump());
  },

  // openJump turns the button into the date field, focused, with its
  // picker open where the browser has one.
  openJump() {
    const m = this.model;
    this.jump = L.DomUtil.create('input', 'tc-jump');
    this.jump.type = 'date';
    this.jump.min = m.start;
    this.jump.max = m.end; // today: the API answers any day
    this.jump.value = m.date;
    L.DomEvent.on(this.jump, 'change', () => {
      if (this.jump.value) {
        m.setDate(this.jump.value, 'jump');
      }
    });
    this.jumpOpen.replaceWith(this.jump);
    this.jumpOpen = null;
    this.jump.focus();
    try {
      this.jump.showPicker();
    } catch {
      // No picker here (or not from this gesture): the field takes typing.
    }
  },

  // addTrack adds the slider over the model's window, a tick on each day
  // control changed, a mark where the evidence ends, and the window's ends.
  addTrack(track) {
    const m = this.model;
    this.slider = L.DomUtil.create('input', 'tc-slider', track);
    this.slider.type = 'range';
    this.slider.min = '0';
    this.slider.step = '1';
    this.slider.setAttribute('aria-label', t('dateSlider'));
    L.DomEvent.on(this.slider, 'input', () => m.setDate(addDays(m.window.from, Number(this.slider.value)), 'slider'));
    this.ticks = L.DomUtil.create('div', 'tc-ticks', track);
    this.ticks.setAttribute('aria-hidden', 'true');
    this.ends = L.DomUtil.create('div', 'tc-ends', track);
    this.renderTrack();
  },

  // renderTrack lays the slider, its ticks and its ends out over the window.
  renderTrack() {
    const m = this.model;
    const { from, to } = m.window;
    const span = Math.max(1, dayNumber(to) - dayNumber(from));
    const at = (d) => `${(100 * (dayNumber(d) - dayNumber(from))) / span}%`;
    this.slider.max = String(span);
    this.ticks.replaceChildren();
    for (const d of m.changeDates.filter((c) => c >= from && c <= to)) {
      const tick = L.DomUtil.create('span', 'tc-tick', this.ticks);
      tick.style.left = at(d);
    }
    if (m.evidenceEnd >= from && m.evidenceEnd < to) {
      const rest = L.DomUtil.create('span', 'tc-after-evidence', this.ticks);
      rest.style.left = at(m.evidenceEnd);
    }
    this.ends.replaceChildren();
    dateInto(L.DomUtil.create('span', '', this.ends), from, 'short');
    // "last updated" is the dataset's last edit (the server's updated), not
    // the last record: a correction of 2021 rows is an update too.
    const updated = L.DomUtil.create('span', 'tc-updated', this.ends);
    updated.append(`${t('lastUpdated')} `);
    dateInto(updated, m.updated || m.evidenceEnd, 'short');
    if (m.published) { // a static copy says when it was made
      updated.append(` · ${t('copyOf')} `);
      dateInto(updated, m.published, 'short');
    }
    dateInto(L.DomUtil.create('span', '', this.ends), to, 'short');
  },

  onRemove() {
    this.model.removeEventListener('datechange', this.onDate);
    this.model.removeEventListener('playchange', this.onPlay);
    this.model.removeEventListener('windowchange', this.onWindow);
  },

  render() {
    const m = this.model;
    this.big.replaceChildren();
    dateInto(L.DomUtil.create('strong', '', this.big), m.date, 'long');
    const second = L.DomUtil.create('span', 'tc-iso', this.big);
    dateInto(second, m.date, secondDate);
    this.slider.value = String(dayNumber(m.date) - dayNumber(m.window.from));
    this.slider.setAttribute('aria-valuetext', dateText(m.date, 'long'));
    if (this.jumpOpen) {
      this.jumpOpen.replaceChildren();
      dateInto(this.jumpOpen, m.date, 'short');
      this.jumpOpen.setAttribute('aria-label', `${t('goTo')}: ${dateText(m.date, 'short')}`); // the words shown, as WCAG 2.5.3 asks
    } else if (document.activeElement !== this.jump) {
      this.jump.value = m.date;
    }
  },

  renderPlay() {
    const playing = this.model.playing;
    setIcon(this.playButton, playing ? 'pause' : 'play');
    this.playButton.setAttribute('aria-label', playing ? t('pause') : t('play'));
    this.playButton.setAttribute('aria-pressed', String(playing));
  },
});

// bindKeys wires the keyboard: Space plays or pauses, arrows move a day,
// Shift+arrows or PageUp/PageDown jump between changes. Keys typed into a
// form field other than the slider are left alone.
export function bindKeys(model) {
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const onSlider = t instanceof HTMLInputElement && t.type === 'range';
    if (!onSlider && t instanceof HTMLElement && t.closest('input, select, textarea, button, a, [contenteditable]')) {
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    const back = e.key === 'ArrowLeft' || e.key === 'ArrowDown';
    const forward = e.key === 'ArrowRight' || e.key === 'ArrowUp';
    let handled = true;
    if (e.key === ' ') {
      model.toggle();
    } else if (e.key === 'PageUp' || (e.shiftKey && back)) {
      model.prevChange('key');
    } else if (e.key === 'PageDown' || (e.shiftKey && forward)) {
      model.nextChange('key');
    } else if (back) {
      model.step(-1, 'key');
    } else if (forward) {
      model.step(1, 'key');
    } else {
      handled = false;
    }
    if (handled) {
      e.preventDefault();
    }
  });
}
