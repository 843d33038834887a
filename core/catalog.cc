#include "core/catalog.h"

#include <array>

namespace runcheck {
namespace core {
namespace {

constexpr CodeInfo kCatalog[] = {
#define RUNCHECK_CODE(enumerator, name, status, message, group, origin) \
  {Code::enumerator, name, status, message, CodeGroup::group,          \
   CodeOrigin::origin},
#include "core/catalog_data.inc"
#undef RUNCHECK_CODE
};

// Describe() indexes the table by enumerator value; keep them in step.
constexpr bool RowsMatchEnumerators() {
  for (size_t i = 0; i < sizeof(kCatalog) / sizeof(kCatalog[0]); ++i) {
    if (static_cast<size_t>(kCatalog[i].code) != i) return false;
  }
  return true;
}
static_assert(RowsMatchEnumerators(), "catalog rows out of enumerator order");

}  // namespace

absl::Span<const CodeInfo> Catalog() { return kCatalog; }

const CodeInfo& Describe(Code code) {
  return kCatalog[static_cast<size_t>(code)];
}

std::optional<Code> FindCode(std::string_view name) {
  for (const CodeInfo& info : kCatalog) {
    if (info.name == name) return info.code;
  }
  return std::nullopt;
}

std::string_view GroupLetter(CodeGroup group) {
  switch (group) {
    case CodeGroup::kRequest:
      return "A";
    case CodeGroup::kFacts:
      return "B";
    case CodeGroup::kOperational:
      return "C";
  }
  return "?";
}

}  // namespace core
}  // namespace runcheck
