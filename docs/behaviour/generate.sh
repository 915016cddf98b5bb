#!/usr/bin/env bash
# Regenerates the behaviour book in this directory: every check of the suite run against Distribution 2.8.2 as a
# native process with token authentication (the toolkit's token server) and the embedded Artipie adapter, written as Markdown (index.md, one NN-chapter.md per chapter),
# index.html and book.json. Needs the 'registry' or 'docker-registry' binary (apt-get install docker-registry, or
# REGCONFORM_DISTRIBUTION_BINARY). BehaviourBookCoverageTest fails the build when the book no longer matches the
# checks; BehaviourBookIT (with Chromium) then refreshes screenshot.png.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
exec ./regconform docs --reference distribution-token --reference artipie-embedded --out docs/behaviour "$@"
