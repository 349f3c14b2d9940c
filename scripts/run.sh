#!/usr/bin/env bash
# The main job: an EPP session over TLS on loopback (server and client both
# on the codec), printing a short transcript and the throughput.
#
#   scripts/run.sh [session] [SESSIONS [COMMANDS]]   the loopback session (default)
#   scripts/run.sh pipeline [CORPUS_DIR]             frame, deframe and tokenize the corpus
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
case "${1:-session}" in
pipeline)
    shift
    require_corpus
    exec cargo run --release --example pipeline -- "$@"
    ;;
session)
    [[ $# -gt 0 ]] && shift
    exec cargo run --release -p epp-codec-session --example loopback -- "$@"
    ;;
*)
    # Numbers alone: the session's SESSIONS and COMMANDS.
    exec cargo run --release -p epp-codec-session --example loopback -- "$@"
    ;;
esac
