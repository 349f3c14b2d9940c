//! Shared helpers for the benches: locating the corpus.
