#!/usr/bin/env bash
# Installs everything scripts/test.sh, scripts/run.sh and scripts/fuzz.sh need.
#
# Idempotent, and quick when everything is already there: each tool is only
# installed when it is missing. Never pins the default toolchain; nightly is
# used only by name (`cargo +nightly`) for Miri and cargo-fuzz.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

say() { printf '[setup] %s\n' "$*"; }

# --- system packages ----------------------------------------------------------
# First, as cargo links with the C compiler. gcc, g++ and make: the linker,
# and the C tests and C++ header smoke; python3-venv: the Python binding's
# tests run in a venv; valgrind: C and FFI memory checks; libxml2-utils:
# xmllint, to check corpus messages and written XML against the schemas in
# ../shared/corpus/xsd; curl: rustup's installer, when rustup is missing.
# (Go, which only the binding tests need, is installed by scripts/test.sh.)
apt_missing=()
for pkg in gcc g++ make python3-venv valgrind libxml2-utils curl ca-certificates; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        apt_missing+=("$pkg")
    fi
done
if ((${#apt_missing[@]})); then
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        sudo=(sudo)
    fi
    say "apt-get install ${apt_missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
fi

if ! command -v rustup >/dev/null 2>&1; then
    say "installing rustup (stable, minimal profile) from https://sh.rustup.rs"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
        sh -s -- -y --profile minimal --default-toolchain stable
fi

# --- stable components and the no_std target --------------------------------
installed_components="$(rustup component list --installed)"
for c in rustfmt clippy; do
    if ! grep -q "^$c" <<<"$installed_components"; then
        say "rustup component add $c"
        rustup component add "$c"
    fi
done
if ! rustup target list --installed | grep -qx thumbv7em-none-eabihf; then
    say "rustup target add thumbv7em-none-eabihf"
    rustup target add thumbv7em-none-eabihf
fi

# --- the MSRV (Cargo.toml's rust-version), which test.sh checks against ------
if ! rustup run "$EPP_MSRV" rustc --version >/dev/null 2>&1; then
    say "rustup toolchain install $EPP_MSRV --profile minimal"
    rustup toolchain install "$EPP_MSRV" --profile minimal
fi

# --- nightly, for Miri and cargo-fuzz ----------------------------------------
nightly_ok=false
if rustup run nightly rustc --version >/dev/null 2>&1; then
    nightly_components="$(rustup component list --toolchain nightly --installed 2>/dev/null || true)"
    if grep -q '^miri' <<<"$nightly_components" && grep -q '^rust-src' <<<"$nightly_components"; then
        nightly_ok=true
    fi
fi
if ! $nightly_ok; then
    say "rustup toolchain install nightly --profile minimal --component miri,rust-src"
    rustup toolchain install nightly --profile minimal --component miri,rust-src
fi
# Builds Miri's sysroot once; a no-op (a second or so) when it is up to date.
say "cargo +nightly miri setup"
cargo +nightly miri setup
# And i686's, for scripts/miri.sh's 32-bit framing run (about 50 s the
# first time; from rust-src, so no `rustup target add` is needed).
say "cargo +nightly miri setup --target i686-unknown-linux-gnu"
cargo +nightly miri setup --target i686-unknown-linux-gnu

# --- cargo tools --------------------------------------------------------------
if ! cargo fuzz --version >/dev/null 2>&1; then
    say "cargo install cargo-fuzz --locked"
    cargo install cargo-fuzz --locked
fi
if [[ "$(cbindgen --version 2>/dev/null || true)" != "cbindgen $EPP_CBINDGEN_VERSION" ]]; then
    say "cargo install cbindgen --locked --version =$EPP_CBINDGEN_VERSION"
    cargo install cbindgen --locked --version "=$EPP_CBINDGEN_VERSION" --force
fi

say "ready: $(rustc --version); $(rustc +nightly --version); $(cargo fuzz --version); $(cbindgen --version)"
