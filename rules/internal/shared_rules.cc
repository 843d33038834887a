#include "rules/internal/shared_rules.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/internal/concat.h"
#include "core/utf8.h"
#include "params/parameters.h"
#include "params/render.h"
#include "params/template.h"
#include "rules/parameter_table.h"

namespace runcheck {
namespace rules {
namespace internal {
namespace {

using In = RuleInput;

#define RUNCHECK_GET(member) [](const In& in) { return &in.r.member; }

bool IsLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

std::optional<Problem> ContainerIdCheck(std::string_view v, const core::Limits& limits) {
  size_t start = 0;
  for (std::string_view prefix : {"docker://", "containerd://", "cri-o://"}) {
    if (v.substr(0, prefix.size()) == prefix) start = prefix.size();
  }
  const std::string_view hex = v.substr(start);
  const size_t digits = static_cast<size_t>(std::max(0, limits.container_id_hex_digits));
  const std::string what =
      "a container ID is " + std::to_string(digits) + " lower-case hexadecimal digits";
  for (size_t i = 0; i < hex.size() && i < digits; ++i) {
    if (!IsLowerHex(hex[i])) {
      return Problem{core::Code::kInvalidContainerIdMalformed, core::Span{start + i, 1}, what};
    }
  }
  if (hex.size() != digits) {
    return Problem{core::Code::kInvalidContainerIdMalformed, core::Span{start, hex.size()},
                   what + ", not " + std::to_string(hex.size())};
  }
  return std::nullopt;
}

std::optional<Problem> ContainerNameCheck(std::string_view v, const core::Limits& limits) {
  for (size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    const bool ok = core::IsAlnumAscii(c) || (i > 0 && (c == '_' || c == '.' || c == '-'));
    if (!ok) {
      return Problem{core::Code::kInvalidContainerNameMalformed, core::Span{i, 1},
                     i == 0 ? "a container name starts with a letter or digit"
                            : "a container name takes letters, digits, _ . -"};
    }
  }
  const size_t max = static_cast<size_t>(std::max(0, limits.max_container_name_chars));
  if (v.size() > max) {
    return Problem{core::Code::kInvalidContainerNameMalformed, core::Span{max, v.size() - max},
                   "a container name has at most " + std::to_string(max) + " characters"};
  }
  return std::nullopt;
}

std::optional<Problem> ClientTokenCheck(std::string_view v, const core::Limits& limits) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] < 0x21 || v[i] > 0x7E) {
      return Problem{core::Code::kInvalidClientTokenMalformed, core::Span{i, 1},
                     "a client token takes printable ASCII without spaces"};
    }
  }
  const size_t max = static_cast<size_t>(std::max(0, limits.max_client_token_chars));
  if (v.size() > max) {
    return Problem{core::Code::kInvalidClientTokenMalformed, core::Span{max, v.size() - max},
                   "a client token has at most " + std::to_string(max) + " characters"};
  }
  return std::nullopt;
}

