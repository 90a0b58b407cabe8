#!/usr/bin/env bash
# Builds the release packages (.deb and .tar.gz) from a clean Release tree, checks them, and prints
# their SHA-256. Run from anywhere: packaging/release.sh [--check-root]
#   lintian on the .deb (no errors allowed), desktop-file-validate on the launcher, appstreamcli on
#   the metainfo, and the version: project(VERSION) = --version = packaging/debian/changelog =
#   CHANGELOG.md. With --check-root, also packaging/check-deb.sh (clean Debian 12 root; needs root).
# The packages and SHA256SUMS are left in build/pkg.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=$repo/build/pkg
fail() { echo "release: FAIL: $*" >&2; exit 1; }
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/drillstudio-ccache} CCACHE_BASEDIR=$repo CCACHE_NOHASHDIR=1

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWARNINGS_AS_ERRORS=ON \
  -DBUILD_TESTING=OFF -DWITH_BENCHMARKS=OFF -DWITH_EMULATOR=OFF -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
cmake --build "$build" --parallel "${JOBS:-2}"
rm -f "$build"/drillstudio*.deb "$build"/drillstudio*.tar.gz "$build"/SHA256SUMS
(cd "$build" && cpack -G "DEB;TGZ" >/dev/null)
deb=$(ls "$build"/drillstudio_*.deb)
version=$(dpkg-deb -f "$deb" Version)

echo "release: checking drillstudio $version"
[ "$("$build/src/app/drillstudio" --version)" = "drillstudio $version" ] || fail "--version is not $version"
grep -q "^drillstudio ($version) " "$repo/packaging/debian/changelog" || fail "packaging/debian/changelog is not at $version"
grep -q "^## $version " "$repo/CHANGELOG.md" || fail "CHANGELOG.md has no section for $version"
lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1 | grep -v '^running with root' || true
lintian --fail-on error "$deb" >/dev/null 2>&1 || fail "lintian reports errors"
desktop-file-validate "$repo/packaging/desktop/drillstudio.desktop"
appstreamcli validate --no-net "$build/packaging/io.github.drillstudio.DrillStudio.metainfo.xml" >/dev/null \
  || fail "appstreamcli"
if [ "${1:-}" = --check-root ]; then
  CHECK_DEB_OUT=$build "$repo/packaging/check-deb.sh" "$deb"
fi
(cd "$build" && sha256sum drillstudio*.deb drillstudio*.tar.gz | tee SHA256SUMS)
