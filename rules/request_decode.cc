#include "rules/request_decode.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <tuple>
#include <string>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"

#include "core/internal/concat.h"
#include "core/json_scan.h"
#include "core/utf8.h"
#include "rules/parameter_table.h"

namespace runcheck {
namespace rules {
namespace {

core::Violation Malformed(size_t offset, size_t length, std::string detail) {
  return core::Violation{core::Code::kInvalidRequestMalformed, "", core::Span{offset, length},
                   std::move(detail)};
}

// The keys (or members) seen so far, to refuse a repeated one: the action's
// parameters by their place in its table, a bit each, any other key by its
// text (views into the DecodedRequest's storage).
class SeenKeys {
 public:
  explicit SeenKeys(const ParameterTable& table) : table_(table) {}

  // False when `key` (`spec`, if it names one) was seen before.
  bool Insert(std::string_view key, const ParameterSpec* spec) {
    if (spec != nullptr) {
      const uint64_t bit = uint64_t{1} << table_.IndexOf(spec);
      const bool seen = (bits_ & bit) != 0;
      bits_ |= bit;
      return !seen;
    }
    return others_.insert(key).second;
  }

 private:
  const ParameterTable& table_;
  uint64_t bits_ = 0;
  absl::flat_hash_set<std::string_view> others_;
};

// A list index: 1..kMaxListIndex, no leading zero. 0 when malformed.
int ParseIndex(std::string_view digits) {
  if (digits.empty() || digits.size() > 5 || digits[0] == '0') return 0;
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n <= kMaxListIndex ? n : 0;
}

// Hexadecimal digit values; -1 for other bytes.
constexpr std::array<int8_t, 256> kHexValue = [] {
  std::array<int8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = c >= '0' && c <= '9'   ? static_cast<int8_t>(c - '0')
           : c >= 'a' && c <= 'f' ? static_cast<int8_t>(c - 'a' + 10)
           : c >= 'A' && c <= 'F' ? static_cast<int8_t>(c - 'A' + 10)
                                  : int8_t{-1};
  }
  return t;
}();

// Percent-decodes text[begin, end) (`+` is a space) to `*out`, which
// advances past the decoded bytes (never more than end - begin). On a bad
// escape, returns false with `*error_at` set to the offset of its `%`.
bool PercentDecode(std::string_view text, size_t begin, size_t end, char** out,
                   size_t* error_at) {
  char* w = *out;
  const char* const data = text.data();
  size_t i = begin;
#if defined(__SSE2__)
  const __m128i percent = _mm_set1_epi8('%'), plus = _mm_set1_epi8('+');
#endif
  while (i < end) {
    const unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == '%') {  // escapes often come in a row: "%7B%7B"
      const int h = end - i > 2 ? kHexValue[static_cast<unsigned char>(data[i + 1])] : -1;
      const int l = end - i > 2 ? kHexValue[static_cast<unsigned char>(data[i + 2])] : -1;
      if ((h | l) < 0) {
        *error_at = i;
        return false;
      }
      *w++ = static_cast<char>(h << 4 | l);
      i += 3;
      continue;
    }
    if (c == '+') {
      *w++ = ' ';
      ++i;
      continue;
    }
#if defined(__SSE2__)
    // A plain byte: copy 16 bytes at a time up to the next `%` or `+`, or
    // `end`. A block may reach past `end` (not past the text): what lies
    // there is not used. The output never overtakes the input, so a whole
    // block always fits behind it.
    if (i + 16 <= text.size()) {
      while (i + 16 <= text.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        unsigned hits = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, percent), _mm_cmpeq_epi8(v, plus))));
        if (end - i < 16) hits |= 1u << (end - i);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(w), v);
        const size_t run = hits == 0 ? 16 : static_cast<size_t>(__builtin_ctz(hits));
        w += run;
        i += run;
        if (hits != 0) break;
      }
      continue;
    }
#endif
    *w++ = static_cast<char>(c);
    ++i;
  }
  *out = w;
  return true;
}

// A result for `form`; malformed when the envelope is not UTF-8.
DecodedRequest Begin(WireForm form, std::string_view text) {
  DecodedRequest d;
  d.form = form;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    d.envelope_error = Malformed(0, 3,
                            "the request starts with a UTF-8 byte order mark (EF BB BF); "
                            "send it without one");
  } else if (const std::optional<size_t> bad = core::FirstInvalidUtf8(text)) {
    d.envelope_error = Malformed(*bad, 1, "invalid UTF-8 in the request");
  }
  return d;
}

