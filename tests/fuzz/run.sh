#!/usr/bin/env bash
# Builds the request fuzzer with clang (the "fuzz" preset: libFuzzer, ASan, UBSan) and runs it for
# a bounded time from the seed corpus in tests/fuzz/corpus. Any crash, sanitizer report or
# property violation (a 5xx, a header with CR/LF, ...) fails, and the input is kept under
# build/fuzz/artifacts/. Exit 77 (skipped) without clang or libFuzzer, unless
# DRILLSTUDIO_REQUIRE_FUZZ is set. Usage: tests/fuzz/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
seconds=${1:-60}

skip() {
  if [ -n "${DRILLSTUDIO_REQUIRE_FUZZ:-}" ]; then
    echo "FAIL: $1 (packaging/setup-debian.sh installs it)" >&2
    exit 1
  fi
  echo "SKIP: $1"
  exit 77
}
command -v clang++ >/dev/null 2>&1 || skip "clang++ is not installed"
compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a" >/dev/null \
  || skip "libFuzzer (libclang-rt-dev) is not installed"

export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/drillstudio-ccache}
export CCACHE_BASEDIR=$repo
export CCACHE_NOHASHDIR=1
cmake --preset fuzz >/dev/null
cmake --build build/fuzz --parallel "$(nproc)" --target fuzz_requests

artifacts=$repo/build/fuzz/artifacts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts" "$work/found"
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:malloc_context_size=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# New inputs go to the first folder (thrown away); the seed corpus is only read.
# libFuzzer's own failure exit code is 77, which ctest would take for "skipped": any failure is 1.
status=0
build/fuzz/tests/fuzz/fuzz_requests -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -error_exitcode=1 -timeout_exitcode=1 \
  -max_len=4096 -use_value_profile=1 -print_final_stats=1 -artifact_prefix="$artifacts/" \
  -dict=tests/fuzz/requests.dict \
  "$work/found" tests/fuzz/corpus || status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL: fuzz_requests found a failing input (exit $status); see build/fuzz/artifacts/" >&2
  exit 1
fi
echo "fuzz_requests: 1 passed, 0 failed (no crash and no violated property in ${seconds} s)"
