// -----------------------------------------------------------------------------
// File: core/json_scan.h
// -----------------------------------------------------------------------------
//
// The top levels of a JSON text, with byte spans: the root value, and when it
// is an object or an array, its members or elements down to `max_depth`
// (1: the root's own children; the request decoder asks for 3, to see
// `"Tag": [{"Key": ...}]` in one pass). Deeper values are not expanded;
// their span lets the caller scan them in turn.
//
// Parsing is RapidJSON's SAX reader (strict RFC 8259: no comments, no
// trailing commas, no NaN, one root value, no raw control character in a
// string), in place on the scan's own copy. (RapidJSON 1.1.0's SSE2 string
// scan lets raw bytes 0x1A-0x1F through in some alignments; ScanJson refuses
// them at their offset, as its scalar code does.)
// A text nested at most 64 deep is parsed by the (faster) recursive parser;
// a deeper one is parsed again by the iterative one, so deep nesting costs
// heap, never call stack. Numbers are kept as their text (no rounding, no
// overflow); strings are decoded (escapes resolved, `\u0000` kept as a NUL
// byte). Invalid UTF-8 inside strings is *not* a syntax error here: it
// passes through byte for byte, so callers decide which code it deserves
// (an envelope error for a request, a charset error for a Parameters value).
// Use `core/utf8.h` to check.
//
// Decoded keys and strings are views into a buffer the JsonScan owns (no
// allocation per item); so is `source`, a copy of the text, for values the
// caller wants raw (a number's text, a nested object's JSON).
//
// Errors: a syntax error comes back in `error` with the byte offset RapidJSON
// reports and its description; `items` is then empty. Never throws; pure;
// thread-safe. Time and memory are linear in the text.
//
// Example:
//
//   JsonScan s = ScanJson(R"({"name": "Jack", "n": [1, 2]})");
//   s.root.kind;             // JsonKind::kObject
//   s.items[0].key;          // "name"
//   s.items[0].key_span;     // {1, 6}   ("name" with its quotes)
//   s.items[0].string_value; // "Jack"
//   s.items[1].kind;         // JsonKind::kArray, span {22, 6}
//   s.Raw(s.items[1]);       // "[1, 2]"
//
//   JsonScan d = ScanJson(R"({"n": [1, 2]})", /*max_depth=*/2);
//   for (const JsonItem& e : d.Children(0)) ...  // the two numbers

#ifndef RUNCHECK_CORE_JSON_SCAN_H_
#define RUNCHECK_CORE_JSON_SCAN_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/violation.h"

namespace runcheck {
namespace core {

enum class JsonKind { kString, kNumber, kTrue, kFalse, kNull, kObject, kArray };

// "string", "number", "boolean", "null", "object", "array".
std::string_view JsonKindName(JsonKind kind);

struct JsonItem {
  std::string_view key;  // object members only: the decoded key
  Span key_span;       // object members only: the key with its quotes
  JsonKind kind = JsonKind::kNull;
  Span span;           // the whole value (quotes, braces included)
  std::string_view string_value;  // kString only: the decoded text
  int depth = 1;       // 1 for the root's children, 2 for theirs, ...
  // The index in JsonScan::items one past this item's kept descendants
  // (they follow it, in text order): its next sibling's, if it has one.
  size_t next = 0;
};

// The direct children of a kept item (or of the root), in text order.
class JsonChildren {
 public:
  class Iterator {
   public:
    Iterator(const std::vector<JsonItem>* items, size_t i) : items_(items), i_(i) {}
    const JsonItem& operator*() const { return (*items_)[i_]; }
    const JsonItem* operator->() const { return &(*items_)[i_]; }
    size_t index() const { return i_; }
    Iterator& operator++() {
      i_ = (*items_)[i_].next;
      return *this;
    }
    bool operator!=(const Iterator& o) const { return i_ != o.i_; }
    bool operator==(const Iterator& o) const { return i_ == o.i_; }

   private:
    const std::vector<JsonItem>* items_;
    size_t i_;
  };
  JsonChildren(const std::vector<JsonItem>* items, size_t begin, size_t end)
      : items_(items), begin_(begin), end_(end) {}
  Iterator begin() const { return Iterator(items_, begin_); }
  Iterator end() const { return Iterator(items_, end_); }
  bool empty() const { return begin_ == end_; }

 private:
  const std::vector<JsonItem>* items_;
  size_t begin_, end_;
};

struct JsonSyntaxError {
  size_t offset = 0;
  std::string detail;
};

struct JsonScan {
  JsonItem root;                 // key empty, depth 0
  // Members (kObject) or elements (kArray) down to max_depth, in text
  // order (a parent before its children).
  std::vector<JsonItem> items;
  // A copy of the text (spans index it the same way).
  std::string_view source;
  // Holds `source` and the decoded keys and strings the items view
  // (RapidJSON decodes them in place). The views stay valid as long as this
  // buffer, moves of the JsonScan included; copy what must outlive it, or
  // take the buffer over.
  std::unique_ptr<char[]> buffer;
  std::optional<JsonSyntaxError> error;

  // The root's children.
  JsonChildren Children() const { return JsonChildren(&items, 0, items.size()); }
  // The kept children of items[i] (none past max_depth).
  JsonChildren Children(size_t i) const { return JsonChildren(&items, i + 1, items[i].next); }
  // An item's text as written (a number's digits, an object's JSON).
  std::string_view Raw(const JsonItem& item) const {
    return source.substr(item.span.offset, item.span.length);
  }
};

// `max_depth` is clamped to 1..kMaxJsonKeptDepth.
inline constexpr int kMaxJsonKeptDepth = 8;
JsonScan ScanJson(std::string_view text, int max_depth = 1);

// `text` as a JSON string literal: `"` and `\` escaped, control characters
// as \u00XX, valid UTF-8 copied, and each byte of an invalid sequence
// written as \ufffd (so the output is always valid JSON).
std::string JsonQuote(std::string_view text);

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_JSON_SCAN_H_
