/* frame.h - LAYOUT: names and C declarations of frame fields.
 *
 * Decides the frame field name of every promoted local (the source name,
 * with a _<k> suffix only to keep shadowed or same-named locals apart) and
 * turns libclang types back into C declarators ("int (*x)[3]"), which the
 * struct, temporaries and prototypes are written with.
 */
#ifndef TR_FRAME_H
#define TR_FRAME_H

#include <stdbool.h>

#include "ast.h"

/* A declaration of 'name' with type 't', e.g. "int (*name)[3]". With
 * 'storage', top-level const (and const of array elements) is dropped,
 * because the frame field is assigned where the user initialized it.
 * Returns NULL for types that cannot be spelled outside the function
 * (variable-length arrays, anonymous or function-local types); 'why' then
 * says why. */
char* tr_frame_declarator(CXType t, const char* name, bool storage,
                          const char** why);
/* The same for a parameter: arrays and functions become pointers. */
/* Whether a frame field of type 't' keeps const elements that a storage
 * declarator cannot drop (a typedef of an array of an unnamed const
 * struct): it is then filled through a cast. */
bool tr_frame_keeps_const(CXType t);

char* tr_frame_param_declarator(CXType t, const char* name, bool storage,
                                const char** why);
/* Block-scope types of the function being lowered that were moved to file
 * scope as 'name': declarators spell them by their new name. */
void tr_frame_hoisted_reset(void);
void tr_frame_hoisted_add(CXCursor decl, const char* name);
const char* tr_frame_hoisted_name(CXCursor decl);
bool tr_frame_hoisted_has(const char* name);
bool tr_frame_hoisted_any(void);
/* Assigns tr_local_t.field for every promoted local of 'fn'. */
void tr_frame_name_fields(tr_fn_t* fn);

#endif
