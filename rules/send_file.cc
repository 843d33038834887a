#include "rules/send_file.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "core/ascii.h"
#include "core/base64.h"
#include "core/utf8.h"
#include "params/render.h"
#include "rules/internal/rule_input.h"
#include "rules/internal/facts_rules.h"
#include "rules/internal/shared_rules.h"
#include "rules/tag_rules.h"

namespace runcheck {
namespace rules {
namespace internal {
namespace {

using In = RuleInput;

bool IsBase64Type(const Request& r) {
  return Given(r.content_type) && core::EqualsIgnoreCase(*r.content_type, "Base64");
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::optional<Problem> TargetDirForm(std::string_view v, const core::Limits&) {
  const core::Utf8Facts f = core::ScanUtf8(v);
  if (!f.valid) {
    return Problem{core::Code::kFileTargetDirInvalid, core::Span{f.first_invalid, 1},
                   "invalid UTF-8 at byte " + std::to_string(f.first_invalid)};
  }
  if (f.first_control) {
    return Problem{core::Code::kFileTargetDirInvalid, *f.first_control,
                   "control character at byte " + std::to_string(f.first_control->offset)};
  }
  const bool linux_path = v[0] == '/';
  const bool windows_path =
      v.size() >= 3 && IsAsciiLetter(v[0]) && v[1] == ':' && (v[2] == '\\' || v[2] == '/');
  if (!linux_path && !windows_path) {
    return Problem{core::Code::kFileTargetDirInvalid, core::Span{0, std::min<size_t>(3, v.size())},
                   "TargetDir is an absolute path: /... (Linux) or C:\\... (Windows)"};
  }
  return std::nullopt;
}

// FileOwner and FileGroup: a POSIX user or group name.
ValueCheck PosixName(core::Code code) {
  return [code](std::string_view v, const core::Limits& limits) -> std::optional<Problem> {
    const size_t max = static_cast<size_t>(std::max(0, limits.max_file_owner_chars));
    if (v.size() > max) {
      return Problem{code, core::Span{max, v.size() - max},
                     std::to_string(v.size()) + " characters; the limit is " +
                         std::to_string(max)};
    }
    for (size_t i = 0; i < v.size(); ++i) {
      const char c = v[i];
      const bool ok = IsAsciiLetter(c) || c == '_' ||
                      (i > 0 && (core::IsAlnumAscii(c) || c == '.' || c == '-')) ||
                      (i > 0 && i + 1 == v.size() && c == '$');
      if (!ok) {
        return Problem{code, core::Span{i, 1},
                       i == 0 ? "a name starts with a letter or _"
                              : "a name takes letters, digits, _ . - and one trailing $"};
      }
    }
    return std::nullopt;
  };
}

std::optional<Problem> FileModeCheck(std::string_view v, const core::Limits&) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] < '0' || v[i] > '7') {
      return Problem{core::Code::kFileModeInvalid, core::Span{i, 1},
                     "a file mode is octal digits (0-7)"};
    }
  }
  if (v.size() < 3 || v.size() > 4) {
    return Problem{core::Code::kFileModeInvalid, core::Span{0, v.size()},
                   "a file mode is 3 or 4 octal digits, like 0644"};
  }
  return std::nullopt;
}

SharedRule ContentRule() {
  return [](const In& in, RuleContext& ctx) {
    const Request& r = in.r;
    if (!Given(r.content)) {
      ctx.Report(core::Code::kMissingParameterContent, "Content", std::nullopt,
                 "Content is required");
      return;
    }
    const std::string_view c = *r.content;
    const bool base64 = IsBase64Type(r);
    const int64_t encoded =
        base64 ? static_cast<int64_t>(c.size()) : params::Base64Length(static_cast<int64_t>(c.size()));
    const int64_t max = ctx.limits().max_file_content_bytes;
    if (encoded > max) {
      ctx.Report(core::Code::kFileSizeExceedLimit, "Content", std::nullopt,
                 "the content is " + std::to_string(encoded) +
                     " bytes in Base64; the limit is " + std::to_string(max));
    }
    if (base64) {
      if (const std::optional<size_t> bad = core::FirstBase64Error(c)) {
        ctx.Report(core::Code::kFileContentDecodeError, "Content",
                   core::Span{*bad, *bad < c.size() ? 1u : 0u},
                   "not strict Base64 at byte " + std::to_string(*bad));
      }
      return;
    }
    static const ValueCheck kText = Utf8NoNul(core::Code::kInvalidRequestMalformed);
    if (std::optional<Problem> p = kText(c, ctx.limits())) ctx.Report(std::move(*p), "Content");
  };
}

#define RUNCHECK_GET(member) [](const In& in) { return &in.r.member; }

const Rule<RuleInput>& SendFileRules() {
  static const Rule<RuleInput>* const kRules = new Rule<RuleInput>(AllOf<RuleInput>({
      TextRule("RegionId", &Request::region_id, core::Code::kMissingParameterRegionId),
      TextRule("ResourceGroupId", &Request::resource_group_id),
      Required<In>("Name", RUNCHECK_GET(name), core::Code::kMissingParameterName,
                   {MaxChars(&core::Limits::max_file_name_chars, core::Code::kFileNameExceedLimit),
                    Utf8NoNul(core::Code::kInvalidRequestMalformed)}),
      Field<In>("Description", RUNCHECK_GET(description),
                {MaxChars(&core::Limits::max_description_chars, core::Code::kFileDescExceedLimit),
                 Utf8NoNul(core::Code::kInvalidRequestMalformed)}),
      TimeoutRule(),
      Required<In>("TargetDir", RUNCHECK_GET(target_dir), core::Code::kMissingParameterTargetDir,
                   {MaxChars(&core::Limits::max_target_dir_chars, core::Code::kFileTargetDirInvalid),
                    TargetDirForm}),
      Field<In>("ContentType", RUNCHECK_GET(content_type),
                {OneOf({"PlainText", "Base64"}, core::Code::kFileContentTypeInvalid,
                       /*ignore_case=*/true)}),
      ContentRule(),
      Field<In>("FileOwner", RUNCHECK_GET(file_owner),
                {PosixName(core::Code::kInvalidParameterFileOwner)}),
      Field<In>("FileGroup", RUNCHECK_GET(file_group),
                {PosixName(core::Code::kInvalidParameterFileGroup)}),
      Field<In>("FileMode", RUNCHECK_GET(file_mode), {FileModeCheck}),
      Field<In>("Overwrite", RUNCHECK_GET(overwrite),
                {Boolean(core::Code::kInvalidParameterOverwrite)}),
      InstanceIdRule({&core::Limits::max_send_file_instances, /*required=*/true,
                      /*or_resource_tag=*/false}),
      TagsRule(&Request::tags, kTagCodes),
      ClientTokenRule(),
      // Group B (SPEC 12).
      RegionFacts(),
      ResourceGroupFacts(),
      InstanceFacts({core::Code::kInvalidInstanceNotFound, std::nullopt, /*agent=*/true}),
      UnknownKeyWarnings(),
  }));
  return *kRules;
}

#undef RUNCHECK_GET

ActionTraits SendFileTraits() {
  ActionTraits t;
  t.action_agent = [](const Request&, AgentRequirement& agent) {
    AddAgentReason(AgentReason{"SendFile", "1.0.2.569", "1.0.0.149"}, agent);
  };
  return t;
}

}  // namespace
}  // namespace internal

Verdict ValidateSendFile(const Request& request, const ValidateOptions& options) {
  static const internal::ActionTraits kTraits = internal::SendFileTraits();
  Verdict v = internal::RunRuleSet(internal::SendFileRules(), kTraits, request, options,
                                   core::Action::kSendFile);
  v.base64_content = internal::IsBase64Type(request);
  return v;
}

}  // namespace rules
}  // namespace runcheck
