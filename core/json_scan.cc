#include "core/json_scan.h"

// RapidJSON's SIMD scanning of whitespace and unescaped string runs works on
// its NUL-terminated (in-situ) string streams; SSE2 is part of every x86-64
// CPU.
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "rapidjson/error/en.h"
#include "rapidjson/reader.h"
#include "core/utf8.h"

namespace runcheck {
namespace core {
namespace {

// A SAX handler that keeps the root and the items down to `max_depth`.
// Token positions come from the original text, not from the stream (RapidJSON
// parses strings on a local copy of the stream, so its position lags inside
// a callback, and in-situ parsing rewrites the buffer): a string starts one
// byte before the place RapidJSON decodes its text to (in place, right after
// the opening quote); any other token at the first byte after the previous
// token that is not white space or a separator. A token ends where its
// grammar says. RapidJSON has already checked the token when the event
// arrives.
class Handler {
 public:
  // `depth_limit`: Open() stops the parse (returns false) past this many
  // open containers; 0 for none.
  Handler(std::string_view text, const char* insitu, int max_depth, int depth_limit,
          JsonScan& out)
      : text_(text), insitu_(insitu), max_depth_(max_depth), depth_limit_(depth_limit),
        out_(out) {}

  // Whether Open() stopped the parse at the depth limit.
  bool too_deep() const { return too_deep_; }

  bool Null() { return Scalar(JsonKind::kNull, {}); }
  bool Bool(bool b) { return Scalar(b ? JsonKind::kTrue : JsonKind::kFalse, {}); }
  // (Numbers arrive through RawNumber: kParseNumbersAsStringsFlag.)
  bool Int(int) { return Scalar(JsonKind::kNumber, {}); }
  bool Uint(unsigned) { return Scalar(JsonKind::kNumber, {}); }
  bool Int64(int64_t) { return Scalar(JsonKind::kNumber, {}); }
  bool Uint64(uint64_t) { return Scalar(JsonKind::kNumber, {}); }
  bool Double(double) { return Scalar(JsonKind::kNumber, {}); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) {
    return Scalar(JsonKind::kNumber, {});
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    return Scalar(JsonKind::kString, std::string_view(s, n));
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    const size_t start = StringStart(s);
    const size_t end = StringEnd(start, n);
    if (Kept()) {
      pending_key_ = std::string_view(s, n);
      pending_key_span_ = Span{start, end - start};
    }
    last_end_ = end;
    return true;
  }
  bool StartObject() { return Open(JsonKind::kObject); }
  bool StartArray() { return Open(JsonKind::kArray); }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  // Whether a value starting now is an item the scan keeps.
  bool Kept() const { return depth_ >= 1 && depth_ <= max_depth_; }

  // Where the string whose decoded text starts at `s` starts (its opening
  // quote): parsing in place, RapidJSON writes the decoded text right after
  // it. (Checked, with the scan as the fallback.)
  size_t StringStart(const char* s) const {
    const size_t start = static_cast<size_t>(s - insitu_) - 1;
    return start < text_.size() && text_[start] == '"' ? start : TokenStart();
  }

  // The end of the string token at `start` whose decoded text has `n` bytes:
  // right after n bytes and a quote when those bytes hold no escape.
  size_t StringEnd(size_t start, size_t n) const {
    const size_t close = start + 1 + n;
    if (close < text_.size() && text_[close] == '"' &&
        std::memchr(text_.data() + start + 1, '\\', n) == nullptr) {
      return close + 1;
    }
    return TokenEnd(JsonKind::kString, start);
  }

  size_t TokenStart() const {
    size_t i = last_end_;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' &&
          c != ':') {
        break;
      }
      ++i;
    }
    return i;
  }

  // The end of the scalar token of `kind` starting at `start`.
  size_t TokenEnd(JsonKind kind, size_t start) const {
    size_t i = start;
    switch (kind) {
      case JsonKind::kString:
        // The next quote not escaped by an odd run of backslashes.
        for (++i;;) {
          const size_t q = text_.find('"', i);
          if (q == std::string_view::npos) return text_.size();
          size_t backslashes = 0;
          while (q - backslashes > start + 1 && text_[q - backslashes - 1] == '\\') ++backslashes;
          if (backslashes % 2 == 0) return q + 1;
          i = q + 1;
        }
      case JsonKind::kNumber:
        while (i < text_.size() &&
               std::string_view("0123456789+-.eE").find(text_[i]) != std::string_view::npos) {
          ++i;
        }
        return i;
      case JsonKind::kTrue:
      case JsonKind::kNull:
        return start + 4;
      case JsonKind::kFalse:
        return start + 5;
      case JsonKind::kObject:
      case JsonKind::kArray:
        break;
    }
    return start + 1;
  }

