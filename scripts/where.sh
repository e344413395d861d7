#!/usr/bin/env bash
# make where: where the CPU of one cached /api/control request goes, in
# controlmap and in the bare net/http servers of bench.sh (scripts/barego:
# with its two header fields, and with controlmap's), by part (see where.py).
# perf samples each server, pinned to the upper half of the cores, while wrk
# (on the lower half) asks it for the same target; ROUNDS profiles of
# DURATION seconds each per server and encoding, alternated. On this machine
# one server's requests per second move by +-17 % from run to run; the parts
# of one request, normalised by the kernel's write(), by about +-5 % (the
# write costs nearly, not exactly, the same in every server: TCP splits it
# differently under different loads). Writes its section into BENCHMARKS.md.
set -euo pipefail
BIN=${1:-bin/controlmap}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-4}
DATE=${DATE:-2021-09-06}
OUT=${OUT:-BENCHMARKS.md}
command -v perf >/dev/null || { echo "where.sh: needs perf (apt install linux-perf)"; exit 1; }
ncpu=$(nproc); half=$((ncpu / 2))
[ "$half" -ge 1 ] || { echo "where.sh: needs two cores"; exit 1; }
span() { [ "$1" = "$2" ] && echo "$1" || echo "$1-$2"; }
on_server=(taskset -c "$(span "$half" $((ncpu - 1)))"); on_load=(taskset -c "$(span 0 $((half - 1)))")
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=servers.sh
. "$here/servers.sh"

target="/api/control?date=$DATE"
"${on_server[@]}" "$BIN" serve --addr 127.0.0.1:18096 2>"$work/controlmap.log" & pids+=($!)
declare -A pid=([controlmap]=$!) port=([controlmap]=18096 [bare-go]=18097 [bare-go-h]=18098)
wait_up "http://127.0.0.1:18096/readyz"
curl -fs "http://127.0.0.1:18096$target" -o "$work/body"
curl -fs -H 'Accept-Encoding: gzip' -D "$work/headers.txt" "http://127.0.0.1:18096$target" -o "$work/body.gz"
go build -o "$work/barego" "$here/barego"
"${on_server[@]}" "$work/barego" -addr 127.0.0.1:18097 -body "$work/body" -gzip "$work/body.gz" & pids+=($!)
pid[bare-go]=$!
"${on_server[@]}" "$work/barego" -addr 127.0.0.1:18098 -body "$work/body" -gzip "$work/body.gz" -headers "$work/headers.txt" & pids+=($!)
pid[bare-go-h]=$!
servers=(bare-go bare-go-h controlmap)
for s in "${servers[@]}"; do
  wait_up "http://127.0.0.1:${port[$s]}$target"
  cmp <(curl -fs "http://127.0.0.1:${port[$s]}$target") "$work/body"
  cmp <(curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:${port[$s]}$target") "$work/body.gz"
done

for round in $(seq "$ROUNDS"); do
  for enc in identity gzip; do
    hdr=(); [ "$enc" = gzip ] && hdr=(-H 'Accept-Encoding: gzip')
    for i in 0 1 2; do
      s=${servers[$(((i + round) % 3))]}
      # perf starts once wrk has its connections open and stops before it ends
      (sleep 0.5; perf record -F 1999 -g -p "${pid[$s]}" -o "$work/perf.data" -- sleep "$DURATION" >"$work/perf.log" 2>&1) &
      "${on_load[@]}" wrk -t"$half" -c64 -d"$((DURATION + 1))s" "${hdr[@]}" "http://127.0.0.1:${port[$s]}$target" >"$work/wrk.log"
      wait "$!" || { cat "$work/perf.log" "$work/wrk.log"; exit 1; }
      perf script -i "$work/perf.data" 2>/dev/null >"$work/one.txt"
      # a profile cut short (perf lost the process, or the machine stalled)
      # would weigh less than the others: refuse it
      samples=$(grep -c 'cpu-clock' "$work/one.txt" || true)
      if [ "$samples" -lt $((DURATION * 1999 / 2)) ]; then echo "where.sh: $s $enc: $samples samples in $DURATION s"; cat "$work/perf.log" "$work/wrk.log"; exit 1; fi
      { cat "$work/one.txt"; echo; } >>"$work/$s-$enc.txt"
      echo "round $round: $s $enc profiled ($samples samples)" >&2
    done
  done
done

table=$(python3 "$here/where.py" "$work" "${servers[@]}")
echo "$table"
{
  echo "## CPU per request, by part: /api/control against bare net/http ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $(nproc) cores, $(uname -sr), $(go version | cut -d' ' -f3), $(perf --version). Command: \`make where\` (\`ROUNDS=$ROUNDS DURATION=$DURATION scripts/where.sh\`):"
  echo "perf at 1999 Hz on each server, pinned, while wrk -c64 asks it for \`$target\`; $ROUNDS profiles of $DURATION s per server and encoding, alternated."
  echo "Each figure is per cent of bare-go's CPU per request: a part's share of the samples, scaled by the kernel's write(), which costs the same per request in every server (same bytes, same calls)."
  echo "bare-go sends Content-Type and Content-Length (and Content-Encoding); bare-go-h sends controlmap's header fields too; neither has timeouts or routing."
  echo
  echo "$table"
} >"$work/section.md"
"$here/put-section.py" "$OUT" "$work/section.md"
echo "wrote $OUT"
