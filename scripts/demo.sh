#!/usr/bin/env bash
# demo.sh - set up, build asyncc, transpile a sample and run it.
#
#   bash scripts/demo.sh [SAMPLE]
#
# SAMPLE is a directory under samples/ (default: sleep_sort if present,
# else timers). The sample is transpiled by the just-built asyncc as part
# of the build (asyncc_target_sources), then run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

sample=${1:-}
if [[ -z "$sample" ]]; then
  if [[ -d samples/sleep_sort ]]; then sample=sleep_sort; else sample=timers; fi
fi
[[ -d "samples/$sample" ]] || { echo "demo: no sample samples/$sample" >&2; exit 2; }

bash scripts/setup.sh
cmake -S . -B build -DASYNCC_BUILD_SAMPLES=ON >/dev/null
cmake --build build -j2 --target "sample_$sample"

gen_dir="build/samples/$sample/asyncc_gen/sample_$sample"
printf '\n== asyncc transpiled samples/%s into C state machines:\n' "$sample"
find "$gen_dir" -name '*.c' | sort | sed 's/^/   /'
printf '\n== running samples/%s:\n' "$sample"
"build/samples/$sample/sample_$sample"
