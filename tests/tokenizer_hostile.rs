//! Hostile inputs: each is refused (or accepted) with the precise error kind
//! and, where it means something, the byte offset; none panics.

mod common;

use epp_codec::frame::{self, FrameError};
use epp_codec::xml::{Token, Tokenizer, XmlError, XmlErrorKind};
use epp_codec::{Limit, Limits};

/// Tokenizes all of `doc`; the number of tokens, or the first error.
///
/// Also checks that an error is sticky: the next call returns it again.
fn run(doc: &[u8], limits: &Limits) -> Result<usize, XmlError> {
    let mut t = Tokenizer::from_bytes(doc, limits)?;
    let mut tokens = 0;
    loop {
        match t.next_token() {
            Ok(Some(_)) => tokens += 1,
            Ok(None) => return Ok(tokens),
            Err(e) => {
                assert_eq!(t.next_token(), Err(e), "the error is not sticky");
                return Err(e);
            }
        }
    }
}

/// The error `doc` must fail with, under `limits`.
fn error_with(doc: &[u8], limits: &Limits) -> XmlError {
    match run(doc, limits) {
        Ok(n) => panic!(
            "accepted ({n} tokens): {:?}",
            String::from_utf8_lossy(&doc[..doc.len().min(200)])
        ),
        Err(e) => e,
    }
}

fn error(doc: &[u8]) -> XmlError {
    error_with(doc, &Limits::new())
}

fn err(kind: XmlErrorKind, offset: usize) -> XmlError {
    XmlError::new(kind, offset)
}

fn offset_of(doc: &[u8], needle: &str) -> usize {
    doc.windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .unwrap_or_else(|| panic!("{needle:?} not in the document"))
}

fn limit(l: Limit) -> XmlErrorKind {
    XmlErrorKind::LimitExceeded(l)
}

// ----- DOCTYPE: entity expansion and external entities -----

#[test]
fn billion_laughs_is_refused_at_the_doctype() {
    let mut doc =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        let refs = format!("&{prev};").repeat(10);
        doc.push_str(&format!(" <!ENTITY lol{i} \"{refs}\">\n"));
    }
    doc.push_str("]>\n<lolz>&lol9;</lolz>\n");
    let doc = doc.as_bytes();

    // The declaration reads; the DOCTYPE is refused where it starts.
    let mut t = Tokenizer::from_bytes(doc, &Limits::new()).unwrap();
    assert!(matches!(t.next_token(), Ok(Some(Token::Declaration(_)))));
    let at = offset_of(doc, "<!DOCTYPE");
    assert_eq!(t.next_token(), Err(err(XmlErrorKind::DoctypeRefused, at)));
    assert_eq!(error(doc), err(XmlErrorKind::DoctypeRefused, at));
}

#[test]
fn external_entities_are_refused_at_the_doctype() {
    let cases: &[&str] = &[
        // XXE with SYSTEM.
        "<!DOCTYPE foo [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]><foo>&xxe;</foo>",
        // XXE with PUBLIC.
        "<!DOCTYPE foo [ <!ENTITY xxe PUBLIC \"-//A//B//EN\" \"http://evil.example/x\"> ]>\
         <foo>&xxe;</foo>",
        // External DTD subsets.
        "<!DOCTYPE epp SYSTEM \"http://evil.example/epp.dtd\"><epp/>",
        "<!DOCTYPE epp PUBLIC \"-//A//B//EN\" \"http://evil.example/epp.dtd\"><epp/>",
        // Parameter entities.
        "<!DOCTYPE a [ <!ENTITY % p SYSTEM \"http://evil.example/p\"> %p; ]><a/>",
        // An empty DOCTYPE, and one that is cut short.
        "<!DOCTYPE a><a/>",
        "<!DOCTYPE",
    ];
    for doc in cases {
        assert_eq!(
            error(doc.as_bytes()),
            err(XmlErrorKind::DoctypeRefused, 0),
            "{doc}"
        );
    }
    // Wherever it stands: after the declaration, a comment, inside or after the root.
    let cases: &[&str] = &[
        "<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"x\"><a/>",
        "<!-- c -->\n  <!DOCTYPE a SYSTEM \"x\"><a/>",
        "<a><!DOCTYPE a SYSTEM \"x\"></a>",
        "<a/><!DOCTYPE a SYSTEM \"x\">",
    ];
    for doc in cases {
        let at = offset_of(doc.as_bytes(), "<!DOCTYPE");
        assert_eq!(
            error(doc.as_bytes()),
            err(XmlErrorKind::DoctypeRefused, at),
            "{doc}"
        );
    }
    // Without a DOCTYPE, an entity reference is just undefined.
    let doc = b"<foo>x&xxe;</foo>";
    assert_eq!(error(doc), err(XmlErrorKind::UndefinedEntity, 6));
}

// ----- Size and nesting -----

#[test]
fn deep_nesting_hits_the_depth_limit() {
    let n = 10_000;
    let doc = format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
    let doc = doc.as_bytes();
    // The 65th start tag is refused where it starts.
    let default = Limits::DEFAULT_MAX_DEPTH as usize;
    assert_eq!(error(doc), err(limit(Limit::Depth), default * 3));
    // Raised to the capacity, the 257th is.
    let raised = Limits::new().with_max_depth(Limits::DEPTH_CAPACITY);
    let cap = Limits::DEPTH_CAPACITY as usize;
    assert_eq!(error_with(doc, &raised), err(limit(Limit::Depth), cap * 3));
    // Asking for more is clamped to the capacity.
    let more = Limits::new().with_max_depth(u16::MAX);
    assert_eq!(error_with(doc, &more), err(limit(Limit::Depth), cap * 3));
    // Exactly at the limit is fine.
    let ok = format!("{}{}", "<a>".repeat(default), "</a>".repeat(default));
    assert_eq!(run(ok.as_bytes(), &Limits::new()), Ok(2 * default));
    let ok = format!("{}{}", "<a>".repeat(cap), "</a>".repeat(cap));
    assert_eq!(run(ok.as_bytes(), &raised), Ok(2 * cap));
    // Self-closing elements count too.
    let doc = format!("{}<b/>{}", "<a>".repeat(default), "</a>".repeat(default));
    assert_eq!(error(doc.as_bytes()), err(limit(Limit::Depth), default * 3));
}

#[test]
fn a_one_megabyte_attribute_value_is_accepted() {
    const MB: usize = 1 << 20;
    let doc = format!("<a v=\"{}\">{}</a>", "x".repeat(MB), "y".repeat(MB));
    let mut t = Tokenizer::from_bytes(doc.as_bytes(), &Limits::new()).unwrap();
    let Ok(Some(Token::ElementStart(start))) = t.next_token() else {
        panic!("no start tag");
    };
    assert_eq!(start.name().local(), "a");
    let v = t.attribute("v").unwrap();
    assert_eq!(v.value_span().len(), MB);
    assert_eq!(v.value_span().start, 6);
    assert_eq!(v.raw_value().len(), MB);
    let Ok(Some(Token::Text(text))) = t.next_token() else {
        panic!("no text");
    };
    assert_eq!(text.span().len(), MB);
    assert!(matches!(t.next_token(), Ok(Some(Token::ElementEnd(_)))));
    assert_eq!(t.next_token(), Ok(None));
}

#[test]
fn a_one_megabyte_name_hits_the_name_limit() {
    const MB: usize = 1 << 20;
    let long = "n".repeat(MB);
    // Element name.
    let doc = format!("<{long}/>");
    assert_eq!(error(doc.as_bytes()), err(limit(Limit::NameLength), 1));
    // Attribute name.
    let doc = format!("<a {long}=\"1\"/>");
    assert_eq!(error(doc.as_bytes()), err(limit(Limit::NameLength), 3));
    // Prefixed: the prefix counts.
    let doc = format!("<p:{long} xmlns:p=\"urn:x\"/>");
    assert_eq!(error(doc.as_bytes()), err(limit(Limit::NameLength), 1));
    // The boundary: 256 bytes read, 257 do not.
    let max = Limits::DEFAULT_MAX_NAME_LEN as usize;
    let doc = format!("<{}/>", "n".repeat(max));
    assert_eq!(run(doc.as_bytes(), &Limits::new()), Ok(2));
    let doc = format!("<{}/>", "n".repeat(max + 1));
    assert_eq!(error(doc.as_bytes()), err(limit(Limit::NameLength), 1));
}

