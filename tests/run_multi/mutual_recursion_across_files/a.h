/* is_even is defined in a.c, is_odd in b.c; each awaits the other. */
#ifndef MUTUAL_ACROSS_FILES_A_H
#define MUTUAL_ACROSS_FILES_A_H
#include <asyncc.h>
#include <stdbool.h>

async bool is_even(unsigned n);
async bool is_odd(unsigned n);
#endif
