//! Well-formedness errors, each with its exact kind and byte offset, and the
//! positive cases next to them: namespace resolution, self-closing tags,
//! attribute-value normalization.

use epp_codec::Limits;
use epp_codec::xml::{
    ElementStart, Namespace, Ns, TextPos, Token, Tokenizer, XmlError, XmlErrorKind,
};

use XmlErrorKind::*;

/// Where an error is expected.
#[derive(Debug, Clone, Copy)]
enum At {
    /// This byte offset.
    Byte(usize),
    /// The first occurrence of this text.
    First(&'static str),
    /// The end of the document.
    End,
}

impl At {
    fn offset(self, doc: &str) -> usize {
        match self {
            At::Byte(n) => n,
            At::First(needle) => doc
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} not in {doc:?}")),
            At::End => doc.len(),
        }
    }
}

/// The first error in `doc`; panics if it reads to the end.
fn first_error(doc: &str) -> XmlError {
    let mut t = Tokenizer::new(doc, &Limits::new());
    loop {
        match t.next_token() {
            Ok(Some(_)) => {}
            Ok(None) => panic!("accepted: {doc:?}"),
            Err(e) => return e,
        }
    }
}

/// All tokens of a document that must be well-formed.
fn tokens(doc: &str) -> Vec<Token<'_>> {
    let mut t = Tokenizer::new(doc, &Limits::new());
    let mut out = Vec::new();
    while let Some(token) = t
        .next_token()
        .unwrap_or_else(|e| panic!("{doc:?}: {e} ({e:?})"))
    {
        out.push(token);
    }
    out
}

fn starts<'a>(tokens: &[Token<'a>]) -> Vec<ElementStart<'a>> {
    tokens
        .iter()
        .filter_map(|t| match t {
            Token::ElementStart(e) => Some(*e),
            _ => None,
        })
        .collect()
}

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
const DOMAIN: &str = "urn:ietf:params:xml:ns:domain-1.0";

