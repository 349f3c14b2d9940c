#!/usr/bin/env bash
# THE test command: every check CI runs, in order, stopping at the first
# failure. Run `scripts/setup.sh` once first (CI runs both: .ci/run).
#
# Each step prints a banner and its elapsed seconds; the last line is
# "N passed, 0 failed". Binding tests (ffi/go, ffi/python, ffi/c) run when
# their directory has a go.mod, a pyproject.toml or a Makefile, and are
# reported as skipped, not passed, when it does not.
#
# Environment: FUZZ_SECONDS (default 30) is passed on to scripts/fuzz.sh.
# EPP_PRUNE_BUILDS=1 (set by .ci/run) deletes a build tree (Miri's, the
# fuzz targets', the benches') as soon as no later step needs it, for
# machines short of disk; every step reports the disk space left.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_corpus

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

passed=0
summary=()
skipped=()
run_started=$(date +%s)

print_summary() {
    echo
    echo "==> summary"
    local line
    for line in "${summary[@]}"; do
        echo "    $line"
    done
    for line in "${skipped[@]}"; do
        echo "    skipped  $line"
    done
    echo "    total    $(($(date +%s) - run_started))s"
}

# step NAME COMMAND [ARGS...]: runs the command (a function or a program) in
# a subshell with errexit on, times it, and stops the run if it fails.
step() {
    local name=$1
    shift
    local n=$((passed + 1))
    echo
    echo "==> [$n] $name"
    echo "    \$ $*"
    local started rc secs
    started=$(date +%s)
    set +e
    (
        set -e
        "$@"
    )
    rc=$?
    set -e
    secs=$(($(date +%s) - started))
    if ((rc != 0)); then
        summary+=("$(printf 'FAILED %5ds  %s (exit %d)' "$secs" "$name" "$rc")")
        echo "==> FAILED: $name after ${secs}s (exit $rc)"
        print_summary
        echo "$passed passed, 1 failed"
        exit 1
    fi
    passed=$n
    summary+=("$(printf 'ok     %5ds  %s' "$secs" "$name")")
    echo "==> ok: $name (${secs}s; $(disk_left) left on disk)"
}

# The space left on the file system that holds the build trees.
disk_left() {
    df -Ph "$EPP_ROOT" | awk 'NR == 2 { print $4 }'
}

# prune PATH...: with EPP_PRUNE_BUILDS=1, deletes build trees no later step
# reads (a local run keeps them, so the next run is incremental).
prune() {
    [[ ${EPP_PRUNE_BUILDS:-0} == 1 ]] || return 0
    local path
    for path in "$@"; do
        if [[ -e $path ]]; then
            echo "    pruned $path ($(du -sh "$path" | cut -f1))"
            rm -rf "$path"
        fi
    done
}

skip() {
    echo
    echo "==> skipped: $1"
    skipped+=("$1")
}

# --- helpers for the FFI steps -------------------------------------------------

# The version cargo gives a workspace package, e.g. "0.1.0".
package_version() {
    cargo metadata --locked --no-deps --format-version 1 |
        python3 -c 'import json, sys
name = sys.argv[1]
print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == name))' "$1"
}

# Builds target/release/libepp.a and prints the system libraries a C program
# linking it needs (rustc's --print native-static-libs; cargo replays the note
# when the library is already up to date).
build_staticlib() {
    local out libs
    out="$(cargo rustc --locked -p epp-codec-ffi --release --crate-type staticlib \
        -- --print native-static-libs 2>&1)" || {
        echo "$out" >&2
        return 1
    }
    libs="$(sed -n 's/^note: native-static-libs: //p' <<<"$out" | tail -n 1)"
    if [[ -z "$libs" || ! -f target/release/libepp.a ]]; then
        echo "$out" >&2
        echo "error: no libepp.a or no native-static-libs note from rustc" >&2
        return 1
    fi
    echo "$libs"
}

# --- the steps -----------------------------------------------------------------

msrv_check() {
    CARGO_TARGET_DIR=target/msrv cargo "+$EPP_MSRV" check --locked \
        -p epp-codec -p epp-codec-ffi --all-targets --all-features
    CARGO_TARGET_DIR=target/msrv cargo "+$EPP_MSRV" check --locked \
        -p epp-codec --lib --no-default-features
}

fmt_check() {
    local color=auto
    [[ -t 1 ]] || color=never
    cargo fmt --all -- --check --color "$color"
    cargo fmt --manifest-path fuzz/Cargo.toml -- --check --color "$color"
}

# The core with neither std nor alloc (the pipeline example needs `alloc`
# and is skipped through its required-features).
clippy_no_default() {
    cargo clippy --locked -p epp-codec --all-targets --no-default-features -- -D warnings
}

header_drift() {
    scripts/header.sh --check
}

