/* diag.h - diagnostics in clang's format: file:line:col: error: message.
 *
 * The transpiler's own errors and libclang's are printed the same way and
 * counted here; the driver maps "any error" to exit status 1. A note may
 * follow an error to point at a related place.
 */
#ifndef TR_DIAG_H
#define TR_DIAG_H

#include <clang-c/Index.h>

typedef enum { TR_NOTE, TR_WARNING, TR_ERROR } tr_severity_t;

/* Reports at a libclang location (its file location is used). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void tr_diag(tr_severity_t sev, CXSourceLocation loc, const char* fmt, ...);
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void tr_diag_cursor(tr_severity_t sev, CXCursor c, const char* fmt, ...);
/* Forwards libclang's own diagnostics of 'tu' (errors and fatals only, with
 * their notes); returns how many errors there were. */
int tr_diag_forward(CXTranslationUnit tu);
/* Errors reported so far (including forwarded ones). */
int tr_diag_errors(void);
void tr_diag_reset(void);
/* Treat warnings as errors (-Werror). */
void tr_diag_set_werror(int on);

#endif
