#include "core/catalog.h"

#include <cstddef>

namespace runcheck {
namespace core {
namespace {

// Every code's default row: RunCommand's catalog, then the family's codes.
constexpr CodeInfo kCodes[] = {
#define RUNCHECK_CODE(enumerator, name, status, message, group, origin) \
  {Code::enumerator, name, status, message, CodeGroup::group,          \
   CodeOrigin::origin},
#include "core/catalog_data.inc"
#undef RUNCHECK_CODE
#define RUNCHECK_FAMILY_CODE(enumerator, name, status, message, group, origin) \
  {Code::enumerator, name, status, message, CodeGroup::group,                 \
   CodeOrigin::origin},
#include "core/family_codes.inc"
#undef RUNCHECK_FAMILY_CODE
};

constexpr size_t kRunCommandRows = 0
#define RUNCHECK_CODE(enumerator, name, status, message, group, origin) +1
#include "core/catalog_data.inc"
#undef RUNCHECK_CODE
    ;

// Describe() indexes the table by enumerator value; keep them in step.
constexpr bool RowsMatchEnumerators() {
  for (size_t i = 0; i < sizeof(kCodes) / sizeof(kCodes[0]); ++i) {
    if (static_cast<size_t>(kCodes[i].code) != i) return false;
  }
  return true;
}
static_assert(RowsMatchEnumerators(), "catalog rows out of enumerator order");

// The six other actions' tables, one after the other, and each row's action.
constexpr CodeInfo kActionRows[] = {
#define RUNCHECK_ACTION_CODE(action, enumerator, status, message, group, origin) \
  {Code::enumerator, kCodes[static_cast<size_t>(Code::enumerator)].name, status, \
   message, CodeGroup::group, CodeOrigin::origin},
#include "core/action_catalog_data.inc"
#undef RUNCHECK_ACTION_CODE
};
constexpr Action kActionOfRow[] = {
#define RUNCHECK_ACTION_CODE(action, enumerator, status, message, group, origin) \
  Action::action,
#include "core/action_catalog_data.inc"
#undef RUNCHECK_ACTION_CODE
};
constexpr size_t kActionRowCount = sizeof(kActionRows) / sizeof(kActionRows[0]);
constexpr size_t kActionCount = static_cast<size_t>(Action::kStopInvocation) + 1;

// Where each action's rows begin (by enumerator), and the end.
struct ActionBegins {
  size_t at[kActionCount + 1];
};
constexpr ActionBegins MakeActionBegins() {
  ActionBegins out{};
  size_t next = 0;
  for (size_t a = 0; a < kActionCount; ++a) {
    out.at[a] = next;
    while (next < kActionRowCount && static_cast<size_t>(kActionOfRow[next]) == a) ++next;
  }
  out.at[kActionCount] = next;
  return out;
}
constexpr ActionBegins kActionBegins = MakeActionBegins();
static_assert(kActionBegins.at[kActionCount] == kActionRowCount,
              "action rows not grouped in Action order");
static_assert(kActionBegins.at[1] == 0, "RunCommand's rows live in kCodes");

}  // namespace

absl::Span<const CodeInfo> Catalog() {
  return absl::Span<const CodeInfo>(kCodes, kRunCommandRows);
}

absl::Span<const CodeInfo> CatalogOf(Action action) {
  if (action == Action::kRunCommand) return Catalog();
  const size_t a = static_cast<size_t>(action);
  return absl::Span<const CodeInfo>(kActionRows + kActionBegins.at[a],
                                    kActionBegins.at[a + 1] - kActionBegins.at[a]);
}

const CodeInfo& Describe(Code code) { return kCodes[static_cast<size_t>(code)]; }

const CodeInfo& DescribeFor(Action action, Code code) {
  for (const CodeInfo& info : CatalogOf(action)) {
    if (info.code == code) return info;
  }
  return Describe(code);
}

std::optional<Code> FindCode(std::string_view name) {
  for (const CodeInfo& info : kCodes) {
    if (info.name == name) return info.code;
  }
  return std::nullopt;
}

std::string ExpandMessage(std::string_view message, std::string_view value) {
  const size_t at = message.find("%s");
  if (at == std::string_view::npos) return std::string(message);
  std::string out(message.substr(0, at));
  out.append(value);
  out.append(message.substr(at + 2));
  return out;
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
