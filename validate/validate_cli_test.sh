#!/usr/bin/env bash
# Black-box tests of the validate binary: exit codes and output shape.
set -u
bin="${TEST_SRCDIR}/runcheck/validate/validate"
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
"$bin" /no/such/file 2>/dev/null; check "unreadable file exit" 2 "$?"
"$bin" --bogus catalog 2>/dev/null; check "unknown flag exit" 2 "$?"
"$bin" </dev/null >/dev/null; check "empty request on stdin exit" 1 "$?"
"$bin" a b 2>/dev/null; check "two files exit" 2 "$?"
"$bin" catalog extra 2>/dev/null; check "catalog with argument exit" 2 "$?"

# catalog --action: each action's own table (SPEC 11).
out=$("$bin" catalog --action StopInvocation); rc=$?
check "stop catalog exit" 0 "$rc"
check "stop catalog first row" '{"code": "RegionId.ApiNotSupported", "http_status": 400, "message": "The api is not supported in this region.", "group": "B"}' "$(printf '%s\n' "$out" | head -1)"
check "stop catalog invoke id message" 1 "$(printf '%s\n' "$out" | grep -c '"InvalidInvokeId.NotFound", "http_status": 404, "message": "The specified invoke ID does not exist."')"
out=$("$bin" catalog --action=ModifyInvocationAttribute)
check "mia catalog own frequency code" 1 "$(printf '%s\n' "$out" | grep -c '^{"code": "InvalidParameter.Frequency", "http_status": 400, ')"
check "mia catalog has no RunCommand frequency code" 0 "$(printf '%s\n' "$out" | grep -c '"InvalidParam.Frequency"')"
check "run catalog by name" 81 "$("$bin" catalog --action RunCommand | wc -l)"
err=$("$bin" catalog --action runcommand 2>&1 >/dev/null); rc=$?
check "unknown action exit" 2 "$rc"
check "unknown action names the code" 1 "$(printf '%s\n' "$err" | grep -c 'InvalidAction.NotFound')"
# What the user typed is quoted escaped, never raw, in a usage error.
err=$("$bin" catalog --action "$(printf 'Run\033[2JCommand')" 2>&1 >/dev/null)
check "usage error escapes ESC" 0 "$(printf '%s' "$err" | grep -c $'\033')"
check "usage error shows the escape" 1 "$(printf '%s\n' "$err" | grep -c 'Run\\x1b\[2JCommand')"
err=$("$bin" frequency --zone="$(printf 'Asia/\033Tokyo')" '0 0 * * * ?' 2>&1 >/dev/null)
check "zone usage error escapes ESC" 0 "$(printf '%s' "$err" | grep -c $'\033')"

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

# whole requests: the bundled examples, both output forms, batch.
ex="${TEST_SRCDIR}/runcheck/examples"
out=$("$bin" --now=$now --next 2 "$ex/request.json"); rc=$?
check "request valid exit" 0 "$rc"
check "request verdict" valid "$(printf '%s\n' "$out" | head -1)"
check "request agent" 1 "$(printf '%s\n' "$out" | grep -c '^agent: at least 2.2.3.309 (Linux) / 2.1.3.309 (Windows)$')"
check "request first fire" 1 "$(printf '%s\n' "$out" | grep -c '2027-01-01 10:15:00 +08:00  2027-01-01T02:15:00Z')"
out=$("$bin" --now=$now "$ex/request-invalid.txt"); rc=$?
check "request invalid exit" 1 "$rc"
check "request first violation" "  CmdParam.EmptyKey (HTTP 400) CommandContent: Command parameters can not be empty." "$(printf '%s\n' "$out" | sed -n 2p)"
check "request caret" "         ^^^^^" "$(printf '%s\n' "$out" | sed -n 5p)"
check "request violation count" 6 "$(printf '%s\n' "$out" | grep -c '(HTTP ')"
out=$("$bin" --now=$now --format=json --fail-fast "$ex/request-invalid.txt"); rc=$?
check "json fail-fast exit" 1 "$rc"
check "json fail-fast one violation" 1 "$(printf '%s\n' "$out" | grep -o '"code"' | wc -l)"
check "json fields" 1 "$(printf '%s\n' "$out" | grep -c '"field": "CommandContent", "offset": 5, "length": 5')"
out=$(printf '%s\n' "$(tr -d '\n' < "$ex/request.json")" 'RegionId=r&Type=Bad&CommandContent=ls&InstanceId.1=i' '{"bad' \
      | "$bin" --batch --now=$now); rc=$?
