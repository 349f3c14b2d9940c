//! The tokenizer on arbitrary bytes: it must never panic, and on UTF-8 it
//! must agree with roxmltree (a strict, namespace-aware parser).
//!
//! - `Tokenizer::from_bytes` refuses non-UTF-8 with `InvalidUtf8` at the
//!   first bad byte (or `UnsupportedEncoding` at 0 for UTF-16 looks).
//! - Every token is read, with its lazy parts (unescaped text and values,
//!   namespace declarations, prefix lookups) forced; errors are sticky and
//!   their offsets lie within the input.
//! - Acceptance equals roxmltree's (`Document::parse`, default options),
//!   except for inputs with `<!DOCTYPE` and the systematic differences
//!   documented in tests/tokenizer_differential.rs (recognised here the same
//!   way: by our error kind and the bytes at its offset).
//! - When both accept, the expanded names of the elements, in document
//!   order, are the same.

#![no_main]

use epp_codec::Limits;
use epp_codec::xml::{Namespace, Token, Tokenizer, XmlError, XmlErrorKind};
use libfuzzer_sys::fuzz_target;

type ExpandedName = (String, String);

fn ns_uri(ns: Namespace<'_>) -> String {
    match ns {
        Namespace::None => String::new(),
        Namespace::Known(ns) => ns.uri().to_owned(),
        Namespace::Other(uri) => uri.unescaped().to_string(),
    }
}

/// Reads every token; the expanded element names in order, or the error.
fn ours(doc: &str) -> Result<Vec<ExpandedName>, XmlError> {
    let mut t = Tokenizer::new(doc, &Limits::new());
    let mut names = Vec::new();
    let result = loop {
        match t.next_token() {
            Ok(Some(Token::ElementStart(e))) => {
                let name = e.name();
                assert!(e.span().end <= doc.len());
                names.push((ns_uri(name.namespace()), name.local().to_owned()));
                // Force the lazy parts.
                for a in t.attributes() {
                    assert!(a.value_span().end <= doc.len());
                    let _ = a.value().count();
                    let _ = ns_uri(a.name().namespace());
                }
                for (prefix, ns) in t.namespace_declarations() {
                    let _ = ns_uri(ns);
                    let _ = t.resolve_prefix(prefix);
                }
                let _ = t.resolve_prefix(name.prefix());
            }
            Ok(Some(Token::Text(text))) => {
                assert!(text.span().end <= doc.len());
                let _ = text.unescaped().count();
            }
            Ok(Some(_)) => {}
            Ok(None) => {
                assert_eq!(t.next_token(), Ok(None), "not fused after the end");
                break Ok(names);
            }
            Err(e) => {
                assert_eq!(t.next_token(), Err(e), "the error is not sticky");
                break Err(e);
            }
        }
    };
    if let Err(e) = result {
        assert!(e.offset() <= doc.len(), "{e:?} past the end");
        let _ = e.text_pos(doc.as_bytes());
        let _ = e.to_string();
    }
    result
}

