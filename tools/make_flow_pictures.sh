#!/usr/bin/env bash
# Rebuilds docs/images/flow/: the 10-tiptoe protocol with healthy valves and with a failed left
# great saphenous vein, rendered by the app's own renderer (`venaviz render --frames`), the same
# frames the window shows when the protocol plays at real time (with the 50k-particle budget the
# app uses on a GPU; under llvmpipe it defaults to 16k).
# usage: tools/make_flow_pictures.sh   (VENAVIZ_BUILD_DIR defaults to build)
set -euo pipefail
cd "$(dirname "$0")/.."
B=${VENAVIZ_BUILD_DIR:-build}
V="$B/venaviz"
OUT=docs/images/flow
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1} __GLX_VENDOR_LIBRARY_NAME=${__GLX_VENDOR_LIBRARY_NAME:-mesa}
run() { xvfb-run -a -s "-screen 0 1920x1080x24" "$V" "$@"; }

for c in healthy:healthy gsv_reflux:gsv_failed; do
  scenario=${c%%:*}
  name=${c#*:}
  setup="quality medium; layer bones off; scenario scenes/scenarios/$scenario.json; protocol scenes/protocols/tiptoe_10.json"
  # 1. The thigh: both great saphenous veins during the 5th raise (t = 44.0 .. 44.875 s), 8 frames.
  run render --scene scenes/default.json -o "$TMP/${name}_thigh_%02d.png" --size 480x300 \
      --target 1.5,-10.3,66 --distance 14 --view anterior --do "$setup; wait 44" --frames 8 --fps 8
  python3 tools/montage.py "$OUT/tiptoe_${name}_thigh.png" 4 "$TMP/${name}_thigh_"*.png
  # 2. The leg with the panel (ankle pressure readout): before, during and after the bout.
  for t in 39 44.2 44.7 56; do
    run render --scene scenes/default.json -o "$OUT/tiptoe_${name}_leg_t${t}.png" --size 1280x800 --ui \
        --target 4,-10,47 --distance 165 --view anterior --do "$setup; labels off; wait $t"
  done
done
echo "wrote $OUT"
