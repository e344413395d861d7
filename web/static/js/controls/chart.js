// The area chart under the slider: km² under each assessed status over the
// whole range, as stacked steps in plain SVG, with a cursor on the current
// date. It is also the overview of the whole range: clicking goes to a day,
// dragging (brushing) a span of days zooms the slider to it, and the zoomed
// window is shaded on the chart.

import { dayNumber } from '../dates.js';
import { sideName, t } from '../i18n.js';
import { sideIn } from '../region.js';
import { cursorStyle, statusColours } from '../style.js';

const svgNS = 'http://www.w3.org/2000/svg';
// The stack, bottom up: the ruling side, contested, the insurgent side, the
// former government, unknown (the region's parties play the roles).
const order = [sideIn('ruling'), 'contested', sideIn('insurgent'), sideIn('former'), 'unknown'].filter(Boolean);

function el(name, attrs, parent) {
  const e = document.createElementNS(svgNS, name);
  for (const [k, v] of Object.entries(attrs)) {
    e.setAttribute(k, v);
  }
  parent?.append(e);
  return e;
}

// activityBand draws the events of each month by side (the timeline's
// "activity", counted by the server) in a strip under the statuses:
// the insurgent side above the strip's midline, the ruling side below, so
// that the years after 2021, one flat colour above, show when and how much
// happened.
function activityBand(svg, months, x, top, height, end) {
  el('rect', { x: 0, y: top, width: 1000, height, fill: '#f2f2f2', class: 'activity-strip' }, svg);
  const most = Math.max(1, ...months.map((m) => Math.max(m.insurgent, m.ruling)));
  const mid = top + height / 2;
  const half = height / 2 - 0.5;
  months.forEach((m, i) => {
    const from = `${m.month}-01`;
    if (from > end) {
      return;
    }
    const x0 = x(from);
    const x1 = i + 1 < months.length ? x(`${months[i + 1].month}-01`) : x(end);
    const width = Math.max(1, x1 - x0 - 0.5);
    if (m.insurgent > 0) {
      const bh = (m.insurgent / most) * half;
      el('rect', { x: x0, y: mid - bh, width, height: bh, fill: statusColours[sideIn('insurgent')], class: 'activity-bar activity-insurgent', 'data-month': m.month }, svg);
    }
    if (m.ruling > 0) {
      el('rect', { x: x0, y: mid, width, height: (m.ruling / most) * half, fill: statusColours[sideIn('ruling')], class: 'activity-bar activity-ruling', 'data-month': m.month }, svg);
    }
  });
}

// areaChart builds the chart into parent and returns a function that moves
// the cursor. stats are the valley's (/api/stats) or the country's (its
// "country"): label names which; signal ends its listeners when it is
// replaced.
export function areaChart(parent, model, stats, activity = [], { label = t('chart'), signal } = {}) {
  const w = 1000;
  const strip = 22; // the activity band's height, under the statuses
  const h = 60;
  const total = h + strip;
  const start = dayNumber(model.start);
  const span = Math.max(1, dayNumber(model.end) - start + 1);
  const x = (day) => ((dayNumber(day) - start) / span) * w;
  const name = activity.length > 0 ? `${label}; ${t('chartActivity', { insurgent: sideName(sideIn('insurgent')), ruling: sideName(sideIn('ruling')) })}` : label;
  const svg = el('svg', { viewBox: `0 0 ${w} ${total}`, preserveAspectRatio: 'none', class: 'area-chart', role: 'img', 'aria-label': name }, parent);
  el('title', {}, svg).textContent = name;
  const days = stats.days.filter((d) => d.date <= model.end);
  for (const status of order) {
    // A stacked step band: its lower edge is the sum of the bands below it.
    const below = order.slice(0, order.indexOf(status));
    const y = (d, withSelf) => {
      let sum = below.reduce((acc, s) => acc + (d.assessed.share[s] || 0), 0);
      if (withSelf) {
        sum += d.assessed.share[status] || 0;
      }
      return h - sum * h;
    };
    let top = '';
    let bottom = '';
    days.forEach((d, i) => {
      const x0 = x(d.date);
      const x1 = i + 1 < days.length ? x(days[i + 1].date) : w;
      top += `${i === 0 ? 'M' : 'L'}${x0},${y(d, true)} L${x1},${y(d, true)} `;
      bottom = `L${x1},${y(d, false)} L${x0},${y(d, false)} ${bottom}`;
    });
    if (days.length > 0) {
      el('path', { d: `${top}${bottom}Z`, fill: statusColours[status], class: `band band-${status}` }, svg);
    }
  }
  activityBand(svg, activity, x, h, strip, model.end);
  // After the last record the last status only holds: veil that part.
  el('rect', { x: x(model.evidenceEnd), y: 0, width: Math.max(0, w - x(model.evidenceEnd)), height: total, fill: '#fff', 'fill-opacity': 0.55, class: 'chart-after-evidence' }, svg);
  const cursor = el('line', { y1: 0, y2: total, ...cursorStyle, class: 'chart-cursor', 'vector-effect': 'non-scaling-stroke' }, svg);
  const move = () => {
    const cx = x(model.date);
    cursor.setAttribute('x1', cx);
    cursor.setAttribute('x2', cx);
  };
  const shade = el('rect', { y: 0, height: total, class: 'chart-window', fill: '#fff', 'fill-opacity': 0.35, stroke: '#000', 'stroke-width': 1, 'vector-effect': 'non-scaling-stroke' }, svg);
  const dayAt = (clientX) => {
    const r = svg.getBoundingClientRect();
    const frac = Math.min(1, Math.max(0, (clientX - r.left) / r.width));
    return model.dateAt(Math.round(frac * (span - 1)));
  };
  const showWindow = (from, to) => {
    const zoomed = from !== model.start || to !== model.end;
    shade.setAttribute('visibility', zoomed ? 'visible' : 'hidden');
    shade.setAttribute('x', x(from));
    shade.setAttribute('width', Math.max(1, x(to) - x(from)));
  };
  let brush = null;
  svg.addEventListener('pointerdown', (e) => {
    brush = { x: e.clientX, day: dayAt(e.clientX) };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', (e) => {
    if (brush && Math.abs(e.clientX - brush.x) > 6) {
      const [a, b] = [brush.day, dayAt(e.clientX)].sort();
      showWindow(a, b);
    }
  });
  svg.addEventListener('pointerup', (e) => {
    if (!brush) {
      return;
    }
    const [a, b] = [brush.day, dayAt(e.clientX)].sort();
    const dragged = Math.abs(e.clientX - brush.x) > 6 && a !== b;
    brush = null;
    if (dragged) {
      model.setWindow({ from: a, to: b });
    } else {
      model.setDate(dayAt(e.clientX), 'chart');
    }
    showWindow(model.window.from, model.window.to);
  });
  model.addEventListener('windowchange', () => showWindow(model.window.from, model.window.to), { signal });
  showWindow(model.window.from, model.window.to);
  move();
  return move;
}
