"""runcheck's C++ rules: Bazel's own, with C++17 carried by each target.

Bazel 4 does not read an external repository's .bazelrc, so a workspace
that depends on runcheck would otherwise build it with the compiler's
default standard (-std=c++0x on Bazel 4's toolchain) and fail on
std::optional. Every C++ target of runcheck is declared through these
macros instead of the native rules; a target whose sources are all C keeps
the C defaults. A copts attribute given to the macro comes after -std=c++17.
"""

RUNCHECK_CXXOPTS = ["-std=c++17"]

def _copts(srcs, copts):
    c_only = srcs and all([s.endswith(".c") for s in srcs if type(s) == "string"])
    return (copts or []) if c_only else RUNCHECK_CXXOPTS + (copts or [])

def cc_library(name, srcs = [], copts = None, **kwargs):
    native.cc_library(name = name, srcs = srcs, copts = _copts(srcs, copts), **kwargs)

def cc_test(name, srcs = [], copts = None, **kwargs):
    native.cc_test(name = name, srcs = srcs, copts = _copts(srcs, copts), **kwargs)

def cc_binary(name, srcs = [], copts = None, **kwargs):
    native.cc_binary(name = name, srcs = srcs, copts = _copts(srcs, copts), **kwargs)
