#include "rules/json_scan.h"

#include "rapidjson/error/en.h"
#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"

namespace runcheck {
namespace {

// A SAX handler that keeps depth 0 (the root) and depth 1 (its children).
// RapidJSON calls each event after consuming its token, so the stream
// position at the call is the token's end; its start is the first byte at or
// after the previous token's end that is not white space or a separator.
class Handler {
 public:
  Handler(std::string_view text, const rapidjson::MemoryStream& is,
          JsonScan& out)
      : text_(text), is_(is), out_(out) {}

  bool Null() { return Scalar(JsonKind::kNull, {}); }
  bool Bool(bool b) { return Scalar(b ? JsonKind::kTrue : JsonKind::kFalse, {}); }
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
    const size_t start = TokenStart();
    if (depth_ == 1) {
      pending_key_.assign(s, n);
      pending_key_span_ = Span{start, is_.Tell() - start};
    }
    last_end_ = is_.Tell();
    return true;
  }
  bool StartObject() { return Open(JsonKind::kObject); }
  bool StartArray() { return Open(JsonKind::kArray); }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

 private:
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

  JsonItem* Begin(JsonKind kind, size_t start) {
    JsonItem* item = nullptr;
    if (depth_ == 0) {
      item = &out_.root;
    } else if (depth_ == 1) {
      out_.items.emplace_back();
      item = &out_.items.back();
      item->key = std::move(pending_key_);
      item->key_span = pending_key_span_;
      pending_key_.clear();
    }
    if (item != nullptr) {
      item->kind = kind;
      item->span.offset = start;
    }
    return item;
  }

  bool Scalar(JsonKind kind, std::string_view str) {
    JsonItem* item = Begin(kind, TokenStart());
    last_end_ = is_.Tell();
    if (item != nullptr) {
      item->span.length = last_end_ - item->span.offset;
      if (kind == JsonKind::kString) item->string_value.assign(str);
    }
    return true;
  }

  bool Open(JsonKind kind) {
    // RapidJSON's iterative parser calls this before consuming the brace,
    // the recursive one after; TokenStart() finds it either way.
    const size_t start = TokenStart();
    JsonItem* item = Begin(kind, start);
    if (depth_ <= 1) open_[depth_] = item;
    ++depth_;
    last_end_ = start + 1;
    return true;
  }

  bool Close() {
    --depth_;
    last_end_ = TokenStart() + 1;  // see Open()
    if (depth_ <= 1 && open_[depth_] != nullptr) {
      // The item may have moved since Open() if it is a child (vector
      // growth), so find it again by position.
      JsonItem* item = depth_ == 0 ? &out_.root : &out_.items.back();
      item->span.length = last_end_ - item->span.offset;
    }
    return true;
  }

  std::string_view text_;
  const rapidjson::MemoryStream& is_;
  JsonScan& out_;
  int depth_ = 0;
  size_t last_end_ = 0;
  std::string pending_key_;
  Span pending_key_span_;
  JsonItem* open_[2] = {nullptr, nullptr};
};

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

JsonScan ScanJson(std::string_view text) {
  JsonScan out;
  out.items.reserve(16);
  rapidjson::MemoryStream is(text.data(), text.size());
  Handler handler(text, is, out);
  rapidjson::Reader reader;
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult r = reader.Parse<kFlags>(is, handler);
  if (!r.IsError() && is.Tell() != text.size()) {
    // MemoryStream reads a NUL byte as its end marker.
    out.error = JsonSyntaxError{is.Tell(), "unexpected NUL byte"};
  } else if (r.IsError()) {
    out.error = JsonSyntaxError{r.Offset(), rapidjson::GetParseError_En(r.Code())};
  }
  if (out.error) {
    out.items.clear();
    out.root = JsonItem{};
  }
  return out;
}

}  // namespace runcheck
