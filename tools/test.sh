#!/usr/bin/env bash
# Runs runcheck's whole test suite twice — as built normally (gcc) and under
# AddressSanitizer + UndefinedBehaviorSanitizer (every fuzz target replays its
# corpus in both; the C API's tests in C run with LeakSanitizer too) — then
# the thread-safety test under ThreadSanitizer; between the first two runs,
# the Go package's tests (go/runcheck, plain and with -race) against the
# libruncheck.so the first run built, tools/install.sh with a C and a C++
# program built against the installed library, and examples/bazel-consumer
# (another workspace depending on runcheck). Ends with the line
#   N passed, N failed
# counted from the test cases actually run (each gtest case, each shell-test
# target, each Go test and example). Installs missing Debian packages first.
# Exit status: 0 when every test passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0

# run_suite LABEL TESTLOGS_DIR TARGETS BAZEL_FLAGS...
run_suite() {
  local label=$1 testlogs=$2 targets=$3
  shift 3
  local log
  log=$(mktemp)
  echo "== ${label}: bazel test $* ${targets}"
  bazel test "$@" ${targets} 2>&1 | tee "$log" | grep -E '^(//|INFO: Build|ERROR|FAIL)' || true
  local ran=0 target status tests bad xml
  # One line per test target: "//pkg:target   (cached) PASSED in 0.1s".
  while read -r target status; do
    ran=1
    xml="${testlogs}/${target#//}"
    xml="${xml/://}/test.xml"
    tests=0; bad=0
    if [[ -f "$xml" ]]; then
      read -r tests bad < <(awk '
        /<testsuite / {
          if (match($0, /tests="[0-9]+"/)) t += substr($0, RSTART + 7, RLENGTH - 8)
          if (match($0, /failures="[0-9]+"/)) f += substr($0, RSTART + 10, RLENGTH - 11)
          if (match($0, /errors="[0-9]+"/)) f += substr($0, RSTART + 8, RLENGTH - 9)
        }
        END { print t + 0, f + 0 }' "$xml")
    fi
    if [[ "$status" == PASSED ]]; then
      passed=$((passed + tests - bad))
      failed=$((failed + bad))
    else
      # Failed, timed out, crashed or did not build: its cases count as failed.
      (( bad < 1 )) && bad=1
      passed=$((passed + (tests > bad ? tests - bad : 0)))
      failed=$((failed + bad))
    fi
  done < <(sed -nE 's#^(//[^ ]+)[[:space:]]+(\(cached\) )?(PASSED|FAILED|TIMEOUT|NO STATUS|FAILED TO BUILD|INCOMPLETE|FLAKY).*#\1 \3#p' "$log")
  # Bazel itself failed before running anything.
  (( ran == 0 )) && failed=$((failed + 1))
  rm -f "$log"
}

# tally PASSED FAILED STATUS: adds counted cases; a command that failed
# (STATUS non-zero) without a counted failure did not build or crashed: one.
tally() {
  local p=$1 f=$2
  (( $3 != 0 && f == 0 )) && f=1
  passed=$((passed + p))
  failed=$((failed + f))
}

# record STATUS NAME: one check, passed when STATUS is 0.
record() {
  if (( $1 == 0 )); then
    tally 1 0 0
  else
    echo "FAIL $2"
    tally 0 1 1
  fi
}

# run_go LABEL GO_TEST_FLAGS...
run_go() {
  local label=$1
  shift
  echo "== ${label}: go test $* ./... (go/runcheck)"
  local lib out status
  lib="$(bazel info bazel-bin 2>/dev/null)/capi"
  out=$(cd go/runcheck &&
    CGO_CFLAGS="-I$(pwd)/../.." CGO_LDFLAGS="-L${lib} -Wl,-rpath,${lib}" \
    GOFLAGS=-mod=mod GOPROXY=off GOCACHE="${GOCACHE:-${HOME:-/tmp}/.cache/go-build}" \
    GOPATH="${GOPATH:-${HOME:-/tmp}/go}" \
    go test -count=1 -v "$@" ./... 2>&1)
  status=$?
  printf '%s\n' "$out" | grep -E '^(--- FAIL|FAIL|ok|panic)' || true
  tally "$(printf '%s\n' "$out" | grep -c -- '--- PASS')" \
    "$(printf '%s\n' "$out" | grep -c -- '--- FAIL')" "$status"
}

# prints_next BINARY: the consumer programs print the New York fire after
# 2026-03-08 00:00 EST, 03:00 EDT.
prints_next() {
  local out
  out=$("$1") && [[ "$out" == *"next 1772953200"* ]]
}

# run_install: tools/install.sh into a temporary prefix, then a C and a C++
# program (examples/install-consumer) built against it with pkg-config and
# plain cc/c++ (the C one also against the static archive), run: four checks.
run_install() {
  echo "== install: tools/install.sh PREFIX, cc and c++ with pkg-config"
  local prefix pc cflags libs static_libs
  prefix=$(mktemp -d)
  pc="$prefix/lib/pkgconfig"
  tools/install.sh "$prefix" >/dev/null 2>&1 && [[ -f "$pc/runcheck.pc" ]]
  record $? "install"
  cflags=$(PKG_CONFIG_PATH="$pc" pkg-config --cflags runcheck 2>/dev/null)
  libs=$(PKG_CONFIG_PATH="$pc" pkg-config --libs runcheck 2>/dev/null)
  static_libs=$(PKG_CONFIG_PATH="$pc" pkg-config --static --libs-only-l runcheck 2>/dev/null |
    sed 's/-lruncheck//')
  cc -std=c11 -Wall -Werror examples/install-consumer/main.c $cflags $libs \
    -o "$prefix/c_consumer" && prints_next "$prefix/c_consumer"
  record $? "C consumer"
  # The same C program against the static archive: no libruncheck.so needed.
  cc -std=c11 -Wall -Werror examples/install-consumer/main.c $cflags \
    "$prefix/lib/libruncheck.a" $static_libs -o "$prefix/c_static" &&
    ! ldd "$prefix/c_static" | grep -q libruncheck && prints_next "$prefix/c_static"
  record $? "static C consumer"
  c++ -std=c++17 -Wall -Werror examples/install-consumer/main.cc $cflags $libs \
    -o "$prefix/cc_consumer" && prints_next "$prefix/cc_consumer"
  record $? "C++ consumer"
  rm -rf "$prefix"
}

# run_consumer: examples/bazel-consumer, a workspace depending on runcheck as an
# embedder's does (with its own date/tz mapped in): its own test and every
# runcheck test as @runcheck//... (one count per test target).
run_consumer() {
  # Every runcheck package, by its top-level folder: @runcheck//... itself
  # would also walk Bazel's convenience link bazel-<checkout folder>, which
  # .bazelignore can name only for the usual folder names.
  local targets=() dir
  for dir in $(git ls-files '*BUILD.bazel' | cut -d/ -f1 | sort -u); do
    [[ -d "$dir" && "$dir" != examples && "$dir" != *BUILD.bazel ]] && targets+=("@runcheck//${dir}/...")
  done
  echo "== consumer: bazel test //... ${targets[*]} in examples/bazel-consumer"
  local out status
  out=$(cd examples/bazel-consumer && bazel test //... "${targets[@]}" 2>&1)
  status=$?
  printf '%s\n' "$out" | grep -E '^(//|@runcheck//|ERROR|FAIL)' || true
  tally "$(printf '%s\n' "$out" | grep -cE '^(//|@runcheck//)[^ ]+[[:space:]]+(\(cached\) )?PASSED')" \
    "$(printf '%s\n' "$out" | grep -cE '^(//|@runcheck//)[^ ]+[[:space:]]+(FAILED|TIMEOUT|NO STATUS|INCOMPLETE)')" \
    "$status"
  (cd examples/bazel-consumer && bazel shutdown >/dev/null 2>&1) || true
}

run_suite "gcc" bazel-testlogs //...
# Right after the gcc run: the sanitizer runs rebuild libruncheck.so in the
# same output tree, with the sanitizers' runtimes in it.
run_go "go"
run_go "go -race" -race
run_install
run_consumer
run_suite "asan+ubsan" bazel-asan-testlogs //... --config=asan
run_suite "tsan" bazel-tsan-testlogs //tests:thread_safety_test --config=tsan

echo "${passed} passed, ${failed} failed"
(( failed == 0 && passed > 0 ))
