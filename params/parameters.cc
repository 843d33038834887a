#include "params/parameters.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "params/internal/name_index.h"
#include "core/ascii.h"
#include "core/internal/concat.h"
#include "core/json_scan.h"
#include "core/utf8.h"

namespace runcheck {
namespace params {
namespace {

constexpr std::string_view kField = "Parameters";

std::string PairField(std::string_view key) { return core::Concat({kField, ".", key}); }

constexpr size_t kNone = static_cast<size_t>(-1);

// The keys of Parameters, indexed in one pass: each distinct key (ignoring
// case) with its first pair and the last pair of that key with a string
// value (kNone if none: the value rendering uses).
struct KeyIndex {
  NameIndex names;
  absl::InlinedVector<size_t, 8> first;        // by position in `names`
  absl::InlinedVector<size_t, 8> last_string;  // by position in `names`
  std::vector<size_t> repeats;  // pairs whose key appeared before, in order
};

KeyIndex IndexKeys(const std::vector<ParameterPair>& pairs) {
  KeyIndex index;
  for (size_t i = 0; i < pairs.size(); ++i) {
    bool added = false;
    const size_t at = index.names.Add(pairs[i].key, &added);
    if (added) {
      index.first.push_back(i);
      index.last_string.push_back(kNone);
    } else {
      index.repeats.push_back(i);
    }
    if (pairs[i].value_is_string) index.last_string[at] = i;
  }
  return index;
}

// The content's user parameter names.
NameIndex DefinedNames(const TemplateScan& content) {
  NameIndex defined;
  for (const TemplateScan::UserName& u : content.user_names) {
    const Placeholder& p = content.placeholders[u.first];
    bool added = false;
    defined.Add(p.name, p.name_hash, &added);
  }
  return defined;
}

// The missing-value warnings: one per user name of the content that no key
// gives, at its first placeholder, in content order.
std::vector<core::Warning> MissingValues(const TemplateScan& content, const KeyIndex& keys) {
  std::vector<core::Warning> out;
  for (const TemplateScan::UserName& u : content.user_names) {
    const Placeholder& p = content.placeholders[u.first];
    if (keys.names.Find(p.name, p.name_hash) != NameIndex::kAbsent) continue;
    out.push_back(core::Warning{"parameters.missing-value", "CommandContent", p.span,
                          core::Concat({"{{", p.name,
                                  "}} has no value in Parameters; it renders as the "
                                  "empty string"})});
  }
  return out;
}

// A parameter name's characters (SPEC 6): ASCII letters, digits, `_`, `-`.
bool IsNameCharacters(std::string_view key) {
  for (char c : key) {
    if (!core::IsAlnumAscii(c) && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace

std::vector<core::Warning> MissingValueWarnings(
    const TemplateScan& content, const std::vector<ParameterPair>& pairs) {
  return MissingValues(content, IndexKeys(pairs));
}

ParametersCheck CheckParameters(std::string_view json_text,
                                const core::Limits& limits,
                                const TemplateScan* content, const KeyCodes& key_codes) {
  ParametersCheck out;
  auto fail = [&](core::Code code, std::string field, core::Span span, std::string detail) {
    out.findings.Add(core::Violation{code, std::move(field), span, std::move(detail)},
                     limits.max_violations);
  };

  // The size change starts with every user placeholder taken out; the values
  // the pairs give are added at the end. (When the text is not an object,
  // there are no pairs, and every user placeholder renders empty.)
  if (content != nullptr) {
    for (const Placeholder& p : content->placeholders) {
      if (p.kind == Placeholder::kUser) out.substitution_delta -= static_cast<int64_t>(p.span.length);
    }
  }
  core::JsonScan json = core::ScanJson(json_text);
  out.storage = std::move(json.buffer);  // the items' views stay valid
  if (json.error) {
    fail(core::Code::kInvalidParameterParameters, std::string(kField),
         core::Span{json.error->offset, 0}, "not JSON: " + json.error->detail);
    return out;
  }
  if (json.root.kind != core::JsonKind::kObject) {
    fail(core::Code::kInvalidParameterParameters, std::string(kField), json.root.span,
         "a JSON " + std::string(core::JsonKindName(json.root.kind)) +
             ", not an object");
    return out;
  }

  out.pairs.reserve(json.items.size());
  for (core::JsonItem& item : json.items) {
    ParameterPair& p = out.pairs.emplace_back();
    p.key = item.key;
    p.key_span = item.key_span;
    p.value_span = item.span;
    p.value_is_string = item.kind == core::JsonKind::kString;
    if (p.value_is_string) p.value = item.string_value;
  }

  // Object-level rules.
  const size_t max_pairs = static_cast<size_t>(std::max(0, limits.max_parameter_pairs));
  if (out.pairs.size() > max_pairs) {
    fail(core::Code::kParameterCountExceedLimit, std::string(kField),
         out.pairs[max_pairs].key_span,
         std::to_string(out.pairs.size()) + " pairs; the limit is " +
             std::to_string(max_pairs));
  }
  const KeyIndex index = IndexKeys(out.pairs);
  for (size_t i : index.repeats) {
    const ParameterPair& p = out.pairs[i];
    if (!out.findings.HasRoom(limits.max_violations)) {  // no detail to build
      ++out.findings.dropped;
      continue;
    }
    const ParameterPair& first = out.pairs[index.first[index.names.Find(p.key)]];
    fail(core::Code::kParameterKeyDuplicate, PairField(p.key), p.key_span,
         "the key \"" + core::QuoteUserText(p.key) + "\" repeats \"" + core::QuoteUserText(first.key) +
             "\" at offset " + std::to_string(first.key_span.offset));
  }

  // Per-pair rules.
  const NameIndex defined = content != nullptr ? DefinedNames(*content) : NameIndex();
  for (size_t i = 0; i < out.pairs.size(); ++i) {
    const ParameterPair& p = out.pairs[i];
    // (Bytes bound code points, so a short key needs no count.)
    const size_t key_chars = static_cast<int64_t>(p.key.size()) > limits.max_parameter_key_chars
                                 ? core::ScanUtf8(p.key).code_points
                                 : p.key.size();
    if (p.key.empty()) {
      fail(key_codes.empty, PairField(p.key), p.key_span, "a key is 1 or more characters");
    } else if (static_cast<int64_t>(key_chars) > limits.max_parameter_key_chars) {
      fail(core::Code::kParameterKeyExceedLimit, PairField(p.key), p.key_span,
           "the key has " + std::to_string(key_chars) +
               " characters; the limit is " +
               std::to_string(limits.max_parameter_key_chars));
    } else if (key_codes.malformed && !IsNameCharacters(p.key)) {
      fail(*key_codes.malformed, PairField(p.key), p.key_span,
           "a key takes letters, digits, _ and - only");
    } else if (content != nullptr && defined.Find(p.key) == NameIndex::kAbsent) {
      fail(core::Code::kParameterNotMatched, PairField(p.key), p.key_span,
           core::Concat({"CommandContent has no {{", p.key, "}}"}));
    }
    if (!p.value_is_string) {
      fail(core::Code::kParameterTypeNotSupported, PairField(p.key), p.value_span,
           "the value is a JSON " +
               std::string(core::JsonKindName(json.items[i].kind)) +
               ", not a string");
      continue;
    }
    const core::Utf8Facts value = core::ScanUtf8(p.value);
    if (!value.valid || p.value.find('\0') != std::string_view::npos) {
      fail(core::Code::kInvalidParameterCharsetParameters, PairField(p.key),
           p.value_span,
           !value.valid ? "the value is not valid UTF-8 (decoded byte " +
                              std::to_string(value.first_invalid) + ")"
                        : "the value holds a NUL character");
    }
  }
  if (content != nullptr) {
    out.findings.warnings = MissingValues(*content, index);
    for (const TemplateScan::UserName& u : content->user_names) {
      const Placeholder& p = content->placeholders[u.first];
      const size_t at = index.names.Find(p.name, p.name_hash);
      const size_t pair = at == NameIndex::kAbsent ? kNone : index.last_string[at];
      if (pair != kNone) {
        out.substitution_delta += static_cast<int64_t>(u.uses * out.pairs[pair].value.size());
      }
    }
  }
  return out;
}

}  // namespace params
}  // namespace runcheck
