#!/usr/bin/env bash
# bench/http-overhead.sh [N] — per-request cost of REST Assured (as the toolkit configured it until 2026-11-27, and
# with its client reused), Apache HttpClient 4.5 and the JDK's HttpClient against the same native Distribution: N GET /v2/ and
# N HEAD of one blob each (default 500), warm, each client in a fresh JVM (bench/HttpOverhead.java), plus the JVM's
# own start: `java -version`, a main that does nothing, and `regconform --version` through the launcher.
# Environment: ROUNDS (default 3: each client runs that many times, alternating), REGCONFORM_DISTRIBUTION_BINARY.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-500}"
rounds="${ROUNDS:-3}"
die() { echo "bench/http-overhead.sh: $*" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/regconform-bench-http.XXXXXX")"
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
cleanup() { stop_distribution; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 2' INT TERM

start_distribution
"$here/regconform" --version >/dev/null || die "the toolkit did not build"
printf 'bench-blob' > "$work/blob"
digest="sha256:$(sha256sum "$work/blob" | cut -d' ' -f1)"
location="$(curl -s -o /dev/null -w '%header{location}' -X POST "$base/v2/bench/blobs/uploads/")"
[ -n "$location" ] || die "could not start an upload"
case "$location" in http*) ;; *) location="$base$location" ;; esac
case "$location" in *\?*) sep='&' ;; *) sep='?' ;; esac
[ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/octet-stream' \
  --data-binary @"$work/blob" "$location${sep}digest=$digest")" = 201 ] || die "could not push the blob"
echo "http overhead: $n requests each, $rounds rounds, $("$registry_bin" --version 2>&1 | head -1) at $base; $(machine_line)"

# Compile once, so that no compilation lands in the measurement. REST Assured is a test dependency of the suite (its
# requests go through Apache HttpClient directly), so the class path is the test one.
(cd "$here" && ./mvnw -q -B dependency:build-classpath -pl conformance-suite -am -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt") || die "could not resolve the test class path (./mvnw dependency:build-classpath)"
cp="$(cat "$work/classpath.txt")"
cp "$here/bench/HttpOverhead.java" "$work/"
javac -d "$work/classes" -cp "$cp" "$work/HttpOverhead.java" || die "javac failed"
printf 'public class Nothing { public static void main(String[] a) {} }\n' > "$work/Nothing.java"
javac -d "$work/classes" "$work/Nothing.java"

now() { date +%s.%N; }
for round in $(seq "$rounds"); do
  t0="$(now)"; java -version 2>/dev/null; t1="$(now)"; java -cp "$work/classes" Nothing; t2="$(now)"
  "$here/regconform" --version >/dev/null; t3="$(now)"
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN { printf "jvm: java -version %.0f ms, empty main %.0f ms, regconform --version %.0f ms\n", (b-a)*1000, (c-b)*1000, (d-c)*1000 }'
  for client in restassured restassured-reuse apache jdk; do
    java -cp "$work/classes:$cp" HttpOverhead "$base" "$digest" "$client" "$n"
  done
done
