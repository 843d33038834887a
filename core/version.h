// -----------------------------------------------------------------------------
// File: core/version.h
// -----------------------------------------------------------------------------
//
// runcheck's release, as `validate --version`, the C API
// (runcheck_library_version) and runcheck.pc report it. Pure data.

#ifndef RUNCHECK_CORE_VERSION_H_
#define RUNCHECK_CORE_VERSION_H_

namespace runcheck {
namespace core {

inline constexpr char kVersion[] = "0.7.0";

}  // namespace core
}  // namespace runcheck

#endif  // RUNCHECK_CORE_VERSION_H_
