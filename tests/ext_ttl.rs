//! ttl-1.0 (RFC 9803): the RFC's commands and responses read with the
//! TTLs typed and compared with roxmltree, strict errors, and the RFC's
//! create (TTLs and DS data) rebuilt by hand.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::domain::{Create, DomainCommand, NameServers};
use epp_codec::view::command::{Command, Extension, Extensions, Request};
use epp_codec::view::ext::{DsData, SecDns, SecDnsData, Ttl, TtlExtension};
use epp_codec::view::{AuthInfo, ResultCode, Str, read_command, read_response};
use epp_codec::write::{WriteOptions, to_vec};

const TTL: &str = "urn:ietf:params:xml:ns:epp:ttl-1.0";

fn rox_ttls(node: roxmltree::Node<'_, '_>) -> Vec<String> {
    node.children()
        .filter(|c| c.is_element() && c.tag_name().name() == "ttl")
        .map(|c| {
            format!(
                "{} {:?} {:?} {:?} {:?} {:?}",
                c.attribute("for").unwrap(),
                c.attribute("custom"),
                c.text()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|t| t.parse::<u32>().unwrap()),
                c.attribute("min").map(|v| v.parse::<u32>().unwrap()),
                c.attribute("default").map(|v| v.parse::<u32>().unwrap()),
                c.attribute("max").map(|v| v.parse::<u32>().unwrap()),
            )
        })
        .collect()
}

fn ours(list: epp_codec::view::List<'_, Ttl<'_>>) -> Vec<String> {
    list.iter()
        .map(|t| {
            format!(
                "{} {:?} {:?} {:?} {:?} {:?}",
                t.record_type,
                t.custom.map(|c| c.to_string()),
                t.seconds,
                t.min,
                t.default,
                t.max
            )
        })
        .collect()
}

#[test]
fn the_rfc_examples_read_typed() {
    let mut seen = 0;
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.path.contains("9803"))
    {
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        let Some(node) = doc
            .descendants()
            .find(|n| n.tag_name().namespace() == Some(TTL))
        else {
            continue;
        };
        let ttl = if let Ok(request) = read_command(&m.bytes) {
            request.extensions().ttl()
        } else {
            read_response(&m.bytes)
                .unwrap_or_else(|e| panic!("{}: {e}", m.path))
                .extensions()
                .ttl()
        };
        let ttl = ttl.unwrap_or_else(|| panic!("{}: no ttl", m.path));
        match (ttl, node.tag_name().name()) {
            (TtlExtension::Create(l), "create")
            | (TtlExtension::Update(l), "update")
            | (TtlExtension::InfoData(l), "infData") => {
                assert_eq!(ours(l), rox_ttls(node), "{}", m.path)
            }
            (TtlExtension::Info { policy }, "info") => {
                assert_eq!(
                    policy,
                    node.attribute("policy") == Some("true"),
                    "{}",
                    m.path
                )
            }
            other => panic!("{}: {other:?}", m.path),
        }
        seen += 1;
    }
    assert!(seen >= 10, "{seen}");
}

fn create_with(ttl: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create><domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
      <domain:name>example.com</domain:name><domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo></domain:create></create>
      <extension><ttl:create xmlns:ttl="{TTL}">{ttl}</ttl:create></extension></command></epp>"#
    )
}

#[test]
fn commands_are_read_strictly() {
    read_command(
        create_with(
            r#"<ttl:ttl for="NS">3600</ttl:ttl><ttl:ttl for="custom" custom="SVCB">60</ttl:ttl>"#,
        )
        .as_bytes(),
    )
    .unwrap();
    for (ttl, code, attribute) in [
        (
            r#"<ttl:ttl for="MX">3600</ttl:ttl>"#,
            ResultCode::ParameterValueSyntaxError,
            Some("for"),
        ),
        (
            r#"<ttl:ttl for="NS">-1</ttl:ttl>"#,
            ResultCode::ParameterValueSyntaxError,
            None,
        ),
        (
            r#"<ttl:ttl for="NS">2147483648</ttl:ttl>"#,
            ResultCode::ParameterValueRangeError,
            None,
        ),
        (
            r#"<ttl:ttl for="custom">60</ttl:ttl>"#,
            ResultCode::RequiredParameterMissing,
            Some("custom"),
        ),
        (
            r#"<ttl:ttl for="custom" custom="svcb">60</ttl:ttl>"#,
            ResultCode::ParameterValueSyntaxError,
            Some("custom"),
        ),
        (
            r#"<ttl:ttl for="NS" custom="X">60</ttl:ttl>"#,
            ResultCode::CommandSyntaxError,
            Some("custom"),
        ),
        (
            r#"<ttl:ttl for="NS">60</ttl:ttl><ttl:ttl for="NS">70</ttl:ttl>"#,
            ResultCode::CommandSyntaxError,
            Some("for"),
        ),
        ("", ResultCode::RequiredParameterMissing, None),
    ] {
        let payload = create_with(ttl);
        let err = read_command(payload.as_bytes()).expect_err(ttl);
        assert_eq!(err.result_code(), code, "{ttl}: {err}");
        assert_eq!(err.attribute(), attribute, "{ttl}: {err}");
        assert!(
            err.element().is_some_and(|e| e.namespace.eq_uri(TTL)),
            "{ttl}: {err}"
        );
    }
}

#[test]
fn the_rfc_create_rebuilt_by_hand() {
    let original = std::fs::read_to_string(
        common::corpus_dir()
            .join("rfc/9803-draft-ietf-regext-epp-ttl-18/domain-create-command.xml"),
    )
    .unwrap();
    let doc = roxmltree::Document::parse(&original).unwrap();
    let text = |local: &str| -> Vec<String> {
        doc.descendants()
            .filter(|n| n.tag_name().name() == local)
            .map(|n| n.text().unwrap_or("").trim().to_string())
            .collect()
    };
    let hosts: Vec<String> = text("hostObj");
    let hosts: Vec<Str<'_>> = hosts.iter().map(|h| Str::new(h)).collect();
    let (name, pw, cl_trid) = (text("name"), text("pw"), text("clTRID"));
    let mut create = Create::new(
        &name[0],
        AuthInfo::Password {
            password: Str::new(&pw[0]),
            roid: None,
        },
    );
    if !hosts.is_empty() {
        create = create.with_name_servers(NameServers::objects(&hosts));
    }
    if let Some(period) = text("period").first() {
        create = create.with_period(epp_codec::view::Period {
            value: period.parse().unwrap(),
            unit: epp_codec::view::PeriodUnit::Years,
        });
    }
    let ttls = [Ttl::new("NS", 172_800), Ttl::new("DS", 300)];
    let ds = [DsData::new(12345, 13, 2, "49FD46E6C4B45C55D4AC")];
    let ext = [
        Extension::Ttl(TtlExtension::Create(epp_codec::view::List::from_slice(
            &ttls,
        ))),
        Extension::SecDns(SecDns::Create(SecDnsData::ds(&ds))),
    ];
    let request = Request::new(Command::Domain(DomainCommand::Create(create)))
        .with_extensions(Extensions::from_typed(&ext))
        .with_cl_trid(&cl_trid[0]);
    let written =
        String::from_utf8(to_vec(&request, &WriteOptions::new().indent(2)).unwrap()).unwrap();
    common::xml_equivalent(&original, &written).unwrap();
    let read = read_command(written.as_bytes()).unwrap();
    assert!(matches!(read.extensions().ttl(), Some(TtlExtension::Create(l)) if l.len() == 2));
    assert!(read.extensions().sec_dns().is_some());
}
