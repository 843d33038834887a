// -----------------------------------------------------------------------------
// File: params/parameters.h
// -----------------------------------------------------------------------------
//
// The `Parameters` of a request (RunCommand, InvokeCommand,
// ModifyInvocationAttribute): a JSON object of string values
// that fill the content's `{{name}}` placeholders (SPEC sections 6 and 10).
// The server checks it against the content; the agent takes the values for
// rendering (params/render.h).
//
// The input is the JSON text of the object: in the query form, the
// `Parameters` string; in the JSON form, the object's own text (or the
// string holding it). Spans are byte offsets into that text.
//
// Violations, in this order (SPEC section 10, "Parameters precedence"):
//   object level, field `Parameters`:
//     `InvalidParameter.Parameters`   not JSON, or JSON but not an object
//                                     (span: the syntax error or the value);
//                                     nothing else runs after it;
//     `ParameterCount.ExceedLimit`    more pairs than
//                                     Limits::max_parameter_pairs (span: the
//                                     first key over the limit);
//     `ParameterKey.Duplicate`        one per key that appeared before,
//                                     compared case-insensitively (ASCII),
//                                     field `Parameters.<key>`;
//   then per pair in text order, field `Parameters.<key>`, at most one of
//     KeyCodes::empty                 an empty key (`InvalidParameter.
//                                     Parameters` unless the caller names
//                                     its action's own code);
//     `ParameterKey.ExceedLimit`      key over Limits::max_parameter_key_chars
//                                     code points (span: the key);
//     KeyCodes::malformed             when the caller asks for it: a key with
//                                     a character a parameter name cannot
//                                     have (not `[A-Za-z0-9_-]`);
//     `Parameter.NotMatched`          the content defines no user parameter
//                                     of that name (case-insensitive, as
//                                     placeholder names are); only when a
//                                     content scan is given;
//   then for its value at most one of
//     `ParameterType.NotSupported`    not a string (span: the value);
//     `InvalidParameterCharset.Parameters`  not valid UTF-8 or holds a NUL
//                                     (span: the value).
// `Parameter.Disabled` (EnableParameter false) is the request rule set's to
// decide; it needs nothing from here.
//
// Warning `parameters.missing-value` (field `CommandContent`, span of the
// first placeholder): a user parameter of the content with no value; it
// renders as the empty string.
//
// Decision: keys are matched ASCII-case-insensitively, because placeholder
// names are `[A-Za-z0-9_-]+` and unique without regard to case. A key that is
// not valid UTF-8 cannot name a placeholder, so it is `Parameter.NotMatched`
// (its length counts each bad byte as one code point).
//
// Cost: RapidJSON's SAX reader over the text plus one pass per value; memory
// linear in the text. Pure, no exceptions, thread-safe.
//
// Example:
//
//   TemplateScan scan = ScanTemplate("echo {{name}}", limits);
//   ParametersCheck p = CheckParameters(R"({"name": "Jack"})", limits, &scan);
//   p.findings.ok();       // true
//   p.pairs[0].value;      // "Jack"

#ifndef RUNCHECK_PARAMS_PARAMETERS_H_
#define RUNCHECK_PARAMS_PARAMETERS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "params/template.h"
#include "core/limits.h"
#include "core/violation.h"

namespace runcheck {
namespace params {

// Keys and values view the decoded text, which the ParametersCheck owns.
struct ParameterPair {
  std::string_view key;     // decoded
  std::string_view value;   // decoded; empty when the value is not a string
  bool value_is_string = false;
  core::Span key_span;       // the key token, quotes included
  core::Span value_span;     // the value token
};

// Move-only: `pairs` view `storage`, which moves with it.
struct ParametersCheck {
  std::vector<ParameterPair> pairs;  // in text order, duplicates included
  core::Findings findings;
  // With a content scan: how many bytes substituting the user values changes
  // the content by, i.e. SubstitutedSize(content, scan,
  // ParameterValues::FromPairs(pairs)) - content.size() (params/render.h),
  // for the size rule without a second lookup. 0 without a scan.
  int64_t substitution_delta = 0;
  std::unique_ptr<char[]> storage;   // the decoded keys and values
};

// The codes of the key rules that differ per action (SPEC 11, *Parameters
// keys*): ModifyInvocationAttribute answers an empty key with
// `InvalidParameters.KeyEmpty` and checks a key's characters
// (`InvalidParameters.KeyMalformed`); the other actions keep the defaults.
struct KeyCodes {
  core::Code empty = core::Code::kInvalidParameterParameters;
  std::optional<core::Code> malformed;  // unset: characters not checked
};

// `content`: the scan of CommandContent, or null to skip the rules that
// compare with it (`Parameter.NotMatched` and the missing-value warning).
ParametersCheck CheckParameters(std::string_view json_text,
                                const core::Limits& limits,
                                const TemplateScan* content,
                                const KeyCodes& key_codes = {});

// The missing-value warnings for a content whose Parameters are `pairs`
// (empty when the request gives none). CheckParameters() includes them.
std::vector<core::Warning> MissingValueWarnings(const TemplateScan& content,
                                          const std::vector<ParameterPair>& pairs);

}  // namespace params
}  // namespace runcheck

#endif  // RUNCHECK_PARAMS_PARAMETERS_H_
