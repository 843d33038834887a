// -----------------------------------------------------------------------------
// File: core/internal/concat.h
// -----------------------------------------------------------------------------
//
// Concat(): joins string pieces with one allocation (the size is summed
// first), for the details of violations. Abseil's StrCat would do, but
// Debian's absl::string_view is not std::string_view, so StrCat does not take
// the views this library passes around.
//
// Pure; no exceptions beyond std::bad_alloc; thread-safe.
//
// Example:
//
//   Concat({"CommandContent has no {{", key, "}}"});

#ifndef RUNCHECK_CORE_INTERNAL_CONCAT_H_
#define RUNCHECK_CORE_INTERNAL_CONCAT_H_

#include <initializer_list>
#include <string>
#include <string_view>

namespace runcheck {
namespace core {

inline std::string Concat(std::initializer_list<std::string_view> pieces) {
  size_t size = 0;
  for (std::string_view p : pieces) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : pieces) out.append(p);
  return out;
}

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_INTERNAL_CONCAT_H_
