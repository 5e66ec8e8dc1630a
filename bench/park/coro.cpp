/* bench/park/coro.cpp - measurement 3, peer: memory of N suspended C++20
 * coroutines, each awaiting a shared event.
 *
 * Each task is an eagerly started, detached coroutine (its frame is freed
 * when it finishes) whose co_await links an awaiter, stored in the
 * coroutine frame, into the event's waiter list. The frames are
 * heap-allocated by the coroutine machinery (operator new).
 *
 *   park_coro N      prints "parked N"
 */
#include <coroutine>
#include <cstdio>
#include <exception>

#include "bench.h"

struct detached {
  struct promise_type {
    detached get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
};

struct event {
  struct awaiter {
    event* ev;
    awaiter* next = nullptr;
    std::coroutine_handle<> h;
    bool await_ready() const noexcept { return ev->done; }
    void await_suspend(std::coroutine_handle<> c) noexcept {
      h = c;
      next = ev->waiters;
      ev->waiters = this;
    }
    int await_resume() const noexcept { return ev->value; }
  };
  awaiter* waiters = nullptr;
  int value = 0;
  bool done = false;

  awaiter operator co_await() noexcept { return awaiter{this, nullptr, {}}; }
  void set(int v) {
    value = v;
    done = true;
    awaiter* w = waiters;
    waiters = nullptr;
    while (w) {
      awaiter* next = w->next; /* resume frees the frame holding *w */
      w->h.resume();
      w = next;
    }
  }
};

static long total;

static detached parked(event& ev, int id) {
  int r = co_await ev;
  total += r + id;
}

int main(int argc, char** argv) {
  long n = bench_arg(argc, argv, 1, 1000000);
  event ev;
  for (long i = 0; i < n; i++) parked(ev, (int)i);
  long count = 0;
  for (auto* w = ev.waiters; w; w = w->next) count++;
  std::printf("parked %ld\n", count);
  ev.set(1);
  std::fprintf(stderr, "checksum %ld\n", total);
  return 0;
}