// Query-form list entries arrive in any order, and a tag's Key and Value as
// separate keys. They are appended as they come and put in index order once
// at the end (sorting, not inserting in place: 10,000 entries in descending
// order stay O(n log n)); a tag's two halves then sit side by side and merge.
void SortByIndex(std::vector<ListEntry>& list) {
  std::stable_sort(list.begin(), list.end(),
                   [](const ListEntry& a, const ListEntry& b) { return a.index < b.index; });
}

void SortAndMergeByIndex(std::vector<TagEntry>& list) {
  std::stable_sort(list.begin(), list.end(),
                   [](const TagEntry& a, const TagEntry& b) { return a.index < b.index; });
  size_t kept = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    if (kept > 0 && list[kept - 1].index == list[i].index) {
      TagEntry& into = list[kept - 1];
      if (list[i].key) into.key = std::move(list[i].key);
      if (list[i].value) into.value = std::move(list[i].value);
    } else {
      if (kept != i) list[kept] = std::move(list[i]);
      ++kept;
    }
  }
  list.resize(kept);
}

}  // namespace

namespace {

// A list key of the query form (`Tag.3.Key`), for finding repeated ones
// after the pass: two list keys are the same text exactly when list, index
// and half match (indexes have no leading zeros).
struct ListKey {
  size_t list;  // the list's place in the action's table
  int half;     // 0 (a list of strings), 1 Key, 2 Value
  int index;
  core::Span span;       // the key in the text
  std::string_view key;  // decoded
};

// The first list key (by offset) that repeats an earlier one, if any.
std::optional<ListKey> FirstRepeatedListKey(absl::InlinedVector<ListKey, 16>& keys) {
  std::sort(keys.begin(), keys.end(), [](const ListKey& a, const ListKey& b) {
    return std::tie(a.list, a.half, a.index, a.span.offset) <
           std::tie(b.list, b.half, b.index, b.span.offset);
  });
  std::optional<ListKey> first;
  for (size_t i = 1; i < keys.size(); ++i) {
    const ListKey& a = keys[i - 1];
    const ListKey& b = keys[i];
    if (a.list == b.list && a.half == b.half && a.index == b.index &&
        (!first || b.span.offset < first->span.offset)) {
      first = b;
    }
  }
  return first;
}

// A scalar's value into its member, or into Request::other.
void SetScalar(const ParameterSpec& p, std::string_view value, Request& r) {
  if (p.scalar != nullptr) {
    r.*p.scalar = value;
  } else {
    r.other.push_back(NamedValue{p.name, value});
  }
}

// The query form's pairs into `d`, lists in arrival order. Keys and values
// are decoded into d.storage, one after the other. A repeated scalar or
// unknown key is found as it comes; a repeated list key after the pass
// (sorting a few entries beats hashing every key), and the first repeat or
// other error in text order is reported.
void DecodeQueryPairs(std::string_view text, const ParameterTable& table, DecodedRequest& d) {
  Request& r = d.request;
  d.storage.reset(new char[text.size() + 1]);
  char* w = d.storage.get();
  SeenKeys seen(table);
  absl::InlinedVector<ListKey, 16> list_keys;
  size_t pos = !text.empty() && text[0] == '?' ? 1 : 0;
  while (pos <= text.size()) {
    size_t end = text.find('&', pos);
    if (end == std::string_view::npos) end = text.size();
    const size_t begin = pos;
    pos = end + 1;
    if (begin == end) continue;
    // (Searched within the pair only: a text of many pairs without `=`
    // stays linear.)
    size_t eq = text.substr(begin, end - begin).find('=');
    eq = eq == std::string_view::npos ? end : begin + eq;
    size_t bad = 0;
    char* const key_start = w;
    const bool key_ok = PercentDecode(text, begin, eq, &w, &bad);
    const std::string_view key(key_start, static_cast<size_t>(w - key_start));
    char* const value_start = w;
    if (!key_ok || (eq < end && !PercentDecode(text, eq + 1, end, &w, &bad))) {
      d.envelope_error = Malformed(bad, std::min<size_t>(3, end - bad),
                                   "a % escape needs two hexadecimal digits");
      break;
    }
    const std::string_view value(value_start, static_cast<size_t>(w - value_start));
    const core::Span key_span{begin, eq - begin};
    auto repeated = [&] {
      d.envelope_error = Malformed(key_span.offset, key_span.length,
                                   "the key " + core::QuoteUserText(key) + " is repeated");
    };
    if (const ParameterSpec* const p = table.Find(key); p != nullptr && p->shape == Shape::kScalar) {
      if (!seen.Insert(key, p)) {
        repeated();
        break;
      }
      SetScalar(*p, value, r);
      continue;
    }
    // Lists: `List.N` for a list of strings, `List.N.Key` / `List.N.Value`
    // for a list of Key/Value objects.
    const size_t dot = key.find('.');
    const ParameterSpec* const list =
        dot == std::string_view::npos ? nullptr : table.Find(key.substr(0, dot));
    std::string_view rest = dot == std::string_view::npos ? "" : key.substr(dot + 1);
    int half = 0;
    if (list != nullptr && list->shape == Shape::kKeyValueList) {
      const size_t dot2 = rest.find('.');
      const std::string_view field =
          dot2 == std::string_view::npos ? "" : rest.substr(dot2 + 1);
      half = field == "Key" ? 1 : field == "Value" ? 2 : -1;
      rest = rest.substr(0, dot2);
    }
    if (list == nullptr || list->shape == Shape::kScalar || half < 0) {
      // Unknown: ignored, but not twice.
      if (!seen.Insert(key, nullptr)) {
        repeated();
        break;
      }
      if (!IsEnvelopeKey(key)) r.unknown_keys.push_back(UnknownKey{key, {}, 0});
      continue;
    }
    const int index = ParseIndex(rest);
    if (index == 0) {
      d.envelope_error = Malformed(key_span.offset, key_span.length,
                                   "a list index is 1 to " + std::to_string(kMaxListIndex) +
                                       " without leading zeros: " + core::QuoteUserText(key));
      break;
    }
    list_keys.push_back(ListKey{table.IndexOf(list), half, index, key_span, key});
    if (list->shape == Shape::kList) {
      (r.*list->list).push_back(ListEntry{index, value});
    } else {
      TagEntry e;
      e.index = index;
      (half == 1 ? e.key : e.value) = value;
      (r.*list->key_values).push_back(e);
    }
  }
  // Every list key seen lies before any error found above.
  if (std::optional<ListKey> at = FirstRepeatedListKey(list_keys)) {
    d.envelope_error = Malformed(at->span.offset, at->span.length,
                                 "the key " + core::QuoteUserText(at->key) + " is repeated");
  }
}

// The value of the first `Action` key of the query form, decoded, with its
// span in the text; nullopt when there is none. A bad escape inside it is
// left to the pass over the pairs.
struct NamedAction {
  std::string name;
  core::Span span;
};

std::optional<NamedAction> FindQueryAction(std::string_view text) {
  constexpr std::string_view kAction = "Action";
  size_t pos = !text.empty() && text[0] == '?' ? 1 : 0;
  while (pos < text.size()) {
    size_t end = text.find('&', pos);
    if (end == std::string_view::npos) end = text.size();
    const size_t begin = pos;
    pos = end + 1;
    size_t eq = text.substr(begin, end - begin).find('=');
    eq = eq == std::string_view::npos ? end : begin + eq;
    // "Action" is 6 bytes, 18 when every letter is escaped.
    if (eq - begin < kAction.size() || eq - begin > 3 * kAction.size()) continue;
    // PercentDecode may store a whole 16-byte block past its last byte.
    char key[3 * kAction.size() + 16];
    char* w = key;
    size_t bad = 0;
    if (!PercentDecode(text, begin, eq, &w, &bad) ||
        std::string_view(key, static_cast<size_t>(w - key)) != kAction) {
      continue;
    }
    NamedAction named;
    named.span = core::Span{eq < end ? eq + 1 : end, eq < end ? end - eq - 1 : 0};
    named.name.resize(named.span.length + 16);  // room for a 16-byte block
    char* v = named.name.data();
    if (!PercentDecode(text, named.span.offset, end, &v, &bad)) return std::nullopt;
    named.name.resize(static_cast<size_t>(v - named.name.data()));
    return named;
  }
  return std::nullopt;
}

// The action `d` is for (SPEC 11, *Action*): the request's own `Action` when
// it names one (an empty value names none), else the caller's, else
// RunCommand. An unknown name is InvalidAction.NotFound; a name other than
// the caller's is malformed. Both at the name's span.
const ParameterTable* ResolveAction(const std::optional<NamedAction>& named,
                                    const DecodeOptions& options, DecodedRequest& d) {
  core::Action action = options.action.value_or(core::Action::kRunCommand);
  if (named && !named->name.empty()) {
    const std::optional<core::Action> found = core::FindAction(named->name);
    if (!found) {
      d.envelope_error = core::Violation{core::Code::kInvalidActionNotFound, "Action", named->span,
                                         "runcheck knows no action " +
                                             core::QuoteUserText(named->name)};
      return nullptr;
    }
    if (options.action && *found != *options.action) {
      d.envelope_error = Malformed(
          named->span.offset, named->span.length,
          core::Concat({"the request is for ", core::ActionName(*found), ", not ",
                        core::ActionName(*options.action)}));
      return nullptr;
    }
    action = *found;
  }
  d.request.action = action;
  return &ParametersOf(action);
}

}  // namespace