std::optional<Problem> OssOutputDeliveryCheck(std::string_view v, const core::Limits& limits) {
  constexpr std::string_view kScheme = "oss://";
  if (v.substr(0, kScheme.size()) != kScheme) {
    return Problem{core::Code::kInvalidParameterOssOutputDelivery,
                   core::Span{0, std::min(v.size(), kScheme.size())},
                   "OssOutputDelivery is oss://<bucket>/<prefix>"};
  }
  const size_t slash = v.find('/', kScheme.size());
  const size_t bucket_end = slash == std::string_view::npos ? v.size() : slash;
  const std::string_view bucket = v.substr(kScheme.size(), bucket_end - kScheme.size());
  const core::Span bucket_span{kScheme.size(), bucket.size()};
  const size_t min_bucket = static_cast<size_t>(std::max(1, limits.min_oss_bucket_chars));
  const size_t max_bucket = static_cast<size_t>(std::max(0, limits.max_oss_bucket_chars));
  bool bucket_ok = bucket.size() >= min_bucket && bucket.size() <= max_bucket &&
                   core::IsAlnumAscii(bucket.front()) && core::IsAlnumAscii(bucket.back());
  for (char c : bucket) bucket_ok = bucket_ok && (core::IsAlnumAscii(c) || c == '-');
  if (!bucket_ok) {
    return Problem{core::Code::kInvalidParameterOssOutputDelivery, bucket_span,
                   "a bucket name is " + std::to_string(min_bucket) + "-" +
                       std::to_string(max_bucket) +
                       " letters, digits or -, starting and ending with a letter or digit"};
  }
  if (slash == std::string_view::npos) return std::nullopt;
  const size_t base = slash + 1;
  const std::string_view prefix = v.substr(base);
  auto bad = [&](size_t offset, size_t length, std::string detail) {
    return Problem{core::Code::kInvalidOssOutputDeliveryKeyPrefixMalformed,
                   core::Span{base + offset, length}, std::move(detail)};
  };
  const size_t max_prefix = static_cast<size_t>(std::max(0, limits.max_oss_prefix_bytes));
  if (prefix.size() > max_prefix) {
    return bad(max_prefix, prefix.size() - max_prefix,
               "the prefix is over " + std::to_string(max_prefix) + " bytes");
  }
  const core::Utf8Facts f = core::ScanUtf8(prefix);
  if (!f.valid) return bad(f.first_invalid, 1, "the prefix is not valid UTF-8");
  if (f.first_control) {
    return bad(f.first_control->offset, f.first_control->length,
               "the prefix holds a control character");
  }
  if (!prefix.empty() && (prefix[0] == '/' || prefix[0] == '\\')) {
    return bad(0, 1, "the prefix may not start with / or \\");
  }
  size_t seg = 0;
  while (seg < prefix.size()) {
    size_t end = prefix.find('/', seg);
    if (end == std::string_view::npos) end = prefix.size();
    const std::string_view s = prefix.substr(seg, end - seg);
    if (s.empty()) return bad(seg, 1, "the prefix has an empty segment (//)");
    if (s == "." || s == "..") return bad(seg, s.size(), "the prefix has a . or .. segment");
    seg = end + 1;
  }
  return std::nullopt;
}


}  // namespace

std::optional<Problem> TimeoutProblem(std::string_view t, const core::Limits& limits,
                                      int64_t* value) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] < '0' || t[i] > '9') {
      return Problem{core::Code::kInvalidParameterTimeout, core::Span{i, 1},
                     "Timeout is a whole number of seconds"};
    }
  }
  int64_t n = 0;
  for (char c : t) {
    n = n * 10 + (c - '0');
    if (n > limits.max_timeout_seconds) {
      return Problem{core::Code::kInvalidTimeoutExceedLimit, core::Span{0, t.size()},
                     "Timeout " + core::QuoteUserText(t) + " is over the limit " +
                         std::to_string(limits.max_timeout_seconds)};
    }
  }
  if (n <= 0) {
    return Problem{core::Code::kInvalidParameterTimeout, core::Span{0, t.size()},
                   "Timeout must be positive"};
  }
  *value = n;
  return std::nullopt;
}

SharedRule TextRule(std::string_view name, std::optional<std::string_view> Request::*member,
                    std::optional<core::Code> missing) {
  Getter<In> get = [member](const In& in) { return &(in.r.*member); };
  std::vector<ValueCheck> checks = {Utf8NoNul(core::Code::kInvalidRequestMalformed)};
  if (missing) return Required<In>(std::string(name), std::move(get), *missing, std::move(checks));
  return Field<In>(std::string(name), std::move(get), std::move(checks));
}

SharedRule CommandNameRule(bool required) {
  std::vector<ValueCheck> checks = {
      MaxChars(&core::Limits::max_name_chars, core::Code::kCmdNameExceedLimit),
      Utf8NoControl(core::Code::kInvalidParameterCharacterCommandName)};
  if (required) {
    return Required<In>("Name", RUNCHECK_GET(name), core::Code::kMissingParameterName,
                        std::move(checks));
  }
  return Field<In>("Name", RUNCHECK_GET(name), std::move(checks));
}

SharedRule CommandDescriptionRule() {
  return Field<In>("Description", RUNCHECK_GET(description),
                   {MaxChars(&core::Limits::max_description_chars, core::Code::kCmdDescExceedLimit),
                    Utf8NoControl(core::Code::kInvalidParameterCharacterCommandDescription,
                                  /*allow_tab_lf_cr=*/true)});
}

SharedRule TypeRule() {
  return Required<In>("Type", RUNCHECK_GET(type), core::Code::kMissingParameterType,
                      {OneOf({std::begin(kTypes), std::end(kTypes)},
                             core::Code::kInvalidCmdTypeNotFound)});
}

