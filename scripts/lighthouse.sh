#!/usr/bin/env bash
# Lighthouse (npm lighthouse 12.2.3, Debian's Chromium) on the page, mobile
# preset (Lighthouse's default: a Moto G Power-sized screen, slow 4G, 4x CPU
# slowdown), against bin/controlmap on loopback. Prints the four category
# scores and the first view's transfer size, and fails below the goals of
# issue 12: Performance >= 95, Accessibility = 100.
set -euo pipefail
BIN=${1:-bin/controlmap}
URL_QUERY=${URL_QUERY:-date=2021-09-06}
here=$(cd "$(dirname "$0")" && pwd)
LH="$here/lighthouse/node_modules/.bin/lighthouse"
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
"$BIN" serve --addr "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
CHROME_PATH=/usr/bin/chromium "$LH" "http://127.0.0.1:$port/?$URL_QUERY" --quiet \
  --chrome-flags="--headless=new --no-sandbox" --only-categories=performance,accessibility,best-practices,seo \
  --output=json --output-path="$work/report.json" >/dev/null 2>"$work/lh.log" || { cat "$work/lh.log"; exit 1; }
[ -n "${KEEP:-}" ] && cp "$work/report.json" "$KEEP"
node -e '
const r = require(process.argv[1]);
const s = (k) => Math.round(r.categories[k].score * 100);
const kb = r.audits["total-byte-weight"].numericValue / 1000;
console.log(`LIGHTHOUSE mobile performance=${s("performance")} accessibility=${s("accessibility")} best_practices=${s("best-practices")} seo=${s("seo")} lcp_ms=${Math.round(r.audits["largest-contentful-paint"].numericValue)} tbt_ms=${Math.round(r.audits["total-blocking-time"].numericValue)} cls=${r.audits["cumulative-layout-shift"].numericValue.toFixed(3)} bytes_kb=${kb.toFixed(1)}`);
for (const [k, c] of Object.entries(r.categories)) for (const a of c.auditRefs) {
  const au = r.audits[a.id]; if (a.weight > 0 && au.score !== null && au.score < 1) {
    console.log(`  ${k}: ${a.id} ${au.score}`);
    for (const it of (au.details?.items || []).slice(0, 5)) console.log(`    ${it.node?.snippet || it.url || ""} ${(it.node?.explanation || "").slice(0, 300)}`);
  }
}
if (s("performance") < 95 || s("accessibility") < 100) process.exit(1);
' "$work/report.json"
