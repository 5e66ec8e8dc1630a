#!/usr/bin/env bash
# future_wait_awaited_through_park.sh ASYNCC INCLUDE_DIR - an await of
# asyncc_future_wait(fut) calls asyncc__asyncc_future_wait_park
# (ASYNCC__AWAIT_PARK) and takes its value from _result(): the awaiting
# frame holds no frame for the wait (--report shows no union of callee
# frames), so a task parked on a future costs its task and its own frame.
. "$(dirname "$0")/common.sh"

cat > in.c <<'C'
#include <asyncc.h>
async int f(asyncc_future_t* fut, int id) {
  int rc = await(asyncc_future_wait(fut));
  return rc + id;
}
C
"$asyncc" in.c -o out.c --no-line -- -I "$inc" 2> err.txt || fail "$(cat err.txt)"
grep -q 'ASYNCC__AWAIT_PARK(asyncc__f, asyncc__asyncc_future_wait_park(&asyncc__f->hdr, asyncc__f->fut), 1)' out.c ||
  fail "the wait is not awaited through its _park: $(grep -n future_wait out.c)"
grep -q 'int rc = asyncc__asyncc_future_wait_result();' out.c ||
  fail "the result is not taken with _result(): $(grep -n future_wait out.c)"
! grep -q 'asyncc__u\|asyncc__asyncc_future_wait_init' out.c ||
  fail "the wait has a frame: $(grep -n 'asyncc__u\|future_wait_init' out.c)"
"$asyncc" --report in.c -o /dev/null -- -I "$inc" > report.txt 2> err.txt ||
  fail "$(cat err.txt)"
grep -q 'total 40 bytes' report.txt || fail "frame is not 40 bytes: $(cat report.txt)"
echo ok
