#!/usr/bin/env bash
# Growth: start-up time, memory and request latency as the dataset grows.
# For each size, scripts/gendata writes a synthetic dataset, the server is
# started on it, and wrk measures /api/control on random days of the history
# (mostly cache misses: each answer built from its period's template) and on
# one day (the hot path). Bounded: a few seconds per size.
set -euo pipefail
BIN=${1:-bin/controlmap}
SIZES=${SIZES:-"real 10x50 100x500 400x500 400x2000 400x4000"}
OUT=${OUT:-BENCHMARKS.md}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
go build -o "$work/gendata" "$here/gendata"

{
echo "| districts × changes | rows | start-up | RSS idle | RSS after load | random days: req/s, p50, p99 | one day: req/s, p50, p99 |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for size in $SIZES; do
  if [ "$size" = real ]; then # the embedded dataset
    label="the real dataset (10 districts)"; first=2021-08-01; days=520; oneday=2021-09-06; args=()
    rows=$(( $(grep -vc '^#' data/control.csv) + $(grep -vc '^#' data/claims.csv) - 2 ))
  else
    areas=${size%x*}; changes=${size#*x}; label="$areas × $changes"; first=2000-01-01; days=$((changes * 3)); oneday=2000-03-01
    dir="$work/$size"
    "$work/gendata" -areas "$areas" -changes "$changes" -out "$dir"
    rows=$(( $(wc -l <"$dir/control.csv") + $(wc -l <"$dir/claims.csv") - 2 ))
    args=(--data "$dir" --boundaries "$dir")
  fi
  t0=$(date +%s%N)
  "$BIN" serve --addr 127.0.0.1:18090 "${args[@]}" 2>"$work/log" &
  pid=$!
  until curl -fs -o /dev/null http://127.0.0.1:18090/readyz; do
    kill -0 $pid 2>/dev/null || { cat "$work/log"; exit 1; }
    sleep 0.002
  done
  startup=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep 1 # let the background warm-up finish before measuring idle memory
  rss_idle=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  random=$(FIRST=$first DAYS=$days wrk -t2 -c16 -d5s -s "$here/dates.lua" http://127.0.0.1:18090 | grep '^RESULT')
  one=$(wrk -t2 -c16 -d5s -s "$here/report.lua" "http://127.0.0.1:18090/api/control?date=$oneday" | grep '^RESULT')
  rss_load=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true; pid=
  f() { sed -E "s/.* $2=([0-9.]+).*/\1/" <<<"$1"; }
  printf '| %s | %s | %s ms | %s MB | %s MB | %s/s, %s ms, %s ms | %s/s, %s ms, %s ms |\n' "$label" "$rows" "$startup" \
    "$rss_idle" "$rss_load" "$(f "$random" rps)" "$(f "$random" p50_ms)" "$(f "$random" p99_ms)" "$(f "$one" rps)" "$(f "$one" p50_ms)" "$(f "$one" p99_ms)"
  [ "$size" = real ] || rm -rf "$dir"
done
} | tee "$work/table.md"
{
  echo "## Growth: start-up, memory and latency as the history grows ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $(nproc) cores, $(uname -sr), $(go version | cut -d' ' -f3). Command: \`make bench\` (\`scripts/growth.sh\`)."
  echo "Synthetic datasets from \`scripts/gendata\` (a change every 3 days per district, a claim for every fifth change"
  echo "in one district of seven). Start-up: from exec to the first 200 of \`/readyz\`. RSS idle: 1 s after start-up."
  echo "Random days: wrk -c16 for 5 s, each request a different day (mostly cache misses); one day: the hot path."
  echo
  cat "$work/table.md"
} >"$work/section.md"
"$here/put-section.py" "$OUT" "$work/section.md"
