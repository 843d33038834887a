#!/usr/bin/env bash
# The main job on bundled data: builds the validate binary and checks the
# example schedule (examples/frequency.txt, the Frequency of
# examples/request.json), printing the verdict and the next fire times.
# Installs missing Debian packages first.
#
# Whole-request validation (issue 5) will run on examples/request.json here.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
bazel build -c opt //validate 2>&1 | grep -E '^(ERROR|FAIL)' || true
bazel-bin/validate/validate frequency --timeout 600 --next 5 "$(cat examples/frequency.txt)"
