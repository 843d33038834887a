#!/usr/bin/env bash
set -euo pipefail
out=$("${TEST_SRCDIR}/consumer/next_fire")
[[ "$out" == *"next 1772953200"* ]] || { echo "got: $out"; exit 1; }
