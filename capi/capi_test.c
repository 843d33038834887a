/* Tests of the C API (capi/runcheck.h), in C: every function, bad handles
   and arguments, empty, NUL-holding and huge inputs, and the error paths.
   Expected instants were computed independently (Python's zoneinfo). */

#include "capi/runcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                     \
    }                                                                 \
  } while (0)

static int Equals(const char* data, size_t length, const char* want) {
  return length == strlen(want) && memcmp(data, want, length) == 0;
}

static runcheck_schedule* Parse(const char* text, const char* zone, runcheck_findings** f) {
  runcheck_frequency_options o;
  runcheck_frequency_options_init(&o);
  o.default_zone = zone;
  o.default_zone_length = zone == NULL ? 0 : strlen(zone);
  return runcheck_schedule_parse(text, strlen(text), &o, f);
}

static void TestVersion(void) {
  CHECK(runcheck_c_api_version() == RUNCHECK_C_API_VERSION);
  CHECK(strlen(runcheck_library_version()) > 0);
  runcheck_frequency_options o;
  memset(&o, 0x5a, sizeof(o));
  runcheck_frequency_options_init(&o);
  CHECK(o.struct_size == sizeof(o));
  CHECK(o.has_now == 0 && o.default_zone == NULL && o.dst_gap == RUNCHECK_GAP_BY_CLASS);
  runcheck_frequency_options_init(NULL); /* no crash */
}

static void TestCronInAZone(void) {
  runcheck_findings* f = NULL;
  runcheck_schedule* s = Parse("0 15 10 ? * MON-FRI", "Asia/Shanghai", &f);
  CHECK(s != NULL);
  CHECK(f != NULL && runcheck_findings_violation_count(f) == 0);
  int64_t t = 0;
  /* 2027-01-01T00:00:00Z is a Friday: 10:15 +08:00 that day, then Monday. */
  CHECK(runcheck_schedule_next(s, 1798761600, &t) == RUNCHECK_OK && t == 1798769700);
  CHECK(runcheck_schedule_next(s, t, &t) == RUNCHECK_OK && t == 1799028900);
  CHECK(runcheck_schedule_previous(s, 1799028900, &t) == RUNCHECK_OK && t == 1798769700);
  int64_t fires[3];
  size_t n = 0;
  CHECK(runcheck_schedule_next_n(s, 1798761600, fires, 3, &n) == RUNCHECK_OK && n == 3);
  CHECK(fires[0] == 1798769700 && fires[1] == 1799028900 && fires[2] > fires[1]);
  CHECK(runcheck_schedule_next_n(s, 1798761600, NULL, 0, &n) == RUNCHECK_OK && n == 0);
  const char* d = NULL;
  size_t len = 0;
  CHECK(runcheck_schedule_string(s, &d, &len) == RUNCHECK_OK);
  CHECK(Equals(d, len, "0 15 10 ? * 1-5") && d[len] == '\0');
  CHECK(runcheck_schedule_zone(s, &d, &len) == RUNCHECK_OK && Equals(d, len, "Asia/Shanghai"));
  CHECK(runcheck_schedule_kind(s) == RUNCHECK_KIND_CRON);
  CHECK(runcheck_schedule_fixed_time(s) == 1);
  CHECK(runcheck_schedule_explicit_zone(s) == 0);
  CHECK(runcheck_schedule_has_year_field(s) == 0);
  /* The horizon: nothing after 2100. */
  CHECK(runcheck_schedule_next(s, 4102444800, &t) == RUNCHECK_NONE);
  runcheck_schedule_free(s);
  runcheck_findings_free(f);
}

