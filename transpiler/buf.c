/* buf.c - growable byte strings (see buf.h). */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void* tr_xmalloc(size_t n) {
  void* p = malloc(n ? n : 1);
  if (p == NULL) {
    fputs("asyncc: out of memory\n", stderr);
    exit(2);
  }
  return p;
}

void* tr_xrealloc(void* p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (p == NULL) {
    fputs("asyncc: out of memory\n", stderr);
    exit(2);
  }
  return p;
}

void tr_buf_init(tr_buf_t* b) {
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
}

void tr_buf_free(tr_buf_t* b) {
  free(b->data);
  tr_buf_init(b);
}

static void reserve(tr_buf_t* b, size_t extra) {
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap *= 2;
  b->data = tr_xrealloc(b->data, cap);
  b->cap = cap;
}

void tr_buf_add(tr_buf_t* b, const char* s, size_t n) {
  reserve(b, n);
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void tr_buf_puts(tr_buf_t* b, const char* s) { tr_buf_add(b, s, strlen(s)); }

void tr_buf_putc(tr_buf_t* b, char c) { tr_buf_add(b, &c, 1); }

void tr_buf_vprintf(tr_buf_t* b, const char* fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) return;
  reserve(b, (size_t)n);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void tr_buf_printf(tr_buf_t* b, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  tr_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

char* tr_buf_take(tr_buf_t* b) {
  char* s = tr_strndup(b->data ? b->data : "", b->len);
  tr_buf_free(b);
  return s;
}

/* Arena chunks form a singly linked list; big requests get their own. */
typedef struct chunk {
  struct chunk* next;
  size_t used, cap;
  _Alignas(16) unsigned char mem[];
} chunk_t;

static chunk_t* arena;

void* tr_alloc(size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (arena == NULL || arena->cap - arena->used < n) {
    size_t cap = n > 65536 ? n : 65536;
    chunk_t* c = tr_xmalloc(sizeof *c + cap);
    c->used = 0;
    c->cap = cap;
    c->next = arena;
    arena = c;
  }
  void* p = arena->mem + arena->used;
  arena->used += n;
  memset(p, 0, n);
  return p;
}

void tr_arena_free_all(void) {
  while (arena) {
    chunk_t* next = arena->next;
    free(arena);
    arena = next;
  }
}

void* tr_grow(void* p, size_t* cap, size_t need, size_t size) {
  if (need <= *cap) return p;
  size_t ncap = *cap ? *cap * 2 : 8;
  while (ncap < need) ncap *= 2;
  void* q = tr_alloc(ncap * size);
  if (p) memcpy(q, p, *cap * size);
  *cap = ncap;
  return q;
}

char* tr_strndup(const char* s, size_t n) {
  char* p = tr_alloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char* tr_strdup(const char* s) { return tr_strndup(s, strlen(s)); }

char* tr_sprintf(const char* fmt, ...) {
  tr_buf_t b;
  tr_buf_init(&b);
  va_list ap;
  va_start(ap, fmt);
  tr_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  return tr_buf_take(&b);
}
