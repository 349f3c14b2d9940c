//! The command envelope and the core commands (RFC 5730): hello, login,
//! logout, poll, `<extension>`, `<clTRID>`; compared with roxmltree over the
//! corpus, and a table with every `CommandErrorKind`.

mod common;

use epp_codec::view::{
    Command, CommandError, CommandErrorKind, Poll, ResultCode, Str, read_command,
};
use epp_codec::xml::{Namespace, XmlErrorKind};

const EPP: &str = "urn:ietf:params:xml:ns:epp-1.0";

fn s(v: Str<'_>) -> String {
    v.to_string()
}

fn epp_kids<'a, 'i>(n: roxmltree::Node<'a, 'i>, local: &'a str) -> Vec<roxmltree::Node<'a, 'i>> {
    n.children()
        .filter(|c| {
            c.is_element() && c.tag_name().name() == local && c.tag_name().namespace() == Some(EPP)
        })
        .collect()
}

fn text(n: roxmltree::Node<'_, '_>) -> String {
    n.text().unwrap_or("").trim().to_string()
}

#[test]
fn every_corpus_command_envelope_matches_roxmltree() {
    let messages: Vec<_> = common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "command" || m.kind == "hello")
        // Refused as they must be (`ext_launch`).
        .filter(|m| !common::is_elided_mark_command(&m.path))
        .collect();
    let mut logins = 0;
    let mut with_extensions = 0;
    for m in &messages {
        let path = &m.path;
        let source = std::str::from_utf8(&m.bytes).unwrap();
        let doc = roxmltree::Document::parse(source).unwrap();
        let request = read_command(&m.bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        if m.kind == "hello" {
            assert!(matches!(request.command(), Command::Hello), "{path}");
            continue;
        }
        let command = epp_kids(doc.root_element(), "command")[0];
        let cl_trid = epp_kids(command, "clTRID").first().map(|n| text(*n));
        assert_eq!(request.cl_trid().map(s), cl_trid, "{path}");
        assert_eq!(
            &source[request.span().range()],
            &source[command.range()],
            "{path}"
        );

        // <extension>: every child, its expanded name and its source text.
        let ext_nodes: Vec<_> = epp_kids(command, "extension")
            .first()
            .map(|e| e.children().filter(roxmltree::Node::is_element).collect())
            .unwrap_or_default();
        let got: Vec<_> = request.extensions().iter().collect();
        assert_eq!(got.len(), ext_nodes.len(), "{path}");
        assert_eq!(request.extensions().len(), ext_nodes.len(), "{path}");
        with_extensions += usize::from(!ext_nodes.is_empty());
        for (e, n) in got.iter().zip(&ext_nodes) {
            assert_eq!(e.local(), n.tag_name().name(), "{path}");
            let uri = n.tag_name().namespace().unwrap_or("");
            assert!(
                e.namespace().eq_uri(uri),
                "{path}: {:?} vs {uri}",
                e.namespace()
            );
            assert_ne!(e.namespace(), Namespace::None, "{path}");
            assert_eq!(e.as_str(), &source[n.range()], "{path}");
        }

        match request.command() {
            Command::Login(login) => {
                logins += 1;
                let n = epp_kids(command, "login")[0];
                let one = |local| epp_kids(n, local).first().map(|c| text(*c));
                assert_eq!(Some(s(login.client_id())), one("clID"), "{path}");
                assert_eq!(Some(s(login.password())), one("pw"), "{path}");
                assert_eq!(login.new_password().map(s), one("newPW"), "{path}");
                let options = epp_kids(n, "options")[0];
                assert_eq!(
                    s(login.version()),
                    text(epp_kids(options, "version")[0]),
                    "{path}"
                );
                assert_eq!(
                    s(login.lang()),
                    text(epp_kids(options, "lang")[0]),
                    "{path}"
                );
                let svcs = epp_kids(n, "svcs")[0];
                let uris: Vec<String> = epp_kids(svcs, "objURI").into_iter().map(text).collect();
                assert_eq!(
                    login.object_uris().iter().map(s).collect::<Vec<_>>(),
                    uris,
                    "{path}"
                );
                let ext_uris: Vec<String> = epp_kids(svcs, "svcExtension")
                    .first()
                    .map(|e| epp_kids(*e, "extURI").into_iter().map(text).collect())
                    .unwrap_or_default();
                assert_eq!(
                    login.extension_uris().iter().map(s).collect::<Vec<_>>(),
                    ext_uris,
                    "{path}"
                );
            }
            Command::Poll(poll) => {
                let n = epp_kids(command, "poll")[0];
                match (poll, n.attribute("op")) {
                    (Poll::Request, Some("req")) => {}
                    (Poll::Acknowledge { message_id }, Some("ack")) => {
                        assert_eq!(
                            Some(s(*message_id)).as_deref(),
                            n.attribute("msgID"),
                            "{path}"
                        );
                    }
                    (p, op) => panic!("{path}: {p:?} for op {op:?}"),
                }
            }
            Command::Logout => assert_eq!(epp_kids(command, "logout").len(), 1, "{path}"),
            _ => {}
        }
    }
    assert!(logins >= 6, "{logins} logins");
    assert!(
        with_extensions >= 40,
        "{with_extensions} commands with extensions"
    );
}

