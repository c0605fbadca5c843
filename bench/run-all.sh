#!/usr/bin/env bash
# Every benchmark, one after the other (about 15 minutes), results in bench/results/ and the chart in docs/.
# Needs: JDK 17, hyperfine, wrk, curl, jq, python3 with requests (apt-get install -y hyperfine wrk curl jq
# python3-requests). See docs/benchmarks.md for what each one measures.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_REBUILD=1 "$here/startup-flags.sh"
"$here/startup.sh"
"$here/watcher.sh"
"$here/emulator-load.sh"
