//! allocationToken-1.0 (RFC 8495): every RFC example read with the token
//! typed, strict errors, and a create with a token built by hand and
//! written like the RFC's.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::domain::{Contact, ContactType, Create, DomainCommand};
use epp_codec::view::command::{Command, Extension, Extensions, Request};
use epp_codec::view::ext::AllocationToken;
use epp_codec::view::{AuthInfo, Period, PeriodUnit, ResultCode, Str, read_command, read_response};
use epp_codec::write::{WriteOptions, to_vec};

const AT: &str = "urn:ietf:params:xml:ns:allocationToken-1.0";

#[test]
fn the_rfc_examples_read_typed() {
    let mut seen = 0;
    for m in common::corpus_messages() {
        let Ok(text) = std::str::from_utf8(&m.bytes) else {
            continue;
        };
        if !text.contains(AT) {
            continue;
        }
        let doc = roxmltree::Document::parse(text).unwrap();
        let Some(ext) = doc
            .descendants()
            .find(|n| n.tag_name().namespace() == Some(AT))
        else {
            continue;
        };
        let expected = match ext.tag_name().name() {
            "info" => AllocationToken::Info,
            _ => AllocationToken::Token(Str::new(ext.text().unwrap().trim())),
        };
        let read = if let Ok(request) = read_command(&m.bytes) {
            request.extensions().allocation_token()
        } else {
            read_response(&m.bytes)
                .unwrap_or_else(|e| panic!("{}: {e}", m.path))
                .extensions()
                .allocation_token()
        };
        let read = read.unwrap_or_else(|| panic!("{}: no token", m.path));
        assert_eq!(read, expected, "{}", m.path);
        seen += 1;
    }
    assert!(seen >= 5, "{seen}");
}

fn command(body: &str, ext: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command>{body}<extension>{ext}</extension><clTRID>ABC-1</clTRID></command></epp>"#
    )
}

const CREATE: &str = r#"<create><domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name><domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo></domain:create></create>"#;
const INFO: &str = r#"<info><domain:info xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name></domain:info></info>"#;

#[test]
fn commands_are_read_strictly() {
    let token = |t: &str| {
        format!(
            r#"<allocationToken:allocationToken xmlns:allocationToken="{AT}">{t}</allocationToken:allocationToken>"#
        )
    };
    let info = |content: &str| {
        format!(
            r#"<allocationToken:info xmlns:allocationToken="{AT}">{content}</allocationToken:info>"#
        )
    };
    read_command(command(CREATE, &token("abc123")).as_bytes()).unwrap();
    read_command(command(INFO, &info("")).as_bytes()).unwrap();
    for (body, ext, code) in [
        (CREATE, token("  "), ResultCode::ParameterValueRangeError),
        (INFO, token("abc123"), ResultCode::CommandSyntaxError),
        (CREATE, info(""), ResultCode::CommandSyntaxError),
        (INFO, info("x"), ResultCode::CommandSyntaxError),
    ] {
        let payload = command(body, &ext);
        let err = read_command(payload.as_bytes()).expect_err(&ext);
        assert_eq!(err.result_code(), code, "{ext}: {err}");
        // The element at fault, when the error names one, is the token's.
        assert!(
            err.element().is_none_or(|e| e.namespace.eq_uri(AT)),
            "{ext}: {err}"
        );
        assert!(
            err.offset() > payload.find("<extension>").unwrap(),
            "{ext}: {err}"
        );
    }
}

#[test]
fn a_create_with_a_token_built_by_hand() {
    let original =
        std::fs::read_to_string(common::corpus_dir().join("ext/examples/8495/007-C-s3.2.1.xml"))
            .unwrap();
    let doc = roxmltree::Document::parse(&original).unwrap();
    let text = |local: &str| {
        doc.descendants()
            .find(|n| n.tag_name().name() == local)
            .unwrap()
            .text()
            .unwrap()
            .trim()
            .to_string()
    };
    let (name, pw, token) = (text("name"), text("pw"), text("allocationToken"));
    let ext = [Extension::AllocationToken(AllocationToken::new(&token))];
    let contacts: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "contact")
        .map(|n| {
            (
                n.text().unwrap().trim().to_string(),
                n.attribute("type").unwrap().to_string(),
            )
        })
        .collect();
    let contacts: Vec<Contact<'_>> = contacts
        .iter()
        .map(|(id, t)| {
            Contact::new(
                id,
                match t.as_str() {
                    "admin" => ContactType::Admin,
                    "billing" => ContactType::Billing,
                    _ => ContactType::Tech,
                },
            )
        })
        .collect();
    let registrant = text("registrant");
    let mut create = Create::new(
        &name,
        AuthInfo::Password {
            password: Str::new(&pw),
            roid: None,
        },
    )
    .with_registrant(&registrant)
    .with_contacts(&contacts);
    if original.contains("domain:period") {
        let value: u8 = text("period").parse().unwrap();
        create = create.with_period(Period {
            value,
            unit: PeriodUnit::Years,
        });
    }
    let request = Request::new(Command::Domain(DomainCommand::Create(create)))
        .with_extensions(Extensions::from_typed(&ext))
        .with_cl_trid("ABC-12345");
    let written =
        String::from_utf8(to_vec(&request, &WriteOptions::new().indent(2)).unwrap()).unwrap();
    common::xml_equivalent(&original, &written).unwrap();
    let again = read_command(written.as_bytes()).unwrap();
    assert_eq!(
        again.extensions().allocation_token(),
        Some(AllocationToken::new(&token))
    );
}
