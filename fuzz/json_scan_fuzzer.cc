// Fuzz target: the JSON scan (core/json_scan.h) that both the request
// decoder and the Parameters check stand on. Input: the JSON text.
// Checks: the scans to depth 1 and depth 3 agree on errors and on the
// root's children; the kept items form a tree (each item's descendants
// follow it, one level deeper per step); every span lies inside the text;
// string and key spans are quoted tokens; and every item's own text,
// scanned alone, gives the same kind and the same decoded string, both
// RapidJSON parsers included (texts nested past 64 levels take the
// iterative one).

#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "core/json_scan.h"


namespace {

using runcheck::core::JsonItem;
using runcheck::core::JsonKind;
using runcheck::core::JsonScan;
using runcheck::core::ScanJson;
using runcheck::core::Span;
using runcheck::fuzz::Check;

bool Inside(const Span& s, std::string_view text) {
  return s.offset <= text.size() && s.length <= text.size() - s.offset;
}

bool Quoted(const Span& s, std::string_view text) {
  return s.length >= 2 && text[s.offset] == '"' && text[s.offset + s.length - 1] == '"';
}

// The item's token scanned on its own agrees with the item.
void CheckAlone(const JsonScan& scan, const JsonItem& item, std::string_view text) {
  Check(Inside(item.span, text));
  const JsonScan alone = ScanJson(scan.Raw(item));
  Check(!alone.error.has_value());
  Check(alone.root.kind == item.kind);
  Check(alone.root.span.offset == 0 && alone.root.span.length == item.span.length);
  if (item.kind == JsonKind::kString) {
    Check(Quoted(item.span, text));
    Check(alone.root.string_value == item.string_value);
  }
}

bool SameItem(const JsonItem& a, const JsonItem& b) {
  return a.key == b.key && a.key_span == b.key_span && a.kind == b.kind && a.span == b.span &&
         a.string_value == b.string_value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const JsonScan one = ScanJson(text, 1);
  const JsonScan three = ScanJson(text, 3);
  Check(one.error.has_value() == three.error.has_value());
  if (one.error) {
    Check(one.error->offset == three.error->offset && one.error->offset <= size);
    Check(one.items.empty() && three.items.empty());
    return 0;
  }
  Check(Inside(one.root.span, text) && one.root.kind == three.root.kind);
  Check(one.root.span == three.root.span);
  Check(one.source == text);

  // The tree: items[i]'s descendants are items[i + 1, next), its children
  // one level deeper.
  for (size_t i = 0; i < three.items.size(); ++i) {
    const JsonItem& item = three.items[i];
    Check(item.depth >= 1 && item.depth <= 3);
    Check(item.next > i && item.next <= three.items.size());
    for (const JsonItem& child : three.Children(i)) Check(child.depth == item.depth + 1);
    const bool container = item.kind == JsonKind::kObject || item.kind == JsonKind::kArray;
    if (!container || item.depth == 3) Check(item.next == i + 1);
  }
  // Depth 1 of the deeper scan is the shallow scan.
  size_t n = 0;
  for (const JsonItem& item : three.Children()) {
    Check(item.depth == 1);
    Check(n < one.items.size() && SameItem(item, one.items[n]));
    ++n;
  }
  Check(n == one.items.size());

  for (const JsonItem& item : three.items) {
    CheckAlone(three, item, text);
    if (!item.key_span.length) continue;  // an array element
    Check(Inside(item.key_span, text) && Quoted(item.key_span, text));
    const JsonScan key =
        ScanJson(text.substr(item.key_span.offset, item.key_span.length));
    Check(!key.error && key.root.kind == JsonKind::kString && key.root.string_value == item.key);
    Check(item.key_span.offset + item.key_span.length <= item.span.offset);
  }
  return 0;
}
