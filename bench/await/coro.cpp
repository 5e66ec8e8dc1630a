/* bench/await/coro.cpp - measurement 1, peer: a C++20 coroutine task.
 *
 * The usual lazy task<T> (as in cppcoro/folly): co_await transfers control
 * to the callee with symmetric transfer (await_suspend returns the callee's
 * handle) and the callee's final_suspend transfers back to the awaiter.
 * Built twice:
 *   - heap frame: the callee coroutine is noinline, so clang cannot elide
 *     its frame allocation (operator new/delete per call), as for a callee
 *     in another translation unit;
 *   - -DBENCH_CORO_ELIDE=1: the callee is inlinable and clang's coroutine
 *     passes may elide the allocation (HALO) and put the frame on the
 *     caller's frame.
 * ns per co_await.
 */
#include <coroutine>
#include <cstdio>
#include <exception>
#include <utility>

#include "bench.h"

#ifndef BENCH_CORO_ELIDE
#define BENCH_CORO_ELIDE 0
#endif

template <class T>
class task {
 public:
  struct promise_type {
    T value{};
    std::coroutine_handle<> continuation;

    task get_return_object() noexcept {
      return task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct final_awaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(
          std::coroutine_handle<promise_type> h) noexcept {
        return h.promise().continuation;
      }
      void await_resume() noexcept {}
    };
    final_awaiter final_suspend() noexcept { return {}; }
    void return_value(T v) noexcept { value = v; }
    void unhandled_exception() noexcept { std::terminate(); }
  };

  explicit task(std::coroutine_handle<promise_type> h) : h_(h) {}
  task(task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~task() {
    if (h_) h_.destroy();
  }

  bool await_ready() noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    h_.promise().continuation = c;
    return h_;
  }
  T await_resume() noexcept { return h_.promise().value; }

  /* Runs a root task to completion from ordinary code; it must not
   * suspend on anything but its callees. */
  T run() {
    h_.promise().continuation = std::noop_coroutine();
    h_.resume();
    if (!h_.done()) std::terminate();
    return h_.promise().value;
  }

 private:
  std::coroutine_handle<promise_type> h_;
};

#if BENCH_CORO_ELIDE
static task<int> leaf(int x) {
#else
__attribute__((noinline)) static task<int> leaf(int x) {
#endif
  BENCH_OPAQUE(x);
  co_return x + 1;
}

static task<long> loop(long n) {
  long sum = 0;
  for (long i = 0; i < n; i++) sum += co_await leaf((int)i);
  co_return sum;
}

int main(int argc, char** argv) {
  long n = bench_arg(argc, argv, 1, 30000000);
  long sum = loop(n / 10).run(); /* warm up */
  uint64_t t0 = bench_now_ns();
  sum += loop(n).run();
  uint64_t t1 = bench_now_ns();
  bench_report("ns_per_op", (double)(t1 - t0) / (double)n);
  std::fprintf(stderr, "checksum %ld\n", sum);
  return 0;
}
