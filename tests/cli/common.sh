# common.sh - sourced by the tests/cli scripts, run as SCRIPT ASYNCC
# INCLUDE_DIR: sets $asyncc and $inc, moves into a temporary directory
# removed on exit, and defines fail MESSAGE (prints, exits 1).
set -u
asyncc=$1
inc=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }
