#!/usr/bin/env bash
# bench/blob.sh [SIZE] — blob transfer throughput of the toolkit's own client next to skopeo's, on the same native
# Distribution, in the same run.
#
# Starts Distribution (docker-registry or registry serve) on a free 127.0.0.1 port with filesystem storage in a
# temporary directory, then, ROUNDS times (default 3), for a layer of SIZE bytes (default 1GiB; bytes or KiB/MiB/GiB):
#   skopeo push  skopeo copy --preserve-digests oci:LAYOUT docker://127.0.0.1:PORT/…  (a fresh OCI layout each round:
#                one layer of SIZE random bytes, uncompressed, plus a config and a manifest; --preserve-digests keeps
#                skopeo from gzipping the layer on the way, so both clients move the same SIZE bytes)
#   skopeo pull  skopeo copy docker://127.0.0.1:PORT/… dir:DIR  (DIR on /dev/shm when it has room, so that no disk
#                write slows skopeo down: the toolkit's pull writes nowhere, it digests and drops the bytes)
#   regconform   JAVA_OPTS=-Xmx64m ./regconform bench blob --target http://127.0.0.1:PORT --size SIZE
# and prints the median MiB/s of each side by side, and whether the toolkit meets skopeo's throughput (issue 8's bar).
# Each skopeo figure is SIZE over the wall time of the whole skopeo process (start, blob checks, layer, config,
# manifest); the toolkit's are what it prints: POST to the PUT's answer, and GET to the last byte read and digested,
# without JVM start. A last row compares whole processes both ways: 2 x SIZE over (skopeo push + skopeo pull) and over
# the regconform process (JVM start, GET /v2/, push, pull, DELETE). Which client goes first alternates by round, and
# `sync` runs before each measurement.
#
# Environment: ROUNDS (default 3), REGCONFORM_DISTRIBUTION_BINARY (else registry or docker-registry on PATH),
# JAVA_HEAP (default 64m).
# Exit status: 0 the toolkit is no slower than skopeo at push and at pull; 1 it is slower at one; 2 could not run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_arg="${1:-1GiB}"
rounds="${ROUNDS:-3}"
heap="${JAVA_HEAP:-64m}"

die() { echo "bench/blob.sh: $*" >&2; exit 2; }

to_bytes() {
  local n unit
  [[ "$1" =~ ^([0-9]+)[[:space:]]*([KMG]iB)?$ ]] || die "invalid size '$1': bytes, or a number with KiB, MiB or GiB"
  n="${BASH_REMATCH[1]}" unit="${BASH_REMATCH[2]}"
  case "$unit" in KiB) echo $((n << 10)) ;; MiB) echo $((n << 20)) ;; GiB) echo $((n << 30)) ;; *) echo "$n" ;; esac
}
size="$(to_bytes "$size_arg")"
[ "$size" -gt 0 ] || die "the size must be at least 1 byte"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive whole number, was '$rounds'"

# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
command -v curl >/dev/null || die "curl is needed to wait for the registry and to delete what skopeo pushed"
have_skopeo=true
command -v skopeo >/dev/null || have_skopeo=false

work="$(mktemp -d "${TMPDIR:-/tmp}/regconform-bench-blob.XXXXXX")"
cleanup() {
  stop_distribution
  rm -rf "$work"
  [ "${pull_root:-$work}" = "$work" ] || rm -rf "$pull_root"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

# Where skopeo pulls to: tmpfs when it has room for the layer and some, else the work directory (on disk).
pull_root="$work"
if [ -d /dev/shm ] && [ -w /dev/shm ] \
    && [ "$(df --output=avail -B1 /dev/shm 2>/dev/null | tail -1 | tr -d ' ')" -gt $((size + (256 << 20))) ] 2>/dev/null; then
  pull_root="$(mktemp -d /dev/shm/regconform-bench-blob.XXXXXX)"
fi

# --- the registry
start_distribution

# --- build the toolkit first, so that no build lands in a measurement
"$here/regconform" --version >/dev/null || die "the toolkit did not build"

distribution_version="$("$registry_bin" --version 2>&1 | head -1)"
skopeo_version="$($have_skopeo && skopeo --version 2>&1 | head -1 || echo "skopeo not found")"
java_version="$(java -version 2>&1 | head -1)"
echo "blob bench: $size_arg ($size bytes), $rounds rounds, $distribution_version at $base"
echo "  machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "  $java_version; $skopeo_version; skopeo pulls to $pull_root"

now() { date +%s.%N; }
rate() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1048576 / s }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# An OCI layout holding one image: a layer of $size random bytes (uncompressed tar media type), a config, a manifest.
make_layout() {
  local dir="$1" layer config manifest digest config_digest manifest_digest
  mkdir -p "$dir/blobs/sha256"
  head -c "$size" /dev/urandom > "$dir/layer"
  digest="$(sha256sum "$dir/layer" | cut -d' ' -f1)"
  mv "$dir/layer" "$dir/blobs/sha256/$digest"
  config="{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:$digest\"]}}"
  config_digest="$(printf '%s' "$config" | sha256sum | cut -d' ' -f1)"
  printf '%s' "$config" > "$dir/blobs/sha256/$config_digest"
  manifest="{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:$config_digest\",\"size\":${#config}},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"sha256:$digest\",\"size\":$size}]}"
  manifest_digest="$(printf '%s' "$manifest" | sha256sum | cut -d' ' -f1)"
  printf '%s' "$manifest" > "$dir/blobs/sha256/$manifest_digest"
  printf '{"imageLayoutVersion":"1.0.0"}' > "$dir/oci-layout"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d,"annotations":{"org.opencontainers.image.ref.name":"bench"}}]}' \
    "$manifest_digest" "${#manifest}" > "$dir/index.json"
  echo "sha256:$digest sha256:$config_digest sha256:$manifest_digest"
}

