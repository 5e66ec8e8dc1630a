#!/usr/bin/env bash
# generated_lines_are_located_in_the_output.sh ASYNCC INCLUDE_DIR - with -o,
# generated code (frame structs, _init/_start/_take, the dispatch switch)
# is placed by #line in the output file at its own line numbers, so that a
# debugger's 'break in.c:N' or a warning never lands in it; user lines keep
# their source locations. On stdout, nothing names an output file.
. "$(dirname "$0")/common.sh"

cat > in.c <<'C'
#include <asyncc.h>
#include <stdio.h>

static async int step(int i) {
  await(asyncc_yield());
  return i;
}

async int amain(void) {
  int total = 0;
  for (int i = 0; i < 3; i++)
    total += await(step(i));
  printf("%d\n", total);
  return 0;
}
C
"$asyncc" in.c -o out.c -- -I "$inc" 2> err.txt || fail "$(cat err.txt)"
# Walk the output as the compiler does: the presumed file and line.
awk -v out=out.c '
  /^#line [0-9]+ "/ {
    file = $3; gsub(/"/, "", file); line = $2
    if (file == out && line != NR + 1) {
      printf "line %d: #line %d names the output, not line %d\n", NR, line, NR + 1
      bad = 1
    }
    next
  }
  { where = file == "" ? out : file; ln = file == "" ? NR : line++ }
  /^struct asyncc__[a-z_]*_frame \{|asyncc__[a-z_]*_init\(struct|switch \(asyncc__f->hdr\.state\)/ {
    if (where != out) {
      printf "generated line %d placed at %s:%d: %s\n", NR, where, ln, $0
      bad = 1
    }
  }
  /total \+= / {
    if (where !~ /in\.c$/ || ln != 12) {
      printf "user line %d placed at %s:%d\n", NR, where, ln
      bad = 1
    }
  }
  END { exit bad }
' out.c || fail "locations in out.c"
"$asyncc" in.c -- -I "$inc" > stdout.c 2> err.txt || fail "$(cat err.txt)"
! grep -q '^#line [0-9]* "-"' stdout.c || fail "a #line names '-'"
echo ok