DecodedRequest DecodeQueryRequest(std::string_view text, const DecodeOptions& options) {
  DecodedRequest d = Begin(WireForm::kQuery, text);
  if (d.envelope_error) return d;
  const ParameterTable* const table = ResolveAction(FindQueryAction(text), options, d);
  if (table == nullptr) return d;
  DecodeQueryPairs(text, *table, d);
  for (const ParameterSpec& p : table->parameters()) {
    if (p.list != nullptr) SortByIndex(d.request.*p.list);
    if (p.key_values != nullptr) SortAndMergeByIndex(d.request.*p.key_values);
  }
  return d;
}

namespace {

// Decodes a tag list entry, items[i] of `json`, of list `list`; members
// other than Key and Value go to `unknown`.
std::optional<core::Violation> DecodeTagObject(const core::JsonScan& json, size_t i, std::string_view list,
                                         TagEntry* entry, std::vector<UnknownKey>* unknown) {
  const core::JsonItem& obj = json.items[i];
  if (obj.kind != core::JsonKind::kObject) {
    return Malformed(obj.span.offset, obj.span.length,
                     "a tag is an object {\"Key\": ..., \"Value\": ...}");
  }
  bool have_key = false, have_value = false;
  for (const core::JsonItem& m : json.Children(i)) {
    const bool is_key = m.key == "Key";
    if (!is_key && m.key != "Value") {
      unknown->push_back(UnknownKey{m.key, list, entry->index});
      continue;
    }
    bool& have = is_key ? have_key : have_value;
    if (have) {
      return Malformed(m.key_span.offset, m.key_span.length,
                       "the member " + std::string(m.key) + " is repeated");
    }
    have = true;
    if (m.kind == core::JsonKind::kNull) continue;
    if (m.kind != core::JsonKind::kString) {
      return Malformed(m.span.offset, m.span.length,
                       "a tag's " + std::string(m.key) + " is a string, not a " +
                           std::string(core::JsonKindName(m.kind)));
    }
    (is_key ? entry->key : entry->value) = m.string_value;
  }
  return std::nullopt;
}

// The members of the request object into `d`. Views point into json's
// buffer, which the caller hands to d.storage.
void DecodeJsonMembers(const core::JsonScan& json, const ParameterTable& table,
                       DecodedRequest& d) {
  Request& r = d.request;
  SeenKeys seen(table);
  for (auto it = json.Children().begin(); it != json.Children().end(); ++it) {
    const core::JsonItem& m = *it;
    const ParameterSpec* const p = table.Find(m.key);
    if (!seen.Insert(m.key, p)) {
      d.envelope_error = Malformed(m.key_span.offset, m.key_span.length,
                                   "the member " + core::QuoteUserText(m.key) + " is repeated");
      return;
    }
    if (m.kind == core::JsonKind::kNull) continue;
    auto wrong_type = [&](std::string_view wanted) {
      d.envelope_error = Malformed(m.span.offset, m.span.length,
                                   std::string(m.key) + " takes " + std::string(wanted) +
                                       ", not a " + std::string(core::JsonKindName(m.kind)));
    };
    if (p == nullptr) {  // unknown: ignored
      if (!IsEnvelopeKey(m.key)) r.unknown_keys.push_back(UnknownKey{m.key, {}, 0});
      continue;
    }
    if (p->shape == Shape::kScalar) {
      if (m.kind == core::JsonKind::kString) {
        SetScalar(*p, m.string_value, r);
      } else if (p->wire == WireType::kBoolean &&
                 (m.kind == core::JsonKind::kTrue || m.kind == core::JsonKind::kFalse)) {
        SetScalar(*p, m.kind == core::JsonKind::kTrue ? "true" : "false", r);
      } else if (p->wire != WireType::kString) {
        // A number for Timeout, an object for Parameters; and any other
        // value for these typed parameters is their own error, found by
        // their rule on the value's JSON text, exactly as that text would be
        // in the query form (SPEC 10, *Envelope vs value*).
        SetScalar(*p, json.Raw(m), r);
      } else {
        wrong_type("a string");
        return;
      }
      continue;
    }
    const bool strings = p->shape == Shape::kList;
    if (m.kind != core::JsonKind::kArray) {
      wrong_type("an array");
      return;
    }
    int index = 0;
    const core::JsonChildren entries = json.Children(it.index());
    size_t count = 0;
    for (auto e = entries.begin(); e != entries.end() && count <= kMaxListIndex; ++e) ++count;
    if (strings) {
      (r.*p->list).reserve((r.*p->list).size() + count);
    } else {
      (r.*p->key_values).reserve((r.*p->key_values).size() + count);
    }
    for (auto e = entries.begin(); e != entries.end(); ++e) {
      ++index;
      if (index > kMaxListIndex) {
        d.envelope_error = Malformed(e->span.offset, e->span.length,
                                     std::string(m.key) + " has more than " +
                                         std::to_string(kMaxListIndex) + " entries");
        return;
      }
      if (strings) {
        if (e->kind != core::JsonKind::kString) {
          d.envelope_error = Malformed(e->span.offset, e->span.length,
                                       std::string(m.key) + " entries are strings, not a " +
                                           std::string(core::JsonKindName(e->kind)));
          return;
        }
        (r.*p->list).push_back(ListEntry{index, e->string_value});
        continue;
      }
      TagEntry entry;
      entry.index = index;
      if (auto bad = DecodeTagObject(json, e.index(), m.key, &entry, &r.unknown_keys)) {
        d.envelope_error = std::move(bad);
        return;
      }
      (r.*p->key_values).push_back(entry);
    }
  }
}

// The request object's first "Action" member, if it names one; a value that
// is not a string is malformed (envelope_error set, nullopt returned).
std::optional<NamedAction> FindJsonAction(const core::JsonScan& json, DecodedRequest& d) {
  for (const core::JsonItem& m : json.Children()) {
    if (m.key != "Action") continue;
    if (m.kind == core::JsonKind::kNull) return std::nullopt;
    if (m.kind != core::JsonKind::kString) {
      d.envelope_error = Malformed(m.span.offset, m.span.length,
                                   "Action takes a string, not a " +
                                       std::string(core::JsonKindName(m.kind)));
      return std::nullopt;
    }
    return NamedAction{std::string(m.string_value), m.span};
  }
  return std::nullopt;
}

}  // namespace

