/* dot.h - asyncc --emit-dot: Graphviz graphs of async functions' states
 * (see dot.c). */
#ifndef TR_DOT_H
#define TR_DOT_H

#include "ast.h"
#include "buf.h"

/* Appends the graph of lowered function 'fn' to 'out'. */
void tr_dot_fn(const tr_tu_t* tu, tr_fn_t* fn, tr_buf_t* out);

#endif