check "batch exit" 1 "$rc"
check "batch lines" 3 "$(printf '%s\n' "$out" | wc -l)"
check "batch valid line" 1 "$(printf '%s\n' "$out" | sed -n 1p | grep -c '^{"valid": true')"
check "batch agent" 1 "$(printf '%s\n' "$out" | sed -n 1p | grep -c '"agent": {"linux": "2.2.3.309", "windows": "2.1.3.309"')"
check "batch type line" 1 "$(printf '%s\n' "$out" | sed -n 2p | grep -c '"code": "InvalidCmdType.NotFound", "http_status": 404')"
check "batch malformed line" 1 "$(printf '%s\n' "$out" | sed -n 3p | grep -c '"code": "InvalidRequest.Malformed"')"
"$bin" --format=xml "$ex/request.json" 2>/dev/null; check "bad format exit" 2 "$?"
"$bin" --limits=max_nothing=3 "$ex/request.json" 2>/dev/null; check "bad limits exit" 2 "$?"
out=$(printf 'RegionId=r&Type=RunShellScript&CommandContent=ls&InstanceId.1=a&InstanceId.2=b\n' | "$bin" --format=json --limits=max_instances=1); rc=$?
check "limits override" 1 "$(printf '%s\n' "$out" | grep -c 'InstanceIds.ExceedLimit')"

# frequency --format=json: the request form's findings plus the schedule.
out=$("$bin" frequency --format=json --now=2027-01-01T00:00:00Z --next=2 '0 0 9 ? * MON America/New_York'); rc=$?
check "frequency json exit" 0 "$rc"
check "frequency json" '{"valid": true, "violations": [], "dropped": 0, "warnings": [], "dropped_warnings": 0, "schedule": "0 0 9 ? * 1 America/New_York", "class": "fixed-time", "zone": "America/New_York", "next": ["2027-01-04T14:00:00Z", "2027-01-11T14:00:00Z"]}' "$out"
out=$("$bin" frequency --format=json --now=2027-01-01T00:00:00Z '0 0 25 * * ?'); rc=$?
check "frequency json invalid exit" 1 "$rc"
check "frequency json violation" 1 "$(printf '%s\n' "$out" | grep -c '"code": "InvalidParam.Frequency", "http_status": 400, "field": "Frequency", "offset": 4, "length": 2')"
"$bin" frequency --format=yaml 'rate(5m)' 2>/dev/null; check "frequency bad format exit" 2 "$?"

# Batch lines: both batches read lines the same way. A line longer than the
# 64 KiB read buffer is one line; one over 1 MiB is a usage error (exit 2).
long=$(head -c 70000 /dev/zero | tr '\0' 'x')
out=$(printf '%s\t\t0\t-\t1\n0 0 0 * * ?\t\t0\t-\t1\n' "$long" | "$bin" frequency --batch)
check "frequency batch: a 70 KB line is one line" 2 "$(printf '%s\n' "$out" | wc -l)"
check "frequency batch: the line after it" "86400" "$(printf '%s\n' "$out" | sed -n 2p)"
# A line over 1 MiB gets its own error record and the batch goes on (SPEC 9).
huge=$(head -c 1100000 /dev/zero | tr '\0' 'x')
out=$(printf '%s\n0 0 0 * * ?\t\t0\t-\t1\n' "$huge" | "$bin" frequency --batch); rc=$?
check "frequency batch: over 1 MiB exit" 1 "$rc"
check "frequency batch: over 1 MiB record" "ERR InvalidRequest.Malformed" "$(printf '%s\n' "$out" | sed -n 1p | cut -d' ' -f1-2)"
check "frequency batch: the line after it" "86400" "$(printf '%s\n' "$out" | sed -n 2p)"
out=$(printf '%s\nRegionId=r&Type=RunShellScript&CommandContent=ls&InstanceId.1=i\n' "$huge" | "$bin" --batch --now=$now); rc=$?
check "request batch: over 1 MiB exit" 1 "$rc"
check "request batch: over 1 MiB lines" 2 "$(printf '%s\n' "$out" | wc -l)"
check "request batch: the line after it" 1 "$(printf '%s\n' "$out" | sed -n 2p | grep -c '^{"valid": true')"

