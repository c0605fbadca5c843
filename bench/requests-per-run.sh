#!/usr/bin/env bash
# Requests per `iicsctl run TASK --no-wait --if-running start` by how the task is named (v2 id, path with -t,
# path without -t, name), counted by the emulator's request log (control API), and the wall time of each beside
# the classic two-call recipe (login, then start: classic_recipe.py, classic-curl.sh), with a cached session:
# once with the emulator's default options, once with modelled latency (--login-latency 800ms --latency 150ms).
# "first" = the resolution cache is empty (a fresh name), "again" = the same command once more (the case of a
# scheduler that runs the same job again and again). Wall time: median of RUNS runs of "again" after 2 warm-ups.
# Two more rows run PATH --no-wait with the default if-running check (a task of 100 ms, so that each run has
# ended before the next): alone, and while another iicsctl process follows a long task and so leaves a fresh
# shared monitor snapshot every second. Their requests are counted from the command's own --verbose trace, as
# the emulator's counts would include the follower's polls.
# Prints a markdown table (also bench/results/requests-per-run.md). Never asserted anywhere.
#   bench/requests-per-run.sh [RUNS]     default 10
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need curl
need jq
need python3
python3 -c 'import requests' 2>/dev/null || { echo "bench: python3 'requests' is missing; install it with: apt-get install -y python3-requests" >&2; exit 2; }
build_bench
runs=${1:-10}
"$ROOT/iicsctl" --version >/dev/null   # the launcher builds the CLI and its class-data archive on first use
export XDG_CACHE_HOME="$RESULTS/tmp/requests-cache" XDG_CONFIG_HOME="$RESULTS/tmp/requests-config"
rm -rf "$XDG_CACHE_HOME"
mkdir -p "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME"
export IICS_USERNAME=demo@example.com IICS_PASSWORD=demo-password
machine_info >"$RESULTS/requests-per-run-machine.txt"
: >"$RESULTS/requests-per-run.tsv"
catalog="$RESULTS/requests-catalog.yaml"
sed '/^taskflows:/i\
  - {path: Bench/Quick Load, type: MTT, run: {duration: 100ms, outcome: success}}\
  - {path: Bench/Long Follow, type: MTT, run: {duration: 30m, outcome: success}}' \
  "$ROOT/iicsctl-emulator/src/main/resources/dev/iicsctl/emulator/catalog/demo-catalog.yaml" >"$catalog"
for setting in none latency; do
  if [ "$setting" = latency ]; then
    start_emulator "requests-$setting" --catalog "$catalog" --login-latency 800ms --latency 150ms
  else
    start_emulator "requests-$setting" --catalog "$catalog"
  fi
  export IICS_LOGIN_URL="$LOGIN_URL"
  "$ROOT/iicsctl" login >/dev/null   # the cached session every run below reuses
  python3 - "$ROOT" "$LOGIN_URL" "$setting" "$runs" "$XDG_CACHE_HOME" >>"$RESULTS/requests-per-run.tsv" <<'PY'
import json, os, statistics, subprocess, sys, time, urllib.request
root, login, setting, runs, cache = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
run = [f"{root}/iicsctl", "run", "--no-wait", "--if-running", "start"]
default_run = [f"{root}/iicsctl", "run", "--no-wait", "Bench/Quick Load", "-t", "MTT"]
commands = [
    ("iicsctl run --id ID -t MTT", run + ["--id", "0100000Z00000000001N", "-t", "MTT"]),
    ("iicsctl run PATH -t MTT", run + ["Sales/Load Orders", "-t", "MTT"]),
    ("iicsctl run PATH (no type)", run + ["Sales/Load Orders"]),
    ("iicsctl run NAME", run + ["Load Orders"]),
    ("python requests: login + POST job", ["python3", f"{root}/bench/classic_recipe.py", login, "Load Orders", "MTT"]),
    ("curl: login + POST job", [f"{root}/bench/classic-curl.sh", login, "Load Orders", "MTT"]),
]
def counts():
    with urllib.request.urlopen(login + "/_emulator/requests") as r:
        return json.load(r)["counts"]
def once(argv):
    t = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
