#!/usr/bin/env bash
# Headless Chromium and its driver from Debian's packages, for the browser test of the
# HTML report (tests/test_html_browser.py). Nothing is downloaded outside the package
# manager: selenium is pointed at /usr/bin/chromedriver, so selenium-manager stays idle.
set -euo pipefail

# a Chinese font too, or the screenshot shows boxes where the report's text should be; the
# OCR tests draw their scans with it (tests/ocr_fixtures.py), and the OpenCV that the ocr
# extra brings needs libGL and GLib from the system
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
   && command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null)" ] \
   && [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] \
   && ldconfig -p | grep -q "libGL.so.1 " && ldconfig -p | grep -q "libglib-2.0.so.0 "; then
  echo "install_browser: chromium, chromedriver, a Chinese font and OpenCV's libraries already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-wqy-microhei fontconfig \
  libgl1 libglib2.0-0
/usr/bin/chromium --version
/usr/bin/chromedriver --version
