#!/usr/bin/env bash
# The Debian packages the tests use: Chromium (end-to-end tests; Playwright's
# own browser download is not possible here), poppler-utils and qpdf (judge
# our PDFs), CUPS with the cups-pdf virtual printer (print tests).
set -euo pipefail
need=()
for p in chromium poppler-utils qpdf cups printer-driver-cups-pdf; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
