// -----------------------------------------------------------------------------
// File: rules/request_digest.h
// -----------------------------------------------------------------------------
//
// The digest of a request that idempotency compares (SPEC 12: a used
// ClientToken that comes back with a request of another digest is
// IdempotentParameterMismatch). The embedder stores it beside each token it
// has served (facts::ClientToken::digest) and runcheck compares.
//
// What it covers: the action and every parameter of the action's table
// except ClientToken, each as its name and its text, in the table's order;
// lists as their entries in index order (not their indexes, so the query
// form's gaps and the JSON form's renumbering agree). Empty and absent are
// the same (SPEC 10). So the digest ignores the order in which the request
// wrote its parameters, and its wire form; it does not ignore the order of
// list entries or the text of a value (`Timeout=60` and `Timeout=060` differ;
// the JSON text of Parameters is taken as written).
//
// The function is 64-bit FNV-1a over length-prefixed fields, as 16 lower-case
// hexadecimal digits: stable across builds and platforms, not a
// cryptographic hash (a caller who crafts a collision can only replay their
// own earlier answer).
//
// Pure, no exceptions, thread-safe. Linear in the request.
//
// Example:
//
//   RequestDigest(DecodeRequest("RegionId=r&Name=a").request) ==
//       RequestDigest(DecodeRequest("{\"Name\": \"a\", \"RegionId\": \"r\"}").request);  // true

#ifndef RUNCHECK_RULES_REQUEST_DIGEST_H_
#define RUNCHECK_RULES_REQUEST_DIGEST_H_

#include <string>

#include "rules/request.h"

namespace runcheck {
namespace rules {

std::string RequestDigest(const Request& request);

}  // namespace rules
}  // namespace runcheck

#endif  // RUNCHECK_RULES_REQUEST_DIGEST_H_
