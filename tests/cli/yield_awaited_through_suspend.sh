#!/usr/bin/env bash
# yield_awaited_through_suspend.sh ASYNCC INCLUDE_DIR - an await of
# asyncc_yield() calls asyncc__asyncc_yield_suspend (ASYNCC__AWAIT_SUSPEND)
# and never initializes or runs the yield's frame; other runtime leaves
# (asyncc_sleep) are still run with ASYNCC__AWAIT.
. "$(dirname "$0")/common.sh"

cat > in.c <<'C'
#include <asyncc.h>
async int f(void) {
  int r = await(asyncc_yield());
  r += await(asyncc_sleep(1));
  return r;
}
C
"$asyncc" in.c -o out.c --no-line -- -I "$inc" 2> err.txt || fail "$(cat err.txt)"
grep -q 'ASYNCC__AWAIT_SUSPEND(asyncc__f, &asyncc__f->asyncc__u.asyncc_yield, asyncc__asyncc_yield_suspend(&asyncc__f->hdr), 1)' out.c ||
  fail "the yield is not awaited through its _suspend: $(grep -n yield out.c)"
! grep -q 'asyncc__asyncc_yield_init' out.c || fail "the yield's frame is initialized"
grep -q 'ASYNCC__AWAIT(asyncc__f, &asyncc__f->asyncc__u.asyncc_sleep.hdr, 2)' out.c ||
  fail "the sleep is not awaited with ASYNCC__AWAIT: $(grep -n sleep out.c)"
echo ok
