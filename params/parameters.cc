#include "params/parameters.h"

#include <algorithm>
#include <utility>

#include "rules/ascii.h"
#include "rules/json_scan.h"
#include "rules/utf8.h"

namespace runcheck {
namespace params {
namespace {

constexpr std::string_view kField = "Parameters";

std::string PairField(std::string_view key) {
  std::string f(kField);
  f += '.';
  f += key;
  return f;
}

// A set of names compared ignoring ASCII case. A few names (the usual case)
// are searched linearly; beyond kLinear they are sorted and binary-searched,
// so a hostile text with thousands of names stays O(n log n).
class NameSet {
 public:
  static constexpr size_t kLinear = 16;

  explicit NameSet(std::vector<std::string_view> names) : names_(std::move(names)) {
    if (names_.size() <= kLinear) {
      size_t kept = 0;
      for (size_t i = 0; i < names_.size(); ++i) {
        bool seen = false;
        for (size_t j = 0; j < kept && !seen; ++j) seen = EqualsIgnoreCase(names_[j], names_[i]);
        if (!seen) names_[kept++] = names_[i];
      }
      names_.resize(kept);
    } else {
      std::sort(names_.begin(), names_.end(), LessIgnoreCase());
      names_.erase(std::unique(names_.begin(), names_.end(), EqualsIgnoreCase), names_.end());
      sorted_ = true;
    }
  }

  // The position of `s`, or size().
  size_t Find(std::string_view s) const {
    if (!sorted_) {
      for (size_t i = 0; i < names_.size(); ++i) {
        if (EqualsIgnoreCase(names_[i], s)) return i;
      }
      return names_.size();
    }
    auto it = std::lower_bound(names_.begin(), names_.end(), s, LessIgnoreCase());
    return it != names_.end() && EqualsIgnoreCase(*it, s)
               ? static_cast<size_t>(it - names_.begin())
               : names_.size();
  }
  bool Contains(std::string_view s) const { return Find(s) != names_.size(); }
  size_t size() const { return names_.size(); }

 private:
  std::vector<std::string_view> names_;
  bool sorted_ = false;
};

// The user placeholder names of the content.
NameSet DefinedNames(const TemplateScan& content) {
  std::vector<std::string_view> names;
  for (const Placeholder& p : content.placeholders) {
    if (p.kind == Placeholder::kUser) names.push_back(p.name);
  }
  return NameSet(std::move(names));
}

NameSet Keys(const std::vector<ParameterPair>& pairs) {
  std::vector<std::string_view> keys;
  keys.reserve(pairs.size());
  for (const ParameterPair& p : pairs) keys.push_back(p.key);
  return NameSet(std::move(keys));
}

// For each key, the index of the first key equal to it ignoring case
// (itself if none).
std::vector<size_t> FirstOccurrences(const std::vector<ParameterPair>& pairs) {
  std::vector<size_t> first(pairs.size());
  if (pairs.size() <= NameSet::kLinear) {
    for (size_t i = 0; i < pairs.size(); ++i) {
      first[i] = i;
      for (size_t j = 0; j < i; ++j) {
        if (EqualsIgnoreCase(pairs[j].key, pairs[i].key)) {
          first[i] = j;
          break;
        }
      }
    }
    return first;
  }
  std::vector<size_t> order(pairs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const int c = CompareIgnoreCase(pairs[a].key, pairs[b].key);
    return c != 0 ? c < 0 : a < b;
  });
  size_t group = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || !EqualsIgnoreCase(pairs[order[i]].key, pairs[order[group]].key)) group = i;
    first[order[i]] = order[group];
  }
  return first;
}

// The warnings of MissingValueWarnings(), given the content's defined names
// and the keys of Parameters.
std::vector<Warning> MissingValues(const TemplateScan& content, const NameSet& defined,
                                   const NameSet& given) {
  std::vector<Warning> out;
  std::vector<bool> warned(defined.size(), false);
  for (const Placeholder& p : content.placeholders) {
    if (p.kind != Placeholder::kUser || given.Contains(p.name)) continue;
    const size_t at = defined.Find(p.name);
    if (warned[at]) continue;
    warned[at] = true;
    out.push_back(Warning{"parameters.missing-value", "CommandContent", p.span,
                          "{{" + std::string(p.name) +
                              "}} has no value in Parameters; it renders as "
                              "the empty string"});
  }
  return out;
}

}  // namespace

