/* User names that a naive transform would collide with its own: parameters
 * and locals called f, fp, r, hdr, state, resume, parent, task, flags,
 * frame, ret, and a struct member called hdr. */
#include <asyncc.h>
#include <stdio.h>

struct hdr {
  int hdr;
  int state;
};

static async int take(int f, int fp, int r) {
  int hdr = f + fp;
  await(asyncc_yield());
  int state = hdr * r;
  await(asyncc_yield());
  return state + f;
}

static async int start(int resume, int parent, int task, int flags) {
  await(asyncc_sleep(1));
  struct hdr frame = {resume + parent, task + flags};
  int ret = await(take(frame.hdr, frame.state, 2));
  return ret;
}

async int amain(void) {
  int f = 1, fp = 2, r = 3;
  int result = await(take(f, fp, r));
  printf("%d %d %d %d\n", f, fp, r, result);
  printf("%d\n", await(start(1, 2, 3, 4)));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
