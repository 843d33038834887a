// -----------------------------------------------------------------------------
// File: rules/request_decode.h
// -----------------------------------------------------------------------------
//
// Decoding a RunCommand request from either wire form into a `Request`
// (SPEC sections 3 and 10). Both forms of the same request decode to equal
// `Request` values.
//
//   * Query form: `Action=RunCommand&RegionId=cn-hangzhou&InstanceId.1=i-a&
//     Tag.1.Key=k&...`. Percent escapes (`%XX`, either case) and `+` (a
//     space) are decoded in keys and values; a leading `?` is allowed; empty
//     segments (`&&`) are skipped. Lists are `InstanceId.N`, `Tag.N.Key`,
//     `Tag.N.Value`, `ResourceTag.N.Key|Value` with N in 1..10000 written
//     without leading zeros; gaps are allowed and entries are ordered by N.
//     Unknown keys are ignored, as the API ignores them.
//   * JSON form: one object, `{"RegionId": "...", "InstanceId": ["i-a"],
//     "Tag": [{"Key": "k", "Value": "v"}], "Parameters": {...},
//     "Timeout": 60, ...}`. `null` means "not sent". Booleans take JSON
//     booleans or strings, Timeout a number or a string, Parameters an object
//     or a string; a JSON value of any other type for these typed parameters
//     becomes its JSON text, which their rules then refuse with their own
//     code, as they would that text in the query form (`"Timeout": true`
//     is InvalidParameter.Timeout, never malformed: SPEC 10). Every other
//     parameter takes a string only. Unknown members are ignored (and kept in
//     Request::unknown_keys for the warning).
// DecodeRequest() picks the form: JSON when the first byte that is not
// white space is `{` or `[`, else the query form.
//
// Errors: the envelope's problems are `InvalidRequest.Malformed` (field
// empty, span into the whole request text): a UTF-8 byte order mark at the
// start (offset 0, either form), a bad percent escape, invalid
// UTF-8 written raw in the request (a percent escape may put any byte into a
// value: that is the parameter's own error, found by the rules), a repeated
// key, a bad list index, broken JSON, a repeated member, and a JSON value of
// a type a string parameter does not take. Decoding stops at the first.
//
// Cost: one pass over the text and one allocation for all the decoded
// values (plus the JSON parser's item list and the duplicate-key set).
// Bounds: time and memory linear in the text; JSON nesting costs heap, not
// stack. No limit on the text's size is applied here: the embedder's HTTP
// layer bounds it (the validate binary reads at most 1 MiB per request).
// Pure, no exceptions, thread-safe.
//
// Example:
//
//   DecodedRequest d = DecodeRequest("RegionId=cn-hangzhou&InstanceId.1=i-a");
//   d.malformed;                  // nullopt
//   *d.request.region_id;         // "cn-hangzhou"
//   d.request.instance_ids[0];    // {1, "i-a"}

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
  Request request;                     // what was decoded before any error
  std::optional<core::Violation> malformed;  // InvalidRequest.Malformed
  std::unique_ptr<char[]> storage;     // the decoded text `request` views
};

DecodedRequest DecodeQueryRequest(std::string_view text);
DecodedRequest DecodeJsonRequest(std::string_view text);
DecodedRequest DecodeRequest(std::string_view text);

// The highest list index either form accepts.
inline constexpr int kMaxListIndex = 10000;

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_REQUEST_DECODE_H_