# NUL bytes never end or merge lines; a valid frequency batch exits 0.
out=$(printf 'a\0b\t\t0\t-\t1\n0 0 0 * * ?\t\t0\t-\t1\n' | "$bin" frequency --batch); rc=$?
check "frequency batch: NUL line count" 2 "$(printf '%s\n' "$out" | wc -l)"
check "frequency batch: invalid line exit" 1 "$rc"
printf '0 0 0 * * ?\tGMT+5:30\t0\t-\t1\n' | "$bin" frequency --batch >/dev/null; check "frequency batch: all valid exit" 0 "$?"

# Text output escapes control characters of the input (no raw ESC or NUL).
out=$(printf 'RegionId=r&Type=RunShellScript&CommandContent=ls&InstanceId.1=i-%%00x&Name=a%%1b%%5B2J' | "$bin" --now=$now)
check "text output: no raw ESC" 0 "$(printf '%s' "$out" | tr -d -c '\033' | wc -c)"
check "text output: escaped ESC" 1 "$(printf '%s\n' "$out" | grep -c 'a\\x1b\[2J')"
check "text output: NUL via escape is malformed" 1 "$(printf '%s\n' "$out" | grep -c 'InvalidRequest.Malformed (HTTP 400) InstanceId.1')"
# The same bytes in the JSON form give the same answer.
out=$(printf '{"RegionId": "r", "Type": "RunShellScript", "CommandContent": "ls", "InstanceId": ["i-\\u0000x"]}' | "$bin" --now=$now --format=json)
check "json form: NUL via \\u0000 is malformed" 1 "$(printf '%s\n' "$out" | grep -c '"code": "InvalidRequest.Malformed", "http_status": 400, "field": "InstanceId.1", "offset": 2')"

# Options take every zone spelling; bad numbers are usage errors.
"$bin" frequency --now=$now --zone=GMT+5:30 '0 0 0 * * ?' >/dev/null; check "--zone GMT+5:30" 0 "$?"
"$bin" frequency --now=$now --timeout=-5 'rate(5m)' 2>/dev/null; check "--timeout negative" 2 "$?"
"$bin" --limits=max_instances=2147483648 "$ex/request.json" 2>/dev/null; check "--limits past int" 2 "$?"
out=$("$bin" frequency --now=$now --next 5 '0 0 0 29 2 ? 2028')
check "fewer fires than asked" 1 "$(printf '%s\n' "$out" | grep -c '^next 1 after ')"

# render: the script, or the refused placeholder's offset and a caret.
out=$(printf 'echo "Hi {{name}}" {{name}}' | "$bin" render --params='{"name": "$(id) it'"'"'s"}' -); rc=$?
check "render exit" 0 "$rc"
check "render posix" "echo \"Hi \\\$(id) it's\" '\$(id) it'\\''s'" "$out"
out=$(printf 'price=${{amount}}' | "$bin" render --params='{"amount": "5"}' -); rc=$?
check "render refused exit" 1 "$rc"
check "render refused offset" 1 "$(printf '%s\n' "$out" | grep -c '^refused: unsafe context at byte 7: ')"
check "render refused caret" "           ^^^^^^^^^^" "$(printf '%s\n' "$out" | tail -1)"
out=$(printf 'Write-Host "{{a}}" @{{a}}' | "$bin" render --quoting=powershell --contexts -); rc=$?
check "render contexts exit" 1 "$rc"
check "render contexts lines" 2 "$(printf '%s\n' "$out" | grep -c '^byte [0-9]*: {{a}} ')"
check "render contexts refused" 1 "$(printf '%s\n' "$out" | grep -c '^byte 20: {{a}} refused ')"
printf 'echo %%{{a}}%%' | "$bin" render --quoting=cmd - >/dev/null; check "render cmd refused" 1 "$?"
printf 'echo {{a}}' | "$bin" render --quoting=sh - 2>/dev/null; check "render bad quoting" 2 "$?"
printf 'echo {{a}}' | "$bin" render --params='{"b": "1"}' - >/dev/null; check "render params not matched" 1 "$?"

