/* ast.h - the transpiler's view of a function: a tree of nodes mirroring
 * libclang's cursors, with byte ranges in the main file, plus the async
 * function's locals and await sites (the analogue of LLVM's coro::Shape).
 *
 * Built by shape.c (collect + check), annotated by live.c (which locals
 * live in the frame) and frame.c (field names and layout), consumed by
 * lower.c (the resume function) and emit.c (text).
 */
#ifndef TR_AST_H
#define TR_AST_H

#include <clang-c/Index.h>
#include <stdbool.h>

#include "tu.h"

typedef struct tr_node_s tr_node_t;
typedef struct tr_local_s tr_local_t;
typedef struct tr_fn_s tr_fn_t;
typedef struct tr_block_s tr_block_t;

/* The calls asyncc/lang.h's keywords expand to, which identify them. */
typedef enum {
  TR_NOT_MARKER,
  TR_AWAIT_MARKER, /* asyncc__await_marker() */
  TR_RUN_MARKER,   /* asyncc__run_marker() */
  TR_SPAWN_MARKER  /* asyncc__spawn_marker() */
} tr_marker_t;

/* The passes walk 150,000 nodes on a large file, several times over:
 * what the walks read comes first and the flags are bits, so that a node
 * takes 112 bytes rather than 128 and its hot part fits a cache line. */
struct tr_node_s {
  enum CXCursorKind kind;
  unsigned start, end; /* byte range in the main file, [start, end) */
  unsigned fend;       /* statements: end including a trailing ';' */
  unsigned nkids;
  int state;            /* is_await: the resume point lowering gave it */
  bool in_file : 1;     /* both ends lie in the main file */
  bool spelled : 1;     /* text at [start,end) is this node's own spelling,
                           not a macro expansion (macro arguments are) */
  bool is_await : 1;    /* await(CALL): a ParenExpr around the marker comma */
  bool kept : 1;        /* lowering: copied to a frame temporary already */
  bool is_run : 1;      /* asyncc_run(CALL) */
  bool is_spawn : 1;    /* asyncc_spawn(CALL) */
  bool unevaluated : 1; /* an await in an unevaluated operand (sizeof) */
  bool has_await : 1;   /* this subtree contains an await */
  bool has_return : 1;  /* this subtree contains a return statement */
  unsigned marker : 2;  /* CallExpr of a keyword's marker (tr_marker_t) */
  tr_node_t* parent;
  tr_node_t** kids;
  tr_node_t* call;   /* is_await/is_run: the CallExpr being awaited */
  tr_local_t* local; /* VarDecl/ParmDecl: its local; DeclRefExpr: the local
                        it names (NULL for globals, functions, enums) */
  tr_fn_t* callee;   /* CallExpr/DeclRefExpr of an async function */
  CXCursor cur;
};

struct tr_local_s {
  CXCursor decl;     /* the VarDecl or ParmDecl */
  char* name;        /* source name ("" for an unnamed parameter) */
  char* field;       /* frame field / local name in generated code: the path
                        from the frame, "x" or "asyncc__s1.b0.x" */
  char* member;      /* promoted: the member's own name ("x") */
  tr_block_t* block; /* promoted: the block its member is declared in */
  CXType type;
  tr_node_t* node;      /* the VarDecl node (NULL for parameters) */
  tr_node_t* scope;     /* the node whose end ends the variable's scope */
  unsigned scope_start; /* byte offset where the scope begins (the decl) */
  bool is_param;
  bool promoted; /* lives in the frame */
  /* promoted scalars whose address never escapes (live.c): the text range
     outside which their value is never needed, so another such local of
     the same block whose range is disjoint may share the storage */
  bool shareable;
  unsigned live_from, live_to;
  int slot; /* frame.c: k > 0 shares the union asyncc__v<k> of its block */
  bool slot_lead;         /* frame.c: the first local of its slot, which names
                             the union in the frame */
  unsigned ordinal;       /* live.c: its index among the function's locals */
  tr_local_t* block_next; /* frame.c: the next promoted local of 'block' */
  tr_local_t* next;
};

