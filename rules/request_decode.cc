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

#include "core/json_scan.h"
#include "core/utf8.h"

namespace runcheck {
namespace rules {
namespace {

core::Violation Malformed(size_t offset, size_t length, std::string detail) {
  return core::Violation{core::Code::kInvalidRequestMalformed, "", core::Span{offset, length},
                   std::move(detail)};
}

// The scalar parameter named `name` (exactly), or null. Names are grouped by
// length (all are shorter than 32 bytes: request_decode_test checks), so a
// lookup compares with the two or three names of its length.
const ScalarParameter* FindScalar(std::string_view name) {
  constexpr size_t kMaxLength = 32;
  static const auto* const kByLength = [] {
    auto* t = new std::array<std::vector<const ScalarParameter*>, kMaxLength>;
    for (const ScalarParameter& p : ScalarParameters()) (*t)[p.name.size()].push_back(&p);
    return t;
  }();
  if (name.size() >= kMaxLength) return nullptr;
  for (const ScalarParameter* p : (*kByLength)[name.size()]) {
    if (std::memcmp(p->name.data(), name.data(), name.size()) == 0) return p;
  }
  return nullptr;
}

// The list parameters, by name.
enum class ListParam { kNone = -1, kInstanceId, kTag, kResourceTag };

ListParam FindList(std::string_view name) {
  if (name == "InstanceId") return ListParam::kInstanceId;
  if (name == "Tag") return ListParam::kTag;
  if (name == "ResourceTag") return ListParam::kResourceTag;
  return ListParam::kNone;
}

// The entries of a tag-like list.
std::vector<TagEntry>& Tags(Request& r, ListParam list) {
  return list == ListParam::kTag ? r.tags : r.resource_tags;
}

// The keys (or members) seen so far, to refuse a repeated one: the scalar
// parameters by their place in ScalarParameters() and the JSON form's list
// names by a bit each, any other key by its text (views into the
// DecodedRequest's storage).
class SeenKeys {
 public:
  // False when `key` (`scalar`, if it names one) was seen before.
  bool Insert(std::string_view key, const ScalarParameter* scalar) {
    if (scalar != nullptr) return Mark(static_cast<size_t>(scalar - ScalarParameters().data()));
    if (const ListParam list = FindList(key); list != ListParam::kNone) {
      return Mark(kFirstList + static_cast<size_t>(list));
    }
    return others_.insert(key).second;
  }

