/* emit.h - EMIT: turn rendered text with line markers into the output
 * file: #line directives wherever the output's line numbering drifts from
 * the source, so compiler errors, __LINE__ and debuggers point at the
 * user's source; then write the file atomically.
 */
#ifndef TR_EMIT_H
#define TR_EMIT_H

#include <stdbool.h>

#include "buf.h"

/* Converts 'text' (with TR_LINE markers) to C with #line directives naming
 * 'path'; with 'lines' false, markers are just dropped. */
void tr_emit_lines(const char* text, const char* path, bool lines,
                   tr_buf_t* out);
/* Writes 'data' to 'path' via a temporary file and rename(), so a failed
 * run never leaves a partial output. "-" is stdout. Returns 0 or -1. */
int tr_emit_write(const char* path, const char* data, size_t len);

#endif
