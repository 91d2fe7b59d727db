#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the web app's browser tests, which
# drive it with playwright-core (no browser is ever downloaded). Installs it with apt-get when
# it is missing and this runs as root; otherwise says why and leaves it to `npm test`, which
# then skips the browser tests with the same message.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM") is installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $CHROMIUM missing and not root; install Debian's chromium package to run the browser tests" >&2
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "ensure-chromium: $CHROMIUM missing and no apt-get here; the browser tests will skip" >&2
  exit 0
fi

echo "ensure-chromium: installing Debian's chromium package"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
echo "ensure-chromium: $("$CHROMIUM" --version) installed"
