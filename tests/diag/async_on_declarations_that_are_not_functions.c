/* 'async' marks functions only: on a variable, a member, a typedef or a
 * local it is an error (it would otherwise be dropped without a word). */
#include <asyncc.h>

async int counter = 3; // expected-error {{'async' applies only to function declarations and definitions}}

struct handlers {
  async int (*on_read)(void); // expected-error {{pointers to async functions are not supported}}
  struct {
    async int depth; // expected-error {{'async' applies only to function declarations}}
  } inner;
};

typedef async int job_fn(void); // expected-error {{'async' applies only to function declarations}}

static async int work(void) {
  async int w = 1; // expected-error {{'async' applies only to function declarations}}
  return w + await(asyncc_yield());
}

int main(void) {
  async int z = 1; // expected-error {{'async' applies only to function declarations}}
  return z + asyncc_run(work());
}
