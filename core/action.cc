#include "core/action.h"

namespace runcheck {
namespace core {
namespace {

constexpr Action kActions[] = {
    Action::kRunCommand,    Action::kCreateCommand,
    Action::kInvokeCommand, Action::kModifyCommand,
    Action::kSendFile,      Action::kModifyInvocationAttribute,
    Action::kStopInvocation,
};

}  // namespace

absl::Span<const Action> Actions() { return kActions; }

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kRunCommand:
      return "RunCommand";
    case Action::kCreateCommand:
      return "CreateCommand";
    case Action::kInvokeCommand:
      return "InvokeCommand";
    case Action::kModifyCommand:
      return "ModifyCommand";
    case Action::kSendFile:
      return "SendFile";
    case Action::kModifyInvocationAttribute:
      return "ModifyInvocationAttribute";
    case Action::kStopInvocation:
      return "StopInvocation";
  }
  return "";
}

std::optional<Action> FindAction(std::string_view name) {
  for (Action a : kActions) {
    if (ActionName(a) == name) return a;
  }
  return std::nullopt;
}

}  // namespace core
}  // namespace runcheck
