#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 60).
# Any finding fails the run; the crashing input is kept in build-fuzz/findings/ to become a
# regression test (add it to tests/fuzz/corpus/ and a unit test).
#   scripts/fuzz.sh            60 s per target
#   scripts/fuzz.sh 180        what CI runs (scripts/hardening.sh): 3 minutes, all side by side
#   CLAIMLINE_FUZZ_JOBS=2 scripts/fuzz.sh 1800
#                              the campaign to run before landing any change to a parser (the
#                              loader, the format migration, the EDTF parser, the importers):
#                              half an hour per target, two at a time so each has a core of its
#                              own (an hour on two cores). Report its executions and coverage.
# The inputs each run finds are kept in $build/corpus/TARGET and seed the next run, so
# campaigns add up on one machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
seconds="${1:-60}"
build="${CLAIMLINE_FUZZ_BUILD:-build-fuzz}"
if [ ! -f "$build/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None \
        -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" \
        -DCLAIMLINE_FUZZ=ON -DCLAIMLINE_BUILD_BENCH=OFF -DCLAIMLINE_WERROR=ON >/dev/null
fi
cmake --build "$build" --target fuzz_projectreader fuzz_edtf fuzz_roundtrip fuzz_migration \
    fuzz_jsontokenizers fuzz_csvreader fuzz_import fuzz_timesketch fuzz_timelinejs fuzz_mappedcsv fuzz_claimlinecsv
mkdir -p "$build/findings"
status=0
run() {
    local target="$1" corpus="$2"
    local work="$build/corpus/$target"
    mkdir -p "$work"
    # The seed corpus is read-only input; new interesting inputs go to the work folder.
    "$build/tests/fuzz/$target" "$work" "tests/fuzz/corpus/$corpus" \
        -dict=tests/fuzz/claimline.dict -max_total_time="$seconds" -max_len=65536 \
        -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$build/findings/$target-" \
        -print_final_stats=1 2>"$build/$target.log"
}
report() {
    local target="$1" result="$2"
    echo "== $target: ${seconds}s"
    if [ "$result" -ne 0 ]; then
        status=1
        echo "!! $target found a problem; see $build/$target.log and $build/findings/" >&2
        tail -40 "$build/$target.log" >&2
    fi
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|cov:" "$build/$target.log" \
        | tail -3 || true
}
# The targets run side by side (CLAIMLINE_FUZZ_JOBS at a time, default all), each for the
# whole time: with all side by side the wall clock is SECONDS, not six times that (each
# target is single-threaded; on CI's two cores each then has half a core).
targets=(fuzz_projectreader fuzz_roundtrip fuzz_migration fuzz_jsontokenizers fuzz_edtf
    fuzz_csvreader fuzz_import fuzz_timesketch fuzz_timelinejs fuzz_mappedcsv fuzz_claimlinecsv)
corpora=(projectreader projectreader projectreader projectreader edtf csvreader import timesketch
    timelinejs mappedcsv claimlinecsv)
jobs="${CLAIMLINE_FUZZ_JOBS:-${#targets[@]}}"
for ((first = 0; first < ${#targets[@]}; first += jobs)); do
    pids=()
    for ((i = first; i < first + jobs && i < ${#targets[@]}; i++)); do
        run "${targets[$i]}" "${corpora[$i]}" &
        pids+=($!)
    done
    for ((i = first; i < first + jobs && i < ${#targets[@]}; i++)); do
        result=0
        wait "${pids[$((i - first))]}" || result=$?
        report "${targets[$i]}" "$result"
    done
done
exit $status