  // Starts the item for a value at `start`: the index of the kept item, or
  // kNone (the root, or past max_depth).
  size_t Begin(JsonKind kind, size_t start) {
    if (depth_ == 0) {
      out_.root.kind = kind;
      out_.root.depth = 0;
      out_.root.span.offset = start;
      return kNone;
    }
    if (!Kept()) return kNone;
    JsonItem& item = out_.items.emplace_back();
    item.key = pending_key_;
    item.key_span = pending_key_span_;
    pending_key_ = {};
    pending_key_span_ = {};
    item.kind = kind;
    item.depth = depth_;
    item.span.offset = start;
    return out_.items.size() - 1;
  }

  bool Scalar(JsonKind kind, std::string_view str) {
    const bool string = kind == JsonKind::kString;
    const size_t start = string ? StringStart(str.data()) : TokenStart();
    const size_t index = Begin(kind, start);
    last_end_ = string ? StringEnd(start, str.size()) : TokenEnd(kind, start);
    JsonItem* item = depth_ == 0 ? &out_.root : index != kNone ? &out_.items[index] : nullptr;
    if (item != nullptr) {
      item->span.length = last_end_ - item->span.offset;
      if (kind == JsonKind::kString) item->string_value = str;
      item->next = out_.items.size();
    }
    return true;
  }

  bool Open(JsonKind kind) {
    if (depth_limit_ > 0 && depth_ >= depth_limit_) {
      too_deep_ = true;
      return false;
    }
    // RapidJSON's iterative parser calls this before consuming the brace,
    // the recursive one after; TokenStart() finds it either way.
    const size_t start = TokenStart();
    const size_t index = Begin(kind, start);
    if (depth_ <= max_depth_) open_[depth_] = index;
    ++depth_;
    last_end_ = start + 1;
    return true;
  }

  bool Close() {
    --depth_;
    last_end_ = TokenStart() + 1;  // see Open()
    if (depth_ > max_depth_) return true;
    const size_t index = open_[depth_];
    JsonItem* item = depth_ == 0 ? &out_.root : &out_.items[index];
    item->span.length = last_end_ - item->span.offset;
    item->next = out_.items.size();
    return true;
  }

  std::string_view text_;
  const char* insitu_;  // the buffer RapidJSON parses in place
  int max_depth_;
  int depth_limit_;
  bool too_deep_ = false;
  JsonScan& out_;
  int depth_ = 0;
  size_t last_end_ = 0;
  std::string_view pending_key_;
  Span pending_key_span_;
  // The kept items of the open containers by depth (kNone for the root).
  size_t open_[kMaxJsonKeptDepth + 1] = {};
};

// The first byte of `s` in 0x1A-0x1F, or npos. (See ScanJson: RapidJSON's
// SSE2 string scanners miss exactly these.)
size_t FirstHighControl(std::string_view s) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i low = _mm_set1_epi8(0x1A), five = _mm_set1_epi8(5);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i d = _mm_sub_epi8(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i)), low);
    // d <= 5 (unsigned) exactly for 0x1A-0x1F.
    const unsigned hits =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, five), d)));
    if (hits != 0) return i + static_cast<size_t>(__builtin_ctz(hits));
  }
#endif
  for (; i < s.size(); ++i) {
    if (s[i] >= 0x1A && s[i] <= 0x1F) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string_view JsonKindName(JsonKind kind) {
  switch (kind) {
    case JsonKind::kString: return "string";
    case JsonKind::kNumber: return "number";
    case JsonKind::kTrue:
    case JsonKind::kFalse: return "boolean";
    case JsonKind::kNull: return "null";
    case JsonKind::kObject: return "object";
    case JsonKind::kArray: return "array";
  }
  return "value";
}

std::string JsonQuote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c >= 0x80) {
      const size_t n = Utf8SequenceLength(text.substr(i));
      if (n == 0) {
        out += "\\ufffd";
        ++i;
      } else {
        out.append(text.substr(i, n));
        i += n;
      }
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  out += '"';
  return out;
}

