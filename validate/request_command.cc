#include "validate/request_command.h"

#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "facts/facts_json.h"
#include "facts/indexed_facts.h"
#include "rules/request_decode.h"
#include "rules/validate.h"
#include "schedule/tzdb_zone_provider.h"
#include "validate/cli_util.h"
#include "validate/report.h"

namespace runcheck {
namespace validate {
namespace {

struct Settings {
  rules::DecodeOptions decode;
  rules::ValidateOptions options;
  bool json = false;
  ReportSettings report;
};

// --limits=name=value,name=value over the Limits fields; a value outside its
// field's range is a usage error (SPEC 9).
bool ApplyLimits(const std::string& spec, core::Limits* limits, std::string* problem) {
  struct Field {
    const char* name;
    int core::Limits::*i32;
    int64_t core::Limits::*i64;
  };
  using L = core::Limits;
  static constexpr Field kFields[] = {
      {"max_instances", &L::max_instances, nullptr},
      {"max_send_file_instances", &L::max_send_file_instances, nullptr},
      {"max_stop_instances", &L::max_stop_instances, nullptr},
      {"max_task_instances", &L::max_task_instances, nullptr},
      {"max_tags", &L::max_tags, nullptr},
      {"max_resource_tags", &L::max_resource_tags, nullptr},
      {"max_invoke_resource_tags", &L::max_invoke_resource_tags, nullptr},
      {"max_parameter_pairs", &L::max_parameter_pairs, nullptr},
      {"max_content_parameters", &L::max_content_parameters, nullptr},
      {"max_parameter_name_bytes", &L::max_parameter_name_bytes, nullptr},
      {"max_parameter_key_chars", &L::max_parameter_key_chars, nullptr},
      {"max_content_bytes_kept", nullptr, &L::max_content_bytes_kept},
      {"max_content_bytes_unkept", nullptr, &L::max_content_bytes_unkept},
      {"max_name_chars", &L::max_name_chars, nullptr},
      {"max_description_chars", &L::max_description_chars, nullptr},
      {"max_working_dir_chars", &L::max_working_dir_chars, nullptr},
      {"max_username_chars", &L::max_username_chars, nullptr},
      {"max_windows_password_name_chars", &L::max_windows_password_name_chars, nullptr},
      {"max_launcher_bytes", &L::max_launcher_bytes, nullptr},
      {"max_client_token_chars", &L::max_client_token_chars, nullptr},
      {"container_id_hex_digits", &L::container_id_hex_digits, nullptr},
      {"max_container_name_chars", &L::max_container_name_chars, nullptr},
      {"min_oss_bucket_chars", &L::min_oss_bucket_chars, nullptr},
      {"max_oss_bucket_chars", &L::max_oss_bucket_chars, nullptr},
      {"max_oss_prefix_bytes", &L::max_oss_prefix_bytes, nullptr},
      {"max_tag_key_chars", &L::max_tag_key_chars, nullptr},
      {"max_tag_value_chars", &L::max_tag_value_chars, nullptr},
      {"max_file_name_chars", &L::max_file_name_chars, nullptr},
      {"max_target_dir_chars", &L::max_target_dir_chars, nullptr},
      {"max_file_owner_chars", &L::max_file_owner_chars, nullptr},
      {"max_file_content_bytes", nullptr, &L::max_file_content_bytes},
      {"max_timeout_seconds", nullptr, &L::max_timeout_seconds},
      {"min_timeout_seconds", nullptr, &L::min_timeout_seconds},
      {"min_cron_interval_seconds", nullptr, &L::min_cron_interval_seconds},
      {"min_rate_seconds", nullptr, &L::min_rate_seconds},
      {"max_rate_seconds", nullptr, &L::max_rate_seconds},
      {"max_violations", &L::max_violations, nullptr},
      {"max_warnings", &L::max_warnings, nullptr},
  };
  for (absl::string_view item : absl::StrSplit(spec, ',', absl::SkipEmpty())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(item, absl::MaxSplits('=', 1));
    const Field* f = nullptr;
    for (const Field& c : kFields) {
      if (kv.first == c.name) f = &c;
    }
    if (f == nullptr) {
      *problem = absl::StrCat("--limits: unknown limit '", kv.first, "'");
      return false;
    }
    // Every limit is a count or a number of seconds: 0 up to its field's
    // largest value (SimpleAtoi refuses what int64 cannot hold).
    const int64_t max = f->i32 != nullptr ? std::numeric_limits<int>::max()
                                          : std::numeric_limits<int64_t>::max();
    int64_t v = 0;
    if (!absl::SimpleAtoi(kv.second, &v) || v < 0 || v > max) {
      *problem = absl::StrCat("--limits: ", kv.first, " takes a whole number from 0 to ", max,
                              ", not '", kv.second, "'");
      return false;
    }
    if (f->i32 != nullptr) limits->*f->i32 = static_cast<int>(v);
    if (f->i64 != nullptr) limits->*f->i64 = v;
  }
  return true;
}

std::string_view TrimTrailingSpace(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' ||
                        s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

int Batch(const Settings& s, std::FILE* in, std::FILE* out) {
  return RunBatch(in, out, [&](const std::string* line, bool* valid) {
    if (line == nullptr) {
      core::Findings f;
      f.violations.push_back(core::Violation{
          core::Code::kInvalidRequestMalformed, "", core::Span{kMaxLineBytes, 0},
          absl::StrCat("the line is over ", kMaxLineBytes, " bytes; it was not read")});
      return absl::StrCat("{", FindingsJson(f), "}");
    }
    const std::string_view text = TrimTrailingSpace(*line);
    const rules::DecodedRequest d = rules::DecodeRequest(text, s.decode);
    rules::Verdict v;
    if (!d.envelope_error) v = rules::Validate(d.request, s.options);
    *valid = !d.envelope_error && v.findings.ok();
    return RequestJson(d, v, s.report);
  });
}

}  // namespace

int RequestCommand(const std::vector<std::string>& args, std::FILE* in, std::FILE* out) {
  std::string problem;
  std::optional<Flags> flags =
      ParseFlags(args, {"action", "facts", "format", "now", "zone", "created", "next", "limits",
                        "dst-policy"},
                 {"batch", "fail-fast"}, &problem);
  if (!flags) return Usage(problem);
  auto& f = flags->values;
  Settings s;
  const auto& tzdb = schedule::TzdbZoneProvider::Default();
  s.options.zones = &tzdb;
  s.options.fail_fast = f.count("fail-fast") > 0;
  if (f.count("dst-policy")) {
    const std::optional<schedule::DstPolicy> policy = ParseDstPolicy(f["dst-policy"], &problem);
    if (!policy) return Usage(problem);
    s.options.dst = *policy;
  }
  if (f.count("action")) {
    s.decode.action = ParseActionOption(f["action"], &problem);
    if (!s.decode.action) return Usage(problem);
  }
  if (f.count("format")) {
    if (f["format"] != "json" && f["format"] != "text") return Usage("--format is json or text");
    s.json = f["format"] == "json";
  }
  s.options.now = absl::ToUnixSeconds(absl::Now());
  if (f.count("now")) {
    std::optional<int64_t> now = ParseInstant(f["now"]);
    if (!now) return Usage("--now takes Unix seconds or YYYY-MM-DDTHH:MM:SSZ");
    s.options.now = *now;
  }
  s.report.now = s.options.now;
  if (f.count("created")) {
    s.options.created = ParseInstant(f["created"]);
    if (!s.options.created) return Usage("--created takes Unix seconds or YYYY-MM-DDTHH:MM:SSZ");
  }
  if (f.count("zone")) {
    std::optional<schedule::TimeZone> z = ParseZoneOption(f["zone"], tzdb, &problem);
    if (!z) return Usage("--zone: " + problem);
    s.options.default_zone = *z;
  }
  if (f.count("next") &&
      (!absl::SimpleAtoi(f["next"], &s.report.next) || s.report.next < 0 ||
       s.report.next > 10000)) {
    return Usage("--next takes a number from 0 to 10000");
  }
  if (f.count("limits") && !ApplyLimits(f["limits"], &s.options.limits, &problem)) {
    return Usage(problem);
  }
  // The facts (SPEC 12): a file that cannot be read or decoded is a usage
  // error, with the offset and path of what is wrong.
  std::optional<facts::IndexedFacts> known_facts;
  if (f.count("facts")) {
    const std::optional<std::string> facts_text = ReadInput(f["facts"], in, &problem);
    if (!facts_text) return Usage("--facts: " + problem);
    facts::FactsDecode decoded = facts::DecodeFacts(*facts_text);
    if (decoded.error) {
      return Usage(absl::StrCat("--facts ", f["facts"], ": ",
                                decoded.error->path.empty() ? "" : decoded.error->path + " ",
                                "at byte ", decoded.error->offset, ": ", decoded.error->detail));
    }
    known_facts.emplace(std::move(decoded.facts));
    s.options.facts = &*known_facts;
  }
  if (f.count("batch")) {
    if (!flags->positional.empty()) return Usage("--batch reads stdin only");
    return Batch(s, in, out);
  }
  if (flags->positional.size() > 1) return Usage("give one request file (or - for stdin)");
  const std::string path = flags->positional.empty() ? "-" : flags->positional[0];
  const std::optional<std::string> text = ReadInput(path, in, &problem);
  if (!text) return Usage(problem);
  const std::string_view request = TrimTrailingSpace(*text);
  const rules::DecodedRequest d = rules::DecodeRequest(request, s.decode);
  rules::Verdict v;
  if (!d.envelope_error) v = rules::Validate(d.request, s.options);
  const std::string result =
      s.json ? RequestJson(d, v, s.report) + "\n" : RequestText(request, d, v, s.report);
  std::fwrite(result.data(), 1, result.size(), out);
  return d.envelope_error || !v.findings.ok() ? kExitInvalid : kExitValid;
}

}  // namespace validate
}  // namespace runcheck
