#!/usr/bin/env bash
# test-install.sh - install asyncc to a temporary prefix and use it from
# outside the tree: through find_package(asyncc) (tests/consumer/) and
# through pkg-config with the installed asyncc binary.
#
#   bash scripts/test-install.sh [BUILD_DIR]     (default: build)
#
# The tree is installed to one directory and then moved, so the check also
# proves the installed package is relocatable.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
consumer="$root/tests/consumer"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/asyncc-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

step() { printf '\n== test-install: %s\n' "$*"; }
fail() { printf 'test-install: FAILED: %s\n' "$*" >&2; exit 1; }

step "install to a staging prefix, then move it"
cmake --install "$build" --prefix "$tmp/stage" >"$tmp/install.log"
mv "$tmp/stage" "$tmp/prefix"
prefix="$tmp/prefix"
libdir=lib
[[ -d "$prefix/lib" ]] || libdir=$(cd "$prefix" && ls -d lib*/ | head -n1)

for f in bin/asyncc include/asyncc.h include/asyncc/frame.h \
         include/asyncc/lang.h "$libdir/pkgconfig/asyncc.pc" \
         "$libdir/cmake/asyncc/asynccConfig.cmake" \
         "$libdir/cmake/asyncc/asynccConfigVersion.cmake" \
         "$libdir/cmake/asyncc/asynccTargets.cmake" \
         "$libdir/cmake/asyncc/AsynccTargetSources.cmake"; do
  [[ -e "$prefix/$f" ]] || fail "missing $f in the installed tree"
done
ls "$prefix/$libdir"/libasyncc.* >/dev/null 2>&1 ||
  fail "missing the runtime library libasyncc.* in $libdir/"
"$prefix/bin/asyncc" --version || fail "installed asyncc --version"

step "find_package(asyncc): tests/consumer"
cmake -S "$consumer" -B "$tmp/consumer-build" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS="-Wall -Wextra -Werror -D CONSUMER_TWO_WORDS=1"
cmake --build "$tmp/consumer-build" -j2
"$tmp/consumer-build/consumer" >"$tmp/cmake.out" ||
  fail "consumer (find_package) exited with $?"
diff -u "$consumer/expected.out" "$tmp/cmake.out" ||
  fail "consumer (find_package) output differs"

step "pkg-config: asyncc + cc"
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
mkdir "$tmp/pc"
cp "$consumer"/main.c "$consumer"/steps.c "$consumer"/steps.h "$tmp/pc/"
(
  cd "$tmp/pc"
  asyncc="$(pkg-config --variable=asyncc asyncc)"
  [[ "$asyncc" -ef "$prefix/bin/asyncc" ]] ||
    fail "pkg-config --variable=asyncc gives '$asyncc'"
  "$asyncc" main.c -o main.gen.c
  "$asyncc" steps.c -o steps.gen.c
  # shellcheck disable=SC2046
  cc -Wall -Wextra -Werror main.gen.c steps.gen.c \
    $(pkg-config --cflags --libs asyncc) -o app
  ./app >"$tmp/pc.out" || fail "consumer (pkg-config) exited with $?"
)
diff -u "$consumer/expected.out" "$tmp/pc.out" ||
  fail "consumer (pkg-config) output differs"

step "plain compile of async source fails with a message naming asyncc"
if cc -c "$tmp/pc/main.c" -I"$prefix/include" -o "$tmp/plain.o" \
     2>"$tmp/plain.err"; then
  fail "compiling async source without asyncc succeeded"
fi
grep -q "asyncc" "$tmp/plain.err" ||
  fail "plain-compile error does not mention asyncc: $(cat "$tmp/plain.err")"

printf '\ntest-install: OK (find_package and pkg-config)\n'
