#include "params/template.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "absl/container/inlined_vector.h"
#include "params/internal/name_index.h"
#include "core/ascii.h"
#include "core/utf8.h"

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

bool UserNameChar(unsigned char c) { return core::IsAlnumAscii(c) || c == '_' || c == '-'; }
bool StoreNameChar(unsigned char c) {
  return core::IsAlnumAscii(c) || c == '_' || c == '.' || c == '/' || c == '-';
}

// Whether two placeholders count once toward the distinct limit: same kind
// and name (ignoring case, but for parameter-store names).
bool SameName(const Placeholder& a, const Placeholder& b) {
  if (a.kind != b.kind) return false;
  return a.kind == Placeholder::kParameterStore ? a.secret == b.secret && a.name == b.name
                                                : a.name_hash == b.name_hash &&
                                                      core::EqualsIgnoreCase(a.name, b.name);
}

// Whether `s` is a user parameter name ([A-Za-z0-9_-]+); if so, its
// FoldedHash (core/ascii.h), computed in the same pass.
bool UserName(std::string_view s, uint64_t* hash) {
  uint64_t h = core::kFoldedHashSeed;
  for (char c : s) {
    if (!UserNameChar(static_cast<unsigned char>(c))) return false;
    h = core::FoldedHashStep(h, c);
  }
  *hash = h;
  return !s.empty();
}

// The offset of the first `cc` pair at or after `from`, or npos.
size_t FindPair(std::string_view s, size_t from, char c) {
  while (from + 1 < s.size()) {
    const void* hit = std::memchr(s.data() + from, c, s.size() - from - 1);
    if (hit == nullptr) return std::string_view::npos;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
    if (s[at + 1] == c) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

}  // namespace

TemplateScan ScanTemplate(std::string_view content, const core::Limits& limits) {
  TemplateScan out;
  auto fail = [&](core::Code code, core::Span span, std::string detail) {
    out.findings.Add(core::Violation{code, std::string(kField), span, std::move(detail)},
                     limits.max_violations);
  };
  // One placeholder per distinct name so far; at most limit + 1 entries, so
  // the linear search stays bounded.
  absl::InlinedVector<size_t, 24> distinct;  // indexes into out.placeholders
  bool count_reported = false;
  NameIndex user_names;
  out.placeholders.reserve(32);
  out.user_names.reserve(8);
  size_t i = 0;
  while (true) {
    const size_t open = FindPair(content, i, '{');
    if (open == std::string_view::npos) break;
    const size_t close = FindPair(content, open + 2, '}');
    if (close == std::string_view::npos) break;  // unclosed: plain text
    const core::Span span{open, close + 2 - open};
    std::string_view inner = content.substr(open + 2, close - open - 2);
    while (!inner.empty() && IsSpace(inner.front())) inner.remove_prefix(1);
    while (!inner.empty() && IsSpace(inner.back())) inner.remove_suffix(1);
    i = close + 2;

    std::optional<Placeholder> p;  // a built-in or parameter-store reference
    bool is_new = false;           // a name `distinct` does not hold yet
    if (inner.empty()) {
      fail(core::Code::kCmdParamEmptyKey, span, "the placeholder has no name");
    } else if ((inner[0] == 'A' || inner[0] == 'a') && core::StartsWithIgnoreCase(inner, "ACS::")) {
      const std::string_view name = inner.substr(5);
      const bool known = std::any_of(
          std::begin(kBuiltins), std::end(kBuiltins),
          [&](std::string_view b) { return core::EqualsIgnoreCase(b, name); });
      if (known) {
        p = Placeholder{Placeholder::kBuiltin, name, span};
      } else {
        fail(core::Code::kCmdParamInvalidParamName, span,
             "unknown built-in parameter ACS::" + core::QuoteUserText(name) +
                 " (known: RegionId, AccountId, InstanceId, InstanceName, "
                 "InvokeId, CommandId)");
      }
    } else if (inner[0] == 'o' &&
               (inner.substr(0, 4) == "oos:" || inner.substr(0, 11) == "oos-secret:")) {
      const std::string_view name = inner.substr(inner[3] == ':' ? 4 : 11);
      if (AllOf(name, StoreNameChar)) {
        p = Placeholder{Placeholder::kParameterStore, name, span};
        p->secret = inner[3] != ':';
      } else {
        fail(core::Code::kParameterStoreInvalidParameters, span,
             "a parameter-store name takes only letters, digits and _ . / -");
      }
    } else if (static_cast<int>(inner.size()) > limits.max_parameter_name_bytes) {
      fail(core::Code::kCmdParamNameExceedLimit, span,
           "the parameter name has " + std::to_string(inner.size()) +
               " bytes; the limit is " +
               std::to_string(limits.max_parameter_name_bytes));
    } else if (uint64_t hash = 0; !UserName(inner, &hash)) {
      fail(core::Code::kCmdParamInvalidParamName, span,
           "a parameter name takes only letters, digits, _ and -");
    } else {
      // The usual case, kept lean: a user name is new to `distinct` exactly
      // when it is new to `user_names`.
      out.placeholders.push_back(Placeholder{Placeholder::kUser, inner, span, hash});
      bool added = false;
      const size_t at = user_names.Add(inner, hash, &added);
      if (added) out.user_names.push_back({out.placeholders.size() - 1, 0});
      ++out.user_names[at].uses;
      is_new = added;
    }
    if (p) {  // a built-in or a parameter-store reference
      p->name_hash = p->kind == Placeholder::kParameterStore ? 0 : core::FoldedHash(p->name);
      out.placeholders.push_back(*p);
      is_new = !count_reported &&
               std::none_of(distinct.begin(), distinct.end(),
                            [&](size_t d) { return SameName(out.placeholders[d], *p); });
    }
    // (`distinct` stays within limit + 1 entries.)
    if (!is_new || count_reported) continue;
    distinct.push_back(out.placeholders.size() - 1);
    if (static_cast<int>(distinct.size()) > limits.max_content_parameters) {
      count_reported = true;
      fail(core::Code::kCmdParamCountExceedLimit, span,
           "more than " + std::to_string(limits.max_content_parameters) +
               " distinct parameters");
    }
  }
  // The count rule reports after the per-placeholder rules.
  std::stable_partition(
      out.findings.violations.begin(), out.findings.violations.end(),
      [](const core::Violation& v) { return v.code != core::Code::kCmdParamCountExceedLimit; });
  return out;
}

}  // namespace params
}  // namespace runcheck