static void TestDst(void) {
  runcheck_findings* f = NULL;
  /* New York, spring forward 2026-03-08: 02:30 does not occur; a
     fixed-time schedule fires at the gap's end, 03:00 EDT. */
  runcheck_schedule* s = Parse("0 30 2 * * ?", "America/New_York", &f);
  int64_t t = 0;
  CHECK(s != NULL && runcheck_schedule_next(s, 1772946000, &t) == RUNCHECK_OK);
  CHECK(t == 1772953200);
  runcheck_schedule_free(s);
  runcheck_findings_free(f);
  /* Lord Howe skips 30 minutes on 2026-10-04 (02:00 -> 02:30). */
  runcheck_frequency_options o;
  runcheck_frequency_options_init(&o);
  o.default_zone = "Australia/Lord_Howe";
  o.default_zone_length = strlen(o.default_zone);
  o.has_now = 1;
  o.now = 1791000000;
  s = runcheck_schedule_parse("0 15 2 * * ?", 12, &o, &f);
  CHECK(s != NULL);
  CHECK(runcheck_schedule_next(s, 1791000000, &t) == RUNCHECK_OK && t == 1791041400);
  CHECK(runcheck_schedule_next(s, t, &t) == RUNCHECK_OK && t == 1791126900);
  /* With `now`, the request-level rules run and warn about the DST day. */
  CHECK(runcheck_findings_warning_count(f) == 1);
  runcheck_warning w;
  CHECK(runcheck_findings_warning(f, 0, &w) == RUNCHECK_OK);
  CHECK(Equals(w.id, w.id_length, "frequency.dst-affected"));
  CHECK(Equals(w.field, w.field_length, "Frequency") && w.has_span && w.offset == 0);
  CHECK(runcheck_findings_warning(f, 1, &w) == RUNCHECK_NONE);
  runcheck_schedule_free(s);
  runcheck_findings_free(f);
  /* The skip policy: no fire on the DST day. */
  o.dst_gap = RUNCHECK_GAP_SKIP;
  s = runcheck_schedule_parse("0 15 2 * * ?", 12, &o, &f);
  CHECK(s != NULL && runcheck_schedule_next(s, 1791000000, &t) == RUNCHECK_OK);
  CHECK(t == 1791126900);
  runcheck_schedule_free(s);
  runcheck_findings_free(f);
}

static void TestOtherKinds(void) {
  runcheck_findings* f = NULL;
  runcheck_frequency_options o;
  runcheck_frequency_options_init(&o);
  o.has_created = 1;
  o.created = 1798761600;
  runcheck_schedule* s = runcheck_schedule_parse("rate(5m)", 8, &o, &f);
  int64_t t = 0;
  CHECK(s != NULL && runcheck_schedule_kind(s) == RUNCHECK_KIND_RATE);
  CHECK(runcheck_schedule_fixed_time(s) == 0);
  CHECK(runcheck_schedule_next(s, 1798761600, &t) == RUNCHECK_OK && t == 1798761900);
  const char* d = NULL;
  size_t len = 0;
  CHECK(runcheck_schedule_zone(s, &d, &len) == RUNCHECK_OK && Equals(d, len, "UTC"));
  runcheck_schedule_free(s);
  runcheck_findings_free(f);
  s = Parse("at(2027-01-01 08:00:00 Asia/Tokyo)", NULL, &f);
  CHECK(s != NULL && runcheck_schedule_kind(s) == RUNCHECK_KIND_AT);
  CHECK(runcheck_schedule_explicit_zone(s) == 1);
  CHECK(runcheck_schedule_next(s, 0, &t) == RUNCHECK_OK && t == 1798758000);
  CHECK(runcheck_schedule_next(s, t, &t) == RUNCHECK_NONE);
  runcheck_schedule_free(s);
  runcheck_findings_free(f);
  s = Parse("0 0 8 1 1 ? 2027-2030 GMT+8:00", NULL, &f);
  CHECK(s != NULL && runcheck_schedule_has_year_field(s) == 1);
  CHECK(runcheck_schedule_explicit_zone(s) == 1);
  runcheck_schedule_free(s);
  runcheck_findings_free(f);
  /* Warnings come with a successful parse too. */
  s = Parse(" 0 0 * * * ?", NULL, &f);
  runcheck_warning w;
  CHECK(s != NULL && runcheck_findings_warning_count(f) == 1);
  CHECK(runcheck_findings_warning(f, 0, &w) == RUNCHECK_OK &&
        Equals(w.id, w.id_length, "frequency.trimmed"));
  runcheck_schedule_free(s);
  runcheck_findings_free(f);
}

