/* tests/sync/asyncc.h - the synchronous reading of an async program.
 *
 * The semantic law of asyncc: a program with every await(e) read as (e), and
 * every async call run synchronously, behaves exactly like the transpiled
 * program. Tests build each end-to-end program twice, once through asyncc
 * and once plainly against this header (it shadows the real asyncc.h on the
 * include path), run both and compare output and exit status.
 */
#ifndef ASYNCC_SYNC_H
#define ASYNCC_SYNC_H

#include <stdint.h>

#define async
#define await(call) (call)
#define asyncc_run(call) (call)

static inline int asyncc_yield(void) { return 0; }
static inline int asyncc_sleep(uint64_t ms) { (void)ms; return 0; }

#endif
