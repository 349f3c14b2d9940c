#!/usr/bin/env bash
# Criterion benchmarks (benches/); extra arguments go to cargo bench, e.g.
#   scripts/bench.sh -- tokenize
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_corpus
exec cargo bench -p epp-codec-benches "$@"
