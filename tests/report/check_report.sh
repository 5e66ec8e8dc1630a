#!/usr/bin/env bash
# check_report.sh ASYNCC CC INCLUDE_DIR RUNTIME_LIB SOURCE WORKDIR [CFLAGS]
# asyncc --report's frame sizes must be the compiler's sizeof of the
# generated frame structs.
set -euo pipefail
asyncc=$1 cc=$2 inc=$3 lib=$4 src=$5 work=$6 cflags=${7:-}
mkdir -p "$work"
"$asyncc" --report "$src" > "$work/report.txt"
"$asyncc" "$src" -o "$work/gen.c"
fns=$(sed -n 's/^async function \([A-Za-z_0-9]*\) .*/\1/p' "$work/report.txt")
[ -n "$fns" ] || { echo "no functions in the report"; cat "$work/report.txt"; exit 1; }
{
  echo '#define main asyncc_user_main' # the program's own main stays unused
  sed '1s/^\xef\xbb\xbf//' "$work/gen.c" # a byte order mark only leads a file
  echo '#undef main'
  echo '#include <stdio.h>'
  echo 'int main(void) {'
  for f in $fns; do
    echo "  printf(\"$f %zu\\n\", sizeof(struct asyncc__${f}_frame));"
  done
  echo '  return 0;'
  echo '}'
} > "$work/sizes.c"
"$cc" -std=gnu11 -w $cflags -I "$inc" "$work/sizes.c" "$lib" $(pkg-config --libs libuv) -o "$work/sizes"
"$work/sizes" > "$work/actual.txt"
for f in $fns; do
  want=$(awk -v f="$f" '$1=="async" && $3==f {on=1} on && $1=="total" {print $2; exit}' "$work/report.txt")
  got=$(awk -v f="$f" '$1==f {print $2}' "$work/actual.txt")
  if [ "$want" != "$got" ]; then
    echo "frame of $f: --report says $want bytes, sizeof is $got"
    cat "$work/report.txt"
    exit 1
  fi
  echo "frame of $f: $got bytes"
done
# SIZES_ONLY=1: any program (tests/run), only the sizes are checked
[ "${SIZES_ONLY:-0}" = 1 ] && exit 0
grep -q "asyncc__u " "$work/report.txt" || { echo "expected an embedded callee frame"; exit 1; }
grep -q "asyncc__c " "$work/report.txt" || { echo "expected a heap callee frame"; exit 1; }
# liveness: a local dead at every await is not a frame field
if awk '$1=="async" {fn=$3} fn=="dead_after" && $3=="before"' "$work/report.txt" | grep -q .; then
  echo "'before' is dead at the await but was put in the frame"
  exit 1
fi
# the runtime's leaves (asyncc/leaves.h) are embedded: leaf awaits only
# asyncc_yield, so it has no heap callee frame
if awk '$1=="async" {fn=$3} fn=="leaf" && $3=="asyncc__c"' "$work/report.txt" | grep -q .; then
  echo "leaf's await of asyncc_yield() allocates a frame instead of embedding it"
  exit 1
fi
# storage sharing: the locals of sibling blocks start at the same offset
x=$(awk '$1=="async" {fn=$3} fn=="siblings" && $3=="asyncc__s1.b0.x" {print $1}' "$work/report.txt")
y=$(awk '$1=="async" {fn=$3} fn=="siblings" && $3=="asyncc__s1.b1.y" {print $1}' "$work/report.txt")
if [ -z "$x" ] || [ "$x" != "$y" ]; then
  echo "sibling blocks' locals x (offset '$x') and y (offset '$y') do not share storage"
  exit 1
fi
# storage sharing in one block: a and b share a union, k does not
a=$(awk '$1=="async" {fn=$3} fn=="sequence" && $3=="asyncc__v1.a" {print $1}' "$work/report.txt")
b=$(awk '$1=="async" {fn=$3} fn=="sequence" && $3=="asyncc__v1.b" {print $1}' "$work/report.txt")
k=$(awk '$1=="async" {fn=$3} fn=="sequence" && $3=="k" {print $1}' "$work/report.txt")
if [ -z "$a" ] || [ "$a" != "$b" ] || [ -z "$k" ] || [ "$k" = "$a" ]; then
  echo "disjoint locals a (offset '$a') and b (offset '$b') do not share storage, or k (offset '$k') does"
  exit 1
fi
# a callee defined after its caller is embedded, not on the heap
if awk '$1=="async" {fn=$3} fn=="top_down" && $3=="asyncc__c"' "$work/report.txt" | grep -q . ||
   ! awk '$1=="async" {fn=$3} fn=="top_down" && $3=="asyncc__u"' "$work/report.txt" | grep -q .; then
  echo "top_down's callee, defined after it, is not embedded in its frame"
  exit 1
fi
echo "report matches the compiler's layout"

