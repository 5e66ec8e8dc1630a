/* options.h - the command line of asyncc: option table and usage text. */
#ifndef TR_OPTIONS_H
#define TR_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

typedef struct {
  const char* input;        /* the async C file */
  const char* output;       /* -o; NULL or "-" = stdout */
  const char* depfile;      /* -MF */
  const char* resource_dir; /* --resource-dir */
  const char* include_dir;  /* --include-dir */
  bool lines;               /* #line directives (--no-line clears) */
  bool werror;              /* -Werror */
  bool report;              /* --report: print each frame's layout */
  bool dot;                 /* --emit-dot: print each state graph */
  bool keep_memory;         /* the process exits after the run: its memory
                               is not freed (clang's -disable-free) */
  int clang_argc;           /* arguments for clang (after --, and -I/-D/...) */
  const char** clang_argv;
} tr_options_t;

/* Parses argv. Returns 0 to go on, 1 when --help/--version was handled
 * (exit 0), -1 on a usage error (message printed; exit 2). */
int tr_options_parse(tr_options_t* o, int argc, char** argv);
void tr_options_usage(FILE* f);

#endif