 private:
  static constexpr size_t kFirstList = 61;  // after the scalars (see the test)
  bool Mark(size_t i) {
    const uint64_t bit = uint64_t{1} << i;
    const bool seen = (bits_ & bit) != 0;
    bits_ |= bit;
    return !seen;
  }
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
    d.malformed = Malformed(0, 3,
                            "the request starts with a UTF-8 byte order mark (EF BB BF); "
                            "send it without one");
  } else if (const std::optional<size_t> bad = core::FirstInvalidUtf8(text)) {
    d.malformed = Malformed(*bad, 1, "invalid UTF-8 in the request");
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

// The query form's pairs into `d`, lists in arrival order. Keys and values
// are decoded into d.storage, one after the other.
// A list key of the query form (`Tag.3.Key`), for finding repeated ones
// after the pass: two list keys are the same text exactly when list, index
// and half match (indexes have no leading zeros).
struct ListKey {
  ListParam list;
  int half;   // 0 (InstanceId), 1 Key, 2 Value
  int index;
  core::Span span;             // the key in the text
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

// The query form's pairs into `d`, lists in arrival order. Keys and values
// are decoded into d.storage, one after the other. A repeated scalar or
// unknown key is found as it comes; a repeated list key after the pass
// (sorting a few entries beats hashing every key), and the first repeat or
// other error in text order is reported.
void DecodeQueryPairs(std::string_view text, DecodedRequest& d) {
  Request& r = d.request;
  d.storage.reset(new char[text.size() + 1]);
  char* w = d.storage.get();
  SeenKeys seen;
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
      d.malformed = Malformed(bad, std::min<size_t>(3, end - bad),
                              "a % escape needs two hexadecimal digits");
      break;
    }
    const std::string_view value(value_start, static_cast<size_t>(w - value_start));
    const core::Span key_span{begin, eq - begin};
    auto repeated = [&] {
      d.malformed = Malformed(key_span.offset, key_span.length,
                              "the key " + core::QuoteUserText(key) + " is repeated");
    };
    if (const ScalarParameter* const p = FindScalar(key)) {
      if (!seen.Insert(key, p)) {
        repeated();
        break;
      }
      r.*p->member = value;
      continue;
    }
    // Lists: InstanceId.N, Tag.N.Key, Tag.N.Value, ResourceTag.N.(Key|Value).
    const size_t dot = key.find('.');
    const ListParam list =
        dot == std::string_view::npos ? ListParam::kNone : FindList(key.substr(0, dot));
    std::string_view rest = dot == std::string_view::npos ? "" : key.substr(dot + 1);
    int half = 0;
    if (list == ListParam::kTag || list == ListParam::kResourceTag) {
      const size_t dot2 = rest.find('.');
      const std::string_view field =
          dot2 == std::string_view::npos ? "" : rest.substr(dot2 + 1);
      half = field == "Key" ? 1 : field == "Value" ? 2 : -1;
      rest = rest.substr(0, dot2);
    }
    if (list == ListParam::kNone || half < 0) {  // unknown: ignored, but not twice
      if (!seen.Insert(key, nullptr)) {
        repeated();
        break;
      }
      if (!IsEnvelopeKey(key)) r.unknown_keys.push_back(UnknownKey{key, {}, 0});
      continue;
    }
    const int index = ParseIndex(rest);
    if (index == 0) {
      d.malformed = Malformed(key_span.offset, key_span.length,
                              "a list index is 1 to " + std::to_string(kMaxListIndex) +
                                  " without leading zeros: " + core::QuoteUserText(key));
      break;
    }
    list_keys.push_back(ListKey{list, half, index, key_span, key});
    if (list == ListParam::kInstanceId) {
      r.instance_ids.push_back(ListEntry{index, value});
    } else {
      TagEntry e;
      e.index = index;
      (half == 1 ? e.key : e.value) = value;
      Tags(r, list).push_back(e);
    }
  }
  // Every list key seen lies before any error found above.
  if (std::optional<ListKey> at = FirstRepeatedListKey(list_keys)) {
    d.malformed = Malformed(at->span.offset, at->span.length,
                            "the key " + core::QuoteUserText(at->key) + " is repeated");
  }
}

}  // namespace

DecodedRequest DecodeQueryRequest(std::string_view text) {
  DecodedRequest d = Begin(WireForm::kQuery, text);
  if (d.malformed) return d;
  DecodeQueryPairs(text, d);
  SortByIndex(d.request.instance_ids);
  SortAndMergeByIndex(d.request.tags);
  SortAndMergeByIndex(d.request.resource_tags);
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
void DecodeJsonMembers(const core::JsonScan& json, DecodedRequest& d) {
  Request& r = d.request;
  SeenKeys seen;
  for (auto it = json.Children().begin(); it != json.Children().end(); ++it) {
    const core::JsonItem& m = *it;
    const ScalarParameter* const p = FindScalar(m.key);
    if (!seen.Insert(m.key, p)) {
      d.malformed = Malformed(m.key_span.offset, m.key_span.length,
                              "the member " + core::QuoteUserText(m.key) + " is repeated");
      return;
    }
    if (m.kind == core::JsonKind::kNull) continue;
    auto wrong_type = [&](std::string_view wanted) {
      d.malformed = Malformed(m.span.offset, m.span.length,
                              std::string(m.key) + " takes " + std::string(wanted) + ", not a " +
                                  std::string(core::JsonKindName(m.kind)));
    };
    if (p != nullptr) {
      std::optional<std::string_view>& slot = r.*p->member;
      if (m.kind == core::JsonKind::kString) {
        slot = m.string_value;
      } else if (p->wire == WireType::kBoolean &&
                 (m.kind == core::JsonKind::kTrue || m.kind == core::JsonKind::kFalse)) {
        slot = m.kind == core::JsonKind::kTrue ? "true" : "false";
      } else if (p->wire != WireType::kString) {
        // A number for Timeout, an object for Parameters; and any other
        // value for these typed parameters is their own error, found by
        // their rule on the value's JSON text, exactly as that text would be
        // in the query form (SPEC 10, *Envelope vs value*).
        slot = json.Raw(m);
      } else {
        wrong_type("a string");
        return;
      }
      continue;
    }
    const ListParam list = FindList(m.key);
    if (list == ListParam::kNone) {  // unknown: ignored
      if (!IsEnvelopeKey(m.key)) r.unknown_keys.push_back(UnknownKey{m.key, {}, 0});
      continue;
    }
    const bool is_instance = list == ListParam::kInstanceId;
    if (m.kind != core::JsonKind::kArray) {
      wrong_type("an array");
      return;
    }
    int index = 0;
    const core::JsonChildren entries = json.Children(it.index());
    size_t count = 0;
    for (auto e = entries.begin(); e != entries.end() && count <= kMaxListIndex; ++e) ++count;
    if (is_instance) {
      r.instance_ids.reserve(r.instance_ids.size() + count);
    } else {
      Tags(r, list).reserve(Tags(r, list).size() + count);
    }
    for (auto e = entries.begin(); e != entries.end(); ++e) {
      ++index;
      if (index > kMaxListIndex) {
        d.malformed = Malformed(e->span.offset, e->span.length,
                                std::string(m.key) + " has more than " +
                                    std::to_string(kMaxListIndex) + " entries");
        return;
      }
      if (is_instance) {
        if (e->kind != core::JsonKind::kString) {
          d.malformed = Malformed(e->span.offset, e->span.length,
                                  "InstanceId entries are strings, not a " +
                                      std::string(core::JsonKindName(e->kind)));
          return;
        }
        r.instance_ids.push_back(ListEntry{index, e->string_value});
        continue;
      }
      TagEntry entry;
      entry.index = index;
      if (auto bad = DecodeTagObject(json, e.index(), m.key, &entry, &r.unknown_keys)) {
        d.malformed = std::move(bad);
        return;
      }
      Tags(r, list).push_back(entry);
    }
  }
}

}  // namespace

DecodedRequest DecodeJsonRequest(std::string_view text) {
  DecodedRequest d = Begin(WireForm::kJson, text);
  if (d.malformed) return d;
  // Depth 3 reaches a tag's Key and Value: {"Tag": [{"Key": ...}]}.
  core::JsonScan json = core::ScanJson(text, /*max_depth=*/3);
  if (json.error) {
    d.malformed = Malformed(json.error->offset, 0, "broken JSON: " + json.error->detail);
    return d;
  }
  if (json.root.kind != core::JsonKind::kObject) {
    d.malformed = Malformed(json.root.span.offset, json.root.span.length,
                            "the request is a JSON object");
    return d;
  }
  DecodeJsonMembers(json, d);
  d.storage = std::move(json.buffer);
  return d;
}

DecodedRequest DecodeRequest(std::string_view text) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[' ? DecodeJsonRequest(text) : DecodeQueryRequest(text);
  }
  return DecodeQueryRequest(text);
}

}  // namespace rules
}  // namespace runcheck
