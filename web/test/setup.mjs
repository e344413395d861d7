// The page's modules read window.location at load (the language); under
// Node there is no window, so the tests give them a bare one before they
// import anything. Import this file first, then the modules dynamically.
globalThis.window = { location: { search: '' } };
// api.js looks for the static copy's marker in the page's head at load.
globalThis.document = { querySelector: () => null };
export const timeline = JSON.parse(
  (await import('node:fs')).readFileSync(new URL('../../server/testdata/timeline.json', import.meta.url), 'utf8'),
);
