#!/usr/bin/env bash
# Installs the system packages the tests use (Debian/Ubuntu, run as root or with sudo):
# ffmpeg/ffprobe, Chromium for the e2e tests, poppler/qpdf/ghostscript/img2pdf for PDFs, and
# tesseract with Simplified Chinese for the legibility test of the demo scans.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PKGS=(ffmpeg chromium poppler-utils qpdf ghostscript img2pdf tesseract-ocr tesseract-ocr-chi-sim)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
if [ ! -d node_modules ]; then npm ci; fi
