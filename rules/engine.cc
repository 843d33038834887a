#include "rules/engine.h"

#include <algorithm>

#include "core/ascii.h"
#include "core/internal/concat.h"
#include "core/utf8.h"

namespace runcheck {
namespace rules {
namespace {

// The byte offset of code point `n` of `text` (counting as ScanUtf8 does).
size_t OffsetOfCodePoint(std::string_view text, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < text.size(); ++k) {
    const size_t len = core::Utf8SequenceLength(text.substr(i));
    i += len == 0 ? 1 : len;
  }
  return i;
}

}  // namespace

ValueCheck MaxChars(int core::Limits::*limit, core::Code code) {
  return [limit, code](std::string_view v, const core::Limits& limits) -> std::optional<Problem> {
    const size_t max = static_cast<size_t>(std::max(0, limits.*limit));
    if (v.size() <= max) return std::nullopt;  // bytes >= code points
    const size_t chars = core::ScanUtf8(v).code_points;
    if (chars <= max) return std::nullopt;
    const size_t from = OffsetOfCodePoint(v, max);
    return Problem{code, core::Span{from, v.size() - from},
                   std::to_string(chars) + " characters; the limit is " +
                       std::to_string(max)};
  };
}

ValueCheck MaxBytes(int core::Limits::*limit, core::Code code) {
  return [limit, code](std::string_view v, const core::Limits& limits) -> std::optional<Problem> {
    const size_t max = static_cast<size_t>(std::max(0, limits.*limit));
    if (v.size() <= max) return std::nullopt;
    return Problem{code, core::Span{max, v.size() - max},
                   std::to_string(v.size()) + " bytes; the limit is " +
                       std::to_string(max)};
  };
}

ValueCheck Utf8NoControl(core::Code code, bool allow_tab_lf_cr) {
  return [code, allow_tab_lf_cr](std::string_view v,
                                 const core::Limits&) -> std::optional<Problem> {
    const core::Utf8Facts f = core::ScanUtf8(v, allow_tab_lf_cr);
    if (!f.valid && (!f.first_control || f.first_invalid < f.first_control->offset)) {
      return Problem{code, core::Span{f.first_invalid, 1},
                     "invalid UTF-8 at byte " + std::to_string(f.first_invalid)};
    }
    if (f.first_control) {
      return Problem{code, *f.first_control,
                     "control character at byte " +
                         std::to_string(f.first_control->offset)};
    }
    return std::nullopt;
  };
}

ValueCheck Utf8NoNul(core::Code code) {
  return [code](std::string_view v, const core::Limits&) -> std::optional<Problem> {
    const size_t nul = v.find('\0');
    const std::optional<size_t> bad = core::FirstInvalidUtf8(v.substr(0, nul));
    if (bad) {
      return Problem{code, core::Span{*bad, 1}, "invalid UTF-8 at byte " + std::to_string(*bad)};
    }
    if (nul != std::string_view::npos) {
      return Problem{code, core::Span{nul, 1}, "a NUL byte at byte " + std::to_string(nul)};
    }
    return std::nullopt;
  };
}

ValueCheck OneOf(std::vector<std::string_view> allowed, core::Code code, bool ignore_case) {
  std::string list;  // for the detail, joined once
  for (std::string_view a : allowed) {
    if (!list.empty()) list += ", ";
    list += a;
  }
  if (!ignore_case) list += " (case-sensitive)";
  return [allowed = std::move(allowed), list = std::move(list), code, ignore_case](
             std::string_view v, const core::Limits&) -> std::optional<Problem> {
    for (std::string_view a : allowed) {
      if (ignore_case ? core::EqualsIgnoreCase(a, v) : a == v) return std::nullopt;
    }
    return Problem{code, core::Span{0, v.size()}, core::Concat({"\"", v, "\" is not one of ", list})};
  };
}

ValueCheck Boolean(core::Code code) {
  return OneOf({"true", "false"}, code, /*ignore_case=*/true);
}

bool IsBooleanText(std::string_view text) {
  return core::EqualsIgnoreCase(text, "true") || core::EqualsIgnoreCase(text, "false");
}

bool BooleanValue(std::string_view text) { return core::EqualsIgnoreCase(text, "true"); }

}  // namespace rules
}  // namespace runcheck