// ----- Encoding -----

#[test]
fn invalid_utf8_is_refused_at_the_first_bad_byte() {
    let cases: &[(&[u8], usize)] = &[
        // In a name.
        (b"<a\xFFb/>", 2),
        (b"<a><b\xC3/></a>", 5),
        // In text.
        (b"<a>ok \xC3\x28</a>", 6),
        // An overlong encoding, an encoded surrogate, a stray continuation byte.
        (b"<a>\xC0\xAF</a>", 3),
        (b"<a>\xED\xA0\x80</a>", 3),
        (b"<a>x\x80</a>", 4),
        // In an attribute value.
        (b"<a b=\"\xF5\x80\x80\x80\"/>", 6),
        // Cut short at the end.
        (b"<a>\xE2\x82", 3),
    ];
    for &(doc, at) in cases {
        assert_eq!(
            Tokenizer::from_bytes(doc, &Limits::new()).map(|_| ()),
            Err(err(XmlErrorKind::InvalidUtf8, at)),
            "{doc:?}"
        );
    }
}

#[test]
fn forbidden_characters_are_refused_at_their_offset() {
    let cases: &[(&str, usize)] = &[
        // NUL in text and in attribute values.
        ("<a>x\0y</a>", 4),
        ("<a b=\"x\0\"/>", 7),
        ("<a b='\0'/>", 6),
        // Other C0 controls.
        ("<a>\u{1}</a>", 3),
        ("<a>ok\u{1F}</a>", 5),
        ("<a b=\"\u{8}\"/>", 6),
        // U+FFFE and U+FFFF, which UTF-8 can carry and XML forbids.
        ("<a>x\u{FFFE}</a>", 4),
        ("<a b=\"\u{FFFF}\"/>", 6),
        // In comments, CDATA and PIs.
        ("<a><!-- \0 --></a>", 8),
        ("<a><![CDATA[\0]]></a>", 12),
        ("<a><?pi \u{FFFF}?></a>", 8),
        // Outside the root, a control character is not white space.
        ("<a/>\0", 4),
    ];
    for &(doc, at) in cases {
        let kind = if doc.starts_with("<a/>") {
            XmlErrorKind::TextOutsideRoot
        } else {
            XmlErrorKind::InvalidChar
        };
        assert_eq!(error(doc.as_bytes()), err(kind, at), "{doc:?}");
    }
    // Their neighbours are fine.
    for doc in [
        "<a>\u{FFFD}\u{FEFF}\u{10FFFF}\t\r\n</a>",
        "<a b='\u{FFFD}'/>",
        "<a>\u{EFBF}</a>",
    ] {
        assert!(run(doc.as_bytes(), &Limits::new()).is_ok(), "{doc:?}");
    }
}

#[test]
fn a_utf8_bom_is_skipped() {
    let doc = b"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>";
    let mut t = Tokenizer::from_bytes(doc, &Limits::new()).unwrap();
    let Ok(Some(Token::Declaration(decl))) = t.next_token() else {
        panic!("the declaration after the BOM does not read");
    };
    assert_eq!(decl.span().start, 3);
    assert_eq!(decl.version(), "1.0");
    assert_eq!(decl.encoding(), Some("UTF-8"));
    assert_eq!(run(doc, &Limits::new()), Ok(3));
    // Without a declaration too.
    assert_eq!(run(b"\xEF\xBB\xBF<a/>", &Limits::new()), Ok(2));
    // A second BOM is text outside the root.
    assert_eq!(
        error(b"\xEF\xBB\xBF\xEF\xBB\xBF<a/>"),
        err(XmlErrorKind::TextOutsideRoot, 3)
    );
}

