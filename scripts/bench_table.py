#!/usr/bin/env python3
"""bench_table.py RESULTS SERVER...: the markdown table of scripts/bench.sh.

RESULTS has one line per wrk run: "server encoding connections RESULT k=v ...".
Each cell is the median over the rounds; ratios are against bare-go (only
Content-Type and Content-Length), bare-go-h (the same server sending
controlmap's header fields too) and nginx of the same run."""
import statistics
import sys
from collections import defaultdict

path, servers = sys.argv[1], sys.argv[2:]
runs = defaultdict(lambda: defaultdict(list))
for line in open(path):
    f = line.split()
    if len(f) < 5:
        continue
    key = (f[0], f[1], f[2])
    for kv in f[4:]:
        k, v = kv.split("=")
        runs[key][k].append(float(v))

def med(server, enc, conns, what):
    vals = runs[(server, enc, conns)][what]
    return statistics.median(vals) if vals else float("nan")

print("| encoding | connections | server | requests/s | p50 ms | p99 ms | errors | rps vs bare Go | p99 vs bare Go | rps vs bare Go, same headers | rps vs nginx |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for enc in ("identity", "gzip"):
    for conns in ("64", "256"):
        brps, bp99, nrps = med("bare-go", enc, conns, "rps"), med("bare-go", enc, conns, "p99_ms"), med("nginx", enc, conns, "rps")
        hrps = med("bare-go-h", enc, conns, "rps")
        for s in servers:
            rps, p50, p99 = med(s, enc, conns, "rps"), med(s, enc, conns, "p50_ms"), med(s, enc, conns, "p99_ms")
            errors = sum(runs[(s, enc, conns)]["errors"])
            print(f"| {enc} | {conns} | {s} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {errors:.0f} | {rps / brps:.2f}x | {p99 / bp99:.2f}x | {rps / hrps:.2f}x | {rps / nrps:.2f}x |")
