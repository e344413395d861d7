// region is what the map is of (data/region.csv), as the server writes it
// into the page's shell (<html data-region>, wire.RegionJSON, also in
// /api/timeline): the map's name, what it maps and the country around it
// in each language, the first day of the data, the languages and their
// calendars, the parties with their roles (ruling, insurgent, former),
// names and colours, and every status's colour. No party's name or colour
// is written in the page's code: the engine knows roles, the region names
// the parties who play them.

const empty = { name: {}, place: {}, country: {}, start: '', languages: ['en'], calendars: {}, parties: [], colours: {} };

function read() {
  const text = globalThis.document?.documentElement?.dataset?.region;
  return text ? { ...empty, ...JSON.parse(text) } : empty;
}

export const region = read();

// party is the region's party with id (a status, a claim's party, a side),
// or undefined.
export function party(id) {
  return region.parties.find((p) => p.id === id);
}

// sideIn is the id of the party playing role ('ruling', 'insurgent',
// 'former'), or undefined.
export function sideIn(role) {
  return region.parties.find((p) => p.role === role)?.id;
}

// roleOf is the role of the party id ('' for a status that is no party's).
export function roleOf(id) {
  return party(id)?.role ?? '';
}