#[test]
fn utf16_is_refused() {
    fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(s.encode_utf16());
        for u in units {
            let b = if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }
    let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>x</a>";
    for (big_endian, bom) in [(false, true), (true, true), (false, false), (true, false)] {
        let doc = utf16(text, big_endian, bom);
        assert_eq!(
            Tokenizer::from_bytes(&doc, &Limits::new()).map(|_| ()),
            Err(err(XmlErrorKind::UnsupportedEncoding, 0)),
            "big endian {big_endian}, BOM {bom}"
        );
    }
    // Just the byte-order marks.
    for doc in [&b"\xFF\xFE"[..], b"\xFE\xFF"] {
        assert_eq!(
            Tokenizer::from_bytes(doc, &Limits::new()).map(|_| ()),
            Err(err(XmlErrorKind::UnsupportedEncoding, 0))
        );
    }
}

#[test]
fn declared_encodings_other_than_utf8_are_refused_at_the_value() {
    for enc in [
        "UTF-16",
        "ISO-8859-1",
        "UTF-16LE",
        "windows-1252",
        "US-ASCII",
    ] {
        let doc = format!("<?xml version=\"1.0\" encoding=\"{enc}\"?><a/>");
        let at = offset_of(doc.as_bytes(), enc);
        assert_eq!(
            error(doc.as_bytes()),
            err(XmlErrorKind::UnsupportedEncoding, at),
            "{enc}"
        );
    }
    // UTF-8 in any case is fine.
    for enc in ["UTF-8", "utf-8", "Utf-8"] {
        let doc = format!("<?xml version=\"1.0\" encoding='{enc}'?><a/>");
        let mut t = Tokenizer::from_bytes(doc.as_bytes(), &Limits::new()).unwrap();
        let Ok(Some(Token::Declaration(decl))) = t.next_token() else {
            panic!("{enc}: no declaration");
        };
        assert_eq!(decl.encoding(), Some(enc));
        assert_eq!(run(doc.as_bytes(), &Limits::new()), Ok(3));
    }
}

// ----- Truncation -----

