//! secDNS-1.1 (RFC 5910): typed reading compared with roxmltree over every
//! corpus message that uses it, strict errors in commands, and the RFC's
//! examples rebuilt by hand and written.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::domain::{
    Contact, ContactType, Create, DomainCommand, NameServers, Update,
};
use epp_codec::view::command::{Command, Extension, Extensions, Request};
use epp_codec::view::ext::{DsData, KeyData, SecDns, SecDnsData, SecDnsRemove, SecDnsUpdate};
use epp_codec::view::{
    AuthInfo, CommandErrorKind, Period, PeriodUnit, ResultCode, Str, read_command, read_response,
};
use epp_codec::write::{WriteOptions, to_vec};

const SEC_DNS: &str = "urn:ietf:params:xml:ns:secDNS-1.1";

fn kid<'a, 'i>(n: roxmltree::Node<'a, 'i>, local: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| {
        c.is_element() && c.tag_name().name() == local && c.tag_name().namespace() == Some(SEC_DNS)
    })
}

fn kids<'a, 'i>(n: roxmltree::Node<'a, 'i>, local: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    n.children()
        .filter(|c| {
            c.is_element()
                && c.tag_name().name() == local
                && c.tag_name().namespace() == Some(SEC_DNS)
        })
        .collect()
}

fn text(n: Option<roxmltree::Node<'_, '_>>) -> Option<String> {
    n.map(|n| n.text().unwrap_or("").trim().to_string())
}

fn key_fields(k: &KeyData<'_>) -> String {
    format!(
        "{:?}/{:?}/{:?}/{}",
        k.flags(),
        k.protocol(),
        k.alg(),
        k.public_key()
    )
}

fn key_fields_rox(n: roxmltree::Node<'_, '_>) -> String {
    let num = |l: &str| text(kid(n, l)).and_then(|t| t.parse::<u32>().ok());
    format!(
        "{:?}/{:?}/{:?}/{}",
        num("flags"),
        num("protocol"),
        num("alg"),
        text(kid(n, "pubKey")).unwrap()
    )
}

/// The fields of a `dsOrKeyType`, typed and by roxmltree, as strings.
fn data_fields(d: &SecDnsData<'_>) -> Vec<String> {
    let mut v = vec![format!("max {:?}", d.max_sig_life())];
    for ds in d.ds_data().iter() {
        v.push(format!(
            "ds {:?}/{:?}/{:?}/{} key {:?}",
            ds.key_tag(),
            ds.alg(),
            ds.digest_type(),
            ds.digest(),
            ds.key_data().map(|k| key_fields(&k))
        ));
    }
    for k in d.key_data().iter() {
        v.push(format!("key {}", key_fields(&k)));
    }
    v
}

fn data_fields_rox(n: roxmltree::Node<'_, '_>) -> Vec<String> {
    let num =
        |n: roxmltree::Node<'_, '_>, l: &str| text(kid(n, l)).and_then(|t| t.parse::<u32>().ok());
    let mut v = vec![format!("max {:?}", num(n, "maxSigLife"))];
    for ds in kids(n, "dsData") {
        v.push(format!(
            "ds {:?}/{:?}/{:?}/{} key {:?}",
            num(ds, "keyTag"),
            num(ds, "alg"),
            num(ds, "digestType"),
            text(kid(ds, "digest")).unwrap(),
            kid(ds, "keyData").map(key_fields_rox)
        ));
    }
    for k in kids(n, "keyData") {
        v.push(format!("key {}", key_fields_rox(k)));
    }
    v
}

