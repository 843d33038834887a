// -----------------------------------------------------------------------------
// File: core/violation.h
// -----------------------------------------------------------------------------
//
// The values runcheck reports about a user's input. Problems in the input are
// values, never exceptions or `absl::Status`:
//
//   * `Violation`: the input breaks a rule of the API. It carries the catalog
//     code (so the HTTP status and the API message follow), the field path
//     (`Tag.3.Key`, `Parameters.name`, `Frequency`), an optional byte span
//     into that field's value, and a detail sentence for humans. The API's
//     answer is the catalog message; the detail is extra and its wording is
//     not part of the contract (the code, field and span are).
//   * `Warning`: the input is valid but suspicious. A warning has a stable id
//     (`frequency.day-fields-or`), a field, an optional span and a detail.
//     Warnings never change validity.
//
// Spans are 0-based byte offsets into the field's original value (for the
// JSON text of `Parameters`, into that text).
//
// Plain values: copyable, no I/O, thread-compatible.
//
// Example:
//
//   Violation v{Code::kInvalidParamFrequency, "Frequency", Span{12, 1},
//               "day-of-week value 8 at offset 12 is outside 0-7"};
//   v.info().http_status;  // 400
//   v.Message();           // "The specified frequency is invalid."

#ifndef RUNCHECK_CORE_VIOLATION_H_
#define RUNCHECK_CORE_VIOLATION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"

namespace runcheck {
namespace core {

// A byte range [offset, offset + length) of a field's value. A zero length
// points between two bytes (for example at the end of a truncated value).
struct Span {
  size_t offset = 0;
  size_t length = 0;

  friend bool operator==(const Span& a, const Span& b) {
    return a.offset == b.offset && a.length == b.length;
  }
};

struct Violation {
  Code code;
  std::string field;
  std::optional<Span> span;
  std::string detail;
  // The action whose table the code is read from (SPEC 11: the same code can
  // carry another status or message per action).
  Action action = Action::kRunCommand;
  // What a `%s` in the action's message stands for: the limit in force
  // ("18" for an 18 KiB content limit). Empty for a message without one.
  std::string message_argument;

  // The action's row for the code.
  const CodeInfo& info() const { return DescribeFor(action, code); }
  // The API's message, `%s` filled in with `message_argument`.
  std::string Message() const { return ExpandMessage(info().message, message_argument); }
};

struct Warning {
  std::string_view id;  // stable, points at a static string
  std::string field;
  std::optional<Span> span;
  std::string detail;
};

// What one check found: violations in the documented order, then warnings.
//
// Bounded (SPEC 8, *Bounded findings*): a producer adds through `Add` with
// its cap (`Limits::max_violations`, `Limits::max_warnings`); past the cap a
// finding is counted in `dropped` / `dropped_warnings` instead of kept. The
// first violation is always kept (a cap below 1 acts as 1), so validity and
// the API's answer never depend on the cap.
struct Findings {
  std::vector<Violation> violations;
  std::vector<Warning> warnings;
  size_t dropped = 0;           // violations past the cap, not kept
  size_t dropped_warnings = 0;  // warnings past the cap, not kept

  bool ok() const { return violations.empty(); }

  // Whether one more violation (warning) would be kept under `max`.
  bool HasRoom(int max) const {
    return violations.size() < static_cast<size_t>(max < 1 ? 1 : max);
  }
  bool HasWarningRoom(int max) const {
    return warnings.size() < static_cast<size_t>(max < 0 ? 0 : max);
  }
  void Add(Violation v, int max) {
    if (HasRoom(max)) {
      violations.push_back(std::move(v));
    } else {
      ++dropped;
    }
  }
  void Add(Warning w, int max) {
    if (HasWarningRoom(max)) {
      warnings.push_back(std::move(w));
    } else {
      ++dropped_warnings;
    }
  }
};

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_VIOLATION_H_