SharedRule CommandContentRule(bool required) {
  return [required](const In& in, RuleContext& ctx) {
    const Interpreted& x = in.x;
    if (!Given(in.r.command_content)) {
      if (required) {
        ctx.Report(core::Code::kMissingParameterCommandContent, "CommandContent", std::nullopt,
                   "CommandContent is required");
      }
      return;
    }
    if (x.content_error) {
      ctx.Report(*x.content_error, "CommandContent");
      return;  // the size and template rules need the decoded content
    }
    const int64_t max = x.content_limit;
    int64_t size = 0;
    std::string_view how;
    if (x.traits->size_adds_parameters_text) {
      size = params::Base64Length(static_cast<int64_t>(x.content.size()));
      if (Given(in.r.parameters)) size += static_cast<int64_t>(in.r.parameters->size());
      how = " bytes in Base64 with the Parameters text";
    } else {
      int64_t plain = static_cast<int64_t>(x.content.size());
      if (x.scan && x.parameters) plain += x.parameters->substitution_delta;
      size = params::Base64Length(plain);
      how = " bytes in Base64 after substitution";
    }
    if (size > max) {
      ctx.Report(core::Code::kCmdContentExceedLimit, "CommandContent", std::nullopt,
                 core::Concat({"the content is ", std::to_string(size), how, "; the limit is ",
                               std::to_string(max)}),
                 std::to_string(max / 1024));
    }
    if (x.scan) ctx.Merge(std::move(in.x.scan->findings));
  };
}

SharedRule WorkingDirRule() {
  return Field<In>(
      "WorkingDir", RUNCHECK_GET(working_dir),
      {MaxChars(&core::Limits::max_working_dir_chars, core::Code::kInvalidParameterWorkingDir),
       Utf8NoControl(core::Code::kInvalidParameterCharacterCommandWorkingDir)});
}

SharedRule TimeoutRule() {
  return [](const In& in, RuleContext& ctx) {
    if (in.x.timeout_problem) ctx.Report(*in.x.timeout_problem, "Timeout");
    if (in.x.timeout_raised) {
      ctx.Warn("request.timeout-raised", "Timeout", core::Span{0, in.r.timeout->size()},
               "Timeout below " + std::to_string(ctx.limits().min_timeout_seconds) +
                   " s is raised to it");
    }
  };
}

SharedRule EnableParameterRule() {
  return Field<In>("EnableParameter", RUNCHECK_GET(enable_parameter),
                   {Boolean(core::Code::kInvalidParameterEnableParameter)});
}

SharedRule RepeatModeRule() {
  const SharedRule field = Field<In>("RepeatMode", RUNCHECK_GET(repeat_mode),
                                     {OneOf({std::begin(kRepeatModes), std::end(kRepeatModes)},
                                            core::Code::kInvalidRepeatModeNotFound)});
  return [field](const In& in, RuleContext& ctx) {
    field(in, ctx);
    if (Given(in.r.frequency) && Given(in.r.repeat_mode) && in.x.repeat_mode_valid &&
        *in.r.repeat_mode != "Period") {
      ctx.Warn("request.repeat-mode-overridden", "RepeatMode",
               core::Span{0, in.r.repeat_mode->size()},
               "Frequency is given, so RepeatMode is Period, not " +
                   std::string(*in.r.repeat_mode));
    }
  };
}

SharedRule TimedRule() {
  const SharedRule field =
      Field<In>("Timed", RUNCHECK_GET(timed), {Boolean(core::Code::kInvalidParameterTimed)});
  return [field](const In& in, RuleContext& ctx) {
    field(in, ctx);
    if (Given(in.r.timed)) {
      ctx.Warn("request.timed-deprecated", "Timed", std::nullopt,
               "Timed is deprecated and has no effect");
    }
  };
}

SharedRule FrequencyRule() {
  return [](const In& in, RuleContext& ctx) {
    if (!Given(in.r.frequency)) {
      if (in.x.repeat_mode == "Period") {
        ctx.Report(core::Code::kMissingParamFrequency, "Frequency", std::nullopt,
                   "RepeatMode Period needs a Frequency");
      }
      return;
    }
    schedule::FrequencyOptions f;
    f.zones = in.options.zones;
    f.default_zone = in.options.default_zone;
    f.now = in.options.now;
    f.timeout_seconds = in.x.timeout;
    f.created = in.options.created;
    f.limits = ctx.limits();
    f.dst = in.options.dst;
    schedule::FrequencyResult result = schedule::ParseFrequency(*in.r.frequency, f);
    if (!result.schedule) {
      // Its form alone, for the agent it needs.
      f.now.reset();
      f.timeout_seconds.reset();
      in.x.frequency_form = schedule::ParseFrequency(*in.r.frequency, f).schedule;
    }
    in.verdict.schedule = std::move(result.schedule);
    ctx.Merge(std::move(result.findings));
  };
}

