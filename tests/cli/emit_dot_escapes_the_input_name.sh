#!/usr/bin/env bash
# emit_dot_escapes_the_input_name.sh ASYNCC INCLUDE_DIR - --emit-dot
# writes the input's name inside DOT strings: a '"' or '\' in it is
# escaped, as in the output's #line directives, so the graph stays valid
# DOT ('\N' unescaped would be DOT's node-name escape).
. "$(dirname "$0")/common.sh"

name='my "odd\N.c'
cat > "$name" <<'C'
#include <asyncc.h>
async int f(void) {
  await(asyncc_yield());
  return 1;
}
C
"$asyncc" --emit-dot "$name" -- -I "$inc" > f.dot 2> err.txt ||
  fail "exit $?: $(cat err.txt)"
want='my \"odd\\N.c'
grep -qF "label=\"async function f ($want)\";" f.dot ||
  fail "graph label: $(grep -m1 'label=' f.dot)"
grep -qF "s0 [label=\"0: start\\n$want:2\"];" f.dot ||
  fail "start node: $(grep -m1 's0 ' f.dot)"
grep -qF "s1 [label=\"1: await asyncc_yield()\\n$want:3\"];" f.dot ||
  fail "await node: $(grep -m1 's1 ' f.dot)"
echo ok
