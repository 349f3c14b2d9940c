#!/usr/bin/env bash
# Miri (nightly, installed by scripts/setup.sh) over the code that has
# `unsafe` in it or under it: the C ABI, and the core it calls.
#
#   scripts/miri.sh            the CI form (scripts/test.sh runs it): the
#                              core's and the C ABI's unit tests, with the
#                              corpus frames they compile in, and the
#                              framing's again on a 32-bit target (minutes)
#   scripts/miri.sh --corpus   the long local form: also every message of
#                              ../shared/corpus through every C ABI reader
#                              and the bulk accessor, read from disk (Miri's
#                              isolation off for that), which takes hours
#
# MIRIFLAGS, when set, replaces the default -Zmiri-strict-provenance.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_corpus

flags="${MIRIFLAGS:--Zmiri-strict-provenance}"
case "${1:-}" in
    "")
        # Two jobs side by side, one per core (an interpreter is one thread),
        # each in its own target directory so that neither waits for the
        # other's build lock. The C ABI's unit tests take a little longer
        # under Miri than the core's (176 against 162 of Miri's virtual
        # seconds in a CI run on 2026-11-24), so job 1 runs the core's tests
        # and then the C ABI's in the modules named in $ffi_first (11 s),
        # and job 2 the C ABI's others (165 s): the two filters are each
        # other's complement (libtest's substring match and --skip), so
        # every test runs once, whatever the modules hold. Job 1 also runs
        # the framing's unit tests on i686 (45 s from cold on 2026-11-24:
        # 30 s building that target's dependencies, 3 s of tests), about
        # what the core's tests lost the same day when Deframer::read_buf
        # stopped zero-filling byte by byte (40 s under Miri). Each job's
        # output is printed whole when both are done.
        ffi_first=(greeting::)
        skip_first=()
        for m in "${ffi_first[@]}"; do skip_first+=(--skip "$m"); done
        out="$(mktemp -d)"
        (
            set -e
            MIRIFLAGS="$flags" cargo +nightly miri test --locked -p epp-codec --lib --all-features
            # A 32-bit target, where a frame's end (its start plus a length
            # up to u32::MAX) may not fit a usize: the framing must refuse
            # such frames, never overflow. Miri builds i686's sysroot itself
            # (scripts/setup.sh does it ahead); no linker or rustup target.
            MIRIFLAGS="$flags" cargo +nightly miri test --locked -p epp-codec --lib --all-features \
                --target i686-unknown-linux-gnu -- frame::
            # The C ABI's unit tests: the message handle's erased lifetime,
            # frames freed and replaced under a live handle, every NULL and
            # error path.
            MIRIFLAGS="$flags" cargo +nightly miri test --locked -p epp-codec-ffi --lib -- "${ffi_first[@]}"
        ) > "$out/1" 2>&1 &
        job1=$!
        MIRIFLAGS="$flags" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/miri-ffi" \
            cargo +nightly miri test --locked -p epp-codec-ffi --lib -- "${skip_first[@]}" \
            > "$out/2" 2>&1 &
        job2=$!
        status=0
        wait "$job1" || status=1
        wait "$job2" || status=1
        echo "--- the core, its framing on i686, then the C ABI's ${ffi_first[*]} tests"; cat "$out/1"
        echo "--- the C ABI's other tests"; cat "$out/2"
        rm -rf "$out"
        exit "$status"
        ;;
    --corpus)
        # The whole-corpus tests are #[cfg_attr(miri, ignore)]: they read the
        # corpus from disk, which Miri's isolation forbids. Here they run.
        MIRIFLAGS="$flags -Zmiri-disable-isolation" \
            cargo +nightly miri test --locked -p epp-codec-ffi --lib -- --include-ignored
        ;;
    *)
        echo "usage: scripts/miri.sh [--corpus]" >&2
        exit 2
        ;;
esac
