#!/usr/bin/env bash
# Load test: holds CONNS connections against the real server on loopback for
# SECONDS seconds with wrk, then checks that there were no errors at all and
# that memory stayed flat (RSS after within 10 % of RSS before). Bounded in
# time; stops the server itself. Usage: scripts/loadtest.sh [bin/controlmap]
set -euo pipefail
BIN=${1:-bin/controlmap}
SECONDS_LOAD=${SECONDS_LOAD:-30}
CONNS=${CONNS:-256}
PORT=${PORT:-18089}
here=$(cd "$(dirname "$0")" && pwd)

"$BIN" serve --addr "127.0.0.1:$PORT" 2>/tmp/controlmap-loadtest.log &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.1; done
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }

# Warm up, so that RSS "before" is the server's working size, not its idle size.
wrk -t2 -c"$CONNS" -d5s -s "$here/dates.lua" "http://127.0.0.1:$PORT" >/dev/null
before=$(rss)
out=$(wrk -t2 -c"$CONNS" -d"${SECONDS_LOAD}s" --timeout 5s -s "$here/dates.lua" "http://127.0.0.1:$PORT")
after=$(rss)
line=$(grep '^RESULT' <<<"$out")
get() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$line"; }
errors=$(( $(get connect) + $(get read) + $(get write) + $(get timeout) + $(get status) ))
growth=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.1f", (a - b) * 100 / b }')

printf '\n| load | value |\n| --- | --- |\n'
printf '| connections, duration | %s, %s s |\n' "$CONNS" "$SECONDS_LOAD"
printf '| requests | %s (%s/s) |\n' "$(get requests)" "$(get rps)"
printf '| latency p50 / p99 | %s ms / %s ms |\n' "$(get p50_ms)" "$(get p99_ms)"
printf '| errors (connect, read, write, timeout, non-2xx) | %s, %s, %s, %s, %s |\n' \
  "$(get connect)" "$(get read)" "$(get write)" "$(get timeout)" "$(get status)"
printf '| RSS before / after | %s KB / %s KB (%s %%) |\n' "$before" "$after" "$growth"

fail=0
[ "$errors" -eq 0 ] || { echo "FAIL: $errors errors under load"; fail=1; }
awk -v g="$growth" 'BEGIN { exit !(g <= 10 && g >= -10) }' || { echo "FAIL: RSS changed by $growth %"; fail=1; }
[ "$fail" -eq 0 ] && echo "PASS: no errors, memory flat"
exit "$fail"
