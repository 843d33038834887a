#include "params/template.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "rules/ascii.h"

namespace runcheck {
namespace params {
namespace {

constexpr std::string_view kField = "CommandContent";
constexpr std::string_view kBuiltins[] = {"RegionId",     "AccountId",
                                          "InstanceId",   "InstanceName",
                                          "InvokeId",     "CommandId"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

template <typename Pred>
bool AllOf(std::string_view s, Pred pred) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!pred(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool UserNameChar(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '-';
}
bool StoreNameChar(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '.' || c == '/' || c == '-';
}

// The key under which a placeholder counts toward the distinct limit.
std::string DistinctKey(const Placeholder& p) {
  std::string key = p.kind == Placeholder::kUser      ? "u:"
                    : p.kind == Placeholder::kBuiltin ? "b:"
                                                      : "s:";
  for (char c : p.name) {
    key += p.kind == Placeholder::kParameterStore ? c : LowerAscii(c);
  }
  return key;
}

}  // namespace

TemplateScan ScanTemplate(std::string_view content, const Limits& limits) {
  TemplateScan out;
  auto fail = [&](Code code, Span span, std::string detail) {
    out.findings.violations.push_back(
        Violation{code, std::string(kField), span, std::move(detail)});
  };
  std::vector<std::string> distinct;  // sorted; at most limit + 1 entries
  bool count_reported = false;
  size_t i = 0;
  while (true) {
    const size_t open = content.find("{{", i);
    if (open == std::string_view::npos) break;
    const size_t close = content.find("}}", open + 2);
    if (close == std::string_view::npos) break;  // unclosed: plain text
    const Span span{open, close + 2 - open};
    std::string_view inner = content.substr(open + 2, close - open - 2);
    while (!inner.empty() && IsSpace(inner.front())) inner.remove_prefix(1);
    while (!inner.empty() && IsSpace(inner.back())) inner.remove_suffix(1);
    i = close + 2;

    std::optional<Placeholder> p;
    if (inner.empty()) {
      fail(Code::kCmdParamEmptyKey, span, "the placeholder has no name");
    } else if (StartsWithIgnoreCase(inner, "ACS::")) {
      const std::string_view name = inner.substr(5);
      const bool known = std::any_of(
          std::begin(kBuiltins), std::end(kBuiltins),
          [&](std::string_view b) { return EqualsIgnoreCase(b, name); });
      if (known) {
        p = Placeholder{Placeholder::kBuiltin, name, span};
      } else {
        fail(Code::kCmdParamInvalidParamName, span,
             "unknown built-in parameter ACS::" + std::string(name) +
                 " (known: RegionId, AccountId, InstanceId, InstanceName, "
                 "InvokeId, CommandId)");
      }
    } else if (inner.substr(0, 4) == "oos:" || inner.substr(0, 11) == "oos-secret:") {
      const std::string_view name = inner.substr(inner[3] == ':' ? 4 : 11);
      if (AllOf(name, StoreNameChar)) {
        p = Placeholder{Placeholder::kParameterStore, name, span};
      } else {
        fail(Code::kParameterStoreInvalidParameters, span,
             "a parameter-store name takes only letters, digits and _ . / -");
      }
    } else if (static_cast<int>(inner.size()) > limits.max_parameter_name_bytes) {
      fail(Code::kCmdParamNameExceedLimit, span,
           "the parameter name has " + std::to_string(inner.size()) +
               " bytes; the limit is " +
               std::to_string(limits.max_parameter_name_bytes));
    } else if (!AllOf(inner, UserNameChar)) {
      fail(Code::kCmdParamInvalidParamName, span,
           "a parameter name takes only letters, digits, _ and -");
    } else {
      p = Placeholder{Placeholder::kUser, inner, span};
    }
    if (!p) continue;
    out.placeholders.push_back(*p);
    if (count_reported) continue;  // `distinct` stays within limit + 1
    std::string key = DistinctKey(*p);
    auto it = std::lower_bound(distinct.begin(), distinct.end(), key);
    if (it != distinct.end() && *it == key) continue;
    distinct.insert(it, std::move(key));
    if (static_cast<int>(distinct.size()) > limits.max_content_parameters) {
      count_reported = true;
      fail(Code::kCmdParamCountExceedLimit, span,
           "more than " + std::to_string(limits.max_content_parameters) +
               " distinct parameters");
    }
  }
  // The count rule reports after the per-placeholder rules.
  std::stable_partition(
      out.findings.violations.begin(), out.findings.violations.end(),
      [](const Violation& v) { return v.code != Code::kCmdParamCountExceedLimit; });
  return out;
}

}  // namespace params
}  // namespace runcheck
