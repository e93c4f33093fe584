#!/usr/bin/env bash
# One command for the whole test suite: installs what is missing, builds, runs every test
# (unit, gl, golden; a virtual display through Xvfb when there is none), then builds with
# AddressSanitizer + UndefinedBehaviorSanitizer and runs the unit tests under them, fuzzes every
# file reader for about a minute (tools/fuzz.sh) and ends with the browser test.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/install_deps.sh
jobs="$(nproc)"

echo "== build (RelWithDebInfo)"
./tools/build.sh
run_with_display() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; fi
}
echo "== tests: unit, gl, golden"
run_with_display ctest --test-dir build --output-on-failure -j"$jobs"

echo "== build with ASan + UBSan"
# RelWithDebInfo (-O2 -g): the sanitizers check the same, and the engine tests run ~5x faster than at -O0.
VENAVIZ_BUILD_DIR=build-asan ./tools/build.sh -DVENAVIZ_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVENAVIZ_BENCHMARKS=OFF
echo "== unit tests under ASan + UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -L unit --output-on-failure -j"$jobs"

echo "== fuzz: every file reader under libFuzzer + ASan + UBSan for a minute in all, and the regression inputs"
# Its own build (clang; only core, anatomy, io, hemo and the harnesses) in build-fuzz/; docs/reliability.md.
fuzz_start=$SECONDS
FUZZ_JOBS="$jobs" ./tools/fuzz.sh all 63
echo "fuzz stage: $((SECONDS - fuzz_start)) s (build included)"

echo "== the browser build in headless Chromium (WebAssembly, WebGL 2 through SwiftShader)"
./tools/web_check.sh
