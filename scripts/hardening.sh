#!/usr/bin/env bash
# The hardening stage of CI: every test suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (with leak checking), then each libFuzzer target for a bounded time. One clang build serves
# both (CLAIMLINE_FUZZ implies the sanitizers). Any sanitizer report or fuzzer finding fails.
#   scripts/hardening.sh [FUZZ_SECONDS]      default 60 per fuzz target (CI: 180)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
seconds="${1:-60}"
build=build-hardening
start=$(date +%s)
# -O1 with line tables: fast enough to fuzz, quick to compile, and stack traces still name
# the line.
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
    -DCLAIMLINE_FUZZ=ON -DCLAIMLINE_BUILD_BENCH=OFF -DCLAIMLINE_WERROR=ON >/dev/null
cmake --build "$build"
echo "hardening: build took $(( $(date +%s) - start )) s"

t=$(date +%s)
# halt_on_error: the first report fails the test that caused it.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
QT_QPA_PLATFORM=offscreen ctest --test-dir "$build" -j2 --output-on-failure
echo "hardening: sanitizer suite took $(( $(date +%s) - t )) s"

t=$(date +%s)
CLAIMLINE_FUZZ_BUILD="$build" scripts/fuzz.sh "$seconds"
echo "hardening: fuzzing took $(( $(date +%s) - t )) s; whole stage $(( $(date +%s) - start )) s"