static void TestErrors(void) {
  runcheck_findings* f = NULL;
  runcheck_schedule* s = Parse("0 0 25 * * ?", NULL, &f);
  CHECK(s == NULL);
  CHECK(runcheck_findings_violation_count(f) == 1);
  runcheck_violation v;
  CHECK(runcheck_findings_violation(f, 0, &v) == RUNCHECK_OK);
  CHECK(Equals(v.code, v.code_length, "InvalidParam.Frequency") && v.http_status == 400);
  CHECK(Equals(v.message, v.message_length, "The specified frequency is invalid."));
  CHECK(Equals(v.field, v.field_length, "Frequency"));
  CHECK(v.has_span && v.offset == 4 && v.length == 2);
  CHECK(v.detail_length > 0 && strstr(v.detail, "25") != NULL);
  CHECK(runcheck_findings_violation(f, 1, &v) == RUNCHECK_NONE);
  runcheck_findings_free(f);

  /* Empty text; NULL findings is allowed. */
  CHECK(runcheck_schedule_parse("", 0, NULL, &f) == NULL);
  CHECK(runcheck_findings_violation_count(f) == 1);
  runcheck_findings_free(f);
  CHECK(runcheck_schedule_parse(NULL, 0, NULL, NULL) == NULL);

  /* A NUL byte inside the text is part of it, and nothing past the length
     is read: "0 0 * * * ?" followed by a NUL and more. */
  const char with_nul[] = "0 0 * * * ?\0 junk";
  s = runcheck_schedule_parse(with_nul, sizeof(with_nul) - 1, NULL, &f);
  CHECK(s == NULL && runcheck_findings_violation_count(f) >= 1);
  runcheck_findings_free(f);
  s = runcheck_schedule_parse(with_nul, 11, NULL, &f); /* the cron part alone */
  CHECK(s != NULL && runcheck_findings_violation_count(f) == 0);
  runcheck_schedule_free(s);
  runcheck_findings_free(f);

  /* A huge text: 1 MiB of fields, refused with an offset, not a hang. */
  size_t huge = 1u << 20;
  char* big = (char*)malloc(huge);
  CHECK(big != NULL);
  if (big != NULL) {
    for (size_t i = 0; i < huge; ++i) big[i] = (i % 2) ? ' ' : '1';
    s = runcheck_schedule_parse(big, huge, NULL, &f);
    CHECK(s == NULL && runcheck_findings_violation_count(f) >= 1);
    CHECK(runcheck_findings_violation(f, 0, &v) == RUNCHECK_OK && v.has_span &&
          v.offset <= huge);
    runcheck_findings_free(f);
    free(big);
  }

  /* Bad arguments and options: a malformed finding says why. */
  CHECK(runcheck_schedule_parse(NULL, 5, NULL, &f) == NULL);
  CHECK(runcheck_findings_violation(f, 0, &v) == RUNCHECK_OK &&
        Equals(v.code, v.code_length, "InvalidRequest.Malformed") && !v.has_span);
  runcheck_findings_free(f);
  runcheck_frequency_options o;
  runcheck_frequency_options_init(&o);
  o.default_zone = "Mars/Olympus";
  o.default_zone_length = strlen(o.default_zone);
  CHECK(runcheck_schedule_parse("0 0 * * * ?", 11, &o, &f) == NULL);
  CHECK(runcheck_findings_violation(f, 0, &v) == RUNCHECK_OK &&
        Equals(v.code, v.code_length, "InvalidRequest.Malformed") && v.detail_length > 0);
  runcheck_findings_free(f);
  runcheck_frequency_options_init(&o);
  o.default_zone = NULL;
  o.default_zone_length = 3;
  CHECK(runcheck_schedule_parse("0 0 * * * ?", 11, &o, &f) == NULL);
  runcheck_findings_free(f);
  runcheck_frequency_options_init(&o);
  o.struct_size = 4;
  CHECK(runcheck_schedule_parse("0 0 * * * ?", 11, &o, &f) == NULL);
  runcheck_findings_free(f);
  runcheck_frequency_options_init(&o);
  o.dst_overlap = 9;
  CHECK(runcheck_schedule_parse("0 0 * * * ?", 11, &o, &f) == NULL);
  runcheck_findings_free(f);

  /* NULL handles and out-pointers. */
  int64_t t = 0;
  size_t n = 0;
  const char* d = NULL;
  size_t len = 0;
  CHECK(runcheck_schedule_next(NULL, 0, &t) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_schedule_previous(NULL, 0, &t) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_schedule_next_n(NULL, 0, &t, 1, &n) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_schedule_string(NULL, &d, &len) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_schedule_zone(NULL, &d, &len) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_schedule_kind(NULL) == -1);
  CHECK(runcheck_schedule_fixed_time(NULL) == -1);
  CHECK(runcheck_schedule_explicit_zone(NULL) == -1);
  CHECK(runcheck_schedule_has_year_field(NULL) == -1);
  CHECK(runcheck_findings_violation_count(NULL) == 0);
  CHECK(runcheck_findings_warning_count(NULL) == 0);
  CHECK(runcheck_findings_violation(NULL, 0, &v) == RUNCHECK_BAD_ARGUMENT);
  runcheck_warning w;
  CHECK(runcheck_findings_warning(NULL, 0, &w) == RUNCHECK_BAD_ARGUMENT);
  s = Parse("0 0 * * * ?", NULL, &f);
  CHECK(runcheck_schedule_next(s, 0, NULL) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_schedule_previous(s, 0, NULL) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_schedule_next_n(s, 0, NULL, 2, &n) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_schedule_next_n(s, 0, &t, 1, NULL) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_schedule_string(s, NULL, &len) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_schedule_zone(s, &d, NULL) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_findings_violation(f, 0, NULL) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_findings_warning(f, 0, NULL) == RUNCHECK_BAD_ARGUMENT);
  runcheck_schedule_free(s);
  runcheck_findings_free(f);
  runcheck_schedule_free(NULL);
  runcheck_findings_free(NULL);
}

