#!/usr/bin/env bash
# Regenerates include/epp.h from ffi/src with the pinned cbindgen.
#
#   scripts/header.sh           rewrite include/epp.h
#   scripts/header.sh --check   generate into a temporary file and fail, with
#                               a diff, when it differs from include/epp.h
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check=false
case "${1:-}" in
    "") ;;
    --check) check=true ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

found="$(cbindgen --version 2>/dev/null || echo "no cbindgen")"
if [[ "$found" != "cbindgen $EPP_CBINDGEN_VERSION" ]]; then
    echo "error: need cbindgen $EPP_CBINDGEN_VERSION (found: $found); run scripts/setup.sh" >&2
    exit 1
fi

header=include/epp.h
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cbindgen --quiet --config ffi/cbindgen.toml --output "$tmp/epp.h" ffi

if $check; then
    if ! diff -u --label "$header (committed)" --label "$header (generated from ffi/src)" \
        "$header" "$tmp/epp.h"; then
        echo "error: $header is out of date with ffi/src; run scripts/header.sh and commit it" >&2
        exit 1
    fi
    echo "$header is up to date"
else
    mkdir -p "$(dirname "$header")"
    cp "$tmp/epp.h" "$header"
    echo "wrote $header"
fi
