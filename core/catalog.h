// -----------------------------------------------------------------------------
// File: core/catalog.h
// -----------------------------------------------------------------------------
//
// The error catalogs of the command API family: every error code an action
// can answer with, its HTTP status and its English message, as tables of
// data. Nothing in runcheck spells an error code as a string literal; it
// names a `Code` and looks the rest up here.
//
// `Code` names every code of every action once. The same code can mean
// different things to different actions (another message, another status,
// another group), so each action has its own table (SPEC section 11):
//
//   * RunCommand's (`Catalog()`, core/catalog_data.inc): the 71 codes of the
//     API reference page's error table and the codes runcheck adds where the
//     reference is silent (SPEC section 2.1): `MissingParameter.RegionId`,
//     `MissingParameter.Type`, `MissingParameter.CommandContent`,
//     `InvalidParameter.Timeout`, `InvalidParameter.Parameters`,
//     `InvalidParameter.EnableParameter`, `InvalidParameter.KeepCommand`,
//     `InvalidParameter.Timed`, `InvalidRequest.Malformed` and
//     `ClientNeedUpgrade`, all HTTP 400.
//   * The six others' (`CatalogOf(action)`, core/action_catalog_data.inc):
//     the rows of the action's current reference table, in its order
//     (origin kReference); then the library codes it uses (kLibrary:
//     `MissingParameter.<Name>` for a required parameter without a code of
//     its own, `InvalidParameter.Overwrite`, ...); then RunCommand's rows for
//     the shared rules whose code the action's table lacks (kShared: the Tag
//     codes on CreateCommand, the OssOutputDelivery codes on InvokeCommand,
//     ...; SPEC 11, Resolved details).
//   * `InvalidAction.NotFound` (library, 400) answers a request for an
//     action runcheck does not know, whatever it is.
//
// `DescribeFor(action, code)` is the row a violation of that action reports:
// the action's own, else RunCommand's (the shared-rule rule), else the
// code's first row in the family. Messages with `%s` stand for the limit in
// force; `ExpandMessage` fills it in.
//
// Each code belongs to a group, per action:
//   * kRequest (A): decided from the request alone (plus `now` and limits).
//   * kFacts (B): decided from the request plus facts the embedder supplies
//     (regions, instances, quotas, commands, invocations, buckets, used
//     client tokens).
//   * kOperational (C): never decided by runcheck; listed so an embedder emits
//     them through the same table. RunCommand's `InvalidCmdId.NotFound` is
//     here too: RunCommand takes no command ID (InvokeCommand does: B there).
// `InvalidInstance.NotMatch` is in group B (an instance whose OS does not fit
// the script type) and is also produced from the request alone by the
// container rule (a container with a non-shell Type). Likewise a group-B
// limit that the request alone already breaks is reported by the rule sets
// (SPEC 11): InvokeCommand's CmdContent.ExceedLimit for a Parameters text
// over the limit, ModifyInvocationAttribute's
// InvalidInstanceId.CountLimitExceeded for more than 100 InstanceIds.
// ModifyCommand's CmdContent.ExceedLimit and InvalidCmdType.NotFound are in
// group C: the action takes no Type and ignores CommandContent, so no
// request can earn them (their rows stay, as the table prints them).
// InvokeCommand's ParameterStore.InvalidParameters is in group B: the
// parameter-store references it is about are in the stored command.
//
// Pure data: no I/O, no allocation, no exceptions. Thread-safe.
//
// Example:
//
//   const CodeInfo& info = Describe(Code::kCmdNameExceedLimit);
//   // info.name == "CmdName.ExceedLimit", info.http_status == 403
//   const CodeInfo& mia = DescribeFor(Action::kModifyInvocationAttribute,
//                                     Code::kInvalidCommandContentLengthLimitExceeded);
//   ExpandMessage(mia.message, "18");
//   // "The length of the parameter CommandContent exceeds the limit of 18 KB characters."
//   std::optional<Code> c = FindCode("InvalidParam.Frequency");

#ifndef RUNCHECK_CORE_CATALOG_H_
#define RUNCHECK_CORE_CATALOG_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include <string>

#include "absl/types/span.h"
#include "core/action.h"

namespace runcheck {
namespace core {

enum class CodeGroup : uint8_t { kRequest, kFacts, kOperational };
enum class CodeOrigin : uint8_t {
  kReference,  // the action's own reference table
  kLibrary,    // added by runcheck (SPEC 2.1, 11)
  kShared,     // RunCommand's row, for a shared rule (SPEC 11)
};

// One enumerator per catalog row, named after the code without punctuation:
// "MissingParam.InstanceId" is Code::kMissingParamInstanceId.
enum class Code : uint16_t {
#define RUNCHECK_CODE(enumerator, name, status, message, group, origin) \
  enumerator,
#include "core/catalog_data.inc"
#undef RUNCHECK_CODE
#define RUNCHECK_FAMILY_CODE(enumerator, name, status, message, group, origin) \
  enumerator,
#include "core/family_codes.inc"
#undef RUNCHECK_FAMILY_CODE
};

struct CodeInfo {
  Code code;
  std::string_view name;     // "InvalidParam.Frequency"
  int http_status;           // 400, 403, 404 or 500
  std::string_view message;  // the API's English message, verbatim
  CodeGroup group;
  CodeOrigin origin;
};

// RunCommand's catalog, in the reference table's order followed by the
// library-added codes.
absl::Span<const CodeInfo> Catalog();

// The catalog of `action`: RunCommand's for kRunCommand; for the others, the
// rows described above, in that order.
absl::Span<const CodeInfo> CatalogOf(Action action);

// The code's default row: RunCommand's, or for a code RunCommand's table
// lacks, its row in the first action that has it.
const CodeInfo& Describe(Code code);

// The row `action` reports `code` with (see above).
const CodeInfo& DescribeFor(Action action, Code code);

// Looks a code up by its exact, case-sensitive name. nullopt if unknown.
std::optional<Code> FindCode(std::string_view name);

// `message` with its `%s` replaced by `value` (a message without one comes
// back unchanged).
std::string ExpandMessage(std::string_view message, std::string_view value);

// "A", "B" or "C".
std::string_view GroupLetter(CodeGroup group);

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_CATALOG_H_
