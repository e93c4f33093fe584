#!/usr/bin/env bash
# The browser test: builds the web version, serves it on 127.0.0.1, loads it in Debian's
# headless Chromium (tools/web_test.mjs over the DevTools protocol), compares the default view
# with the native render of the same view, checks that a touch chooses a patient button, and
# checks the budgets: compressed download <= 15 MB, first frame <= 3 s after the page began
# loading, the engine >= 20x real time inside wasm. Figures go to build-web/check/figures.txt.
# usage: tools/web_check.sh   (after tools/build.sh; docs/web.md)
set -euo pipefail
cd "$(dirname "$0")/.."
NATIVE=${VENAVIZ_BUILD_DIR:-build}
OUT=${VENAVIZ_WEB_DIR:-build-web}
EXTRA="chromium" ./tools/install_deps.sh
./tools/build_web.sh
CHECK="$OUT/check"
rm -rf "$CHECK" && mkdir -p "$CHECK"
# Port 0: the system picks a free one, which the server prints once it listens.
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$OUT/web" > "$CHECK/http.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
PORT=
for _ in $(seq 100); do
  PORT=$(sed -n 's/^Serving HTTP on .* port \([0-9]*\).*/\1/p' "$CHECK/http.log")
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || { echo "web test: the web server did not start:" >&2; cat "$CHECK/http.log" >&2; exit 1; }
# The test stops the server at its end to load the page offline (the service worker's cache).
node tools/web_test.mjs "http://127.0.0.1:$PORT" "$CHECK" "$SERVER"

run_with_display() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; fi
}
LIBGL_ALWAYS_SOFTWARE=1 __GLX_VENDOR_LIBRARY_NAME=mesa run_with_display \
  "$NATIVE/venaviz" render --size 1024x768 --do "particles off" -o "$CHECK/native_default.png" > /dev/null
echo "default view, page (SwiftShader) against native (llvmpipe):"
"$NATIVE/venaviz" image_diff "$CHECK/native_default.png" "$CHECK/default.png" --max-mean 3
echo "patient mode before and after the touch:"
if "$NATIVE/venaviz" image_diff "$CHECK/patient_before.png" "$CHECK/patient_after.png" --max-mean 1; then
  echo "web test: the picture did not change after the touch" >&2; exit 1
fi

echo "patient mode before and after a two-finger pinch:"
if "$NATIVE/venaviz" image_diff "$CHECK/patient_after.png" "$CHECK/patient_pinched.png" --max-mean 0.5; then
  echo "web test: the picture did not change after the pinch" >&2; exit 1
fi

bytes=0
for f in venaviz.wasm venaviz.data venaviz.js index.html sw.js manifest.webmanifest icon.svg; do
  bytes=$((bytes + $(gzip -9 -c "$OUT/web/$f" | wc -c)))
done
python3 - "$CHECK/figures.json" "$bytes" <<'PY' | tee "$CHECK/figures.txt"
import json, sys
f = json.load(open(sys.argv[1])); mb = int(sys.argv[2]) / 1e6
print(f"download, gzip -9: {mb:.2f} MB (budget 15)")
print(f"first frame: {f['firstFrameMs']:.0f} ms after the page began loading (budget 3000)")
print(f"engine inside wasm: {f['engineRealTime']:.1f}x real time (budget 20)")
print(f"frame time under SwiftShader, default scene with panels, 1024x768: {f['frameMs']:.0f} ms")
bad = [w for w, ok in [("download", mb <= 15), ("first frame", f['firstFrameMs'] <= 3000),
                       ("engine speed", f['engineRealTime'] >= 20)] if not ok]
if bad: sys.exit("web test: over budget: " + ", ".join(bad))
PY
echo "web test: passed"