c_smoke() {
    local libs version tmp std out
    version="$(package_version epp-codec-ffi)"
    libs="$(build_staticlib)"
    echo "native-static-libs: $libs"
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' RETURN
    local warn=(-Wall -Wextra -Wpedantic -Werror)
    # shellcheck disable=SC2086 # $libs is a list of -l flags
    for std in c99 c11 c2x; do
        gcc -std="$std" "${warn[@]}" -Iinclude ffi/c/header_smoke.c \
            target/release/libepp.a $libs -o "$tmp/smoke-$std"
        out="$("$tmp/smoke-$std")"
        echo "gcc -std=$std: $out"
        [[ "$out" == "$version" ]] || {
            echo "error: printed '$out', expected the Cargo version '$version'" >&2
            return 1
        }
    done
    # shellcheck disable=SC2086
    g++ -x c++ -std=c++11 "${warn[@]}" -Iinclude ffi/c/header_smoke.c -x none \
        target/release/libepp.a $libs -o "$tmp/smoke-cxx"
    out="$("$tmp/smoke-cxx")"
    echo "g++ -std=c++11: $out"
    [[ "$out" == "$version" ]] || {
        echo "error: printed '$out', expected the Cargo version '$version'" >&2
        return 1
    }
    if command -v valgrind >/dev/null 2>&1; then
        valgrind --quiet --error-exitcode=1 --leak-check=full \
            --errors-for-leak-kinds=definite "$tmp/smoke-c11" >/dev/null
        echo "valgrind: clean"
    fi
}


# Binding hooks: they build the library first, then hand the paths over.
# Both compare their bindings' dump of every corpus message with the Rust
# dumper's (ffi/examples/dump_fields.rs), written once to target/.
rust_dump() {
    cargo run --locked --quiet --release -p epp-codec-ffi --example dump_fields \
        >target/ffi-dump.txt
}

# Go's build cache does not hash the files cgo links (libepp.a): a stamp of
# the library in CGO_CFLAGS, which the cache does hash, makes a rebuilt
# library rebuild the package instead of linking the old one.
go_lib_stamp() {
    echo "-O2 -g -DEPP_LIB_STAMP=$(cksum <"$EPP_ROOT/target/release/libepp.a" | cut -d' ' -f1)"
}

go_tests() {
    if ! command -v go >/dev/null 2>&1; then
        local sudo=()
        [[ $(id -u) -eq 0 ]] || sudo=(sudo)
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go
    fi
    build_staticlib >/dev/null
    rust_dump
    (
        cd ffi/go
        export CGO_CFLAGS
        CGO_CFLAGS="$(go_lib_stamp)"
        go vet ./...
        EPP_RUST_DUMP="$EPP_ROOT/target/ffi-dump.txt" CGO_ENABLED=1 go test -race -count=1 ./...
    )
}

python_tests() {
    cargo build --locked --release -p epp-codec-ffi
    rust_dump
    local venv=target/python-venv
    [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pytest
    # The benchmark's peers: lxml (bench.py falls back to xml.etree without
    # it) and the epptools client's response parser (skipped without it).
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check lxml epptools ||
        echo "note: lxml or epptools not installed; the benchmark compares with what is there"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e ffi/python
    EPP_LIB="$EPP_ROOT/target/release/libepp.so" EPP_HEADER="$EPP_ROOT/include/epp.h" \
        EPP_RUST_DUMP="$EPP_ROOT/target/ffi-dump.txt" \
        "$venv/bin/python" -m pytest -q ffi/python
}

benches_once() {
    # A build tree of their own: these builds share nothing with the
    # release library the binding steps link, and can be pruned whole.
    # Run once, they are checked, not timed: opt-level 1 builds them (and
    # criterion, tokio and instant-epp under them) about 25 s sooner.
    CARGO_TARGET_DIR="$EPP_ROOT/target/bench-once" \
        CARGO_PROFILE_BENCH_LTO=false CARGO_PROFILE_BENCH_CODEGEN_UNITS=16 \
        CARGO_PROFILE_BENCH_DEBUG=false CARGO_PROFILE_BENCH_OPT_LEVEL=1 \
        cargo bench --locked --workspace --benches -- --test
}

binding_sessions() {
    # The Go and Python example clients run one session each, over TLS,
    # against the example server (which writes its throw-away CA to a file
    # and stops when its standard input closes, or after 300 s at worst).
    cargo build --locked --release -p epp-codec-ffi
    build_staticlib >/dev/null
    # The debug build: `cargo test -p epp-codec-session` has built it already.
    cargo build --locked -p epp-codec-session --example serve
    local dir addr status=0 keep
    dir="$(mktemp -d)"
    mkfifo "$dir/in"
    "$EPP_ROOT/target/debug/examples/serve" "$dir/ca.pem" 300 <"$dir/in" >"$dir/out" 2>&1 &
    local server=$!
    exec {keep}>"$dir/in"
    for _ in $(seq 600); do
        addr="$(sed -n 's/^listening on //p' "$dir/out")"
        [[ -n $addr ]] && break
        kill -0 "$server" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z $addr ]]; then
        echo "the example server did not start:"
        cat "$dir/out"
        status=1
    else
        echo "--- Go client (ffi/go/examples/session_client)"
        (cd ffi/go && CGO_CFLAGS="$(go_lib_stamp)" CGO_ENABLED=1 \
            go run ./examples/session_client -addr "$addr" -ca "$dir/ca.pem") ||
            status=1
        echo "--- Python client (ffi/python/examples/session_client.py)"
        EPP_LIB="$EPP_ROOT/target/release/libepp.so" target/python-venv/bin/python \
            ffi/python/examples/session_client.py --addr "$addr" --ca "$dir/ca.pem" || status=1
    fi
    exec {keep}>&-
    wait "$server" || status=1
    echo "--- server: $(tail -n 1 "$dir/out")"
    rm -rf "$dir"
    return "$status"
}

