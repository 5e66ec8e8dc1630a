#!/usr/bin/env bash
# output_paths.sh ASYNCC INCLUDE_DIR - where -o (and -MF) write.
#   - the input itself as output: refused (exit 2), the input unchanged;
#   - a symbolic link: the file it names gets the output, the link stays;
#   - a FIFO (like /dev/null, not a regular file): written in place, not
#     replaced by a regular file.
. "$(dirname "$0")/common.sh"

printf '#include <asyncc.h>\nasync int g(void) { return 1; }\n' > in.c
cp in.c in.orig

"$asyncc" in.c -o in.c -- -I "$inc" 2> err.txt
rc=$?
[ $rc -eq 2 ] || fail "-o INPUT: exit status $rc (want 2)"
grep -q "is the input file" err.txt || fail "-o INPUT: message: $(cat err.txt)"
cmp -s in.c in.orig || fail "-o INPUT: the input was changed"

echo old > target.c
ln -s target.c link.c
"$asyncc" in.c -o link.c -- -I "$inc" || fail "-o LINK: exit status $?"
[ -L link.c ] || fail "-o LINK: the link was replaced"
grep -q asyncc__g_resume target.c || fail "-o LINK: the target has no output"

echo old > dep_target.d
ln -s dep_target.d dep_link.d
"$asyncc" in.c -o out.c -MF dep_link.d -- -I "$inc" || fail "-MF LINK: $?"
[ -L dep_link.d ] || fail "-MF LINK: the link was replaced"
grep -q '^out.c:' dep_target.d || fail "-MF LINK: the target has no rule"

mkfifo fifo
cat fifo > fifo.out &
reader=$!
"$asyncc" in.c -o fifo -- -I "$inc" || fail "-o FIFO: exit status $?"
if [ ! -p fifo ]; then
  kill "$reader" # it waits for a writer that will never come
  fail "-o FIFO: the FIFO was replaced"
fi
wait "$reader"
grep -q asyncc__g_resume fifo.out || fail "-o FIFO: the reader got no output"
echo "ok"
