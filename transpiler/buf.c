/* buf.c - growable byte strings (see buf.h). */
#define _GNU_SOURCE /* MAP_ANONYMOUS, madvise; strchrnul */
#include "buf.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
  size_t cap = b->cap ? b->cap : 1024;
  while (cap < need) cap *= 2;
  b->data = tr_xrealloc(b->data, cap);
  b->cap = cap;
}

void tr_buf_putc(tr_buf_t* b, char c) {
  if (b->len + 2 > b->cap) reserve(b, 1);
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
}

/* tr_buf_add without the terminating NUL, for formatting, which ends it
   once. */
static inline void append(tr_buf_t* b, const char* s, size_t n) {
  if (b->len + n + 1 > b->cap) reserve(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

void tr_buf_add(tr_buf_t* b, const char* s, size_t n) {
  append(b, s, n);
  b->data[b->len] = '\0';
}

void tr_buf_puts(tr_buf_t* b, const char* s) { tr_buf_add(b, s, strlen(s)); }

static void put_ull(tr_buf_t* b, unsigned long long v) {
  char d[24];
  size_t i = sizeof d;
  do {
    d[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  append(b, d + i, sizeof d - i);
}

static void put_ll(tr_buf_t* b, long long v) {
  if (v < 0) append(b, "-", 1);
  put_ull(b, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
}

/* Formats 'f' without stdio when it uses only %s, %d, %u, %zu, %lld and
 * %% (no flags, widths or precisions): vsnprintf costs about a thousand
 * instructions a call, and lowering a large file makes a quarter of a
 * million calls, most of them of a few %s. At any other directive it
 * takes back what it appended and returns false. */
/* The first '%' of 's', or its end. */
static const char* next_directive(const char* s) {
#ifdef __GLIBC__
  return strchrnul(s, '%'); /* vectorized: formats are long literals */
#else
  const char* p = strchr(s, '%');
  return p ? p : s + strlen(s);
#endif
}

static bool plain_printf(tr_buf_t* b, const char* f, va_list ap) {
  size_t len0 = b->len;
  for (;;) {
    const char* lit = f;
    f = next_directive(f);
    append(b, lit, (size_t)(f - lit));
    if (!*f) break;
    f++;
    if (*f == 's') {
      const char* s = va_arg(ap, const char*);
      if (!s) s = "(null)";
      append(b, s, strlen(s));
    } else if (*f == 'd') {
      put_ll(b, va_arg(ap, int));
    } else if (*f == 'u') {
      put_ull(b, va_arg(ap, unsigned));
    } else if (f[0] == 'z' && f[1] == 'u') {
      put_ull(b, va_arg(ap, size_t));
      f++;
    } else if (f[0] == 'l' && f[1] == 'l' && f[2] == 'd') {
      put_ll(b, va_arg(ap, long long));
      f += 2;
    } else if (*f == '%') {
      append(b, "%", 1);
    } else {
      b->len = len0;
      b->data[len0] = '\0';
      return false;
    }
    f++;
  }
  b->data[b->len] = '\0';
  return true;
}

void tr_buf_vprintf(tr_buf_t* b, const char* fmt, va_list ap) {
  /* Format straight into the spare room; only text that does not fit is
     formatted a second time (lowering prints most of the output). */
  reserve(b, 64);
  va_list ap2;
  va_copy(ap2, ap);
  bool plain = plain_printf(b, fmt, ap2);
  va_end(ap2);
  if (plain) return;
  va_copy(ap2, ap);
  size_t room = b->cap - b->len;
  int n = vsnprintf(b->data + b->len, room, fmt, ap2);
  va_end(ap2);
  if (n < 0) {
    b->data[b->len] = '\0';
    return;
  }
  if ((size_t)n >= room) {
    reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  }
  b->len += (size_t)n;
}

void tr_buf_putu(tr_buf_t* b, unsigned v) {
  put_ull(b, v);
  b->data[b->len] = '\0';
}

void tr_buf_put_escaped(tr_buf_t* b, const char* s) {
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') tr_buf_putc(b, '\\');
    tr_buf_putc(b, *s);
  }
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

/* Arena chunks form a singly linked list; big requests get their own.
 *
 * The first 2 MiB come in 64 KiB chunks from malloc. Past that (a large
 * file: 1,700 async functions take about 45 MB) chunks are 2 MiB-aligned
 * mappings the kernel may back with a transparent huge page: one page
 * fault per 2 MiB instead of 512. On the VMs asyncc is built on, a fault
 * costs tens of microseconds, and the arena's faults were a third of the
 * transpiler's own time on such a file. */
typedef struct chunk {
  struct chunk* next;
  size_t used, cap;
  size_t mapped; /* bytes mapped with mmap (0: from malloc) */
  _Alignas(16) unsigned char mem[];
} chunk_t;

enum { SMALL_CHUNK = 65536, HUGE_CHUNK = 2 << 20 };

static chunk_t* arena;

/* tr_sprintf() formats here, then copies to the arena: a buffer of its own
 * would cost a malloc and a free a call. */
static tr_buf_t scratch;
static size_t arena_total; /* bytes of all chunks */

/* A 2 MiB chunk on a 2 MiB boundary, or NULL. */
static chunk_t* map_huge_chunk(void) {
#if defined(MAP_ANONYMOUS) && defined(MADV_HUGEPAGE)
  size_t len = 2 * (size_t)HUGE_CHUNK;
  unsigned char* m = mmap(NULL, len, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return NULL;
  uintptr_t a = ((uintptr_t)m + HUGE_CHUNK - 1) & ~(uintptr_t)(HUGE_CHUNK - 1);
  unsigned char* p = (unsigned char*)a;
  if (p > m) munmap(m, (size_t)(p - m));
  if (p + HUGE_CHUNK < m + len)
    munmap(p + HUGE_CHUNK, (size_t)(m + len - (p + HUGE_CHUNK)));
  madvise(p, HUGE_CHUNK, MADV_HUGEPAGE); /* a hint: fine if it fails */
  chunk_t* c = (chunk_t*)(void*)p;
  c->mapped = HUGE_CHUNK;
  c->cap = HUGE_CHUNK - sizeof *c;
  return c;
#else
  return NULL;
#endif
}

void* tr_alloc(size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (arena == NULL || arena->cap - arena->used < n) {
    bool huge = arena_total >= HUGE_CHUNK;
    size_t small = huge ? HUGE_CHUNK - sizeof(chunk_t) : SMALL_CHUNK;
    chunk_t* c = NULL;
    if (huge && n <= small) c = map_huge_chunk();
    if (c == NULL) {
      size_t cap = n > small ? n : small;
      c = tr_xmalloc(sizeof *c + cap);
      c->mapped = 0;
      c->cap = cap;
    }
    arena_total += c->cap;
    c->used = 0;
    if (arena && n > small) {
      /* a request of its own: the current chunk stays in use */
      c->next = arena->next;
      arena->next = c;
      c->used = n;
      memset(c->mem, 0, n);
      return c->mem;
    }
    c->next = arena;
    arena = c;
  }
  void* p = arena->mem + arena->used;
  arena->used += n;
  if (!arena->mapped) memset(p, 0, n); /* fresh mappings are zero */
  return p;
}

void tr_arena_free_all(void) {
  tr_buf_free(&scratch);
  while (arena) {
    chunk_t* next = arena->next;
    if (arena->mapped)
      munmap(arena, arena->mapped);
    else
      free(arena);
    arena = next;
  }
  arena_total = 0;
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
  scratch.len = 0;
  va_list ap;
  va_start(ap, fmt);
  tr_buf_vprintf(&scratch, fmt, ap);
  va_end(ap);
  return tr_strndup(scratch.data, scratch.len);
}