std::vector<Warning> MissingValueWarnings(
    const TemplateScan& content, const std::vector<ParameterPair>& pairs) {
  return MissingValues(content, DefinedNames(content), Keys(pairs));
}

ParametersCheck CheckParameters(std::string_view json_text,
                                const Limits& limits,
                                const TemplateScan* content) {
  ParametersCheck out;
  auto fail = [&](Code code, std::string field, Span span, std::string detail) {
    out.findings.violations.push_back(
        Violation{code, std::move(field), span, std::move(detail)});
  };

  JsonScan json = ScanJson(json_text);
  if (json.error) {
    fail(Code::kInvalidParameterParameters, std::string(kField),
         Span{json.error->offset, 0}, "not JSON: " + json.error->detail);
    return out;
  }
  if (json.root.kind != JsonKind::kObject) {
    fail(Code::kInvalidParameterParameters, std::string(kField), json.root.span,
         "a JSON " + std::string(JsonKindName(json.root.kind)) +
             ", not an object");
    return out;
  }

  out.pairs.reserve(json.items.size());
  for (JsonItem& item : json.items) {
    ParameterPair p;
    p.key = std::move(item.key);
    p.key_span = item.key_span;
    p.value_span = item.span;
    p.value_is_string = item.kind == JsonKind::kString;
    if (p.value_is_string) p.value = std::move(item.string_value);
    out.pairs.push_back(std::move(p));
  }

  // Object-level rules.
  const size_t max_pairs = static_cast<size_t>(std::max(0, limits.max_parameter_pairs));
  if (out.pairs.size() > max_pairs) {
    fail(Code::kParameterCountExceedLimit, std::string(kField),
         out.pairs[max_pairs].key_span,
         std::to_string(out.pairs.size()) + " pairs; the limit is " +
             std::to_string(max_pairs));
  }
  const std::vector<size_t> first = FirstOccurrences(out.pairs);
  for (size_t i = 0; i < out.pairs.size(); ++i) {
    if (first[i] == i) continue;
    const ParameterPair& p = out.pairs[i];
    fail(Code::kParameterKeyDuplicate, PairField(p.key), p.key_span,
         "the key \"" + p.key + "\" repeats \"" + out.pairs[first[i]].key +
             "\" at offset " + std::to_string(out.pairs[first[i]].key_span.offset));
  }

  // Per-pair rules.
  const NameSet defined = content != nullptr ? DefinedNames(*content) : NameSet({});
  for (size_t i = 0; i < out.pairs.size(); ++i) {
    const ParameterPair& p = out.pairs[i];
    const Utf8Facts key = ScanUtf8(p.key);
    if (static_cast<int64_t>(key.code_points) > limits.max_parameter_key_chars) {
      fail(Code::kParameterKeyExceedLimit, PairField(p.key), p.key_span,
           "the key has " + std::to_string(key.code_points) +
               " characters; the limit is " +
               std::to_string(limits.max_parameter_key_chars));
    } else if (content != nullptr && !defined.Contains(p.key)) {
      fail(Code::kParameterNotMatched, PairField(p.key), p.key_span,
           "CommandContent has no {{" + p.key + "}}");
    }
    if (!p.value_is_string) {
      fail(Code::kParameterTypeNotSupported, PairField(p.key), p.value_span,
           "the value is a JSON " +
               std::string(JsonKindName(json.items[i].kind)) +
               ", not a string");
      continue;
    }
    const Utf8Facts value = ScanUtf8(p.value);
    if (!value.valid || p.value.find('\0') != std::string::npos) {
      fail(Code::kInvalidParameterCharsetParameters, PairField(p.key),
           p.value_span,
           !value.valid ? "the value is not valid UTF-8 (decoded byte " +
                              std::to_string(value.first_invalid) + ")"
                        : "the value holds a NUL character");
    }
  }
  if (content != nullptr) {
    out.findings.warnings = MissingValues(*content, defined, Keys(out.pairs));
  }
  return out;
}

}  // namespace params
}  // namespace runcheck