# --action and a request's own Action (SPEC 11): the action's rules, codes
# and messages, single and batch.
out=$(printf 'Action=SendFile&RegionId=r&Name=a&TargetDir=tmp&Content=x&InstanceId.1=i' | "$bin" --format=json -); rc=$?
check "send file exit" 1 "$rc"
check "send file code" 1 "$(printf '%s\n' "$out" | grep -c '"code": "FileTargetDir.Invalid", "http_status": 400, "field": "TargetDir", "offset": 0')"
check "send file action" 1 "$(printf '%s\n' "$out" | grep -c '"action": "SendFile"')"
out=$(printf 'RegionId=r&InvokeId=t-1' | "$bin" --action=StopInvocation -); rc=$?
check "stop invocation exit" 0 "$rc"
check "stop invocation text" "action: StopInvocation" "$(printf '%s\n' "$out" | grep '^action:')"
out=$(printf 'Action=StopInvocation&RegionId=r&InvokeId=t-1' | "$bin" --action=SendFile --format=json -); rc=$?
check "another action exit" 1 "$rc"
check "another action malformed at its name" 1 "$(printf '%s\n' "$out" | grep -c '"code": "InvalidRequest.Malformed", "http_status": 400, "field": "", "offset": 7, "length": 14')"
out=$(printf 'Action=Nope' | "$bin" --format=json -); rc=$?
check "unknown action exit" 1 "$rc"
check "unknown action code" 1 "$(printf '%s\n' "$out" | grep -c '"code": "InvalidAction.NotFound".*"action": null')"
"$bin" --action=Nope - </dev/null 2>/dev/null; check "unknown --action exit" 2 "$?"
out=$(printf '%s\n' 'RegionId=r&InvokeId=t&Frequency=0+0+25+*+*+%3F' 'Action=SendFile&RegionId=r' \
      | "$bin" --batch --action=ModifyInvocationAttribute); rc=$?
check "batch action exit" 1 "$rc"
check "batch action lines" 2 "$(printf '%s\n' "$out" | wc -l)"
check "batch action own code" 1 "$(printf '%s\n' "$out" | sed -n 1p | grep -c '"code": "InvalidParameter.Frequency".*"action": "ModifyInvocationAttribute"')"
check "batch action line names another" 1 "$(printf '%s\n' "$out" | sed -n 2p | grep -c '"code": "InvalidRequest.Malformed"')"
out=$(printf 'RegionId=r&InvokeId=t&CommandContent=%s' "$(head -c 20000 /dev/zero | tr '\0' x)" \
      | "$bin" --action=ModifyInvocationAttribute -)
check "message with the limit filled in" 1 "$(printf '%s\n' "$out" | grep -c 'exceeds the limit of 18 KB characters')"