def requests_of(argv):
    before = counts()
    once(argv)
    after = counts()
    diff = {k: v - before.get(k, 0) for k, v in after.items() if v - before.get(k, 0)}
    return diff
def requests_of_trace(argv):
    # The command's own requests, from its redacted trace: the emulator also counts the follower's polls.
    r = subprocess.run(argv + ["--verbose"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    names = {"/v3/lookup": "POST /saas/public/core/v3/lookup", "/v3/objects": "GET /saas/public/core/v3/objects",
             "/api/v2/job": "POST /saas/api/v2/job", "/activity/activityMonitor": "GET /saas/api/v2/activity/activityMonitor",
             "/user/login": "POST /ma/api/v2/user/login", "/activity/activityLog": "GET /saas/api/v2/activity/activityLog"}
    diff = {}
    for line in r.stderr.splitlines():
        sent = line[line.find("> "):] if "> " in line else ""
        if not (sent.startswith("> GET ") or sent.startswith("> POST ")):
            continue
        route = next((v for k, v in names.items() if k in sent.split(" ")[2]), sent.split(" ")[1] + " other")
        diff[route] = diff.get(route, 0) + 1
    return diff
def settled(argv):
    once(argv)
    time.sleep(1.0)  # the 100 ms run ends before the next check
def short(diff):
    names = {"POST /saas/public/core/v3/lookup": "lookup", "GET /saas/public/core/v3/objects": "objects",
             "POST /saas/api/v2/job": "start", "GET /saas/api/v2/activity/activityMonitor": "monitor",
             "POST /ma/api/v2/user/login": "login", "GET /saas/api/v2/activity/activityLog": "log"}
    total = sum(diff.values())
    parts = ", ".join(f"{n} {names.get(k, k)}" for k, n in sorted(diff.items(), key=lambda kv: names.get(kv[0], kv[0])))
    return f"{total} ({parts})"
try:
    os.remove(f"{cache}/iicsctl/resolutions.json")
except FileNotFoundError:
    pass
for label, argv in commands:
    first = requests_of(argv)
    again = requests_of(argv)
    for _ in range(2):
        once(argv)
    times = [once(argv) for _ in range(runs)]
    print("\t".join([setting, label, short(first), short(again), f"{statistics.median(times):.3f}",
                     f"{min(times):.3f}", f"{max(times):.3f}"]))
def default_rows(label, counter):
    first = counter(default_run)
    time.sleep(1.0)
    again = counter(default_run)
    time.sleep(1.0)
    times = []
    for i in range(runs + 2):
        t = time.perf_counter()
        subprocess.run(default_run, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i >= 2:
            times.append(time.perf_counter() - t)
        time.sleep(1.0)
    print("\t".join([setting, label, short(first), short(again), f"{statistics.median(times):.3f}",
                     f"{min(times):.3f}", f"{max(times):.3f}"]))
def counted(argv):
    diff = requests_of(argv)
    return diff
default_rows("iicsctl run PATH -t MTT, default if-running", counted)
follower = subprocess.Popen([f"{root}/iicsctl", "run", "Bench/Long Follow", "-t", "MTT", "--poll", "1s",
                             "--if-running", "start"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(4)  # the follower is started and polls every second
default_rows("iicsctl run PATH -t MTT, default if-running, another process following", requests_of_trace)
follower.terminate()
follower.wait()
PY
  stop_emulators
done

python3 - "$RESULTS/requests-per-run.tsv" "$runs" <<'PY' | tee "$RESULTS/requests-per-run.md"
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
print(f"| latency | command | requests, first run | requests, again | median wall, again ({sys.argv[2]} runs) | min … max | median ÷ python |")
print("|---|---|---|---|---:|---:|---:|")
for setting in ("none", "latency"):
    mine = [r for r in rows if r[0] == setting]
    python = float(next(r for r in mine if r[1].startswith("python"))[4])
    for r in mine:
        label = "none" if setting == "none" else "login 800 ms, calls 150 ms"
        print(f"| {label} | {r[1]} | {r[2]} | {r[3]} | {float(r[4]):.3f} s | {r[5]} … {r[6]} s | {float(r[4]) / python:.2f} |")
PY
