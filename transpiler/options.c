/* options.c - the command line of asyncc (see options.h). */
#include "options.h"

#include <clang-c/Index.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#ifndef ASYNCC_VERSION_STRING
#define ASYNCC_VERSION_STRING "0.1.0"
#endif

void tr_options_usage(FILE* f) {
  fputs(
      "NAME\n"
      "    asyncc - compile async C into plain C state machines\n"
      "\n"
      "SYNOPSIS\n"
      "    asyncc [OPTIONS] INPUT.c [-o OUTPUT.c] [-- CLANG_ARGS...]\n"
      "\n"
      "DESCRIPTION\n"
      "    asyncc reads a C file that uses the keywords of <asyncc.h> (async,\n"
      "    await(), asyncc_run()) and writes plain C: every async function\n"
      "    becomes a frame struct and a resume function that switches on a\n"
      "    state number, driven by the asyncc runtime on libuv. Everything\n"
      "    else in the file is copied unchanged. Compile the output with any\n"
      "    C99/C11 compiler and link it with the runtime (pkg-config asyncc).\n"
      "    Under a strict -std (c99, c11) the output first asks for the POSIX\n"
      "    names <uv.h> needs (_POSIX_C_SOURCE), unless the file chooses its\n"
      "    own feature-test macros. Names beginning with asyncc__ are\n"
      "    reserved, and so are, as macro names, the frame header's members\n"
      "    hdr, resume, parent, state and flags.\n"
      "    asyncc reports the errors in its input and its own warnings;\n"
      "    clang's warnings about the input are left to the compiler that\n"
      "    builds the output, which reports them at the input's lines.\n"
      "\n"
      "OPTIONS\n"
      "    -o FILE            Write the output to FILE (default: standard\n"
      "                       output). FILE is replaced atomically and only\n"
      "                       when there was no error (through a symbolic\n"
      "                       link, the file it names; a device or FIFO is\n"
      "                       written in place). FILE may not be INPUT.\n"
      "    -MF FILE           Also write a Makefile dependency rule to FILE:\n"
      "                       the output depends on INPUT and every header\n"
      "                       it includes (for build systems; needs -o).\n"
      "    --no-line          Do not emit #line directives (by default they\n"
      "                       map compiler errors, __LINE__ and debuggers\n"
      "                       back to INPUT).\n"
      "    -I DIR, -D NAME[=VALUE], -U NAME, -include FILE, -std=STD\n"
      "                       Passed to clang's parser, like CLANG_ARGS.\n"
      "    --resource-dir DIR Clang's builtin headers (default: those of the\n"
      "                       libclang asyncc was built with).\n"
      "    --include-dir DIR  Where asyncc.h is (default: next to asyncc).\n"
      "    --report           Print, for each async function, its frame\n"
      "                       layout: every field with its type, size,\n"
      "                       offset and the resume points (states) across\n"
      "                       which it is live, and the frame's total size.\n"
      "                       Without -o, only the report is printed.\n"
      "    --emit-dot         Print a Graphviz graph of each async\n"
      "                       function's states (its resume points) and\n"
      "                       the transitions between them, labelled with\n"
      "                       source lines (asyncc --emit-dot f.c | dot\n"
      "                       -Tsvg > f.svg). Without -o, only the graphs\n"
      "                       are printed.\n"
      "    -Werror            Treat asyncc's warnings as errors.\n"
      "    --help             Print this help and exit.\n"
      "    --version          Print the version and exit.\n"
      "    -- CLANG_ARGS...   Everything after -- goes to clang's parser:\n"
      "                       the -I, -D and -std flags the file is\n"
      "                       compiled with.\n"
      "\n"
      "EXIT STATUS\n"
      "    0  success\n"
      "    1  the input has errors (diagnostics printed as\n"
      "       file:line:col: error: message)\n"
      "    2  usage, I/O or internal error, or an input nested too\n"
      "       deeply for the stack (millions of levels)\n"
      "    Unless the status is 0, no output file is written and an\n"
      "    existing one is left as it was.\n"
      "\n"
      "EXAMPLE\n"
      "    asyncc main.c -o main.gen.c -- -Iinclude\n"
      "    cc main.gen.c $(pkg-config --cflags --libs asyncc) -o main\n",
      f);
}

