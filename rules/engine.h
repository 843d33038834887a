// -----------------------------------------------------------------------------
// File: rules/engine.h
// -----------------------------------------------------------------------------
//
// The validator engine: small immutable rules that compose into a rule set
// (SPEC sections 2.2 and 2.3). A rule reads its input and reports
// violations and warnings into a `RuleContext`, which carries the limits,
// the fail-fast switch and the findings so far. Rules never throw, never do
// I/O and hold no mutable state, so one rule set serves any number of
// threads at once.
//
// Two layers:
//   * `ValueCheck`: one check of one string value (`MaxChars`, `OneOf`,
//     `Utf8NoControl`, ...). It returns a `Problem` (code, span into the
//     value, detail) or nothing.
//   * `Rule<In>`: a check of an input `In` that knows field paths. The
//     combinators build rules from checks: `Field` (an optional parameter:
//     runs its checks in order when the value is given and non-empty),
//     `Required` (reports its code when absent or empty, then runs the
//     checks), `When` (runs a rule only when a predicate holds), `AllOf`.
//     A rule set is an `AllOf` written in the order the violations must
//     come out.
//
// Actions: the context stamps each violation with its action, so the
// violation reads its status and message from that action's table, and
// renames a shared rule's code to the action's own where it has one.
//
// Fail-fast: with `fail_fast`, the context keeps only the first violation
// and `AllOf` stops there. Because rules run in the documented order, the
// first violation is the same with or without it.
//
// Example:
//
//   struct In { std::optional<std::string> name; };
//   const Rule<In> rule = AllOf<In>({
//       Field<In>("Name", [](const In& in) { return &in.name; },
//                 {MaxChars(&Limits::max_name_chars, Code::kCmdNameExceedLimit),
//                  Utf8NoControl(Code::kInvalidParameterCharacterCommandName)}),
//   });
//   Findings findings;
//   RuleContext ctx(Limits{}, /*fail_fast=*/false, &findings);
//   rule(In{std::string(200, 'x')}, ctx);
//   // findings.violations[0]: CmdName.ExceedLimit, field "Name",
//   //                         span {128, 72} (the characters over the limit)

#ifndef RUNCHECK_RULES_ENGINE_H_
#define RUNCHECK_RULES_ENGINE_H_

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/limits.h"
#include "core/violation.h"

namespace runcheck {
namespace rules {

struct Problem {
  core::Code code;
  std::optional<core::Span> span;  // into the checked value
  std::string detail;
};

// One code an action answers with instead of RunCommand's for the same rule
// (SPEC 11: ModifyInvocationAttribute's own code family).
struct CodeRename {
  core::Code from;
  core::Code to;
};

class RuleContext {
 public:
  // `action` is the action whose table the reported codes are read from;
  // `renames` turns a shared rule's RunCommand code into the action's own
  // (it must outlive the context).
  RuleContext(const core::Limits& limits, bool fail_fast, core::Findings* out,
              core::Action action = core::Action::kRunCommand,
              const std::vector<CodeRename>* renames = nullptr)
      : limits_(limits), fail_fast_(fail_fast), out_(out), action_(action),
        renames_(renames) {}

  const core::Limits& limits() const { return limits_; }
  core::Action action() const { return action_; }
  bool stopped() const { return fail_fast_ && !out_->violations.empty(); }

  // Whether a violation (warning) reported now would be kept rather than
  // counted as dropped: rules that build costly details ask first.
  bool has_room() const { return !stopped() && out_->HasRoom(limits_.max_violations); }
  bool has_warning_room() const { return out_->HasWarningRoom(limits_.max_warnings); }

  // `message_argument`: what a `%s` in the action's message stands for (the
  // limit in force); ignored by a message without one.
  void Report(core::Code code, std::string field, std::optional<core::Span> span,
              std::string detail, std::string message_argument = {}) {
    if (stopped()) return;
    if (out_->violations.empty()) out_->violations.reserve(8);  // one allocation, usually
    out_->Add(core::Violation{Renamed(code), std::move(field), span, std::move(detail), action_,
                              std::move(message_argument)},
              limits_.max_violations);
  }
  void Report(Problem p, std::string field) {
    Report(p.code, std::move(field), p.span, std::move(p.detail));
  }
  void Warn(std::string_view id, std::string field, std::optional<core::Span> span,
            std::string detail) {
    if (out_->warnings.empty()) out_->warnings.reserve(4);
    out_->Add(core::Warning{id, std::move(field), span, std::move(detail)}, limits_.max_warnings);
  }
  // Counts a warning that would not be kept (see has_warning_room), without
  // building it.
  void DropWarning() { ++out_->dropped_warnings; }
  // Adds another check's findings (a sub-parser's), keeping fail-fast and
  // the caps (its dropped counts carry over).
  void Merge(core::Findings f) {
    if (out_->violations.empty() && !f.violations.empty()) out_->violations.reserve(8);
    for (core::Violation& v : f.violations) {
      if (stopped()) break;
      v.code = Renamed(v.code);
      v.action = action_;
      out_->Add(std::move(v), limits_.max_violations);
    }
    if (!stopped()) out_->dropped += f.dropped;
    for (core::Warning& w : f.warnings) out_->Add(std::move(w), limits_.max_warnings);
    out_->dropped_warnings += f.dropped_warnings;
  }