#[test]
fn every_corpus_sec_dns_extension_reads_as_roxmltree_sees_it() {
    let (mut commands, mut responses) = (0, 0);
    for m in common::corpus_messages() {
        let Ok(doc_text) = std::str::from_utf8(&m.bytes) else {
            continue;
        };
        if !doc_text.contains(SEC_DNS) {
            continue;
        }
        let Ok(doc) = roxmltree::Document::parse(doc_text) else {
            continue;
        };
        let ext_rox = doc.descendants().find(|n| {
            n.is_element()
                && n.tag_name().namespace() == Some(SEC_DNS)
                && n.parent()
                    .is_some_and(|p| p.tag_name().name() == "extension")
        });
        let Some(ext_rox) = ext_rox else { continue };
        if let Ok(request) = read_command(&m.bytes) {
            commands += 1;
            let typed = request
                .extensions()
                .sec_dns()
                .unwrap_or_else(|| panic!("{}: no typed secDNS", m.path));
            match (typed, ext_rox.tag_name().name()) {
                (SecDns::Create(d), "create") => {
                    assert_eq!(data_fields(&d), data_fields_rox(ext_rox), "{}", m.path)
                }
                (SecDns::Update(u), "update") => {
                    let urgent = ext_rox
                        .attribute("urgent")
                        .is_some_and(|u| u == "true" || u == "1");
                    assert_eq!(u.is_urgent(), urgent, "{}", m.path);
                    match (u.remove(), kid(ext_rox, "rem")) {
                        (None, None) => {}
                        (Some(SecDnsRemove::All(all)), Some(rem)) => {
                            assert_eq!(
                                all,
                                text(kid(rem, "all")).as_deref() == Some("true"),
                                "{}",
                                m.path
                            )
                        }
                        (Some(SecDnsRemove::Records(d)), Some(rem)) => {
                            assert_eq!(data_fields(&d), data_fields_rox(rem), "{}", m.path)
                        }
                        other => panic!("{}: rem {other:?}", m.path),
                    }
                    assert_eq!(
                        u.add().map(|d| data_fields(&d)),
                        kid(ext_rox, "add").map(data_fields_rox),
                        "{}",
                        m.path
                    );
                    assert_eq!(u.has_change(), kid(ext_rox, "chg").is_some());
                    assert_eq!(
                        u.max_sig_life(),
                        kid(ext_rox, "chg")
                            .and_then(|c| text(kid(c, "maxSigLife")))
                            .and_then(|t| t.parse().ok())
                    );
                }
                other => panic!("{}: {other:?}", m.path),
            }
        } else if let Ok(response) = read_response(&m.bytes) {
            responses += 1;
            let info = response
                .extensions()
                .sec_dns_info()
                .unwrap_or_else(|| panic!("{}: no secDNS infData", m.path));
            assert_eq!(data_fields(&info), data_fields_rox(ext_rox), "{}", m.path);
        } else {
            panic!("{}: does not read", m.path);
        }
    }
    assert!(commands >= 12, "{commands} commands");
    assert!(responses >= 4, "{responses} responses");
}

fn update_with(ext: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><update>
      <domain:update xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.com</domain:name></domain:update>
      </update><extension><secDNS:update xmlns:secDNS="urn:ietf:params:xml:ns:secDNS-1.1"{ext}</extension><clTRID>ABC-1</clTRID></command></epp>"#
    )
}

const DS: &str = "<secDNS:dsData><secDNS:keyTag>1</secDNS:keyTag><secDNS:alg>3</secDNS:alg><secDNS:digestType>1</secDNS:digestType><secDNS:digest>AB12</secDNS:digest></secDNS:dsData>";
const KEY: &str = "<secDNS:keyData><secDNS:flags>257</secDNS:flags><secDNS:protocol>3</secDNS:protocol><secDNS:alg>8</secDNS:alg><secDNS:pubKey>AQID</secDNS:pubKey></secDNS:keyData>";

