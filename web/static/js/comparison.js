// Keeps the app state's comparison result in step with its compared period:
// when the state starts comparing a period, the /api/diff document for it is
// fetched once and recorded (or the failure is). Controls and layers only
// read the state.

import { getJSON, urls } from './api.js';

// bindComparison starts following state; it returns a function that stops.
export function bindComparison(state) {
  const load = async (e) => {
    const period = state.compare;
    if (e.detail.what !== 'period' || !period) {
      return;
    }
    try {
      state.setComparison(period, { diff: await getJSON(urls.diff(period.from, period.to)) });
    } catch (err) {
      state.setComparison(period, { error: err.message });
    }
  };
  state.addEventListener('comparechange', load);
  return () => state.removeEventListener('comparechange', load);
}