static void TestCatalog(void) {
  runcheck_code_info c;
  CHECK(runcheck_catalog_describe("StopInvocation", 14, "InvalidInvokeId.NotFound", 24, &c) ==
        RUNCHECK_OK);
  CHECK(c.http_status == 404 && c.group == 'B');
  CHECK(Equals(c.message, c.message_length, "The specified invoke ID does not exist."));
  CHECK(runcheck_catalog_describe("ModifyInvocationAttribute", 25, "InvalidInvokeId.NotFound",
                                  24, &c) == RUNCHECK_OK);
  CHECK(Equals(c.message, c.message_length, "The specified parameter InvokeId does not exist."));
  /* Empty action: RunCommand. */
  CHECK(runcheck_catalog_describe(NULL, 0, "InvalidParam.Frequency", 22, &c) == RUNCHECK_OK);
  CHECK(c.http_status == 400 && c.group == 'A' && Equals(c.code, c.code_length,
                                                          "InvalidParam.Frequency"));
  CHECK(runcheck_catalog_describe("runcommand", 10, "InvalidParam.Frequency", 22, &c) ==
        RUNCHECK_NONE);
  CHECK(runcheck_catalog_describe("", 0, "No.Such", 7, &c) == RUNCHECK_NONE);
  CHECK(runcheck_catalog_describe("", 0, NULL, 3, &c) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_catalog_describe("", 0, "InvalidParam.Frequency", 22, NULL) ==
        RUNCHECK_BAD_ARGUMENT);
  size_t rows = 0;
  while (runcheck_catalog_row("StopInvocation", 14, rows, &c) == RUNCHECK_OK) ++rows;
  CHECK(rows == 11);
  CHECK(runcheck_catalog_row("StopInvocation", 14, 0, &c) == RUNCHECK_OK &&
        Equals(c.code, c.code_length, "RegionId.ApiNotSupported"));
  rows = 0;
  while (runcheck_catalog_row(NULL, 0, rows, &c) == RUNCHECK_OK) ++rows;
  CHECK(rows == 81);
  CHECK(runcheck_catalog_row("Bogus", 5, 0, &c) == RUNCHECK_NONE);
  CHECK(runcheck_catalog_row("", 0, 0, NULL) == RUNCHECK_BAD_ARGUMENT);
}

