"""A fuzz target built two ways: a libFuzzer binary (--config=fuzz, clang)
and a replay test that feeds every file of its corpus to the same
LLVMFuzzerTestOneInput in the normal test suite."""

load("//tools:cc_defs.bzl", "cc_binary", "cc_test")

def runcheck_fuzzer(name, srcs, deps, corpus, testonly = False):
    srcs = srcs + ["fuzz_check.h"]
    cc_binary(
        name = name,
        srcs = srcs,
        deps = deps,
        linkopts = ["-fsanitize=fuzzer"],
        tags = ["manual", "fuzzer"],
        testonly = testonly,
    )
    cc_test(
        name = name + "_replay",
        srcs = srcs + ["replay_main.cc"],
        deps = deps + ["@bazel_tools//tools/cpp/runfiles"],
        data = native.glob([corpus + "/**"]),
        args = ["fuzz/" + corpus],
    )
