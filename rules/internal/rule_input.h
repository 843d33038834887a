// -----------------------------------------------------------------------------
// File: rules/internal/rule_input.h
// -----------------------------------------------------------------------------
//
// Not public. What every rule set of rules/ reads: the decoded request, what
// it means (worked out once, before any rule reports), the options and the
// verdict being built. The seven rule sets are `Rule<RuleInput>` lists
// (rules/engine.h) over this one input, so a shared parameter is checked by
// one rule in every action (SPEC 11, *Shared rules*).

#ifndef RUNCHECK_RULES_INTERNAL_RULE_INPUT_H_
#define RUNCHECK_RULES_INTERNAL_RULE_INPUT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "params/parameters.h"
#include "params/template.h"
#include "rules/engine.h"
#include "rules/request.h"
#include "rules/verdict.h"

namespace runcheck {
namespace rules {
namespace internal {

inline bool Given(const std::optional<std::string_view>& v) {
  return v.has_value() && !v->empty();
}

inline constexpr std::string_view kTypes[] = {"RunShellScript", "RunBatScript",
                                              "RunPowerShellScript"};
inline constexpr std::string_view kRepeatModes[] = {"Once", "Period", "NextRebootOnly",
                                                    "EveryReboot", "DryRun"};

// How an action reads its request where the actions differ (SPEC 11,
// *Decisions per action*).
struct ActionTraits {
  // ContentEncoding's default is Base64 (CreateCommand), else PlainText.
  bool base64_by_default = false;
  // A request without Timeout keeps a stored command's or task's (unknown
  // here: the Frequency rules compare with the 10 s floor only), else 60.
  bool stored_timeout = false;
  // Parameters are checked only with EnableParameter=true (RunCommand,
  // ModifyInvocationAttribute); InvokeCommand's EnableParameter is the
  // stored command's, so its structural rules always run.
  bool parameters_need_enable = true;
  // The content limit is always the kept-command one (18 KiB): CreateCommand
  // keeps its command; ModifyInvocationAttribute's task is a fact.
  bool content_limit_kept = false;
  // The size rule counts the content as Base64 plus the Parameters text
  // (ModifyInvocationAttribute), else Base64 of the content after
  // substitution.
  bool size_adds_parameters_text = false;
  // CommandContent is accepted and ignored (ModifyCommand): not even
  // decoded.
  bool ignores_content = false;
  // The key codes of Parameters (ModifyInvocationAttribute's own).
  params::KeyCodes key_codes;
  // The agent the action itself needs beyond the request's features
  // (SendFile; ModifyInvocationAttribute when it changes the task).
  void (*action_agent)(const Request& r, AgentRequirement& agent) = nullptr;
};

// What the request means, worked out once before the rules report. Holds the
// decoded content that the template scan points into, so it never moves.
struct Interpreted {
  Interpreted() = default;
  Interpreted(const Interpreted&) = delete;
  Interpreted& operator=(const Interpreted&) = delete;

  const ActionTraits* traits = nullptr;
  bool type_valid = false;
  bool enable_valid = true;
  bool enable = false;
  bool keep_valid = true;
  bool keep = false;
  bool base64 = false;
  std::string repeat_mode = "Once";
  bool repeat_mode_valid = true;

  std::optional<int64_t> timeout;      // effective, when valid and known
  int64_t content_limit = 0;           // CommandContent's, as Base64
  std::optional<Problem> timeout_problem;
  bool timeout_raised = false;

  std::string decoded;                 // Base64 content, decoded
  std::string_view content;            // the content the template rules read
  std::optional<Problem> content_error;
  std::optional<params::TemplateScan> scan;          // when EnableParameter
  std::optional<params::ParametersCheck> parameters; // when given (+ enabled)
  // The Frequency's form when it parses but breaks a request-level rule
  // (the "future", interval or Timeout rules): the agent it needs does not
  // depend on those (set by the Frequency rule).
  std::optional<schedule::Schedule> frequency_form;
};

struct RuleInput {
  const Request& r;
  // Not const: a rule moves the findings it reports out of it (each is
  // reported once).
  Interpreted& x;
  const ValidateOptions& options;
  Verdict& verdict;
};

void Interpret(const Request& r, const ValidateOptions& options, const ActionTraits& traits,
               Interpreted& x);

// The oldest agent the request needs: its features (SPEC 6.9) and the
// action's own.
AgentRequirement AgentFor(const RuleInput& in);

// Runs `rules` over `request` as `action` (codes renamed by `renames`) and
// fills the verdict's meaning from what Interpret worked out.
Verdict RunRuleSet(const Rule<RuleInput>& rules, const ActionTraits& traits, const Request& request,
                   const ValidateOptions& options, core::Action action,
                   const std::vector<CodeRename>* renames = nullptr);

}  // namespace internal
}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_INTERNAL_RULE_INPUT_H_