static void TestRequests(void) {
  runcheck_request_options o;
  memset(&o, 0x5a, sizeof(o));
  runcheck_request_options_init(&o);
  CHECK(o.struct_size == sizeof(o) && o.now == 0 && o.fail_fast == 0);
  o.now = 1798761600;
  const char* ok =
      "RegionId=cn-hangzhou&Type=RunShellScript&CommandContent=echo+1&InstanceId.1=i-a"
      "&RepeatMode=Period&Frequency=0+0+12+*+*+%3F&Timeout=120";
  runcheck_verdict* v = runcheck_request_validate(ok, strlen(ok), &o);
  CHECK(v != NULL && runcheck_verdict_valid(v) == 1);
  CHECK(runcheck_findings_violation_count(runcheck_verdict_findings(v)) == 0);
  const char* d = NULL;
  size_t len = 0;
  CHECK(runcheck_verdict_repeat_mode(v, &d, &len) == RUNCHECK_OK && Equals(d, len, "Period"));
  CHECK(runcheck_verdict_timeout_seconds(v) == 120);
  const runcheck_schedule* s = runcheck_verdict_schedule(v);
  int64_t t = 0;
  CHECK(s != NULL && runcheck_schedule_next(s, 1798761600, &t) == RUNCHECK_OK &&
        t == 1798761600 + 12 * 3600);
  /* A copy outlives the verdict. */
  runcheck_schedule* copy = runcheck_schedule_copy(s);
  CHECK(runcheck_schedule_copy(NULL) == NULL);
  const char* lx = NULL;
  const char* win = NULL;
  size_t lx_len = 1, win_len = 1;
  CHECK(runcheck_verdict_agent(v, &lx, &lx_len, &win, &win_len) == RUNCHECK_OK);
  CHECK(lx_len == 0 && win_len == 0); /* any agent */
  runcheck_verdict_free(v);
  CHECK(copy != NULL && runcheck_schedule_next(copy, 1798761600, &t) == RUNCHECK_OK &&
        t == 1798761600 + 12 * 3600);
  runcheck_schedule_free(copy);

  /* A built-in parameter needs a newer agent. */
  const char* builtin =
      "RegionId=cn-hangzhou&Type=RunShellScript&CommandContent=echo+%7B%7BACS%3A%3AInstanceId%7D%7D"
      "&InstanceId.1=i-a&EnableParameter=true";
  v = runcheck_request_validate(builtin, strlen(builtin), NULL);
  CHECK(v != NULL && runcheck_verdict_valid(v) == 1);
  CHECK(runcheck_verdict_agent(v, &lx, &lx_len, &win, &win_len) == RUNCHECK_OK);
  CHECK(Equals(lx, lx_len, "2.2.3.309") && Equals(win, win_len, "2.1.3.309"));
  CHECK(runcheck_verdict_schedule(v) == NULL);
  runcheck_verdict_free(v);

  /* Violations in the API's order, with codes and offsets. */
  const char* bad =
      "RegionId=cn-hangzhou&Type=RunShellScript&CommandContent=echo+1&InstanceId.1=i-a&Timeout=abc";
  v = runcheck_request_validate(bad, strlen(bad), &o);
  CHECK(v != NULL && runcheck_verdict_valid(v) == 0);
  runcheck_violation viol;
  CHECK(runcheck_findings_violation(runcheck_verdict_findings(v), 0, &viol) == RUNCHECK_OK);
  CHECK(Equals(viol.code, viol.code_length, "InvalidParameter.Timeout"));
  CHECK(Equals(viol.field, viol.field_length, "Timeout") && viol.has_span && viol.offset == 0);
  runcheck_verdict_free(v);

  /* The same request in the JSON form. */
  const char* json =
      "{\"RegionId\": \"cn-hangzhou\", \"Type\": \"RunShellScript\", \"CommandContent\": \"echo 1\","
      " \"InstanceId\": [\"i-a\"], \"Timeout\": \"abc\"}";
  v = runcheck_request_validate(json, strlen(json), &o);
  CHECK(v != NULL && runcheck_verdict_valid(v) == 0);
  CHECK(runcheck_findings_violation(runcheck_verdict_findings(v), 0, &viol) == RUNCHECK_OK);
  CHECK(Equals(viol.code, viol.code_length, "InvalidParameter.Timeout"));
  runcheck_verdict_free(v);

  /* A request that cannot be decoded: Malformed at the byte. */
  const char* broken = "RegionId=cn-hangzhou&Name=%ZZ";
  v = runcheck_request_validate(broken, strlen(broken), NULL);
  CHECK(runcheck_verdict_valid(v) == 0);
  CHECK(runcheck_findings_violation(runcheck_verdict_findings(v), 0, &viol) == RUNCHECK_OK);
  CHECK(Equals(viol.code, viol.code_length, "InvalidRequest.Malformed"));
  CHECK(viol.has_span && viol.offset == 26);
  runcheck_verdict_free(v);

  /* Empty request: the required parameters are missing. */
  v = runcheck_request_validate(NULL, 0, NULL);
  CHECK(v != NULL && runcheck_verdict_valid(v) == 0);
  CHECK(runcheck_findings_violation_count(runcheck_verdict_findings(v)) >= 1);
  runcheck_verdict_free(v);

  /* Fail-fast keeps the API's answer only. */
  const char* many = "Timeout=abc&Name=x";
  o.fail_fast = 1;
  v = runcheck_request_validate(many, strlen(many), &o);
  CHECK(runcheck_findings_violation_count(runcheck_verdict_findings(v)) == 1);
  runcheck_verdict_free(v);

  /* Bad arguments. */
  CHECK(runcheck_request_validate(NULL, 3, NULL) == NULL);
  runcheck_request_options_init(&o);
  o.struct_size = 1;
  CHECK(runcheck_request_validate("", 0, &o) == NULL);
  runcheck_request_options_init(&o);
  o.default_zone = "Nowhere/Nothing";
  o.default_zone_length = strlen(o.default_zone);
  CHECK(runcheck_request_validate("", 0, &o) == NULL);
  CHECK(runcheck_verdict_valid(NULL) == -1);
  CHECK(runcheck_verdict_findings(NULL) == NULL);
  CHECK(runcheck_verdict_repeat_mode(NULL, &d, &len) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_verdict_timeout_seconds(NULL) == -1);
  CHECK(runcheck_verdict_agent(NULL, &lx, &lx_len, &win, &win_len) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_verdict_schedule(NULL) == NULL);
  runcheck_verdict_free(NULL);
}

