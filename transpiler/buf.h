/* buf.h - growable byte strings for building output text.
 *
 * Every pass that produces text appends to a tr_buf_t. Allocation failure
 * is fatal (tr_buf_* print a message and exit 2): the transpiler is a
 * short-lived command-line tool and has nothing sensible to recover to.
 */
#ifndef TR_BUF_H
#define TR_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
  char* data; /* NUL-terminated when len > 0 or after any append */
  size_t len; /* bytes used, excluding the terminating NUL */
  size_t cap; /* bytes allocated */
} tr_buf_t;

void tr_buf_init(tr_buf_t* b);
void tr_buf_free(tr_buf_t* b);
void tr_buf_add(tr_buf_t* b, const char* s, size_t n);
void tr_buf_puts(tr_buf_t* b, const char* s);
void tr_buf_putc(tr_buf_t* b, char c);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void tr_buf_printf(tr_buf_t* b, const char* fmt, ...);
void tr_buf_vprintf(tr_buf_t* b, const char* fmt, va_list ap);
/* Appends 'v' in decimal (tr_buf_printf(b, "%u", v) without the printf). */
void tr_buf_putu(tr_buf_t* b, unsigned v);
/* Appends 's' with '"' and '\\' escaped, for a C or DOT string literal. */
void tr_buf_put_escaped(tr_buf_t* b, const char* s);
/* Returns the contents as an arena string and frees 'b'. */
char* tr_buf_take(tr_buf_t* b);
/* Returns an arena copy of 's' ('n' bytes). */
char* tr_strndup(const char* s, size_t n);
char* tr_strdup(const char* s);
void* tr_xmalloc(size_t n);
void* tr_xrealloc(void* p, size_t n);

/* The arena: everything a run allocates through tr_alloc (strings, nodes,
 * tables) lives until tr_arena_free_all(), so passes and error paths never
 * free piecemeal (Lua's "the state owns everything"). */
void* tr_alloc(size_t n); /* zeroed, 16-byte aligned */
void tr_arena_free_all(void);
/* Grows an arena array to hold at least 'need' elements of 'size' bytes. */
void* tr_grow(void* p, size_t* cap, size_t need, size_t size);
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
char* tr_sprintf /* arena */ (const char* fmt, ...);

#endif
