//! Shared helpers for the benches: locating and loading the corpus, building
//! synthetic inputs and frames, and one driver per tokenizer, so that the
//! criterion benches and any profiling driver run exactly the same loops.
//!
//! Every driver returns a count that depends on every token, and passes each
//! token through [`black_box`], so nothing can be optimized away.

use std::hint::black_box;
use std::path::{Path, PathBuf};

pub mod command;
pub mod extensions;
pub mod response;
pub mod write;

use epp_codec::Limits;
use epp_codec::xml::{Token, Tokenizer};

// ---------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------

/// The corpus directory: `$EPP_CORPUS_DIR`, or `../shared/corpus` next to the
/// workspace root.
///
/// # Panics
///
/// When the directory has no `MANIFEST.tsv`.
pub fn corpus_dir() -> PathBuf {
    let dir = match std::env::var_os("EPP_CORPUS_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
    };
    assert!(
        dir.join("MANIFEST.tsv").is_file(),
        "EPP corpus not found: {} has no MANIFEST.tsv. The benches read the \
         shared corpus (../shared/corpus next to the workspace root); set \
         EPP_CORPUS_DIR to its location.",
        dir.display()
    );
    dir
}

fn read_to_string(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read corpus file {}: {e}", path.display()))
}

/// One message of the corpus.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    /// Path relative to the corpus directory, as in `MANIFEST.tsv`.
    pub path: String,
    /// The message.
    pub text: String,
}

/// Every message listed in the `path` column of `MANIFEST.tsv`, in order.
///
/// # Panics
///
/// When the corpus or one of its files is missing.
pub fn corpus_files() -> Vec<CorpusFile> {
    let dir = corpus_dir();
    let manifest = read_to_string(&dir.join("MANIFEST.tsv"));
    let mut lines = manifest.lines();
    let header = lines.next().expect("MANIFEST.tsv is empty");
    let col = header
        .split('\t')
        .position(|c| c == "path")
        .expect("MANIFEST.tsv has no `path` column");
    let files: Vec<CorpusFile> = lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let path = l
                .split('\t')
                .nth(col)
                .unwrap_or_else(|| panic!("MANIFEST.tsv row without a path: {l:?}"))
                .to_owned();
            let text = read_to_string(&dir.join(&path));
            CorpusFile { path, text }
        })
        .collect();
    assert!(!files.is_empty(), "MANIFEST.tsv lists no files");
    files
}

/// The RFC 5731 `<domain:create>` command (`rfc/5731/009-C-s3.2.1.xml`),
/// the command the command benches read and the write benches write.
///
/// # Panics
///
/// When the corpus lacks it.
pub fn rfc5731_create_command() -> String {
    read_to_string(&corpus_dir().join("rfc/5731/009-C-s3.2.1.xml"))
}

/// The RFC 5731 `<domain:info>` response: among the server (`S`) examples
/// of `rfc/5731/index.tsv`, the biggest one holding `<domain:infData`.
///
/// # Panics
///
/// When the corpus has no such file.
pub fn rfc5731_info_response() -> CorpusFile {
    let dir = corpus_dir().join("rfc/5731");
    let index = read_to_string(&dir.join("index.tsv"));
    let mut lines = index.lines();
    let header: Vec<&str> = lines.next().expect("empty index.tsv").split('\t').collect();
    let file_col = header
        .iter()
        .position(|&c| c == "file")
        .expect("no `file` column");
    let prefix_col = header.iter().position(|&c| c == "prefix");
    lines
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let file = *cols.get(file_col)?;
            let server = prefix_col.map_or(file.contains("-S-"), |c| cols.get(c) == Some(&"S"));
            server.then(|| file.to_owned())
        })
        .filter(|f| f.ends_with(".xml"))
        .map(|f| {
            let text = read_to_string(&dir.join(&f));
            CorpusFile {
                path: format!("rfc/5731/{f}"),
                text,
            }
        })
        .filter(|c| c.text.contains("<domain:infData"))
        .max_by_key(|c| c.text.len())
        .expect("no RFC 5731 response with <domain:infData in rfc/5731")
}

// ---------------------------------------------------------------------------
// Synthetic inputs
// ---------------------------------------------------------------------------

