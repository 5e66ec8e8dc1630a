/* bench/transpile/parse_only.c - measurement 5, the limit: parse a file with
 * libclang and do nothing else.
 *
 * The same libclang (19) that asyncc links, called the way a libclang tool
 * parses its input (clang_parseTranslationUnit2: preprocess, parse and
 * type-check, as clang -fsyntax-only does), so the time and memory are
 * what any libclang-based transpiler pays before its first pass. There is
 * no clang-19 binary on the machine, hence this program.
 *
 *   parse_only FILE [CLANG_ARGS...]      exit 1 if the file has errors
 */
#include <clang-c/Index.h>
#include <stdio.h>

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: parse_only FILE [CLANG_ARGS...]\n");
    return 2;
  }
  CXIndex index = clang_createIndex(0, 1);
  CXTranslationUnit tu = NULL;
  enum CXErrorCode rc = clang_parseTranslationUnit2(
      index, argv[1], (const char* const*)argv + 2, argc - 2, NULL, 0,
      CXTranslationUnit_None, &tu);
  int errors = 0;
  if (rc != CXError_Success) {
    fprintf(stderr, "parse_only: cannot parse %s (error %d)\n", argv[1],
            (int)rc);
    errors = 1;
  } else {
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
      CXDiagnostic d = clang_getDiagnostic(tu, i);
      if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
        CXString s =
            clang_formatDiagnostic(d, clang_defaultDiagnosticDisplayOptions());
        if (errors++ < 5) fprintf(stderr, "%s\n", clang_getCString(s));
        clang_disposeString(s);
      }
      clang_disposeDiagnostic(d);
    }
    clang_disposeTranslationUnit(tu);
  }
  clang_disposeIndex(index);
  return errors ? 1 : 0;
}
