#!/usr/bin/env bash
# The main job: frame every corpus message, deframe and tokenize the stream.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_corpus
exec cargo run --release --example pipeline -- "$@"
