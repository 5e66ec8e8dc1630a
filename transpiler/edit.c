/* edit.c - offset-based edits and rendering (see edit.h). */
#include "edit.h"

#include <stdlib.h>
#include <string.h>

void tr_edit_init(tr_edits_t* e, const tr_tu_t* tu) {
  memset(e, 0, sizeof *e);
  e->tu = tu;
}

/* The index of the first edit of 'r' starting at or after 'off'. */
static size_t first_at(const tr_edit_run_t* r, unsigned off) {
  size_t lo = 0, hi = r->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (r->v[mid].start < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Rendering a range finds its edits by binary search: lowering renders
 * every statement of a function, and a scan of all the function's edits
 * per render was quadratic in its statements. Lowering rewrites the
 * variable references of a body first, in file order (appended to run 0),
 * then the statements, again in file order but each after the references
 * inside it: those go to run 1, mostly appended too (an enclosing
 * statement comes after its inner ones, a short move back). */
void tr_edit_replace(tr_edits_t* e, unsigned start, unsigned end,
                     const char* text) {
  tr_edit_run_t* r = &e->run[0];
  if (r->n && r->v[r->n - 1].start > start) r = &e->run[1];
  r->v = tr_grow(r->v, &r->cap, r->n + 1, sizeof *r->v);
  size_t at = r->n;
  if (at && r->v[at - 1].start > start) at = first_at(r, start + 1);
  memmove(&r->v[at + 1], &r->v[at], (r->n - at) * sizeof *r->v);
  r->n++;
  tr_edit_t* x = &r->v[at];
  x->start = start;
  x->end = end;
  x->seq = ++e->seq;
  x->text = text;
}

static int by_position(const void* a, const void* b) {
  const tr_edit_t* x = *(tr_edit_t* const*)a;
  const tr_edit_t* y = *(tr_edit_t* const*)b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1; /* outer first */
  return x->seq > y->seq ? -1 : 1;                       /* later first */
}

/* TR_LINE(line of 'off'); '*hint' as for tr_tu_line_near(). */
static void marker(tr_sink_t put, void* arg, const tr_tu_t* tu, unsigned off,
                   unsigned* hint) {
  char m[16];
  size_t i = sizeof m;
  m[--i] = '\002';
  unsigned v = tr_tu_line_near(tu, off, hint);
  do {
    m[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  m[--i] = '\001';
  put(arg, m + i, sizeof m - i);
}

/* Sorts the few edits of a range (a function has tens) without qsort's
 * per-call setup: lowering renders 22,000 ranges on the bench file. */
static void sort_edits(tr_edit_t** in, size_t n) {
  if (n > 32) {
    qsort(in, n, sizeof *in, by_position);
    return;
  }
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && by_position(&in[j - 1], &in[j]) > 0; j--) {
      tr_edit_t* x = in[j];
      in[j] = in[j - 1];
      in[j - 1] = x;
    }
}

void tr_render_begin(tr_render_t* r, const tr_tu_t* tu, unsigned start,
                     tr_sink_t put, void* arg) {
  r->tu = tu;
  r->put = put;
  r->arg = arg;
  r->pos = start;
  r->line = 0;
  marker(put, arg, tu, start, &r->line);
}

void tr_render_edit(tr_render_t* r, unsigned start, unsigned end,
                    const char* text) {
  if (start < r->pos) return; /* nested in an edit already applied */
  r->put(r->arg, r->tu->text + r->pos, start - r->pos);
  r->put(r->arg, text, strlen(text));
  r->pos = end;
  marker(r->put, r->arg, r->tu, end, &r->line);
}

void tr_render_end(tr_render_t* r, unsigned end) {
  r->put(r->arg, r->tu->text + r->pos, end - r->pos);
}

void tr_edit_render_to(tr_edits_t* e, unsigned start, unsigned end,
                       tr_sink_t put, void* arg) {
  size_t n = 0, lo[2], hi[2];
  for (int k = 0; k < 2; k++) {
    lo[k] = first_at(&e->run[k], start);
    hi[k] = first_at(&e->run[k], end);
  }
  size_t most = hi[0] - lo[0] + hi[1] - lo[1];
  tr_edit_t* few[32];
  tr_edit_t** in = most <= 32 ? few : malloc(sizeof(tr_edit_t*) * most);
  for (int k = 0; k < 2; k++)
    for (size_t i = lo[k]; i < hi[k]; i++)
      if (e->run[k].v[i].end <= end) in[n++] = &e->run[k].v[i];
  sort_edits(in, n);
  tr_render_t r;
  tr_render_begin(&r, e->tu, start, put, arg);
  for (size_t i = 0; i < n; i++)
    tr_render_edit(&r, in[i]->start, in[i]->end, in[i]->text);
  tr_render_end(&r, end);
  if (in != few) free(in);
}

static void put_buf(void* b, const char* s, size_t n) { tr_buf_add(b, s, n); }

void tr_edit_render(tr_edits_t* e, unsigned start, unsigned end,
                    tr_buf_t* out) {
  tr_edit_render_to(e, start, end, put_buf, out);
}

char* tr_edit_text(tr_edits_t* e, unsigned start, unsigned end) {
  tr_buf_t b;
  tr_buf_init(&b);
  tr_edit_render(e, start, end, &b);
  return tr_buf_take(&b);
}
