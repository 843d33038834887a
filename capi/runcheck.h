/* -----------------------------------------------------------------------------
 * File: capi/runcheck.h
 * -----------------------------------------------------------------------------
 *
 * runcheck's C API: a stable C ABI over the Frequency engine and the error
 * catalogs, for C, Go (cgo), Python (ctypes), Rust or Java (FFM/JNI). No C++
 * type crosses it.
 *
 * What it covers (version 1): parsing a Frequency (`rate(...)`, `at(...)`,
 * cron with seconds, year and zone) with the options an embedder sets
 * (default zone, now, Timeout, creation instant, DST policy), every violation
 * and warning with its code, HTTP status, field, byte offset, length and
 * detail; Next, Previous and next-N fire times; the canonical text, the
 * class, the zone and the agent features it needs; validating a whole
 * request of any action of the command API family (either wire form) with
 * its verdict, effective values and the oldest agent it needs; rendering a CommandContent template with
 * Parameters in each quoting mode; the error catalog of each action of the
 * command API family; the library version.
 *
 * Conventions:
 *   * Opaque handles, created by a `*_parse`/`*_new` function and released
 *     by the matching `*_free` (which accepts NULL). A handle is immutable
 *     once created.
 *   * Every string in is `(const char* data, size_t length)`: NUL bytes are
 *     allowed and nothing is read past `length`; `data` may be NULL when
 *     `length` is 0.
 *   * Every string out is `(const char** data, size_t* length)`, owned by
 *     the handle it came from (valid until that handle is freed) or, for the
 *     catalog, static. Out strings are NUL-terminated as a convenience; their
 *     length is authoritative (a detail may quote a NUL byte escaped, never
 *     raw).
 *   * Nothing here throws, aborts on bad input, reads a clock or a file
 *     other than the tz database, or keeps global mutable state. A NULL
 *     handle or out-pointer is RUNCHECK_BAD_ARGUMENT, never a crash.
 *   * Thread-safety: every function may be called from any thread. A
 *     schedule and a findings handle may be shared by threads for reading
 *     (all their functions only read); freeing one while another thread uses
 *     it is the caller's error.
 *   * Instants are Unix seconds (int64_t); fire times end at 2099-12-31
 *     23:59:59 local time.
 *
 * Versioning: RUNCHECK_C_API_VERSION grows when functions or fields are
 * added; a version never removes or changes what an earlier one had (a new
 * option field goes at the end of its options struct, whose `struct_size`
 * tells the library which fields the caller knows: a caller built against
 * version 1 keeps working, with the new fields at their defaults).
 *
 * Example:
 *
 *   runcheck_frequency_options o;
 *   runcheck_frequency_options_init(&o);
 *   o.default_zone = "Asia/Shanghai";
 *   o.default_zone_length = 13;
 *   runcheck_findings* f = NULL;
 *   runcheck_schedule* s =
 *       runcheck_schedule_parse("0 15 10 ? * MON-FRI", 19, &o, &f);
 *   if (s != NULL) {
 *     int64_t next;
 *     if (runcheck_schedule_next(s, 1798761600, &next) == RUNCHECK_OK) ...
 *   } else {
 *     runcheck_violation v;
 *     runcheck_findings_violation(f, 0, &v);  // v.code, v.offset, v.detail
 *   }
 *   runcheck_schedule_free(s);
 *   runcheck_findings_free(f);
 */

#ifndef RUNCHECK_CAPI_RUNCHECK_H_
#define RUNCHECK_CAPI_RUNCHECK_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version 2 added the request's action (runcheck_request_options.action,
   runcheck_verdict_action) and messages with their `%s` filled in. */
#define RUNCHECK_C_API_VERSION 2
/* The shared library's SONAME number (libruncheck.so.1): it changes only
   when something an earlier version had is removed or changed. */
#define RUNCHECK_ABI_VERSION 1

