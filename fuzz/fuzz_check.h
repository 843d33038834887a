// The fuzz targets' assertion: a failed property aborts, which libFuzzer
// reports as a crash with its input.

#ifndef RUNCHECK_FUZZ_FUZZ_CHECK_H_
#define RUNCHECK_FUZZ_FUZZ_CHECK_H_

#include <cstdlib>

namespace runcheck {
namespace fuzz {

inline void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace fuzz
}  // namespace runcheck

#endif  // RUNCHECK_FUZZ_FUZZ_CHECK_H_
