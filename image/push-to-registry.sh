#!/usr/bin/env bash
# Builds the toolkit's container image with Jib and pushes it to a registry (jib:build): a conformance run of a
# registry by pushing the toolkit's own image to it. No docker engine is needed for the push itself.
#
# usage: image/push-to-registry.sh REGISTRY/REPOSITORY[:TAG] [MAVEN ARGS...]
#   e.g. image/push-to-registry.sh 127.0.0.1:5000/regconform/toolkit:0.1.0-SNAPSHOT
# The base image is REGCONFORM_IMAGE_BASE when set (e.g. docker://local/regconform-java:17, made by
# fixtures/docker/java/build-local-image.sh), else eclipse-temurin:17-jre. Plain HTTP is allowed (a registry on
# 127.0.0.1). Credentials come from Jib's usual places (docker's config.json and credential helpers), or from
# MAVEN ARGS such as -Djib.to.auth.username=USER -Djib.to.auth.password=... (on the command line: prefer the former).
# Prints the pushed image's digest, which conformance-suite/target/jib-image.digest also holds.
set -euo pipefail
if [ $# -lt 1 ] || [[ "$1" == -* ]]; then
  echo "usage: $0 REGISTRY/REPOSITORY[:TAG] [MAVEN ARGS...]" >&2
  exit 2
fi
ref="$1"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# The toolkit-image profile (target/jib-image.tar) is left out: this build pushes, it makes no tarball.
./mvnw -B -q -pl conformance-suite -am package jib:build -DskipTests -P '!toolkit-image' \
  -Dregconform.image.base="${REGCONFORM_IMAGE_BASE:-eclipse-temurin:17-jre}" \
  -Djib.to.image="$ref" -Djib.allowInsecureRegistries=true "$@"
echo "pushed $ref@$(cat conformance-suite/target/jib-image.digest)"