skopeo_round() {
  local round="$1" layout="$work/layout-$round" pulled="$pull_root/pulled-$round" repo="bench/skopeo-$round" digests t0 t1 t2 t3
  read -r -a digests <<<"$(make_layout "$layout")"
  sync
  t0="$(now)"
  skopeo copy -q --preserve-digests --dest-tls-verify=false "oci:$layout:bench" "docker://127.0.0.1:$port/$repo:latest" \
    || die "skopeo push failed"
  t1="$(now)"
  sync
  t2="$(now)"
  skopeo copy -q --src-tls-verify=false "docker://127.0.0.1:$port/$repo:latest" "dir:$pulled" || die "skopeo pull failed"
  t3="$(now)"
  [ "$(stat -c %s "$pulled/${digests[0]#sha256:}")" = "$size" ] || die "skopeo pulled a layer of another size"
  skopeo_push+=("$(rate "$size" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")")
  skopeo_pull+=("$(rate "$size" "$(awk -v a="$t2" -v b="$t3" 'BEGIN { print b - a }')")")
  skopeo_both+=("$(rate $((2 * size)) "$(awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN { print b - a + d - c }')")")
  curl -s -o /dev/null -X DELETE "$base/v2/$repo/manifests/${digests[2]}"
  for d in "${digests[@]:0:2}"; do curl -s -o /dev/null -X DELETE "$base/v2/$repo/blobs/$d"; done
  rm -rf "$layout" "$pulled"
  echo "  round $round skopeo:     push ${skopeo_push[-1]} MiB/s, pull ${skopeo_pull[-1]} MiB/s"
}

toolkit_round() {
  local round="$1" output t0 t1 push pull
  sync
  t0="$(now)"
  output="$(JAVA_OPTS="-Xmx$heap" "$here/regconform" bench blob --target "$base" --size "$size" 2>&1)" \
    || { echo "$output" >&2; die "regconform bench blob failed"; }
  t1="$(now)"
  push="$(sed -n 's/^push: \([0-9.]*\) MiB\/s.*/\1/p' <<<"$output")"
  pull="$(sed -n 's/^pull: \([0-9.]*\) MiB\/s.*/\1/p' <<<"$output")"
  [ -n "$push" ] && [ -n "$pull" ] || { echo "$output" >&2; die "no push:/pull: lines in the output above"; }
  toolkit_push+=("$push")
  toolkit_pull+=("$pull")
  toolkit_both+=("$(rate $((2 * size)) "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")")
  echo "  round $round regconform: push $push MiB/s, pull $pull MiB/s"
}

skopeo_push=() skopeo_pull=() skopeo_both=() toolkit_push=() toolkit_pull=() toolkit_both=()
for round in $(seq "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    $have_skopeo && skopeo_round "$round"
    toolkit_round "$round"
  else
    toolkit_round "$round"
    $have_skopeo && skopeo_round "$round"
  fi
done

m() { printf '%s\n' "$@" | median; }
tp="$(m "${toolkit_push[@]}")" tl="$(m "${toolkit_pull[@]}")" tb="$(m "${toolkit_both[@]}")"
echo
echo "median of $rounds rounds, MiB/s ($size_arg)     push     pull   push+pull, whole processes"
if ! $have_skopeo; then
  printf '%-36s %8s %8s %8s\n' "regconform (-Xmx$heap)" "$tp" "$tl" "$tb"
  echo "skopeo not found: nothing to compare with (apt-get install skopeo)"
  exit 2
fi
sp="$(m "${skopeo_push[@]}")" sl="$(m "${skopeo_pull[@]}")" sb="$(m "${skopeo_both[@]}")"
printf '%-36s %8s %8s %8s\n' "skopeo" "$sp" "$sl" "$sb" "regconform (-Xmx$heap)" "$tp" "$tl" "$tb"
verdict() { awk -v t="$1" -v s="$2" 'BEGIN { printf "%s (%.2fx)", (t >= s ? "yes" : "NO"), t / s }'; }
echo "regconform meets skopeo's throughput: push $(verdict "$tp" "$sp"), pull $(verdict "$tl" "$sl"), whole processes $(verdict "$tb" "$sb")"
awk -v a="$tp" -v b="$sp" -v c="$tl" -v d="$sl" 'BEGIN { exit !(a >= b && c >= d) }'
