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

// Lower-cased user placeholder names of the content, sorted and unique.
std::vector<std::string> DefinedNames(const TemplateScan& content) {
  std::vector<std::string> names;
  for (const Placeholder& p : content.placeholders) {
    if (p.kind == Placeholder::kUser) names.push_back(ToLowerAscii(p.name));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

bool Contains(const std::vector<std::string>& sorted, std::string_view s) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), s,
                             [](const std::string& a, std::string_view b) { return a < b; });
  return it != sorted.end() && *it == s;
}

// For each key, the index of the first key equal to it (itself if none).
std::vector<size_t> FirstOccurrences(const std::vector<std::string>& keys) {
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const int c = keys[a].compare(keys[b]);
    return c != 0 ? c < 0 : a < b;
  });
  std::vector<size_t> first(keys.size());
  size_t group = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    if (i == 0 || keys[order[i]] != keys[order[group]]) group = i;
    first[order[i]] = order[group];
  }
  return first;
}

// The warnings of MissingValueWarnings(), given the sorted lower-cased keys.
std::vector<Warning> MissingValues(const TemplateScan& content,
                                   const std::vector<std::string>& given_sorted) {
  std::vector<Warning> out;
  std::vector<std::string> warned;
  for (const Placeholder& p : content.placeholders) {
    if (p.kind != Placeholder::kUser) continue;
    std::string name = ToLowerAscii(p.name);
    if (Contains(given_sorted, name) ||
        std::find(warned.begin(), warned.end(), name) != warned.end()) {
      continue;
    }
    out.push_back(Warning{"parameters.missing-value", "CommandContent", p.span,
                          "{{" + std::string(p.name) +
                              "}} has no value in Parameters; it renders as "
                              "the empty string"});
    warned.push_back(std::move(name));
  }
  return out;
}

std::vector<std::string> SortedLowerKeys(const std::vector<ParameterPair>& pairs) {
  std::vector<std::string> keys;
  keys.reserve(pairs.size());
  for (const ParameterPair& p : pairs) keys.push_back(ToLowerAscii(p.key));
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

std::vector<Warning> MissingValueWarnings(
    const TemplateScan& content, const std::vector<ParameterPair>& pairs) {
  return MissingValues(content, SortedLowerKeys(pairs));
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
  std::vector<std::string> lower(out.pairs.size());
  for (size_t i = 0; i < out.pairs.size(); ++i) lower[i] = ToLowerAscii(out.pairs[i].key);
  const std::vector<size_t> first = FirstOccurrences(lower);
  for (size_t i = 0; i < out.pairs.size(); ++i) {
    if (first[i] == i) continue;
    const ParameterPair& p = out.pairs[i];
    fail(Code::kParameterKeyDuplicate, PairField(p.key), p.key_span,
         "the key \"" + p.key + "\" repeats \"" + out.pairs[first[i]].key +
             "\" at offset " + std::to_string(out.pairs[first[i]].key_span.offset));
  }

  // Per-pair rules.
  const std::vector<std::string> defined =
      content != nullptr ? DefinedNames(*content) : std::vector<std::string>{};
  for (size_t i = 0; i < out.pairs.size(); ++i) {
    const ParameterPair& p = out.pairs[i];
    const Utf8Facts key = ScanUtf8(p.key);
    if (static_cast<int64_t>(key.code_points) > limits.max_parameter_key_chars) {
      fail(Code::kParameterKeyExceedLimit, PairField(p.key), p.key_span,
           "the key has " + std::to_string(key.code_points) +
               " characters; the limit is " +
               std::to_string(limits.max_parameter_key_chars));
    } else if (content != nullptr && !Contains(defined, lower[i])) {
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
    std::sort(lower.begin(), lower.end());
    out.findings.warnings = MissingValues(*content, lower);
  }
  return out;
}

}  // namespace params
}  // namespace runcheck
