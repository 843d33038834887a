// -----------------------------------------------------------------------------
// File: validate/terminal_text.h
// -----------------------------------------------------------------------------
//
// User text made safe and aligned for a terminal (SPEC 9): `validate`'s text
// output never writes a control character of the user's input raw, and its
// carets line up under the offending characters by display width.
//
//   * EscapeForTerminal: C0 controls and DEL become `\t`, `\n`, `\r` or
//     `\xHH` (`\x1b`, `\x00`); C1 controls (U+0080-U+009F) and the bidi
//     controls that reorder what a reader sees (U+200E, U+200F, U+202A-U+202E,
//     U+2066-U+2069) become `\uHHHH`; a byte that is not valid UTF-8 becomes
//     `\xHH`. Everything else is copied.
//   * DisplayWidth: columns on a terminal of valid UTF-8 text, by Unicode's
//     East Asian width (wide and fullwidth characters count 2, combining marks
//     0), through utf8proc.
//   * CaretLines: the line of a value holding a span (at most 60 bytes of
//     context before it and 100 bytes in all, found without scanning the
//     rest of the value, so each caret costs O(1) whatever the value's size),
//     escaped, with `^` under the span.
//
// Pure; no I/O; thread-safe. Linear in the text handled.
//
// Example:
//
//   EscapeForTerminal("a\x1b[2Jb");            // "a\\x1b[2Jb"
//   DisplayWidth("\xE4\xB8\xAD" "a");          // 3
//   CaretLines("id=\xE4\xB8\xADx", {6, 1});   // "    id=中x\n          ^\n"

#ifndef RUNCHECK_VALIDATE_TERMINAL_TEXT_H_
#define RUNCHECK_VALIDATE_TERMINAL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/violation.h"

namespace runcheck {
namespace validate {

std::string EscapeForTerminal(std::string_view text);

size_t DisplayWidth(std::string_view utf8);

// Two lines, each indented by four spaces and ending in '\n'.
std::string CaretLines(std::string_view value, const core::Span& span);

}  // namespace validate
}  // namespace runcheck

#endif  // RUNCHECK_VALIDATE_TERMINAL_TEXT_H_