/* Results of the functions that return an int. */
#define RUNCHECK_OK 0
#define RUNCHECK_NONE 1          /* no such fire time, no such item */
#define RUNCHECK_BAD_ARGUMENT 2  /* a NULL handle or out-pointer, a bad option */

/* RUNCHECK_C_API_VERSION of the library actually linked. */
int runcheck_c_api_version(void);

/* The library's version, e.g. "0.7.0" (static). */
const char* runcheck_library_version(void);

/* ---- Frequency ---------------------------------------------------------- */

/* DST policy (schedule/cron_schedule.h): 0 = by class (the default). */
#define RUNCHECK_GAP_BY_CLASS 0
#define RUNCHECK_GAP_RUN_AT_GAP_END 1
#define RUNCHECK_GAP_SKIP 2
#define RUNCHECK_GAP_SHIFT 3
#define RUNCHECK_OVERLAP_BY_CLASS 0
#define RUNCHECK_OVERLAP_FIRST 1
#define RUNCHECK_OVERLAP_SECOND 2
#define RUNCHECK_OVERLAP_BOTH 3

typedef struct runcheck_frequency_options {
  size_t struct_size;        /* sizeof(runcheck_frequency_options); set by _init */
  /* The zone of a cron expression without a zone token: any zone token
     (IANA name, UTC, GMT, GMT+8:00, GMT-5:30). Empty: UTC. */
  const char* default_zone;
  size_t default_zone_length;
  /* Set `has_now` to run the request-level rules (SPEC 5): fires after
     `now`, the minimum interval, the year field in the past, DST warnings. */
  int has_now;
  int64_t now;
  int has_timeout;           /* the request's Timeout in seconds */
  int64_t timeout_seconds;
  int has_created;           /* a rate schedule's anchor (default: now, or 0) */
  int64_t created;
  int dst_gap;               /* RUNCHECK_GAP_* */
  int dst_overlap;           /* RUNCHECK_OVERLAP_* */
} runcheck_frequency_options;

/* Fills `options` with the defaults (UTC, compute-only, DST by class). */
void runcheck_frequency_options_init(runcheck_frequency_options* options);

typedef struct runcheck_schedule runcheck_schedule;
typedef struct runcheck_findings runcheck_findings;

/* Parses a Frequency. Returns the schedule, or NULL when the text has a
   violation (or `text` is NULL with a non-zero length, or `options` is bad:
   then *findings holds one InvalidRequest.Malformed violation saying why).
   When `findings` is not NULL, *findings receives a handle with every
   violation and warning (free it with runcheck_findings_free), also on
   success. `options` may be NULL: the defaults. */
runcheck_schedule* runcheck_schedule_parse(const char* text, size_t text_length,
                                           const runcheck_frequency_options* options,
                                           runcheck_findings** findings);

void runcheck_schedule_free(runcheck_schedule* schedule);

/* A new handle with the same schedule (free it separately); NULL for NULL. */
runcheck_schedule* runcheck_schedule_copy(const runcheck_schedule* schedule);

/* The first fire strictly after `after` (RUNCHECK_OK, *out set), or
   RUNCHECK_NONE. */
int runcheck_schedule_next(const runcheck_schedule* schedule, int64_t after, int64_t* out);
/* The last fire strictly before `before`, or RUNCHECK_NONE. */
int runcheck_schedule_previous(const runcheck_schedule* schedule, int64_t before,
                               int64_t* out);
/* Up to `capacity` fires strictly after `after`, in order, into `out`;
   *count receives how many (fewer when the schedule ends). */
int runcheck_schedule_next_n(const runcheck_schedule* schedule, int64_t after,
                             int64_t* out, size_t capacity, size_t* count);

/* The canonical text: parsing it gives an equal schedule. */
int runcheck_schedule_string(const runcheck_schedule* schedule, const char** data,
                             size_t* length);
/* The zone's name ("UTC" for a rate schedule). */
int runcheck_schedule_zone(const runcheck_schedule* schedule, const char** data,
                           size_t* length);

