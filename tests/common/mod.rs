//! Shared by the integration tests: where the corpus is, and its messages.
//!
//! The corpus lives beside the project (`../shared/corpus`) and is never
//! copied in. `EPP_CORPUS_DIR` overrides the location. A missing corpus is
//! a failure, never a silent skip.

#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};

/// The corpus directory; panics (failing the test) when it is missing.
pub fn corpus_dir() -> PathBuf {
    let dir = std::env::var_os("EPP_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    assert!(
        dir.join("MANIFEST.tsv").is_file(),
        "EPP corpus not found at {} (set EPP_CORPUS_DIR)",
        dir.display()
    );
    dir
}

/// One corpus message, with its MANIFEST.tsv row.
#[derive(Debug, Clone)]
pub struct CorpusMessage {
    /// Path relative to the corpus directory.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// MANIFEST `wellformed` column.
    pub wellformed: bool,
    /// MANIFEST `kind` column (command, response, greeting, hello, ...).
    pub kind: String,
}

/// Every message listed in MANIFEST.tsv (294 of them), read from disk.
pub fn corpus_messages() -> Vec<CorpusMessage> {
    let dir = corpus_dir();
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("read MANIFEST.tsv");
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().expect("manifest header").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .expect("manifest column")
    };
    let (path_c, wf_c, kind_c) = (col("path"), col("wellformed"), col("kind"));
    let msgs: Vec<CorpusMessage> = lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let path = f[path_c].to_string();
            let bytes = std::fs::read(dir.join(&path))
                .unwrap_or_else(|e| panic!("read corpus file {path}: {e}"));
            CorpusMessage {
                path,
                bytes,
                wellformed: f[wf_c] == "True",
                kind: f[kind_c].to_string(),
            }
        })
        .collect();
    assert!(
        msgs.len() >= 290,
        "corpus looks truncated: {} messages",
        msgs.len()
    );
    msgs
}

/// Deterministic xorshift64 generator: the splits are reproducible from the seed.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        // Spread small seeds over the state space; the state must not be 0.
        XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// Uniform-ish in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// The corpus payloads, in manifest order.
pub fn corpus_payloads() -> Vec<Vec<u8>> {
    let payloads: Vec<Vec<u8>> = corpus_messages().into_iter().map(|m| m.bytes).collect();
    assert!(payloads.len() >= 290, "corpus truncated");
    payloads
}
