#!/usr/bin/env bash
# make bench: controlmap against a bare net/http server writing the same body
# from memory with only Content-Type and Content-Length (the ceiling of Go's
# HTTP stack), against nginx serving the identical bytes and headers as a
# static file, and, with BEFORE=path/to/old/binary, against an earlier build
# of controlmap; wrk on loopback, servers alternated round by round so that
# drift hits all of them alike; medians over ROUNDS. Bounded: ROUNDS × 2
# encodings × 2 concurrencies × (3 or 4) servers × DURATION seconds. Prints a
# table and writes it into BENCHMARKS.md.
set -euo pipefail
BIN=${1:-bin/controlmap}
ROUNDS=${ROUNDS:-3}
BEFORE=${BEFORE:-}
DURATION=${DURATION:-8}
DATE=${DATE:-2021-09-06}
OUT=${OUT:-BENCHMARKS.md}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
wait_up() { for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done; echo "not up: $1"; exit 1; }

"$BIN" serve --addr 127.0.0.1:18081 2>"$work/controlmap.log" & pids+=($!)
wait_up "http://127.0.0.1:18081/readyz"
servers=(controlmap bare-go bare-go-h nginx)
declare -A url=([controlmap]="http://127.0.0.1:18081/api/control?date=$DATE" [bare-go]="http://127.0.0.1:18082/" [bare-go-h]="http://127.0.0.1:18085/" [nginx]="http://127.0.0.1:18083/control.json")
if [ -n "$BEFORE" ]; then
  "$BEFORE" serve --addr 127.0.0.1:18084 2>"$work/before.log" & pids+=($!)
  wait_up "http://127.0.0.1:18084/readyz"
  servers=(controlmap before bare-go bare-go-h nginx)
  url[before]="http://127.0.0.1:18084/api/control?date=$DATE"
fi
CM="http://127.0.0.1:18081/api/control?date=$DATE"
mkdir -p "$work/www"
curl -fs "$CM" -o "$work/www/control.json"
curl -fs -H 'Accept-Encoding: gzip' -D "$work/headers.txt" "$CM" -o "$work/www/control.json.gz"
# nginx sends controlmap's headers too (security, caching, CORS); the bare Go
# server only Content-Type and Content-Length, as the ceiling to reach.
nginx_headers=$(grep -viE '^(HTTP/|date|content-(length|type|encoding)|etag|vary):' "$work/headers.txt" | tr -d '\r' |
  awk -F': ' 'NF >= 2 { v = substr($0, length($1) + 3); gsub(/"/, "\\\"", v); printf "    add_header %s \"%s\" always;\n", $1, v }')

go build -o "$work/barego" "$here/barego"
"$work/barego" -addr 127.0.0.1:18082 -body "$work/www/control.json" -gzip "$work/www/control.json.gz" & pids+=($!)
# bare-go-h: the same bare server sending controlmap's header fields too
# (caching, validator, Vary, CORS, nosniff): what net/http charges for them.
"$work/barego" -addr 127.0.0.1:18085 -body "$work/www/control.json" -gzip "$work/www/control.json.gz" -headers "$work/headers.txt" & pids+=($!)
cat >"$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 1000000;
  types { application/geo+json json; }
  gzip_static on;
  gzip_vary on;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server {
    listen 127.0.0.1:18083; root $work/www;
$nginx_headers
  }
}
NGINX
nginx -c "$work/nginx.conf" -g 'daemon off;' & pids+=($!)
wait_up "http://127.0.0.1:18082/"
wait_up "http://127.0.0.1:18085/"
wait_up "http://127.0.0.1:18083/control.json"
cmp <(curl -fs "http://127.0.0.1:18083/control.json") "$work/www/control.json"
cmp <(curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:18083/control.json") "$work/www/control.json.gz"

results="$work/results"
: >"$results"
for server in "${servers[@]}"; do # warm up
  wrk -t2 -c64 -d2s -H 'Accept-Encoding: gzip' "${url[$server]}" >/dev/null
done
for round in $(seq "$ROUNDS"); do
  for enc in identity gzip; do
    for conns in 64 256; do
      for server in "${servers[@]}"; do
        hdr=(); [ "$enc" = gzip ] && hdr=(-H 'Accept-Encoding: gzip')
        line=$(wrk -t2 -c"$conns" -d"${DURATION}s" "${hdr[@]}" -s "$here/report.lua" "${url[$server]}" | grep '^RESULT')
        echo "$server $enc $conns $line" >>"$results"
        echo "round $round: $server $enc c=$conns ${line#RESULT }" >&2
      done
    done
  done
done

# Medians over rounds, and the ratios against the baselines of the same run.
table=$(python3 "$here/bench_table.py" "$results" "${servers[@]}")
echo "$table"

size_id=$(stat -c %s "$work/www/control.json"); size_gz=$(stat -c %s "$work/www/control.json.gz")
{
  echo "## Throughput: /api/control against nginx and bare net/http ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(go version | cut -d' ' -f3), $(nginx -v 2>&1 | cut -d' ' -f3), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "Body: \`/api/control?date=$DATE\`, $size_id bytes (gzip $size_gz bytes); the same body from every server; nginx and bare-go-h send controlmap's headers too, bare-go only Content-Type and Content-Length."
  echo "Command: \`make bench\` (\`ROUNDS=$ROUNDS DURATION=$DURATION scripts/bench.sh\`): wrk -t2 on the same 2-core machine, servers alternated in each round, medians over $ROUNDS rounds$( [ -n "$BEFORE" ] && echo "; 'before' is the build of the commit before this change")."
  echo
  echo "$table"
} >"$work/section.md"
"$here/put-section.py" "$OUT" "$work/section.md"
echo "wrote $OUT"