 private:
  core::Code Renamed(core::Code code) const {
    if (renames_ != nullptr) {
      for (const CodeRename& r : *renames_) {
        if (r.from == code) return r.to;
      }
    }
    return code;
  }

  const core::Limits& limits_;
  bool fail_fast_;
  core::Findings* out_;
  core::Action action_;
  const std::vector<CodeRename>* renames_;
};

using ValueCheck =
    std::function<std::optional<Problem>(std::string_view value, const core::Limits&)>;

template <typename In>
using Rule = std::function<void(const In&, RuleContext&)>;

template <typename In>
using Getter = std::function<const std::optional<std::string_view>*(const In&)>;

// Runs `checks` in order on `value`, reporting each problem on `field`.
inline void RunChecks(std::string_view value, const std::vector<ValueCheck>& checks,
                      const std::string& field, RuleContext& ctx) {
  for (const ValueCheck& check : checks) {
    if (ctx.stopped()) return;
    if (std::optional<Problem> p = check(value, ctx.limits())) ctx.Report(std::move(*p), field);
  }
}

// An optional parameter: when given and non-empty, every check in order.
template <typename In>
Rule<In> Field(std::string field, Getter<In> get, std::vector<ValueCheck> checks) {
  return [field = std::move(field), get = std::move(get),
          checks = std::move(checks)](const In& in, RuleContext& ctx) {
    const std::optional<std::string_view>* v = get(in);
    if (v == nullptr || !v->has_value() || (*v)->empty()) return;
    RunChecks(**v, checks, field, ctx);
  };
}

// A required parameter: `missing` when absent or empty, else the checks.
template <typename In>
Rule<In> Required(std::string field, Getter<In> get, core::Code missing,
                  std::vector<ValueCheck> checks = {}) {
  return [field = std::move(field), get = std::move(get), missing,
          checks = std::move(checks)](const In& in, RuleContext& ctx) {
    const std::optional<std::string_view>* v = get(in);
    if (v == nullptr || !v->has_value() || (*v)->empty()) {
      ctx.Report(missing, field, std::nullopt, field + " is required");
      return;
    }
    RunChecks(**v, checks, field, ctx);
  };
}

template <typename In>
Rule<In> When(std::function<bool(const In&)> predicate, Rule<In> rule) {
  return [predicate = std::move(predicate), rule = std::move(rule)](
             const In& in, RuleContext& ctx) {
    if (predicate(in)) rule(in, ctx);
  };
}

template <typename In>
Rule<In> AllOf(std::vector<Rule<In>> rules) {
  return [rules = std::move(rules)](const In& in, RuleContext& ctx) {
    for (const Rule<In>& r : rules) {
      if (ctx.stopped()) return;
      r(in, ctx);
    }
  };
}

// ---- Value checks -----------------------------------------------------------

// At most `*limit` code points (invalid bytes count one each). Span: the
// characters over the limit.
ValueCheck MaxChars(int core::Limits::*limit, core::Code code);
// At most `*limit` bytes. Span: the bytes over the limit.
ValueCheck MaxBytes(int core::Limits::*limit, core::Code code);
// Valid UTF-8 without control characters (SPEC section 10; TAB, LF and CR
// allowed when `allow_tab_lf_cr`). Span: the first offending character.
ValueCheck Utf8NoControl(core::Code code, bool allow_tab_lf_cr = false);
// Valid UTF-8 without NUL: the text rule of a parameter that has no
// character rule of its own, with `code` InvalidRequest.Malformed (SPEC 10,
// *Envelope vs value*: both wire forms refuse the same bytes), or a format
// code for values that have one (tag keys and values). Span: the first
// offending byte.
ValueCheck Utf8NoNul(core::Code code);
// Exactly one of `allowed` (ASCII case ignored when `ignore_case`).
ValueCheck OneOf(std::vector<std::string_view> allowed, core::Code code,
                 bool ignore_case = false);
// `true` or `false` in any case (SPEC section 10, Types).
ValueCheck Boolean(core::Code code);

// Whether Boolean() accepts `text`, and the value of such a text.
bool IsBooleanText(std::string_view text);
bool BooleanValue(std::string_view text);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_ENGINE_H_
