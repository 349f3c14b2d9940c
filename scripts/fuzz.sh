#!/usr/bin/env bash
# Builds every cargo-fuzz target and runs each one for FUZZ_SECONDS.
#
#   scripts/fuzz.sh                      30 s per target (the CI smoke run)
#   FUZZ_SECONDS=600 scripts/fuzz.sh     a longer local run
#   scripts/fuzz.sh deframe              only the named targets
#   FUZZ_JOBS=1 scripts/fuzz.sh          one target at a time (default: one
#                                        per core)
#
# Each target's working corpus is fuzz/corpus/<target> (gitignored, emptied at
# the start); ../shared/corpus is an extra, read-only seed directory: libFuzzer
# only ever writes new inputs into the first corpus directory it is given.
# Crashes land in fuzz/artifacts/<target>/ and fail the script.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_corpus

FUZZ_SECONDS="${FUZZ_SECONDS:-30}"
# Messages are under 5 KiB; 64 KiB leaves room for pipelined streams without
# letting the RFC texts in the seed directory (up to 380 KiB) set the length.
FUZZ_MAX_LEN="${FUZZ_MAX_LEN:-65536}"
FUZZ_RSS_LIMIT_MB="${FUZZ_RSS_LIMIT_MB:-2048}"
FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-10}"

cd "$EPP_ROOT/fuzz"
cargo +nightly fuzz build

if (($#)); then
    targets=("$@")
else
    mapfile -t targets < <(cargo +nightly fuzz list)
fi
if ((${#targets[@]} == 0)); then
    echo "error: cargo fuzz list found no targets" >&2
    exit 1
fi

# Targets run side by side, FUZZ_JOBS at a time (default: one per core; a
# libFuzzer run is one thread), each logging to fuzz/logs/<target>.log; a
# target's log is printed when it ends, so the output stays readable.
FUZZ_JOBS="${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}"
logs="$EPP_ROOT/fuzz/logs"
mkdir -p "$logs"

# run_target NAME: fuzz one target into its log; its exit status is libFuzzer's.
run_target() {
    local target="$1"
    local corpus="$EPP_ROOT/fuzz/corpus/$target"
    rm -rf "$corpus"
    mkdir -p "$corpus"
    {
        echo "--- fuzz $target for ${FUZZ_SECONDS}s (seeds: $EPP_CORPUS)"
        cargo +nightly fuzz run "$target" "$corpus" "$EPP_CORPUS" -- \
            -max_total_time="$FUZZ_SECONDS" \
            -max_len="$FUZZ_MAX_LEN" \
            -rss_limit_mb="$FUZZ_RSS_LIMIT_MB" \
            -timeout="$FUZZ_TIMEOUT" \
            -print_final_stats=1
    } >"$logs/$target.log" 2>&1
}

declare -A job_target=()
failed=()
# reap: wait for any one running job, print its log, note a failure.
reap() {
    local pid status=0
    wait -n -p pid || status=$?
    local target="${job_target[$pid]}"
    unset "job_target[$pid]"
    cat "$logs/$target.log"
    if ((status != 0)); then
        echo "--- fuzz $target FAILED (exit $status); log: $logs/$target.log"
        failed+=("$target")
    fi
}
for target in "${targets[@]}"; do
    while ((${#job_target[@]} >= FUZZ_JOBS)); do
        reap
    done
    run_target "$target" &
    job_target[$!]="$target"
done
while ((${#job_target[@]})); do
    reap
done
if ((${#failed[@]})); then
    echo "error: fuzz target(s) failed: ${failed[*]} (crashes in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzzed ${#targets[@]} target(s) for ${FUZZ_SECONDS}s each, $FUZZ_JOBS at a time: no crash"
