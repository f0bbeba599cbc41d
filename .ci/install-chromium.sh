#!/usr/bin/env bash
# Installs Debian's Chromium for the market-data web page test (MdHttpServerBrowserTest), when missing.
# CI runs as root; elsewhere the test skips itself when no chromium is on the PATH.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: not root, skipping (the browser test will be skipped)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >/dev/null; }; then
  echo "install-chromium: WARNING: could not install chromium; the browser test will be skipped" >&2
  exit 0
fi
chromium --version
