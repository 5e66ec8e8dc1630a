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
first=$(find "$gen_dir" -name '*.c' | sort | head -n1)
printf '\n== the first async function, as a frame struct and a resume function\n'
printf '   (excerpt of %s):\n\n' "$first"
awk '/^struct asyncc__[A-Za-z0-9_]*_frame \{/ { on = 1 }
     on { print "   " $0; n++ }
     on && /^}/ && seen_resume { exit }
     /_resume\(asyncc_frame_t\* [A-Za-z_]*\) \{/ { seen_resume = 1 }
     n >= 60 { print "   ..."; exit }' "$first"
printf '\n== running samples/%s:\n' "$sample"
"build/samples/$sample/sample_$sample"
