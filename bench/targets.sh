#!/usr/bin/env bash
# bench/targets.sh — issue 8's bar for several targets: a run against N targets takes no more than 1.3x the time of a
# run against one.
#
# Starts N (default 3) native Distributions (bench/lib.sh) on free 127.0.0.1 ports, builds the toolkit once, then
# ROUNDS times (default 3; which run goes first alternates) times the whole process of
#   one   ./regconform run --target URL1 --report-dir DIR [ARGS]
#   N     ./regconform run --target URL1 ... --target URLN --report-dir DIR [ARGS]   (targets checked at once: --parallel)
# each on a fresh report directory, checks that every target of the N-target run got the same verdicts as the
# one-target run (.ci/compare-verdicts on URL1's), and prints the medians and their ratio.
#
# Environment: N (default 3), ROUNDS (default 3), ARGS (more options for both runs, default "--no-html"; "" for the
# default run with the Allure HTML), REGCONFORM_DISTRIBUTION_BINARY.
# Exit status: 0 the N-target run took at most 1.3x the one-target run, 1 it took longer, 2 could not run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${N:-3}"
rounds="${ROUNDS:-3}"
args="${ARGS---no-html}"
bar=1.3

die() { echo "bench/targets.sh: $*" >&2; exit 2; }
[[ "$n" =~ ^[2-9]$ ]] || die "N must be 2 to 9, was '$n'"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive whole number, was '$rounds'"
command -v jq >/dev/null || die "jq is needed to read summary.json"

work="$(mktemp -d "${TMPDIR:-/tmp}/regconform-bench-targets.XXXXXX")"
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
cleanup() { stop_distribution; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 2' INT TERM

for i in $(seq "$n"); do start_distribution "registry-$i"; done
"$here/regconform" --version >/dev/null || die "the toolkit did not build"

echo "targets bench: 1 target vs $n targets, $rounds rounds, options: ${args:-(none)}; $("$registry_bin" --version 2>&1 | head -1) at ${bases[*]}"
echo "  machine: $(machine_line); $(java -version 2>&1 | head -1)"
[ -z "$(pgrep -f '\.ci/run' || true)" ] || echo "  NOTE: a .ci/run is running on this machine: the numbers are not from a quiet machine"

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One run over the given targets; prints its wall time in seconds; the report stays in $work/NAME.
run_once() {
  local name="$1" t0 t1 targets=() b
  shift
  for b in "$@"; do targets+=(--target "$b"); done
  sync
  t0="$(now)"
  # shellcheck disable=SC2086 # ARGS is a list of options
  "$here/regconform" run "${targets[@]}" --report-dir "$work/$name" $args > "$work/$name.out" 2>&1 || true
  t1="$(now)"
  [ -f "$work/$name/summary.json" ] || { cat "$work/$name.out" >&2; die "$name wrote no summary.json"; }
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}

ones="" many=""
for round in $(seq "$rounds"); do
  if [ $((round % 2)) = 1 ]; then order="one many"; else order="many one"; fi
  for which in $order; do
    if [ "$which" = one ]; then
      wall="$(run_once "one-$round" "${bases[0]}")"; ones+="$wall "
    else
      wall="$(run_once "many-$round" "${bases[@]}")"; many+="$wall "
    fi
    printf '  round %d %-4s %7.2f s\n' "$round" "$([ "$which" = one ] && echo 1 || echo "$n")" "$wall"
  done
  # The same verdicts for the first target, alone or among N (the others are other registries of the same build).
  jq '{targets: [.targets[0]]}' "$work/many-$round/summary.json" > "$work/many-$round-first.json"
  "$here/.ci/compare-verdicts" "$work/one-$round/summary.json" "$work/many-$round-first.json" >/dev/null \
    || { "$here/.ci/compare-verdicts" "$work/one-$round/summary.json" "$work/many-$round-first.json" || true;
         echo "  NOTE: round $round: the first target's verdicts differ between the two runs (above)"; }
done

# shellcheck disable=SC2086
one_median="$(printf '%s\n' $ones | median)"
# shellcheck disable=SC2086
many_median="$(printf '%s\n' $many | median)"
ratio="$(awk -v a="$many_median" -v b="$one_median" 'BEGIN { printf "%.2f", a / b }')"
echo
printf '%-30s %9s\n' "median of $rounds rounds" "wall s"
printf '%-30s %9s\n' "1 target" "$one_median"
printf '%-30s %9s\n' "$n targets at once" "$many_median"
if awk -v r="$ratio" -v b="$bar" 'BEGIN { exit !(r <= b) }'; then
  echo "$n targets took ${ratio}x the time of one: within the ${bar}x bar"
else
  echo "$n targets took ${ratio}x the time of one: over the ${bar}x bar"
  exit 1
fi
