// -----------------------------------------------------------------------------
// File: core/action.h
// -----------------------------------------------------------------------------
//
// The seven Cloud Assistant actions of the command API family that runcheck
// knows (SPEC section 11), by the name the RPC API gives them. An action's
// error table is in core/catalog.h (`CatalogOf`).
//
// A request names its action with `Action=<Name>` (query form) or an
// `"Action"` member (JSON form); names are compared exactly, as the API does.
// A name that is not listed here is `InvalidAction.NotFound`.
//
// Pure data: no I/O, no allocation, no exceptions. Thread-safe.
//
// Example:
//
//   std::optional<Action> a = FindAction("SendFile");  // Action::kSendFile
//   ActionName(*a);                                     // "SendFile"

#ifndef RUNCHECK_CORE_ACTION_H_
#define RUNCHECK_CORE_ACTION_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/types/span.h"

namespace runcheck {
namespace core {

enum class Action : uint8_t {
  kRunCommand,
  kCreateCommand,
  kInvokeCommand,
  kModifyCommand,
  kSendFile,
  kModifyInvocationAttribute,
  kStopInvocation,
};

// Every action, RunCommand first, then the order of SPEC section 11.
absl::Span<const Action> Actions();

// "RunCommand", "CreateCommand", ...
std::string_view ActionName(Action action);

// The action of that exact (case-sensitive) name; nullopt if there is none.
std::optional<Action> FindAction(std::string_view name);

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_ACTION_H_
