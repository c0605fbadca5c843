#!/usr/bin/env bash
# Start-up of `iicsctl run --no-wait` (cached session, no added latency) side by side in one hyperfine run: the
# bundle's bin/iicsctl (its jlink runtime, JDK 17, build-time CDS archive) against the repository launcher
# ./iicsctl (JDK 17, CDS), and the same jar on JDK 25 with a dynamic CDS archive and with an AOT cache
# (JEP 483/514, -XX:AOTCacheOutput training run of the demo). Also the archives' sizes.
#   bench/bundle-startup.sh [RUNS]   needs ./mvnw -B -Pdist package -DskipTests first; JDK25 defaults to Temurin's
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need hyperfine
runs=${1:-20}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
archive=$(ls "$ROOT"/iicsctl-dist/target/iicsctl-*-linux-x64.tar.gz)
portable=$(ls "$ROOT"/iicsctl-dist/target/iicsctl-*.tar.gz | grep -v linux-x64)
EMULATOR_JAR=$(ls "$ROOT"/iicsctl-emulator/target/iicsctl-emulator-*.jar | grep -v -e original -e sources -e javadoc -e -tests | head -1)
jar="$ROOT/iicsctl-cli/target/iicsctl.jar"
"$ROOT/iicsctl" --version >/dev/null   # builds the jar if needed; the launcher makes its CDS archive
tmp="$RESULTS/tmp/bundle" && rm -rf "$tmp" && mkdir -p "$tmp"
tar -xzf "$archive" -C "$tmp"
bundle=$(ls -d "$tmp"/iicsctl-*-linux-x64)
export XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config" IICS_USERNAME=demo@example.com IICS_PASSWORD=demo-password
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr"
# JDK 25: a dynamic CDS archive and an AOT cache of the same training run (the demo), made here.
(cd "$tmp" && HOME=$tmp "$jdk25/bin/java" $flags -XX:ArchiveClassesAtExit="$tmp/jdk25.jsa" -jar "$jar" demo >>"$tmp/training.log" 2>&1 || true)
(cd "$tmp" && HOME=$tmp "$jdk25/bin/java" ${flags/-Xshare:auto /} -XX:AOTCacheOutput="$tmp/jdk25.aot" -jar "$jar" demo >>"$tmp/training.log" 2>&1 || true)
sleep 2  # the launcher's background CDS training run, if it started one
machine_info >"$RESULTS/bundle-startup-machine.txt"
start_emulator bundle-startup
export IICS_LOGIN_URL="$LOGIN_URL"
"$ROOT/iicsctl" login >/dev/null
args="run --id 0100000Z00000000001N -t MTT --no-wait --if-running start"
hyperfine --warmup 3 --runs "$runs" --style basic \
  --export-json "$RESULTS/bundle-startup.json" --export-markdown "$RESULTS/bundle-startup.md" \
  -n "bundle bin/iicsctl (jlink runtime, JDK 17, CDS)" "$bundle/bin/iicsctl $args" \
  -n "repository ./iicsctl (JDK 17, CDS)" "$ROOT/iicsctl $args" \
  -n "java -jar on JDK 25, dynamic CDS archive" "$jdk25/bin/java $flags -XX:SharedArchiveFile=$tmp/jdk25.jsa -jar $jar $args" \
  -n "java -jar on JDK 25, AOT cache" "$jdk25/bin/java ${flags/-Xshare:auto /} -XX:AOTCache=$tmp/jdk25.aot -jar $jar $args"
stop_emulators
{
  echo "| archive | size |"
  echo "|---|---:|"
  for a in "$archive" "$portable"; do echo "| $(basename "$a") | $(du -k "$a" | cut -f1) KiB |"; done
  echo "| unpacked bundle | $(du -sk "$bundle" | cut -f1) KiB (runtime/ $(du -sk "$bundle/runtime" | cut -f1) KiB) |"
  echo "| JDK 25 CDS archive / AOT cache | $(du -k "$tmp/jdk25.jsa" | cut -f1) KiB / $(du -k "$tmp/jdk25.aot" | cut -f1) KiB |"
} | tee "$RESULTS/bundle-sizes.md"
