//! Contact commands (RFC 5733): every corpus contact command read and
//! compared field by field with an independent roxmltree walk; and the
//! strict errors with their codes, elements, attributes and offsets.

mod common;

use epp_codec::view::command::contact::{
    Address, ContactStatus, Disclose, Phone, PostalInfo, PostalInfoType,
};
use epp_codec::view::{
    AuthInfo, Command, ContactCommand, E164, List, ResultCode, Str, read_command,
};

const CONTACT: &str = "urn:ietf:params:xml:ns:contact-1.0";

type Node<'a, 'i> = roxmltree::Node<'a, 'i>;

/// Every corpus command whose object namespace is contact (valid or not:
/// the AFNIC ones are invalid only for their extension).
fn contact_commands() -> Vec<String> {
    let manifest = std::fs::read_to_string(common::corpus_dir().join("MANIFEST.tsv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let (path, kind, obj) = (col("path"), col("kind"), col("obj_ns"));
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[kind] == "command" && f[obj] == CONTACT)
        .map(|f| f[path].to_string())
        .collect()
}

fn s(v: Str<'_>) -> String {
    v.to_string()
}

fn kids<'a, 'i>(n: Node<'a, 'i>, local: &'a str) -> Vec<Node<'a, 'i>> {
    n.children()
        .filter(|c| {
            c.is_element()
                && c.tag_name().name() == local
                && c.tag_name().namespace() == Some(CONTACT)
        })
        .collect()
}

fn kid<'a, 'i>(n: Node<'a, 'i>, local: &'a str) -> Option<Node<'a, 'i>> {
    kids(n, local).into_iter().next()
}

/// Element text as roxmltree reads it, untrimmed (normalizedString).
fn raw_text(n: Node<'_, '_>) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .map(|d| d.text().unwrap_or(""))
        .collect()
}

fn token_text(n: Node<'_, '_>) -> String {
    raw_text(n).trim().to_string()
}

fn compare_auth(view: Option<AuthInfo<'_>>, node: Option<Node<'_, '_>>, path: &str) {
    match (view, node) {
        (None, None) => {}
        (Some(AuthInfo::Password { password, roid }), Some(n)) => {
            let pw = kid(n, "pw").unwrap();
            assert_eq!(s(password), raw_text(pw), "{path}");
            assert_eq!(roid.map(s).as_deref(), pw.attribute("roid"), "{path}");
        }
        (Some(AuthInfo::Ext(raw)), Some(n)) => {
            let ext = kid(n, "ext").unwrap();
            let inner = ext.children().find(Node::is_element).unwrap();
            assert_eq!(raw.local(), inner.tag_name().name(), "{path}");
        }
        (v, n) => panic!("{path}: authInfo {v:?} vs {:?}", n.map(|n| n.range())),
    }
}

fn compare_phone(view: Option<Phone<'_>>, node: Option<Node<'_, '_>>, path: &str) {
    assert_eq!(view.is_some(), node.is_some(), "{path}");
    if let (Some(p), Some(n)) = (view, node) {
        assert_eq!(s(p.number()), token_text(n), "{path}");
        assert_eq!(p.extension().map(s).as_deref(), n.attribute("x"), "{path}");
        if let Some(e) = p.e164() {
            assert_eq!(
                format!("+{}.{}", e.country_code, e.number),
                token_text(n),
                "{path}"
            );
        } else {
            assert!(token_text(n).is_empty(), "{path}");
        }
    }
}

fn compare_address(a: Address<'_>, n: Node<'_, '_>, path: &str) {
    let streets: Vec<String> = a.streets().iter().map(|st| s(st.0)).collect();
    let want: Vec<String> = kids(n, "street").into_iter().map(raw_text).collect();
    assert_eq!(streets, want, "{path}");
    assert_eq!(s(a.city()), raw_text(kid(n, "city").unwrap()), "{path}");
    assert_eq!(
        a.state_province().map(s),
        kid(n, "sp").map(raw_text),
        "{path}"
    );
    assert_eq!(
        a.postal_code().map(s),
        kid(n, "pc").map(token_text),
        "{path}"
    );
    assert_eq!(
        s(a.country_code()),
        token_text(kid(n, "cc").unwrap()),
        "{path}"
    );
}

