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

# frequency: verdicts, exit codes and fire times.
now=1798761600  # 2027-01-01T00:00:00Z
out=$("$bin" frequency --now=$now --next 2 "0 15 10 ? * MON-FRI Asia/Shanghai"); rc=$?
check "frequency valid exit" 0 "$rc"
check "frequency verdict" valid "$(printf '%s\n' "$out" | head -1)"
check "frequency first fire" 1 "$(printf '%s\n' "$out" | grep -c '2027-01-01T02:15:00Z')"
check "frequency class" 1 "$(printf '%s\n' "$out" | grep -c '^class: fixed-time$')"
out=$("$bin" frequency --now=$now "0 15 10 ? * 8"); rc=$?
check "frequency invalid exit" 1 "$rc"
check "frequency invalid code" 1 "$(printf '%s\n' "$out" | grep -c 'InvalidParam.Frequency (HTTP 400)')"
check "frequency caret" "                ^" "$(printf '%s\n' "$out" | tail -1)"
"$bin" frequency --zone=Nowhere/Land "0 0 0 * * ?" 2>/dev/null; check "unknown zone exit" 2 "$?"
"$bin" frequency --bogus=1 "0 0 0 * * ?" 2>/dev/null; check "unknown frequency flag exit" 2 "$?"
"$bin" frequency 2>/dev/null; check "frequency without expression exit" 2 "$?"

batch=$(printf '0 */5 * * * ?\tUTC\t%s\t60\t3\n0 0 0 30 2 ?\tUTC\t%s\t60\t3\n0 0 0 30 2 ?\tUTC\t%s\t-\t3\nrate(5m)\t\t100\t-\t2\nbroken line\n' $now $now $now | "$bin" frequency --batch)
check "batch line 1" "1798761900 1798762200 1798762500" "$(printf '%s\n' "$batch" | sed -n 1p)"
check "batch line 2 code" "ERR InvalidParam.Frequency" "$(printf '%s\n' "$batch" | sed -n 2p | cut -d' ' -f1-2)"
check "batch line 3 compute-only" "" "$(printf '%s\n' "$batch" | sed -n 3p)"
check "batch line 4 rate" "400 700" "$(printf '%s\n' "$batch" | sed -n 4p)"
check "batch line 5 malformed" "ERR InvalidRequest.Malformed" "$(printf '%s\n' "$batch" | sed -n 5p | cut -d' ' -f1-2)"

if (( fails > 0 )); then exit 1; fi
echo "all validate CLI checks passed"
