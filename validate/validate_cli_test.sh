#!/usr/bin/env bash
# Black-box tests of the validate binary: exit codes and output shape.
set -u
bin="${TEST_SRCDIR}/${TEST_WORKSPACE}/validate/validate"
fails=0
check() {  # check NAME WANT GOT
  if [[ "$2" != "$3" ]]; then
    echo "FAIL $1: want [$2] got [$3]"
    fails=$((fails + 1))
  fi
}

out=$("$bin" catalog); rc=$?
check "catalog exit" 0 "$rc"
check "catalog rows" 81 "$(printf '%s\n' "$out" | wc -l)"
check "catalog frequency row" 1 "$(printf '%s\n' "$out" | grep -c '^{"code": "InvalidParam.Frequency", "http_status": 400, "message": "The specified frequency is invalid.", "group": "A"}$')"
check "catalog 404 rows" 8 "$(printf '%s\n' "$out" | grep -c '"http_status": 404')"
check "catalog group C" 9 "$(printf '%s\n' "$out" | grep -c '"group": "C"')"

"$bin" --help >/dev/null; check "help exit" 0 "$?"
"$bin" nonsense 2>/dev/null; check "unknown subcommand exit" 2 "$?"
"$bin" --bogus catalog 2>/dev/null; check "unknown flag exit" 2 "$?"
"$bin" 2>/dev/null; check "no subcommand exit" 2 "$?"
"$bin" catalog extra 2>/dev/null; check "catalog with argument exit" 2 "$?"

if (( fails > 0 )); then exit 1; fi
echo "all validate CLI checks passed"