fn compare_postal(view: List<'_, PostalInfo<'_>>, nodes: Vec<Node<'_, '_>>, path: &str) {
    assert_eq!(view.len(), nodes.len(), "{path}");
    for (p, n) in view.iter().zip(nodes) {
        assert_eq!(
            p.info_type().as_str(),
            n.attribute("type").unwrap(),
            "{path}"
        );
        assert_eq!(p.name().map(s), kid(n, "name").map(raw_text), "{path}");
        assert_eq!(p.org().map(s), kid(n, "org").map(raw_text), "{path}");
        assert_eq!(p.address().is_some(), kid(n, "addr").is_some(), "{path}");
        if let (Some(a), Some(an)) = (p.address(), kid(n, "addr")) {
            compare_address(a, an, path);
        }
    }
}

fn compare_disclose(view: Option<Disclose>, node: Option<Node<'_, '_>>, path: &str) {
    assert_eq!(view.is_some(), node.is_some(), "{path}");
    let (Some(d), Some(n)) = (view, node) else {
        return;
    };
    let flag = n.attribute("flag").unwrap();
    assert_eq!(d.flag, flag == "1" || flag == "true", "{path}");
    for (forms, local) in [(d.name, "name"), (d.org, "org"), (d.addr, "addr")] {
        let types: Vec<&str> = kids(n, local)
            .iter()
            .filter_map(|k| k.attribute("type"))
            .collect();
        assert_eq!(forms.int, types.contains(&"int"), "{path} {local}");
        assert_eq!(forms.loc, types.contains(&"loc"), "{path} {local}");
    }
    assert_eq!(d.voice, kid(n, "voice").is_some(), "{path}");
    assert_eq!(d.fax, kid(n, "fax").is_some(), "{path}");
    assert_eq!(d.email, kid(n, "email").is_some(), "{path}");
}

#[test]
fn every_corpus_contact_command_matches_roxmltree() {
    let files = contact_commands();
    assert!(files.len() >= 17, "{} contact commands", files.len());
    for path in &files {
        let bytes = std::fs::read(common::corpus_dir().join(path)).unwrap();
        let doc = roxmltree::Document::parse(std::str::from_utf8(&bytes).unwrap()).unwrap();
        let object = doc
            .descendants()
            .find(|n| n.is_element() && n.tag_name().namespace() == Some(CONTACT))
            .unwrap();
        let request = read_command(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        let Command::Contact(command) = request.command() else {
            panic!("{path}")
        };
        let id = kid(object, "id").map(token_text);
        match (command, object.tag_name().name()) {
            (ContactCommand::Check(c), "check") => {
                let got: Vec<String> = c.ids().iter().map(s).collect();
                let want: Vec<String> = kids(object, "id").into_iter().map(token_text).collect();
                assert_eq!(got, want, "{path}");
            }
            (ContactCommand::Info(c), "info")
            | (ContactCommand::Transfer { transfer: c, .. }, "transfer") => {
                assert_eq!(Some(s(c.id())), id, "{path}");
                compare_auth(c.auth_info(), kid(object, "authInfo"), path);
            }
            (ContactCommand::Delete(c), "delete") => assert_eq!(Some(s(c.id())), id, "{path}"),
            (ContactCommand::Create(c), "create") => {
                assert_eq!(Some(s(c.id())), id, "{path}");
                compare_postal(c.postal_infos(), kids(object, "postalInfo"), path);
                compare_phone(c.voice(), kid(object, "voice"), path);
                compare_phone(c.fax(), kid(object, "fax"), path);
                assert_eq!(
                    Some(s(c.email())),
                    kid(object, "email").map(token_text),
                    "{path}"
                );
                compare_auth(Some(c.auth_info()), kid(object, "authInfo"), path);
                compare_disclose(c.disclose(), kid(object, "disclose"), path);
            }
            (ContactCommand::Update(u), "update") => {
                assert_eq!(Some(s(u.id())), id, "{path}");
                for (view, local) in [(u.add(), "add"), (u.remove(), "rem")] {
                    let node = kid(object, local);
                    assert_eq!(view.is_some(), node.is_some(), "{path}");
                    let (Some(view), Some(node)) = (view, node) else {
                        continue;
                    };
                    let statuses = kids(node, "status");
                    assert_eq!(view.len(), statuses.len(), "{path}");
                    for (st, n) in view.iter().zip(statuses) {
                        assert_eq!(st.value().as_str(), n.attribute("s").unwrap(), "{path}");
                        assert_eq!(s(st.raw()), n.attribute("s").unwrap(), "{path}");
                        assert_eq!(st.lang().map(s).as_deref(), n.attribute("lang"), "{path}");
                        assert_eq!(s(st.text()), raw_text(n), "{path}");
                    }
                }
                let chg = kid(object, "chg");
                assert_eq!(u.change().is_some(), chg.is_some(), "{path}");
                if let (Some(c), Some(n)) = (u.change(), chg) {
                    compare_postal(c.postal_infos(), kids(n, "postalInfo"), path);
                    compare_phone(c.voice(), kid(n, "voice"), path);
                    compare_phone(c.fax(), kid(n, "fax"), path);
                    assert_eq!(c.email().map(s), kid(n, "email").map(token_text), "{path}");
                    compare_auth(c.auth_info(), kid(n, "authInfo"), path);
                    compare_disclose(c.disclose(), kid(n, "disclose"), path);
                }
            }
            (other, local) => panic!("{path}: read {other:?} for <{local}>"),
        }
    }
}

fn create(body: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create><c:create xmlns:c="urn:ietf:params:xml:ns:contact-1.0">{body}</c:create></create></command></epp>"#
    )
}

