#include "rules/internal/rule_input.h"

#include <algorithm>
#include <utility>

#include "core/ascii.h"
#include "core/base64.h"
#include "core/utf8.h"
#include "facts/indexed_facts.h"
#include "rules/internal/shared_rules.h"

namespace runcheck {
namespace rules {
namespace internal {
namespace {

bool IsOneOf(std::string_view v, const std::string_view* begin, const std::string_view* end) {
  return std::find(begin, end, v) != end;
}

}  // namespace

void Interpret(const Request& r, const ValidateOptions& options, const ActionTraits& traits,
               Interpreted& x) {
  const core::Limits& limits = options.limits;
  x.traits = &traits;
  x.type_valid = Given(r.type) && IsOneOf(*r.type, std::begin(kTypes), std::end(kTypes));
  if (Given(r.enable_parameter)) {
    x.enable_valid = IsBooleanText(*r.enable_parameter);
    x.enable = x.enable_valid && BooleanValue(*r.enable_parameter);
  }
  if (Given(r.keep_command)) {
    x.keep_valid = IsBooleanText(*r.keep_command);
    x.keep = x.keep_valid && BooleanValue(*r.keep_command);
  }
  const bool encoding_given = Given(r.content_encoding);
  x.base64 = traits.base64_by_default
                 ? !(encoding_given && core::EqualsIgnoreCase(*r.content_encoding, "PlainText"))
                 : encoding_given && core::EqualsIgnoreCase(*r.content_encoding, "Base64");
  if (Given(r.repeat_mode)) {
    x.repeat_mode_valid =
        IsOneOf(*r.repeat_mode, std::begin(kRepeatModes), std::end(kRepeatModes));
    if (x.repeat_mode_valid) x.repeat_mode = *r.repeat_mode;
  }
  if (Given(r.frequency)) x.repeat_mode = "Period";

  if (!traits.stored_timeout) x.timeout = 60;
  // A stored command's or task's Timeout, when the facts know it (SPEC 11).
  const facts::IndexedFacts* f = options.facts;
  const std::string_view region = r.region_id.value_or("");
  const facts::Command* command = nullptr;
  const facts::Invocation* invocation = nullptr;
  if (f != nullptr && Given(r.command_id)) command = f->FindCommand(*r.command_id, region);
  if (f != nullptr && Given(r.invoke_id)) invocation = f->FindInvocation(*r.invoke_id, region);
  if (traits.stored_timeout && command != nullptr && command->timeout) x.timeout = *command->timeout;
  if (traits.stored_timeout && invocation != nullptr && invocation->timeout) {
    x.timeout = *invocation->timeout;
  }
  if (Given(r.timeout)) {
    int64_t t = 0;
    x.timeout_problem = TimeoutProblem(*r.timeout, limits, &t);
    if (x.timeout_problem) {
      x.timeout.reset();
    } else {
      x.timeout_raised = t < limits.min_timeout_seconds;
      x.timeout = std::max(t, limits.min_timeout_seconds);
    }
  }

  // The content limit: 18 KiB for a kept command, else 24 (RunCommand's
  // KeepCommand; a task's, when the facts know it).
  bool kept = traits.content_limit_kept || !x.keep_valid || x.keep;
  if (invocation != nullptr && invocation->keep_command) kept = *invocation->keep_command;
  x.content_limit = kept ? limits.max_content_bytes_kept : limits.max_content_bytes_unkept;
  if (Given(r.command_content) && !traits.ignores_content) {
    const std::string_view c = *r.command_content;
    if (x.base64) {
      // DecodeBase64 checks strictly itself; the offset is wanted only on failure.
      if (std::optional<std::string> decoded = core::DecodeBase64(c)) {
        x.decoded = std::move(*decoded);
        x.content = x.decoded;
      } else {
        const size_t bad = core::FirstBase64Error(c).value_or(0);
        x.content_error = Problem{core::Code::kCmdContentDecodeError,
                                  core::Span{bad, bad < c.size() ? 1u : 0u},
                                  "not strict Base64 at byte " + std::to_string(bad)};
      }
    } else {
      if (const std::optional<size_t> bad = core::FirstInvalidUtf8(c)) {
        x.content_error = Problem{core::Code::kCmdContentDecodeError, core::Span{*bad, 1},
                                  "plain-text content is not valid UTF-8 at byte " +
                                      std::to_string(*bad)};
      } else {
        x.content = c;
      }
    }
    if (!x.content_error && x.enable) x.scan = params::ScanTemplate(x.content, limits);
  }
  if (Given(r.parameters) && (x.enable || !traits.parameters_need_enable)) {
    x.parameters = params::CheckParameters(*r.parameters, limits,
                                           x.scan ? &*x.scan : nullptr, traits.key_codes);
  }
}

AgentRequirement AgentFor(const RuleInput& in) {
  AgentRequirement agent =
      RequiredAgent(in.r, in.x, in.verdict.schedule ? in.verdict.schedule : in.x.frequency_form);
  if (in.x.traits->action_agent != nullptr) in.x.traits->action_agent(in.r, agent);
  return agent;
}

Verdict RunRuleSet(const Rule<RuleInput>& rules, const ActionTraits& traits,
                   const Request& request, const ValidateOptions& options, core::Action action,
                   const std::vector<CodeRename>* renames) {
  Verdict verdict;
  verdict.action = action;
  Interpreted x;
  Interpret(request, options, traits, x);
  RuleContext ctx(options.limits, options.fail_fast, &verdict.findings, action, renames);
  rules(RuleInput{request, x, options, verdict}, ctx);
  verdict.repeat_mode = x.repeat_mode;
  verdict.timeout_seconds = x.timeout.value_or(traits.stored_timeout ? 0 : 60);
  verdict.enable_parameter = x.enable;
  verdict.keep_command = x.keep;
  verdict.base64_content = x.base64;
  verdict.agent = AgentFor(RuleInput{request, x, options, verdict});
  if (!verdict.findings.ok()) verdict.schedule.reset();
  return verdict;
}

}  // namespace internal
}  // namespace rules
}  // namespace runcheck
