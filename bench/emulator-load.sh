#!/usr/bin/env bash
# Benchmark 3: the emulator under load from wrk (64 connections, 2 threads): the activity monitor with 100
# running jobs, and job start. Results: bench/results/emulator-load.md (+ the raw wrk output).
#   bench/emulator-load.sh [DURATION]      default 15s per measurement
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need wrk
need curl
need python3
build_bench
duration=${1:-15s}
catalog="$RESULTS/load-catalog.yaml"
java -cp "$BENCH_JAR" dev.iicsctl.bench.BenchCatalog load 100 1000 "$catalog"
start_emulator load --catalog "$catalog"

login=$(curl -sf -X POST "$LOGIN_URL/ma/api/v2/user/login" -H 'Content-Type: application/json' \
  -d '{"username":"demo@example.com","password":"demo-password"}')
session=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["icSessionId"])' <<<"$login")
server=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["serverUrl"])' <<<"$login")
for i in $(seq -f '%03g' 1 100); do
  curl -sf -o /dev/null -X POST "$server/api/v2/job" -H "icSessionId: $session" -H 'Content-Type: application/json' \
    -d "{\"@type\":\"job\",\"taskName\":\"M$i\",\"taskType\":\"MTT\"}"
done
sleep 1 # past the visibility delay
running=$(curl -sf "$server/api/v2/activity/activityMonitor" -H "icSessionId: $session" \
  | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
bytes=$(curl -sf "$server/api/v2/activity/activityMonitor" -H "icSessionId: $session" | wc -c)
echo "activity monitor: $running running jobs, $bytes bytes" >&2

machine_info >"$RESULTS/emulator-load-machine.txt"
monitor_out="$RESULTS/wrk-monitor.txt"
start_out="$RESULTS/wrk-job-start.txt"
wrk -t2 -c64 -d"$duration" --latency -H "icSessionId: $session" "$server/api/v2/activity/activityMonitor" \
  | tee "$monitor_out"
IICS_SESSION="$session" wrk -t2 -c64 -d"$duration" --latency -s "$ROOT/bench/job-start.lua" "$server/api/v2/job" \
  | tee "$start_out"
started=$(curl -sf "$LOGIN_URL/_emulator/requests" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["counts"].get("POST /saas/api/v2/job", 0))')

python3 - "$monitor_out" "$start_out" "$running" "$bytes" "$started" <<'PY' | tee "$RESULTS/emulator-load.md"
import re, sys
def parse(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"99%\s+([\d.]+\w+)", text).group(1)
    p50 = re.search(r"50%\s+([\d.]+\w+)", text).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sock = re.search(r"Socket errors: (.*)", text)
    return rps, p50, p99, errors.group(1) if errors else "0", sock.group(1) if sock else "none"
monitor, start = parse(sys.argv[1]), parse(sys.argv[2])
print("| wrk -t2 -c64 | requests/s | p50 latency | p99 latency | non-2xx | socket errors |")
print("|---|---:|---:|---:|---:|---|")
print(f"| GET activityMonitor ({sys.argv[3]} running jobs, {sys.argv[4]} bytes) | {monitor[0]:,.0f} | {monitor[1]} | {monitor[2]} | {monitor[3]} | {monitor[4]} |")
print(f"| POST job (1,000 tasks in turn; {int(sys.argv[5]):,} starts in all) | {start[0]:,.0f} | {start[1]} | {start[2]} | {start[3]} | {start[4]} |")
PY
