#!/usr/bin/env bash
# One command for a new user: installs what is missing, builds, and opens venaviz on its
# default scene. Arguments go to the app (e.g. --ui-scale 2, --scene FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/install_deps.sh
./tools/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "venaviz: no display found; to check the build without one, try:" >&2
  echo "  xvfb-run -a ./build/venaviz render --scene scenes/default.json -o venaviz.png" >&2
  exit 3
fi
exec ./build/venaviz "$@"
