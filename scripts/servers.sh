# shellcheck shell=bash
# servers.sh, sourced by the benchmark scripts that start servers: a scratch
# folder ($work) removed at exit, the servers' process ids ($pids, each one
# started adds itself) stopped at exit, and wait_up URL, which waits up to
# 10 s for URL to answer.
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
wait_up() { for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done; echo "not up: $1"; exit 1; }
