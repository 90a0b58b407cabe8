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
  qt6-qpa-plugins qt6-translations-l10n
  # the openai provider's API key in the OS keychain, and a private Secret Service for its test
  # (a session bus, GNOME Keyring, and secret-tool to look the stored key up)
  qtkeychain-qt6-dev dbus-daemon gnome-keyring libsecret-tools
  # video: encoding with FFmpeg's libraries, playback through GStreamer, ffmpeg/ffprobe for checks
  libavcodec-dev libavformat-dev libswscale-dev libavutil-dev ffmpeg
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  # Japanese glyphs for the renderer and the GUI
  fonts-ipafont-gothic
  # the 💪 of the advice card's drill header, in colour
  fonts-noto-color-emoji
  # reading Japanese drill names (MeCab with the IPADIC dictionary)
  libmecab-dev mecab-ipadic-utf8
  # job store for teams, started by the test suite on loopback
  postgresql
  # headless GUI runs and screenshots
  xvfb xauth
  # REST server benchmark (bench_server): load generator, nginx and the old FastAPI service's shape
  wrk nginx-light python3-fastapi python3-uvicorn
  # uvicorn at its fastest (--loop uvloop --http httptools) for the FastAPI reference
  python3-uvloop python3-httptools
  # the /demo page's browser test (tests/web, playwright-core drives Debian's headless Chromium)
  chromium
  # the request-parsing fuzzer (tests/fuzz): clang with libFuzzer and the sanitizers' runtimes
  clang libclang-rt-14-dev
  # packaging: .deb checks, desktop and AppStream validators, the man page generator, the systemd
  # unit's checks, icon rendering, and a clean Debian 12 root for packaging/check-deb.sh
  dpkg-dev file lintian desktop-file-utils appstream python3 systemd librsvg2-bin debootstrap
  # loaded at run time by the installed application (named in the .deb's Depends)
  qt6-image-formats-plugins fonts-noto-color-emoji
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed."
else
  echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  echo "setup: done."
fi

# The official `openai` npm SDK runs against sora-emulator in the tests (tests/node): Node.js
# from Debian when no node is on PATH, then the locked dependencies when they are missing or
# older than package-lock.json.
repo=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v node >/dev/null 2>&1; then
  echo "setup: installing Node.js (nodejs npm) for the SDK tests"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends nodejs npm
fi
# tests/node pins an `openai` release that runs on Debian 12's Node.js 18.
node_major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')
if [ -n "$node_major" ] && [ "$node_major" -lt 18 ]; then
  echo "setup: Node.js $(node --version) is older than 18; the openai SDK test will fail." >&2
fi
# Each folder with a package-lock.json: tests/node (the SDK check), tests/packaging/lint (the
# Dockerfile linter), tests/web (playwright-core, pinned to a release that runs on Node.js 18 and
# 20, drives Debian's Chromium through the demo page).
for node_project in "$repo/tests/node" "$repo/tests/packaging/lint" "$repo/tests/web"; do
  if [ -f "$node_project/package-lock.json" ] && command -v npm >/dev/null 2>&1; then
    if [ ! -d "$node_project/node_modules" ] \
      || [ "$node_project/package-lock.json" -nt "$node_project/node_modules" ]; then
      echo "setup: installing the test dependencies (npm ci in ${node_project#"$repo"/})"
      npm ci --prefix "$node_project" --no-audit --no-fund
      touch "$node_project/node_modules"
    fi
  fi
done
