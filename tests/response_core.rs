//! Responses and greetings: every corpus greeting and response is read, and
//! the envelope's fields (results, msgQ, resData and extension children,
//! trID; the greeting's menu and policy) equal what roxmltree sees.

mod common;

use epp_codec::view::response::greeting::{Access, Expiry, Retention};
use epp_codec::view::{
    ResponseErrorKind, ResultCode, ServerMessage, Str, read_greeting, read_response,
    read_server_message,
};

const EPP: &str = "urn:ietf:params:xml:ns:epp-1.0";

fn s(v: Str<'_>) -> String {
    v.to_string()
}

fn kids<'a, 'i>(n: roxmltree::Node<'a, 'i>, local: &'a str) -> Vec<roxmltree::Node<'a, 'i>> {
    n.children()
        .filter(|c| {
            c.is_element() && c.tag_name().name() == local && c.tag_name().namespace() == Some(EPP)
        })
        .collect()
}

fn kid<'a, 'i>(n: roxmltree::Node<'a, 'i>, local: &'a str) -> Option<roxmltree::Node<'a, 'i>> {
    kids(n, local).into_iter().next()
}

/// Text of an element as roxmltree sees it (all descendant text, unescaped).
fn text_of(n: roxmltree::Node<'_, '_>) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .map(|d| d.text().unwrap_or(""))
        .collect()
}

fn elements(n: Option<roxmltree::Node<'_, '_>>) -> Vec<(String, String)> {
    n.map(|n| {
        n.children()
            .filter(roxmltree::Node::is_element)
            .map(|c| {
                (
                    c.tag_name().namespace().unwrap_or("").to_string(),
                    c.tag_name().name().to_string(),
                )
            })
            .collect()
    })
    .unwrap_or_default()
}

fn ns_string(ns: epp_codec::xml::Namespace<'_>) -> String {
    match ns {
        epp_codec::xml::Namespace::None => String::new(),
        epp_codec::xml::Namespace::Known(k) => k.uri().to_string(),
        epp_codec::xml::Namespace::Other(u) => u.to_string(),
    }
}

