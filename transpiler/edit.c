/* edit.c - offset-based edits and rendering (see edit.h). */
#include "edit.h"

#include <stdlib.h>
#include <string.h>

void tr_edit_init(tr_edits_t* e, const tr_tu_t* tu) {
  e->tu = tu;
  e->v = NULL;
  e->n = e->cap = 0;
  e->seq = 0;
}

/* The index of the first edit starting at or after 'off'. */
static size_t first_at(const tr_edits_t* e, unsigned off) {
  size_t lo = 0, hi = e->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (e->v[mid].start < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Edits are kept in order of their start, so that rendering a range finds
 * its own by binary search: a function of thousands of statements renders
 * each of them, and a scan of all its edits per render was quadratic.
 * Lowering makes most edits in file order, so this is mostly an append. */
void tr_edit_replace(tr_edits_t* e, unsigned start, unsigned end,
                     const char* text) {
  e->v = tr_grow(e->v, &e->cap, e->n + 1, sizeof *e->v);
  size_t at = first_at(e, start + 1); /* after those starting at 'start' */
  memmove(&e->v[at + 1], &e->v[at], (e->n - at) * sizeof *e->v);
  e->n++;
  tr_edit_t* x = &e->v[at];
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
  size_t n = 0, lo = first_at(e, start), hi = first_at(e, end);
  tr_edit_t* few[32];
  tr_edit_t** in = hi - lo <= 32 ? few : malloc(sizeof(tr_edit_t*) * (hi - lo));
  for (size_t i = lo; i < hi; i++)
    if (e->v[i].end <= end) in[n++] = &e->v[i];
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
