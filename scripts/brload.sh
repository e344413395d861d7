#!/bin/bash
# brload.sh BIN PORT: 120 distinct OGC items queries at once with Accept-Encoding: br
# (cache misses, each compressed on the spot); prints the server's peak RSS and CPU seconds.
# The figures of issue 24 in BENCHMARKS.md come from it, against the build before and after.
BIN=$1; PORT=$2
$BIN serve --addr 127.0.0.1:$PORT >/dev/null 2>&1 & PID=$!
sleep 3
for i in $(seq 1 120); do echo "http://127.0.0.1:$PORT/ogc/collections/control/items?limit=$((1000+i))"; done > /tmp/urls.$PORT
t0=$(awk '{print $14+$15}' /proc/$PID/stat)
xargs -P 120 -n 1 curl -s -o /dev/null -H 'Accept-Encoding: br' < /tmp/urls.$PORT
t1=$(awk '{print $14+$15}' /proc/$PID/stat)
echo "$(basename $BIN): peak RSS $(grep VmHWM /proc/$PID/status | awk '{print $2/1024 " MB"}'), CPU $(echo "($t1-$t0)/100" | bc -l | cut -c1-5) s"
kill $PID
