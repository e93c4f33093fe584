#!/usr/bin/env bash
# Rebuilds the teaching-interface pictures in docs/images/ui/ with the app's own headless
# renderer (`venaviz render --ui`): every panel section, the duplex ultrasound (failed GSV after
# a calf squeeze; May-Thurner cross-section), the vessel card, the themes.
# usage: tools/make_ui_pictures.sh   (VENAVIZ_BUILD_DIR defaults to build)
set -euo pipefail
cd "$(dirname "$0")/.."
B=${VENAVIZ_BUILD_DIR:-build}
V="$B/venaviz"
OUT=docs/images/ui
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1} __GLX_VENDOR_LIBRARY_NAME=${__GLX_VENDOR_LIBRARY_NAME:-mesa}
run() { xvfb-run -a -s "-screen 0 1920x3200x24" "$V" render --scene scenes/default.json --ui "$@"; }

# 1. The whole control panel, every section open, with conditions applied (tall render, cropped).
run -o "$TMP/panel.png" --size 1280x3100 --do "expand_panels on; probe great_saphenous_vein_left@0.7; \
condition valve_incompetence left_gsv 1; thrombosis femoropopliteal left; condition stockings both pressure=25; \
posture standing; wait 20; activity tiptoe; wait 12; click_mode thrombus"
python3 tools/montage.py --crop 0 0 345 3100 "$TMP/panel.png" "$OUT/panel_all_sections.png"

# 2. The duplex ultrasound of a failed great saphenous vein: calf squeezed and released.
run -o "$OUT/duplex_gsv_reflux_1920.png" --size 1920x1080 --target 3,-9,62 --distance 70 --view anterior \
    --do "scenario scenes/scenarios/gsv_reflux.json; probe great_saphenous_vein_left@0.7; doppler 1; wait 3; \
squeeze left; wait 4; labels off"
# 3. May-Thurner: the left common iliac vein under the right common iliac artery, 80% lost.
run -o "$OUT/duplex_may_thurner_1920.png" --size 1920x1080 --do "condition may_thurner x 0.8; \
probe common_iliac_vein_left@0.8; doppler 1; focus common_iliac_vein_left; wait 3"
# 4. A vessel card in plain words? (the card's toggle is widget state): the student card, live.
run -o "$OUT/vessel_card_1280.png" --size 1280x800 --do "posture standing; wait 15; select femoral_vein_left"
# 5. Themes: light and high contrast.
run -o "$TMP/light.png" --size 1280x800 --do "theme light; select great_saphenous_vein_left"
run -o "$TMP/contrast.png" --size 1280x800 --do "theme contrast; select great_saphenous_vein_left"
python3 tools/montage.py "$OUT/themes_light_contrast.png" 2 "$TMP/light.png" "$TMP/contrast.png"
echo "wrote $OUT"
