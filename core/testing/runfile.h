// -----------------------------------------------------------------------------
// File: core/testing/runfile.h
// -----------------------------------------------------------------------------
//
// Test-only. The text of a data file of runcheck's, by its path from the
// workspace root, found through the runfiles, so that a test also runs as
// @runcheck//... from another workspace. A file that cannot be found or read
// is a test failure (ADD_FAILURE) and an empty text.

#ifndef RUNCHECK_CORE_TESTING_RUNFILE_H_
#define RUNCHECK_CORE_TESTING_RUNFILE_H_

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "tools/cpp/runfiles/runfiles.h"

namespace runcheck {
namespace testing {

inline std::string ReadRunfile(const std::string& path) {
  std::string error;
  std::unique_ptr<bazel::tools::cpp::runfiles::Runfiles> runfiles(
      bazel::tools::cpp::runfiles::Runfiles::CreateForTest(&error));
  if (runfiles == nullptr) {
    ADD_FAILURE() << error;
    return {};
  }
  std::ifstream in(runfiles->Rlocation("runcheck/" + path));
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace testing
}  // namespace runcheck

#endif  // RUNCHECK_CORE_TESTING_RUNFILE_H_
