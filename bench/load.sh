#!/usr/bin/env bash
# bench/load.sh [DURATION] [CONCURRENCY] — `regconform load` against a native Distribution on loopback, ROUNDS times,
# printing each round's table and the medians over the rounds.
#
# Starts Distribution (docker-registry or registry serve) on a free 127.0.0.1 port with filesystem storage in a
# temporary directory (bench/lib.sh), then ROUNDS times (default 3):
#   JAVA_OPTS=-Xmx$JAVA_HEAP ./regconform load --target http://127.0.0.1:PORT --concurrency CONCURRENCY \
#       --duration DURATION --mix MIX --blob-size BLOB_SIZE --report-dir REPORT_DIR/round-N
# (each round in fresh repositories, deleted at its end), and last the median over the rounds of the total ops/s and
# of each operation's ops/s, p50 and p99 (from each round's load.json; needs python3).
#
# Arguments: DURATION (default 30s), CONCURRENCY (default 8).
# Environment: ROUNDS (default 3), MIX (default push=1,pull=4,head=2,tags=1), BLOB_SIZE (default 1MiB),
# JAVA_HEAP (default 64m), REPORT_DIR (default regconform-report/bench-load; load.json and load.svg of each round),
# REGCONFORM_DISTRIBUTION_BINARY (else registry or docker-registry on PATH).
# Exit status: 0 every round ran without a failed operation; 1 a round had failed operations; 2 could not run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-30s}"
concurrency="${2:-8}"
rounds="${ROUNDS:-3}"
mix="${MIX:-push=1,pull=4,head=2,tags=1}"
blob_size="${BLOB_SIZE:-1MiB}"
heap="${JAVA_HEAP:-64m}"
report_dir="${REPORT_DIR:-$here/regconform-report/bench-load}"

die() { echo "bench/load.sh: $*" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive whole number, was '$rounds'"

# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
work="$(mktemp -d "${TMPDIR:-/tmp}/regconform-bench-load.XXXXXX")"
cleanup() {
  stop_distribution
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

"$here/regconform" --version >/dev/null || die "the toolkit did not build"
start_distribution
echo "Distribution: $("$registry_bin" --version 2>/dev/null | head -1) on $base"
echo "machine: $(machine_line)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"

status=0
for round in $(seq "$rounds"); do
  echo
  echo "round $round of $rounds: JAVA_OPTS=-Xmx$heap ./regconform load --target $base --concurrency $concurrency" \
    "--duration $duration --mix $mix --blob-size $blob_size"
  sync
  code=0
  JAVA_OPTS="-Xmx$heap" "$here/regconform" load --target "$base" --concurrency "$concurrency" --duration "$duration" \
    --mix "$mix" --blob-size "$blob_size" --report-dir "$report_dir/round-$round" || code=$?
  [ "$code" -le 1 ] || die "regconform load could not run (exit status $code)"
  [ "$code" -eq 0 ] || status=1
done

if command -v python3 >/dev/null; then
  echo
  python3 - "$report_dir" "$rounds" <<'PY'
import json, statistics, sys
rounds = [json.load(open(f"{sys.argv[1]}/round-{i}/load.json")) for i in range(1, int(sys.argv[2]) + 1)]
med = statistics.median
print(f"median of {len(rounds)} rounds   ops/s   p50 ms   p99 ms")
for op in rounds[0]["operations"]:
    ops = [r["operations"][op] for r in rounds]
    print(f"{op:<20} {med(o['opsPerSecond'] for o in ops):7.1f} {med(o['latencyMs']['p50'] for o in ops):8.1f}"
          f" {med(o['latencyMs']['p99'] for o in ops):8.1f}")
tot = [r["total"] for r in rounds]
print(f"{'all':<20} {med(t['opsPerSecond'] for t in tot):7.1f} {med(t['latencyMs']['p50'] for t in tot):8.1f}"
      f" {med(t['latencyMs']['p99'] for t in tot):8.1f}")
print("errors: " + ", ".join(str(t["errors"]) for t in tot) + " (per round)")
PY
fi
echo "reports: $report_dir/round-*/load.json, load.svg"
exit "$status"