/// A poll-style response of at least `target` bytes made to be costly for
/// a reader that resolves namespaces by descending from the document's
/// start: thousands of `<domain:panData>`, each with a `<domain:paTRID>`
/// whose unprefixed `<clTRID>` and `<svTRID>` are in EPP's namespace by the
/// default binding on `<epp>` alone (bound on neither their own start tag
/// nor their parent's).
pub fn pending_response(target: usize) -> String {
    use std::fmt::Write;
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
        <epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">\n  <response>\n    \
        <result code=\"1301\">\n      <msg>Command completed successfully; ack to dequeue</msg>\n    \
        </result>\n    <resData>\n";
    const TAIL: &str = "    </resData>\n    <trID>\n      \
        <clTRID>ABC-12345</clTRID>\n      <svTRID>54322-XYZ</svTRID>\n    </trID>\n  \
        </response>\n</epp>\n";
    let mut s = String::with_capacity(target + 256);
    s.push_str(HEAD);
    let mut n = 0u32;
    while s.len() + TAIL.len() < target {
        let _ = writeln!(
            s,
            "      <domain:panData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\">\
             <domain:name paResult=\"1\">example{n}.com</domain:name>\
             <domain:paTRID><clTRID>ABC-{n}</clTRID><svTRID>XYZ-{n}</svTRID></domain:paTRID>\
             <domain:paDate>2026-01-01T00:00:00.0Z</domain:paDate></domain:panData>"
        );
        n += 1;
    }
    s.push_str(TAIL);
    s
}

/// A `<domain:check>` response of at least `target` bytes: thousands of
/// `<domain:cd>`, every seventh one unavailable with a reason.
pub fn domain_check_response(target: usize) -> String {
    use std::fmt::Write;
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n\
        <epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">\n  <response>\n    \
        <result code=\"1000\">\n      <msg>Command completed successfully</msg>\n    \
        </result>\n    <resData>\n      \
        <domain:chkData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\">\n";
    const TAIL: &str = "      </domain:chkData>\n    </resData>\n    <trID>\n      \
        <clTRID>ABC-12345</clTRID>\n      <svTRID>54322-XYZ</svTRID>\n    </trID>\n  \
        </response>\n</epp>\n";
    let mut s = String::with_capacity(target + 256);
    s.push_str(HEAD);
    let mut n = 0u32;
    while s.len() + TAIL.len() < target {
        if n % 7 == 3 {
            let _ = write!(
                s,
                "        <domain:cd>\n          <domain:name avail=\"0\">example{n}.com</domain:name>\n          \
                 <domain:reason>In use</domain:reason>\n        </domain:cd>\n"
            );
        } else {
            let _ = write!(
                s,
                "        <domain:cd>\n          <domain:name avail=\"1\">example{n}.com</domain:name>\n        \
                 </domain:cd>\n"
            );
        }
        n += 1;
    }
    s.push_str(TAIL);
    s
}

/// A well-formed XML payload of exactly `len` bytes (`len >= 64`): an EPP
/// envelope padded with a text node.
pub fn xml_payload(len: usize) -> Vec<u8> {
    const HEAD: &[u8] = b"<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello>";
    const TAIL: &[u8] = b"</hello></epp>";
    assert!(len >= HEAD.len() + TAIL.len(), "payload too short");
    let mut v = Vec::with_capacity(len);
    v.extend_from_slice(HEAD);
    let pad = len - HEAD.len() - TAIL.len();
    v.extend((0..pad).map(|i| b"abcdefghijklmnopqrstuvwxyz0123456789 "[i % 37]));
    v.extend_from_slice(TAIL);
    v
}

/// One RFC 5734 data unit of exactly `total` bytes (header included).
pub fn frame_of_total_len(total: usize) -> Vec<u8> {
    let payload = xml_payload(total - epp_codec::frame::HEADER_LEN);
    let mut out = vec![0u8; total];
    let n = epp_codec::frame::encode_into(&payload, &mut out).expect("frame fits");
    assert_eq!(n, total);
    out
}

/// `count` pipelined small frames of varied sizes (about 100–600 bytes each).
pub fn pipelined_frames(count: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..count {
        let total = 100 + (i * 37) % 500;
        out.extend_from_slice(&frame_of_total_len(total));
    }
    out
}

// ---------------------------------------------------------------------------
// Tokenizer drivers
// ---------------------------------------------------------------------------

/// `epp_codec`'s tokenizer: every token, and the attributes of every start
/// tag, each handed to `black_box`. A token goes by reference, where
/// `next_token` returned it, as every tokenizer driver here hands over its
/// tokens; [`tokenize_epp_codec_by_value`] shows why.
///
/// # Panics
///
/// On a tokenizer error.
#[inline(never)]
pub fn tokenize_epp_codec(doc: &str, limits: &Limits) -> usize {
    let mut t = Tokenizer::new(doc, limits);
    let mut n = 0;
    loop {
        let next = t.next_token();
        let token = match &next {
            Ok(Some(token)) => token,
            Ok(None) => break,
            Err(e) => panic!("epp_codec tokenizer error: {e}"),
        };
        if let Token::ElementStart(_) = token {
            n += t.attributes().map(black_box).count();
        }
        black_box(token);
        n += 1;
    }
    n
}

