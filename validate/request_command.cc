#include "validate/request_command.h"

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "rules/catalog.h"
#include "rules/request_decode.h"
#include "rules/run_command.h"
#include "schedule/tzdb_zone_provider.h"
#include "validate/cli_util.h"

namespace validate {
namespace {

using runcheck::DecodedRequest;
using runcheck::RunCommandVerdict;
using runcheck::ValidateOptions;

struct Settings {
  ValidateOptions options;
  bool json = false;
  int next = 5;
};

// --limits=name=value,name=value over the Limits fields.
bool ApplyLimits(const std::string& spec, runcheck::Limits* limits, std::string* problem) {
  struct Field {
    const char* name;
    int runcheck::Limits::*i32;
    int64_t runcheck::Limits::*i64;
  };
  using L = runcheck::Limits;
  const Field kFields[] = {
      {"max_instances", &L::max_instances, nullptr},
      {"max_tags", &L::max_tags, nullptr},
      {"max_resource_tags", &L::max_resource_tags, nullptr},
      {"max_parameter_pairs", &L::max_parameter_pairs, nullptr},
      {"max_content_parameters", &L::max_content_parameters, nullptr},
      {"max_content_bytes_kept", nullptr, &L::max_content_bytes_kept},
      {"max_content_bytes_unkept", nullptr, &L::max_content_bytes_unkept},
      {"max_name_chars", &L::max_name_chars, nullptr},
      {"max_description_chars", &L::max_description_chars, nullptr},
      {"max_working_dir_chars", &L::max_working_dir_chars, nullptr},
      {"max_username_chars", &L::max_username_chars, nullptr},
      {"max_launcher_bytes", &L::max_launcher_bytes, nullptr},
      {"max_client_token_chars", &L::max_client_token_chars, nullptr},
      {"max_timeout_seconds", nullptr, &L::max_timeout_seconds},
      {"min_cron_interval_seconds", nullptr, &L::min_cron_interval_seconds},
  };
  for (absl::string_view item : absl::StrSplit(spec, ',', absl::SkipEmpty())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(item, absl::MaxSplits('=', 1));
    int64_t v = 0;
    const Field* f = nullptr;
    for (const Field& c : kFields) {
      if (kv.first == c.name) f = &c;
    }
    if (f == nullptr || !absl::SimpleAtoi(kv.second, &v) || v < 0 || v > (int64_t{1} << 31)) {
      *problem = absl::StrCat("--limits: bad item '", std::string(item), "'");
      return false;
    }
    if (f->i32 != nullptr) limits->*f->i32 = static_cast<int>(v);
    if (f->i64 != nullptr) limits->*f->i64 = v;
  }
  return true;
}

// One result as a JSON object (compact, one line).
std::string ResultJson(const DecodedRequest& d, const RunCommandVerdict& v,
                       const Settings& s) {
  const auto& violations = d.malformed ? std::vector<runcheck::Violation>{*d.malformed}
                                       : v.findings.violations;
  static const std::vector<runcheck::Warning> kNone;
  std::string out = absl::StrCat(
      "{", FindingsJson(violations, d.malformed ? kNone : v.findings.warnings));
  if (violations.empty()) {
    absl::StrAppend(&out, ", \"agent\": {\"linux\": ", JsonString(v.agent.linux_version),
                    ", \"windows\": ", JsonString(v.agent.windows_version), ", \"reasons\": [");
    for (size_t i = 0; i < v.agent.reasons.size(); ++i) {
      absl::StrAppend(&out, i ? ", " : "", JsonString(v.agent.reasons[i].ToString()));
    }
    out += "]}";
  }
  if (violations.empty() && v.schedule) {
    absl::StrAppend(&out, ", \"schedule\": ", JsonString(v.schedule->ToString()), ", ",
                    NextJson(v.schedule->NextN(s.options.now, s.next)));
  }
  out += "}";
  return out;
}

void PrintHuman(std::string_view text, const DecodedRequest& d, const RunCommandVerdict& v,
                const Settings& s) {
  const bool valid = !d.malformed && v.findings.ok();
  std::printf("%s\n", valid ? "valid" : "invalid");
  auto print_violation = [&](const runcheck::Violation& x) {
    const runcheck::CodeInfo& info = x.info();
    std::printf("  %s (HTTP %d) %s: %s\n    detail: %s\n", std::string(info.name).c_str(),
                info.http_status, x.field.empty() ? "(request)" : x.field.c_str(),
                std::string(info.message).c_str(), x.detail.c_str());
    const std::optional<std::string_view> value = runcheck::FieldValue(d.request, x.field);
    // Template spans of Base64 content point into the decoded bytes.
    const bool decoded = v.base64_content && x.field == "CommandContent" &&
                         x.code != runcheck::Code::kCmdContentDecodeError;
    if (x.span && !decoded && (x.field.empty() || value.has_value())) {
      PrintCaret(x.field.empty() ? text : *value, *x.span);
    }
  };
  if (d.malformed) {
    print_violation(*d.malformed);
    return;
  }
  for (const runcheck::Violation& x : v.findings.violations) print_violation(x);
  for (const runcheck::Warning& w : v.findings.warnings) {
    std::printf("  warning %s (%s): %s\n", std::string(w.id).c_str(), w.field.c_str(),
                w.detail.c_str());
  }
  if (!valid) return;
  std::printf("repeat mode: %s, timeout: %lld s\n", v.repeat_mode.c_str(),
              static_cast<long long>(v.timeout_seconds));
  if (v.agent.linux_version.empty()) {
    std::printf("agent: any version\n");
  } else {
    std::printf("agent: at least %s (Linux) / %s (Windows)\n", v.agent.linux_version.c_str(),
                v.agent.windows_version.c_str());
    for (const runcheck::AgentReason& reason : v.agent.reasons) {
      std::printf("  %s\n", reason.ToString().c_str());
    }
  }
  if (!v.schedule) return;
  std::printf("schedule: %s (zone %s)\nnext %d after %s:\n", v.schedule->ToString().c_str(),
              v.schedule->zone().name().c_str(), s.next, FormatUtc(s.options.now).c_str());
  for (int64_t t : v.schedule->NextN(s.options.now, s.next)) {
    std::printf("  %s  %s\n", FormatLocal(t, v.schedule->zone()).c_str(), FormatUtc(t).c_str());
  }
}

std::string_view TrimTrailingSpace(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' ||
                        s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

int Batch(const Settings& s) {
  std::string line, out;
  int status = 0;
  for (ReadLineResult r; (r = ReadLine(stdin, &line)) != ReadLineResult::kEnd;) {
    if (r == ReadLineResult::kTooLong) return Usage("a batch line is over 1 MiB");
    const std::string_view text = TrimTrailingSpace(line);
    const DecodedRequest d = runcheck::DecodeRequest(text);
    RunCommandVerdict v;
    if (!d.malformed) v = runcheck::ValidateRunCommand(d.request, s.options);
    if (d.malformed || !v.findings.ok()) status = 1;
    out = ResultJson(d, v, s);
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return status;
}

}  // namespace

int RequestCommand(const std::vector<std::string>& args) {
  std::string problem;
  std::optional<Flags> flags =
      ParseFlags(args, {"format", "now", "zone", "created", "next", "limits"},
                 {"batch", "fail-fast"}, &problem);
  if (!flags) return Usage(problem);
  auto& f = flags->values;
  Settings s;
  const auto& tzdb = runcheck::schedule::TzdbZoneProvider::Default();
  s.options.zones = &tzdb;
  s.options.fail_fast = f.count("fail-fast") > 0;
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
  if (f.count("created")) {
    s.options.created = ParseInstant(f["created"]);
    if (!s.options.created) return Usage("--created takes Unix seconds or YYYY-MM-DDTHH:MM:SSZ");
  }
  if (f.count("zone")) {
    std::optional<runcheck::schedule::TimeZone> z = tzdb.Load(f["zone"]);
    if (!z) return Usage(absl::StrCat("unknown zone '", f["zone"], "'"));
    s.options.default_zone = *z;
  }
  if (f.count("next") && (!absl::SimpleAtoi(f["next"], &s.next) || s.next < 0 || s.next > 10000)) {
    return Usage("--next takes a number from 0 to 10000");
  }
  if (f.count("limits") && !ApplyLimits(f["limits"], &s.options.limits, &problem)) {
    return Usage(problem);
  }
  if (f.count("batch")) {
    if (!flags->positional.empty()) return Usage("--batch reads stdin only");
    return Batch(s);
  }
  if (flags->positional.size() > 1) return Usage("give one request file (or - for stdin)");
  const std::string path = flags->positional.empty() ? "-" : flags->positional[0];
  std::FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (in == nullptr) return Usage(absl::StrCat("cannot read ", path));
  std::string text;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) {
    text.append(buf, n);
    if (text.size() > kMaxLineBytes) {
      if (in != stdin) std::fclose(in);
      return Usage(absl::StrCat(path, " is over 1 MiB"));
    }
  }
  const bool read_error = std::ferror(in) != 0;
  if (in != stdin) std::fclose(in);
  if (read_error) return Usage(absl::StrCat("cannot read ", path));

  const std::string_view request = TrimTrailingSpace(text);
  const DecodedRequest d = runcheck::DecodeRequest(request);
  RunCommandVerdict v;
  if (!d.malformed) v = runcheck::ValidateRunCommand(d.request, s.options);
  if (s.json) {
    std::printf("%s\n", ResultJson(d, v, s).c_str());
  } else {
    PrintHuman(request, d, v, s);
  }
  return d.malformed || !v.findings.ok() ? 1 : 0;
}

}  // namespace validate
