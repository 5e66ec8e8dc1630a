/* Walking a local char buffer with pointers across awaits: reversing
 * words in place. */
#include <asyncc.h>
#include <stdio.h>
#include <string.h>

static async int pause_len(size_t n) {
  await(asyncc_sleep(n % 2));
  return (int)n;
}

async int amain(void) {
  char text[] = "the quick brown fox jumps";
  char* p = text;
  while (*p) {
    char* start = p;
    while (*p && *p != ' ') p++;
    char* end = p - 1;
    int len = await(pause_len((size_t)(p - start)));
    while (start < end) {
      char t = *start;
      *start++ = *end;
      *end-- = t;
    }
    printf("word len %d\n", len);
    if (*p) p++;
  }
  printf("%s (%zu)\n", text, strlen(text));
  return 0;
}

int main(void) { return asyncc_run(amain()); }