JsonScan ScanJson(std::string_view text, int max_depth) {
  JsonScan out;
  // About one item per 8 bytes, up to 32 ahead: small texts (a Parameters
  // object) stay within the allocator's small-block caches.
  out.items.reserve(std::min<size_t>(32, text.size() / 8 + 4));
  // One allocation: a NUL-terminated copy with 16 NUL bytes of slack (the
  // SIMD scanners read aligned 16-byte blocks, which may extend past the
  // terminator), parsed in place (RapidJSON decodes each string into the
  // copy itself), then a copy that stays as written, `source`.
  const size_t n = text.size();
  out.buffer.reset(new char[2 * n + 17]);
  char* const insitu = out.buffer.get();
  char* const source = insitu + n + 17;
  std::memcpy(insitu, text.data(), n);
  std::memset(insitu + n, 0, 17);
  std::memcpy(source, text.data(), n);
  out.source = std::string_view(source, n);
  const int kept = std::clamp(max_depth, 1, kMaxJsonKeptDepth);
  constexpr unsigned kFlags =
      rapidjson::kParseInsituFlag | rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::Reader reader;
  // RapidJSON's recursive parser is about twice as fast as its iterative one
  // but spends call stack on each nesting level. So the recursive one runs
  // first, with the handler stopping it past kMaxRecursiveDepth; a text that
  // deep is parsed again, from a fresh copy, by the iterative one (its stack
  // is on the heap).
  constexpr int kMaxRecursiveDepth = 64;
  rapidjson::InsituStringStream is(insitu);
  Handler handler(text, insitu, kept, kMaxRecursiveDepth, out);
  rapidjson::ParseResult r = reader.Parse<kFlags>(is, handler);
  if (handler.too_deep()) {
    out.items.clear();
    out.root = JsonItem{};
    std::memcpy(insitu, text.data(), n);
    is = rapidjson::InsituStringStream(insitu);
    Handler deep(text, insitu, kept, /*depth_limit=*/0, out);
    r = reader.Parse<kFlags | rapidjson::kParseIterativeFlag>(is, deep);
  }
  // RapidJSON 1.1.0's SSE2 string scanners test for control characters
  // with 0x19 where 0x1F is meant (reader.h, `space[16]`), so a raw byte
  // 0x1A-0x1F inside a string can pass, depending on its alignment. Outside
  // strings the scalar code rejects it at its offset. So when such a byte
  // comes before the error RapidJSON reports (or there is none), it sits in
  // a string, and the error is there, as a correct parser would say.
  const size_t control = FirstHighControl(text);
  if (control != std::string_view::npos && (!r.IsError() || r.Offset() > control)) {
    r = rapidjson::ParseResult(rapidjson::kParseErrorStringEscapeInvalid, control);
  }
  if (!r.IsError() && is.Tell() != text.size()) {
    // The stream reads a NUL byte as its end marker.
    out.error = JsonSyntaxError{is.Tell(), "unexpected NUL byte"};
  } else if (r.IsError()) {
    out.error = JsonSyntaxError{r.Offset(), rapidjson::GetParseError_En(r.Code())};
    // A raw control byte ends a string early in RapidJSON's eyes ("missing
    // quotation mark", "invalid escape"); say what it is.
    const rapidjson::ParseErrorCode code = r.Code();
    if (code == rapidjson::kParseErrorStringMissQuotationMark ||
        code == rapidjson::kParseErrorStringEscapeInvalid) {
      for (size_t at : {r.Offset(), r.Offset() - 1}) {
        if (at < n && static_cast<unsigned char>(text[at]) < 0x20) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned char>(text[at]));
          out.error = JsonSyntaxError{
              at, std::string("raw control character U+") + hex +
                      " in a string (write it as \\u" + hex + ")"};
          break;
        }
      }
    }
  }
  if (out.error) {
    out.items.clear();
    out.root = JsonItem{};
  }
  return out;
}

}  // namespace core
}  // namespace runcheck
