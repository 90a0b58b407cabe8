#!/usr/bin/env bash
# The two quick-start commands:
#   packaging/quickstart.sh run    install what is missing, build (with sora-emulator), start
#                                  DrillStudio (local renderer)
#   packaging/quickstart.sh test   install what is missing, build, run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
mode=${1:-}
case "$mode" in run | test) shift ;; *)
  echo "usage: packaging/quickstart.sh run|test [arguments for drillstudio]" >&2
  exit 2
  ;;
esac

packaging/setup-debian.sh

# ccache: keep its folder outside the repository and share hits between build folders.
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/drillstudio-ccache}
export CCACHE_BASEDIR=$repo
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-2G}
jobs=$(nproc)

if [ "$mode" = run ]; then
  cmake --preset default >/dev/null
  cmake --build --preset default --parallel "$jobs" --target drillstudio sora-emulator
  binary=build/default/src/app/drillstudio
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "quickstart: no display found; starting DrillStudio on a virtual display (xvfb-run)." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$binary" "$@"
  fi
  exec "$binary" "$@"
fi

# test: the full build with warnings as errors, then the build without the GUI.
cmake --preset ci
cmake --build --preset ci --parallel "$jobs"
packaging/test-services.sh start
trap 'packaging/test-services.sh stop' EXIT
source build/test-services.env
# The store tests' PostgreSQL rows, the official SDK check, the private keychain test, the demo
# page's browser test and the request fuzzer must run here, not be skipped.
export DRILLSTUDIO_REQUIRE_PG=1
export DRILLSTUDIO_REQUIRE_SDK=1
export DRILLSTUDIO_REQUIRE_KEYRING=1
export DRILLSTUDIO_REQUIRE_WEB=1
export DRILLSTUDIO_REQUIRE_FUZZ=1
ctest --preset ci
cmake --preset headless
cmake --build --preset headless --parallel "$jobs"
# The fuzzer builds its own clang tree and has already run above: not twice.
ctest --preset headless -LE fuzz
