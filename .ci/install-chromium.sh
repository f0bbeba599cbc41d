#!/usr/bin/env bash
# Installs Debian's Chromium for the market-data web page test (MdPageBrowserTest), when missing.
# Exits non-zero when it cannot: CI runs with CI=true, where that test fails without a browser anyway, and a
# failed install is clearer here than there. As root it uses apt-get directly (no sudo needed); otherwise
# passwordless sudo.
set -euo pipefail
browser() { command -v chromium || command -v chromium-browser; }
if browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-chromium: ERROR: chromium is missing and this user can neither install it (not root) nor use sudo without a password" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: ERROR: chromium is missing and there is no apt-get to install it (Debian's package is expected)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get update -q >/dev/null; then
  echo "install-chromium: ERROR: apt-get update failed" >&2
  exit 1
fi
if ! "${as_root[@]}" apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
  echo "install-chromium: ERROR: apt-get install chromium failed" >&2
  exit 1
fi
if ! "$(browser)" --version; then
  echo "install-chromium: ERROR: chromium was installed but does not run" >&2
  exit 1
fi
