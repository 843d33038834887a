// -----------------------------------------------------------------------------
// File: rules/request_decode.h
// -----------------------------------------------------------------------------
//
// Decoding a request of any action of the command API family from either
// wire form into a `Request` (SPEC sections 3, 10 and 11). One decoder per
// wire form serves every action: what an action takes is its parameter table
// (rules/parameter_table.h), read as data. Both forms of the same request
// decode to equal `Request` values.
//
// The action (SPEC 11, *Action*): the request's own `Action` (the query
// key or the JSON member; an empty value names none) is authoritative;
// DecodeOptions::action is the caller's (the endpoint's, the CLI's
// `--action`) and the default for a request that names none; with neither,
// RunCommand. A name runcheck does not know is `InvalidAction.NotFound`
// (field `Action`); a name other than the caller's is
// `InvalidRequest.Malformed`; both with the span of the name's value. The
// action is resolved before the rest of the envelope is read, so these come
// before any other envelope error except a byte order mark or invalid UTF-8.
//
//   * Query form: `Action=RunCommand&RegionId=cn-hangzhou&InstanceId.1=i-a&
//     Tag.1.Key=k&...`. Percent escapes (`%XX`, either case) and `+` (a
//     space) are decoded in keys and values; a leading `?` is allowed; empty
//     segments (`&&`) are skipped. The action's lists are `List.N` (strings:
//     `InstanceId.N`) and `List.N.Key|Value` (Key/Value objects: `Tag`,
//     `ResourceTag`) with N in 1..10000 written without leading zeros; gaps
//     are allowed and entries are ordered by N. Unknown keys, list or not,
//     are ignored, as the API ignores them; index rules apply only to the
//     action's own lists (`Tag.01.Key` is just an unknown key to
//     StopInvocation).
//   * JSON form: one object, `{"RegionId": "...", "InstanceId": ["i-a"],
//     "Tag": [{"Key": "k", "Value": "v"}], "Parameters": {...},
//     "Timeout": 60, ...}`. `null` means "not sent". Booleans take JSON
//     booleans or strings, Timeout a number or a string, Parameters an object
//     or a string (Overwrite, KeepCommand and the other booleans alike); a
//     JSON value of any other type for these typed parameters
//     becomes its JSON text, which their rules then refuse with their own
//     code, as they would that text in the query form (`"Timeout": true`
//     is InvalidParameter.Timeout, never malformed: SPEC 10). Every other
//     parameter takes a string only. Unknown members are ignored (and kept in
//     Request::unknown_keys for the warning).
// DecodeRequest() picks the form: JSON when the first byte that is not
// white space is `{` or `[`, else the query form.
//
// Errors: the action errors above, and the envelope's problems as
// `InvalidRequest.Malformed` (field empty, span into the whole request
// text): a UTF-8 byte order mark at the start (offset 0, either form), a
// bad percent escape, invalid UTF-8 written raw in the request (a percent
// escape may put any byte into a value: that is the parameter's own error,
// found by the rules), a repeated key, a bad list index, broken JSON, a
// repeated member, and a JSON value of a type a string parameter does not
// take (an `Action` that is not a string too). Decoding stops at the first.
//
// Cost: one pass over the text (the query form's keys are skimmed once more
// for `Action`, decoding only keys of 6 to 18 bytes) and one allocation for all the decoded
// values (plus the JSON parser's item list and the duplicate-key set).
// Bounds: time and memory linear in the text; JSON nesting costs heap, not
// stack. No limit on the text's size is applied here: the embedder's HTTP
// layer bounds it (the validate binary reads at most 1 MiB per request).
// Pure, no exceptions, thread-safe.
//
// Example:
//
//   DecodedRequest d = DecodeRequest("RegionId=cn-hangzhou&InstanceId.1=i-a");
//   d.envelope_error;             // nullopt
//   *d.request.region_id;         // "cn-hangzhou"
//   d.request.instance_ids[0];    // {1, "i-a"}
//   DecodeRequest("Action=StopInvocation&InvokeId=t-1").request.action;
//                                 // core::Action::kStopInvocation

#ifndef RUNCHECK_RULES_REQUEST_DECODE_H_
#define RUNCHECK_RULES_REQUEST_DECODE_H_

#include <memory>
#include <optional>
#include <string_view>

#include "rules/request.h"
#include "core/violation.h"

namespace runcheck {
namespace rules {

enum class WireForm { kQuery, kJson };

// Move-only: `request` views `storage`, which moves with it (the bytes stay
// where they are). Do not keep `request` (or a copy of it) past the
// DecodedRequest's lifetime.
struct DecodedRequest {
  WireForm form = WireForm::kQuery;
  Request request;  // what was decoded before any error; request.action is set
                    // once the action is known
  // InvalidRequest.Malformed or InvalidAction.NotFound: the request has no
  // meaning, and no rule runs on it.
  std::optional<core::Violation> envelope_error;
  std::unique_ptr<char[]> storage;  // the decoded text `request` views
};

struct DecodeOptions {
  // The caller's action: see above. Unset: the request's own, or RunCommand.
  std::optional<core::Action> action;
};

DecodedRequest DecodeQueryRequest(std::string_view text, const DecodeOptions& options = {});
DecodedRequest DecodeJsonRequest(std::string_view text, const DecodeOptions& options = {});
DecodedRequest DecodeRequest(std::string_view text, const DecodeOptions& options = {});

// The highest list index either form accepts.
inline constexpr int kMaxListIndex = 10000;

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_REQUEST_DECODE_H_