#[test]
fn every_corpus_response_reads_and_matches_roxmltree() {
    let messages: Vec<_> = common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "response")
        .collect();
    assert!(messages.len() >= 149);
    for m in &messages {
        let path = &m.path;
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        let resp_node = kid(doc.root_element(), "response").unwrap();
        let response = read_response(&m.bytes).unwrap_or_else(|e| panic!("{path}: {e}"));

        // Results.
        let result_nodes = kids(resp_node, "result");
        assert_eq!(response.results().len(), result_nodes.len(), "{path}");
        for (r, n) in response.results().iter().zip(&result_nodes) {
            let code: u16 = n.attribute("code").unwrap().parse().unwrap();
            assert_eq!(r.code().as_u16(), code, "{path}");
            let msg = kid(*n, "msg");
            assert_eq!(r.message().map(s), msg.map(text_of), "{path}");
            assert_eq!(
                r.message_lang().map(s).as_deref(),
                msg.and_then(|m| m.attribute("lang")),
                "{path}"
            );
            assert_eq!(r.values().len(), kids(*n, "value").len(), "{path}");
            for (v, vn) in r.values().iter().zip(kids(*n, "value")) {
                let inner = &text[vn.range()];
                assert!(inner.contains(v.content()), "{path}");
            }
            let ext_nodes = kids(*n, "extValue");
            assert_eq!(r.ext_values().len(), ext_nodes.len(), "{path}");
            for (e, en) in r.ext_values().iter().zip(ext_nodes) {
                let reason = kid(en, "reason");
                assert_eq!(e.reason().map(s), reason.map(text_of), "{path}");
                assert_eq!(
                    e.reason_lang().map(s).as_deref(),
                    reason.and_then(|r| r.attribute("lang")),
                    "{path}"
                );
                assert!(e.value().is_some(), "{path}");
            }
        }
        assert_eq!(
            response.code().as_u16(),
            result_nodes[0]
                .attribute("code")
                .unwrap()
                .parse::<u16>()
                .unwrap()
        );

        // msgQ.
        let q = kid(resp_node, "msgQ");
        assert_eq!(response.message_queue().is_some(), q.is_some(), "{path}");
        if let (Some(mq), Some(qn)) = (response.message_queue(), q) {
            assert_eq!(
                mq.count(),
                qn.attribute("count").map(|c| c.parse().unwrap()),
                "{path}"
            );
            assert_eq!(mq.id().map(s).as_deref(), qn.attribute("id"), "{path}");
            let qdate = kid(qn, "qDate").map(|d| text_of(d).trim().to_string());
            assert_eq!(mq.date_raw().map(s), qdate, "{path}");
            if qdate.is_some() {
                assert!(mq.date().is_some(), "{path}: qDate parses");
            }
            let msg = kid(qn, "msg");
            assert_eq!(mq.message().is_some(), msg.is_some(), "{path}");
            if let (Some(got), Some(mn)) = (mq.message(), msg) {
                let whole = &text[mn.range()];
                assert!(whole.contains(got), "{path}");
                if mn.children().all(|c| !c.is_element()) {
                    assert_eq!(mq.message_text().map(s), Some(text_of(mn)), "{path}");
                }
            }
        }

        // resData and extension children, with their namespaces.
        for (view, local) in [
            (response.res_data(), "resData"),
            (response.extensions(), "extension"),
        ] {
            let got: Vec<(String, String)> = view
                .iter()
                .map(|e| (ns_string(e.namespace()), e.local().to_string()))
                .collect();
            assert_eq!(got, elements(kid(resp_node, local)), "{path} {local}");
            for (e, n) in view.iter().zip(
                kid(resp_node, local)
                    .map(|n| {
                        n.children()
                            .filter(roxmltree::Node::is_element)
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default(),
            ) {
                assert_eq!(e.as_str(), &text[n.range()], "{path}");
            }
        }

        // trID.
        let tr = kid(resp_node, "trID").unwrap();
        assert_eq!(
            response.cl_trid().map(s),
            kid(tr, "clTRID").map(|c| text_of(c).trim().to_string()),
            "{path}"
        );
        assert_eq!(
            s(response.sv_trid()),
            text_of(kid(tr, "svTRID").unwrap()).trim(),
            "{path}"
        );
    }
}

#[test]
fn every_corpus_greeting_reads_and_matches_roxmltree() {
    let messages: Vec<_> = common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "greeting")
        .collect();
    assert_eq!(messages.len(), 2);
    for m in &messages {
        let path = &m.path;
        let doc = roxmltree::Document::parse(std::str::from_utf8(&m.bytes).unwrap()).unwrap();
        let g_node = kid(doc.root_element(), "greeting").unwrap();
        let g = read_greeting(&m.bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        let t = |n: Option<roxmltree::Node<'_, '_>>| n.map(|n| text_of(n).trim().to_string());
        assert_eq!(g.server_id().map(s), t(kid(g_node, "svID")), "{path}");
        assert_eq!(
            g.server_date_raw().map(s),
            t(kid(g_node, "svDate")),
            "{path}"
        );
        assert!(g.server_date().is_some(), "{path}");
        let menu = kid(g_node, "svcMenu").unwrap();
        let list = |n: roxmltree::Node<'_, '_>, local| {
            kids(n, local)
                .into_iter()
                .map(|c| text_of(c).trim().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            g.versions().iter().map(s).collect::<Vec<_>>(),
            list(menu, "version"),
            "{path}"
        );
        assert_eq!(
            g.langs().iter().map(s).collect::<Vec<_>>(),
            list(menu, "lang"),
            "{path}"
        );
        assert_eq!(
            g.object_uris().iter().map(s).collect::<Vec<_>>(),
            list(menu, "objURI"),
            "{path}"
        );
        let ext = kid(menu, "svcExtension")
            .map(|e| list(e, "extURI"))
            .unwrap_or_default();
        assert_eq!(
            g.extension_uris().iter().map(s).collect::<Vec<_>>(),
            ext,
            "{path}"
        );

        let dcp_node = kid(g_node, "dcp").unwrap();
        let dcp = g.dcp().unwrap();
        let first = |n: roxmltree::Node<'_, '_>| {
            n.children()
                .find(roxmltree::Node::is_element)
                .map(|c| c.tag_name().name().to_string())
        };
        let access = match dcp.access().unwrap() {
            Access::All => "all",
            Access::None => "none",
            Access::Null => "null",
            Access::Personal => "personal",
            Access::PersonalAndOther => "personalAndOther",
            Access::Other => "other",
            Access::Unknown(x) => x,
            _ => unreachable!(),
        };
        assert_eq!(
            Some(access.to_string()),
            first(kid(dcp_node, "access").unwrap()),
            "{path}"
        );
        let statements = kids(dcp_node, "statement");
        assert_eq!(dcp.statements().len(), statements.len(), "{path}");
        for (st, sn) in dcp.statements().iter().zip(statements) {
            let names = |local| {
                kid(sn, local)
                    .map(|n| {
                        n.children()
                            .filter(roxmltree::Node::is_element)
                            .map(|c| c.tag_name().name().to_string())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            };
            let p = st.purposes();
            let mut got = vec![];
            for (flag, name) in [
                (p.admin, "admin"),
                (p.contact, "contact"),
                (p.other, "other"),
                (p.provisioning, "prov"),
            ] {
                if flag {
                    got.push(name.to_string());
                }
            }
            let mut want = names("purpose");
            want.sort();
            assert_eq!(got, want, "{path}");
            let r = st.recipients();
            let mut got = vec![];
            for (flag, name) in [
                (r.other, "other"),
                (r.ours, "ours"),
                (r.public, "public"),
                (r.same, "same"),
                (r.unrelated, "unrelated"),
            ] {
                if flag {
                    got.push(name.to_string());
                }
            }
            let mut want = names("recipient");
            want.sort();
            assert_eq!(got, want, "{path}");
            let retention = match st.retention().unwrap() {
                Retention::Business => "business",
                Retention::Indefinite => "indefinite",
                Retention::Legal => "legal",
                Retention::None => "none",
                Retention::Stated => "stated",
                Retention::Unknown(x) => x,
                _ => unreachable!(),
            };
            assert_eq!(
                Some(retention.to_string()),
                first(kid(sn, "retention").unwrap()),
                "{path}"
            );
        }
        let expiry = kid(dcp_node, "expiry");
        match (dcp.expiry(), expiry) {
            (None, None) => {}
            (Some(Expiry::Relative(r)), Some(e)) => {
                assert_eq!(Some(s(r)), t(kid(e, "relative")), "{path}")
            }
            (Some(Expiry::Absolute(a)), Some(e)) => {
                assert_eq!(Some(s(a)), t(kid(e, "absolute")), "{path}")
            }
            (got, want) => panic!("{path}: expiry {got:?} vs {want:?}"),
        }
    }
}

fn response(body: &str) -> String {
    format!(r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>{body}</response></epp>"#)
}

const TRID: &str = "<trID><svTRID>S-1</svTRID></trID>";

#[test]
fn tolerant_of_what_registries_send() {
    let body = format!(
        r#"<!-- c --><result code="2999"><msg>odd</msg><x:y xmlns:x="urn:example"/></result>
        <foo:bar xmlns:foo="urn:example:foreign"/>stray text<msgQ count="x" id=" 7 "/>
        <resData><obj:infData xmlns:obj="urn:example:obj"><obj:roid>1234</obj:roid></obj:infData></resData>
        {TRID}"#
    );
    let doc = response(&body);
    let r = read_response(doc.as_bytes()).unwrap();
    assert_eq!(r.code(), ResultCode::Other(2999));
    assert_eq!(r.code().as_u16(), 2999);
    let q = r.message_queue().unwrap();
    assert_eq!(q.count(), None);
    assert_eq!(q.id().unwrap(), "7");
    let data = r.res_data().iter().next().unwrap();
    assert!(data.namespace().eq_uri("urn:example:obj"));
    assert_eq!(data.local(), "infData");
    assert!(r.cl_trid().is_none());
    assert_eq!(r.sv_trid(), "S-1");
}

#[test]
fn an_echoed_element_without_its_declaration_is_read() {
    let doc = response(&format!(
        r#"<result code="2303"><msg>Object does not exist</msg><value><domain:name>example.com</domain:name></value>
<extValue><value><obj:elem s:a="1">x</obj:elem></value><reason>no</reason></extValue></result>{TRID}"#
    ));
    let r = read_response(doc.as_bytes()).unwrap();
    let result = r.results().first().unwrap();
    assert_eq!(result.code(), ResultCode::ObjectDoesNotExist);
    assert_eq!(
        result.values().first().unwrap().content(),
        "<domain:name>example.com</domain:name>"
    );
    assert_eq!(result.ext_values().first().unwrap().reason().unwrap(), "no");
    // A command is still read strictly.
    let command = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check><d:check/></check></command></epp>"#;
    let err = epp_codec::view::read_command(command.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind(),
        epp_codec::view::CommandErrorKind::Xml(epp_codec::xml::XmlErrorKind::UnboundPrefix)
    );
}

#[test]
fn structural_errors() {
    let cases = [
        (
            response(TRID),
            ResponseErrorKind::MissingElement,
            Some("result"),
        ),
        (
            response(r#"<result code="1000"/>"#),
            ResponseErrorKind::MissingElement,
            Some("trID"),
        ),
        (
            response(r#"<result code="1000"/><trID><clTRID>x</clTRID></trID>"#),
            ResponseErrorKind::MissingElement,
            Some("svTRID"),
        ),
        (
            response(&format!(r#"<result code="10000"/>{TRID}"#)),
            ResponseErrorKind::InvalidResultCode,
            Some("result"),
        ),
        (
            response(&format!(r#"<result/>{TRID}"#)),
            ResponseErrorKind::InvalidResultCode,
            Some("result"),
        ),
        (
            "<epp xmlns=\"urn:x\"/>".to_string(),
            ResponseErrorKind::NotAServerMessage,
            Some("epp"),
        ),
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command/></epp>"#.to_string(),
            ResponseErrorKind::NotAServerMessage,
            Some("command"),
        ),
        (
            response("<result code=\"1000\">"),
            ResponseErrorKind::Xml(epp_codec::xml::XmlErrorKind::MismatchedEndTag),
            None,
        ),
    ];
    for (doc, kind, element) in cases {
        let err = read_response(doc.as_bytes()).expect_err(&doc);
        assert_eq!(err.kind(), kind, "{doc}: {err}");
        assert_eq!(err.element().map(|e| e.local), element, "{doc}");
        assert!(err.offset() <= doc.len());
    }
    let greeting = std::fs::read(common::corpus_dir().join("rfc/5730/002-S-s2.4.xml")).unwrap();
    assert!(matches!(
        read_server_message(&greeting),
        Ok(ServerMessage::Greeting(_))
    ));
    assert_eq!(
        read_response(&greeting).unwrap_err().kind(),
        ResponseErrorKind::NotAServerMessage
    );
}
