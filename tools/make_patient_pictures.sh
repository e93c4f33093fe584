#!/usr/bin/env bash
# Rebuilds patient mode's pictures in docs/images/patient/ with the app's headless renderer
# (`venaviz render --patient --ui`): the two tablet sizes (1280x800 and 1024x768), in English
# and in Spanish and French, each a different choice, with a vein tapped in some.
# usage: tools/make_patient_pictures.sh   (VENAVIZ_BUILD_DIR defaults to build)
set -euo pipefail
cd "$(dirname "$0")/.."
B=${VENAVIZ_BUILD_DIR:-build}
V="$B/venaviz"
OUT=docs/images/patient
mkdir -p "$OUT"
export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1} __GLX_VENDOR_LIBRARY_NAME=${__GLX_VENDOR_LIBRARY_NAME:-mesa}
run() { xvfb-run -a -s "-screen 0 1920x1080x24" "$V" render --scene scenes/default.json --patient --ui --time 2 "$@"; }

run --size 1280x800 -o "$OUT/leaky_walking_1280_en.png" --do "patient_scene leaky; patient_scene walking"
run --size 1280x800 -o "$OUT/healthy_walking_1280_en.png" --do "patient_scene walking"
run --size 1280x800 --language es -o "$OUT/clot_standing_1280_es.png" \
    --do "patient_scene clot; select femoral_vein_left"
run --size 1024x768 -o "$OUT/healthy_standing_1024_en.png" --do "select great_saphenous_vein_left"
run --size 1024x768 --language es -o "$OUT/squeezed_standing_1024_es.png" --do "patient_scene squeezed"
run --size 1024x768 --language fr -o "$OUT/leaky_treated_1024_fr.png" \
    --do "patient_scene leaky; patient_scene treated"
echo "wrote $(ls "$OUT" | wc -l) pictures to $OUT"