/* The frame's layout follows the blocks of the function (frame.c): a block
 * scope holding promoted locals becomes a struct of them, and the structs
 * of sibling blocks, whose lifetimes never overlap, share storage in a
 * union. A block with a single such child holds the child's members
 * directly. */
struct tr_block_s {
  tr_node_t* scope; /* the CompoundStmt/ForStmt, or the body */
  tr_block_t* parent;
  tr_block_t* kids; /* blocks nested in this one, in source order */
  tr_block_t* next; /* next sibling */
  int nkids;
  int union_id; /* nkids >= 2: the union is asyncc__s<union_id> */
  char* path;   /* prefix of its members' paths, "" for the body */
  /* its promoted locals in declaration order, linked by block_next (so
     that nothing walks the whole function's locals per block) */
  tr_local_t* locals;
  tr_local_t** locals_tail;
  tr_block_t* last_kid; /* the kid created last, while blocks are made */
  int first_slot;       /* frame.c: its first union slot + 1, or 0 */
};

/* An async function known in this translation unit (declared or defined). */
struct tr_fn_s {
  CXCursor decl; /* canonical declaration */
  CXCursor def;  /* the definition in the main file, or null */
  char* name;
  bool is_static;
  bool defined_here;    /* defined in the main file (and lowered) */
  bool ok;              /* no errors: lowered */
  bool expanded;        /* printed with its macros expanded (shape.c) */
  bool wants_expansion; /* a macro in its body hides code that lowering
                           rewrites (tr_shape_plan_expansion) */
  bool used;            /* awaited, run or spawned somewhere in the file */
  /* Lowering a callee defined after a caller that awaits it, before that
     caller, so that the caller can embed its frame (driver.c): */
  size_t code_at; /* where the lowered text's code follows its frame part */
  char* pulled;   /* the code part, kept for the callee's own place */
  bool pulling;
  bool protos_emitted;  /* the asyncc__F_* prototypes are in the output */
  bool frame_emitted;   /* struct asyncc__F_frame is complete in the output,
                           so later callers embed it in their own frame */
  bool frame_extern;    /* a header defines struct asyncc__F_frame and
                           asyncc__F_init (the runtime's leaves): callers
                           defined after 'frame_from' embed it too */
  bool leaf_suspend;    /* the header also declares asyncc__F_suspend: an
                           await calls it instead of running the frame
                           (ASYNCC__AWAIT_SUSPEND; asyncc_yield) */
  bool leaf_park;       /* the header also declares asyncc__F_park: an await
                           needs no frame (ASYNCC__AWAIT_PARK;
                           asyncc_future_wait) */
  unsigned frame_from;  /* main-file offset the header's definition follows */
  long long frame_size; /* bytes of struct asyncc__F_frame (--report) */
  long long frame_align;
  bool overaligned;   /* the frame may need more than 16-byte alignment */
  tr_node_t* body;    /* definition: the body CompoundStmt */
  tr_node_t* root;    /* definition: the FunctionDecl node */
  tr_local_t* locals; /* parameters first, then locals in source order */
  tr_block_t* blocks; /* definition: the body's block (frame layout) */
  unsigned nlocals;
  /* shape.c: the end of 'locals', and once they are many, an index of
     them by declaration */
  tr_local_t** locals_tail;
  struct tr_cursor_map* local_index;
  unsigned def_start; /* definition's byte range (with specifiers) */
  unsigned def_end;
  CXType ret; /* result type */
  bool ret_void;
  tr_fn_t* next;
};

/* A top-level function definition in the main file whose text the
 * transpiler rewrites: every async definition, and ordinary functions that
 * contain asyncc_run(). */
