/* diag.c - diagnostics in clang's format (see diag.h). */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static int nerrors;
static int werror;

void tr_diag_reset(void) { nerrors = 0; }
int tr_diag_errors(void) { return nerrors; }
void tr_diag_set_werror(int on) { werror = on; }

static void vreport(tr_severity_t sev, CXSourceLocation loc, const char* fmt,
                    va_list ap) {
  CXFile file;
  unsigned line, col;
  clang_getFileLocation(loc, &file, &line, &col, NULL);
  if (sev == TR_WARNING && werror) sev = TR_ERROR;
  const char* what = sev == TR_ERROR     ? "error"
                     : sev == TR_WARNING ? "warning"
                                         : "note";
  if (file) {
    CXString name = clang_getFileName(file);
    fprintf(stderr, "%s:%u:%u: %s: ", clang_getCString(name), line, col, what);
    clang_disposeString(name);
  } else {
    fprintf(stderr, "asyncc: %s: ", what);
  }
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  if (sev == TR_ERROR) nerrors++;
}

void tr_diag(tr_severity_t sev, CXSourceLocation loc, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(sev, loc, fmt, ap);
  va_end(ap);
}

void tr_diag_cursor(tr_severity_t sev, CXCursor c, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(sev, clang_getCursorLocation(c), fmt, ap);
  va_end(ap);
}

/* Printed at the diagnostic's file location, as clang's driver does:
 * clang_formatDiagnostic uses the spelling location, which for an error in
 * a macro's body (await's) lies in the header that defines the macro. */
static void print_one(CXDiagnostic d) {
  static const char* what[] = {"ignored", "note", "warning", "error",
                               "fatal error"};
  CXString msg = clang_getDiagnosticSpelling(d);
  CXString opt = clang_getDiagnosticOption(d, NULL);
  const char* o = clang_getCString(opt);
  const char* m = clang_getCString(msg);
  CXFile file;
  unsigned line, col;
  clang_getFileLocation(clang_getDiagnosticLocation(d), &file, &line, &col,
                        NULL);
  if (file) {
    CXString name = clang_getFileName(file);
    fprintf(stderr, "%s:%u:%u: ", clang_getCString(name), line, col);
    clang_disposeString(name);
  }
  bool opt_on = o && *o; /* " [-Wimplicit-function-declaration]" */
  fprintf(stderr, "%s: %s%s%s%s\n", what[clang_getDiagnosticSeverity(d)], m,
          opt_on ? " [" : "", opt_on ? o : "", opt_on ? "]" : "");
  clang_disposeString(opt);
  clang_disposeString(msg);
}

int tr_diag_forward(CXTranslationUnit tu) {
  int errors = 0;
  unsigned n = clang_getNumDiagnostics(tu);
  for (unsigned i = 0; i < n; i++) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
    if (sev >= CXDiagnostic_Error) {
      print_one(d);
      CXDiagnosticSet kids = clang_getChildDiagnostics(d);
      for (unsigned k = 0; k < clang_getNumDiagnosticsInSet(kids); k++) {
        CXDiagnostic kd = clang_getDiagnosticInSet(kids, k);
        print_one(kd);
        clang_disposeDiagnostic(kd);
      }
      errors++;
    }
    clang_disposeDiagnostic(d);
  }
  nerrors += errors;
  return errors;
}
