// -----------------------------------------------------------------------------
// File: rules/request_encode.h
// -----------------------------------------------------------------------------
//
// The inverse of rules/request_decode.h: a `Request` of any action written in
// either wire form (the action's parameters in its table's order), so that decoding the text gives back an equal `Request`. Used by
// tools that convert between the forms, and by the fuzzers' round-trip
// checks.
//
//   * ToQueryForm: `Action=<the request's action>&...`, every key and value percent-
//     encoded (RFC 3986 unreserved characters left as they are), lists as
//     `Name.N` / `Name.N.Key` with the request's own indexes. A tag entry
//     with neither Key nor Value (possible in JSON as `{}`) has no query
//     spelling and is left out.
//   * ToJsonForm: one JSON object, `"Action"` first; every value a JSON string (Parameters
//     too, so its text survives even when it is not valid JSON); lists as
//     arrays, which renumbers them 1..n. A value that is not valid UTF-8
//     cannot be written as JSON: nullopt.
//
// Pure, no exceptions, thread-safe.

#ifndef RUNCHECK_RULES_REQUEST_ENCODE_H_
#define RUNCHECK_RULES_REQUEST_ENCODE_H_

#include <optional>
#include <string>

#include "rules/request.h"

namespace runcheck {
namespace rules {

std::string ToQueryForm(const Request& request);
std::optional<std::string> ToJsonForm(const Request& request);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_REQUEST_ENCODE_H_
