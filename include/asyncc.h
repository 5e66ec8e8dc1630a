/* asyncc.h - asynchronous C on libuv: the one header users include.
 *
 * Copyright (c) 2026 the asyncc authors. MIT licensed (see LICENSE).
 *
 * Layout follows uv.h: language keywords, then the ABI that generated code
 * uses, then the runtime API one noun at a time. Functions return 0 or a
 * negative libuv error code (UV_E*), so libuv errors pass through unchanged.
 */
#ifndef ASYNCC_H
#define ASYNCC_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <uv.h>

#include "asyncc/frame.h"
#include "asyncc/lang.h"

#if defined(__GNUC__) && __GNUC__ >= 4
#define ASYNCC_EXTERN __attribute__((visibility("default")))
#else
#define ASYNCC_EXTERN
#endif

/* ====================================================================
 * Runtime async functions. Await them from async functions:
 *   int rc = await(asyncc_sleep(10));
 * ==================================================================== */

/* Suspends the caller until a later turn of the event loop; returns 0. */
async int asyncc_yield(void);

/* Suspends the caller for 'ms' milliseconds; returns 0 or a negative libuv
 * error code. */
async int asyncc_sleep(uint64_t ms);

#ifdef __cplusplus
}
#endif
#endif /* ASYNCC_H */
