#!/usr/bin/env bash
# Builds the browser version (WebAssembly + WebGL 2) into build-web/web/: installs Debian's
# emscripten (and what the native build needs) when missing, fetches Dear ImGui 1.86's source
# from Debian's own source package (apt with a private deb-src list, checked against Debian's
# archive key; third_party/README.md), bakes the context models with the native build, then
# configures with emcmake. usage: tools/build_web.sh   (docs/web.md)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath -m "${VENAVIZ_WEB_DIR:-build-web}")  # absolute: apt and CMake get it from elsewhere
NATIVE=${VENAVIZ_BUILD_DIR:-build}
EXTRA="emscripten" ./tools/install_deps.sh
[ -x "$NATIVE/venaviz" ] || ./tools/build.sh

# Dear ImGui 1.86 from Debian's source package (the same version as libimgui-dev).
SRC="$OUT/debian-src"
IMGUI="$SRC/imgui"
if [ ! -f "$IMGUI/imgui.cpp" ]; then
  mkdir -p "$SRC/lists/partial" "$SRC/cache/archives/partial"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" \
    > "$SRC/sources.list"
  APT=(-o Dir::Etc::SourceList="$SRC/sources.list" -o Dir::Etc::SourceParts=/nonexistent
       -o Dir::State::Lists="$SRC/lists" -o Dir::Cache="$SRC/cache" -o APT::Sandbox::User=root)
  apt-get "${APT[@]}" update -qq
  (cd "$SRC" && apt-get "${APT[@]}" source --download-only -qq imgui=1.86+ds-1)
  rm -rf "$IMGUI" && mkdir -p "$IMGUI"
  tar -xf "$SRC"/imgui_1.86+ds.orig.tar.xz -C "$IMGUI" --strip-components=1
fi

# The context models, baked by the native tool (the browser build has no Assimp).
"$NATIVE/venaviz" bake_models --out "$OUT/baked"

export NODE_PATH=/usr/share/nodejs  # Debian's emscripten finds its optimizer's modules there
emcmake cmake -S . -B "$OUT" -DCMAKE_BUILD_TYPE=Release -DVENAVIZ_IMGUI_SOURCE="$IMGUI" \
  -DVENAVIZ_BAKED_DIR="$OUT/baked" > "$OUT/configure.log" || { cat "$OUT/configure.log"; exit 1; }
cmake --build "$OUT" -j"$(nproc)"
echo "venaviz: the browser build is in $OUT/web/"
