#!/usr/bin/env bash
# Installs every Debian package that building, testing and running DrillStudio need.
# Idempotent: packages already present are skipped. Runs apt-get as root, through sudo otherwise.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6.4 (Debian 12)
  qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev qt6-httpserver-dev qt6-websockets-dev
  libqt6sql6-sqlite libqt6sql6-psql qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-qpa-plugins
  # video: encoding with FFmpeg's libraries, playback through GStreamer, ffmpeg/ffprobe for checks
  libavcodec-dev libavformat-dev libswscale-dev libavutil-dev ffmpeg
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  # Japanese glyphs for the renderer and the GUI
  fonts-ipafont-gothic
  # job store for teams, started by the test suite on loopback
  postgresql
  # headless GUI runs and screenshots
  xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed."
  exit 0
fi

echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: done."