#define RUNCHECK_KIND_RATE 0
#define RUNCHECK_KIND_AT 1
#define RUNCHECK_KIND_CRON 2
/* RUNCHECK_KIND_*, or -1 for a NULL handle. */
int runcheck_schedule_kind(const runcheck_schedule* schedule);
/* 1 fixed-time (at, and cron with plain second/minute/hour), 0 interval,
   -1 for a NULL handle. */
int runcheck_schedule_fixed_time(const runcheck_schedule* schedule);
/* The features older agents lack (SPEC 6.9): 1 when the text named its zone
   (cron, at) / has a year field (cron); 0 otherwise; -1 for NULL. */
int runcheck_schedule_explicit_zone(const runcheck_schedule* schedule);
int runcheck_schedule_has_year_field(const runcheck_schedule* schedule);

/* ---- Findings ----------------------------------------------------------- */

typedef struct runcheck_violation {
  const char* code;          /* "InvalidParam.Frequency" */
  size_t code_length;
  int http_status;
  const char* message;       /* the action's English message, %s filled in */
  size_t message_length;
  const char* field;         /* "Frequency" */
  size_t field_length;
  int has_span;              /* offset/length are set */
  size_t offset;             /* bytes into the parsed text */
  size_t length;
  const char* detail;        /* what is wrong there, in English */
  size_t detail_length;
} runcheck_violation;

typedef struct runcheck_warning {
  const char* id;            /* "frequency.dst-gap" */
  size_t id_length;
  const char* field;
  size_t field_length;
  int has_span;
  size_t offset;
  size_t length;
  const char* detail;
  size_t detail_length;
} runcheck_warning;

/* 0 for a NULL handle. */
size_t runcheck_findings_violation_count(const runcheck_findings* findings);
size_t runcheck_findings_warning_count(const runcheck_findings* findings);
/* Item `index` (0-based); RUNCHECK_NONE past the end. Strings are owned by
   the findings handle. */
int runcheck_findings_violation(const runcheck_findings* findings, size_t index,
                                runcheck_violation* out);
int runcheck_findings_warning(const runcheck_findings* findings, size_t index,
                              runcheck_warning* out);
void runcheck_findings_free(runcheck_findings* findings);

/* ---- Requests (the seven actions) --------------------------------------- */

typedef struct runcheck_request_options {
  size_t struct_size;        /* sizeof(runcheck_request_options); set by _init */
  const char* default_zone;  /* as in runcheck_frequency_options */
  size_t default_zone_length;
  int64_t now;               /* Unix seconds: the Frequency's "future" rules */
  int has_created;           /* a rate Frequency's anchor (default: now) */
  int64_t created;
  int dst_gap;
  int dst_overlap;
  int fail_fast;             /* stop at the first violation (the API's answer) */
  /* Version 2: the caller's action ("SendFile"; empty: none). A request
     that names no Action is for it (else RunCommand); one that names
     another is InvalidRequest.Malformed. An unknown name is a bad option. */
  const char* action;
  size_t action_length;
} runcheck_request_options;

void runcheck_request_options_init(runcheck_request_options* options);

typedef struct runcheck_verdict runcheck_verdict;

/* Decodes (query or JSON form, detected) and validates a request with the
   rules of its action (its own Action, else options->action, else
   RunCommand): every group-A rule in the API's order (rules/validate.h).
   Returns NULL only for bad arguments (`text` NULL with a length, bad
   options); a request that cannot be decoded has its InvalidRequest.Malformed
   (or InvalidAction.NotFound) violation. Each violation's status and message
   are its action's. */
runcheck_verdict* runcheck_request_validate(const char* text, size_t text_length,
                                            const runcheck_request_options* options);
void runcheck_verdict_free(runcheck_verdict* verdict);

/* 1 valid, 0 not, -1 for NULL. */
int runcheck_verdict_valid(const runcheck_verdict* verdict);
/* Version 2: the action the request was validated as ("RunCommand", static);
   empty when it named an action runcheck does not know. */
