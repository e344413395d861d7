#!/usr/bin/env bash
# make bench: controlmap against a bare net/http server writing the same body
# from memory with only Content-Type and Content-Length (the ceiling of Go's
# HTTP stack), against nginx serving the identical bytes and headers as a
# static file, and, with BEFORE=path/to/old/binary, against an earlier build
# of controlmap; wrk on loopback, servers alternated round by round so that
# drift hits all of them alike; medians over ROUNDS. With PIN=1 (the default
# on two or more cores) the servers run on the upper half of the cores and wrk
# on the lower half, so that the load generator does not take CPU from the
# server it measures; PIN=0 shares every core as before. Each run also counts
# the server's CPU time (user + system, its whole process tree) per request,
# the figure least moved by the scheduler. Bounded: ROUNDS × 2
# encodings × 2 concurrencies × (5 or 6) servers × DURATION seconds. Prints a
# table and writes it into BENCHMARKS.md.
set -euo pipefail
BIN=${1:-bin/controlmap}
ROUNDS=${ROUNDS:-5}
BEFORE=${BEFORE:-}
DURATION=${DURATION:-5}
DATE=${DATE:-2021-09-06}
ncpu=$(nproc)
PIN=${PIN:-$([ "$ncpu" -ge 2 ] && echo 1 || echo 0)}
if [ "$PIN" = 1 ]; then
  half=$((ncpu / 2))
  span() { [ "$1" = "$2" ] && echo "$1" || echo "$1-$2"; }
  load_cpus=$(span 0 $((half - 1))); server_cpus=$(span "$half" $((ncpu - 1)))
  on_server=(taskset -c "$server_cpus"); on_load=(taskset -c "$load_cpus")
  threads=$half; workers=$((ncpu - half))
else
  on_server=(); on_load=(); threads=2; workers=2
fi
OUT=${OUT:-BENCHMARKS.md}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=servers.sh
. "$here/servers.sh"

"${on_server[@]}" "$BIN" serve --addr 127.0.0.1:18081 2>"$work/controlmap.log" & pids+=($!)
declare -A pid=([controlmap]=$!)
wait_up "http://127.0.0.1:18081/readyz"
# controlmap-aa: a second process of the same binary, the A/A control. Its
# ratio to controlmap would be 1.00 on a quiet machine; its spread is the
# noise floor of the run, the least difference the table can show.
"${on_server[@]}" "$BIN" serve --addr 127.0.0.1:18086 2>"$work/controlmap-aa.log" & pids+=($!)
pid[controlmap-aa]=$!
wait_up "http://127.0.0.1:18086/readyz"
servers=(controlmap controlmap-aa bare-go bare-go-h nginx)
# Every server is asked for the same target, so that each parses the same
# request line (the bare servers ignore it; nginx maps it to a file).
target="/api/control?date=$DATE"
declare -A url=([controlmap]="http://127.0.0.1:18081$target" [controlmap-aa]="http://127.0.0.1:18086$target" [bare-go]="http://127.0.0.1:18082$target" [bare-go-h]="http://127.0.0.1:18085$target" [nginx]="http://127.0.0.1:18083$target")
if [ -n "$BEFORE" ]; then
  "${on_server[@]}" "$BEFORE" serve --addr 127.0.0.1:18084 2>"$work/before.log" & pids+=($!)
  pid[before]=$!
  wait_up "http://127.0.0.1:18084/readyz"
  servers=(controlmap controlmap-aa before bare-go bare-go-h nginx)
  url[before]="http://127.0.0.1:18084$target"
fi
CM="http://127.0.0.1:18081/api/control?date=$DATE"
mkdir -p "$work/www/api"
curl -fs "$CM" -o "$work/www/control.json"
curl -fs -H 'Accept-Encoding: gzip' -D "$work/headers.txt" "$CM" -o "$work/www/control.json.gz"
cp "$work/www/control.json" "$work/www/api/control"; cp "$work/www/control.json.gz" "$work/www/api/control.gz"
# nginx sends controlmap's headers too (security, caching, CORS); bare-go
# only Content-Type and Content-Length, the ceiling to reach, and bare-go-h
# controlmap's header fields as well.
nginx_headers=$(grep -viE '^(HTTP/|date|content-(length|type|encoding)|etag|vary):' "$work/headers.txt" | tr -d '\r' |
  awk -F': ' 'NF >= 2 { v = substr($0, length($1) + 3); gsub(/"/, "\\\"", v); printf "    add_header %s \"%s\" always;\n", $1, v }')

