#!/usr/bin/env bash
# Memory at scale: for each dataset size (scripts/gendata), the server is
# started and each history-sized endpoint is fetched once, in full, with
# curl (gzip accepted, as browsers and GDAL do). Per request: time to first
# byte, total time, bytes received and the server's peak RSS while it ran
# (VmRSS sampled every 50 ms). The GeoPackage of a long history is written
# to disk on first request (503 + Retry-After meanwhile): its row gives the
# time until it was ready, then one download. Bounded: curl gives up after
# MAXTIME seconds per request.
set -euo pipefail
BIN=${1:-bin/controlmap}
SIZES=${SIZES:-"400x250 400x2500"}
MAXTIME=${MAXTIME:-600}
OUT=${OUT:-BENCHMARKS.md}
PORT=${PORT:-18095}
ENDPOINTS=${ENDPOINTS:-"/api/control?date=2000-03-01 /api/history /api/history?detail=full /api/export/history.csv /api/export/history.kml /api/export/history.gpkg"}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
go build -o "$work/gendata" "$here/gendata"

rss() { awk '/VmRSS/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0; }

# fetch URL: prints "ttfb total bytes code peakMB" for one GET.
fetch() {
  ( while kill -0 $pid 2>/dev/null; do rss; sleep 0.05; done ) >"$work/rss" &
  local sampler=$! out
  out=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' --max-time "$MAXTIME" \
    -w '%{time_starttransfer} %{time_total} %{size_download} %{http_code}' "$1" || true)
  kill $sampler; wait $sampler 2>/dev/null || true
  echo "$out $(( $(sort -n "$work/rss" | tail -1) / 1024 ))"
}

# ready URL: polls a 503-while-writing answer until it is 200; prints seconds.
ready() {
  local t0 code; t0=$(date +%s.%N)
  while code=$(curl -s -o /dev/null -w '%{http_code}' --max-time "$MAXTIME" "$1"); [ "$code" = 503 ]; do sleep 2; done
  printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)"
}

{
echo "| districts × changes (control rows) | endpoint | time to first byte | total | received (gzip) | peak RSS |"
echo "| --- | --- | --- | --- | --- | --- |"
for size in $SIZES; do
  areas=${size%x*}; changes=${size#*x}; dir="$work/$size"
  "$work/gendata" -areas "$areas" -changes "$changes" -out "$dir" >/dev/null
  "$BIN" serve --addr 127.0.0.1:$PORT --data "$dir" --boundaries "$dir" 2>"$work/log" &
  pid=$!
  until curl -fs -o /dev/null http://127.0.0.1:$PORT/readyz; do
    kill -0 $pid 2>/dev/null || { cat "$work/log"; exit 1; }
    sleep 0.1
  done
  label="$areas × $changes ($((areas * changes)))"
  echo "| $label | (idle after start-up) | | | | $(( $(rss) / 1024 )) MB |"
  for path in $ENDPOINTS; do
    note=
    if [[ $path == *.gpkg ]]; then note=" (written in $(ready "http://127.0.0.1:$PORT$path") s first)"; fi
    read -r ttfb total bytes code peak <<<"$(fetch "http://127.0.0.1:$PORT$path")"
    [ "$code" = 200 ] || note="$note HTTP $code"
    printf '| %s | `%s`%s | %.3f s | %.2f s | %.1f MB | %s MB |\n' "$label" "$path" "$note" "$ttfb" "$total" \
      "$(echo "$bytes / 1048576" | bc -l)" "$peak"
  done
  kill $pid; wait $pid 2>/dev/null || true; pid=
  rm -rf "$dir"
done
} | tee "$work/table.md"
{
  echo "## Memory at scale: history and exports at 10⁵ and 10⁶ control rows ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $(nproc) cores, $(uname -sr), $(go version | cut -d' ' -f3). Command: \`make bench\` (\`scripts/scale.sh\`)."
  echo "One GET each, in full, with \`Accept-Encoding: gzip\`; peak RSS of the server while the request ran (VmRSS every"
  echo "50 ms). Past 32 MB the history and the CSV and KML exports are streamed (a 64 KB buffer per request); the GeoPackage"
  echo "is written to disk once (503 with Retry-After meanwhile) and then served from the file."
  echo
  cat "$work/table.md"
} >"$work/section.md"
"$here/put-section.py" "$OUT" "$work/section.md"
