#!/usr/bin/env python3
"""bench_table.py RESULTS SERVER...: the markdown table of scripts/bench.sh.

RESULTS has one line per wrk run: "server encoding connections RESULT k=v ...".
Each cell is the median over the rounds; ratios are against bare-go (only
Content-Type and Content-Length), bare-go-h (the same server sending
controlmap's header fields too) and nginx of the same run. "CPU µs/req" is
the server's own CPU time (user + system) per request served: the cost of a
request with the scheduler's share taken out. A ratio is the median over the
rounds of the ratio within each round, where the two servers ran one after
the other: on a shared virtual machine the speed drifts from minute to
minute, and pairing the runs cancels the drift that the medians of the two
columns would keep. controlmap-aa, a second process of the same binary, is
the control: its ratio to controlmap shows the noise of the run."""
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

def ratios(server, base, enc, conns, what):
    """server's figure over base's, round by round."""
    a, b = runs[(server, enc, conns)], runs[(base, enc, conns)]
    by_round = dict(zip(b["round"], b[what]))
    return [v / by_round[r] for r, v in zip(a["round"], a[what]) if by_round.get(r)]

def ratio(server, base, enc, conns, what):
    """Median over the rounds of server's figure over base's in that round."""
    vals = ratios(server, base, enc, conns, what)
    return statistics.median(vals) if vals else float("nan")

def spread(server, base, enc, conns, what):
    """The median ratio and, in brackets, the least and the greatest."""
    vals = ratios(server, base, enc, conns, what)
    if not vals:
        return "-"
    if server == base:
        return "1.00x"
    return f"{statistics.median(vals):.2f}x ({min(vals):.2f}–{max(vals):.2f})"

print("| encoding | connections | server | requests/s | p50 ms | p99 ms | errors | CPU µs/req | rps vs bare Go (least–greatest round) | p99 vs bare Go | CPU/req vs bare Go | rps vs bare Go, same headers | rps vs nginx | rps vs controlmap (A/A) |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for enc in ("identity", "gzip"):
    for conns in ("64", "256"):
        for s in servers:
            rps, p50, p99 = med(s, enc, conns, "rps"), med(s, enc, conns, "p50_ms"), med(s, enc, conns, "p99_ms")
            cpu = med(s, enc, conns, "cpu_us")
            errors = sum(runs[(s, enc, conns)]["errors"])
            print(f"| {enc} | {conns} | {s} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {errors:.0f} | {cpu:.1f} | {spread(s, 'bare-go', enc, conns, 'rps')} | {ratio(s, 'bare-go', enc, conns, 'p99_ms'):.2f}x | {ratio(s, 'bare-go', enc, conns, 'cpu_us'):.2f}x | {ratio(s, 'bare-go-h', enc, conns, 'rps'):.2f}x | {ratio(s, 'nginx', enc, conns, 'rps'):.2f}x | {spread(s, 'controlmap', enc, conns, 'rps')} |")