go build -o "$work/barego" "$here/barego"
"${on_server[@]}" "$work/barego" -addr 127.0.0.1:18082 -body "$work/www/control.json" -gzip "$work/www/control.json.gz" & pids+=($!)
pid[bare-go]=$!
# bare-go-h: the same bare server sending controlmap's header fields too
# (caching, validator, Vary, CORS, nosniff): what net/http charges for them.
"${on_server[@]}" "$work/barego" -addr 127.0.0.1:18085 -body "$work/www/control.json" -gzip "$work/www/control.json.gz" -headers "$work/headers.txt" & pids+=($!)
pid[bare-go-h]=$!
cat >"$work/nginx.conf" <<NGINX
worker_processes $workers;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 1000000;
  gzip_static on;
  gzip_vary on;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server {
    listen 127.0.0.1:18083; root $work/www;
    location = /api/control { default_type application/geo+json; }
$nginx_headers
  }
}
NGINX
"${on_server[@]}" nginx -c "$work/nginx.conf" -g 'daemon off;' & pids+=($!)
pid[nginx]=$!
for s in bare-go bare-go-h nginx; do
  wait_up "${url[$s]}"
  cmp <(curl -fs "${url[$s]}") "$work/www/control.json"
  cmp <(curl -fs -H 'Accept-Encoding: gzip' "${url[$s]}") "$work/www/control.json.gz"
done
[ "$(curl -fs -o /dev/null -w '%{content_type}' "${url[nginx]}")" = application/geo+json ]

# cpu_ticks PID: user + system clock ticks of PID and its children (nginx's
# workers), from /proc.
cpu_ticks() {
  local t=0 p
  for p in "$1" $(pgrep -P "$1" || true); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$t"
}
hz=$(getconf CLK_TCK)
results="$work/results"
: >"$results"
for server in "${servers[@]}"; do # warm up
  "${on_load[@]}" wrk -t"$threads" -c64 -d2s -H 'Accept-Encoding: gzip' "${url[$server]}" >/dev/null
done
for round in $(seq "$ROUNDS"); do
  for enc in identity gzip; do
    for conns in 64 256; do
      # each round starts from the next server, so that no server always
      # follows the same one
      nserv=${#servers[@]}
      for i in $(seq 0 $((nserv - 1))); do
        server=${servers[$(((i + round) % nserv))]}
        hdr=(); [ "$enc" = gzip ] && hdr=(-H 'Accept-Encoding: gzip')
        t0=$(cpu_ticks "${pid[$server]}")
        line=$("${on_load[@]}" wrk -t"$threads" -c"$conns" -d"${DURATION}s" "${hdr[@]}" -s "$here/report.lua" "${url[$server]}" | grep '^RESULT')
        t1=$(cpu_ticks "${pid[$server]}")
        reqs=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
        line="$line round=$round cpu_us=$(python3 -c "print(($t1 - $t0) * 1e6 / $hz / max(1, $reqs))")"
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
  if [ "$PIN" = 1 ]; then where="servers pinned to CPU $server_cpus and wrk -t$threads to CPU $load_cpus (taskset), so the load generator takes no CPU from the server"; else where="wrk -t2 sharing all $ncpu cores with the servers"; fi
  echo "Command: \`make bench\` (\`PIN=$PIN ROUNDS=$ROUNDS DURATION=$DURATION scripts/bench.sh\`): $where; servers alternated in each round, medians over $ROUNDS rounds, ratios the medians of each round's ratio; CPU µs/req is the server's user + system time over the requests it served$( [ -n "$BEFORE" ] && echo "; 'before' is the build of the commit before this change")."
  echo
  echo "$table"
} >"$work/section.md"
"$here/put-section.py" "$OUT" "$work/section.md"
echo "wrote $OUT"
