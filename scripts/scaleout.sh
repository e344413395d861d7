#!/usr/bin/env bash
# The scale-out figure: nginx serving the folder `controlmap publish` wrote
# against controlmap serving the same documents, in the same run, servers
# alternated round by round; wrk -t2 on loopback, identity encoding, medians
# over ROUNDS; and the folder's size and file count. Bounded: ROUNDS × 4
# documents × 2 servers × DURATION seconds. Prints a Markdown table.
set -euo pipefail
BIN=${1:-bin/controlmap}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5}
CONNS=${CONNS:-64}
# shellcheck source=servers.sh
. "$(dirname "$0")/servers.sh"

"$BIN" publish --out "$work/site/maps/panjshir" --base-path /maps/panjshir/ >/dev/null
chmod -R a+rX "$work"
mkdir -p "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off; worker_processes auto; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types; types { application/geo+json geojson; }
  access_log off; sendfile on; tcp_nopush on;
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp; fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  server {
    listen 127.0.0.1:18093; root $work/site;
    location /maps/panjshir/assets/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
    location /maps/panjshir/ { add_header Cache-Control "public, max-age=300"; }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" & pids+=($!)
"$BIN" serve --addr 127.0.0.1:18091 2>"$work/controlmap.log" & pids+=($!)
wait_up "http://127.0.0.1:18091/readyz"
wait_up "http://127.0.0.1:18093/maps/panjshir/"

N=http://127.0.0.1:18093/maps/panjshir
C=http://127.0.0.1:18091
docs=(page timeline areas control)
declare -A nurl=([page]="$N/" [timeline]="$N/api/timeline.json" [areas]="$N/api/areas.geojson" [control]="$N/api/control/2021-09-06.geojson")
declare -A curl_=([page]="$C/" [timeline]="$C/api/timeline" [areas]="$C/api/areas" [control]="$C/api/control?date=2021-09-06")
run() { wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$1" | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {print r, p}'; }
declare -A rps p99
for round in $(seq "$ROUNDS"); do
  for d in "${docs[@]}"; do
    for s in nginx controlmap; do
      if [ "$s" = nginx ]; then u=${nurl[$d]}; else u=${curl_[$d]}; fi
      read -r r p <<<"$(run "$u")"
      rps[$d,$s]+="$r "; p99[$d,$s]+="$p "
    done
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "| document | bytes | nginx req/s | controlmap req/s | controlmap/nginx | nginx p99 | controlmap p99 |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for d in "${docs[@]}"; do
  n=$(echo "${rps[$d,nginx]}" | median); c=$(echo "${rps[$d,controlmap]}" | median)
  b=$(curl -fs "${nurl[$d]}" | wc -c)
  echo "| $d | $b | $n | $c | $(awk -v c="$c" -v n="$n" 'BEGIN {printf "%.2fx", c/n}') | $(echo "${p99[$d,nginx]}" | tr ' ' '\n' | grep -v '^$' | sort | head -n $(( (ROUNDS+1)/2 )) | tail -1) | $(echo "${p99[$d,controlmap]}" | tr ' ' '\n' | grep -v '^$' | sort | head -n $(( (ROUNDS+1)/2 )) | tail -1) |"
done
echo
echo "Published folder: $(du -sb "$work/site" | cut -f1) bytes ($(du -sh "$work/site" | cut -f1)), $(find "$work/site" -type f | wc -l) files."
