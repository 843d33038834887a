#include "rules/request_decode.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <unordered_set>
#include <utility>

#include "rules/json_scan.h"
#include "rules/utf8.h"

namespace runcheck {
namespace {

Violation Malformed(size_t offset, size_t length, std::string detail) {
  return Violation{Code::kInvalidRequestMalformed, "", Span{offset, length},
                   std::move(detail)};
}

const ScalarParameter* FindScalar(std::string_view name) {
  for (const ScalarParameter& p : ScalarParameters()) {
    if (name == p.name) return &p;
  }
  return nullptr;
}

// The two tag-like lists.
std::vector<TagEntry> Request::*TagList(std::string_view name) {
  if (name == "Tag") return &Request::tags;
  if (name == "ResourceTag") return &Request::resource_tags;
  return nullptr;
}

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

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes text[begin, end) (`+` is a space). On a bad escape,
// returns false with `*error_at` set to the offset of its `%`.
bool PercentDecode(std::string_view text, size_t begin, size_t end,
                   std::string* out, size_t* error_at) {
  out->resize(end - begin);  // decoding never grows the text
  char* w = out->data();
  const char* p = text.data() + begin;
  const char* const stop = text.data() + end;
  while (p < stop) {
    // Copy the run up to the next escape, turning `+` into spaces.
    const char* q = static_cast<const char*>(std::memchr(p, '%', static_cast<size_t>(stop - p)));
    if (q == nullptr) q = stop;
    const size_t run = static_cast<size_t>(q - p);
    std::memcpy(w, p, run);
    for (char* c = static_cast<char*>(std::memchr(w, '+', run)); c != nullptr;
         c = static_cast<char*>(std::memchr(c + 1, '+', static_cast<size_t>(w + run - c - 1)))) {
      *c = ' ';
    }
    w += run;
    p = q;
    if (p == stop) break;
    const int h = stop - p > 2 ? HexValue(p[1]) : -1;
    const int l = h >= 0 ? HexValue(p[2]) : -1;
    if (l < 0) {
      *error_at = static_cast<size_t>(p - text.data());
      return false;
    }
    *w++ = static_cast<char>(h * 16 + l);
    p += 3;
  }
  out->resize(static_cast<size_t>(w - out->data()));
  return true;
}

// A result for `form`; malformed when the envelope is not UTF-8.
DecodedRequest Begin(WireForm form, std::string_view text) {
  DecodedRequest d;
  d.form = form;
  const Utf8Facts utf8 = ScanUtf8(text);
  if (!utf8.valid) {
    d.malformed = Malformed(utf8.first_invalid, 1, "invalid UTF-8 in the request");
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

// The query form's pairs into `d`, lists in arrival order.
void DecodeQueryPairs(std::string_view text, DecodedRequest& d) {
  Request& r = d.request;
  std::unordered_set<std::string> seen;
  std::string key, value;
  size_t pos = !text.empty() && text[0] == '?' ? 1 : 0;
  while (pos <= text.size()) {
    size_t end = text.find('&', pos);
    if (end == std::string_view::npos) end = text.size();
    const size_t begin = pos;
    pos = end + 1;
    if (begin == end) continue;
    size_t eq = text.find('=', begin);
    if (eq == std::string_view::npos || eq > end) eq = end;
    size_t bad = 0;
    if (!PercentDecode(text, begin, eq, &key, &bad) ||
        (eq < end && !PercentDecode(text, eq + 1, end, &value, &bad))) {
      d.malformed = Malformed(bad, std::min<size_t>(3, end - bad),
                              "a % escape needs two hexadecimal digits");
      return;
    }
    if (eq == end) value.clear();
    const Span key_span{begin, eq - begin};
    if (!seen.insert(key).second) {
      d.malformed = Malformed(key_span.offset, key_span.length,
                              "the key " + key + " is repeated");
      return;
    }
    if (const ScalarParameter* p = FindScalar(key)) {
      r.*p->member = value;
      continue;
    }
    // Lists: InstanceId.N, Tag.N.Key, Tag.N.Value, ResourceTag.N.(Key|Value).
    const size_t dot = key.find('.');
    if (dot == std::string::npos) continue;  // unknown: ignored
    const std::string_view head = std::string_view(key).substr(0, dot);
    std::string_view rest = std::string_view(key).substr(dot + 1);
    const bool is_instance = head == "InstanceId";
    std::vector<TagEntry> Request::*tags = TagList(head);
    if (!is_instance && tags == nullptr) continue;
    std::string_view field;
    if (tags != nullptr) {
      const size_t dot2 = rest.find('.');
      if (dot2 == std::string_view::npos) continue;
      field = rest.substr(dot2 + 1);
      rest = rest.substr(0, dot2);
      if (field != "Key" && field != "Value") continue;
    }
    const int index = ParseIndex(rest);
    if (index == 0) {
      d.malformed = Malformed(key_span.offset, key_span.length,
                              "a list index is 1 to " + std::to_string(kMaxListIndex) +
                                  " without leading zeros: " + key);
      return;
    }
    if (is_instance) {
      r.instance_ids.push_back(ListEntry{index, value});
    } else {
      TagEntry e;
      e.index = index;
      (field == "Key" ? e.key : e.value) = value;
      (r.*tags).push_back(std::move(e));
    }
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

// Decodes one JSON object member of a tag list entry.
std::optional<Violation> DecodeTagObject(std::string_view text, size_t base,
                                         TagEntry* entry) {
  const JsonScan obj = ScanJson(text);
  if (obj.root.kind != JsonKind::kObject) {
    return Malformed(base, text.size(), "a tag is an object {\"Key\": ..., \"Value\": ...}");
  }
  bool have_key = false, have_value = false;
  for (const JsonItem& m : obj.items) {
    const bool is_key = m.key == "Key";
    if (!is_key && m.key != "Value") continue;
    bool& have = is_key ? have_key : have_value;
    if (have) {
      return Malformed(base + m.key_span.offset, m.key_span.length,
                       "the member " + std::string(m.key) + " is repeated");
    }
    have = true;
    if (m.kind == JsonKind::kNull) continue;
    if (m.kind != JsonKind::kString) {
      return Malformed(base + m.span.offset, m.span.length,
                       "a tag's " + std::string(m.key) + " is a string, not a " +
                           std::string(JsonKindName(m.kind)));
    }
    (is_key ? entry->key : entry->value) = std::string(m.string_value);
  }
  return std::nullopt;
}

}  // namespace

DecodedRequest DecodeJsonRequest(std::string_view text) {
  DecodedRequest d = Begin(WireForm::kJson, text);
  if (d.malformed) return d;
  JsonScan json = ScanJson(text);
  if (json.error) {
    d.malformed = Malformed(json.error->offset, 0, "broken JSON: " + json.error->detail);
    return d;
  }
  if (json.root.kind != JsonKind::kObject) {
    d.malformed = Malformed(json.root.span.offset, json.root.span.length,
                            "the request is a JSON object");
    return d;
  }
  Request& r = d.request;
  std::unordered_set<std::string_view> seen;  // views into json.buffer
  for (JsonItem& m : json.items) {
    if (!seen.insert(m.key).second) {
      d.malformed = Malformed(m.key_span.offset, m.key_span.length,
                              "the member " + std::string(m.key) + " is repeated");
      return d;
    }
    if (m.kind == JsonKind::kNull) continue;
    const std::string_view raw = text.substr(m.span.offset, m.span.length);
    auto wrong_type = [&](std::string_view wanted) {
      d.malformed = Malformed(m.span.offset, m.span.length,
                              std::string(m.key) + " takes " + std::string(wanted) + ", not a " +
                                  std::string(JsonKindName(m.kind)));
    };
    if (const ScalarParameter* p = FindScalar(m.key)) {
      std::optional<std::string>& slot = r.*p->member;
      if (m.kind == JsonKind::kString) {
        slot = std::string(m.string_value);
      } else if (p->wire == WireType::kBoolean &&
                 (m.kind == JsonKind::kTrue || m.kind == JsonKind::kFalse)) {
        slot = m.kind == JsonKind::kTrue ? "true" : "false";
      } else if (p->wire == WireType::kInteger && m.kind == JsonKind::kNumber) {
        slot = std::string(raw);
      } else if (p->wire == WireType::kJsonObject && m.kind == JsonKind::kObject) {
        slot = std::string(raw);
      } else {
        wrong_type(p->wire == WireType::kBoolean      ? "a boolean or a string"
                   : p->wire == WireType::kInteger    ? "an integer or a string"
                   : p->wire == WireType::kJsonObject ? "an object or a string"
                                                      : "a string");
        return d;
      }
      continue;
    }
    const bool is_instance = m.key == "InstanceId";
    std::vector<TagEntry> Request::*tags = TagList(m.key);
    if (!is_instance && tags == nullptr) continue;  // unknown: ignored
    if (m.kind != JsonKind::kArray) {
      wrong_type("an array");
      return d;
    }
    JsonScan list = ScanJson(raw);
    int index = 0;
    for (JsonItem& e : list.items) {
      ++index;
      const size_t base = m.span.offset + e.span.offset;
      if (index > kMaxListIndex) {
        d.malformed = Malformed(base, e.span.length,
                                std::string(m.key) + " has more than " +
                                    std::to_string(kMaxListIndex) + " entries");
        return d;
      }
      if (is_instance) {
        if (e.kind != JsonKind::kString) {
          d.malformed = Malformed(base, e.span.length,
                                  "InstanceId entries are strings, not a " +
                                      std::string(JsonKindName(e.kind)));
          return d;
        }
        r.instance_ids.push_back(ListEntry{index, std::string(e.string_value)});
        continue;
      }
      TagEntry entry;
      entry.index = index;
      if (auto bad = DecodeTagObject(raw.substr(e.span.offset, e.span.length), base,
                                     &entry)) {
        d.malformed = std::move(bad);
        return d;
      }
      (r.*tags).push_back(std::move(entry));
    }
  }
  return d;
}

DecodedRequest DecodeRequest(std::string_view text) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[' ? DecodeJsonRequest(text) : DecodeQueryRequest(text);
  }
  return DecodeQueryRequest(text);
}

}  // namespace runcheck
