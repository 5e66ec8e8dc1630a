/* edit.h - offset-based edits of the main file and rendering them.
 *
 * Lowering never builds a new syntax tree: it records replacements of byte
 * ranges of the main file (a promoted variable reference becomes
 * "asyncc__f->x", an await becomes the code that suspends, a whole
 * statement becomes its lowered form). Edits nest: an edit made later may
 * cover earlier ones, whose text it already contains because it was
 * produced with tr_edit_render(). Rendering a range applies the outermost
 * edits inside it (later wins among equal ranges) and copies the rest.
 *
 * Rendered text carries line markers, TR_LINE(n) = "\1<n>\2": "what follows
 * comes from source line n" (0 = generated). The emitter (emit.c) turns
 * them into #line directives.
 */
#ifndef TR_EDIT_H
#define TR_EDIT_H

#include "buf.h"
#include "tu.h"

/* Marks the text that follows as generated (not from a source line). */
#define TR_GEN \
  "\001"       \
  "0"          \
  "\002"

typedef struct {
  unsigned start, end; /* replaced byte range [start, end) */
  unsigned seq;        /* creation order: later edits win */
  const char* text;    /* replacement (arena) */
} tr_edit_t;

/* Edits in order of their start, for rendering a range by binary search. */
typedef struct {
  tr_edit_t* v;
  size_t n, cap;
} tr_edit_run_t;

typedef struct {
  const tr_tu_t* tu;
  tr_edit_run_t run[2]; /* [0]: the edits that came in order of start;
                           [1]: the others, inserted in order */
  unsigned seq;
} tr_edits_t;

void tr_edit_init(tr_edits_t* e, const tr_tu_t* tu);
/* Replaces [start, end) with 'text'; start < end. */
void tr_edit_replace(tr_edits_t* e, unsigned start, unsigned end,
                     const char* text);
/* Appends the text of [start, end) with edits applied, and line markers. */
void tr_edit_render(tr_edits_t* e, unsigned start, unsigned end, tr_buf_t* out);
/* Same, in pieces passed to 'put' (see tr_emit_put). */
typedef void (*tr_sink_t)(void* arg, const char* s, size_t n);
void tr_edit_render_to(tr_edits_t* e, unsigned start, unsigned end,
                       tr_sink_t put, void* arg);
/* The same rendering in steps, for edits that arrive in order (the
 * driver's one edit per top-level declaration): begin at 'start', apply
 * each edit (one inside an edit already applied is skipped), copy the rest
 * up to 'end'. Reads only the file's text and line index, so it may run on
 * another thread than the one that parses and lowers. */
typedef struct {
  const tr_tu_t* tu;
  tr_sink_t put;
  void* arg;
  unsigned pos;  /* the file's text before 'pos' is rendered */
  unsigned line; /* line hint for markers */
} tr_render_t;
void tr_render_begin(tr_render_t* r, const tr_tu_t* tu, unsigned start,
                     tr_sink_t put, void* arg);
void tr_render_edit(tr_render_t* r, unsigned start, unsigned end,
                    const char* text);
void tr_render_end(tr_render_t* r, unsigned end);
/* Same, returned as an arena string. */
char* tr_edit_text(tr_edits_t* e, unsigned start, unsigned end);

#endif