typedef struct tr_top_s tr_top_t;
struct tr_top_s {
  tr_node_t* root; /* the FunctionDecl node */
  tr_fn_t* fn;     /* non-NULL for an async definition or prototype */
  bool proto;      /* an async prototype: replaced by the prototypes of
                      its asyncc__F_* functions */
  unsigned end;    /* end of the replaced text (a prototype's ';') */
  tr_top_t* next;
};

/* Everything known about one translation unit. */
typedef struct {
  tr_tu_t* tu;
  tr_fn_t* fns; /* async functions, in order of first sight */
  tr_fn_t** fns_tail;
  size_t nfns;
  tr_top_t* tops;            /* rewritten definitions, in source order */
  tr_top_t** tops_tail;      /* appends in constant time (large files) */
  struct tr_macro_s* macros; /* expansions of other macros in the file */
  size_t nmacros, macros_cap;
  char** hoisted; /* file-scope names given to body-declared types */
  size_t nhoisted, hoisted_cap;
  unsigned* awaits; /* offsets of every await(...) spelled in the file */
  bool* await_seen; /* ...and whether an evaluated await node has it */
  size_t nawaits, awaits_cap;
  struct tr_span_s* spans; /* outermost macro invocations, in file order */
  size_t nspans, spans_cap, span_at; /* span_at: span_of()'s last */
  bool spans_unsorted; /* not in file order: no shortcut in is_spelled */
  long first_pack;     /* offset of the first "#pragma pack" in the main
                          file; -1 none, -2 not looked for yet (lower.c) */
} tr_prog_t;

/* A macro invocation not inside another (shape.c's is_spelled). */
typedef struct tr_span_s {
  unsigned start, end; /* [start, end] */
  bool plain;          /* asyncc's keyword with no macro in its argument: every
                          token of the expansion but the argument's is at 'start' */
} tr_span_t;

/* A macro expansion in the main file (other than asyncc's keywords). */
typedef struct tr_macro_s {
  unsigned start, end; /* byte range of the invocation */
  char* name;
  CXCursor cur;   /* the MacroExpansion */
  int stringizes; /* its definition: bit 1 uses #param, bit 2 names
                     __func__ or __FUNCTION__; -1: not looked at yet */
} tr_macro_t;

/* shape.c */
/* Called on each async definition as soon as its tree is built and
 * checked, for the passes that walk the tree: they run while it is in the
 * cache. On a large file a separate walk of all the trees costs more in
 * cache misses than in work. */
typedef void (*tr_fn_built_t)(tr_prog_t* p, tr_fn_t* fn);
int tr_shape_collect(tr_prog_t* p, tr_tu_t* tu, tr_fn_built_t built);
tr_fn_t* tr_shape_async_fn(tr_prog_t* p, CXCursor decl);
/* The macro whose expansion wholly contains [start, end), or NULL: such
 * code comes from the macro's body and cannot be rewritten as text. */
tr_macro_t* tr_shape_in_macro(tr_prog_t* p, unsigned start, unsigned end);
/* Strips ParenExpr and implicit (Unexposed) wrappers. */
tr_node_t* tr_node_strip(tr_node_t* n);
bool tr_node_is_stmt_kind(const tr_node_t* n);

/* Macro invocations in async functions that contain code the lowering
 * must rewrite (an await, a return, a promoted variable...): each is
 * replaced by its expansion, pretty-printed by libclang on one line, and
 * the file is parsed again. Returns the new main-file text (arena) or NULL
 * when nothing needs expanding; reports an error for a macro that does not
 * expand to a single expression or statement. */
char* tr_shape_expand_macros(tr_prog_t* p, size_t* len);
/* Decides fn->wants_expansion (after tr_live_compute(fn)). */
void tr_shape_plan_expansion(tr_prog_t* p, tr_fn_t* fn);

/* live.c: decides which locals live in the frame. */
void tr_live_compute(tr_fn_t* fn);
/* Whether 't' involves a variable-length array (the array, a pointer to
 * one): C forbids jumping into the scope of such a name. */
bool tr_live_variably_modified(CXType t);

#endif
