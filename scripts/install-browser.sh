#!/usr/bin/env bash
# Install Debian's headless Chromium (and its driver) for the browser tests of
# the web UI. Idempotent: does nothing when /usr/bin/chromium is already there.
# Needs root (or sudo) and access to the Debian package mirrors.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    echo "chromium already installed: $(command -v chromium)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-browser.sh: need root or sudo to apt-get install chromium" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver
command -v chromium