const POSTAL: &str = r#"<c:postalInfo type="int"><c:name>J</c:name><c:addr><c:city>D</c:city><c:cc>US</c:cc></c:addr></c:postalInfo>"#;
const TAIL: &str = "<c:email>a@b</c:email><c:authInfo><c:pw>2fooBAR</c:pw></c:authInfo>";

#[test]
fn default_namespace_escapes_and_typed_values() {
    let doc = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><update>
<update xmlns="urn:ietf:params:xml:ns:contact-1.0"><id> sh8013 </id>
<add><status s="clientDeleteProhibited" lang="fr">non &amp; non</status></add>
<chg><postalInfo type="loc"><org/></postalInfo><voice/><disclose flag="0"><name type="loc"/><voice/></disclose></chg>
</update></update></command></epp>"#;
    let request = read_command(doc.as_bytes()).unwrap();
    let Command::Contact(ContactCommand::Update(u)) = request.command() else {
        panic!()
    };
    assert_eq!(u.id(), "sh8013");
    let status = u.add().unwrap().first().unwrap();
    assert_eq!(status.value(), ContactStatus::ClientDeleteProhibited);
    assert!(status.value().is_client_settable());
    assert_eq!(status.text(), "non & non");
    let chg = u.change().unwrap();
    let p = chg.postal_infos().first().unwrap();
    assert_eq!(p.info_type(), PostalInfoType::Loc);
    assert!(p.name().is_none() && p.address().is_none());
    assert_eq!(p.org().unwrap(), "");
    assert!(chg.voice().unwrap().e164().is_none());
    let d = chg.disclose().unwrap();
    assert!(!d.flag && d.name.loc && !d.name.int && d.voice && !d.email);
}

