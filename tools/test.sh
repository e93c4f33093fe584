#!/usr/bin/env bash
# One command for the whole test suite: installs what is missing, builds, runs every test
# (unit, gl, golden; a virtual display through Xvfb when there is none), then builds with
# AddressSanitizer + UndefinedBehaviorSanitizer and runs the unit tests under them.
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

echo "== the browser build in headless Chromium (WebAssembly, WebGL 2 through SwiftShader)"
./tools/web_check.sh
