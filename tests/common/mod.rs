//! Shared by the integration tests: where the corpus is, and its messages.
//!
//! The corpus lives beside the project (`../shared/corpus`) and is never
//! copied in. `EPP_CORPUS_DIR` overrides the location. A missing corpus is
//! a failure, never a silent skip.

#![allow(dead_code, unreachable_pub)]

use std::io::Write as _;
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

/// Compares two documents as XML: expanded element names, attributes (by
/// expanded name, any order; namespace declarations aside) and text
/// (trimmed; white space between elements ignored). Comments and
/// processing instructions do not count. `Err` says where they differ.
pub fn xml_equivalent(expected: &str, actual: &str) -> Result<(), String> {
    let a = roxmltree::Document::parse(expected)
        .map_err(|e| format!("expected does not parse: {e}"))?;
    let b = roxmltree::Document::parse(actual)
        .map_err(|e| format!("written does not parse: {e}\n{actual}"))?;
    element_equivalent(a.root_element(), b.root_element(), "")
}

fn element_equivalent(
    a: roxmltree::Node<'_, '_>,
    b: roxmltree::Node<'_, '_>,
    path: &str,
) -> Result<(), String> {
    let here = format!("{path}/{}", a.tag_name().name());
    if a.tag_name() != b.tag_name() {
        return Err(format!(
            "{here}: element {:?} became {:?}",
            a.tag_name(),
            b.tag_name()
        ));
    }
    let attrs = |n: roxmltree::Node<'_, '_>| {
        // xsi:schemaLocation is a hint to validators, which the views do not
        // carry (see ARCHITECTURE.md): not part of the comparison.
        let mut v: Vec<(Option<String>, String, String)> = n
            .attributes()
            .filter(|at| at.namespace() != Some("http://www.w3.org/2001/XMLSchema-instance"))
            .map(|at| {
                (
                    at.namespace().map(str::to_string),
                    at.name().to_string(),
                    at.value().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    if attrs(a) != attrs(b) {
        return Err(format!(
            "{here}: attributes {:?} became {:?}",
            attrs(a),
            attrs(b)
        ));
    }
    let text = |n: roxmltree::Node<'_, '_>| {
        n.children()
            .filter(|c| c.is_text())
            .map(|c| c.text().unwrap_or(""))
            .collect::<String>()
            .trim()
            .to_string()
    };
    if text(a) != text(b) {
        return Err(format!("{here}: text {:?} became {:?}", text(a), text(b)));
    }
    fn kids<'a, 'i>(n: roxmltree::Node<'a, 'i>) -> Vec<roxmltree::Node<'a, 'i>> {
        n.children().filter(|c| c.is_element()).collect()
    }
    let (ka, kb) = (kids(a), kids(b));
    if ka.len() != kb.len() {
        let names = |k: &[roxmltree::Node<'_, '_>]| {
            k.iter()
                .map(|n| n.tag_name().name().to_string())
                .collect::<Vec<_>>()
        };
        return Err(format!(
            "{here}: children {:?} became {:?}",
            names(&ka),
            names(&kb)
        ));
    }
    for (x, y) in ka.into_iter().zip(kb) {
        element_equivalent(x, y, &here)?;
    }
    Ok(())
}

/// RFC 8334's example commands that elide a mark's content as `...`, which
/// a strict reader must refuse: text where the schema allows only elements
/// (2001, naming the element), or text that is not base64 (2005). Tests
/// that read every corpus command leave these out;
/// `ext_launch::the_rfc_examples_elided_marks_are_refused` checks each is
/// refused as listed.
pub const ELIDED_MARK_COMMANDS: &[(&str, u16, &str)] = &[
    ("ext/examples/8334/013-C-s3.3.1.xml", 2001, "mark"),
    ("ext/examples/8334/014-C-s3.3.1.xml", 2001, "mark"),
    ("ext/examples/8334/015-C-s3.3.1.xml", 2001, "signedMark"),
    (
        "ext/examples/8334/016-C-s3.3.1.xml",
        2005,
        "encodedSignedMark",
    ),
    ("ext/examples/8334/019-C-s3.3.4.xml", 2001, "mark"),
];

/// Whether `path` is one of [`ELIDED_MARK_COMMANDS`].
pub fn is_elided_mark_command(path: &str) -> bool {
    ELIDED_MARK_COMMANDS.iter().any(|(p, _, _)| *p == path)
}

/// Whether xmllint finds `doc` valid against the corpus schemas.
pub fn schema_valid(doc: &str) -> Result<(), String> {
    let xsd = corpus_dir().join("xsd/all.xsd");
    let mut child = std::process::Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&xsd)
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("xmllint must be installed (scripts/setup.sh installs libxml2-utils)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(doc.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The content of element `n` as written in `text`: from the end of its
/// start tag (the first `>` outside quotes) to the start of its end tag
/// (the last `</`); empty for `<x/>`.
pub fn content_of<'t>(text: &'t str, n: roxmltree::Node<'_, '_>) -> &'t str {
    let whole = &text[n.range()];
    let mut quote = None;
    let mut tag_end = None;
    for (i, c) in whole.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                tag_end = Some(i);
                break;
            }
            (None, _) => {}
        }
    }
    let tag_end = tag_end.expect("a start tag ends");
    if whole[..tag_end].ends_with('/') {
        return "";
    }
    let end_tag = whole.rfind("</").expect("an end tag");
    &whole[tag_end + 1..end_tag]
}

/// Text of an element as roxmltree sees it (all descendant text, unescaped,
/// CDATA included, comments not): what the views' element text is.
pub fn text_of(n: roxmltree::Node<'_, '_>) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .map(|d| d.text().unwrap_or(""))
        .collect()
}

/// `s` without XML white space at its ends (what a schema `token` drops;
/// Rust's `trim` would drop Unicode spaces too).
pub fn xml_trim(s: &str) -> &str {
    s.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
}

/// The text of a `token` element: [`text_of`], trimmed.
pub fn token_of(n: roxmltree::Node<'_, '_>) -> String {
    xml_trim(&text_of(n)).to_string()
}