SharedRule ParametersRule() {
  return [](const In& in, RuleContext& ctx) {
    const Interpreted& x = in.x;
    if (x.traits->parameters_need_enable) {
      if (!x.enable_valid) return;
      if (Given(in.r.parameters) && !x.enable) {
        ctx.Report(core::Code::kParameterDisabled, "Parameters", std::nullopt,
                   "Parameters need EnableParameter=true");
        return;
      }
    }
    if (x.parameters) {
      ctx.Merge(std::move(in.x.parameters->findings));
    } else if (x.scan) {
      core::Findings f;
      f.warnings = params::MissingValueWarnings(*x.scan, {});
      ctx.Merge(std::move(f));
    }
  };
}

SharedRule ParametersTextSizeRule() {
  return [](const In& in, RuleContext& ctx) {
    if (!Given(in.r.parameters) || Given(in.r.command_content)) return;
    const int64_t size = static_cast<int64_t>(in.r.parameters->size());
    const int64_t max = in.x.content_limit;
    if (size > max) {
      ctx.Report(core::Code::kCmdContentExceedLimit, "Parameters",
                 core::Span{static_cast<size_t>(max), static_cast<size_t>(size - max)},
                 "the Parameters text alone is " + std::to_string(size) +
                     " bytes; with the command's content the limit is " + std::to_string(max),
                 std::to_string(max / 1024));
    }
  };
}

SharedRule KeepCommandRule() {
  return Field<In>("KeepCommand", RUNCHECK_GET(keep_command),
                   {Boolean(core::Code::kInvalidParameterKeepCommand)});
}

SharedRule ContentEncodingRule() {
  const SharedRule field = TextRule("ContentEncoding", &Request::content_encoding);
  return [field](const In& in, RuleContext& ctx) {
    field(in, ctx);
    const auto& e = in.r.content_encoding;
    if (Given(e) && !core::EqualsIgnoreCase(*e, "PlainText") &&
        !core::EqualsIgnoreCase(*e, "Base64")) {
      ctx.Warn("request.content-encoding-unknown", "ContentEncoding", core::Span{0, e->size()},
               in.x.traits->base64_by_default ? "unknown ContentEncoding is treated as Base64"
                                              : "unknown ContentEncoding is treated as PlainText");
    }
  };
}

SharedRule UsernameRule() {
  return Field<In>("Username", RUNCHECK_GET(username),
                   {MaxChars(&core::Limits::max_username_chars, core::Code::kUsernameExceedLimit),
                    Utf8NoNul(core::Code::kInvalidRequestMalformed)});
}

SharedRule WindowsPasswordNameRule() {
  return Field<In>("WindowsPasswordName", RUNCHECK_GET(windows_password_name),
                   {MaxChars(&core::Limits::max_windows_password_name_chars,
                             core::Code::kWindowsPasswordNameExceedLimit),
                    Utf8NoNul(core::Code::kInvalidRequestMalformed)});
}

SharedRule WindowsPasswordMissedRule() {
  return [](const In& in, RuleContext& ctx) {
    const Request& r = in.r;
    const bool windows = in.x.type_valid && *r.type != "RunShellScript";
    if (windows && Given(r.username) && !core::EqualsIgnoreCase(*r.username, "System") &&
        !Given(r.windows_password_name)) {
      ctx.Report(core::Code::kWindowsPasswordNameMissed, "WindowsPasswordName", std::nullopt,
                 "a Windows command run as " + core::QuoteUserText(*r.username) +
                     " needs WindowsPasswordName");
    }
  };
}