fn login(clid: &str, pw: &str, version: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><login><clID>{clid}</clID><pw>{pw}</pw>
<options><version>{version}</version><lang>en</lang></options>
<svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcs></login><clTRID>ABC-1</clTRID></command></epp>"#
    )
}

fn command(body: &str) -> String {
    format!(r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command>{body}</command></epp>"#)
}

/// A payload, the kind, element, attribute and offset marker expected.
type ErrorCase = (
    String,
    CommandErrorKind,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
);

/// Every error kind the reader produces, with its code, element, attribute
/// and offset (the marker's first occurrence).
#[test]
fn every_error_kind() {
    use CommandErrorKind as K;
    let domain_check = |inner: &str| {
        command(&format!(
            r#"<check><d:check xmlns:d="urn:ietf:params:xml:ns:domain-1.0">{inner}</d:check></check>"#
        ))
    };
    let cases: Vec<ErrorCase> = vec![
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><hello></epp>"#.into(),
            K::Xml(XmlErrorKind::MismatchedEndTag),
            None,
            None,
            "</epp>",
        ),
        ("<epp xmlns=\"urn:x\"/>".into(), K::NotACommand, Some("epp"), None, "<epp"),
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response/></epp>"#.into(),
            K::NotACommand,
            Some("response"),
            None,
            "<response",
        ),
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><greeting/></epp>"#.into(),
            K::NotACommand,
            Some("greeting"),
            None,
            "<greeting",
        ),
        (command("<logout/><logout/>"), K::UnexpectedElement, Some("logout"), None, "<logout/></command>"),
        (command("<logout/>text"), K::UnexpectedText, Some("command"), None, "text"),
        (command("<logout a=\"1\"/>"), K::UnexpectedAttribute, Some("logout"), Some("a"), "a=\"1\""),
        (domain_check(""), K::MissingElement, Some("name"), None, "</d:check>"),
        (command("<poll op=\"ack\"/>"), K::MissingAttribute, Some("poll"), Some("msgID"), "<poll"),
        (command("<poll/>"), K::MissingAttribute, Some("poll"), Some("op"), "<poll"),
        (
            domain_check(&format!("<d:name>{}</d:name>", "a".repeat(256))),
            K::LengthOutOfRange { min: 1, max: 255 },
            Some("name"),
            None,
            "aaaa",
        ),
        (
            command(r#"<create><d:create xmlns:d="urn:ietf:params:xml:ns:domain-1.0"><d:name>a.b</d:name><d:period unit="y">100</d:period><d:authInfo><d:pw>x</d:pw></d:authInfo></d:create></create>"#),
            K::ValueOutOfRange { min: 1, max: 99 },
            Some("period"),
            None,
            "100",
        ),
        (
            command(r#"<update><h:update xmlns:h="urn:ietf:params:xml:ns:host-1.0"><h:name>a</h:name><h:add><h:status s="ok"/><h:status s="ok"/><h:status s="ok"/><h:status s="ok"/><h:status s="ok"/><h:status s="ok"/><h:status s="ok"/><h:status s="linked"/></h:add></h:update></update>"#),
            K::TooMany { max: 7 },
            Some("status"),
            None,
            "<h:status s=\"linked\"",
        ),
        (command("<poll op=\"get\"/>"), K::InvalidValue { expected: "a poll op (req, ack)" }, Some("poll"), Some("op"), "get"),
        (command("<frobnicate/>"), K::UnknownCommand, Some("frobnicate"), None, "<frobnicate"),
        (login("ClientX", "foo-BAR2", "2.0"), K::UnimplementedProtocolVersion, Some("version"), None, "2.0"),
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><extension><x:y xmlns:x="urn:x"/></extension></epp>"#.into(),
            K::UnimplementedExtension,
            Some("extension"),
            None,
            "<extension",
        ),
    ];
    for (doc, kind, element, attribute, marker) in cases {
        let err = read_command(doc.as_bytes()).expect_err(&doc);
        assert_eq!(err.kind(), kind, "{doc}: {err}");
        assert_eq!(err.result_code(), kind.result_code(), "{doc}");
        assert_eq!(err.element().map(|e| e.local), element, "{doc}: {err}");
        assert_eq!(err.attribute(), attribute, "{doc}: {err}");
        assert_eq!(err.offset(), doc.find(marker).unwrap(), "{doc}: {err}");
        assert!(!err.to_string().is_empty());
    }

    // The kinds a server raises itself, and what they answer.
    let other =
        command(r#"<info><o:info xmlns:o="urn:ietf:params:xml:ns:obj"><o:x/></o:info></info>"#);
    let request = read_command(other.as_bytes()).unwrap();
    let Command::Other(o) = request.command() else {
        panic!()
    };
    assert_eq!(
        o.unimplemented().result_code(),
        ResultCode::UnimplementedObjectService
    );
    assert_eq!(o.object().local(), "info");
    for (kind, code) in [
        (K::UnimplementedCommand, 2101),
        (K::UnimplementedOption, 2102),
        (K::UnimplementedExtension, 2103),
        (K::UnimplementedObject, 2307),
        (K::UnexpectedText, 2001),
        (K::MissingElement, 2003),
        (K::LengthOutOfRange { min: 0, max: 0 }, 2004),
        (K::InvalidValue { expected: "" }, 2005),
        (K::UnknownCommand, 2000),
        (K::UnimplementedProtocolVersion, 2100),
    ] {
        assert_eq!(CommandError::new(kind, 0).result_code().as_u16(), code);
    }
}

