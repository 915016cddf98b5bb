#!/usr/bin/env bash
# bench/suite.sh — the whole conformance suite end to end against a native Distribution, timed, next to issue 8's
# anchor (the official OCI conformance suite: 79 specs in about 0.42 s end to end, about 5.6 ms a spec including
# process start, measured on these machines; its binary is not on this machine, so the anchor is quoted, not rerun).
#
# Starts Distribution (docker-registry or registry serve, bench/lib.sh) on a free 127.0.0.1 port, builds the toolkit
# once, then ROUNDS times (default 3) runs, each on a fresh report directory:
#   full        ./regconform run --target http://127.0.0.1:PORT --report-dir DIR
#   no-html     the same with --no-html
#   no-clients  the same with --no-html, and docker and skopeo hidden (a PATH shim in which both exit 127), so the
#               docker and skopeo checks end skipped; Jib runs inside the JVM and still runs
# and prints, per variant, the median wall time of the whole process (launcher, JVM start, checks, reports), the
# number of executed checks (every outcome but disabled and skipped, from summary.json), the wall time per executed
# check, and the ratio to the anchor's 5.6 ms. For the last full round it also prints where the time went: the
# console line timestamps (JVM start to the target's header, first to last check line, last check to "Reports:"),
# the mtimes of the report files, the sum of durationMillis per workflow and the 20 slowest checks.
#
# Environment: ROUNDS (default 3), VARIANTS (default "full no-html no-clients"), REGCONFORM_DISTRIBUTION_BINARY,
# KEEP (a directory to copy the last report directory of each variant to).
# Exit status: 0 the toolkit's time per executed check is within the anchor's, 1 it is not, 2 could not run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${ROUNDS:-3}"
variants="${VARIANTS:-full no-html no-clients}"
anchor_specs=79 anchor_seconds=0.42 anchor_ms_per_spec=5.6

