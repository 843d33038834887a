"""What a workspace that depends on runcheck calls once, after its
local_repository (or archive) named "runcheck":

    load("@runcheck//:repositories.bzl", "runcheck_dependencies")
    runcheck_dependencies()

It defines the offline stand-ins Bazel 4 would otherwise download for plain
C++ rules (rules_cc, rules_java, remote_coverage_tools; see
third_party/bazel/README.md), unless the workspace defines them itself. The
system libraries stay Debian's (tools/deps.sh); C++17 comes from the
workspace's own flags (--cxxopt=-std=c++17), as Bazel 4 does not read an
external repository's .bazelrc.
"""

def _stand_in_impl(ctx):
    root = ctx.path(Label("@runcheck//:WORKSPACE")).dirname
    src = root.get_child("third_party").get_child("bazel").get_child(ctx.attr.dir)
    for child in src.readdir():
        ctx.symlink(child, child.basename)

_stand_in = repository_rule(
    implementation = _stand_in_impl,
    attrs = {"dir": attr.string(mandatory = True)},
    local = True,
)

def runcheck_dependencies():
    for name in ["rules_cc", "rules_java", "remote_coverage_tools"]:
        if name not in native.existing_rules():
            _stand_in(name = name, dir = name)
