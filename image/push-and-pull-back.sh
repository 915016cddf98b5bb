#!/usr/bin/env bash
# Proves that the build can push the toolkit's image to a registry under test and that the other clients pull back
# the very image Jib pushed: starts a Distribution on a free 127.0.0.1 port, pushes with image/push-to-registry.sh
# (Jib), then pulls it back with docker and inspects and copies it with skopeo, comparing digests, and runs the pulled
# image against the registry it came from. It builds the image twice, into conformance-suite/target/jib-image.tar
# (jib:buildTar) and into the registry (jib:build): both must have the same digest (a reproducible build).
#
# usage: image/push-and-pull-back.sh
# Needs docker and skopeo; the registry image is REGCONFORM_DISTRIBUTION_IMAGE (default registry:2.8.2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { echo "push-and-pull-back: $*"; }
fail() { echo "push-and-pull-back: FAILED: $*" >&2; exit 1; }

version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
base="${REGCONFORM_IMAGE_BASE:-eclipse-temurin:17-jre}"
start=$(date +%s)
./mvnw -B -q -pl conformance-suite -am package jib:buildTar -DskipTests -P '!toolkit-image' \
  -Dregconform.image.base="$base"
say "built conformance-suite/target/jib-image.tar from $base ($(($(date +%s) - start)) s)"
built_digest="$(cat conformance-suite/target/jib-image.digest)"

port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port="$candidate"; break; fi
done
[ -n "$port" ] || fail "no free port"
registry="127.0.0.1:$port"
name="regconform-push-and-pull-back-$port"
image="$registry/regconform/toolkit:$version"
copy="$registry/regconform/toolkit-copy:$version"
cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker rmi "$image" >/dev/null 2>&1 || true
}
trap cleanup EXIT
docker run -d --network host --name "$name" -e REGISTRY_HTTP_ADDR="$registry" \
  "${REGCONFORM_DISTRIBUTION_IMAGE:-registry:2.8.2}" >/dev/null
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.2
done
say "Distribution at http://$registry"

start=$(date +%s)
image/push-to-registry.sh "$image"
pushed="$(cat conformance-suite/target/jib-image.digest)"
say "Jib pushed $image@$pushed ($(($(date +%s) - start)) s)"

served="$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$image")"
[ "$served" = "$pushed" ] || fail "skopeo inspect: the registry serves $served, Jib pushed $pushed"
say "skopeo inspect: $served"

docker pull -q "$image" >/dev/null
docker image inspect --format '{{join .RepoDigests "\n"}}' "$image" | grep -qx "$registry/regconform/toolkit@$pushed" \
  || fail "docker pull: RepoDigests $(docker image inspect --format '{{.RepoDigests}}' "$image") lack @$pushed"
say "docker pull: RepoDigests hold $registry/regconform/toolkit@$pushed"

skopeo copy -q --src-tls-verify=false --dest-tls-verify=false "docker://$image" "docker://$copy"
copied="$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$copy")"
[ "$copied" = "$pushed" ] || fail "skopeo copy: the copy is $copied, the original $pushed"
say "skopeo copy: $copy@$copied"

version_line="$(docker run --rm --network host "$image" --version)"
say "the pulled image: ${version_line%%$'\n'*}"
set +e
docker run --rm --network host "$image" run --target "http://$registry" --check 'pull.*' --report-dir none \
  >/tmp/regconform-push-and-pull-back-run.log 2>&1
status=$?
set -e
[ "$status" -le 1 ] || { cat /tmp/regconform-push-and-pull-back-run.log >&2; fail "the pulled image's run exited $status"; }
say "the pulled image ran 'run --check pull.*' against http://$registry: exit $status, $(tail -1 /tmp/regconform-push-and-pull-back-run.log)"

[ "$built_digest" = "$pushed" ] || fail "not reproducible: target/jib-image.tar is $built_digest, the push $pushed"
say "reproducible: two builds, target/jib-image.tar and the pushed image, are both $pushed"
say "OK"
