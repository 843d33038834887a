// -----------------------------------------------------------------------------
// File: rules/json_scan.h
// -----------------------------------------------------------------------------
//
// One level of a JSON text, with byte spans: the root value, and when it is an
// object or an array, its direct members or elements. Nested values are not
// expanded; their span lets the caller scan them in turn (the request decoder
// scans `Tag` entries this way, the Parameters check scans its object).
//
// Parsing is RapidJSON's SAX reader (strict RFC 8259: no comments, no
// trailing commas, no NaN, one root value), in place on the scan's own copy.
// A text with at most 64 `{`/`[` bytes is parsed by the (faster) recursive
// parser, any other by the iterative one, so deep nesting costs heap, never
// call stack. Numbers are kept as their text (no rounding, no overflow);
// strings are decoded (escapes resolved, `\u0000` kept as a
// NUL byte). Invalid UTF-8 inside strings is *not* a syntax error here: it
// passes through byte for byte, so callers decide which code it deserves
// (an envelope error for a request, a charset error for a Parameters value).
// Use `rules/utf8.h` to check.
//
// Decoded keys and strings are views into a buffer the JsonScan owns (no
// allocation per item).
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

#ifndef RUNCHECK_RULES_JSON_SCAN_H_
#define RUNCHECK_RULES_JSON_SCAN_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/violation.h"

namespace runcheck {

enum class JsonKind { kString, kNumber, kTrue, kFalse, kNull, kObject, kArray };

// "string", "number", "boolean", "null", "object", "array".
std::string_view JsonKindName(JsonKind kind);

struct JsonItem {
  std::string_view key;  // object members only: the decoded key
  Span key_span;       // object members only: the key with its quotes
  JsonKind kind = JsonKind::kNull;
  Span span;           // the whole value (quotes, braces included)
  std::string_view string_value;  // kString only: the decoded text
};

struct JsonSyntaxError {
  size_t offset = 0;
  std::string detail;
};

struct JsonScan {
  JsonItem root;                 // key empty
  std::vector<JsonItem> items;   // members (kObject) or elements (kArray)
  // Holds the decoded keys and strings the items view (RapidJSON decodes
  // them in place). The views stay valid as long as this JsonScan, moves
  // included; copy what must outlive it.
  std::unique_ptr<char[]> buffer;
  std::optional<JsonSyntaxError> error;
};

JsonScan ScanJson(std::string_view text);

// `text` as a JSON string literal: `"` and `\` escaped, control characters
// as \u00XX, valid UTF-8 copied, and each byte of an invalid sequence
// written as \ufffd (so the output is always valid JSON).
std::string JsonQuote(std::string_view text);

}  // namespace runcheck

#endif  // RUNCHECK_RULES_JSON_SCAN_H_
