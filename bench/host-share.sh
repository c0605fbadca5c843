#!/usr/bin/env bash
# Benchmark 4: N concurrent `iicsctl run` processes on one host, each following its own task (45-75 s, spread evenly) against one
# emulator, with shared monitor snapshots off and on, side by side. Results: bench/results/host-share.jsonl and
# host-share.md.
#   bench/host-share.sh [POLL_SECONDS] [N...]      default: 2 1 10 50
# IICSCTL_JAVA_OPTS (default -Xmx64m -XX:TieredStopAtLevel=1) goes to every process through the launcher.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need java "install a JDK 17"
build_bench
poll=${1:-2}; shift || true
counts=("$@"); [ ${#counts[@]} -gt 0 ] || counts=(1 10 50)
max=0; for n in "${counts[@]}"; do [ "$n" -gt "$max" ] && max=$n; done
catalog="$RESULTS/host-share-catalog.yaml"
java -cp "$BENCH_JAR" dev.iicsctl.bench.BenchCatalog watch "$max" 45s 75s "$catalog"
start_emulator host-share --catalog "$catalog"
export IICSCTL_JAVA_OPTS=${IICSCTL_JAVA_OPTS:--Xmx64m -XX:TieredStopAtLevel=1}
out="$RESULTS/host-share.jsonl"
: >"$out"
machine_info >"$RESULTS/host-share-machine.txt"
"$ROOT/iicsctl" --version >/dev/null # builds the jar and its class-data archive once, before the clock runs
for n in "${counts[@]}"; do
  for sharing in off on; do
    echo "== $n processes, poll ${poll}s, sharing $sharing" >&2
    java -Xmx128m -cp "$BENCH_JAR" dev.iicsctl.bench.HostShareBench "$LOGIN_URL" "$ROOT/iicsctl" "$n" "$poll" "$sharing" "$out"
  done
done
java -cp "$BENCH_JAR" dev.iicsctl.bench.HostShareBench report "$out" | tee "$RESULTS/host-share.md"
