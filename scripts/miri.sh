#!/usr/bin/env bash
# Miri (nightly, installed by scripts/setup.sh) over the code that has
# `unsafe` in it or under it: the C ABI, and the core it calls.
#
#   scripts/miri.sh            the CI form (scripts/test.sh runs it): the
#                              core's and the C ABI's unit tests, with the
#                              corpus frames they compile in (minutes)
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
        # The two runs side by side, one per core (an interpreter is one
        # thread), each in its own target directory so that neither waits
        # for the other's build lock; each one's output is printed whole
        # when both are done.
        out="$(mktemp -d)"
        MIRIFLAGS="$flags" cargo +nightly miri test --locked -p epp-codec --lib --all-features \
            > "$out/core" 2>&1 &
        core=$!
        # The C ABI's unit tests: the message handle's erased lifetime, frames
        # freed and replaced under a live handle, every NULL and error path.
        MIRIFLAGS="$flags" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/miri-ffi" \
            cargo +nightly miri test --locked -p epp-codec-ffi --lib > "$out/ffi" 2>&1 &
        ffi=$!
        status=0
        wait "$core" || status=1
        wait "$ffi" || status=1
        echo "--- core"; cat "$out/core"
        echo "--- ffi"; cat "$out/ffi"
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
