/* An array member of a struct returned by a call (awaited or not) decays
 * to a pointer into C's temporary, which lives to the end of the full
 * expression: across later awaits of that expression, and while an
 * awaited callee that got the pointer reads through it after suspending.
 * asyncc keeps the struct itself in the frame; it kept only the pointer,
 * into a callee frame the next await reused or into a dead stack slot
 * (law repros awaited_struct_array_member_decay_clobbered,
 * call_result_array_member_decay_dangles). */
#include <asyncc.h>
#include <stdio.h>
#include <string.h>

struct S {
  char s[8];
  int v[2];
};

static async struct S mk(const char* t) {
  struct S r = {"", {5, 6}};
  await(asyncc_yield());
  strcpy(r.s, t);
  return r;
}

static struct S plain(const char* t) {
  struct S r = {"", {1, 2}};
  strcpy(r.s, t);
  return r;
}

/* Overwrites the stack below its caller. */
static void clobber(void) {
  volatile char big[256];
  memset((char*)big, 'X', sizeof big);
}

static async int id(int x) {
  clobber();
  await(asyncc_yield());
  clobber();
  return x;
}

static async int sumv(const int* v) {
  int a = v[0];
  await(asyncc_yield());
  return a + v[1];
}

async int amain(void) {
  printf("%s|%s\n", await(mk("one")).s, await(mk("two")).s);
  printf("%s %d\n", await(mk("hello")).s, await(id(3)));
  printf("%d\n", await(sumv(await(mk("x")).v)));
  printf("%s %d\n", plain("plain").s, await(id(4)));
  printf("%d\n", await(sumv(plain("y").v)));
  struct S s1 = {"s1", {0, 0}};
  int n = 0;
  printf("%s|%s\n", (n++, s1).s, await(mk("cm")).s); /* a comma operand */
  return 0;
}

int main(void) { return asyncc_run(amain()); }