/// Every proper prefix of a real message, cut before the root element's end
/// tag is complete, is refused with an end-of-input kind of error; from there
/// on (only trailing white space is missing) it reads.
fn check_truncations(path: &str) {
    let messages = common::corpus_messages();
    let msg = messages
        .iter()
        .find(|m| m.path == path)
        .unwrap_or_else(|| panic!("{path} not in the corpus"));
    let bytes = &msg.bytes;
    let root_end = bytes.iter().rposition(|&b| b == b'>').unwrap() + 1;
    let mut wrong = Vec::new();
    for len in 0..bytes.len() {
        let prefix = &bytes[..len];
        let result = run(prefix, &Limits::new());
        if len >= root_end {
            assert!(result.is_ok(), "{path}: prefix of {len} bytes: {result:?}");
            continue;
        }
        let Err(e) = result else {
            panic!("{path}: a prefix of {len} bytes reads to the end");
        };
        assert!(
            e.offset() <= len,
            "{path}: {len} bytes: {e:?} is past the end"
        );
        let end_of_input = matches!(
            e.kind(),
            XmlErrorKind::UnexpectedEof
                | XmlErrorKind::UnclosedElement
                | XmlErrorKind::NoRootElement
        );
        if !end_of_input {
            let tail = String::from_utf8_lossy(&prefix[len.saturating_sub(30)..]);
            wrong.push(format!("{len} bytes (...{tail:?}): {e:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{path}: {} truncated prefixes refused with a kind that does not say \
         the input ended:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_truncation_of_a_domain_info_response_is_refused() {
    check_truncations("rfc/5731/005-S-s3.1.2.xml");
}

#[test]
fn every_truncation_of_a_greeting_is_refused() {
    check_truncations("rfc/5730/002-S-s2.4.xml");
}

// ----- Limits on attributes and namespace bindings -----

#[test]
fn too_many_attributes() {
    let max = Limits::DEFAULT_MAX_ATTRIBUTES as usize;
    let attrs = |n: usize| -> String { (0..n).map(|i| format!(" a{i}=\"{i}\"")).collect() };
    let ok = format!("<e{}/>", attrs(max));
    assert_eq!(run(ok.as_bytes(), &Limits::new()), Ok(2));
    let doc = format!("<e{}/>", attrs(max + 1));
    let at = offset_of(doc.as_bytes(), &format!("a{max}="));
    assert_eq!(error(doc.as_bytes()), err(limit(Limit::Attributes), at));
    // Namespace declarations count as attributes.
    let doc = format!("<e xmlns:p=\"urn:p\"{}/>", attrs(max));
    let at = offset_of(doc.as_bytes(), &format!("a{}=", max - 1));
    assert_eq!(error(doc.as_bytes()), err(limit(Limit::Attributes), at));
    // Raised, up to the capacity.
    let cap = Limits::ATTRIBUTES_CAPACITY as usize;
    let raised = Limits::new().with_max_attributes(u16::MAX);
    assert_eq!(raised.max_attributes(), Limits::ATTRIBUTES_CAPACITY);
    let ok = format!("<e{}/>", attrs(cap));
    assert_eq!(run(ok.as_bytes(), &raised), Ok(2));
    let doc = format!("<e{}/>", attrs(cap + 1));
    let at = offset_of(doc.as_bytes(), &format!("a{cap}="));
    assert_eq!(
        error_with(doc.as_bytes(), &raised),
        err(limit(Limit::Attributes), at)
    );
}

#[test]
fn too_many_namespace_bindings() {
    // Four declarations per element, nested: the 33rd binding in scope fails.
    let max = Limits::DEFAULT_MAX_NAMESPACE_BINDINGS as usize;
    let levels = max / 4 + 1;
    let mut doc = String::new();
    for level in 0..levels {
        doc.push_str("<e");
        for j in 0..4 {
            doc.push_str(&format!(" xmlns:p{level}x{j}=\"urn:{level}:{j}\""));
        }
        doc.push('>');
    }
    for _ in 0..levels {
        doc.push_str("</e>");
    }
    let at = offset_of(doc.as_bytes(), &format!("xmlns:p{}x0=", levels - 1));
    assert_eq!(
        error(doc.as_bytes()),
        err(limit(Limit::NamespaceBindings), at)
    );
    // Bindings go out of scope with their element: many siblings are fine.
    let mut doc = String::from("<root>");
    for i in 0..100 {
        doc.push_str(&format!(
            "<e xmlns:a=\"urn:{i}\" xmlns:b=\"urn:b\" xmlns=\"urn:d\"><a:x/></e>"
        ));
    }
    doc.push_str("</root>");
    assert!(run(doc.as_bytes(), &Limits::new()).is_ok());
    // Raised, up to the capacity.
    let cap = Limits::NAMESPACE_BINDINGS_CAPACITY as usize;
    let raised = Limits::new()
        .with_max_namespace_bindings(u16::MAX)
        .with_max_attributes(u16::MAX);
    assert_eq!(
        raised.max_namespace_bindings(),
        Limits::NAMESPACE_BINDINGS_CAPACITY
    );
    let decls =
        |n: usize| -> String { (0..n).map(|i| format!(" xmlns:p{i}=\"urn:{i}\"")).collect() };
    let ok = format!("<e{}/>", decls(cap));
    assert_eq!(run(ok.as_bytes(), &raised), Ok(2));
    let ok = format!("<e{}><f xmlns:q=\"urn:q\"/></e>", decls(cap - 1));
    assert_eq!(run(ok.as_bytes(), &raised), Ok(4));
    let doc = format!("<e{}><f xmlns:q=\"urn:q\"/></e>", decls(cap));
    let at = offset_of(doc.as_bytes(), "xmlns:q");
    assert_eq!(
        error_with(doc.as_bytes(), &raised),
        err(limit(Limit::NamespaceBindings), at)
    );
}

#[test]
fn every_limit_is_configurable() {
    let cases: &[(Limits, &str, &str, Limit)] = &[
        (
            Limits::new().with_max_depth(2),
            "<a><b></b><b/></a>",
            "<a><b><c/></b></a>",
            Limit::Depth,
        ),
        (
            Limits::new().with_max_attributes(2),
            "<a x='1' y='2'/>",
            "<a x='1' y='2' z='3'/>",
            Limit::Attributes,
        ),
        (
            Limits::new().with_max_namespace_bindings(1),
            "<a><b xmlns:q='urn:q'/><p:c xmlns:p='urn:p'/></a>",
            "<a xmlns:p='urn:p'><b xmlns:q='urn:q'/></a>",
            Limit::NamespaceBindings,
        ),
        (
            Limits::new().with_max_name_len(3),
            "<abc xyz='1'/>",
            "<abc wxyz='1'/>",
            Limit::NameLength,
        ),
    ];
    for (limits, ok, bad, which) in cases {
        assert!(run(ok.as_bytes(), limits).is_ok(), "{ok} under {limits:?}");
        let e = error_with(bad.as_bytes(), limits);
        assert_eq!(e.kind(), limit(*which), "{bad}");
        // And the defaults let the bad document through.
        assert!(run(bad.as_bytes(), &Limits::new()).is_ok(), "{bad}");
    }
    // Offsets: where the offending tag, attribute or name starts.
    let l = Limits::new().with_max_depth(2);
    assert_eq!(
        error_with(b"<a><b><c/></b></a>", &l),
        err(limit(Limit::Depth), 6)
    );
    let l = Limits::new().with_max_attributes(2);
    assert_eq!(
        error_with(b"<a x='1' y='2' z='3'/>", &l),
        err(limit(Limit::Attributes), 15)
    );
    let l = Limits::new().with_max_namespace_bindings(1);
    assert_eq!(
        error_with(b"<a xmlns:p='urn:p' xmlns:q='urn:q'/>", &l),
        err(limit(Limit::NamespaceBindings), 19)
    );
    let l = Limits::new().with_max_name_len(3);
    assert_eq!(
        error_with(b"<abc wxyz='1'/>", &l),
        err(limit(Limit::NameLength), 5)
    );
    assert_eq!(
        error_with(b"<p:ab xmlns:p='u'/>", &l),
        err(limit(Limit::NameLength), 1)
    );
    // Zero: no element at all, no attribute at all.
    assert_eq!(
        error_with(b"<a/>", &Limits::new().with_max_depth(0)),
        err(limit(Limit::Depth), 0)
    );
    let l = Limits::new().with_max_attributes(0);
    assert!(run(b"<a/>", &l).is_ok());
    assert_eq!(
        error_with(b"<a b='1'/>", &l),
        err(limit(Limit::Attributes), 3)
    );
}

// ----- Framing -----

#[test]
fn a_frame_header_claiming_100_mb_is_refused_at_once() {
    let length: u32 = 100 * 1024 * 1024;
    let header = length.to_be_bytes();
    let max = Limits::DEFAULT_MAX_FRAME_LEN;
    // The four header bytes alone are enough to refuse it.
    assert_eq!(
        frame::decode(&header, &Limits::new()),
        Err(FrameError::LengthTooLarge { length, max })
    );
    // With some payload behind it too.
    let mut buf = header.to_vec();
    buf.extend_from_slice(b"<?xml version=\"1.0\"?><epp/>");
    assert_eq!(
        frame::decode(&buf, &Limits::new()),
        Err(FrameError::LengthTooLarge { length, max })
    );
    // And u32::MAX.
    assert_eq!(
        frame::decode(&u32::MAX.to_be_bytes(), &Limits::new()),
        Err(FrameError::LengthTooLarge {
            length: u32::MAX,
            max
        })
    );
}