#[test]
fn strict_errors_name_the_element_and_the_offset() {
    let long = "x".repeat(256);
    let five_postal = format!(
        "<c:id>abc</c:id>{POSTAL}{}{TAIL}",
        POSTAL.replace("int", "loc").repeat(2)
    );
    let cases: Vec<(String, ResultCode, &str, Option<&str>, String)> = vec![
        (format!("{POSTAL}{TAIL}"), ResultCode::RequiredParameterMissing, "id", None, "<c:postalInfo".into()),
        (
            format!("<c:id>abc</c:id>{}{TAIL}", POSTAL.replace("<c:city>D</c:city>", "")),
            ResultCode::RequiredParameterMissing,
            "city",
            None,
            "<c:cc>".into(),
        ),
        (
            format!("<c:id>abc</c:id>{}{TAIL}", POSTAL.replace("<c:cc>US</c:cc>", "")),
            ResultCode::RequiredParameterMissing,
            "cc",
            None,
            "</c:addr>".into(),
        ),
        (format!("<c:id>{}</c:id>{POSTAL}{TAIL}", "a".repeat(17)), ResultCode::ParameterValueRangeError, "id", None, "aaaa".into()),
        (
            format!("<c:id>abc</c:id>{}{TAIL}", POSTAL.replace(">US<", ">USA<")),
            ResultCode::ParameterValueRangeError,
            "cc",
            None,
            "USA".into(),
        ),
        // ISO 3166 alpha-2: two capital letters.
        (
            format!("<c:id>abc</c:id>{}{TAIL}", POSTAL.replace(">US<", ">us<")),
            ResultCode::ParameterValueSyntaxError,
            "cc",
            None,
            "us<".into(),
        ),
        (
            format!("<c:id>abc</c:id>{}{TAIL}", POSTAL.replace(">US<", "> U1 <")),
            ResultCode::ParameterValueSyntaxError,
            "cc",
            None,
            "U1 <".into(),
        ),
        (
            format!("<c:id>abc</c:id>{}{TAIL}", POSTAL.replace(">US<", ">&#85;&#xE9;<")),
            ResultCode::ParameterValueSyntaxError,
            "cc",
            None,
            "&#85;&#xE9;".into(),
        ),
        (
            format!("<c:id>abc</c:id>{}{TAIL}", POSTAL.replace(">US<", ">É1<")),
            ResultCode::ParameterValueSyntaxError,
            "cc",
            None,
            "É1".into(),
        ),
        (
            format!("<c:id>abc</c:id>{}{TAIL}", POSTAL.replace("<c:city>", &format!("<c:street>{long}</c:street><c:city>"))),
            ResultCode::ParameterValueRangeError,
            "street",
            None,
            long.clone(),
        ),
        (
            format!("<c:id>abc</c:id>{POSTAL}<c:voice>1.703</c:voice>{TAIL}"),
            ResultCode::ParameterValueSyntaxError,
            "voice",
            None,
            "1.703".into(),
        ),
        (
            format!("<c:id>abc</c:id>{POSTAL}<c:voice>+1.7035555555555555</c:voice>{TAIL}"),
            ResultCode::ParameterValueRangeError,
            "voice",
            None,
            "+1.70355".into(),
        ),
        (
            format!("<c:id>abc</c:id>{}{TAIL}", POSTAL.replace("\"int\"", "\"intl\"")),
            ResultCode::ParameterValueSyntaxError,
            "postalInfo",
            Some("type"),
            "intl".into(),
        ),
        (
            format!("<c:id>abc</c:id>{POSTAL}{TAIL}<c:disclose flag=\"maybe\"/>"),
            ResultCode::ParameterValueSyntaxError,
            "disclose",
            Some("flag"),
            "maybe".into(),
        ),
        (five_postal, ResultCode::ParameterValueRangeError, "postalInfo", None, "<c:postalInfo type=\"loc\"><c:name>J</c:name><c:addr><c:city>D</c:city><c:cc>US</c:cc></c:addr></c:postalInfo><c:email".into()),
        (
            format!("<c:id>abc</c:id>{POSTAL}{POSTAL}{TAIL}"),
            ResultCode::ParameterValueSyntaxError,
            "postalInfo",
            Some("type"),
            "int\"><c:name>J</c:name><c:addr><c:city>D</c:city><c:cc>US</c:cc></c:addr></c:postalInfo><c:email".into(),
        ),
        (
            format!(
                "<c:id>abc</c:id>{}{TAIL}",
                POSTAL.replace("<c:city>", &format!("{}<c:city>", "<c:street>s</c:street>".repeat(4)))
            ),
            ResultCode::ParameterValueRangeError,
            "street",
            None,
            "<c:street>s</c:street><c:city>".into(),
        ),
        (
            format!("<c:id>abc</c:id>{TAIL}{POSTAL}"),
            ResultCode::CommandSyntaxError,
            "email",
            None,
            "<c:email>".into(),
        ),
        (
            format!("<c:id>abc</c:id><x:y xmlns:x=\"urn:example\"/>{POSTAL}{TAIL}"),
            ResultCode::CommandSyntaxError,
            "y",
            None,
            "<x:y".into(),
        ),
    ];
    for (body, code, element, attribute, marker) in cases {
        let doc = create(&body);
        let err = read_command(doc.as_bytes()).expect_err(&body);
        assert_eq!(err.result_code(), code, "{body}: {err}");
        assert_eq!(
            err.element().map_or("", |e| e.local),
            element,
            "{body}: {err}"
        );
        assert_eq!(err.attribute(), attribute, "{body}: {err}");
        let at = doc
            .find(&marker)
            .unwrap_or_else(|| panic!("marker {marker} in {doc}"));
        assert_eq!(err.offset(), at, "{body}: {err}");
    }
}