/* Version 2: the request's action decides its rules, codes and messages. */
static void TestActions(void) {
  runcheck_request_options o;
  runcheck_request_options_init(&o);
  o.now = 1798761600;
  const char* d = NULL;
  size_t len = 0;
  runcheck_violation viol;

  /* The request names its action. */
  const char* send = "Action=SendFile&RegionId=r&Name=a&TargetDir=tmp&Content=x&InstanceId.1=i";
  runcheck_verdict* v = runcheck_request_validate(send, strlen(send), &o);
  CHECK(v != NULL && runcheck_verdict_valid(v) == 0);
  CHECK(runcheck_verdict_action(v, &d, &len) == RUNCHECK_OK && Equals(d, len, "SendFile"));
  CHECK(runcheck_findings_violation(runcheck_verdict_findings(v), 0, &viol) == RUNCHECK_OK);
  CHECK(Equals(viol.code, viol.code_length, "FileTargetDir.Invalid") && viol.http_status == 400);
  CHECK(Equals(viol.field, viol.field_length, "TargetDir"));
  runcheck_verdict_free(v);

  /* The caller's action for a request that names none; its message is the
     action's own, with the limit filled in. */
  o.action = "ModifyInvocationAttribute";
  o.action_length = strlen(o.action);
  const char* mia = "RegionId=r&InvokeId=t-1&CommandContent=%ZZ";
  v = runcheck_request_validate(mia, strlen(mia), &o);
  CHECK(runcheck_findings_violation(runcheck_verdict_findings(v), 0, &viol) == RUNCHECK_OK);
  CHECK(Equals(viol.code, viol.code_length, "InvalidRequest.Malformed"));
  runcheck_verdict_free(v);
  char big[40000];
  const char* head = "RegionId=r&InvokeId=t-1&CommandContent=";
  memcpy(big, head, strlen(head));
  memset(big + strlen(head), 'x', sizeof(big) - strlen(head));
  v = runcheck_request_validate(big, sizeof(big), &o);
  CHECK(runcheck_verdict_action(v, &d, &len) == RUNCHECK_OK &&
        Equals(d, len, "ModifyInvocationAttribute"));
  CHECK(runcheck_findings_violation(runcheck_verdict_findings(v), 0, &viol) == RUNCHECK_OK);
  CHECK(Equals(viol.code, viol.code_length, "InvalidCommandContent.LengthLimitExceeded"));
  CHECK(Equals(viol.message, viol.message_length,
               "The length of the parameter CommandContent exceeds the limit of 18 KB "
               "characters."));
  runcheck_verdict_free(v);

  /* A request naming another action than the caller's is malformed at the
     name; an unknown name is InvalidAction.NotFound. */
  const char* other = "Action=StopInvocation&RegionId=r&InvokeId=t";
  v = runcheck_request_validate(other, strlen(other), &o);
  CHECK(runcheck_findings_violation(runcheck_verdict_findings(v), 0, &viol) == RUNCHECK_OK);
  CHECK(Equals(viol.code, viol.code_length, "InvalidRequest.Malformed"));
  CHECK(viol.has_span && viol.offset == 7 && viol.length == 14);
  runcheck_verdict_free(v);
  const char* unknown = "Action=DeleteEverything&RegionId=r";
  v = runcheck_request_validate(unknown, strlen(unknown), NULL);
  CHECK(runcheck_findings_violation(runcheck_verdict_findings(v), 0, &viol) == RUNCHECK_OK);
  CHECK(Equals(viol.code, viol.code_length, "InvalidAction.NotFound"));
  CHECK(runcheck_verdict_action(v, &d, &len) == RUNCHECK_OK && len == 0);
  runcheck_verdict_free(v);

  /* A version-1 caller's struct (without the action) still works. */
  runcheck_request_options_init(&o);
  o.struct_size = offsetof(runcheck_request_options, action);
  o.action = "Bogus"; /* past the caller's struct: not read */
  o.action_length = 5;
  v = runcheck_request_validate(send, strlen(send), &o);
  CHECK(v != NULL && runcheck_verdict_action(v, &d, &len) == RUNCHECK_OK &&
        Equals(d, len, "SendFile"));
  runcheck_verdict_free(v);
  /* An unknown caller's action is a bad option. */
  runcheck_request_options_init(&o);
  o.action = "Bogus";
  o.action_length = 5;
  CHECK(runcheck_request_validate(send, strlen(send), &o) == NULL);
  o.action = NULL;
  CHECK(runcheck_request_validate(send, strlen(send), &o) == NULL);
  CHECK(runcheck_verdict_action(NULL, &d, &len) == RUNCHECK_BAD_ARGUMENT);
}