c_tests() {
    local libs
    libs="$(build_staticlib)"
    cargo build --locked --release -p epp-codec-ffi
    make -C ffi/c test \
        EPP_INCLUDE="$EPP_ROOT/include" \
        EPP_LIB_DIR="$EPP_ROOT/target/release" \
        EPP_NATIVE_LIBS="$libs"
}

echo "epp-codec tests: $(rustc --version); corpus: $EPP_CORPUS; $(disk_left) left on disk"

step "rustfmt" fmt_check
step "clippy (workspace, all features)" \
    cargo clippy --locked --workspace --all-targets --all-features -- -D warnings
step "clippy (core, no default features)" clippy_no_default
step "clippy (core, default features)" \
    cargo clippy --locked -p epp-codec --all-targets -- -D warnings
step "clippy (fuzz targets)" \
    cargo clippy --manifest-path fuzz/Cargo.toml --all-targets -- -D warnings
step "rustdoc (warnings denied)" \
    env RUSTDOCFLAGS=-Dwarnings cargo doc --locked --workspace --no-deps --all-features
# A user building the core's docs without features gets no broken links.
step "rustdoc (core, no default features)" \
    env RUSTDOCFLAGS=-Dwarnings cargo doc --locked -p epp-codec --no-deps --no-default-features
# The core as docs.rs builds it ([package.metadata.docs.rs]: nightly, every
# feature, --cfg docsrs, which turns on doc_cfg's feature badges).
step "rustdoc as docs.rs builds it (nightly, --cfg docsrs)" \
    env RUSTDOCFLAGS="--cfg docsrs -Dwarnings" CARGO_TARGET_DIR=target/docsrs \
    cargo +nightly doc --locked -p epp-codec --no-deps --all-features
prune target/docsrs
# The session crate's tests (TLS server, interop, faults, load) are their own step.
step "test (workspace, all features)" \
    cargo test --locked --workspace --all-features --exclude epp-codec-session
step "test (EPP session over TLS: conformance, interop, faults, load)" \
    cargo test --locked -p epp-codec-session
# view::fast_path_tests (25 s in a debug build) reads nothing that a feature
# changes, and the all-features step above has run it.
step "test (core, default features)" \
    cargo test --locked -p epp-codec -- --skip view::fast_path_tests::
step "test (core lib, no default features)" \
    cargo test --locked -p epp-codec --lib --no-default-features
step "test (core lib, alloc only)" \
    cargo test --locked -p epp-codec --lib --no-default-features --features alloc
step "build no_std (thumbv7em-none-eabihf)" \
    cargo build --locked -p epp-codec --no-default-features --target thumbv7em-none-eabihf
# The promise in Cargo.toml's rust-version, kept for what a user builds: the
# core (every feature, and none) and the C ABI, their tests and examples
# included. (The session and bench crates are not published.)
step "MSRV: Rust $EPP_MSRV checks the core and the C ABI" msrv_check
prune target/msrv
step "C header drift (cbindgen $EPP_CBINDGEN_VERSION)" header_drift
step "C smoke (C99, C11, C2x, C++ against libepp.a)" c_smoke
step "miri (core and ffi unit tests)" scripts/miri.sh
prune target/miri target/miri-ffi
step "fuzz smoke (${FUZZ_SECONDS:-30}s per target)" scripts/fuzz.sh
prune fuzz/target
# The benches' code was type-checked by clippy above; here they are built
# and each run once (criterion's --test) with the bench profile's fat LTO
# and debug info turned off and opt-level 1: the same code, linked in
# minutes, not 15.
step "benches (built without LTO, each run once)" benches_once
prune target/bench-once

if [[ -f ffi/go/go.mod ]]; then
    step "Go binding tests (ffi/go)" go_tests
else
    skip "Go binding tests (no ffi/go/go.mod)"
fi
if [[ -f ffi/python/pyproject.toml ]]; then
    step "Python binding tests (ffi/python)" python_tests
else
    skip "Python binding tests (no ffi/python/pyproject.toml)"
fi
if [[ -f ffi/go/go.mod && -f ffi/python/pyproject.toml ]]; then
    step "Go and Python example clients: one TLS session each against the example server" \
        binding_sessions
fi
if [[ -f ffi/c/Makefile ]]; then
    step "C tests (ffi/c)" c_tests
else
    skip "C tests (no ffi/c/Makefile)"
fi

print_summary
echo "$passed passed, 0 failed"