int runcheck_verdict_action(const runcheck_verdict* verdict, const char** data,
                            size_t* length);
/* Its violations and warnings, owned by the verdict (do not free). */
const runcheck_findings* runcheck_verdict_findings(const runcheck_verdict* verdict);
/* The request's meaning with defaults applied (meaningful when valid). */
int runcheck_verdict_repeat_mode(const runcheck_verdict* verdict, const char** data,
                                 size_t* length);
int64_t runcheck_verdict_timeout_seconds(const runcheck_verdict* verdict);
/* The oldest agent that runs the request as sent (empty: any). */
int runcheck_verdict_agent(const runcheck_verdict* verdict, const char** linux_version,
                           size_t* linux_length, const char** windows_version,
                           size_t* windows_length);
/* The schedule of a valid Frequency, owned by the verdict; NULL when none. */
const runcheck_schedule* runcheck_verdict_schedule(const runcheck_verdict* verdict);

/* ---- Rendering ---------------------------------------------------------- */

#define RUNCHECK_QUOTING_RAW 0        /* no quoting: the API's own behaviour */
#define RUNCHECK_QUOTING_POSIX 1      /* context-aware POSIX shell */
#define RUNCHECK_QUOTING_POWERSHELL 2
#define RUNCHECK_QUOTING_CMD 3

#define RUNCHECK_RENDER_UNSAFE_VALUE 0
#define RUNCHECK_RENDER_MISSING_BUILTIN 1
#define RUNCHECK_RENDER_UNRESOLVED_REFERENCE 2
#define RUNCHECK_RENDER_UNSAFE_CONTEXT 3

typedef struct runcheck_rendering runcheck_rendering;

typedef struct runcheck_render_error {
  int kind;                  /* RUNCHECK_RENDER_* */
  size_t offset;             /* the placeholder, in the content */
  size_t length;
  const char* detail;
  size_t detail_length;
} runcheck_render_error;

/* Fills the {{...}} placeholders of `content` as the agent does
   (params/render.h): `parameters` is the request's Parameters JSON object,
   `builtins` the values of {{ACS::Name}} ({"InstanceId": "i-1"}); either may
   be empty. A template or Parameters with violations has them in the
   findings; a placeholder that cannot be made literal is the error. NULL
   only for bad arguments. */
runcheck_rendering* runcheck_render(const char* content, size_t content_length,
                                    const char* parameters, size_t parameters_length,
                                    const char* builtins, size_t builtins_length,
                                    int quoting);
void runcheck_rendering_free(runcheck_rendering* rendering);
/* The script (RUNCHECK_NONE when there are violations or an error). */
int runcheck_rendering_script(const runcheck_rendering* rendering, const char** data,
                              size_t* length);
/* The template's and the Parameters' violations, owned by the rendering. */
const runcheck_findings* runcheck_rendering_findings(const runcheck_rendering* rendering);
/* The refused placeholder, or RUNCHECK_NONE. */
int runcheck_rendering_error(const runcheck_rendering* rendering, runcheck_render_error* out);

/* ---- Error catalogs ----------------------------------------------------- */

typedef struct runcheck_code_info {
  const char* code;
  size_t code_length;
  int http_status;
  const char* message;       /* may hold %s: the limit in force */
  size_t message_length;
  char group;                /* 'A' request, 'B' facts, 'C' operational */
} runcheck_code_info;

/* The row `action` ("RunCommand", "SendFile", ...; empty: RunCommand)
   reports `code` with (core/catalog.h, DescribeFor). RUNCHECK_NONE for an
   unknown action or code. Strings are static. */
int runcheck_catalog_describe(const char* action, size_t action_length, const char* code,
                              size_t code_length, runcheck_code_info* out);
/* Row `index` of the action's catalog; RUNCHECK_NONE past the end or for an
   unknown action. */
int runcheck_catalog_row(const char* action, size_t action_length, size_t index,
                         runcheck_code_info* out);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif  /* RUNCHECK_CAPI_RUNCHECK_H_ */
