//! b-dn (RFC 9095): the RFC's create command and its responses read with
//! the bundle typed and compared with roxmltree, strict errors in the
//! create, tolerance in responses, and every example rebuilt by hand.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::{Extension, Extensions};
use epp_codec::view::ext::{Bundle, BundleDataKind, BundledName, Bundling};
use epp_codec::view::{
    Command, DomainCommand, RawElement, Request, ResultCode, read_command, read_response,
};
use epp_codec::write::{ResData, ResponseData, ResultData, WriteOptions, to_vec};

const BDN: &str = "urn:ietf:params:xml:ns:epp:b-dn";

fn rox_name(n: roxmltree::Node<'_, '_>) -> String {
    format!(
        "{} {:?}",
        n.text().unwrap_or("").trim(),
        n.attribute("uLabel")
    )
}

fn our_name(n: &BundledName<'_>) -> String {
    format!(
        "{} {:?}",
        n.name,
        n.u_label.map(|u| u.to_string()).as_deref()
    )
}

fn rox_bundle(data: roxmltree::Node<'_, '_>) -> Vec<String> {
    let bundle = data
        .children()
        .find(|c| c.is_element() && c.tag_name().name() == "bundle")
        .unwrap();
    bundle
        .children()
        .filter(|c| c.is_element())
        .map(|c| format!("{} {}", c.tag_name().name(), rox_name(c)))
        .collect()
}

fn our_bundle(bundle: &Bundle<'_>) -> Vec<String> {
    std::iter::once(format!("rdn {}", our_name(&bundle.rdn)))
        .chain(bundle.bdns.iter().map(|b| format!("bdn {}", our_name(&b))))
        .collect()
}

fn examples() -> Vec<common::CorpusMessage> {
    common::corpus_messages()
        .into_iter()
        .filter(|m| m.path.contains("9095"))
        .collect()
}

#[test]
fn the_rfc_examples_read_typed() {
    let mut seen = 0;
    for m in examples() {
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        let Some(node) = doc
            .descendants()
            .find(|n| n.tag_name().namespace() == Some(BDN))
        else {
            // The check response: nothing of the extension.
            assert!(
                read_response(&m.bytes)
                    .unwrap()
                    .extensions()
                    .bundling()
                    .is_none()
            );
            continue;
        };
        let bundling = if let Ok(request) = read_command(&m.bytes) {
            assert!(matches!(
                request.command(),
                Command::Domain(DomainCommand::Create(_))
            ));
            request.extensions().bundling()
        } else {
            read_response(&m.bytes)
                .unwrap_or_else(|e| panic!("{}: {e}", m.path))
                .extensions()
                .bundling()
        };
        match bundling.unwrap_or_else(|| panic!("{}: no b-dn", m.path)) {
            Bundling::Create(rdn) => {
                assert_eq!(node.tag_name().name(), "create");
                let rox = node.children().find(|c| c.is_element()).map(rox_name);
                assert_eq!(rdn.as_ref().map(our_name), rox, "{}", m.path);
            }
            Bundling::Data(kind, bundle) => {
                assert_eq!(kind.as_str(), node.tag_name().name(), "{}", m.path);
                assert_eq!(our_bundle(&bundle), rox_bundle(node), "{}", m.path);
                assert_eq!(bundle.bdns.len(), 1);
            }
        }
        seen += 1;
    }
    // The create and the info, create, delete, renew, transfer and update responses.
    assert_eq!(seen, 7);
}

fn create_with(extension: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create><domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
      <domain:name>xn--fsq270a.example</domain:name><domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo></domain:create></create>
      <extension>{extension}</extension></command></epp>"#
    )
}

