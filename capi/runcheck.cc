// The C API of capi/runcheck.h over schedule/frequency.h and core/catalog.h.
// Every entry point is noexcept: nothing the library does throws (it is built
// to return errors), and an allocation failure terminates as it would in C++.

#include "capi/runcheck.h"

#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/action.h"
#include "core/catalog.h"
#include "core/version.h"
#include "core/violation.h"
#include "params/parameters.h"
#include "params/render.h"
#include "params/template.h"
#include "rules/request_decode.h"
#include "rules/validate.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"

namespace {


// The C constants are the C++ enumerators' values.
static_assert(static_cast<int>(runcheck::params::Quoting::kRaw) == RUNCHECK_QUOTING_RAW &&
                  static_cast<int>(runcheck::params::Quoting::kPosixShell) ==
                      RUNCHECK_QUOTING_POSIX &&
                  static_cast<int>(runcheck::params::Quoting::kPowerShell) ==
                      RUNCHECK_QUOTING_POWERSHELL &&
                  static_cast<int>(runcheck::params::Quoting::kCmd) == RUNCHECK_QUOTING_CMD,
              "quoting values");
static_assert(runcheck::params::RenderError::kUnsafeValue == RUNCHECK_RENDER_UNSAFE_VALUE &&
                  runcheck::params::RenderError::kMissingBuiltin ==
                      RUNCHECK_RENDER_MISSING_BUILTIN &&
                  runcheck::params::RenderError::kUnresolvedReference ==
                      RUNCHECK_RENDER_UNRESOLVED_REFERENCE &&
                  runcheck::params::RenderError::kUnsafeContext ==
                      RUNCHECK_RENDER_UNSAFE_CONTEXT,
              "render error kinds");
static_assert(static_cast<int>(runcheck::schedule::DstPolicy::Gap::kShift) == RUNCHECK_GAP_SHIFT &&
                  static_cast<int>(runcheck::schedule::DstPolicy::Overlap::kBoth) ==
                      RUNCHECK_OVERLAP_BOTH,
              "DST policy values");

using runcheck::core::Action;
using runcheck::core::CodeInfo;
using runcheck::core::Findings;
using runcheck::schedule::DstPolicy;
using runcheck::schedule::FrequencyOptions;
using runcheck::schedule::FrequencyResult;
using runcheck::schedule::Schedule;

std::string_view View(const char* data, size_t length) {
  return data == nullptr ? std::string_view() : std::string_view(data, length);
}

void Out(const std::string& s, const char** data, size_t* length) {
  *data = s.c_str();
  *length = s.size();
}

}  // namespace

struct runcheck_schedule {
  Schedule schedule;
  std::string text;  // canonical, computed once
  std::string zone;
};

struct runcheck_findings {
  Findings findings;
  // Each violation's message with its `%s` filled in, when it has one (the
  // others are the catalog's static text).
  std::vector<std::string> messages;

  void Set(Findings f) {
    findings = std::move(f);
    messages.clear();
    for (const runcheck::core::Violation& v : findings.violations) {
      messages.push_back(v.message_argument.empty() ? std::string() : v.Message());
    }
  }
};

struct runcheck_verdict {
  runcheck_findings findings;
  runcheck::rules::Verdict verdict;
  bool action_known = true;
  std::optional<runcheck_schedule> schedule;
};

struct runcheck_rendering {
  runcheck_findings findings;
  runcheck::params::Rendered rendered;
};

