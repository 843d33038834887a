// -----------------------------------------------------------------------------
// File: params/template.h
// -----------------------------------------------------------------------------
//
// The `{{...}}` placeholders of a RunCommand script (SPEC sections 6 and 10):
// finding them, classifying them and checking their names. The server uses it
// to check CommandContent when EnableParameter is true; the agent uses the same
// scan to render (coming in params/render.h).
//
// A placeholder is `{{`, then anything up to the next `}}`. White space (space,
// tab, CR, LF) around the name is ignored. An unclosed `{{` is plain text.
//
//   kind              form                           name rule
//   kUser             {{name}}                       [A-Za-z0-9_-]+, <= 64 bytes
//   kBuiltin          {{ACS::InstanceId}} ...        RegionId, AccountId,
//                                                    InstanceId, InstanceName,
//                                                    InvokeId, CommandId
//                                                    (prefix and name match
//                                                    case-insensitively)
//   kParameterStore   {{oos:name}}, {{oos-secret:name}}   [A-Za-z0-9_./-]+
//                     (prefixes are lower-case, as the API documents them)
//
// Violations, on field `CommandContent`, with the span of the whole
// placeholder, in content order:
//   `CmdParam.EmptyKey`            `{{}}` or only white space;
//   `CmdParamName.ExceedLimit`     a user name over the limit (checked first);
//   `CmdParam.InvalidParamName`    other characters, an unknown `ACS::` name
//                                  (`ACS::ScriptFileName` belongs to Launcher
//                                  only);
//   `ParameterStore.InvalidParameters`  a malformed `oos:` reference;
// then `CmdParamCount.ExceedLimit` (span: the first placeholder over the
// limit) when more distinct placeholders than Limits::max_content_parameters
// appear (user, built-in and store references all count; user and built-in
// names compare case-insensitively; `{{oos:a}}` and `{{oos-secret:a}}` are
// two). At most Limits::max_violations violations are kept (the rest are
// counted in `findings.dropped`).
//
// Cost: one pass over the content, no backtracking, no regex; memory linear
// in the number of placeholders. Pure, no exceptions, thread-safe.
//
// Example:
//
//   TemplateScan s = ScanTemplate("echo {{ name }} on {{ACS::InstanceId}}", {});
//   // s.placeholders[0]: kUser "name", span {5, 10}
//   // s.placeholders[1]: kBuiltin "InstanceId"

#ifndef RUNCHECK_PARAMS_TEMPLATE_H_
#define RUNCHECK_PARAMS_TEMPLATE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "core/violation.h"

namespace runcheck {
namespace params {

struct Placeholder {
  enum Kind { kUser, kBuiltin, kParameterStore };
  Kind kind;
  std::string_view name;  // trimmed; without the ACS:: / oos: prefix
  core::Span span;              // the whole {{...}}
  // FoldedHash(name) (core/ascii.h), for matching user and built-in names,
  // which compare ignoring case.
  uint64_t name_hash = 0;
  // kParameterStore: `{{oos-secret:name}}` rather than `{{oos:name}}`. The
  // two are distinct parameters (SPEC 10, *Templates*).
  bool secret = false;
};

struct TemplateScan {
  std::vector<Placeholder> placeholders;  // valid ones, in content order
  // The distinct user parameter names (ignoring ASCII case) in order of
  // first appearance: the first placeholder of each (an index into
  // `placeholders`) and how many placeholders use the name.
  struct UserName {
    size_t first;
    size_t uses;
  };
  std::vector<UserName> user_names;
  core::Findings findings;
};

TemplateScan ScanTemplate(std::string_view content, const core::Limits& limits);

}  // namespace params
}  // namespace runcheck

#endif  // RUNCHECK_PARAMS_TEMPLATE_H_
