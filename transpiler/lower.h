/* lower.h - LOWER: async function bodies to resume functions, and
 * asyncc_run() in ordinary code (see lower.c). */
#ifndef TR_LOWER_H
#define TR_LOWER_H

#include "ast.h"
#include "buf.h"
#include "edit.h"

/* Lowers async definition 'fn': records edits of its body in 'ed' and
 * appends the frame struct and functions to 'out', and its frame layout
 * to 'report' when not NULL. Returns 0 or -1. */
int tr_lower_fn(tr_prog_t* p, tr_fn_t* fn, tr_edits_t* ed, tr_buf_t* out,
                tr_buf_t* report);
/* Rewrites every asyncc_run() under 'root'. */
void tr_lower_runs(tr_node_t* root, tr_edits_t* ed);
/* The clauses of for statement 's' (absent ones NULL); false when its
 * header cannot be read. */
bool tr_lower_for_parts(const tr_tu_t* tu, tr_node_t* s, tr_node_t** init,
                        tr_node_t** cond, tr_node_t** inc, tr_node_t** body);
/* Prototypes of fn's asyncc__F_start/_take/_take_into. */
char* tr_lower_protos(tr_fn_t* fn);

#endif
