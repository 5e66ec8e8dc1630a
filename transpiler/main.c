/* main.c - asyncc's entry point: parse options, run the driver, map the
 * result to an exit status (0 ok, 1 errors in the input, 2 usage, I/O or
 * internal error). */
#include "driver.h"
#include "options.h"

int main(int argc, char** argv) {
  tr_options_t o;
  int r = tr_options_parse(&o, argc, argv);
  if (r > 0) return 0;
  if (r < 0) return 2;
  return tr_driver_run(&o);
}
