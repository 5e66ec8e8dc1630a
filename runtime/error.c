/* error.c - fatal errors of the runtime.
 *
 * Errors the caller can handle are negative libuv codes (use uv_strerror
 * and uv_err_name on them). What remains are conditions generated code has
 * no channel for: a frame allocation that fails, an asyncc_run whose event
 * loop runs out of work before its task ends. Those print one line and
 * abort, like a failed assertion.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

void asyncc__fatal(const char* fmt, ...) {
  va_list ap;
  fputs("asyncc: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  fflush(stderr);
  abort();
}