# --facts (SPEC 12): group B and the per-instance verdict; a bad facts file
# is a usage error naming the path and offset.
facts="${TEST_SRCDIR}/runcheck/examples/facts.json"
out=$("$bin" --now=$now --facts "$facts" "$ex/request.json"); rc=$?
check "facts exit" 1 "$rc"
check "facts upgrade" 1 "$(printf '%s\n' "$out" | grep -c '^  ClientNeedUpgrade (HTTP 400) InstanceId.2:')"
check "facts instance can run" 1 "$(printf '%s\n' "$out" | grep -c '^  i-bp185dy2o3o6neg0001 (InstanceId.1): can run$')"
check "facts instance cannot" 1 "$(printf '%s\n' "$out" | grep -c '^  i-bp185dy2o3o6neg0002 (InstanceId.2): cannot run: ')"
out=$("$bin" --now=$now --facts "$facts" --format=json "$ex/request.json")
check "facts json instances" 1 "$(printf '%s\n' "$out" | grep -c '"instances": \[{"id": "i-bp185dy2o3o6neg0001", "field": "InstanceId.1", "can_run": true, "reasons": \[\]}')"
out=$(printf 'RegionId=cn-hangzhou&Type=RunShellScript&CommandContent=ls&InstanceId.1=i-nope' | "$bin" --now=$now --facts "$facts" --format=json -)
check "facts not found" 1 "$(printf '%s\n' "$out" | grep -c '"code": "InvalidInstance.NotFound", "http_status": 404, "field": "InstanceId.1"')"
out=$(printf 'RegionId=cn-hangzhou&Type=RunShellScript&CommandContent=ls&InstanceId.1=i-nope' | "$bin" --now=$now -)
check "without facts, group A only" 0 "$?"
bad=$(mktemp); printf '{"instances": [{"id": "i", "region": "r", "os": "mac"}]}' > "$bad"
err=$("$bin" --facts "$bad" "$ex/request.json" 2>&1 >/dev/null); rc=$?
check "bad facts exit" 2 "$rc"
check "bad facts path and offset" 1 "$(printf '%s\n' "$err" | grep -c 'instances\[0\].os at byte 48')"
"$bin" --facts /no/such/facts "$ex/request.json" 2>/dev/null; check "missing facts exit" 2 "$?"
rm -f "$bad"

# Operators' habits (issue 15, item 4).
check "version" 1 "$("$bin" --version | grep -c '^validate (runcheck [0-9.]*)$')"
err=$("$bin" freq '0 0 12 * * ?' 2>&1 >/dev/null); rc=$?
check "typo of a command exit" 2 "$rc"
check "typo of a command hint" 1 "$(printf '%s\n' "$err" | grep -c "unknown command 'freq' (did you mean frequency?)")"
out=$(printf '0 0 12 * * ?\n' | "$bin" frequency --now=$now --next=1 --previous=2 -); rc=$?
check "frequency from stdin exit" 0 "$rc"
check "previous fires" "  2026-12-31 12:00:00 +00:00  2026-12-31T12:00:00Z" "$(printf '%s\n' "$out" | grep -A1 '^previous 2 before' | tail -1)"
out=$("$bin" frequency --now=$now --format=json --next=0 --previous=1 -- '0 0 12 * * ?')
check "previous fires json" 1 "$(printf '%s\n' "$out" | grep -c '"previous": \["2026-12-31T12:00:00Z"\]')"
out=$("$bin" frequency --now=$now 'rate(1m)'); rc=$?
check "default timeout exit" 1 "$rc"
check "default timeout note" 1 "$(printf '%s\n' "$out" | grep -c '^note: --timeout defaults to 60 s')"
check "explicit timeout, no note" 0 "$("$bin" frequency --now=$now --timeout=10 'rate(1m)' | grep -c '^note:')"

# --lang: the schedule in a sentence (issue 15).
out=$("$bin" frequency --lang=ja --now=$now --next=0 '0 15 10 ? * 6L 2027-2030 Asia/Tokyo')
check "describe ja" "description: 2027年から2030年の毎月最終土曜日の 10:15（Asia/Tokyo）" "$(printf '%s\n' "$out" | grep '^description:')"
out=$("$bin" frequency --lang=en --format=json --now=$now --next=0 '0 15 10 ? * MON-FRI Asia/Shanghai')
check "describe json" 1 "$(printf '%s\n' "$out" | grep -c '"description": "At 10:15 on Monday through Friday (Asia/Shanghai)"')"
"$bin" frequency --lang=fr '0 0 12 * * ?' 2>/dev/null; check "unknown language exit" 2 "$?"

# explain (issue 15): the description, fires with weekdays and distance,
# clock changes, the agent, and the calendar with and without colour.
out=$("$bin" explain --lang=en --now=2026-12-04T00:00:00Z --next=2 --previous=1 --calendar=2027 --color=never \
      '0 15 10 ? * 6L 2027-2030 Asia/Tokyo'); rc=$?
