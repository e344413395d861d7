// localdiff.mjs TIMELINE EXPECTED: holds localdiff.js (the comparison a
// static copy computes in the page) equal to the server's /api/diff. The
// Go test TestLocalDiffEqualsDiffOnEveryDay (server package) writes the
// timeline and the server's answers for every day of the data; this
// prints one line per difference and exits 1 if there is any.
import { readFileSync } from 'node:fs';

globalThis.window = { location: { search: '' } };
const { TimelineIndex } = await import('../static/js/timelineindex.js');
const { localDiff } = await import('../static/js/localdiff.js');

const [timelinePath, expectedPath] = process.argv.slice(2);
const timeline = JSON.parse(readFileSync(timelinePath, 'utf8'));
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
const index = new TimelineIndex(timeline);

// comparable keeps what both answers must agree on.
function comparable(d) {
  return JSON.stringify({
    features: d.features.map(({ id, properties: p }) => [id, p.status_from, p.status_to, p.area_km2, p.since, p.sources.map((s) => s.id)]),
    balance: d.balance,
    changes: d.changes.map((c) => [c.date, c.pcode, c.status_from, c.status_to, c.sources]),
  });
}

let problems = 0;
for (const want of expected) {
  const got = comparable(localDiff(index, want.from, want.to));
  const server = comparable(want);
  if (got !== server) {
    problems++;
    if (problems <= 10) {
      console.log(`${want.from}..${want.to}: the page computes ${got}\n  the server answers ${server}`);
    }
  }
}
console.log(`${expected.length} comparisons, ${problems} differ`);
process.exit(problems > 0 ? 1 : 0);