SharedRule InstanceIdRule(InstanceIdOptions options) {
  return [options](const In& in, RuleContext& ctx) {
    const Request& r = in.r;
    std::vector<std::string_view> ids;
    ids.reserve(r.instance_ids.size());
    for (const ListEntry& e : r.instance_ids) {
      if (!e.value.empty()) ids.push_back(e.value);
    }
    std::sort(ids.begin(), ids.end());
    const size_t all = ids.size();
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const size_t max = static_cast<size_t>(std::max(0, ctx.limits().*options.max));
    if (ids.size() > max) {
      ctx.Report(core::Code::kInstanceIdsExceedLimit, "InstanceId", std::nullopt,
                 std::to_string(ids.size()) + " instances; the limit is " +
                     std::to_string(max),
                 std::to_string(max));
    }
    static const ValueCheck kText = Utf8NoNul(core::Code::kInvalidRequestMalformed);
    for (const ListEntry& e : r.instance_ids) {
      if (e.value.empty()) {
        ctx.Report(core::Code::kMissingParamInstanceId, "InstanceId." + std::to_string(e.index),
                   std::nullopt, "an empty instance ID");
      } else if (std::optional<Problem> p = kText(e.value, ctx.limits())) {
        ctx.Report(std::move(*p), "InstanceId." + std::to_string(e.index));
      }
    }
    if (all != ids.size()) {
      ctx.Warn("request.duplicate-instance", "InstanceId", std::nullopt,
               std::to_string(all - ids.size()) + " repeated instance IDs count once");
    }
    const bool instances = !r.instance_ids.empty();
    if (options.or_resource_tag) {
      const bool resource_tags = !r.resource_tags.empty();
      if (instances && resource_tags) {
        ctx.Report(core::Code::kInvalidResourceTagConflictWithInstanceIds, "InstanceId",
                   std::nullopt, "give InstanceId or ResourceTag, not both");
      } else if (!instances && !resource_tags) {
        ctx.Report(core::Code::kMissingParamInstanceId, "InstanceId", std::nullopt,
                   "give InstanceId or ResourceTag");
      }
    } else if (options.required && !instances) {
      ctx.Report(core::Code::kMissingParamInstanceId, "InstanceId", std::nullopt,
                 "InstanceId is required");
    }
  };
}

SharedRule TagsRule(std::vector<TagEntry> Request::*list, const TagCodes& codes) {
  return [list, &codes](const In& in, RuleContext& ctx) { CheckTags(in.r.*list, codes, ctx); };
}

SharedRule ContainerIdRule() {
  return Field<In>("ContainerId", RUNCHECK_GET(container_id), {ContainerIdCheck});
}

SharedRule ContainerNameRule() {
  return Field<In>("ContainerName", RUNCHECK_GET(container_name), {ContainerNameCheck});
}

SharedRule ContainerTypeRule(bool on_container_id) {
  return [on_container_id](const In& in, RuleContext& ctx) {
    const Request& r = in.r;
    const bool cid = Given(r.container_id), cname = Given(r.container_name);
    if (!in.x.type_valid || *r.type == "RunShellScript" || !(cid || cname)) return;
    if (on_container_id != cid) return;  // ContainerName only when it alone is given
    ctx.Report(core::Code::kInvalidInstanceNotMatch,
               on_container_id ? "ContainerId" : "ContainerName", std::nullopt,
               "containers run RunShellScript only, not " + std::string(*r.type));
  };
}

SharedRule ContainerWarnings() {
  return [](const In& in, RuleContext& ctx) {
    const Request& r = in.r;
    if (!Given(r.container_id) && !Given(r.container_name)) return;
    if (Given(r.username)) {
      ctx.Warn("request.container-ignores", "Username", std::nullopt,
               "Username has no effect in a container");
    }
    if (Given(r.working_dir)) {
      ctx.Warn("request.container-ignores", "WorkingDir", std::nullopt,
               "WorkingDir has no effect in a container");
    }
  };
}

SharedRule ClientTokenRule() {
  return Field<In>("ClientToken", RUNCHECK_GET(client_token), {ClientTokenCheck});
}

SharedRule OssOutputDeliveryRule() {
  return Field<In>("OssOutputDelivery", RUNCHECK_GET(oss_output_delivery),
                   {OssOutputDeliveryCheck});
}

SharedRule TerminationModeRule() {
  return Field<In>("TerminationMode", RUNCHECK_GET(termination_mode),
                   {OneOf({"Process", "ProcessTree"}, core::Code::kInvalidTerminationModeNotFound)});
}

SharedRule LauncherRule() {
  return Field<In>("Launcher", RUNCHECK_GET(launcher),
                   {MaxBytes(&core::Limits::max_launcher_bytes,
                             core::Code::kInvalidLauncherLengthLimitExceeded),
                    Utf8NoNul(core::Code::kInvalidRequestMalformed)});
}

SharedRule IgnoredParameterWarning(std::string_view name,
                                   std::optional<std::string_view> Request::*member) {
  return [name, member](const In& in, RuleContext& ctx) {
    if (!Given(in.r.*member)) return;
    ctx.Warn("request.parameter-ignored", std::string(name), std::nullopt,
             core::Concat({core::ActionName(ctx.action()), " no longer uses ", name,
                           "; the API accepts it and ignores it"}));
  };
}