namespace {

runcheck_schedule MakeSchedule(Schedule schedule) {
  runcheck_schedule out{std::move(schedule), "", ""};
  out.text = out.schedule.ToString();
  out.zone = out.schedule.zone().name();
  return out;
}

runcheck_findings* MalformedOptions(const char* why) {
  auto* f = new runcheck_findings;
  f->findings.violations.push_back(runcheck::core::Violation{
      runcheck::core::Code::kInvalidRequestMalformed, "", std::nullopt, why});
  return f;
}

// The options both option structs share: the default zone (any zone token)
// and the DST policy. False with `why` for bad ones.
bool SharedOptions(const char* default_zone, size_t default_zone_length, int dst_gap,
                   int dst_overlap, const runcheck::schedule::ZoneProvider* zones,
                   runcheck::schedule::TimeZone* zone_out, DstPolicy* dst_out,
                   std::string* why) {
  if (default_zone == nullptr && default_zone_length != 0) {
    *why = "default_zone is NULL with a non-zero length";
    return false;
  }
  const std::string_view zone = View(default_zone, default_zone_length);
  if (!zone.empty()) {
    std::optional<runcheck::schedule::TimeZone> z =
        runcheck::schedule::ZoneFromToken(zone, zones, why);
    if (!z) return false;
    *zone_out = std::move(*z);
  }
  if (dst_gap < RUNCHECK_GAP_BY_CLASS || dst_gap > RUNCHECK_GAP_SHIFT ||
      dst_overlap < RUNCHECK_OVERLAP_BY_CLASS || dst_overlap > RUNCHECK_OVERLAP_BOTH) {
    *why = "dst_gap or dst_overlap is not one of the RUNCHECK_GAP_*/RUNCHECK_OVERLAP_* values";
    return false;
  }
  dst_out->gap = static_cast<DstPolicy::Gap>(dst_gap);
  dst_out->overlap = static_cast<DstPolicy::Overlap>(dst_overlap);
  return true;
}

// The options as the library takes them; nullopt with `why` for bad ones.
std::optional<FrequencyOptions> Options(const runcheck_frequency_options* in,
                                        std::string* why) {
  FrequencyOptions o;
  o.zones = &runcheck::schedule::TzdbZoneProvider::Default();
  if (in == nullptr) return o;
  if (in->struct_size < sizeof(runcheck_frequency_options)) {
    *why = "runcheck_frequency_options.struct_size is too small";
    return std::nullopt;
  }
  if (!SharedOptions(in->default_zone, in->default_zone_length, in->dst_gap, in->dst_overlap,
                     o.zones, &o.default_zone, &o.dst, why)) {
    return std::nullopt;
  }
  if (in->has_now) o.now = in->now;
  if (in->has_timeout) o.timeout_seconds = in->timeout_seconds;
  if (in->has_created) o.created = in->created;
  return o;
}

void Fill(const CodeInfo& info, runcheck_code_info* out) {
  out->code = info.name.data();
  out->code_length = info.name.size();
  out->http_status = info.http_status;
  out->message = info.message.data();
  out->message_length = info.message.size();
  out->group = runcheck::core::GroupLetter(info.group)[0];
}

std::optional<Action> ActionOf(const char* action, size_t action_length) {
  if (action == nullptr && action_length != 0) return std::nullopt;
  const std::string_view name = View(action, action_length);
  if (name.empty()) return Action::kRunCommand;
  return runcheck::core::FindAction(name);
}

// The request options as the library takes them; false for bad ones. A
// version-1 caller's struct ends before `action`.
bool RequestOptions(const runcheck_request_options* in, runcheck::rules::ValidateOptions* o,
                    runcheck::rules::DecodeOptions* decode) {
  o->zones = &runcheck::schedule::TzdbZoneProvider::Default();
  if (in == nullptr) return true;
  std::string why;
  if (in->struct_size < offsetof(runcheck_request_options, action) ||
      !SharedOptions(in->default_zone, in->default_zone_length, in->dst_gap, in->dst_overlap,
                     o->zones, &o->default_zone, &o->dst, &why)) {
    return false;
  }
  o->now = in->now;
  if (in->has_created) o->created = in->created;
  o->fail_fast = in->fail_fast != 0;
  if (in->struct_size >= sizeof(runcheck_request_options) && in->action_length > 0) {
    decode->action = ActionOf(in->action, in->action_length);
    if (!decode->action) return false;
  }
  return true;
}

// Zeroes an option struct and sets its struct_size.
template <typename T>
void InitOptions(T* options) {
  if (options == nullptr) return;
  std::memset(options, 0, sizeof(*options));
  options->struct_size = sizeof(*options);
}

// A finding's span as the C structs carry it.
void FillSpan(const std::optional<runcheck::core::Span>& span, int* has_span, size_t* offset,
              size_t* length) {
  *has_span = span.has_value() ? 1 : 0;
  *offset = span ? span->offset : 0;
  *length = span ? span->length : 0;
}

void Append(const Findings& from, Findings* to) {
  for (const runcheck::core::Violation& v : from.violations) to->violations.push_back(v);
  for (const runcheck::core::Warning& w : from.warnings) to->warnings.push_back(w);
}

}  // namespace