DecodedRequest DecodeJsonRequest(std::string_view text, const DecodeOptions& options) {
  DecodedRequest d = Begin(WireForm::kJson, text);
  if (d.envelope_error) return d;
  // Depth 3 reaches a tag's Key and Value: {"Tag": [{"Key": ...}]}.
  core::JsonScan json = core::ScanJson(text, /*max_depth=*/3);
  if (json.error) {
    d.envelope_error = Malformed(json.error->offset, 0, "broken JSON: " + json.error->detail);
    return d;
  }
  if (json.root.kind != core::JsonKind::kObject) {
    d.envelope_error = Malformed(json.root.span.offset, json.root.span.length,
                                 "the request is a JSON object");
    return d;
  }
  const std::optional<NamedAction> named = FindJsonAction(json, d);
  if (d.envelope_error) return d;
  const ParameterTable* const table = ResolveAction(named, options, d);
  if (table == nullptr) return d;
  DecodeJsonMembers(json, *table, d);
  d.storage = std::move(json.buffer);
  return d;
}

DecodedRequest DecodeRequest(std::string_view text, const DecodeOptions& options) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[' ? DecodeJsonRequest(text, options)
                                : DecodeQueryRequest(text, options);
  }
  return DecodeQueryRequest(text, options);
}

}  // namespace rules
}  // namespace runcheck