fn rox(doc: &str) -> Result<Vec<ExpandedName>, roxmltree::Error> {
    let d = roxmltree::Document::parse(doc)?;
    Ok(d.descendants()
        .filter(|n| n.is_element())
        .map(|n| {
            let tag = n.tag_name();
            (
                tag.namespace().unwrap_or("").to_owned(),
                tag.name().to_owned(),
            )
        })
        .collect())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The documented differences where we refuse and roxmltree accepts (see
/// tests/tokenizer_differential.rs, `known_refusal`).
fn known_refusal(doc: &str, e: XmlError) -> bool {
    let bytes = doc.as_bytes();
    let at = e.offset();
    let rest = bytes.get(at..).unwrap_or_default();
    let before = &bytes[..at.min(bytes.len())];
    // Non-ASCII bytes count as name bytes: the oracles below only need to
    // find a name's start and its colons.
    let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || b":_-.".contains(&b) || b >= 0x80;
    match e.kind() {
        // roxmltree does not check the declaration's values.
        XmlErrorKind::InvalidDeclaration | XmlErrorKind::UnsupportedEncoding => {
            let start = if doc.starts_with('\u{FEFF}') { 3 } else { 0 };
            let decl = &bytes[start..];
            decl.starts_with(b"<?xml")
                && at < find(decl, b"?>").map_or(bytes.len(), |i| start + i + 2)
        }
        // roxmltree reads `<?xml` without a following space as a PI.
        XmlErrorKind::MisplacedDeclaration => {
            rest.starts_with(b"<?xml") && rest.get(5) != Some(&b' ')
        }
        // roxmltree allows `<?XML`.
        XmlErrorKind::ReservedPiTarget => {
            before.ends_with(b"<?") && rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"xml")
        }
        XmlErrorKind::InvalidName => {
            // A colon in a PI target.
            let name_start = before
                .iter()
                .rposition(|&b| !is_name_byte(b))
                .map_or(0, |i| i + 1);
            let pi_colon = before[..name_start].ends_with(b"<?")
                && bytes[name_start..]
                    .iter()
                    .take_while(|&&b| is_name_byte(b))
                    .any(|&b| b == b':');
            // `:local`, an empty prefix.
            let empty_prefix = rest.first() == Some(&b':')
                && before
                    .last()
                    .is_some_and(|&b| matches!(b, b'<' | b'/' | b' ' | b'\t' | b'\n' | b'\r'));
            // A character that is no NameChar (U+037E, a C1 control, ...)
            // after the start of a PI target: xmlparser ends the target
            // there and, needing no white space after it, reads the rest
            // as the PI's content.
            let pi_not_name = before[..name_start].ends_with(b"<?")
                && name_start < at
                && doc
                    .get(at..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| !c.is_ascii());
            pi_colon || empty_prefix || pi_not_name
        }
        // roxmltree needs no white space after a PI target.
        XmlErrorKind::Expected(what) => what.contains("after the target"),
        XmlErrorKind::InvalidNamespaceDeclaration => {
            if rest.starts_with(b"xmlns:xmlns") {
                return true;
            }
            // `xmlns:p=""`.
            let Some(eq) = rest.iter().position(|&b| b == b'=') else {
                return false;
            };
            let value: Vec<u8> = rest[eq + 1..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .take(2)
                .copied()
                .collect();
            rest[..eq].starts_with(b"xmlns:") && (value == b"\"\"" || value == b"''")
        }
        // roxmltree maps surrogates and values beyond U+10FFFF to U+FFFD.
        XmlErrorKind::InvalidCharReference => {
            let Some(body) = rest.strip_prefix(b"&#") else {
                return false;
            };
            let Some(end) = body.iter().position(|&b| b == b';') else {
                return false;
            };
            let Ok(body) = std::str::from_utf8(&body[..end]) else {
                return false;
            };
            let value = match body.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => body.parse().ok(),
            };
            value.is_some_and(|v| (0xD800..=0xDFFF).contains(&v) || v > 0x10FFFF)
        }
        // roxmltree accepts the default namespace declared twice in one tag
        // (XML 1.0's Unique Att Spec forbids it; tests/tokenizer_differential.rs
        // pins the difference).
        XmlErrorKind::DuplicateAttribute => {
            rest.starts_with(b"xmlns")
                && rest
                    .get(5)
                    .is_some_and(|&b| matches!(b, b'=' | b' ' | b'\t' | b'\n' | b'\r'))
        }
        // roxmltree has no limits.
        XmlErrorKind::LimitExceeded(_) => true,
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let utf8 = std::str::from_utf8(data);
    let doc = match Tokenizer::from_bytes(data, &Limits::new()) {
        Err(e) => {
            match (&utf8, e.kind()) {
                (Err(u), XmlErrorKind::InvalidUtf8) => assert_eq!(e.offset(), u.valid_up_to()),
                (_, XmlErrorKind::UnsupportedEncoding) => assert_eq!(e.offset(), 0),
                _ => panic!("from_bytes: {e:?} (UTF-8: {})", utf8.is_ok()),
            }
            return;
        }
        Ok(t) => t.input(),
    };
    assert!(utf8.is_ok(), "from_bytes accepted non-UTF-8");

    let ours = ours(doc);
    if doc.contains("<!DOCTYPE") {
        if let Err(e) = ours {
            assert_ne!(e.kind(), XmlErrorKind::InputTooLarge);
        }
        return;
    }
    match (ours, rox(doc)) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "element names differ"),
        (Err(_), Err(_)) => {}
        (Err(e), Ok(_)) => assert!(
            known_refusal(doc, e),
            "we refuse ({e:?}: {e}), roxmltree accepts"
        ),
        (Ok(_), Err(r)) => assert!(
            matches!(&r, roxmltree::Error::UnknownNamespace(p, _) if p == "xml"),
            "we accept, roxmltree refuses: {r}"
        ),
    }
});