#[test]
fn commands_are_read_strictly() {
    let ok = update_with(&format!("><secDNS:add>{DS}</secDNS:add></secDNS:update>"));
    read_command(ok.as_bytes()).unwrap();
    let cases: Vec<(String, ResultCode, &str)> = vec![
        (
            format!(" urgent=\"maybe\"><secDNS:add>{DS}</secDNS:add></secDNS:update>"),
            ResultCode::ParameterValueSyntaxError,
            "update",
        ),
        (
            format!(
                "><secDNS:add>{}</secDNS:add></secDNS:update>",
                DS.replace("<secDNS:keyTag>1</secDNS:keyTag>", "")
            ),
            ResultCode::RequiredParameterMissing,
            "keyTag",
        ),
        (
            format!(
                "><secDNS:add>{}</secDNS:add></secDNS:update>",
                DS.replace(">3<", ">300<")
            ),
            ResultCode::ParameterValueRangeError,
            "alg",
        ),
        (
            format!(
                "><secDNS:add>{}</secDNS:add></secDNS:update>",
                DS.replace("AB12", "XYZ")
            ),
            ResultCode::ParameterValueSyntaxError,
            "digest",
        ),
        (
            format!(
                "><secDNS:add>{}</secDNS:add></secDNS:update>",
                KEY.replace("AQID", "A*ID")
            ),
            ResultCode::ParameterValueSyntaxError,
            "pubKey",
        ),
        (
            format!("><secDNS:add>{DS}{KEY}</secDNS:add></secDNS:update>"),
            ResultCode::CommandSyntaxError,
            "keyData",
        ),
        (
            "><secDNS:add></secDNS:add></secDNS:update>".to_string(),
            ResultCode::RequiredParameterMissing,
            "add",
        ),
        (
            "><secDNS:chg><secDNS:maxSigLife>0</secDNS:maxSigLife></secDNS:chg></secDNS:update>"
                .to_string(),
            ResultCode::ParameterValueRangeError,
            "maxSigLife",
        ),
        (
            format!(
                "><secDNS:add>{DS}</secDNS:add><secDNS:rem><secDNS:all>true</secDNS:all></secDNS:rem></secDNS:update>"
            ),
            ResultCode::CommandSyntaxError,
            "rem",
        ),
        (
            "><secDNS:rem><secDNS:all>yes</secDNS:all></secDNS:rem></secDNS:update>".to_string(),
            ResultCode::ParameterValueSyntaxError,
            "all",
        ),
    ];
    for (ext, code, element) in &cases {
        let payload = update_with(ext);
        let err = read_command(payload.as_bytes()).expect_err(ext);
        assert_eq!(err.result_code(), *code, "{ext}: {err}");
        assert_eq!(
            err.element().map(|e| e.local),
            Some(*element),
            "{ext}: {err}"
        );
        assert!(
            err.offset() > payload.find("<extension>").unwrap(),
            "{ext}: {err}"
        );
    }
    // secDNS:create on an update, and secDNS on a command it does not extend.
    let wrong = update_with("></secDNS:update>")
        .replace("secDNS:update", "secDNS:create")
        .replace("/>", ">");
    let err = read_command(wrong.as_bytes()).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            CommandErrorKind::UnexpectedElement | CommandErrorKind::MissingElement
        ),
        "{err}"
    );
    let on_poll = format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><poll op="req"/><extension><secDNS:create xmlns:secDNS="{SEC_DNS}">{DS}</secDNS:create></extension></command></epp>"#
    );
    let err = read_command(on_poll.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), CommandErrorKind::UnexpectedElement, "{err}");
}

fn rfc_example(name: &str) -> String {
    std::fs::read_to_string(common::corpus_dir().join("ext/examples/5910").join(name)).unwrap()
}

#[test]
fn the_rfc_5910_examples_rebuilt_by_hand() {
    // §5.2.1: a create with DS data.
    let ds = [DsData::new(12345, 3, 1, "49FD46E6C4B45C55D4AC")];
    let ext = [Extension::SecDns(SecDns::Create(
        SecDnsData::ds(&ds).with_max_sig_life(604_800),
    ))];
    let hosts = [Str::new("ns1.example.com"), Str::new("ns2.example.com")];
    let contacts = [
        Contact::new("sh8013", ContactType::Admin),
        Contact::new("sh8013", ContactType::Tech),
    ];
    let create = Create::new(
        "example.com",
        AuthInfo::Password {
            password: Str::new("2fooBAR"),
            roid: None,
        },
    )
    .with_period(Period {
        value: 2,
        unit: PeriodUnit::Years,
    })
    .with_name_servers(NameServers::objects(&hosts))
    .with_registrant("jd1234")
    .with_contacts(&contacts);
    let request = Request::new(Command::Domain(DomainCommand::Create(create)))
        .with_extensions(Extensions::from_typed(&ext))
        .with_cl_trid("ABC-12345");
    let written =
        String::from_utf8(to_vec(&request, &WriteOptions::new().indent(2)).unwrap()).unwrap();
    common::xml_equivalent(&rfc_example("004-C-s5.2.1.xml"), &written).unwrap();
    let read = read_command(written.as_bytes()).unwrap();
    let Some(SecDns::Create(d)) = read.extensions().sec_dns() else {
        panic!()
    };
    assert_eq!(d.max_sig_life(), Some(604_800));
    assert_eq!(d.ds_data().first().unwrap().key_tag(), Some(12345));

    // §5.2.5: an urgent update removing everything and adding DS data.
    let add = [DsData::new(12346, 3, 1, "38EC35D5B3A34B44C39B")];
    let update = SecDnsUpdate::new()
        .urgent()
        .with_remove(SecDnsRemove::All(true))
        .with_add(SecDnsData::ds(&add));
    let ext = [Extension::SecDns(SecDns::Update(update))];
    let request = Request::new(Command::Domain(DomainCommand::Update(Update::new(
        "example.com",
    ))))
    .with_extensions(Extensions::from_typed(&ext))
    .with_cl_trid("ABC-12345");
    let written = String::from_utf8(to_vec(&request, &WriteOptions::new()).unwrap()).unwrap();
    common::xml_equivalent(&rfc_example("012-C-s5.2.5.xml"), &written).unwrap();

    // §5.2.5: keys removed and added, the lifetime changed.
    let rem = [KeyData::new(257, 3, 1, "AQPJ////4QQQ")];
    let add = [KeyData::new(257, 3, 1, "AQPJ////4Q==")];
    let update = SecDnsUpdate::new()
        .with_remove(SecDnsRemove::Records(SecDnsData::keys(&rem)))
        .with_add(SecDnsData::keys(&add))
        .with_max_sig_life(605_900);
    let ext = [Extension::SecDns(SecDns::Update(update))];
    let request = Request::new(Command::Domain(DomainCommand::Update(Update::new(
        "example.com",
    ))))
    .with_extensions(Extensions::from_typed(&ext))
    .with_cl_trid("ABC-12345");
    let written = String::from_utf8(to_vec(&request, &WriteOptions::new()).unwrap()).unwrap();
    common::xml_equivalent(&rfc_example("009-C-s5.2.5.xml"), &written).unwrap();
    let read = read_command(written.as_bytes()).unwrap();
    let Some(SecDns::Update(u)) = read.extensions().sec_dns() else {
        panic!()
    };
    assert_eq!(u.max_sig_life(), Some(605_900));
    let Some(SecDnsRemove::Records(r)) = u.remove() else {
        panic!()
    };
    assert_eq!(r.key_data().first().unwrap().public_key(), "AQPJ////4QQQ");
}