/// Which attributes a command element may carry: the schema's own
/// (unprefixed), any `xsi:` attribute, and namespace declarations, which
/// are not attributes; anything else is refused, named as written.
#[test]
fn attributes_a_command_element_may_carry() {
    const XSI: &str = r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#;
    let accepted = [
        r#"<poll op="req"/>"#.to_string(),
        format!(r#"<poll {XSI} xsi:schemaLocation="urn:x x.xsd" op="req"/>"#),
        r#"<poll xmlns:x="urn:x" op="req" xmlns:y="urn:y"/>"#.to_string(),
        r#"<poll xmlns="urn:ietf:params:xml:ns:epp-1.0" op="req"/>"#.to_string(),
    ];
    for body in accepted {
        let doc = command(&body);
        let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
        assert!(
            matches!(request.command(), Command::Poll(Poll::Request)),
            "{doc}"
        );
    }
    let refused = [
        (r#"<poll op="req" opx="1"/>"#.to_string(), "opx"),
        (r#"<poll o="req" op="req"/>"#.to_string(), "o"),
        (r#"<poll op="req" xml:lang="en"/>"#.to_string(), "xml:lang"),
        (
            r#"<poll xmlns:x="urn:x" x:op="req" op="req"/>"#.to_string(),
            "x:op",
        ),
        // An attribute in the schema's namespace is not the schema's own.
        (
            r#"<poll xmlns:e="urn:ietf:params:xml:ns:epp-1.0" op="req" e:op="req"/>"#.to_string(),
            "e:op",
        ),
        // The first one refused is named, after accepted ones.
        (
            format!(r#"<poll {XSI} xsi:type="t" op="req" b="2" c="3"/>"#),
            "b",
        ),
    ];
    for (body, name) in refused {
        let doc = command(&body);
        let err = read_command(doc.as_bytes()).expect_err(&doc);
        assert_eq!(
            err.kind(),
            CommandErrorKind::UnexpectedAttribute,
            "{doc}: {err}"
        );
        assert_eq!(err.attribute(), Some(name), "{doc}");
        assert_eq!(err.element().map(|e| e.local), Some("poll"), "{doc}");
        assert_eq!(
            err.offset(),
            doc.find(&format!(" {name}=")).unwrap() + 1,
            "{doc}"
        );
    }
}

#[test]
fn login_bounds_and_patterns() {
    for (clid, pw, version, code) in [
        ("ClientX", "foo-BAR2", "1.0", None),
        ("ClientX", "fooBA", "1.0", Some(2004)),
        ("ClientX", &*"p".repeat(17), "1.0", Some(2004)),
        ("Cl", "foo-BAR2", "1.0", Some(2004)),
        ("ClientX", "foo-BAR2", "x", Some(2005)),
        ("ClientX", "foo-BAR2", "2.0", Some(2100)),
    ] {
        let doc = login(clid, pw, version);
        match (read_command(doc.as_bytes()), code) {
            (Ok(r), None) => assert!(matches!(r.command(), Command::Login(_))),
            (Err(e), Some(code)) => assert_eq!(e.result_code().as_u16(), code, "{doc}: {e}"),
            (r, code) => panic!("{doc}: {:?} vs {code:?}", r.map(|_| ())),
        }
    }
}

fn login_with(version: &str, lang: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><login><clID>ClientX</clID><pw>foo-BAR2</pw>
<options><version>{version}</version><lang>{lang}</lang></options>
<svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcs></login><clTRID>ABC-1</clTRID></command></epp>"#
    )
}

/// The version and language patterns see the value a schema validator
/// sees: references and CDATA sections decoded, and for these `token`s the
/// white space a reference puts at the ends dropped.
#[test]
fn escaped_and_cdata_versions_and_languages_match_their_patterns() {
    // 69 characters: longer than any fixed buffer a check might use.
    let long_tag = format!("en{}", "-abcdefgh".repeat(7));
    let long_escaped = long_tag.replace('a', "&#97;");
    for (version, lang) in [
        ("1&#46;0", "en"),
        ("<![CDATA[1.0]]>", "en"),
        ("1<![CDATA[.]]>0", "en"),
        ("&#x20;1.0&#10;", "en"),
        ("1.0", "&#101;n"),
        ("1.0", "<![CDATA[fr-CA]]>"),
        ("1.0", "&#32;de&#45;CH "),
        ("1.0", &long_escaped),
    ] {
        let doc = login_with(version, lang);
        let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
        let Command::Login(l) = request.command() else {
            panic!("{doc}")
        };
        assert!(l.version().has_escapes() || l.lang().has_escapes(), "{doc}");
    }
    for (version, lang, code, element, marker) in [
        ("1&#46;x", "en", 2005, "version", "1&#46;x"),
        ("&#48;.0", "en", 2005, "version", "&#48;.0"),
        ("1&#46;0&#46;1", "en", 2005, "version", "1&#46;0&#46;1"),
        (
            "<![CDATA[1 .0]]>",
            "en",
            2005,
            "version",
            "<![CDATA[1 .0]]>",
        ),
        ("2&#46;0", "en", 2100, "version", "2&#46;0"),
        ("<![CDATA[1.1]]>", "en", 2100, "version", "<![CDATA[1.1]]>"),
        ("1.0", "e&#95;n", 2005, "lang", "e&#95;n"),
        ("1.0", "<![CDATA[1en]]>", 2005, "lang", "<![CDATA[1en]]>"),
        ("1.0", "en&#45;", 2005, "lang", "en&#45;"),
        ("1.0", "&#101;nglishes", 2005, "lang", "&#101;nglishes"),
    ] {
        let doc = login_with(version, lang);
        let err = read_command(doc.as_bytes()).expect_err(&doc);
        assert_eq!(err.result_code().as_u16(), code, "{doc}: {err}");
        assert_eq!(err.element().map(|e| e.local), Some(element), "{doc}");
        assert_eq!(
            err.offset(),
            doc.find(&format!(">{marker}<")).unwrap() + 1,
            "{doc}: {err}"
        );
    }
}

/// The pattern checks of the typed extensions see the decoded value too:
/// a TTL's custom record type, a fee currency, a DS digest.
#[test]
fn escaped_and_cdata_extension_values_match_their_patterns() {
    let with_extension = |verb: &str, object: &str, extension: &str| {
        command(&format!(
            r#"<{verb}><domain:{verb} xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">{object}</domain:{verb}></{verb}><extension>{extension}</extension>"#
        ))
    };
    let ttl = |custom: &str| {
        with_extension(
            "create",
            "<domain:name>example.com</domain:name><domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo>",
            &format!(
                r#"<ttl:create xmlns:ttl="urn:ietf:params:xml:ns:epp:ttl-1.0"><ttl:ttl for="custom" custom="{custom}">60</ttl:ttl></ttl:create>"#
            ),
        )
    };
    let fee = |currency: &str| {
        with_extension(
            "check",
            "<domain:name>example.com</domain:name>",
            &format!(
                r#"<fee:check xmlns:fee="urn:ietf:params:xml:ns:epp:fee-1.0"><fee:currency>{currency}</fee:currency><fee:command name="create"/></fee:check>"#
            ),
        )
    };
    let ds = |digest: &str| {
        with_extension(
            "update",
            "<domain:name>example.com</domain:name>",
            &format!(
                r#"<secDNS:update xmlns:secDNS="urn:ietf:params:xml:ns:secDNS-1.1"><secDNS:add><secDNS:dsData><secDNS:keyTag>1</secDNS:keyTag><secDNS:alg>3</secDNS:alg><secDNS:digestType>1</secDNS:digestType><secDNS:digest>{digest}</secDNS:digest></secDNS:dsData></secDNS:add></secDNS:update>"#
            ),
        )
    };
    let long_digest = "&#x41;B".repeat(40);
    for doc in [
        ttl("SVCB"),
        ttl("&#83;VCB"),
        ttl("TYPE&#54;5"),
        ttl("&#65;"),
        fee("USD"),
        fee("&#85;SD"),
        fee("<![CDATA[EUR]]>"),
        ds("AB12"),
        ds("&#x41;B12"),
        ds("<![CDATA[ab]]>12"),
        ds(&long_digest),
    ] {
        read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    }
    for (doc, element, attribute, marker) in [
        (ttl("SVC&#45;"), "ttl", Some("custom"), "SVC&#45;"),
        (ttl("&#66;"), "ttl", Some("custom"), "&#66;"),
        (ttl("S&#x76;CB"), "ttl", Some("custom"), "S&#x76;CB"),
        (fee("US&#100;"), "currency", None, "US&#100;"),
        (
            fee("<![CDATA[ USD]]>"),
            "currency",
            None,
            "<![CDATA[ USD]]>",
        ),
        (fee("&#85;SDX"), "currency", None, "&#85;SDX"),
        (ds("&#x41;B1"), "digest", None, "&#x41;B1"),
        (ds("<![CDATA[AG]]>"), "digest", None, "<![CDATA[AG]]>"),
    ] {
        let err = read_command(doc.as_bytes()).expect_err(&doc);
        assert_eq!(err.result_code().as_u16(), 2005, "{doc}: {err}");
        assert_eq!(err.element().map(|e| e.local), Some(element), "{doc}");
        assert_eq!(err.attribute(), attribute, "{doc}");
        assert_eq!(err.offset(), doc.find(marker).unwrap(), "{doc}: {err}");
    }
}

/// The numbers of typed extensions the strict reader accepted written
/// with references or CDATA read back as the numbers they are.
#[test]
fn escaped_extension_numbers_read_back() {
    use epp_codec::view::ext::{FeeExtension, SecDns, TtlExtension};
    let doc = command(
        r#"<create><domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name><domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo></domain:create></create><extension>
<secDNS:create xmlns:secDNS="urn:ietf:params:xml:ns:secDNS-1.1"><secDNS:maxSigLife>6048&#48;0</secDNS:maxSigLife><secDNS:dsData><secDNS:keyTag>&#49;2345</secDNS:keyTag><secDNS:alg><![CDATA[3]]></secDNS:alg><secDNS:digestType>&#32;1</secDNS:digestType><secDNS:digest>AB12</secDNS:digest></secDNS:dsData></secDNS:create>
<ttl:create xmlns:ttl="urn:ietf:params:xml:ns:epp:ttl-1.0"><ttl:ttl for="NS">3&#54;00</ttl:ttl></ttl:create>
<fee:create xmlns:fee="urn:ietf:params:xml:ns:epp:fee-1.0"><fee:fee>5.00</fee:fee></fee:create></extension>"#,
    );
    let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let Some(SecDns::Create(sec_dns)) = request.extensions().sec_dns() else {
        panic!()
    };
    assert_eq!(sec_dns.max_sig_life(), Some(604_800));
    let ds = sec_dns.ds_data().first().unwrap();
    assert_eq!(
        (ds.key_tag(), ds.alg(), ds.digest_type()),
        (Some(12345), Some(3), Some(1))
    );
    let Some(TtlExtension::Create(ttls)) = request.extensions().ttl() else {
        panic!()
    };
    assert_eq!(ttls.first().unwrap().seconds, Some(3600));

    let doc = command(
        r#"<check><domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name></domain:check></check><extension>
<fee:check xmlns:fee="urn:ietf:params:xml:ns:epp:fee-1.0"><fee:command name="renew"><fee:period unit="y">&#50;</fee:period></fee:command></fee:check></extension>"#,
    );
    let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let Some(FeeExtension::Check(check)) = request.extensions().fee() else {
        panic!()
    };
    assert_eq!(check.commands.first().unwrap().period.unwrap().value, 2);

    let doc = command(
        r#"<update><domain:update xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name></domain:update></update><extension>
<sync:update xmlns:sync="http://www.verisign.com/epp/sync-1.0"><sync:expMonthDay>&#45;-05-3&#49;</sync:expMonthDay></sync:update></extension>"#,
    );
    let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let day = request
        .extensions()
        .verisign_sync()
        .unwrap()
        .month_day()
        .unwrap();
    assert_eq!((day.month, day.day), (5, 31));
}

/// The schema's `##other` wildcards (the object element of `<check>`,
/// `<create>`, … `<transfer>`; each child of `<extension>`; the child of
/// `<authInfo><ext>`) take an element of some namespace other than the
/// schema's own: EPP's (eppcom's for `<ext>`) or no namespace is out of
/// place, 2001, naming the element at its offset.
#[test]
fn wildcards_refuse_elements_of_the_schema_namespace_or_none() {
    const DOMAIN: &str = r#"xmlns:d="urn:ietf:params:xml:ns:domain-1.0""#;
    let info_with_ext = |ext: &str| {
        command(&format!(
            r#"<info><d:info {DOMAIN}><d:name>example.com</d:name><d:authInfo><d:ext>{ext}</d:ext></d:authInfo></d:info></info>"#
        ))
    };
    let check_with_extension = |extension: &str| {
        command(&format!(
            r#"<check><d:check {DOMAIN}><d:name>example.com</d:name></d:check></check><extension>{extension}</extension>"#
        ))
    };
    let cases: Vec<(String, Option<&str>, &str, &str)> = vec![
        (
            command("<check><check/></check>"),
            Some(EPP),
            "check",
            "<check/>",
        ),
        (
            command(r#"<create><foo xmlns=""/></create>"#),
            None,
            "foo",
            "<foo",
        ),
        (
            command(r#"<info><x:info xmlns:x="urn:ietf:params:xml:ns:epp-1.0"/></info>"#),
            Some(EPP),
            "info",
            "<x:info",
        ),
        (
            command(r#"<transfer op="query"><domain/></transfer>"#),
            Some(EPP),
            "domain",
            "<domain/>",
        ),
        (
            command(r#"<update><update xmlns=""/></update>"#),
            None,
            "update",
            "<update xmlns",
        ),
        (check_with_extension("<foo/>"), Some(EPP), "foo", "<foo/>"),
        (
            check_with_extension(r#"<x:y xmlns:x="urn:example"/><bar xmlns=""/>"#),
            None,
            "bar",
            "<bar",
        ),
        (info_with_ext(r#"<foo xmlns=""/>"#), None, "foo", "<foo"),
        (
            info_with_ext(r#"<c:pw xmlns:c="urn:ietf:params:xml:ns:eppcom-1.0"/>"#),
            Some("urn:ietf:params:xml:ns:eppcom-1.0"),
            "pw",
            "<c:pw",
        ),
        (info_with_ext("<epp/>"), Some(EPP), "epp", "<epp/>"),
        (
            info_with_ext("<d:pw>x</d:pw>"),
            Some("urn:ietf:params:xml:ns:domain-1.0"),
            "pw",
            "<d:pw>x",
        ),
    ];
    for (doc, namespace, local, marker) in cases {
        let err = read_command(doc.as_bytes()).expect_err(&doc);
        assert_eq!(
            err.kind(),
            CommandErrorKind::UnexpectedElement,
            "{doc}: {err}"
        );
        assert_eq!(err.result_code().as_u16(), 2001, "{doc}");
        let element = err.element().unwrap();
        assert_eq!(element.local, local, "{doc}: {err}");
        match namespace {
            Some(uri) => assert!(element.namespace.eq_uri(uri), "{doc}: {err}"),
            None => assert_eq!(element.namespace, Namespace::None, "{doc}: {err}"),
        }
        assert_eq!(err.offset(), doc.find(marker).unwrap(), "{doc}: {err}");
    }
    // Any other namespace is welcome in each.
    let other = command(r#"<check><o:check xmlns:o="urn:example:obj"/></check>"#);
    let request = read_command(other.as_bytes()).unwrap();
    assert!(matches!(request.command(), Command::Other(_)));
    let doc = check_with_extension(r#"<x:y xmlns:x="urn:example"/>"#);
    assert_eq!(read_command(doc.as_bytes()).unwrap().extensions().len(), 1);
    let doc = info_with_ext(r#"<x:token xmlns:x="urn:example">t</x:token>"#);
    read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
}