static int need_arg(int i, int argc, const char* opt) {
  if (i + 1 >= argc) {
    fprintf(stderr, "asyncc: error: option '%s' requires an argument\n", opt);
    return 0;
  }
  return 1;
}

static void add_clang(tr_options_t* o, size_t* cap, const char* a) {
  o->clang_argv =
      tr_grow(o->clang_argv, cap, (size_t)o->clang_argc + 1, sizeof(char*));
  o->clang_argv[o->clang_argc++] = a;
}

int tr_options_parse(tr_options_t* o, int argc, char** argv) {
  memset(o, 0, sizeof *o);
  o->lines = true;
  size_t cap = 0;
  for (int i = 1; i < argc; i++) {
    const char* a = argv[i];
    if (strcmp(a, "--") == 0) {
      for (i++; i < argc; i++) add_clang(o, &cap, argv[i]);
      break;
    }
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      tr_options_usage(stdout);
      return 1;
    }
    if (strcmp(a, "--version") == 0) {
      CXString v = clang_getClangVersion();
      printf("asyncc %s (%s)\n", ASYNCC_VERSION_STRING, clang_getCString(v));
      clang_disposeString(v);
      return 1;
    }
    if (strcmp(a, "-o") == 0 || strcmp(a, "-MF") == 0 ||
        strcmp(a, "--resource-dir") == 0 || strcmp(a, "--include-dir") == 0) {
      if (!need_arg(i, argc, a)) return -1;
      const char* v = argv[++i];
      if (a[1] == 'o')
        o->output = v;
      else if (a[1] == 'M')
        o->depfile = v;
      else if (a[2] == 'r')
        o->resource_dir = v;
      else
        o->include_dir = v;
      continue;
    }
    if (strcmp(a, "--no-line") == 0) {
      o->lines = false;
      continue;
    }
    if (strcmp(a, "--emit-dot") == 0) {
      o->dot = true;
      continue;
    }
    if (strcmp(a, "--report") == 0) {
      o->report = true;
      continue;
    }
    if (strcmp(a, "-Werror") == 0) {
      o->werror = true;
      continue;
    }
    if ((strcmp(a, "-I") == 0 || strcmp(a, "-D") == 0 || strcmp(a, "-U") == 0 ||
         strcmp(a, "-include") == 0)) {
      if (!need_arg(i, argc, a)) return -1;
      add_clang(o, &cap, a);
      add_clang(o, &cap, argv[++i]);
      continue;
    }
    if (strncmp(a, "-I", 2) == 0 || strncmp(a, "-D", 2) == 0 ||
        strncmp(a, "-U", 2) == 0 || strncmp(a, "-std=", 5) == 0) {
      add_clang(o, &cap, a);
      continue;
    }
    if (a[0] == '-' && a[1] != '\0') {
      fprintf(stderr,
              "asyncc: error: unknown option '%s' (see asyncc --help; clang "
              "options go after --)\n",
              a);
      return -1;
    }
    if (o->input) {
      fprintf(stderr,
              "asyncc: error: more than one input file ('%s' and '%s')\n",
              o->input, a);
      return -1;
    }
    o->input = a;
  }
  if (!o->input) {
    fprintf(stderr,
            "asyncc: error: no input file\n"
            "usage: asyncc [OPTIONS] INPUT.c [-o OUTPUT.c] [-- CLANG_ARGS...]\n"
            "       (asyncc --help for details)\n");
    return -1;
  }
  if (o->depfile && (!o->output || strcmp(o->output, "-") == 0)) {
    fprintf(stderr, "asyncc: error: -MF needs an output file (-o FILE)\n");
    return -1;
  }
  return 0;
}
