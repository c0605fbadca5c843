#!/usr/bin/env bash
# Builds the two archives of docs/install.md from the CLI's shaded jar (run by the dist profile's package phase):
#   build-archives.sh VERSION TARGET_DIR CLI_JAR JAVA_HOME
set -euo pipefail
version=$1 target=$2 jar=$3 jdk=$4
src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$src/../.." && pwd)
bundle=iicsctl-$version-linux-x64 portable=iicsctl-$version
stage=$target/stage
rm -rf "$stage" && mkdir -p "$stage"

# Man pages (from the picocli model) and completion scripts (printed by the CLI), shared by both archives.
share=$stage/share
java_cmd=("$jdk/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
"${java_cmd[@]}" -cp "$jar" dev.iicsctl.cli.manpage.ManPages "$share/man/man1"
mkdir -p "$share/bash-completion/completions" "$share/zsh/site-functions" "$share/fish/vendor_completions.d"
"${java_cmd[@]}" -jar "$jar" completion bash >"$share/bash-completion/completions/iicsctl"
"${java_cmd[@]}" -jar "$jar" completion zsh >"$share/zsh/site-functions/_iicsctl"
"${java_cmd[@]}" -jar "$jar" completion fish >"$share/fish/vendor_completions.d/iicsctl.fish"
mkdir -p "$share/doc/iicsctl"
cp "$root/docs/install.md" "$root/LICENSE" "$share/doc/iicsctl/"

lay_out() { # lay_out DIR LAUNCHER: the files both archives have
  mkdir -p "$1/bin" "$1/lib"
  cp -R "$share" "$1/"
  cp "$root/LICENSE" "$1/"
  cp "$jar" "$1/lib/iicsctl.jar"
  install -m 0755 "$src/bin/$2" "$1/bin/iicsctl"
}

# The bundle: the modules the jar needs (jdeps), and those it reaches only at run time: jdk.crypto.ec for TLS
# with elliptic-curve keys (IICS pods), jdk.zipfs for zip file systems. Not jdk.localedata: every message and
# time format is English/ISO.
lay_out "$stage/$bundle" iicsctl
modules=$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$jar")
modules="$modules,jdk.crypto.ec,jdk.zipfs"
echo "iicsctl-dist: jlink --add-modules $modules"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$stage/$bundle/runtime"
# The class-data archive of the application's classes, on top of the runtime's own: a training run of the demo
# (the emulator in-process, no network), with the jar given as in bin/iicsctl, in a throwaway home.
train=$stage/train && mkdir -p "$train"
(
  exec 3<"$stage/$bundle/lib/iicsctl.jar"
  HOME=$train XDG_CONFIG_HOME=$train/config XDG_CACHE_HOME=$train/cache \
    "$stage/$bundle/runtime/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -XX:ArchiveClassesAtExit="$stage/$bundle/lib/iicsctl.jsa" -Xlog:disable -Xlog:all=error:stderr \
    -cp /dev/fd/3 dev.iicsctl.cli.Main demo >"$train/demo.log" 2>&1
) || { cat "$train/demo.log" >&2; echo "iicsctl-dist: the CDS training run failed" >&2; exit 1; }
rm -rf "$train"

lay_out "$stage/$portable" iicsctl-portable
cp "$src/bin/iicsctl.cmd" "$stage/$portable/bin/"

cd "$stage"
tar --owner=0 --group=0 -czf "$target/$bundle.tar.gz" "$bundle"
tar --owner=0 --group=0 -czf "$target/$portable.tar.gz" "$portable"
cd "$target"
for archive in "$bundle.tar.gz" "$portable.tar.gz"; do
  sha256sum "$archive" >"$archive.sha256"
  echo "iicsctl-dist: $target/$archive ($(du -h "$archive" | cut -f1))"
done
