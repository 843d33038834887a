#include "params/parameters.h"

#include <algorithm>
#include <cstdint>
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

// FNV-1a over the ASCII-lower-cased bytes: equal for names that compare
// equal ignoring case. Only groups names; every match is confirmed with
// EqualsIgnoreCase, and no output order depends on it.
uint64_t FoldedHash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(LowerAscii(c));
    h *= 1099511628211ull;
  }
  return h;
}

// A name with its folded hash, ordered by hash and then by the name ignoring
// case: equal names are adjacent, and the hash settles almost every
// comparison without looking at the bytes. Collisions only cost the name
// comparison, never correctness or the O(n log n) bound.
struct HashedName {
  uint64_t hash;
  std::string_view name;

  friend bool operator<(const HashedName& a, const HashedName& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    return CompareIgnoreCase(a.name, b.name) < 0;
  }
  bool Same(const HashedName& o) const { return hash == o.hash && EqualsIgnoreCase(name, o.name); }
};

// A set of names compared ignoring ASCII case.
class NameSet {
 public:
  explicit NameSet(std::vector<HashedName> names) : entries_(std::move(names)) {
    std::sort(entries_.begin(), entries_.end());
    entries_.erase(std::unique(entries_.begin(), entries_.end(),
                               [](const HashedName& a, const HashedName& b) { return a.Same(b); }),
                   entries_.end());
  }
  // From names already sorted and distinct.
  static NameSet FromSortedDistinct(std::vector<HashedName> names) {
    NameSet set({});
    set.entries_ = std::move(names);
    return set;
  }

  // The position of `key`, or size().
  size_t Find(const HashedName& key) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), key);
    return it != entries_.end() && it->Same(key) ? static_cast<size_t>(it - entries_.begin())
                                                 : entries_.size();
  }
  bool Contains(const HashedName& key) const { return Find(key) != entries_.size(); }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<HashedName> entries_;
};

HashedName Hashed(std::string_view name) { return HashedName{FoldedHash(name), name}; }

// The user placeholders of the content with their hashed names, in order.
std::vector<std::pair<HashedName, const Placeholder*>> UserPlaceholders(
    const TemplateScan& content) {
  std::vector<std::pair<HashedName, const Placeholder*>> out;
  for (const Placeholder& p : content.placeholders) {
    if (p.kind == Placeholder::kUser) out.emplace_back(Hashed(p.name), &p);
  }
  return out;
}

NameSet NamesOf(const std::vector<std::pair<HashedName, const Placeholder*>>& placeholders) {
  std::vector<HashedName> names;
  names.reserve(placeholders.size());
  for (const auto& p : placeholders) names.push_back(p.first);
  return NameSet(std::move(names));
}

// The keys of Parameters, indexed by one sort: for each key the index of the
// first key equal to it ignoring case (itself if none), and the set of
// distinct keys.
struct KeyIndex {
  std::vector<size_t> first;
  NameSet distinct;
};

KeyIndex IndexKeys(const std::vector<HashedName>& keys) {
  std::vector<std::pair<HashedName, size_t>> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = {keys[i], i};
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.first < b.first) return true;
    if (b.first < a.first) return false;
    return a.second < b.second;
  });
  std::vector<size_t> first(keys.size());
  std::vector<HashedName> distinct;
  size_t group = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || !order[i].first.Same(order[group].first)) {
      group = i;
      distinct.push_back(order[i].first);
    }
    first[order[i].second] = order[group].second;
  }
  return {std::move(first), NameSet::FromSortedDistinct(std::move(distinct))};
}

// The warnings of MissingValueWarnings(), given the content's defined names
// and the keys of Parameters.
std::vector<Warning> MissingValues(
    const std::vector<std::pair<HashedName, const Placeholder*>>& placeholders,
    const NameSet& defined, const NameSet& given) {
  std::vector<Warning> out;
  std::vector<bool> warned(defined.size(), false);
  for (const auto& [name, placeholder] : placeholders) {
    if (given.Contains(name)) continue;
    const Placeholder& p = *placeholder;
    const size_t at = defined.Find(name);
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
  const auto placeholders = UserPlaceholders(content);
  std::vector<HashedName> keys;
  for (const ParameterPair& p : pairs) keys.push_back(Hashed(p.key));
  return MissingValues(placeholders, NamesOf(placeholders), IndexKeys(keys).distinct);
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
    p.key = std::string(item.key);
    p.key_span = item.key_span;
    p.value_span = item.span;
    p.value_is_string = item.kind == JsonKind::kString;
    if (p.value_is_string) p.value = std::string(item.string_value);
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
  std::vector<HashedName> keys;
  keys.reserve(out.pairs.size());
  for (const ParameterPair& p : out.pairs) keys.push_back(Hashed(p.key));
  const KeyIndex index = IndexKeys(keys);
  const std::vector<size_t>& first = index.first;
  for (size_t i = 0; i < out.pairs.size(); ++i) {
    if (first[i] == i) continue;
    const ParameterPair& p = out.pairs[i];
    fail(Code::kParameterKeyDuplicate, PairField(p.key), p.key_span,
         "the key \"" + p.key + "\" repeats \"" + out.pairs[first[i]].key +
             "\" at offset " + std::to_string(out.pairs[first[i]].key_span.offset));
  }

  // Per-pair rules.
  const auto placeholders =
      content != nullptr ? UserPlaceholders(*content)
                         : std::vector<std::pair<HashedName, const Placeholder*>>{};
  const NameSet defined = NamesOf(placeholders);
  for (size_t i = 0; i < out.pairs.size(); ++i) {
    const ParameterPair& p = out.pairs[i];
    const Utf8Facts key = ScanUtf8(p.key);
    if (static_cast<int64_t>(key.code_points) > limits.max_parameter_key_chars) {
      fail(Code::kParameterKeyExceedLimit, PairField(p.key), p.key_span,
           "the key has " + std::to_string(key.code_points) +
               " characters; the limit is " +
               std::to_string(limits.max_parameter_key_chars));
    } else if (content != nullptr && !defined.Contains(keys[i])) {
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
    out.findings.warnings = MissingValues(placeholders, defined, index.distinct);
  }
  return out;
}

}  // namespace params
}  // namespace runcheck
