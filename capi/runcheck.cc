// The C API of capi/runcheck.h over schedule/frequency.h and core/catalog.h.
// Every entry point is noexcept: nothing the library does throws (it is built
// to return errors), and an allocation failure terminates as it would in C++.

#include "capi/runcheck.h"

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/action.h"
#include "core/catalog.h"
#include "core/violation.h"
#include "schedule/frequency.h"
#include "schedule/tzdb_zone_provider.h"

namespace {

constexpr char kLibraryVersion[] = "0.6.0";

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
};

namespace {

runcheck_findings* MalformedOptions(const char* why) {
  auto* f = new runcheck_findings;
  f->findings.violations.push_back(runcheck::core::Violation{
      runcheck::core::Code::kInvalidRequestMalformed, "", std::nullopt, why});
  return f;
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
  if (in->default_zone == nullptr && in->default_zone_length != 0) {
    *why = "default_zone is NULL with a non-zero length";
    return std::nullopt;
  }
  const std::string_view zone = View(in->default_zone, in->default_zone_length);
  if (!zone.empty()) {
    std::optional<runcheck::schedule::TimeZone> z =
        runcheck::schedule::ZoneFromToken(zone, o.zones, why);
    if (!z) return std::nullopt;
    o.default_zone = std::move(*z);
  }
  if (in->has_now) o.now = in->now;
  if (in->has_timeout) o.timeout_seconds = in->timeout_seconds;
  if (in->has_created) o.created = in->created;
  if (in->dst_gap < RUNCHECK_GAP_BY_CLASS || in->dst_gap > RUNCHECK_GAP_SHIFT ||
      in->dst_overlap < RUNCHECK_OVERLAP_BY_CLASS || in->dst_overlap > RUNCHECK_OVERLAP_BOTH) {
    *why = "dst_gap or dst_overlap is not one of the RUNCHECK_GAP_*/RUNCHECK_OVERLAP_* values";
    return std::nullopt;
  }
  o.dst.gap = static_cast<DstPolicy::Gap>(in->dst_gap);
  o.dst.overlap = static_cast<DstPolicy::Overlap>(in->dst_overlap);
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

}  // namespace

extern "C" {

int runcheck_c_api_version(void) { return RUNCHECK_C_API_VERSION; }

const char* runcheck_library_version(void) { return kLibraryVersion; }

void runcheck_frequency_options_init(runcheck_frequency_options* options) {
  if (options == nullptr) return;
  std::memset(options, 0, sizeof(*options));
  options->struct_size = sizeof(*options);
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
  if (r.schedule) {
    out = new runcheck_schedule{std::move(*r.schedule), "", ""};
    out->text = out->schedule.ToString();
    out->zone = out->schedule.zone().name();
  }
  if (findings != nullptr) *findings = new runcheck_findings{std::move(r.findings)};
  return out;
}

void runcheck_schedule_free(runcheck_schedule* schedule) { delete schedule; }

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
  out->message = info.message.data();
  out->message_length = info.message.size();
  Out(v.field, &out->field, &out->field_length);
  out->has_span = v.span.has_value() ? 1 : 0;
  out->offset = v.span ? v.span->offset : 0;
  out->length = v.span ? v.span->length : 0;
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
  out->has_span = w.span.has_value() ? 1 : 0;
  out->offset = w.span ? w.span->offset : 0;
  out->length = w.span ? w.span->length : 0;
  Out(w.detail, &out->detail, &out->detail_length);
  return RUNCHECK_OK;
}

void runcheck_findings_free(runcheck_findings* findings) { delete findings; }

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
