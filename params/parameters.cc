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

using Names = std::vector<std::string_view>;  // sorted by LessIgnoreCase

// The user placeholder names of the content, sorted ignoring case, unique.
Names DefinedNames(const TemplateScan& content) {
  Names names;
  for (const Placeholder& p : content.placeholders) {
    if (p.kind == Placeholder::kUser) names.push_back(p.name);
  }
  std::sort(names.begin(), names.end(), LessIgnoreCase());
  names.erase(std::unique(names.begin(), names.end(), EqualsIgnoreCase), names.end());
  return names;
}

// The position of `s` in `sorted`, or sorted.size().
size_t Find(const Names& sorted, std::string_view s) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), s, LessIgnoreCase());
  return it != sorted.end() && EqualsIgnoreCase(*it, s) ? static_cast<size_t>(it - sorted.begin())
                                                        : sorted.size();
}

// For each key, the index of the first key equal to it ignoring case
// (itself if none).
std::vector<size_t> FirstOccurrences(const std::vector<ParameterPair>& pairs) {
  std::vector<size_t> order(pairs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const int c = CompareIgnoreCase(pairs[a].key, pairs[b].key);
    return c != 0 ? c < 0 : a < b;
  });
  std::vector<size_t> first(pairs.size());
  size_t group = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || !EqualsIgnoreCase(pairs[order[i]].key, pairs[order[group]].key)) group = i;
    first[order[i]] = order[group];
  }
  return first;
}

Names SortedKeys(const std::vector<ParameterPair>& pairs) {
  Names keys;
  keys.reserve(pairs.size());
  for (const ParameterPair& p : pairs) keys.push_back(p.key);
  std::sort(keys.begin(), keys.end(), LessIgnoreCase());
  return keys;
}

// The warnings of MissingValueWarnings(), given the content's defined names
// and the keys of Parameters.
std::vector<Warning> MissingValues(const TemplateScan& content, const Names& defined,
                                   const Names& given) {
  std::vector<Warning> out;
  std::vector<bool> warned(defined.size(), false);
  for (const Placeholder& p : content.placeholders) {
    if (p.kind != Placeholder::kUser || Find(given, p.name) != given.size()) continue;
    const size_t at = Find(defined, p.name);
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
  return MissingValues(content, DefinedNames(content), SortedKeys(pairs));
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
  const Names defined = content != nullptr ? DefinedNames(*content) : Names{};
  for (size_t i = 0; i < out.pairs.size(); ++i) {
    const ParameterPair& p = out.pairs[i];
    const Utf8Facts key = ScanUtf8(p.key);
    if (static_cast<int64_t>(key.code_points) > limits.max_parameter_key_chars) {
      fail(Code::kParameterKeyExceedLimit, PairField(p.key), p.key_span,
           "the key has " + std::to_string(key.code_points) +
               " characters; the limit is " +
               std::to_string(limits.max_parameter_key_chars));
    } else if (content != nullptr && Find(defined, p.key) == defined.size()) {
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
    out.findings.warnings = MissingValues(*content, defined, SortedKeys(out.pairs));
  }
  return out;
}

}  // namespace params
}  // namespace runcheck