static void TestRendering(void) {
  /* POSIX: a hostile value inside double quotes stays literal. */
  const char* content = "echo \"Hello {{name}}\"\n";
  const char* params = "{\"name\": \"$(id)\"}";
  runcheck_rendering* r = runcheck_render(content, strlen(content), params, strlen(params),
                                          NULL, 0, RUNCHECK_QUOTING_POSIX);
  const char* d = NULL;
  size_t len = 0;
  CHECK(r != NULL && runcheck_rendering_script(r, &d, &len) == RUNCHECK_OK);
  CHECK(Equals(d, len, "echo \"Hello \\$(id)\"\n"));
  runcheck_render_error e;
  CHECK(runcheck_rendering_error(r, &e) == RUNCHECK_NONE);
  runcheck_rendering_free(r);
  /* Raw: the API's own behaviour, verbatim. */
  r = runcheck_render(content, strlen(content), params, strlen(params), NULL, 0,
                      RUNCHECK_QUOTING_RAW);
  CHECK(runcheck_rendering_script(r, &d, &len) == RUNCHECK_OK &&
        Equals(d, len, "echo \"Hello $(id)\"\n"));
  runcheck_rendering_free(r);
  /* A placeholder right after $ is refused, with its offset. */
  const char* dollar = "x=${{v}}\n";
  const char* v = "{\"v\": \"x\"}";
  r = runcheck_render(dollar, strlen(dollar), v, strlen(v), NULL, 0, RUNCHECK_QUOTING_POSIX);
  CHECK(runcheck_rendering_script(r, &d, &len) == RUNCHECK_NONE);
  CHECK(runcheck_rendering_error(r, &e) == RUNCHECK_OK);
  CHECK(e.kind == RUNCHECK_RENDER_UNSAFE_CONTEXT && e.offset == 3 && e.length == 5);
  CHECK(e.detail_length > 0);
  runcheck_rendering_free(r);
  /* Built-ins, and a missing one. */
  const char* b = "echo {{ACS::InstanceId}}";
  const char* builtins = "{\"InstanceId\": \"i-1\"}";
  r = runcheck_render(b, strlen(b), NULL, 0, builtins, strlen(builtins), RUNCHECK_QUOTING_POSIX);
  CHECK(runcheck_rendering_script(r, &d, &len) == RUNCHECK_OK && Equals(d, len, "echo 'i-1'"));
  runcheck_rendering_free(r);
  r = runcheck_render(b, strlen(b), NULL, 0, NULL, 0, RUNCHECK_QUOTING_POSIX);
  CHECK(runcheck_rendering_error(r, &e) == RUNCHECK_OK && e.kind == RUNCHECK_RENDER_MISSING_BUILTIN);
  runcheck_rendering_free(r);
  /* Invalid Parameters: violations, no script. */
  const char* notobj = "[1]";
  r = runcheck_render(content, strlen(content), notobj, strlen(notobj), NULL, 0,
                      RUNCHECK_QUOTING_POSIX);
  CHECK(runcheck_rendering_script(r, &d, &len) == RUNCHECK_NONE);
  CHECK(runcheck_findings_violation_count(runcheck_rendering_findings(r)) >= 1);
  runcheck_rendering_free(r);
  /* Empty content renders to nothing. */
  r = runcheck_render(NULL, 0, NULL, 0, NULL, 0, RUNCHECK_QUOTING_CMD);
  CHECK(runcheck_rendering_script(r, &d, &len) == RUNCHECK_OK && len == 0);
  runcheck_rendering_free(r);
  /* Bad arguments. */
  CHECK(runcheck_render(NULL, 1, NULL, 0, NULL, 0, RUNCHECK_QUOTING_RAW) == NULL);
  CHECK(runcheck_render("", 0, NULL, 2, NULL, 0, RUNCHECK_QUOTING_RAW) == NULL);
  CHECK(runcheck_render("", 0, NULL, 0, NULL, 0, 7) == NULL);
  CHECK(runcheck_rendering_script(NULL, &d, &len) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_rendering_error(NULL, &e) == RUNCHECK_BAD_ARGUMENT);
  CHECK(runcheck_rendering_findings(NULL) == NULL);
  runcheck_rendering_free(NULL);
}

int main(void) {
  TestVersion();
  TestCronInAZone();
  TestDst();
  TestOtherKinds();
  TestErrors();
  TestCatalog();
  TestRequests();
  TestActions();
  TestRendering();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("capi_test: all checks passed\n");
  return 0;
}
