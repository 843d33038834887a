#!/usr/bin/env bash
# Installs runcheck for builds without Bazel:
#   tools/install.sh PREFIX
# builds //capi:libruncheck.so.1 (-c opt) and installs
#   PREFIX/lib/libruncheck.so.1 (SONAME: RUNCHECK_ABI_VERSION) and the
#     libruncheck.so link; PREFIX/lib/libruncheck.a (every runcheck archive
#     the C API needs, merged);
#   PREFIX/include/runcheck/capi/runcheck.h (the C API) and the C++ public
#     headers under PREFIX/include/runcheck/{core,schedule,params,rules}
#     (not internal/);
#   PREFIX/lib/pkgconfig/runcheck.pc.
# Then: cc $(pkg-config --cflags --libs runcheck) app.c, with
# PKG_CONFIG_PATH=PREFIX/lib/pkgconfig; statically:
# cc app.c $(pkg-config --cflags runcheck) PREFIX/lib/libruncheck.a \
#   $(pkg-config --static --libs-only-l runcheck | sed s/-lruncheck//). The library reads the tz database from
# /usr/share/zoneinfo (Debian's tzdata). Installs missing Debian packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -ne 1 ]]; then
  echo "usage: tools/install.sh PREFIX" >&2
  exit 2
fi
prefix=$1
tools/deps.sh
bazel build -c opt //capi:libruncheck.so.1 2>&1 | grep -E '^(ERROR|FAIL)' && exit 1
bin=$(bazel info -c opt bazel-bin 2>/dev/null)
# The static archive: the archives of runcheck's own libraries under the C
# API (header-only ones have none), merged.
libs=$(bazel cquery -c opt 'kind("cc_library", deps(//capi:capi)) except //third_party/...' \
  2>/dev/null | sed 's/ (.*//')
# shellcheck disable=SC2086
bazel build -c opt --output_groups=archive $libs 2>&1 | grep -E '^(ERROR|FAIL)' && exit 1
mri="create libruncheck.a"
for label in $libs; do
  path=${label#//}
  for archive in "${bin}/${path%%:*}/lib${path#*:}.a" "${bin}/${path%%:*}/lib${path#*:}.lo"; do
    [[ -f "$archive" ]] && mri+=$'\n'"addlib ${archive}"
  done
done
work=$(mktemp -d)
(cd "$work" && printf '%s\nsave\nend\n' "$mri" | ar -M)
api_major=$(sed -nE 's/^#define RUNCHECK_ABI_VERSION ([0-9]+).*/\1/p' capi/runcheck.h)
api_version=$(sed -nE 's/^#define RUNCHECK_C_API_VERSION ([0-9]+).*/\1/p' capi/runcheck.h)
release=$(sed -nE 's/^inline constexpr char kVersion\[\] = "([^"]+)";/\1/p' core/version.h)

mkdir -p "${prefix}/lib/pkgconfig" "${prefix}/include/runcheck"
install -m 0755 "${bin}/capi/libruncheck.so.${api_major}" "${prefix}/lib/libruncheck.so.${api_major}"
ln -sf "libruncheck.so.${api_major}" "${prefix}/lib/libruncheck.so"
install -m 0644 "${work}/libruncheck.a" "${prefix}/lib/libruncheck.a"
rm -rf "$work"
for h in capi/runcheck.h core/*.h schedule/*.h params/*.h rules/*.h; do
  install -D -m 0644 "$h" "${prefix}/include/runcheck/$h"
done
# core/catalog.h includes its data.
for inc in core/*.inc; do install -D -m 0644 "$inc" "${prefix}/include/runcheck/$inc"; done

cat > "${prefix}/lib/pkgconfig/runcheck.pc" <<PC
prefix=${prefix}
libdir=\${prefix}/lib
includedir=\${prefix}/include/runcheck

Name: runcheck
Description: Validation and scheduling for the Cloud Assistant command APIs (C API version ${api_version})
Version: ${release}
Requires: absl_strings absl_str_format absl_time re2
Cflags: -I\${includedir}
Libs: -L\${libdir} -Wl,-rpath,\${libdir} -lruncheck
# For the static archive: what third_party/BUILD.bazel links.
Libs.private: -lre2 -ldate-tz -labsl_statusor -labsl_status -labsl_str_format_internal -labsl_strerror -labsl_cord -labsl_cordz_info -labsl_cord_internal -labsl_cordz_functions -labsl_cordz_handle -labsl_hash -labsl_city -labsl_low_level_hash -labsl_raw_hash_set -labsl_bad_variant_access -labsl_bad_optional_access -labsl_hashtablez_sampler -labsl_exponential_biased -labsl_synchronization -labsl_graphcycles_internal -labsl_stacktrace -labsl_symbolize -labsl_debugging_internal -labsl_demangle_internal -labsl_malloc_internal -labsl_time -labsl_civil_time -labsl_time_zone -labsl_strings -labsl_strings_internal -labsl_base -labsl_spinlock_wait -labsl_int128 -labsl_throw_delegate -labsl_raw_logging_internal -labsl_log_severity -lstdc++ -lm -lpthread
PC
echo "installed runcheck into ${prefix}"
