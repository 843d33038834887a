#!/usr/bin/env bash
# The main job on bundled data: builds the validate binary and validates the
# example request (examples/request.json), printing the verdict and the next
# fire times of its schedule. Installs missing Debian packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
bazel build -c opt //validate 2>&1 | grep -E '^(ERROR|FAIL)' || true
bazel-bin/validate/validate --next 5 examples/request.json