#[rustfmt::skip]
const CASES: &[(&str, XmlErrorKind, At)] = &[
    // Mismatched tags: the offset is the end tag's `</`.
    ("<a></b>", MismatchedEndTag, At::Byte(3)),
    ("<a><b></a></b>", MismatchedEndTag, At::Byte(6)),
    ("<a></ab>", MismatchedEndTag, At::Byte(3)),
    ("<ab></a>", MismatchedEndTag, At::Byte(4)),
    // The same expanded name under another prefix is still another Name.
    (r#"<p:a xmlns:p="urn:x" xmlns:q="urn:x"></q:a>"#, MismatchedEndTag, At::First("</q:a>")),
    // Unclosed: the offset is the innermost open start tag.
    ("<a>", UnclosedElement, At::Byte(0)),
    ("<a><b>text", UnclosedElement, At::Byte(3)),
    ("<a><b/>", UnclosedElement, At::Byte(0)),
    ("<a>\n<!-- c -->", UnclosedElement, At::Byte(0)),
    // An end tag with no element open.
    ("</a>", UnexpectedEndTag, At::Byte(0)),
    ("<a/></a>", UnexpectedEndTag, At::Byte(4)),
    // Duplicate attributes: the offset is the second one's name.
    (r#"<a x="1" x="2"/>"#, DuplicateAttribute, At::Byte(9)),
    (r#"<a xml:lang="en" xml:lang="fr"/>"#, DuplicateAttribute, At::Byte(17)),
    (r#"<a xmlns:p="u" xmlns:p="v"/>"#, DuplicateAttribute, At::Byte(15)),
    (r#"<a xmlns="u" xmlns="v"/>"#, DuplicateAttribute, At::Byte(13)),
    // ... and after namespace resolution.
    (r#"<a xmlns:p="urn:x" xmlns:q="urn:x" p:y="1" q:y="2"/>"#, DuplicateAttribute, At::First("q:y")),
    (
        r#"<a xmlns:d="urn:ietf:params:xml:ns:domain-1.0" xmlns:domain="urn:ietf:params:xml:ns:domain-1.0" domain:n="1" d:n="2"/>"#,
        DuplicateAttribute, At::First("d:n"),
    ),
    (r#"<a xmlns:p="urn:a&amp;b" xmlns:q="urn:a&#38;b" p:y="1" q:y="2"/>"#, DuplicateAttribute, At::First("q:y")),
    (r#"<o xmlns:p="urn:x"><a xmlns:q="urn:x" q:y="1" p:y="2"/></o>"#, DuplicateAttribute, At::First("p:y")),
    ("<a xml:lang='en' x:lang='fr' xmlns:x='http://www.w3.org/XML/1998/namespace'/>", InvalidNamespaceDeclaration, At::First("xmlns:x")),
    // Unbound prefixes, on elements and on attributes.
    ("<p:a/>", UnboundPrefix, At::Byte(1)),
    ("<a><p:b></p:b></a>", UnboundPrefix, At::Byte(4)),
    (r#"<a p:x="1"/>"#, UnboundPrefix, At::Byte(3)),
    (r#"<a><b xmlns:p="u"/><p:c/></a>"#, UnboundPrefix, At::First("p:c")),
    (r#"<a><b xmlns:p="u"/><c p:x="1"/></a>"#, UnboundPrefix, At::First("p:x")),
    ("<xmlns:a/>", UnboundPrefix, At::Byte(1)),
    // Entities and character references.
    ("<a>&nbsp;</a>", UndefinedEntity, At::Byte(3)),
    (r#"<a b="x&nbsp;"/>"#, UndefinedEntity, At::Byte(7)),
    ("<a>x&copy;</a>", UndefinedEntity, At::Byte(4)),
    // A long name is still an undefined entity (see the report: names over
    // 14 bytes were read as malformed references).
    ("<a>&averyveryverylongname;</a>", UndefinedEntity, At::Byte(3)),
    ("<a b='&averyveryverylongname;'/>", UndefinedEntity, At::Byte(6)),
    ("<a>&#0;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#x0;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#xD800;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#xDFFF;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#x110000;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#xFFFE;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#xFFFF;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#1;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#x1F;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#x;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#12a;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#X41;</a>", InvalidCharReference, At::Byte(3)),
    ("<a>&#99999999999;</a>", InvalidCharReference, At::Byte(3)),
    (r#"<a b="&#0;"/>"#, InvalidCharReference, At::Byte(6)),
    (r#"<a b="&#xD800;"/>"#, InvalidCharReference, At::Byte(6)),
    ("<a>& b</a>", Expected("a name or '#' and ';' after '&'"), At::Byte(3)),
    ("<a>&amp</a>", Expected("a name or '#' and ';' after '&'"), At::Byte(3)),
    ("<a>&;</a>", Expected("a name or '#' and ';' after '&'"), At::Byte(3)),
    // `<` in an attribute value: the offset is the `<`.
    (r#"<a b="x<y"/>"#, LtInAttributeValue, At::Byte(7)),
    ("<a b='<'/>", LtInAttributeValue, At::Byte(6)),
    // `]]>` in text.
    ("<a>x]]>y</a>", CdataEndInText, At::Byte(4)),
    ("<a>]]]></a>", CdataEndInText, At::Byte(4)),
    // `--` in a comment: the offset is the `--`.
    ("<a><!-- a -- b --></a>", DoubleHyphenInComment, At::Byte(10)),
    ("<a><!-- x ---></a>", DoubleHyphenInComment, At::Byte(10)),
    ("<!--a--b--><a/>", DoubleHyphenInComment, At::Byte(5)),
    // Outside the root element.
    ("<a/>text", TextOutsideRoot, At::Byte(4)),
    ("<a/>\n  x", TextOutsideRoot, At::Byte(7)),
    ("text<a/>", TextOutsideRoot, At::Byte(0)),
    ("  x<a/>", TextOutsideRoot, At::Byte(2)),
    ("&amp;<a/>", TextOutsideRoot, At::Byte(0)),
    ("<a/><b/>", MultipleRoots, At::Byte(4)),
    ("<a></a>\n<b></b>", MultipleRoots, At::Byte(8)),
    ("", NoRootElement, At::End),
    ("  <!-- c -->  <?pi?>\n", NoRootElement, At::End),
    (r#"<?xml version="1.0"?>"#, NoRootElement, At::End),
    ("<![CDATA[x]]><a/>", CdataOutsideRoot, At::Byte(0)),
    ("<a/><![CDATA[x]]>", CdataOutsideRoot, At::Byte(4)),
    // The declaration anywhere but at the very start.
    (r#" <?xml version="1.0"?><a/>"#, MisplacedDeclaration, At::Byte(1)),
    ("\n<?xml version=\"1.0\"?><a/>", MisplacedDeclaration, At::Byte(1)),
    (r#"<!-- c --><?xml version="1.0"?><a/>"#, MisplacedDeclaration, At::Byte(10)),
    (r#"<a><?xml version="1.0"?></a>"#, MisplacedDeclaration, At::Byte(3)),
    ("<a/><?xml?>", MisplacedDeclaration, At::Byte(4)),
    // The reserved PI target, in another case: the offset is the target.
    (r#"<?XML version="1.0"?><a/>"#, ReservedPiTarget, At::Byte(2)),
    ("<a><?Xml x?></a>", ReservedPiTarget, At::Byte(5)),
    ("<a/><?xmL?>", ReservedPiTarget, At::Byte(6)),
    // Namespace declarations that Namespaces in XML forbids: the offset is the attribute.
    (r#"<a xmlns:xmlns="urn:x"/>"#, InvalidNamespaceDeclaration, At::Byte(3)),
    (r#"<a xmlns:xml="urn:other"/>"#, InvalidNamespaceDeclaration, At::Byte(3)),
    (r#"<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>"#, InvalidNamespaceDeclaration, At::Byte(3)),
    (r#"<a xmlns:p="http://www.w3.org/XML/1998/namespac&#x65;"/>"#, InvalidNamespaceDeclaration, At::Byte(3)),
    (r#"<a xmlns="http://www.w3.org/XML/1998/namespace"/>"#, InvalidNamespaceDeclaration, At::Byte(3)),
    (r#"<a xmlns:p="http://www.w3.org/2000/xmlns/"/>"#, InvalidNamespaceDeclaration, At::Byte(3)),
    (r#"<a xmlns="http://www.w3.org/2000/xmlns/"/>"#, InvalidNamespaceDeclaration, At::Byte(3)),
    (r#"<a xmlns:p=""/>"#, InvalidNamespaceDeclaration, At::Byte(3)),
    (r#"<a x="1" xmlns:p=''/>"#, InvalidNamespaceDeclaration, At::Byte(9)),
    // Names.
    ("<a:b:c/>", InvalidName, At::Byte(4)),
    (r#"<a x:y:z="1"/>"#, InvalidName, At::Byte(6)),
    ("<a:/>", InvalidName, At::Byte(3)),
    ("<:a/>", InvalidName, At::Byte(1)),
    ("<1a/>", InvalidName, At::Byte(1)),
    // A C1 control character is no NameChar (XML 1.0, fifth edition).
    ("<?pi\u{8e}x?><a/>", InvalidName, At::Byte(4)),
    ("<a\u{85}/>", InvalidName, At::Byte(2)),
    ("<-a/>", InvalidName, At::Byte(1)),
    (r#"<a 1b="x"/>"#, InvalidName, At::Byte(3)),
    ("< a/>", InvalidName, At::Byte(1)),
    ("<a\u{D7}b/>", InvalidName, At::Byte(2)),
    ("<a></a:b>", MismatchedEndTag, At::Byte(3)),
    ("<a></a:b:c>", InvalidName, At::Byte(8)),
    ("<?a:b?><a/>", InvalidName, At::Byte(2)),
    // Tag syntax.
    (r#"<a x="1"y="2"/>"#, Expected("white space, '>' or '/>'"), At::Byte(8)),
    (r#"<a x='1'xmlns:p='u'/>"#, Expected("white space, '>' or '/>'"), At::Byte(8)),
    ("<a x=1/>", Expected("a quoted attribute value"), At::Byte(5)),
    ("<a x/>", Expected("'=' after an attribute name"), At::Byte(4)),
    // White space around `=` is read past, then the same checks apply.
    ("<a x =1/>", Expected("a quoted attribute value"), At::Byte(6)),
    ("<a x= \t1/>", Expected("a quoted attribute value"), At::Byte(7)),
    ("<a x \ny='1'/>", Expected("'=' after an attribute name"), At::Byte(6)),
    ("<a/ >", Expected("'>' after '/'"), At::Byte(3)),
    ("<a></a x>", Expected("'>' to close the end tag"), At::Byte(7)),
    ("<a><?pi?x?></a>", Expected("white space or '?>' after the target"), At::Byte(7)),
    ("<!foo><a/>", InvalidMarkup, At::Byte(0)),
    ("<a><!foo></a>", InvalidMarkup, At::Byte(3)),
    // The declaration itself.
    (r#"<?xml encoding="UTF-8"?><a/>"#, InvalidDeclaration, At::Byte(6)),
    (r#"<?xml version="1.0" version="1.0"?><a/>"#, InvalidDeclaration, At::Byte(20)),
    (r#"<?xml version="1.0" standalone="yes" encoding="UTF-8"?><a/>"#, InvalidDeclaration, At::Byte(37)),
    (r#"<?xml version="2.0"?><a/>"#, InvalidDeclaration, At::Byte(15)),
    (r#"<?xml version="1.0" standalone="maybe"?><a/>"#, InvalidDeclaration, At::Byte(32)),
    (r#"<?xml version="1.0"encoding="UTF-8"?><a/>"#, InvalidDeclaration, At::Byte(19)),
    (r#"<?xml version="1.0" encoding="8859"?><a/>"#, InvalidDeclaration, At::Byte(30)),
    (r#"<?xml version="1.0" encoding="ISO-8859-1"?><a/>"#, UnsupportedEncoding, At::Byte(30)),
    // Cut short.
    ("<a><!-- x", UnexpectedEof, At::End),
    ("<a><![CDATA[x]", UnexpectedEof, At::End),
    ("<a b='1", UnexpectedEof, At::End),
    ("<a b", UnexpectedEof, At::End),
    ("<a b ", UnexpectedEof, At::End),
    ("<a b=", UnexpectedEof, At::End),
    ("<a b = ", UnexpectedEof, At::End),
    ("<a>&am", UnexpectedEof, At::End),
    ("<a><?pi x", UnexpectedEof, At::End),
    ("<a", UnexpectedEof, At::End),
    ("<", UnexpectedEof, At::End),
    ("<a><!-", UnexpectedEof, At::End),
    ("<a><!DOC", UnexpectedEof, At::End),
    // Truncated inside an end tag: the input ended (see the report on
    // `Tokenizer::end_tag`: these were read as mismatched end tags).
    ("<abc></ab", UnexpectedEof, At::End),
    ("<abc></abc", UnexpectedEof, At::End),
    ("<abc></abc  ", UnexpectedEof, At::End),
    // Truncated before the declaration's `?>` (was InvalidDeclaration).
    (r#"<?xml version="1.0"?"#, UnexpectedEof, At::End),
    (r#"<?xml version="1.0" "#, UnexpectedEof, At::End),
    // Forbidden characters.
    ("<a>\u{0}</a>", InvalidChar, At::Byte(3)),
    ("<a>\u{FFFF}</a>", InvalidChar, At::Byte(3)),
    ("<a b='\u{B}'/>", InvalidChar, At::Byte(6)),
];

#[test]
fn malformed_documents_fail_with_the_right_kind_at_the_right_offset() {
    let mut wrong = Vec::new();
    for &(doc, kind, at) in CASES {
        let want = XmlError::new(kind, at.offset(doc));
        let got = first_error(doc);
        if got != want {
            wrong.push(format!("{doc:?}: want {want:?}, got {got:?}"));
        }
        // Display says what and where.
        let shown = got.to_string();
        assert!(!shown.is_empty() && shown.contains(&got.offset().to_string()));
        assert!(!got.kind().as_str().is_empty());
        assert!(!got.kind().to_string().is_empty());
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases wrong:\n{}",
        wrong.len(),
        CASES.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_same_error_comes_back_and_the_iterator_ends() {
    let doc = "<a><b></a>";
    let mut t = Tokenizer::new(doc, &Limits::new());
    let want = XmlError::new(MismatchedEndTag, 6);
    while let Ok(Some(_)) = t.next_token() {}
    assert_eq!(t.next_token(), Err(want));
    assert_eq!(t.next_token(), Err(want));
    // As an iterator: the tokens, the error once, then nothing.
    let items: Vec<_> = Tokenizer::new(doc, &Limits::new()).collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[2], Err(want));
}

#[test]
fn text_pos_counts_lines_and_characters() {
    let doc = "<a>\n  <b>é</c></a>";
    let e = first_error(doc);
    assert_eq!(
        e,
        XmlError::new(MismatchedEndTag, doc.find("</c>").unwrap())
    );
    assert_eq!(e.text_pos(doc.as_bytes()), TextPos { line: 2, column: 7 });
    assert_eq!(e.text_pos(doc.as_bytes()).to_string(), "2:7");
    // Multi-byte characters are one column each, whatever their length.
    let doc = "<a>\n\n日本😀é<b></a>";
    let e = first_error(doc);
    assert_eq!(e.text_pos(doc.as_bytes()), TextPos { line: 3, column: 8 });
    // The first byte is 1:1; an offset past the end is clamped.
    assert_eq!(
        XmlError::new(NoRootElement, 0).text_pos(b"x\ny"),
        TextPos { line: 1, column: 1 }
    );
    assert_eq!(
        XmlError::new(NoRootElement, 99).text_pos(b"x\ny"),
        TextPos { line: 2, column: 2 }
    );
    // In an attribute value on a later line.
    let doc = "<a\n x='1'\n y='é<'/>";
    let e = first_error(doc);
    assert_eq!(e.kind(), LtInAttributeValue);
    assert_eq!(e.text_pos(doc.as_bytes()), TextPos { line: 3, column: 6 });
    // Display.
    assert_eq!(
        e.to_string(),
        format!("'<' in attribute value at byte {}", e.offset())
    );
    assert_eq!(
        XmlError::new(Expected("'>'"), 3).to_string(),
        "expected '>' at byte 3"
    );
    assert_eq!(
        XmlError::new(LimitExceeded(epp_codec::Limit::Depth), 3).to_string(),
        "element nesting depth limit exceeded at byte 3"
    );
}

// ----- Positive cases -----

#[test]
fn the_domain_namespace_reads_the_same_under_any_prefix() {
    let docs = [
        (
            "<epp xmlns:domain='urn:ietf:params:xml:ns:domain-1.0'><domain:name>x</domain:name></epp>",
            "domain",
        ),
        (
            "<epp><d:name xmlns:d='urn:ietf:params:xml:ns:domain-1.0'>x</d:name></epp>",
            "d",
        ),
        (
            "<epp><name xmlns='urn:ietf:params:xml:ns:domain-1.0'>x</name></epp>",
            "",
        ),
        // A reference in the URI does not hide it.
        (
            "<epp><name xmlns='urn:ietf:params:xml:ns:domain&#x2D;1.0'>x</name></epp>",
            "",
        ),
    ];
    for (doc, prefix) in docs {
        let toks = tokens(doc);
        let name = starts(&toks)[1].name();
        assert!(name.is(Ns::Domain, "name"), "{doc}: {name:?}");
        assert_eq!(name.prefix(), prefix);
        assert_eq!(name.local(), "name");
        assert_eq!(name.namespace(), Namespace::Known(Ns::Domain));
        assert!(name.namespace().eq_uri(DOMAIN));
        assert_eq!(name.namespace().known(), Some(Ns::Domain));
        let tag = if prefix.is_empty() {
            "<name".to_owned()
        } else {
            format!("<{prefix}:name")
        };
        assert_eq!(name.offset(), doc.find(&tag).unwrap() + 1);
        // The end tag resolves the same way.
        let end = toks
            .iter()
            .find_map(|t| match t {
                Token::ElementEnd(e) if e.name().local() == "name" => Some(e.name()),
                _ => None,
            })
            .unwrap();
        assert!(end.is(Ns::Domain, "name"));
        // The root is in no namespace.
        assert_eq!(starts(&toks)[0].name().namespace(), Namespace::None);
        assert!(!starts(&toks)[0].name().is(Ns::Epp, "epp"));
    }
}

#[test]
fn an_empty_default_namespace_undeclares_it() {
    let doc = "<a xmlns='urn:x'><b xmlns=''><c/></b><d/></a>";
    let toks = tokens(doc);
    let names: Vec<_> = starts(&toks).iter().map(|e| e.name().namespace()).collect();
    assert!(names[0].eq_uri("urn:x"));
    assert!(matches!(names[0], Namespace::Other(u) if u.raw() == "urn:x"));
    assert_eq!(names[1], Namespace::None);
    assert_eq!(names[2], Namespace::None);
    assert!(names[3].eq_uri("urn:x"));
    assert!(names[1].eq_uri(""));
}

#[test]
fn the_xml_prefix_is_bound_by_definition() {
    let doc = "<a xml:lang='en' lang='fr'/>";
    let mut t = Tokenizer::new(doc, &Limits::new());
    t.next_token().unwrap();
    let attrs: Vec<_> = t.attributes().collect();
    assert_eq!(attrs.len(), 2);
    assert_eq!(attrs[0].name().namespace(), Namespace::Known(Ns::Xml));
    assert!(attrs[0].name().is(Ns::Xml, "lang"));
    assert_eq!(attrs[0].name().prefix(), "xml");
    assert!(attrs[0].name().namespace().eq_uri(XML_NS));
    assert_eq!(attrs[1].name().namespace(), Namespace::None);
    // `attribute` finds the unprefixed one.
    assert_eq!(t.attribute("lang").unwrap().raw_value(), "fr");
    // Declaring it to its own URI is allowed.
    tokens("<a xmlns:xml='http://www.w3.org/XML/1998/namespace' xml:space='preserve'/>");
}

#[test]
fn prefixes_resolve_where_the_tokenizer_stands() {
    let doc = "<epp xmlns='urn:ietf:params:xml:ns:epp-1.0' \
               xmlns:d='urn:ietf:params:xml:ns:domain-1.0' xmlns:o='urn:a&amp;b' code='1'>\
               <x xmlns='' xmlns:d='urn:other'/></epp>";
    let mut t = Tokenizer::new(doc, &Limits::new());
    assert_eq!(t.resolve_prefix(""), Some(Namespace::None));
    assert_eq!(t.resolve_prefix("d"), None);
    t.next_token().unwrap();
    assert_eq!(t.resolve_prefix(""), Some(Namespace::Known(Ns::Epp)));
    assert_eq!(t.resolve_prefix("d"), Some(Namespace::Known(Ns::Domain)));
    assert_eq!(t.resolve_prefix("xml"), Some(Namespace::Known(Ns::Xml)));
    assert_eq!(t.resolve_prefix("zz"), None);
    let o = t.resolve_prefix("o").unwrap();
    assert!(o.eq_uri("urn:a&b"));
    let Namespace::Other(uri) = o else {
        panic!("{o:?}")
    };
    assert_eq!(uri.raw(), "urn:a&amp;b");
    assert_eq!(uri.to_string(), "urn:a&b");
    // The declarations of this start tag, apart from its attributes, each
    // with the namespace it binds (see the report: `declare_namespaces`
    // never stored the namespace in the attribute, so every declaration read
    // as `Namespace::None`).
    let decls: Vec<_> = t.namespace_declarations().collect();
    assert_eq!(decls.len(), 3);
    assert_eq!(decls[0], ("", Namespace::Known(Ns::Epp)));
    assert_eq!(decls[1], ("d", Namespace::Known(Ns::Domain)));
    assert_eq!(decls[2].0, "o");
    let attrs: Vec<_> = t.attributes().collect();
    assert_eq!(attrs.len(), 1);
    assert_eq!(attrs[0].name().local(), "code");
    // Inside `<x>`: undeclared default, rebound `d`.
    t.next_token().unwrap();
    assert_eq!(t.resolve_prefix(""), Some(Namespace::None));
    assert!(t.resolve_prefix("d").unwrap().eq_uri("urn:other"));
    let decls: Vec<_> = t.namespace_declarations().collect();
    assert_eq!(decls[0], ("", Namespace::None));
    assert_eq!(decls[1].0, "d");
    assert_eq!(t.attributes().count(), 0);
    // After `<x/>` ends, the outer bindings are back.
    t.next_token().unwrap();
    assert_eq!(t.resolve_prefix("d"), Some(Namespace::Known(Ns::Domain)));
    assert_eq!(t.resolve_prefix(""), Some(Namespace::Known(Ns::Epp)));
    // After the root, nothing is bound.
    t.next_token().unwrap();
    assert_eq!(t.resolve_prefix("d"), None);
    assert_eq!(t.next_token(), Ok(None));
}

#[test]
fn a_prefix_may_be_declared_after_its_use_in_the_same_tag() {
    let doc = "<p:a p:x='1' xmlns:p='urn:p' x='2'/>";
    let mut t = Tokenizer::new(doc, &Limits::new());
    let Ok(Some(Token::ElementStart(e))) = t.next_token() else {
        panic!()
    };
    assert!(e.name().namespace().eq_uri("urn:p"));
    let attrs: Vec<_> = t.attributes().collect();
    assert!(attrs[0].name().namespace().eq_uri("urn:p"));
    // Unprefixed `x` and `p:x` are different attributes.
    assert_eq!(attrs[1].name().namespace(), Namespace::None);
}

#[test]
fn a_self_closing_tag_gives_a_start_then_an_end() {
    let doc = "<a><b x='1'/></a>";
    let mut t = Tokenizer::new(doc, &Limits::new());
    let Ok(Some(Token::ElementStart(a))) = t.next_token() else {
        panic!()
    };
    assert!(!a.is_self_closing());
    assert_eq!(a.span().range(), 0..3);
    let Ok(Some(Token::ElementStart(b))) = t.next_token() else {
        panic!()
    };
    assert!(b.is_self_closing());
    assert_eq!(b.span().range(), 3..13);
    assert_eq!(t.depth(), 2);
    assert_eq!(t.attribute("x").unwrap().raw_value(), "1");
    let Ok(Some(Token::ElementEnd(end))) = t.next_token() else {
        panic!()
    };
    assert_eq!(end.name().local(), "b");
    assert!(end.span().is_empty());
    assert_eq!(end.span().start, 13);
    let Ok(Some(Token::ElementEnd(end))) = t.next_token() else {
        panic!()
    };
    assert_eq!(end.name().local(), "a");
    assert_eq!(end.span().range(), 13..17);
    assert_eq!(t.next_token(), Ok(None));
    assert_eq!(t.next_token(), Ok(None));
}

#[test]
fn attribute_values_are_normalized_as_roxmltree_does() {
    let cases = [
        "<a b='x\ty\nz&#10;w&#9;v\r\nu&#13;t\rs'/>",
        "<a b=' &amp;&lt;&gt;&quot;&apos; '/>",
        "<a b='&#x1F600;é\n\n'/>",
        "<a b=\"]]>'\"/>",
        "<a b='plain'/>",
        "<a b=''/>",
    ];
    for doc in cases {
        let mut t = Tokenizer::new(doc, &Limits::new());
        t.next_token().unwrap();
        let attr = t.attribute("b").unwrap();
        let rox = roxmltree::Document::parse(doc).unwrap();
        let want = rox.root_element().attribute("b").unwrap();
        assert_eq!(attr.value().to_string(), want, "{doc:?}");
        assert!(attr.value().eq_str(want));
        assert_eq!(attr.has_escapes(), attr.raw_value() != want, "{doc:?}");
        assert_eq!(&doc[attr.value_span().range()], attr.raw_value());
    }
    // Spelled out: tab and line feed become spaces, `&#10;` stays a line feed.
    let doc = "<a b='x\ty\nz&#10;w'/>";
    let mut t = Tokenizer::new(doc, &Limits::new());
    t.next_token().unwrap();
    assert_eq!(t.attribute("b").unwrap().value().to_string(), "x y z\nw");
}

#[test]
fn text_line_ends_and_cdata() {
    let doc = "<a>x\r\ny\rz&#13;<![CDATA[<&amp;>\r\n]]></a>";
    let toks = tokens(doc);
    let texts: Vec<_> = toks
        .iter()
        .filter_map(|t| match t {
            Token::Text(t) => Some(*t),
            _ => None,
        })
        .collect();
    assert_eq!(texts.len(), 2);
    assert!(!texts[0].is_cdata());
    assert!(texts[0].has_escapes());
    assert_eq!(texts[0].raw(), "x\r\ny\rz&#13;");
    assert_eq!(texts[0].unescaped().to_string(), "x\ny\nz\r");
    assert!(texts[1].is_cdata());
    assert_eq!(texts[1].raw(), "<&amp;>\r\n");
    assert_eq!(texts[1].unescaped().to_string(), "<&amp;>\n");
    assert_eq!(&doc[texts[1].span().range()], texts[1].raw());
    // Only white space between elements.
    let toks = tokens("<a>\n  <b/>\n</a>");
    assert!(toks.iter().all(|t| match t {
        Token::Text(t) => t.is_whitespace(),
        _ => true,
    }));
}

#[test]
fn declaration_comment_and_pi_tokens() {
    let doc = "<?xml version='1.0' encoding='UTF-8' standalone='no'?>\
               <!-- c --><?pi  some content?><a/><?t?>";
    let toks = tokens(doc);
    let Token::Declaration(d) = toks[0] else {
        panic!()
    };
    assert_eq!(d.version(), "1.0");
    assert_eq!(d.encoding(), Some("UTF-8"));
    assert_eq!(d.standalone(), Some(false));
    let Token::Comment(c) = toks[1] else { panic!() };
    assert_eq!(c.text(), " c ");
    let Token::ProcessingInstruction(pi) = toks[2] else {
        panic!()
    };
    assert_eq!(pi.target(), "pi");
    assert_eq!(pi.content(), Some("some content"));
    let Token::ProcessingInstruction(pi) = toks[5] else {
        panic!()
    };
    assert_eq!(pi.target(), "t");
    assert_eq!(pi.content(), None);
}
