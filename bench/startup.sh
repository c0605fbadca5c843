#!/usr/bin/env bash
# Benchmark 1: wall time (hyperfine) and peak memory (/usr/bin/time) of `iicsctl run --no-wait` with a cached
# session against the classic two-call recipe (log in, POST job) as a Python `requests` script and as two curl
# calls, side by side in one hyperfine run: once with no added latency, once with modelled latency
# (--login-latency 800ms --latency 150ms). Results: bench/results/startup-*.{json,md}, startup.md.
#   bench/startup.sh [RUNS]      default 20 timed runs per command (after 3 warm-up runs)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need hyperfine
need curl
need jq
need python3
python3 -c 'import requests' 2>/dev/null || { echo "bench: python3 'requests' is missing; install it with: apt-get install -y python3-requests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing; install it with: apt-get install -y time" >&2; exit 2; }
build_bench
runs=${1:-20}
# The launcher builds the CLI if needed and makes its class-data archive on first use.
"$ROOT/iicsctl" --version >/dev/null
# A private cache and config, so the benchmark neither uses nor disturbs the user's session cache.
export XDG_CACHE_HOME="$RESULTS/tmp/cache" XDG_CONFIG_HOME="$RESULTS/tmp/config"
mkdir -p "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME"
export IICS_USERNAME=demo@example.com IICS_PASSWORD=demo-password
# The demo catalog's "Sales/Load Orders" by its v2 id: like the recipes, no lookup call; --if-running start
# sends the start as the recipes do (a start while the task runs is answered, and recorded as refused).
iicsctl_run="$ROOT/iicsctl run --id 0100000Z00000000001N -t MTT --no-wait --if-running start"

peak_rss_mib() { # peak_rss_mib COMMAND: median max RSS of 5 runs (the largest process of the command), in MiB
  local i kb=() out="$RESULTS/tmp/rss.txt"
  for i in 1 2 3 4 5; do
    /usr/bin/time -f '%M' -o "$out" bash -c "$1" >/dev/null 2>&1
    kb+=("$(tail -1 "$out")")
  done
  printf '%s\n' "${kb[@]}" | sort -n | sed -n 3p | awk '{printf "%.0f", $1/1024}'
}

machine_info >"$RESULTS/startup-machine.txt"
: >"$RESULTS/startup-rss.txt"
for setting in none latency; do
  if [ "$setting" = latency ]; then
    start_emulator "startup-$setting" --login-latency 800ms --latency 150ms
  else
    start_emulator "startup-$setting"
  fi
  export IICS_LOGIN_URL="$LOGIN_URL"
  "$ROOT/iicsctl" login >/dev/null   # the cached session the runs below reuse
  python_recipe="python3 $ROOT/bench/classic_recipe.py $LOGIN_URL 'Load Orders' MTT"
  curl_recipe="$ROOT/bench/classic-curl.sh $LOGIN_URL 'Load Orders' MTT"
  hyperfine --warmup 3 --runs "$runs" --style basic \
    --export-json "$RESULTS/startup-$setting.json" --export-markdown "$RESULTS/startup-$setting.md" \
    -n "iicsctl run --no-wait (cached session)" "$iicsctl_run" \
    -n "python requests: login + POST job" "$python_recipe" \
    -n "curl: login + POST job" "$curl_recipe"
  for c in "$iicsctl_run" "$python_recipe" "$curl_recipe"; do
    echo "$setting|$c|$(peak_rss_mib "$c")" >>"$RESULTS/startup-rss.txt"
  done
  stop_emulators
done

python3 - "$RESULTS" <<'PY' | tee "$RESULTS/startup.md"
import json, statistics, sys
res = sys.argv[1]
rss = {}
for line in open(f"{res}/startup-rss.txt"):
    setting, cmd, mib = line.rstrip("\n").split("|")
    rss.setdefault(setting, []).append(mib)
print("| latency | command | median wall | mean ± σ | min … max | peak RSS (median of 5) | median ÷ python |")
print("|---|---|---:|---:|---:|---:|---:|")
for setting in ("none", "latency"):
    results = json.load(open(f"{res}/startup-{setting}.json"))["results"]
    python = statistics.median(results[1]["times"])
    for r, mib in zip(results, rss[setting]):
        med = statistics.median(r["times"])
        label = "none" if setting == "none" else "login 800 ms, calls 150 ms"
        print(f"| {label} | {r['command']} | {med:.3f} s | {r['mean']:.3f} ± {r['stddev']:.3f} s "
              f"| {r['min']:.3f} … {r['max']:.3f} s | {mib} MiB | {med / python:.2f} |")
PY
