#!/usr/bin/env bash
# Regenerates docs/validation.md: builds venaviz_validation_tests, runs every validation case
# (physiology.md §13) once, and writes the table of published values vs the model's.
# Usage: tools/make_validation_table.sh [OUT.md]   (build dir: $VENAVIZ_BUILD_DIR or build/)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${VENAVIZ_BUILD_DIR:-build}"
out="${1:-docs/validation.md}"
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target venaviz_validation_tests -j"$(nproc)"
# The table is written even when a check fails (its row says FAIL); the exit status tells.
status=0
VENAVIZ_VALIDATION_TABLE="$out" "$build/tests/venaviz_validation_tests" --gtest_brief=1 || status=$?
echo "wrote $out"
exit "$status"