fn b_dn(local: &str, content: &str) -> String {
    format!(r#"<b-dn:{local} xmlns:b-dn="{BDN}">{content}</b-dn:{local}>"#)
}

#[test]
fn the_create_is_read_strictly() {
    for ok in [
        b_dn("create", ""),
        b_dn("create", "<b-dn:rdn>example.com</b-dn:rdn>"),
        b_dn(
            "create",
            r#"<b-dn:rdn uLabel="&#x5B9E;&#x4F8B;.example">xn--fsq270a.example</b-dn:rdn>"#,
        ),
    ] {
        read_command(create_with(&ok).as_bytes()).unwrap_or_else(|e| panic!("{ok}: {e}"));
    }
    let long = "a".repeat(256);
    let update = format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><update><domain:update xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
      <domain:name>xn--fsq270a.example</domain:name><domain:chg><domain:registrant>123</domain:registrant></domain:chg></domain:update></update>
      <extension>{}</extension></command></epp>"#,
        b_dn("create", "<b-dn:rdn>example.com</b-dn:rdn>")
    );
    for (payload, code, element, attribute) in [
        (
            create_with(&b_dn("create", "<b-dn:rdn></b-dn:rdn>")),
            ResultCode::ParameterValueRangeError,
            "rdn",
            None,
        ),
        (
            create_with(&b_dn("create", &format!("<b-dn:rdn>{long}</b-dn:rdn>"))),
            ResultCode::ParameterValueRangeError,
            "rdn",
            None,
        ),
        (
            create_with(&b_dn(
                "create",
                r#"<b-dn:rdn uLabel="">example.com</b-dn:rdn>"#,
            )),
            ResultCode::ParameterValueRangeError,
            "rdn",
            Some("uLabel"),
        ),
        (
            create_with(&b_dn(
                "create",
                r#"<b-dn:rdn aLabel="x">example.com</b-dn:rdn>"#,
            )),
            ResultCode::CommandSyntaxError,
            "rdn",
            Some("aLabel"),
        ),
        (
            create_with(&b_dn(
                "create",
                "<b-dn:rdn>example.com</b-dn:rdn><b-dn:rdn>example.net</b-dn:rdn>",
            )),
            ResultCode::CommandSyntaxError,
            "rdn",
            None,
        ),
        (
            create_with(&b_dn("create", "<b-dn:bdn>example.com</b-dn:bdn>")),
            ResultCode::CommandSyntaxError,
            "bdn",
            None,
        ),
        (
            create_with(&b_dn(
                "infData",
                "<b-dn:bundle><b-dn:rdn>example.com</b-dn:rdn></b-dn:bundle>",
            )),
            ResultCode::CommandSyntaxError,
            "infData",
            None,
        ),
        (update, ResultCode::CommandSyntaxError, "create", None),
    ] {
        let err = read_command(payload.as_bytes()).expect_err(&payload);
        assert_eq!(err.result_code(), code, "{payload}: {err}");
        let name = err.element().unwrap();
        assert!(name.namespace.eq_uri(BDN), "{payload}: {err}");
        assert_eq!(name.local, element, "{payload}: {err}");
        assert_eq!(err.attribute(), attribute, "{payload}: {err}");
    }
}

fn response_with(extension: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>ok</msg></result>
      <extension>{extension}</extension><trID><svTRID>1</svTRID></trID></response></epp>"#
    )
}

#[test]
fn responses_are_read_tolerantly() {
    let odd = response_with(&b_dn(
        "upData",
        r#"<x:a xmlns:x="urn:example:x"/><b-dn:bundle><b-dn:bdn>b.example</b-dn:bdn><x:b xmlns:x="urn:example:x"/><b-dn:bdn uLabel="c">c.example</b-dn:bdn></b-dn:bundle>"#,
    ));
    let response = read_response(odd.as_bytes()).unwrap();
    let Some(Bundling::Data(BundleDataKind::Update, bundle)) = response.extensions().bundling()
    else {
        panic!()
    };
    // No RDN: an empty one.
    assert!(bundle.rdn.name.is_empty() && bundle.rdn.u_label.is_none());
    assert_eq!(
        our_bundle(&bundle)[1..],
        ["bdn b.example None", "bdn c.example Some(\"c\")"]
    );
    // Unknown elements of the namespace, or data without a bundle, are not typed.
    for unknown in [
        b_dn("chkData", "<b-dn:bundle/>"),
        b_dn("infData", "<b-dn:rdn>a.example</b-dn:rdn>"),
    ] {
        let payload = response_with(&unknown);
        let response = read_response(payload.as_bytes()).unwrap();
        assert_eq!(response.extensions().bundling(), None, "{unknown}");
    }
}

