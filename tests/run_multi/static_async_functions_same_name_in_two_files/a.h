/* Each file has its own static async 'step'; only the wrappers are shared. */
#ifndef STATIC_SAME_NAME_A_H
#define STATIC_SAME_NAME_A_H
#include <asyncc.h>

async int from_a(int x);
async int from_b(int x);
#endif
