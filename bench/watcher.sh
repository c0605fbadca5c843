#!/usr/bin/env bash
# Benchmark 2: one process follows RUNS concurrent runs (durations 5-30 s) through one RunWatcher, once per
# poll strategy, each against a fresh emulator state. Results: bench/results/watcher.jsonl, watcher.md and
# docs/benchmark-watcher-lag.svg.
#   bench/watcher.sh [RUNS] [STRATEGY...]      default: 1000 adaptive 1s 2s 5s
# BENCH_BEFORE_JAR: the bench jar of another build (e.g. main's), run first for each strategy against the same
# emulator, for a before/after table (watcher-before.jsonl, watcher-before.md).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need java "install a JDK 17"
build_bench
runs=${1:-1000}; shift || true
strategies=("$@"); [ ${#strategies[@]} -gt 0 ] || strategies=(adaptive 1s 2s 5s)
catalog="$RESULTS/watch-catalog.yaml"
java -cp "$BENCH_JAR" dev.iicsctl.bench.BenchCatalog watch "$runs" 5s 30s "$catalog"
start_emulator watcher --catalog "$catalog"
out="$RESULTS/watcher.jsonl"
before="$RESULTS/watcher-before.jsonl"
: >"$out"
[ -z "${BENCH_BEFORE_JAR:-}" ] || : >"$before"
machine_info >"$RESULTS/watcher-machine.txt"
for s in "${strategies[@]}"; do
  if [ -n "${BENCH_BEFORE_JAR:-}" ]; then
    echo "== $runs runs, poll $s, before" >&2
    java -Xmx256m -cp "$BENCH_BEFORE_JAR" dev.iicsctl.bench.WatcherBench "$LOGIN_URL" "$s" "$runs" "$before"
  fi
  echo "== $runs runs, poll $s" >&2
  # The heap limit is the target (256 MB): the run fails if following the runs needs more.
  java -Xmx256m -cp "$BENCH_JAR" dev.iicsctl.bench.WatcherBench "$LOGIN_URL" "$s" "$runs" "$out"
done
java -cp "$BENCH_JAR" dev.iicsctl.bench.WatcherReport "$ROOT/docs/benchmark-watcher-lag.svg" "$out" | tee "$RESULTS/watcher.md"
if [ -n "${BENCH_BEFORE_JAR:-}" ]; then
  java -cp "$BENCH_JAR" dev.iicsctl.bench.WatcherReport "$RESULTS/watcher-before-lag.svg" "$before" | tee "$RESULTS/watcher-before.md"
fi
