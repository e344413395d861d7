#!/usr/bin/env python3
"""where.py DIR SERVER...: the CPU of one request, by part, from the perf
profiles where.sh wrote (DIR/SERVER-ENCODING.txt, the output of perf script).

Every server sends the same body with the same system calls, so the kernel's
write() costs the same per request in each: its share of a server's samples
measures how much else that server does per request. Each part is printed in
per cent of the first server's CPU per request (share x the first server's
write share / this server's write share). The machine's drift, which moves
requests per second by +-17 % from run to run here, mostly divides out within
one profile; what is left (about +-5 % between runs) comes from the kernel,
whose write() is nearly, not exactly, the same per request in every server."""
import collections
import sys

# A sample belongs to the first part one of whose functions is on its stack:
# the kernel's writes and reads first, then the runtime's collector, then
# net/http's header work, then the deadlines of the server's timeouts.
PARTS = [
    ("kernel write()", ["syscall.write"]),
    ("kernel read()", ["syscall.read"]),
    ("garbage collector", ["runtime.gcBgMarkWorker", "runtime.bgsweep", "runtime.bgscavenge"]),
    ("allocation", ["runtime.mallocgc"]),
    ("header fields (net/http: clone, sort, format, Date)", ["net/http.(*chunkWriter).writeHeader", "net/http.(*response).WriteHeader"]),
    ("deadlines (net/http sets them, zero, even without timeouts)", ["net.(*conn).SetReadDeadline", "net.(*conn).SetWriteDeadline"]),
    ("handler: routing, lookup, copying the body (bare: copying only)", ["github.com/controlmap/controlmap/server.(*Server).ServeHTTP", "main.main.func1"]),
    ("reading the request", ["net/http.(*conn).readRequest"]),
    ("finishing the request", ["net/http.(*response).finishRequest"]),
    ("scheduler and poller", ["runtime.schedule", "runtime.findRunnable", "runtime.netpoll", "runtime.park_m", "runtime.mcall"]),
]
OTHER = "the rest (net/http's loop, runtime)"


def shares(path):
    """Per cent of the samples in each part."""
    counts, total = collections.Counter(), 0
    for sample in open(path).read().split("\n\n"):
        if not sample.strip():
            continue
        total += 1
        part = next((name for name, funcs in PARTS if any(" " + f + "+0x" in sample for f in funcs)), OTHER)
        counts[part] += 1
    if total == 0:
        sys.exit(f"where.py: {path}: no samples")
    return {p: 100 * n / total for p, n in counts.items()}, total


def table(folder, servers, enc):
    profiles = {s: shares(f"{folder}/{s}-{enc}.txt") for s in servers}
    write = PARTS[0][0]
    for s, (sh, _) in profiles.items():
        if not sh.get(write):
            sys.exit(f"where.py: {s} {enc}: no samples in write(): were the symbols stripped?")
    base = profiles[servers[0]][0][write]
    rows = [f"| part ({enc}) | " + " | ".join(servers) + " |", "| --- |" + " --- |" * len(servers)]
    for part in [p for p, _ in PARTS] + [OTHER]:
        cells = [f"{sh.get(part, 0) * base / sh[write]:.1f}" for sh, _ in profiles.values()]
        rows.append(f"| {part} | " + " | ".join(cells) + " |")
    per_req = [base / sh[write] for sh, _ in profiles.values()]
    rows.append("| **CPU per request** | " + " | ".join(f"**{r * 100:.1f}**" for r in per_req) + " |")
    rows.append("| requests/s it allows, against the first | " + " | ".join(f"{1 / r:.2f}x" for r in per_req) + " |")
    rows.append("| samples | " + " | ".join(str(n) for _, n in profiles.values()) + " |")
    return "\n".join(rows)


if __name__ == "__main__":
    folder, servers = sys.argv[1], sys.argv[2:]
    print("\n\n".join(table(folder, servers, enc) for enc in ("identity", "gzip")))
