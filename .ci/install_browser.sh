#!/usr/bin/env bash
# Headless Chromium and its driver from Debian's packages, for the browser test of the
# HTML report (tests/test_html_browser.py). Nothing is downloaded outside the package
# manager: selenium is pointed at /usr/bin/chromedriver, so selenium-manager stays idle.
set -euo pipefail

# a Chinese font too, or the screenshot shows boxes where the report's text should be
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
   && command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "install_browser: chromium, chromedriver and a Chinese font already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-wqy-microhei fontconfig
/usr/bin/chromium --version
/usr/bin/chromedriver --version
