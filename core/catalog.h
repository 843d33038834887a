// -----------------------------------------------------------------------------
// File: core/catalog.h
// -----------------------------------------------------------------------------
//
// The RunCommand error catalog: every error code the API can answer with, its
// HTTP status and its English message, as one table of data
// (core/catalog_data.inc). Nothing in runcheck spells an error code as a
// string literal; it names a `Code` and looks the rest up here.
//
// The catalog holds the 71 codes of the API reference page's error table and
// the few codes runcheck adds where the reference is silent (SPEC section 2.1):
// `MissingParameter.RegionId`, `MissingParameter.Type`,
// `MissingParameter.CommandContent`, `InvalidParameter.Timeout`,
// `InvalidParameter.Parameters`, `InvalidParameter.EnableParameter`,
// `InvalidParameter.KeepCommand`, `InvalidParameter.Timed`,
// `InvalidRequest.Malformed` and `ClientNeedUpgrade`, all HTTP 400.
//
// Each code belongs to a group:
//   * kRequest (A): decided from the request alone (plus `now` and limits).
//   * kFacts (B): decided from the request plus facts the embedder supplies
//     (regions, instances, quotas, buckets, used client tokens).
//   * kOperational (C): never decided by runcheck; listed so an embedder emits
//     them through the same table. `InvalidCmdId.NotFound` is here too: it
//     concerns InvokeCommand, which takes a command ID; RunCommand does not.
// `InvalidInstance.NotMatch` is in group B (an instance whose OS does not fit
// the script type) and is also produced from the request alone by the
// container rule (a container with a non-shell Type).
//
// Pure data: no I/O, no allocation, no exceptions. Thread-safe.
//
// Example:
//
//   const runcheck::core::CodeInfo& info = runcheck::core::Describe(Code::kCmdNameExceedLimit);
//   // info.name == "CmdName.ExceedLimit", info.http_status == 403
//
//   std::optional<Code> c = runcheck::core::FindCode("InvalidParam.Frequency");

#ifndef RUNCHECK_CORE_CATALOG_H_
#define RUNCHECK_CORE_CATALOG_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/types/span.h"

namespace runcheck {
namespace core {

enum class CodeGroup : uint8_t { kRequest, kFacts, kOperational };
enum class CodeOrigin : uint8_t { kReference, kLibrary };

// One enumerator per catalog row, named after the code without punctuation:
// "MissingParam.InstanceId" is Code::kMissingParamInstanceId.
enum class Code : uint16_t {
#define RUNCHECK_CODE(enumerator, name, status, message, group, origin) \
  enumerator,
#include "core/catalog_data.inc"
#undef RUNCHECK_CODE
};

struct CodeInfo {
  Code code;
  std::string_view name;     // "InvalidParam.Frequency"
  int http_status;           // 400, 403, 404 or 500
  std::string_view message;  // the API's English message, verbatim
  CodeGroup group;
  CodeOrigin origin;
};

// The whole catalog, in the reference table's order followed by the
// library-added codes.
absl::Span<const CodeInfo> Catalog();

// The catalog row of `code`.
const CodeInfo& Describe(Code code);

// Looks a code up by its exact, case-sensitive name. nullopt if unknown.
std::optional<Code> FindCode(std::string_view name);

// "A", "B" or "C".
std::string_view GroupLetter(CodeGroup group);

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_CATALOG_H_