/// [`tokenize_epp_codec`] with each token moved out of the returned
/// `Result<Option<Token>>` and handed to `black_box` by value, as a `while
/// let Some(token) = …?` loop would. The compiler then copies every token
/// out of the call's return slot with 16-byte loads, right after the
/// tokenizer wrote it with narrower stores; a CPU cannot forward such
/// stores to such loads, and waits for them to reach the cache (a
/// store-forwarding stall), which can cost as much per token as the
/// tokenizing itself. xmlparser's by-value driver makes the same copy
/// ([`tokenize_xmlparser_by_value`]): a cost of the consumer, not of
/// either tokenizer.
///
/// # Panics
///
/// On a tokenizer error.
#[inline(never)]
pub fn tokenize_epp_codec_by_value(doc: &str, limits: &Limits) -> usize {
    let mut t = Tokenizer::new(doc, limits);
    let mut n = 0;
    while let Some(token) = t.next_token().expect("epp_codec tokenizer error") {
        if let Token::ElementStart(_) = token {
            n += t.attributes().map(black_box).count();
        }
        black_box(token);
        n += 1;
    }
    n
}

/// `xmlparser` as it is: no namespace resolution, no end-tag matching.
///
/// # Panics
///
/// On a tokenizer error.
#[inline(never)]
pub fn tokenize_xmlparser(doc: &str) -> usize {
    let mut n = 0;
    let mut tokens = xmlparser::Tokenizer::from(doc);
    loop {
        let next = tokens.next();
        match &next {
            Some(Ok(token)) => black_box(token),
            None => break,
            Some(Err(e)) => panic!("xmlparser error: {e}"),
        };
        n += 1;
    }
    n
}

/// [`tokenize_xmlparser`] with each token handed to `black_box` by value
/// (see [`tokenize_epp_codec_by_value`]).
///
/// # Panics
///
/// On a tokenizer error.
#[inline(never)]
pub fn tokenize_xmlparser_by_value(doc: &str) -> usize {
    let mut n = 0;
    for token in xmlparser::Tokenizer::from(doc) {
        black_box(token.expect("xmlparser error"));
        n += 1;
    }
    n
}

/// `xmlparser` plus a minimal namespace resolution, as a user would add it:
/// a stack of `(prefix, uri)` bindings pushed on `xmlns` attributes and
/// popped at element end, and a lookup for each element prefix (and each
/// prefixed attribute). It still does not match end tags or check for
/// duplicate attributes, which `epp_codec` does.
///
/// # Panics
///
/// On a tokenizer error or an unbound prefix.
#[inline(never)]
pub fn tokenize_xmlparser_ns(doc: &str) -> usize {
    use xmlparser::{ElementEnd, Token as X};

    fn lookup<'a>(bindings: &[(&'a str, &'a str)], prefix: &str) -> Option<&'a str> {
        match bindings.iter().rev().find(|(p, _)| *p == prefix) {
            Some(&(_, uri)) if !uri.is_empty() => Some(uri),
            Some(_) => None,
            None if prefix.is_empty() => None,
            None if prefix == "xml" => Some("http://www.w3.org/XML/1998/namespace"),
            None => panic!("unbound prefix {prefix:?}"),
        }
    }

    let mut n = 0;
    let mut bindings: Vec<(&str, &str)> = Vec::with_capacity(16);
    // Per open element: how many bindings were in scope before it.
    let mut open: Vec<usize> = Vec::with_capacity(16);
    let mut element_prefix = "";
    let mut bindings_before = 0;
    let mut attr_prefixes: Vec<&str> = Vec::with_capacity(8);
    let mut tokens = xmlparser::Tokenizer::from(doc);
    loop {
        let next = tokens.next();
        let token = match &next {
            Some(Ok(token)) => token,
            None => break,
            Some(Err(e)) => panic!("xmlparser error: {e}"),
        };
        match *token {
            X::ElementStart { prefix, .. } => {
                element_prefix = prefix.as_str();
                bindings_before = bindings.len();
                attr_prefixes.clear();
            }
            X::Attribute {
                prefix,
                local,
                value,
                ..
            } => {
                if prefix.as_str() == "xmlns" {
                    bindings.push((local.as_str(), value.as_str()));
                } else if prefix.is_empty() && local.as_str() == "xmlns" {
                    bindings.push(("", value.as_str()));
                } else if !prefix.is_empty() {
                    attr_prefixes.push(prefix.as_str());
                }
            }
            X::ElementEnd { end, .. } => match end {
                ElementEnd::Open | ElementEnd::Empty => {
                    black_box(lookup(&bindings, element_prefix));
                    for p in &attr_prefixes {
                        black_box(lookup(&bindings, p));
                    }
                    if let ElementEnd::Open = end {
                        open.push(bindings_before);
                    } else {
                        bindings.truncate(bindings_before);
                    }
                }
                ElementEnd::Close(..) => {
                    let before = open.pop().expect("unbalanced end tag");
                    bindings.truncate(before);
                }
            },
            _ => {}
        }
        black_box(token);
        n += 1;
    }
    n
}

