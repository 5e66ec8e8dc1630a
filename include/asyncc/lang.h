/* asyncc/lang.h - the source language: async, await(), asyncc_run(),
 * asyncc_spawn().
 *
 * Source written against these keywords is valid C that clang, clangd and
 * editors understand: 'async' is an attribute and await(e) has the type of
 * 'e'. What the keywords mean is given by the asyncc transpiler, which
 * rewrites every async function into a state machine (see asyncc/frame.h).
 *
 * Three modes:
 * - ASYNCC_TRANSPILING (asyncc parsing the source with libclang): 'async'
 *   marks the function with annotate("asyncc_async") and await(e) is a comma
 *   expression led by a call of the marker asyncc__await_marker, which the
 *   transpiler finds in the AST.
 * - A plain compiler (gcc or clang without asyncc): the same expansion, but
 *   the markers carry the 'error' attribute, so compiling a file that still
 *   contains await() or asyncc_run() fails with a message that says to run
 *   asyncc. Editors (clangd) never run code generation and see no error.
 * - Transpiler output: no marker is left; 'async' is only still present on
 *   prototypes in headers, where it is harmless.
 */
#ifndef ASYNCC_LANG_H
#define ASYNCC_LANG_H

#if defined(ASYNCC_TRANSPILING)
#define ASYNCC__MARK_ASYNC __attribute__((annotate("asyncc_async")))
#define ASYNCC__PLAIN_ERROR(msg)
#elif defined(__clang__)
#define ASYNCC__MARK_ASYNC __attribute__((annotate("asyncc_async")))
#define ASYNCC__PLAIN_ERROR(msg) __attribute__((error(msg)))
#elif defined(__GNUC__)
#define ASYNCC__MARK_ASYNC
#define ASYNCC__PLAIN_ERROR(msg) __attribute__((error(msg)))
#else
#define ASYNCC__MARK_ASYNC
#define ASYNCC__PLAIN_ERROR(msg)
#endif

/* Marks a function as asynchronous: place it among the declaration
 * specifiers, on prototypes and on the definition:
 *   static async int fetch(int id);                                       */
#define async ASYNCC__MARK_ASYNC

ASYNCC__PLAIN_ERROR(
    "this file uses await(); compile the output of asyncc, not the source "
    "(run: asyncc FILE.c -o FILE.out.c)")
int asyncc__await_marker(void);
ASYNCC__PLAIN_ERROR(
    "this file uses asyncc_run(); compile the output of asyncc, not the "
    "source (run: asyncc FILE.c -o FILE.out.c)")
int asyncc__run_marker(void);
ASYNCC__PLAIN_ERROR(
    "this file uses asyncc_spawn(); compile the output of asyncc, not the "
    "source (run: asyncc FILE.c -o FILE.out.c)")
int asyncc__spawn_marker(void);

/* await(f(args)): inside an async function, runs the async call f(args),
 * suspending the caller while it is pending; its value is f's result. */
#define await(call) (asyncc__await_marker(), (call))

/* asyncc_run(f(args)): from ordinary code, runs the calling thread's event
 * loop until the async call completes; its value is f's result. */
#define asyncc_run(call) (asyncc__run_marker(), (call))

/* asyncc_spawn(f(args)): starts the async call as a new task on the
 * calling thread's runner (from async or ordinary code) and returns the
 * task, an asyncc_task_t*; see asyncc.h. asyncc rewrites the whole
 * expression to asyncc__spawn(asyncc__f_start(args), asyncc__f_take_into).
 * Its shape, for the transpiler: a comma expression whose left operand is
 * itself (marker call, (void)(call)) and whose right operand is a null
 * task pointer, so the source type-checks with the task type. */
#define asyncc_spawn(call) \
  (asyncc__spawn_marker(), (void)(call), (struct asyncc_task_s*)0)

#endif /* ASYNCC_LANG_H */
