#!/bin/sh
# frame.sh FILE...: writes each file to stdout as one RFC 5734 data unit
# (a 4-byte big-endian total length, then the bytes), for feeding epp_dump.
set -eu
for f in "$@"; do
    n=$(($(wc -c <"$f") + 4))
    # shellcheck disable=SC2059 # the format is the header, built on purpose
    printf "\\$(printf %03o $(((n >> 24) & 255)))\\$(printf %03o $(((n >> 16) & 255)))\\$(printf %03o $(((n >> 8) & 255)))\\$(printf %03o $((n & 255)))"
    cat "$f"
done