/// A phone number, a status language and a `roid` written with references
/// or in CDATA are checked on the value they stand for.
#[test]
fn escaped_and_cdata_values_match_their_patterns() {
    for voice in [
        "&#43;1.7035555555",
        "+1&#x2E;7035555555",
        "<![CDATA[+1.7035555555]]>",
        "+1.<![CDATA[703]]>5555555",
        "&#32;+1.7035555555&#9;",
    ] {
        let doc = create(&format!(
            "<c:id>abc</c:id>{POSTAL}<c:voice x=\"12\">{voice}</c:voice><c:fax>{voice}</c:fax>{TAIL}"
        ));
        let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
        let Command::Contact(ContactCommand::Create(c)) = request.command() else {
            panic!()
        };
        let number = c.voice().unwrap().number();
        assert!(number.has_escapes(), "{doc}");
        // `e164()` borrows its parts from the message, so it has none to
        // give for an escaped number; parsing the decoded text works.
        assert!(c.voice().unwrap().e164().is_none(), "{doc}");
        let decoded = number.to_string();
        let parsed = E164::parse(decoded.trim()).unwrap();
        assert_eq!((parsed.country_code, parsed.number), ("1", "7035555555"));
        assert_eq!(c.fax().unwrap().number(), number);
    }
    for (voice, code) in [
        ("&#43;1&#46;", ResultCode::ParameterValueSyntaxError),
        (
            "<![CDATA[1.7035555555]]>",
            ResultCode::ParameterValueSyntaxError,
        ),
        (
            "&#43;1.70355&#32;55555",
            ResultCode::ParameterValueSyntaxError,
        ),
        (
            "&#43;1.70355555555555555",
            ResultCode::ParameterValueRangeError,
        ),
    ] {
        let doc = create(&format!(
            "<c:id>abc</c:id>{POSTAL}<c:voice>{voice}</c:voice>{TAIL}"
        ));
        let err = read_command(doc.as_bytes()).expect_err(&doc);
        assert_eq!(err.result_code(), code, "{doc}: {err}");
        assert_eq!(err.element().map(|e| e.local), Some("voice"), "{doc}");
        assert_eq!(err.offset(), doc.find(voice).unwrap(), "{doc}: {err}");
    }

    let update = |status: &str| {
        format!(
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><update><c:update xmlns:c="urn:ietf:params:xml:ns:contact-1.0"><c:id>abc</c:id><c:add>{status}</c:add></c:update></update></command></epp>"#
        )
    };
    let doc = update(r#"<c:status s="clientDeleteProhibited" lang="&#101;n">x</c:status>"#);
    let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let Command::Contact(ContactCommand::Update(u)) = request.command() else {
        panic!()
    };
    assert_eq!(u.add().unwrap().first().unwrap().lang().unwrap(), "en");
    let doc = update(r#"<c:status s="clientDeleteProhibited" lang="e&#95;n">x</c:status>"#);
    let err = read_command(doc.as_bytes()).expect_err(&doc);
    assert_eq!(err.result_code(), ResultCode::ParameterValueSyntaxError);
    assert_eq!(err.attribute(), Some("lang"));
    assert_eq!(err.offset(), doc.find("e&#95;n").unwrap());

    // `roid` (`(\w|_){1,80}-\w{1,8}`) on a contact password.
    let auth = |roid: &str| {
        create(&format!(
            "<c:id>abc</c:id>{POSTAL}<c:email>a@b</c:email><c:authInfo><c:pw roid=\"{roid}\">2fooBAR</c:pw></c:authInfo>"
        ))
    };
    for (roid, value) in [
        ("SH8013&#45;REP", "SH8013-REP"),
        ("&#83;H8013-REP", "SH8013-REP"),
        ("SH_8013-REP", "SH_8013-REP"),
        // `\w` holds the ASCII symbols (Unicode category S) too.
        ("SH$+8013-R|EP", "SH$+8013-R|EP"),
        ("SH&lt;8013&gt;-R~EP", "SH<8013>-R~EP"),
        ("Éric-RÉP", "Éric-RÉP"),
    ] {
        let doc = auth(roid);
        let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
        let Command::Contact(ContactCommand::Create(c)) = request.command() else {
            panic!()
        };
        let AuthInfo::Password { roid, .. } = c.auth_info() else {
            panic!()
        };
        assert_eq!(roid.unwrap(), value);
    }
    for roid in [
        "SH8013&#45;&#45;REP",
        "SH8013&#45;",
        "&#45;REP",
        "SH8013-RE_P",
        "SH.8013-REP",
        "SH8013-REPOSITOR",
        "SH8013&#32;X-REP",
    ] {
        let doc = auth(roid);
        let err = read_command(doc.as_bytes()).expect_err(&doc);
        assert_eq!(
            err.result_code(),
            ResultCode::ParameterValueSyntaxError,
            "{doc}"
        );
        assert_eq!(err.attribute(), Some("roid"), "{doc}");
        assert_eq!(err.offset(), doc.find(roid).unwrap(), "{doc}");
    }
    let long_id = format!("{}-REP", "a".repeat(80));
    assert!(read_command(auth(&long_id).as_bytes()).is_ok());
    let too_long_id = format!("{}-REP", "a".repeat(81));
    assert!(read_command(auth(&too_long_id).as_bytes()).is_err());
}

/// A country code written with a reference or in CDATA is checked on the
/// letters it stands for.
#[test]
fn escaped_country_codes_are_two_capital_letters() {
    for cc in ["&#85;S", "<![CDATA[FR]]>", " D&#x45; "] {
        let doc = create(&format!(
            "<c:id>abc</c:id>{}{TAIL}",
            POSTAL.replace(">US<", &format!(">{cc}<"))
        ));
        let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
        let Command::Contact(ContactCommand::Create(c)) = request.command() else {
            panic!()
        };
        let code = c
            .postal_infos()
            .first()
            .unwrap()
            .address()
            .unwrap()
            .country_code();
        assert_eq!(code.to_string().len(), 2, "{doc}");
    }
}

/// In `<contact:disclose>`, `<voice>`, `<fax>` and `<email>` have no type
/// in contact-1.0.xsd (so `anyType`: any attributes and content), while
/// `<name>`, `<org>` and `<addr>` are empty with a required `type`.
#[test]
fn disclose_voice_fax_and_email_take_any_content() {
    let disclose = |inner: &str| {
        create(&format!(
            "<c:id>abc</c:id>{POSTAL}{TAIL}<c:disclose flag=\"1\">{inner}</c:disclose>"
        ))
    };
    let doc = disclose(
        r#"<c:voice type="int">+1.7035555555</c:voice><c:fax><x:why xmlns:x="urn:example"><x:a/>text</x:why></c:fax><c:email x:any="1" xmlns:x="urn:example"> <!-- c --> </c:email>"#,
    );
    let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let Command::Contact(ContactCommand::Create(c)) = request.command() else {
        panic!()
    };
    let d = c.disclose().unwrap();
    assert!(d.flag && d.voice && d.fax && d.email);
    assert!(!d.name.int && !d.name.loc && !d.org.int && !d.addr.loc);
    let doc = disclose(r#"<c:fax><c:fax/></c:fax>"#);
    let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let Command::Contact(ContactCommand::Create(c)) = request.command() else {
        panic!()
    };
    let d = c.disclose().unwrap();
    assert!(d.fax && !d.voice && !d.email);
    // Still in schema order, each at most once.
    for (inner, element, marker) in [
        ("<c:email/><c:voice/>", "voice", "<c:voice/>"),
        ("<c:voice>1</c:voice><c:voice/>", "voice", "<c:voice/>"),
        // name, org and addr stay empty, with their type.
        (r#"<c:name type="int">x</c:name>"#, "name", "x</c:name>"),
        (r#"<c:org type="loc"><c:b/></c:org>"#, "b", "<c:b/>"),
        (r#"<c:addr type="int" y="1"/>"#, "addr", "y="),
    ] {
        let doc = disclose(inner);
        let err = read_command(doc.as_bytes()).expect_err(&doc);
        assert_eq!(
            err.result_code(),
            ResultCode::CommandSyntaxError,
            "{doc}: {err}"
        );
        assert_eq!(err.element().unwrap().local, element, "{doc}: {err}");
        assert_eq!(err.offset(), doc.find(marker).unwrap(), "{doc}: {err}");
    }
}
