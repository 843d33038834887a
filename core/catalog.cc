#include "core/catalog.h"

#include <array>

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

// The six other actions' tables, one after the other.
struct ActionRow {
  Action action;
  CodeInfo info;
};
constexpr ActionRow kActionRows[] = {
#define RUNCHECK_ACTION_CODE(action, enumerator, status, message, group, origin) \
  {Action::action,                                                              \
   {Code::enumerator, kCodes[static_cast<size_t>(Code::enumerator)].name,      \
    status, message, CodeGroup::group, CodeOrigin::origin}},
#include "core/action_catalog_data.inc"
#undef RUNCHECK_ACTION_CODE
};
constexpr size_t kActionRowCount = sizeof(kActionRows) / sizeof(kActionRows[0]);

// The rows as CodeInfo, so that CatalogOf can hand out a span.
struct ActionInfos {
  CodeInfo rows[kActionRowCount];
  size_t begin[8];  // per action (by enumerator), and the end
};
constexpr ActionInfos MakeActionInfos() {
  ActionInfos out{};
  for (size_t i = 0; i < kActionRowCount; ++i) out.rows[i] = kActionRows[i].info;
  // Rows are grouped by action in enumerator order (checked below).
  size_t next = 0;
  for (size_t a = 0; a < 7; ++a) {
    out.begin[a] = next;
    while (next < kActionRowCount && static_cast<size_t>(kActionRows[next].action) == a) ++next;
  }
  out.begin[7] = next;
  return out;
}
constexpr ActionInfos kActionInfos = MakeActionInfos();
static_assert(kActionInfos.begin[7] == kActionRowCount,
              "action rows not grouped in Action order");
static_assert(kActionInfos.begin[1] == 0, "RunCommand's rows live in kCodes");

}  // namespace

absl::Span<const CodeInfo> Catalog() {
  return absl::Span<const CodeInfo>(kCodes, kRunCommandRows);
}

absl::Span<const CodeInfo> CatalogOf(Action action) {
  if (action == Action::kRunCommand) return Catalog();
  const size_t a = static_cast<size_t>(action);
  return absl::Span<const CodeInfo>(kActionInfos.rows + kActionInfos.begin[a],
                                    kActionInfos.begin[a + 1] - kActionInfos.begin[a]);
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
