#!/usr/bin/env bash
# Installs the Debian packages runcheck builds, tests and fuzzes with, if any
# is missing. Idempotent; needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  bazel-bootstrap          # Bazel 4.2.3 (pulls in a JDK)
  build-essential          # g++
  libabsl-dev              # Abseil
  libre2-dev               # RE2
  libhowardhinnant-date-dev  # date/tz (libdate-tz, USE_OS_TZDB)
  tzdata                   # the tz database date/tz reads
  rapidjson-dev            # JSON (header-only SAX reader)
  libutf8proc-dev          # Unicode display widths (validate's carets)
  libgtest-dev libgmock-dev  # GoogleTest
  libbenchmark-dev         # Google Benchmark
  clang libclang-rt-14-dev # libFuzzer and sanitizers
  golang-go                # the Go package (go/runcheck), cgo over the C API
  pkg-config               # tools/install.sh's runcheck.pc, checked by tools/test.sh
  # Every shell Debian packages, for tests/shell_differential_test (bash
  # and dash are in the base image; busybox gives its sh).
  bash dash zsh mksh ksh busybox yash posh
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if (( ${#missing[@]} == 0 )); then
  exit 0
fi

echo "tools/deps.sh: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