// SPEC 8: a key that names no parameter is ignored by the API, so a typo
// (`Frequncy`) silently drops what it meant; say so, with the name meant.
SharedRule UnknownKeyWarnings() {
  return [](const In& in, RuleContext& ctx) {
    for (const UnknownKey& k : in.r.unknown_keys) {
      if (!ctx.has_warning_room()) {
        ctx.DropWarning();
        continue;
      }
      const std::string path = k.Path();
      const std::string meant = ClosestParameter(path, ctx.action());
      ctx.Warn("request.unknown-parameter", path, std::nullopt,
               core::Concat({core::ActionName(ctx.action()), " has no parameter ",
                             core::QuoteUserText(path), "; the API ignores it",
                             meant.empty() ? std::string_view() : std::string_view("; did you mean "),
                             meant, meant.empty() ? std::string_view() : std::string_view("?")}));
    }
  };
}

#undef RUNCHECK_GET

AgentRequirement RequiredAgent(const Request& r, const Interpreted& x,
                               const std::optional<schedule::Schedule>& frequency) {
  struct Level {
    const char* linux_version;
    const char* windows_version;
  };
  static constexpr Level kLevels[] = {
      {"2.2.3.282", "2.1.3.282"}, {"2.2.3.309", "2.1.3.309"}, {"2.2.3.344", "2.1.3.344"}};
  AgentRequirement out;
  int level = -1;
  auto need = [&](int l, std::string_view feature) {
    if (out.reasons.empty()) out.reasons.reserve(4);
    out.reasons.push_back(
        AgentReason{feature, kLevels[l].linux_version, kLevels[l].windows_version});
    level = std::max(level, l);
  };
  if (frequency) {
    using Kind = schedule::Schedule::Kind;
    if (frequency->kind() == Kind::kRate) need(0, "a rate(...) Frequency");
    if (frequency->kind() == Kind::kAt) need(0, "an at(...) Frequency");
    if (frequency->has_year_field()) need(0, "a cron year field");
    if (frequency->kind() == Kind::kCron && frequency->explicit_zone()) {
      need(0, "a cron time zone");
    }
  }
  if (x.scan) {
    bool seen_309 = false, seen_344 = false;  // one reason per level
    for (const params::Placeholder& p : x.scan->placeholders) {
      if (p.kind != params::Placeholder::kBuiltin) continue;
      if (core::EqualsIgnoreCase(p.name, "InstanceName")) {
        if (!seen_344) need(2, "{{ACS::InstanceName}}");
        seen_344 = true;
      } else if (!seen_309) {
        // The first of these, spelled as the API does.
        for (std::string_view feature :
             {"{{ACS::InstanceId}}", "{{ACS::InvokeId}}", "{{ACS::CommandId}}"}) {
          if (core::EqualsIgnoreCase(feature.substr(7, feature.size() - 9), p.name)) {
            need(1, feature);
            seen_309 = true;
          }
        }
      }
    }
  }
  if (Given(r.container_id) || Given(r.container_name)) need(2, "a container");
  if (level >= 0) {
    out.linux_version = kLevels[level].linux_version;
    out.windows_version = kLevels[level].windows_version;
  }
  return out;
}


namespace {

// The next number of a dotted version, consumed with its dot: its digits
// (others skipped), saturating far above any real version.
uint64_t NextNumber(std::string_view& v) {
  uint64_t n = 0;
  while (!v.empty() && v[0] != '.') {
    if (v[0] >= '0' && v[0] <= '9' && n < (uint64_t{1} << 40)) {
      n = n * 10 + static_cast<uint64_t>(v[0] - '0');
    }
    v.remove_prefix(1);
  }
  if (!v.empty()) v.remove_prefix(1);
  return n;
}

}  // namespace

bool IsOlder(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    const uint64_t x = NextNumber(a), y = NextNumber(b);
    if (x != y) return x < y;
  }
  return false;
}

void AddAgentReason(const AgentReason& reason, AgentRequirement& agent) {
  agent.reasons.push_back(reason);
  if (agent.linux_version.empty() ||
      IsOlder(agent.linux_version, reason.linux_version)) {
    agent.linux_version = std::string(reason.linux_version);
  }
  if (agent.windows_version.empty() ||
      IsOlder(agent.windows_version, reason.windows_version)) {
    agent.windows_version = std::string(reason.windows_version);
  }
}

}  // namespace internal

}  // namespace rules
}  // namespace runcheck
