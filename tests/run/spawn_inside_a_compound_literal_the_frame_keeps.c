/* asyncc_spawn(...) inside a compound literal that the frame keeps (the
 * block suspends): the literal's text is copied into the frame after the
 * spawns were rewritten; it was copied before, and the output did not
 * compile (hunt repro spawn_in_moved_compound_literal). */
#include <asyncc.h>
#include <stdio.h>

static async int w(int k) {
  await(asyncc_yield());
  return k * 10;
}

async int amain(void) {
  asyncc_task_t** ts =
      (asyncc_task_t* [2]){asyncc_spawn(w(1)), asyncc_spawn(w(2))};
  int a = 0, b = 0;
  await(asyncc_task_join(ts[0], &a));
  await(asyncc_task_join(ts[1], &b));
  printf("%d %d\n", a, b);
  return 0;
}

int main(void) { return asyncc_run(amain()); }
