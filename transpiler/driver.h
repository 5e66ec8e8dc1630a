/* driver.h - the per-file pipeline (the analogue of LLVM's splitCoroutine):
 *   tu_parse -> shape_collect (+ checks) -> live_compute -> frame_name
 *   -> lower (each function) -> emit (#line) -> write
 * A function with errors is skipped by later passes; any error makes the
 * run fail without writing output. */
#ifndef TR_DRIVER_H
#define TR_DRIVER_H

#include "options.h"

/* Returns the exit status: 0 ok, 1 errors in the input, 2 usage/IO. */
int tr_driver_run(const tr_options_t* o);

#endif