check "explain exit" 0 "$rc"
check "explain description" "  At 10:15 on the last Saturday of the month in 2027 through 2030 (Asia/Tokyo)" "$(printf '%s\n' "$out" | sed -n 2p)"
check "explain next" "  Sat 2027-01-30 10:15:00 +09:00  (in 57 days 1 h)" "$(printf '%s\n' "$out" | grep -A1 '^next 2' | tail -1)"
check "explain no previous" 1 "$(printf '%s\n' "$out" | grep -c '^previous 0 before it')"
check "explain agent" 1 "$(printf '%s\n' "$out" | grep -c '^agent: at least 2.2.3.282 (Linux) / 2.1.3.282 (Windows)$')"
check "calendar January's last week" "25 26 27 28 29 30*31                        29 30 31" "$(printf '%s\n' "$out" | grep '^25 26 27 28 29 30\*31' | head -1)"
check "calendar marks twelve days" 12 "$(printf '%s\n' "$out" | grep -o '[0-9]\*' | wc -l)"
out=$("$bin" explain --now=2026-12-04T00:00:00Z --calendar=2027 --color=always '0 15 10 ? * 6L 2027-2030 Asia/Tokyo')
check "calendar in colour" 12 "$(printf '%s\n' "$out" | grep -o $'\x1b\[7m' | wc -l)"
out=$(NO_COLOR=1 "$bin" explain --now=2026-12-04T00:00:00Z --calendar=2027 '0 15 10 ? * 6L 2027-2030 Asia/Tokyo')
check "calendar NO_COLOR" 0 "$(printf '%s\n' "$out" | grep -c $'\x1b')"
out=$("$bin" explain --now=2026-12-04T00:00:00Z --next=1 --previous=0 '0 30 2 * * ? America/New_York')
check "explain clock change" 1 "$(printf '%s\n' "$out" | grep -c '^  2027-03-14 02:00-03:00 the clock skips ahead: a fire time there runs once, when the clock jumps$')"
out=$("$bin" explain --now=2026-12-04T00:00:00Z --lang=zh 'rate(5m)')
check "explain rate" 1 "$(printf '%s\n' "$out" | grep -c '^interval: 300 s (5 min)$')"
"$bin" explain --calendar=1900 '0 0 12 * * ?' 2>/dev/null; check "explain bad calendar exit" 2 "$?"
"$bin" explain --now=2026-12-04T00:00:00Z '0 0 25 * * ?' >/dev/null; check "explain invalid exit" 1 "$?"

# --dst-policy (SPEC 5.5) on frequency, explain and requests.
out=$("$bin" frequency --now=2026-12-04T00:00:00Z --next=1 --dst-policy=gap=skip '0 30 2 14 3 ? 2027 America/New_York')
check "dst policy skip: never fires" 1 "$(printf '%s\n' "$out" | grep -c 'skipped daylight-saving hour')"
out=$("$bin" frequency --now=2026-12-04T00:00:00Z --next=1 --dst-policy=gap=skip '0 30 2 * * ? America/New_York')
check "dst policy in the warning" 1 "$(printf '%s\n' "$out" | grep -c 'follow the DST policy (skipped)')"
out=$("$bin" frequency --now=2026-12-04T00:00:00Z --next=1 '0 30 2 14 3 ? 2027 America/New_York')
check "dst by class: once at gap end" 1 "$(printf '%s\n' "$out" | grep -c '2027-03-14 03:00:00 -04:00')"
out=$("$bin" explain --now=2026-12-04T00:00:00Z --next=0 --previous=0 --dst-policy=overlap=both '0 30 1 * * ? America/New_York')
check "explain dst policy" 1 "$(printf '%s\n' "$out" | grep -c 'the clock falls back: fire times there run on both passes')"
"$bin" frequency --dst-policy=gap=never '0 0 12 * * ?' 2>/dev/null; check "bad dst policy exit" 2 "$?"
"$bin" --dst-policy=overlap=second "$ex/request.json" --now=$now >/dev/null; check "request dst policy exit" 0 "$?"

if (( fails > 0 )); then exit 1; fi
echo "all validate CLI checks passed"
