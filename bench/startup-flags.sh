#!/usr/bin/env bash
# Start-up study of `iicsctl run --no-wait` with a cached session: each JVM setting of the launcher alone and
# together, side by side in one hyperfine run, and where the time goes (phases from -Xlog:class+load
# timestamps, medians of 5 runs). Results: bench/results/startup-flags.{json,md}, startup-phases.md.
#   bench/startup-flags.sh [RUNS]      default 20
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need hyperfine
need python3
build_bench
runs=${1:-20}
jar="$ROOT/iicsctl-cli/target/iicsctl.jar"
jsa="$ROOT/iicsctl-cli/target/iicsctl.jsa"
"$ROOT/iicsctl" --version >/dev/null   # builds the CLI if needed and starts the archive's training run
for _ in $(seq 1 120); do [ -s "$jsa" ] && [ "$jsa" -nt "$jar" ] && break; sleep 0.5; done
[ -s "$jsa" ] || { echo "bench: no class-data archive at $jsa after a minute" >&2; exit 1; }
export XDG_CACHE_HOME="$RESULTS/tmp/cache" XDG_CONFIG_HOME="$RESULTS/tmp/config"
mkdir -p "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME"
export IICS_USERNAME=demo@example.com IICS_PASSWORD=demo-password
start_emulator startup-flags
export IICS_LOGIN_URL="$LOGIN_URL"
"$ROOT/iicsctl" login >/dev/null
run="run --id 0100000Z00000000001N -t MTT --no-wait --if-running start"
quiet="-Xlog:disable -Xlog:all=warning:stderr -Xlog:cds=off -Xlog:cds+dynamic=off"
all="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto $quiet -XX:SharedArchiveFile=$jsa"

machine_info >"$RESULTS/startup-flags-machine.txt"
hyperfine -N --warmup 3 --runs "$runs" --style basic \
  --export-json "$RESULTS/startup-flags.json" --export-markdown "$RESULTS/startup-flags-hyperfine.md" \
  -n "java -jar (JDK defaults: C2, G1, JDK class-data archive only)" "java -jar $jar $run" \
  -n "java -Xshare:off (no class-data sharing at all)" "java -Xshare:off -jar $jar $run" \
  -n "java -XX:TieredStopAtLevel=1" "java -XX:TieredStopAtLevel=1 -jar $jar $run" \
  -n "java -XX:+UseSerialGC" "java -XX:+UseSerialGC -jar $jar $run" \
  -n "java -XX:SharedArchiveFile (application archive)" "java $quiet -XX:SharedArchiveFile=$jsa -jar $jar $run" \
  -n "java with all three (the launcher's java command)" "java $all -jar $jar $run" \
  -n "./iicsctl (launcher: bash, build check, java)" "$ROOT/iicsctl $run"

python3 - "$RESULTS/startup-flags.json" <<'PY' | tee "$RESULTS/startup-flags.md"
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
base = statistics.median(results[0]["times"])
print("| JVM setting | median wall | mean ± σ | CPU (user + sys, mean) | median ÷ defaults |")
print("|---|---:|---:|---:|---:|")
for r in results:
    med = statistics.median(r["times"])
    print(f"| {r['command']} | {med:.3f} s | {r['mean']:.3f} ± {r['stddev']:.3f} s | {r['user'] + r['system']:.3f} s | {med / base:.2f} |")
PY

# Where the time goes: the moment the first class of each phase loads, with the launcher's settings.
logs=()
for i in 1 2 3 4 5; do
  java $all -Xlog:class+load:file="$RESULTS/tmp/class-load-$i.txt" -jar "$jar" $run >/dev/null 2>&1
  logs+=("$RESULTS/tmp/class-load-$i.txt")
done
java -Xshare:off -Xlog:class+load:file="$RESULTS/tmp/class-load-noshare.txt" -jar "$jar" $run >/dev/null 2>&1
python3 - "$RESULTS/tmp/class-load-noshare.txt" "${logs[@]}" <<'PY' | tee "$RESULTS/startup-phases.md"
import re, statistics, sys
marks = [
    ("JVM started, main class loaded", "dev.iicsctl.cli.Main"),
    ("picocli ready: models of the root and the run command built, parsing starts", "picocli.CommandLine$ParseResult"),
    ("command runs: settings resolved, config and session file read", "dev.iicsctl.cli.config.SettingsResolver"),
    ("Jackson ObjectMapper created", "com.fasterxml.jackson.databind.ObjectMapper"),
    ("client built: JDK HttpClient and TLS context (cacerts)", "javax.net.ssl.SSLContext"),
    ("HttpClient created", "jdk.internal.net.http.HttpClientImpl"),
    ("start request sent", "jdk.internal.net.http.HttpRequestImpl"),
    ("answer received", "dev.iicsctl.client.internal.http.HttpAnswer"),
    ("exit", "java.lang.Shutdown"),
]
def read(path):
    first, sources = {}, {}
    for line in open(path):
        m = re.match(r"\[([\d.]+)s\]\S* (\S+) source: (.*)", line)
        if not m:
            continue
        t, cls, src = float(m.group(1)), m.group(2), m.group(3)
        first.setdefault(cls, t)
        kind = ("application archive" if "(top)" in src else "JDK archive" if "shared objects file" in src
                else "jar" if src.endswith(".jar") else "JDK modules (jrt)" if src.startswith("jrt:") else "generated")
        sources[kind] = sources.get(kind, 0) + 1
    return first, sources
noshare = read(sys.argv[1])[1]
runs = [read(p) for p in sys.argv[2:]]
print("| phase (launcher settings, class-load timestamps, median of 5) | reached at | took |")
print("|---|---:|---:|")
prev = 0.0
for label, cls in marks:
    times = [r[0][cls] for r in runs if cls in r[0]]
    if not times:
        continue
    t = statistics.median(times)
    print(f"| {label} | {t * 1000:.0f} ms | {(t - prev) * 1000:.0f} ms |")
    prev = t
print()
print("| classes loaded from | -Xshare:off | launcher settings |")
print("|---|---:|---:|")
kinds = ["JDK archive", "application archive", "JDK modules (jrt)", "jar", "generated"]
for k in kinds:
    print(f"| {k} | {noshare.get(k, 0)} | {runs[0][1].get(k, 0)} |")
print(f"| total | {sum(noshare.values())} | {sum(runs[0][1].values())} |")
PY
