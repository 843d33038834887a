#include "rules/verdict.h"

#include "core/internal/concat.h"

namespace runcheck {
namespace rules {

std::string AgentReason::ToString() const {
  return core::Concat(
      {feature, " needs ", linux_version, " (Linux) / ", windows_version, " (Windows)"});
}

}  // namespace rules
}  // namespace runcheck