die() { echo "bench/suite.sh: $*" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive whole number, was '$rounds'"
command -v jq >/dev/null || die "jq is needed to read summary.json"

work="$(mktemp -d "${TMPDIR:-/tmp}/regconform-bench-suite.XXXXXX")"
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
cleanup() { stop_distribution; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 2' INT TERM

start_distribution
"$here/regconform" --version >/dev/null || die "the toolkit did not build"

# docker and skopeo that cannot run: their checks end skipped ("client not available").
mkdir -p "$work/no-clients-bin"
for c in docker skopeo; do printf '#!/bin/sh\necho "%s hidden by bench/suite.sh" >&2\nexit 127\n' "$c" > "$work/no-clients-bin/$c"; done
chmod +x "$work/no-clients-bin/"*

echo "suite bench: $rounds rounds of: $variants; $("$registry_bin" --version 2>&1 | head -1) at $base"
echo "  machine: $(machine_line)"
echo "  $(java -version 2>&1 | head -1); $(docker --version 2>/dev/null || echo 'docker not found'); $(skopeo --version 2>/dev/null || echo 'skopeo not found')"
[ -z "$(pgrep -f '\.ci/run' || true)" ] || echo "  NOTE: a .ci/run is running on this machine: the numbers are not from a quiet machine"

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One run: prints "WALL EXECUTED"; leaves the report in $work/VARIANT-ROUND and the timestamped console in .console.
run_once() {
  local variant="$1" round="$2" dir="$work/$1-$2" t0 t1 rc=0 executed args=()
  args=(run --target "$base" --report-dir "$dir")
  [ "$variant" = full ] || args+=(--no-html)
  sync
  t0="$(now)"
  if [ "$variant" = no-clients ]; then
    PATH="$work/no-clients-bin:$PATH" "$here/regconform" "${args[@]}" 2>"$dir.err" \
      | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done > "$dir.console" || rc=$?
  else
    "$here/regconform" "${args[@]}" 2>"$dir.err" \
      | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done > "$dir.console" || rc=$?
  fi
  t1="$(now)"
  [ -f "$dir/summary.json" ] || { cat "$dir.err" >&2; die "$variant round $round wrote no summary.json"; }
  echo "$t0" > "$dir.t0"
  executed="$(jq '[.targets[].checks[] | select(.outcome != "disabled" and .outcome != "skipped")] | length' "$dir/summary.json")"
  awk -v a="$t0" -v b="$t1" -v n="$executed" 'BEGIN { printf "%.3f %d\n", b - a, n }'
}

declare -A walls executed_of
for round in $(seq "$rounds"); do
  for variant in $variants; do
    read -r wall executed <<<"$(run_once "$variant" "$round")"
    walls[$variant]+="$wall "
    executed_of[$variant]="$executed"
    printf '  round %d %-10s %7.2f s, %d executed checks, %6.1f ms per executed check\n' "$round" "$variant" "$wall" \
      "$executed" "$(awk -v w="$wall" -v n="$executed" 'BEGIN { print w * 1000 / n }')"
  done
done

echo
printf '%-34s %9s %9s %12s %10s\n' "median of $rounds rounds" "wall s" "checks" "ms/check" "x anchor"
printf '%-34s %9s %9s %12s %10s\n' "official suite (anchor, quoted)" "$anchor_seconds" "$anchor_specs" "$anchor_ms_per_spec" "1.0"
verdict=1
for variant in $variants; do
  # shellcheck disable=SC2086
  wall="$(printf '%s\n' ${walls[$variant]} | median)"
  per="$(awk -v w="$wall" -v n="${executed_of[$variant]}" 'BEGIN { printf "%.1f", w * 1000 / n }')"
  printf '%-34s %9s %9s %12s %10s\n' "regconform $variant" "$wall" "${executed_of[$variant]}" "$per" \
    "$(awk -v p="$per" -v a="$anchor_ms_per_spec" 'BEGIN { printf "%.1f", p / a }')"
  awk -v p="$per" -v a="$anchor_ms_per_spec" 'BEGIN { exit !(p <= a) }' && verdict=0
done

# --- where the time went, in the last round of the first variant
first="${variants%% *}"
dir="$work/$first-$rounds"
t0="$(cat "$dir.t0")"
echo
echo "breakdown of $first round $rounds (seconds from the launcher's start):"
awk -v t0="$t0" '
  / == /         && !h { h = $1 }
  /^[0-9.]+ +(✓|✗|!|~|-|\?|[a-z]+ )/ { }
  { last = $1 }
  / Reports: /   { r = $1 }
  END { printf "  target header printed (JVM start, CLI, preflight): %.2f\n  Reports: line printed: %.2f\n  last console line: %.2f\n", h - t0, r - t0, last - t0 }' "$dir.console"
# The first and the last check line: the lines between the header and the interop matrix / totals that name a check id.
ids="$(jq -r '.targets[].checks[].id' "$dir/summary.json")"
awk -v t0="$t0" 'NR == FNR { id[$1] = 1; next } { for (i = 2; i <= NF; i++) if ($i in id) { if (!f) f = $1; l = $1; break } }
  END { printf "  first check line: %.2f\n  last check line: %.2f (checks: %.2f s of wall time)\n", f - t0, l - t0, l - f }' \
  <(printf '%s\n' "$ids") "$dir.console"
echo "  report files written at (mtime):"
for f in junit.xml summary.json requirements.md allure-report/index.html interop-matrix.json conformance-matrix.html; do
  [ -e "$dir/$f" ] && printf '    %-28s %.2f\n' "$f" "$(awk -v a="$t0" -v b="$(stat -c %.9Y "$dir/$f")" 'BEGIN { print b - a }')"
done
printf '  allure-results: %s files, %s; allure-report: %s\n' "$(find "$dir/allure-results" -type f | wc -l)" \
  "$(du -sh "$dir/allure-results" | cut -f1)" "$( [ -d "$dir/allure-report" ] && du -sh "$dir/allure-report" | cut -f1 || echo none)"
echo "  sum of durationMillis by outcome:"
jq -r '[.targets[].checks[]] | group_by(.outcome) | map("    \(.[0].outcome)\t\(length) checks\t\((map(.durationMillis) | add) / 1000) s") | .[]' "$dir/summary.json"
echo "  sum of durationMillis by workflow (executed checks):"
jq -r '[.targets[].checks[] | select(.outcome != "disabled" and .outcome != "skipped")] | group_by(.workflow)
  | map([.[0].workflow, length, ((map(.durationMillis) | add) / 1000)]) | sort_by(-.[2])
  | .[] | "    \(.[0])\t\(.[1]) checks\t\(.[2]) s"' "$dir/summary.json"
echo "  the 20 slowest checks:"
jq -r '[.targets[].checks[]] | sort_by(-.durationMillis) | .[:20][] | "    \(.durationMillis) ms\t\(.outcome)\t\(.id)"' "$dir/summary.json"

if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP"
  for variant in $variants; do cp -r "$work/$variant-$rounds" "$work/$variant-$rounds".{console,err} "$KEEP/" ; done
fi
exit "$verdict"
