/* live.c - ANALYSIS: which locals must live in the frame.
 *
 * A local must survive a suspension when an await can run while the
 * variable is in scope: its value (or its address, handed to a callee) may
 * be used after the resume function returned and was called again. This
 * first version uses that scope rule: a local is promoted to the frame when
 * an await lies within its scope after its declaration. Everything else
 * stays an ordinary local of the resume function, declared where the user
 * declared it. Parameters always live in the frame: _start stores them
 * before the body runs.
 */
#include "ast.h"

static bool await_in(tr_node_t* n, unsigned from, unsigned to) {
  if (!n->has_await || n->end <= from || n->start >= to) return false;
  if (n->is_await && n->start >= from && n->end <= to) return true;
  for (unsigned i = 0; i < n->nkids; i++)
    if (await_in(n->kids[i], from, to)) return true;
  return false;
}

void tr_live_compute(tr_fn_t* fn) {
  for (tr_local_t* l = fn->locals; l; l = l->next) {
    if (l->is_param) continue;
    l->promoted = await_in(l->scope, l->scope_start, l->scope->end);
  }
}
