"""A fuzz target built two ways: a libFuzzer binary (--config=fuzz, clang)
and a replay test that feeds every file of its corpus to the same
LLVMFuzzerTestOneInput in the normal test suite."""

def runcheck_fuzzer(name, srcs, deps, corpus, testonly = False):
    srcs = srcs + ["fuzz_check.h"]
    native.cc_binary(
        name = name,
        srcs = srcs,
        deps = deps,
        linkopts = ["-fsanitize=fuzzer"],
        tags = ["manual", "fuzzer"],
        testonly = testonly,
    )
    native.cc_test(
        name = name + "_replay",
        srcs = srcs + ["replay_main.cc"],
        deps = deps,
        data = native.glob([corpus + "/**"]),
        args = ["fuzz/" + corpus],
    )
