#!/usr/bin/env bash
# Installs what is missing, builds, and opens Claimline on the sample project.
# Without a display (a server, CI), it runs under a virtual X server instead.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
scripts/deps.sh --with-gui-runtime
cmake --preset default >/dev/null
cmake --build --preset default --target claimline
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display: running under Xvfb (xvfb-run)." >&2
    exec xvfb-run -a build/app/claimline samples/novgorod-residence-allegation.claimline "$@"
fi
exec build/app/claimline samples/novgorod-residence-allegation.claimline "$@"
