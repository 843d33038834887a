#!/usr/bin/env bash
# The C API as an embedder outside Bazel uses it: the C tests compiled by the
# system C compiler against libruncheck.so and run with it.
set -euo pipefail
dir="${TEST_SRCDIR}/runcheck"
out="${TEST_TMPDIR}/capi_test_shared"
cc -std=c11 -Wall -Wextra -Werror -I"${dir}" "${dir}/capi/capi_test.c" \
  -L"${dir}/capi" -lruncheck -o "${out}"
LD_LIBRARY_PATH="${dir}/capi" "${out}"
