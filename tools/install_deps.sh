#!/usr/bin/env bash
# Installs the Debian 12 packages venaviz needs, only those missing. Uses sudo when not root.
set -euo pipefail
packages=(
  build-essential cmake pkg-config git
  libglfw3-dev python3-glad libglm-dev libassimp-dev libimgui-dev libstb-dev nlohmann-json3-dev
  libeigen3-dev libgtest-dev libgmock-dev libbenchmark-dev
  fonts-dejavu-core libgl1-mesa-dri libglx-mesa0 xvfb xauth glslang-tools
  clang libclang-rt-14-dev  # the libFuzzer harnesses (tools/fuzz.sh)
)
# More for some commands (tools/build_web.sh: EXTRA="emscripten" ./tools/install_deps.sh).
if [ -n "${EXTRA:-}" ]; then read -r -a extra <<< "$EXTRA"; packages+=("${extra[@]}"); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "venaviz: all ${#packages[@]} Debian packages present"
  exit 0
fi
echo "venaviz: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "venaviz: run as root or install sudo" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
