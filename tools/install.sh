#!/usr/bin/env bash
# Installs runcheck for builds without Bazel:
#   tools/install.sh PREFIX
# builds //capi:libruncheck.so.1 (-c opt) and installs
#   PREFIX/lib/libruncheck.so.1 (SONAME: the C API's major version) and the
#     libruncheck.so link;
#   PREFIX/include/runcheck/capi/runcheck.h (the C API) and the C++ public
#     headers under PREFIX/include/runcheck/{core,schedule,params,rules}
#     (not internal/);
#   PREFIX/lib/pkgconfig/runcheck.pc.
# Then: cc $(pkg-config --cflags --libs runcheck) app.c, with
# PKG_CONFIG_PATH=PREFIX/lib/pkgconfig. The library reads the tz database from
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
api_major=$(sed -nE 's/^#define RUNCHECK_C_API_VERSION ([0-9]+).*/\1/p' capi/runcheck.h)

mkdir -p "${prefix}/lib/pkgconfig" "${prefix}/include/runcheck"
install -m 0755 "${bin}/capi/libruncheck.so.${api_major}" "${prefix}/lib/libruncheck.so.${api_major}"
ln -sf "libruncheck.so.${api_major}" "${prefix}/lib/libruncheck.so"
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
Description: Validation and scheduling for the Cloud Assistant command APIs (C API version ${api_major})
Version: ${api_major}
Requires: absl_strings absl_str_format absl_time re2
Cflags: -I\${includedir}
Libs: -L\${libdir} -Wl,-rpath,\${libdir} -lruncheck
Libs.private: -ldate-tz
PC
echo "installed runcheck into ${prefix}"