extern "C" {

int runcheck_c_api_version(void) { return RUNCHECK_C_API_VERSION; }

const char* runcheck_library_version(void) { return runcheck::core::kVersion; }

void runcheck_frequency_options_init(runcheck_frequency_options* options) {
  InitOptions(options);
}

runcheck_schedule* runcheck_schedule_parse(const char* text, size_t text_length,
                                           const runcheck_frequency_options* options,
                                           runcheck_findings** findings) {
  if (findings != nullptr) *findings = nullptr;
  std::string why;
  std::optional<FrequencyOptions> o = Options(options, &why);
  if (!o || (text == nullptr && text_length != 0)) {
    if (findings != nullptr) {
      *findings = MalformedOptions(o ? "text is NULL with a non-zero length" : why.c_str());
    }
    return nullptr;
  }
  FrequencyResult r = runcheck::schedule::ParseFrequency(View(text, text_length), *o);
  runcheck_schedule* out = nullptr;
  if (r.schedule) out = new runcheck_schedule(MakeSchedule(std::move(*r.schedule)));
  if (findings != nullptr) *findings = new runcheck_findings{std::move(r.findings)};
  return out;
}

void runcheck_schedule_free(runcheck_schedule* schedule) { delete schedule; }

runcheck_schedule* runcheck_schedule_copy(const runcheck_schedule* schedule) {
  return schedule == nullptr ? nullptr : new runcheck_schedule(*schedule);
}

int runcheck_schedule_next(const runcheck_schedule* schedule, int64_t after, int64_t* out) {
  if (schedule == nullptr || out == nullptr) return RUNCHECK_BAD_ARGUMENT;
  const std::optional<int64_t> t = schedule->schedule.Next(after);
  if (!t) return RUNCHECK_NONE;
  *out = *t;
  return RUNCHECK_OK;
}

int runcheck_schedule_previous(const runcheck_schedule* schedule, int64_t before,
                               int64_t* out) {
  if (schedule == nullptr || out == nullptr) return RUNCHECK_BAD_ARGUMENT;
  const std::optional<int64_t> t = schedule->schedule.Previous(before);
  if (!t) return RUNCHECK_NONE;
  *out = *t;
  return RUNCHECK_OK;
}

int runcheck_schedule_next_n(const runcheck_schedule* schedule, int64_t after, int64_t* out,
                             size_t capacity, size_t* count) {
  if (schedule == nullptr || count == nullptr || (out == nullptr && capacity != 0)) {
    return RUNCHECK_BAD_ARGUMENT;
  }
  size_t n = 0;
  for (; n < capacity; ++n) {
    const std::optional<int64_t> t = schedule->schedule.Next(after);
    if (!t) break;
    out[n] = after = *t;
  }
  *count = n;
  return RUNCHECK_OK;
}

int runcheck_schedule_string(const runcheck_schedule* schedule, const char** data,
                             size_t* length) {
  if (schedule == nullptr || data == nullptr || length == nullptr) return RUNCHECK_BAD_ARGUMENT;
  Out(schedule->text, data, length);
  return RUNCHECK_OK;
}

int runcheck_schedule_zone(const runcheck_schedule* schedule, const char** data,
                           size_t* length) {
  if (schedule == nullptr || data == nullptr || length == nullptr) return RUNCHECK_BAD_ARGUMENT;
  Out(schedule->zone, data, length);
  return RUNCHECK_OK;
}

int runcheck_schedule_kind(const runcheck_schedule* schedule) {
  if (schedule == nullptr) return -1;
  switch (schedule->schedule.kind()) {
    case Schedule::Kind::kRate:
      return RUNCHECK_KIND_RATE;
    case Schedule::Kind::kAt:
      return RUNCHECK_KIND_AT;
    case Schedule::Kind::kCron:
      return RUNCHECK_KIND_CRON;
  }
  return -1;
}

int runcheck_schedule_fixed_time(const runcheck_schedule* schedule) {
  return schedule == nullptr ? -1 : schedule->schedule.fixed_time() ? 1 : 0;
}

int runcheck_schedule_explicit_zone(const runcheck_schedule* schedule) {
  return schedule == nullptr ? -1 : schedule->schedule.explicit_zone() ? 1 : 0;
}

int runcheck_schedule_has_year_field(const runcheck_schedule* schedule) {
  return schedule == nullptr ? -1 : schedule->schedule.has_year_field() ? 1 : 0;
}

size_t runcheck_findings_violation_count(const runcheck_findings* findings) {
  return findings == nullptr ? 0 : findings->findings.violations.size();
}

size_t runcheck_findings_warning_count(const runcheck_findings* findings) {
  return findings == nullptr ? 0 : findings->findings.warnings.size();
}

int runcheck_findings_violation(const runcheck_findings* findings, size_t index,
                                runcheck_violation* out) {
  if (findings == nullptr || out == nullptr) return RUNCHECK_BAD_ARGUMENT;
  if (index >= findings->findings.violations.size()) return RUNCHECK_NONE;
  const runcheck::core::Violation& v = findings->findings.violations[index];
  const CodeInfo& info = v.info();
  out->code = info.name.data();
  out->code_length = info.name.size();
  out->http_status = info.http_status;
  if (index < findings->messages.size() && !findings->messages[index].empty()) {
    Out(findings->messages[index], &out->message, &out->message_length);
  } else {
    out->message = info.message.data();
    out->message_length = info.message.size();
  }
  Out(v.field, &out->field, &out->field_length);
  FillSpan(v.span, &out->has_span, &out->offset, &out->length);
  Out(v.detail, &out->detail, &out->detail_length);
  return RUNCHECK_OK;
}

int runcheck_findings_warning(const runcheck_findings* findings, size_t index,
                              runcheck_warning* out) {
  if (findings == nullptr || out == nullptr) return RUNCHECK_BAD_ARGUMENT;
  if (index >= findings->findings.warnings.size()) return RUNCHECK_NONE;
  const runcheck::core::Warning& w = findings->findings.warnings[index];
  out->id = w.id.data();
  out->id_length = w.id.size();
  Out(w.field, &out->field, &out->field_length);
  FillSpan(w.span, &out->has_span, &out->offset, &out->length);
  Out(w.detail, &out->detail, &out->detail_length);
  return RUNCHECK_OK;
}

void runcheck_findings_free(runcheck_findings* findings) { delete findings; }

void runcheck_request_options_init(runcheck_request_options* options) { InitOptions(options); }

runcheck_verdict* runcheck_request_validate(const char* text, size_t text_length,
                                            const runcheck_request_options* options) {
  if (text == nullptr && text_length != 0) return nullptr;
  runcheck::rules::ValidateOptions o;
  runcheck::rules::DecodeOptions decode;
  if (!RequestOptions(options, &o, &decode)) return nullptr;
  auto* out = new runcheck_verdict;
  runcheck::rules::DecodedRequest d =
      runcheck::rules::DecodeRequest(View(text, text_length), decode);
  out->verdict.action = d.request.action;
  if (d.envelope_error) {
    out->action_known = d.envelope_error->code != runcheck::core::Code::kInvalidActionNotFound;
    Findings f;
    f.violations.push_back(std::move(*d.envelope_error));
    out->findings.Set(std::move(f));
    return out;
  }
  out->verdict = runcheck::rules::Validate(d.request, o);
  out->findings.Set(std::move(out->verdict.findings));
  if (out->verdict.schedule) {
    out->schedule.emplace(MakeSchedule(std::move(*out->verdict.schedule)));
    out->verdict.schedule.reset();
  }
  return out;
}

void runcheck_verdict_free(runcheck_verdict* verdict) { delete verdict; }

int runcheck_verdict_valid(const runcheck_verdict* verdict) {
  return verdict == nullptr ? -1 : verdict->findings.findings.ok() ? 1 : 0;
}

const runcheck_findings* runcheck_verdict_findings(const runcheck_verdict* verdict) {
  return verdict == nullptr ? nullptr : &verdict->findings;
}

int runcheck_verdict_action(const runcheck_verdict* verdict, const char** data,
                            size_t* length) {
  if (verdict == nullptr || data == nullptr || length == nullptr) return RUNCHECK_BAD_ARGUMENT;
  const std::string_view name =
      verdict->action_known ? runcheck::core::ActionName(verdict->verdict.action) : "";
  *data = name.data();
  *length = name.size();
  return RUNCHECK_OK;
}

int runcheck_verdict_repeat_mode(const runcheck_verdict* verdict, const char** data,
                                 size_t* length) {
  if (verdict == nullptr || data == nullptr || length == nullptr) return RUNCHECK_BAD_ARGUMENT;
  Out(verdict->verdict.repeat_mode, data, length);
  return RUNCHECK_OK;
}

int64_t runcheck_verdict_timeout_seconds(const runcheck_verdict* verdict) {
  return verdict == nullptr ? -1 : verdict->verdict.timeout_seconds;
}

int runcheck_verdict_agent(const runcheck_verdict* verdict, const char** linux_version,
                           size_t* linux_length, const char** windows_version,
                           size_t* windows_length) {
  if (verdict == nullptr || linux_version == nullptr || linux_length == nullptr ||
      windows_version == nullptr || windows_length == nullptr) {
    return RUNCHECK_BAD_ARGUMENT;
  }
  Out(verdict->verdict.agent.linux_version, linux_version, linux_length);
  Out(verdict->verdict.agent.windows_version, windows_version, windows_length);
  return RUNCHECK_OK;
}

const runcheck_schedule* runcheck_verdict_schedule(const runcheck_verdict* verdict) {
  return verdict == nullptr || !verdict->schedule ? nullptr : &*verdict->schedule;
}

runcheck_rendering* runcheck_render(const char* content, size_t content_length,
                                    const char* parameters, size_t parameters_length,
                                    const char* builtins, size_t builtins_length,
                                    int quoting) {
  if ((content == nullptr && content_length != 0) ||
      (parameters == nullptr && parameters_length != 0) ||
      (builtins == nullptr && builtins_length != 0) || quoting < RUNCHECK_QUOTING_RAW ||
      quoting > RUNCHECK_QUOTING_CMD) {
    return nullptr;
  }
  namespace params = runcheck::params;
  const runcheck::core::Limits limits;
  const std::string_view text = View(content, content_length);
  auto* out = new runcheck_rendering;
  const params::TemplateScan scan = params::ScanTemplate(text, limits);
  Append(scan.findings, &out->findings.findings);
  params::ParameterValues user, built;
  if (parameters_length != 0) {
    const params::ParametersCheck check =
        params::CheckParameters(View(parameters, parameters_length), limits, &scan);
    Append(check.findings, &out->findings.findings);
    user = params::ParameterValues::FromPairs(check.pairs);
  }
  if (builtins_length != 0) {
    const params::ParametersCheck check =
        params::CheckParameters(View(builtins, builtins_length), limits, nullptr);
    Append(check.findings, &out->findings.findings);
    built = params::ParameterValues::FromPairs(check.pairs);
  }
  if (!out->findings.findings.ok()) return out;
  params::RenderOptions o;
  o.quoting = static_cast<params::Quoting>(quoting);
  o.user = &user;
  o.builtins = &built;
  out->rendered = params::Render(text, scan, o);
  return out;
}

void runcheck_rendering_free(runcheck_rendering* rendering) { delete rendering; }

int runcheck_rendering_script(const runcheck_rendering* rendering, const char** data,
                              size_t* length) {
  if (rendering == nullptr || data == nullptr || length == nullptr) {
    return RUNCHECK_BAD_ARGUMENT;
  }
  if (!rendering->findings.findings.ok() || rendering->rendered.error) return RUNCHECK_NONE;
  Out(rendering->rendered.script, data, length);
  return RUNCHECK_OK;
}

const runcheck_findings* runcheck_rendering_findings(const runcheck_rendering* rendering) {
  return rendering == nullptr ? nullptr : &rendering->findings;
}

int runcheck_rendering_error(const runcheck_rendering* rendering, runcheck_render_error* out) {
  if (rendering == nullptr || out == nullptr) return RUNCHECK_BAD_ARGUMENT;
  if (!rendering->rendered.error) return RUNCHECK_NONE;
  const runcheck::params::RenderError& e = *rendering->rendered.error;
  out->kind = static_cast<int>(e.kind);
  out->offset = e.placeholder.offset;
  out->length = e.placeholder.length;
  Out(e.detail, &out->detail, &out->detail_length);
  return RUNCHECK_OK;
}

int runcheck_catalog_describe(const char* action, size_t action_length, const char* code,
                              size_t code_length, runcheck_code_info* out) {
  if (out == nullptr || (code == nullptr && code_length != 0)) return RUNCHECK_BAD_ARGUMENT;
  const std::optional<Action> a = ActionOf(action, action_length);
  if (!a) return RUNCHECK_NONE;
  const std::optional<runcheck::core::Code> c = runcheck::core::FindCode(View(code, code_length));
  if (!c) return RUNCHECK_NONE;
  Fill(runcheck::core::DescribeFor(*a, *c), out);
  return RUNCHECK_OK;
}

int runcheck_catalog_row(const char* action, size_t action_length, size_t index,
                         runcheck_code_info* out) {
  if (out == nullptr) return RUNCHECK_BAD_ARGUMENT;
  const std::optional<Action> a = ActionOf(action, action_length);
  if (!a) return RUNCHECK_NONE;
  const auto rows = runcheck::core::CatalogOf(*a);
  if (index >= rows.size()) return RUNCHECK_NONE;
  Fill(rows[index], out);
  return RUNCHECK_OK;
}

}  // extern "C"