/// Profiling variant of [`tokenize_epp_codec`]: reads a few fields of each
/// token instead of passing whole tokens through `black_box`, to show how
/// much of a run is the moving of whole tokens.
///
/// # Panics
///
/// On a tokenizer error.
#[inline(never)]
pub fn tokenize_epp_codec_fields(doc: &str, limits: &Limits) -> usize {
    use epp_codec::xml::Namespace;
    let mut t = Tokenizer::new(doc, limits);
    let mut n = 0;
    while let Some(token) = t.next_token().expect("epp_codec tokenizer error") {
        n += match token {
            Token::ElementStart(e) => {
                t.attributes().map(|a| a.raw_value().len()).sum::<usize>()
                    + e.name().local().len()
                    + usize::from(matches!(e.name().namespace(), Namespace::Known(_)))
            }
            Token::ElementEnd(e) => e.name().local().len(),
            Token::Text(x) => x.raw().len(),
            _ => 1,
        };
    }
    n
}

/// Profiling variant of [`tokenize_xmlparser`], reading fields as
/// [`tokenize_epp_codec_fields`] does.
///
/// # Panics
///
/// On a tokenizer error.
#[inline(never)]
pub fn tokenize_xmlparser_fields(doc: &str) -> usize {
    use xmlparser::{ElementEnd, Token as X};
    let mut n = 0;
    for token in xmlparser::Tokenizer::from(doc) {
        n += match token.expect("xmlparser error") {
            X::ElementStart { local, .. } => local.len(),
            X::Attribute { value, .. } => value.len(),
            X::ElementEnd {
                end: ElementEnd::Close(_, local),
                ..
            } => local.len(),
            X::Text { text } => text.len(),
            _ => 1,
        };
    }
    n
}

/// `quick_xml`'s `NsReader` over a `&str` (borrowed events, namespaces
/// resolved), counting the attributes of every start tag and resolving their
/// prefixes.
///
/// # Panics
///
/// On a reader error.
#[inline(never)]
pub fn tokenize_quick_xml(doc: &str) -> usize {
    use quick_xml::events::Event;
    let mut reader = quick_xml::NsReader::from_str(doc);
    let mut n = 0;
    loop {
        let (resolved, event) = reader.read_resolved_event().expect("quick_xml error");
        black_box(&resolved);
        let attrs = match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => Some(e.attributes()),
            _ => None,
        };
        if let Some(attrs) = attrs {
            for a in attrs {
                let a = a.expect("quick_xml attribute error");
                black_box(reader.resolve_attribute(a.key));
                n += 1;
            }
        }
        // By reference, as the other drivers hand over their tokens (the
        // event itself was moved out of its `Result`: the resolved
        // namespace beside it borrows the reader, which the attributes need).
        black_box(&event);
        n += 1;
    }
    n
}

/// A tokenizer driver, in the one shape every driver is run through
/// (`Limits` is ours; the peers ignore it).
pub type TokenizeDriver = fn(&str, &Limits) -> usize;

/// Every tokenizer the `tokenize` bench times, by its name there, in the
/// order it runs them (`benches/examples/profile_tokenize.rs` takes the same
/// names).
pub const TOKENIZE_DRIVERS: [(&str, TokenizeDriver); 7] = [
    ("epp_codec", tokenize_epp_codec),
    ("xmlparser", |d, _| tokenize_xmlparser(d)),
    ("epp_codec_by_value", tokenize_epp_codec_by_value),
    ("xmlparser_by_value", |d, _| tokenize_xmlparser_by_value(d)),
    ("xmlparser_ns", |d, _| tokenize_xmlparser_ns(d)),
    ("quick_xml", |d, _| tokenize_quick_xml(d)),
    ("roxmltree", |d, _| parse_roxmltree(d)),
];

/// `roxmltree::Document::parse`: builds a tree, the slow reference.
///
/// # Panics
///
/// On a parse error.
#[inline(never)]
pub fn parse_roxmltree(doc: &str) -> usize {
    let d = roxmltree::Document::parse(doc).expect("roxmltree error");
    black_box(&d);
    1
}

/// The floor: copy the document into a preallocated buffer.
#[inline(never)]
pub fn memcpy(doc: &[u8], dst: &mut [u8]) -> usize {
    let dst = &mut dst[..doc.len()];
    dst.copy_from_slice(black_box(doc));
    black_box(dst).len()
}
