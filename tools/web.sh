#!/usr/bin/env bash
# The third command: installs what is missing, builds the browser version and serves it on
# this machine, printing the address to open (Ctrl-C stops the server). docs/web.md.
# usage: tools/web.sh [PORT]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8080}
./tools/build_web.sh
OUT=${VENAVIZ_WEB_DIR:-build-web}
echo "venaviz: open http://127.0.0.1:$PORT/  (patient mode: http://127.0.0.1:$PORT/?patient&language=es)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$OUT/web"
