#!/usr/bin/env bash
# Page figures from the headless Chromium harness (web/page_performance_test.go,
# TestPagePerformance), averaged over RUNS fresh browsers, into BENCHMARKS.md.
set -euo pipefail
RUNS=${RUNS:-3}
OUT=${OUT:-BENCHMARKS.md}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for i in $(seq "$RUNS"); do
  go test ./web -run '^TestPagePerformance$' -count=1 -v | grep -o 'PAGE .*' >>"$work/runs"
done
table=$(awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] += kv[2] } n++ }
  END {
    print "| measure | mean of " n " runs | goal |"
    print "| --- | --- | --- |"
    printf "| navigation to districts drawn | %.0f ms | under 500 ms |\n", v["drawn_ms"] / n
    printf "| first view transferred (compressed, Leaflet included) | %.1f KB in %d files (%.1f KB decoded) | under 150 KB |\n", v["transferred_bytes"] / n / 1000, v["resources"] / n, v["decoded_bytes"] / n / 1000
    printf "| restyle per step while playing | %.2f ms mean, %.2f ms worst | well under 16 ms |\n", v["restyle_mean_ms"] / n, v["restyle_max_ms"] / n
    print "| requests per step | 0 (asserted) | none |"
  }' "$work/runs")
echo "$table"
{
  echo "## Page: first view and playing in headless Chromium ($(date -u +%Y-%m-%d))"
  echo
  echo "Debian's $(chromium --version 2>/dev/null | head -1) on loopback against the real server and dataset (warmed as \`serve\` warms itself),"
  echo "1280×800, a fresh profile each run; \`make bench\` (\`scripts/page.sh\`). Times are User Timing marks in the page."
  echo
  echo "$table"
} >"$work/section.md"
"$here/put-section.py" "$OUT" "$work/section.md"