#[test]
fn a_response_carries_sec_dns_info_data() {
    use epp_codec::write::{ResponseData, ResultData};
    let keys = [KeyData::new(257, 3, 1, "AQPJ////4Q==")];
    let ds = [DsData::new(12345, 3, 1, "49FD46E6C4B45C55D4AC").with_key_data(keys[0])];
    let ext = [Extension::SecDnsInfo(
        SecDnsData::ds(&ds).with_max_sig_life(604_800),
    )];
    let results = [ResultData::new(ResultCode::Success)];
    let response =
        ResponseData::new(&results, "SV-1").with_extensions(Extensions::from_typed(&ext));
    let xml = to_vec(&response, &WriteOptions::new()).unwrap();
    let read = read_response(&xml).unwrap();
    let info = read.extensions().sec_dns_info().unwrap();
    assert_eq!(info.max_sig_life(), Some(604_800));
    let d = info.ds_data().first().unwrap();
    assert_eq!(
        (d.key_tag(), d.alg(), d.digest_type()),
        (Some(12345), Some(3), Some(1))
    );
    assert_eq!(d.key_data().unwrap().flags(), Some(257));
    // Built and read values write the same bytes.
    let again = [Extension::SecDnsInfo(info)];
    let rewritten =
        ResponseData::new(&results, "SV-1").with_extensions(Extensions::from_typed(&again));
    assert_eq!(to_vec(&rewritten, &WriteOptions::new()).unwrap(), xml);
}

#[test]
fn the_obsolete_sec_dns_1_0_is_read_tolerantly() {
    let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>ok</msg></result>
      <extension><secDNS:infData xmlns:secDNS="urn:ietf:params:xml:ns:secDNS-1.0"><secDNS:dsData>
        <secDNS:keyTag>12345</secDNS:keyTag><secDNS:alg>3</secDNS:alg><secDNS:digestType>1</secDNS:digestType>
        <secDNS:digest>49FD46E6C4B45C55D4AC</secDNS:digest><secDNS:maxSigLife>604800</secDNS:maxSigLife>
      </secDNS:dsData></secDNS:infData></extension><trID><svTRID>SV-1</svTRID></trID></response></epp>"#;
    let response = read_response(payload).unwrap();
    let info = response.extensions().sec_dns_info().unwrap();
    let ds = info.ds_data().first().unwrap();
    assert_eq!(
        (ds.key_tag(), ds.alg(), ds.digest_type()),
        (Some(12345), Some(3), Some(1))
    );
    assert_eq!(ds.digest(), "49FD46E6C4B45C55D4AC");
}