#[test]
fn the_rfc_examples_rebuilt_by_hand() {
    let rdn = BundledName::new("xn--fsq270a.example", Some("实例.example"));
    let bdns = [BundledName::new(
        "xn--fsqz41a.example",
        Some("實例.example"),
    )];
    let options = WriteOptions::new().indent(2);
    let mut rebuilt = 0;
    for m in examples() {
        let original = std::str::from_utf8(&m.bytes).unwrap();
        let written = if let Ok(read) = read_command(&m.bytes) {
            // The domain create as read; the extension built by hand.
            let ext = [Extension::Bundling(Bundling::Create(Some(rdn)))];
            let request = Request::new(*read.command())
                .with_extensions(Extensions::from_typed(&ext))
                .with_cl_trid("ABC-12345");
            to_vec(&request, &options).unwrap()
        } else {
            let read = read_response(&m.bytes).unwrap();
            let Some(Bundling::Data(kind, _)) = read.extensions().bundling() else {
                continue;
            };
            let ext = [Extension::Bundling(Bundling::Data(
                kind,
                Bundle::new(rdn, &bdns),
            ))];
            let domain: Vec<RawElement<'_>> = read.res_data().iter().collect();
            let results = [ResultData::new(read.code())];
            let mut response = ResponseData::new(&results, "54322-XYZ")
                .with_extensions(Extensions::from_typed(&ext));
            if !domain.is_empty() {
                // A delete response has no <resData>.
                response = response.with_res_data(ResData::Raw(&domain));
            }
            response.cl_trid = read.cl_trid();
            response.sv_trid = read.sv_trid();
            to_vec(&response, &options).unwrap()
        };
        let written = std::str::from_utf8(&written).unwrap();
        common::xml_equivalent(original, written).unwrap_or_else(|e| panic!("{}: {e}", m.path));
        rebuilt += 1;
    }
    assert_eq!(rebuilt, 7);
}

#[test]
fn an_empty_create_is_written_empty() {
    let ext = [Extension::Bundling(Bundling::Create(None))];
    let payload = create_with(&b_dn("create", ""));
    let read = read_command(payload.as_bytes()).unwrap();
    let request = Request::new(*read.command()).with_extensions(Extensions::from_typed(&ext));
    let written = String::from_utf8(to_vec(&request, &WriteOptions::default()).unwrap()).unwrap();
    assert!(
        written.contains(&format!(r#"<b-dn:create xmlns:b-dn="{BDN}"/>"#)),
        "{written}"
    );
    let back = read_command(written.as_bytes()).unwrap();
    assert_eq!(back.extensions().bundling(), Some(Bundling::Create(None)));
}

#[test]
fn mutations_of_the_rfc_create() {
    let original =
        std::fs::read_to_string(common::corpus_dir().join("ext/examples/9095/003-C-s6.2.1.xml"))
            .unwrap();
    let rdn = r#"<b-dn:rdn uLabel="&#x5B9E;&#x4F8B;.example">"#;
    assert!(original.contains(rdn));
    for (payload, code, element, attribute) in [
        (
            original.replace(
                rdn,
                r#"<b-dn:rdn uLabel="&#x5B9E;&#x4F8B;.example" lang="zh">"#,
            ),
            ResultCode::CommandSyntaxError,
            "rdn",
            Some("lang"),
        ),
        (
            original.replace(
                "</b-dn:create>",
                "<b-dn:bdn>xn--fsqz41a.example</b-dn:bdn></b-dn:create>",
            ),
            ResultCode::CommandSyntaxError,
            "bdn",
            None,
        ),
        (
            original
                .replace("<b-dn:create", "<b-dn:update")
                .replace("</b-dn:create>", "</b-dn:update>"),
            ResultCode::CommandSyntaxError,
            "update",
            None,
        ),
        (
            original.replace(rdn, r#"<b-dn:rdn uLabel=" ">"#),
            ResultCode::ParameterValueRangeError,
            "rdn",
            Some("uLabel"),
        ),
    ] {
        let err = read_command(payload.as_bytes()).expect_err(&payload);
        assert_eq!(err.result_code(), code, "{payload}: {err}");
        let name = err.element().unwrap();
        assert!(name.namespace.eq_uri(BDN), "{payload}: {err}");
        assert_eq!(name.local, element, "{payload}: {err}");
        assert_eq!(err.attribute(), attribute, "{payload}: {err}");
    }
}
