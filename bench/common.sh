# Shared helpers of the bench scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS="${BENCH_RESULTS:-$ROOT/bench/results}"
BENCH_JAR="$ROOT/iicsctl-bench/target/iicsctl-bench.jar"
mkdir -p "$RESULTS"
EMULATOR_PIDS=()

need() { # need TOOL [install hint]
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "bench: '$1' is missing; install it with: ${2:-apt-get update && apt-get install -y $1}" >&2
    exit 2
  fi
}

build_bench() { # the emulator jar, the CLI jar and the bench jar (profile 'bench')
  local emu
  emu=$(ls "$ROOT"/iicsctl-emulator/target/iicsctl-emulator-*.jar 2>/dev/null | grep -v -e original -e sources -e javadoc -e -tests | head -1 || true)
  if [ ! -f "$BENCH_JAR" ] || [ -z "$emu" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    echo "bench: building (./mvnw -Pbench -DskipTests package)" >&2
    (cd "$ROOT" && ./mvnw -B -q -o -Pbench -DskipTests package) >&2
  fi
  # BENCH_EMULATOR_JAR: another emulator build to measure, e.g. an older one for a before/after comparison.
  EMULATOR_JAR=${BENCH_EMULATOR_JAR:-$(ls "$ROOT"/iicsctl-emulator/target/iicsctl-emulator-*.jar | grep -v -e original -e sources -e javadoc -e -tests | head -1)}
}

# start_emulator NAME [emulator options...]: starts the standalone emulator on free ports and sets LOGIN_URL
start_emulator() {
  local name=$1; shift
  local out="$RESULTS/emulator-$name.out"
  java ${EMULATOR_JAVA_OPTS:-} -jar "$EMULATOR_JAR" --port 0 --seed 7 "$@" >"$out" 2>&1 &
  EMULATOR_PIDS+=($!)
  for _ in $(seq 1 100); do
    LOGIN_URL=$(sed -n 's/^  login URL: //p' "$out")
    [ -n "$LOGIN_URL" ] && return 0
    sleep 0.1
  done
  echo "bench: the emulator did not start; see $out" >&2
  cat "$out" >&2
  exit 1
}

stop_emulators() {
  local pid
  for pid in "${EMULATOR_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  EMULATOR_PIDS=()
}
trap stop_emulators EXIT

machine_info() { # the lines docs/benchmarks.md quotes
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "nproc: $(nproc)"
  free -h | sed -n 1,2p
  java -version 2>&1 | head -3
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
