//! A domain info response whose name servers are host attributes
//! (`<domain:ns><domain:hostAttr>`, RFC 5731 §1.1 and §3.1.2), which no
//! corpus response has: written here by hand, checked to be valid against
//! the schemas, and read field by field, both against what is written and
//! against roxmltree.

mod common;

use common::{text_of, token_of};

use epp_codec::view::command::domain::{ContactType, DomainStatus, NameServers};
use epp_codec::view::{DomainData, IpVersion, Str, read_response};

const DOMAIN: &str = "urn:ietf:params:xml:ns:domain-1.0";

/// Every element of RFC 5731's infData, the name servers as three host
/// attributes: one with an IPv4 and an IPv6 address, one with none, and one
/// with padded values and an address without `ip` (the default, `v4`).
/// Comments sit between and inside the elements.
const PREFIXED: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0">
  <response>
    <result code="1000">
      <msg>Command completed successfully</msg>
    </result>
    <resData>
      <domain:infData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
        <domain:name>example.com</domain:name>
        <domain:roid>EXAMPLE1-REP</domain:roid>
        <domain:status s="ok"/>
        <domain:status s="clientHold" lang="fr">En attente</domain:status>
        <domain:registrant>jd1234</domain:registrant>
        <domain:contact type="admin">sh8013</domain:contact>
        <domain:contact type="tech">sh8014</domain:contact>
        <domain:contact type="billing">sh8015</domain:contact>
        <domain:ns>
          <domain:hostAttr>
            <domain:hostName>ns1.example.net</domain:hostName>
            <domain:hostAddr ip="v4">192.0.2.2</domain:hostAddr>
            <domain:hostAddr ip="v6">1080:0:0:0:8:800:200C:417A</domain:hostAddr>
          </domain:hostAttr>
          <!-- a host without addresses -->
          <domain:hostAttr>
            <domain:hostName>ns2.example.net</domain:hostName>
          </domain:hostAttr>
          <domain:hostAttr>
            <domain:hostName>
              ns1.example.com
            </domain:hostName>
            <domain:hostAddr> 192.0.2.3 </domain:hostAddr>
            <domain:hostAddr ip="v6"><!-- loopback -->::1</domain:hostAddr>
          </domain:hostAttr>
        </domain:ns>
        <domain:host>ns1.example.com</domain:host>
        <domain:host>ns2.example.com</domain:host>
        <domain:clID>ClientX</domain:clID>
        <domain:crID>ClientY</domain:crID>
        <domain:crDate>1999-04-03T22:00:00.0Z</domain:crDate>
        <domain:upID>ClientX</domain:upID>
        <domain:upDate>1999-12-03T09:00:00.0Z</domain:upDate>
        <domain:exDate>2005-04-03T22:00:00.0Z</domain:exDate>
        <domain:trDate>2000-04-08T09:00:00.0Z</domain:trDate>
        <domain:authInfo>
          <domain:pw>2fooBAR</domain:pw>
        </domain:authInfo>
      </domain:infData>
    </resData>
    <trID>
      <clTRID>ABC-12345</clTRID>
      <svTRID>54322-XYZ</svTRID>
    </trID>
  </response>
</epp>
"#;

/// The same data in the domain namespace as the default one (no prefix).
fn unprefixed() -> String {
    PREFIXED
        .replace("xmlns:domain=", "xmlns=")
        .replace("<domain:", "<")
        .replace("</domain:", "</")
}

type Node<'a, 'i> = roxmltree::Node<'a, 'i>;

/// A host address as read: the address as written, the `ip` version, and
/// the `ip` attribute as written.
type Addr = (String, IpVersion, Option<String>);

fn s(v: Str<'_>) -> String {
    v.to_string()
}

/// The children of `n` named `local` in the domain namespace.
fn kids<'a, 'i>(n: Node<'a, 'i>, local: &'a str) -> Vec<Node<'a, 'i>> {
    n.children()
        .filter(|c| {
            c.is_element()
                && c.tag_name().name() == local
                && c.tag_name().namespace() == Some(DOMAIN)
        })
        .collect()
}

fn tok(n: Node<'_, '_>, local: &str) -> Option<String> {
    kids(n, local).first().map(|c| token_of(*c))
}

/// Reads `doc`'s domain:infData and compares every field with roxmltree.
fn compare_with_roxmltree(doc: &str) {
    let tree = roxmltree::Document::parse(doc).unwrap();
    let n = tree
        .descendants()
        .find(|n| n.tag_name().name() == "infData" && n.tag_name().namespace() == Some(DOMAIN))
        .unwrap();
    let response = read_response(doc.as_bytes()).unwrap();
    let raw = response.res_data().iter().next().unwrap();
    assert_eq!(raw.as_str(), &doc[n.range()]);
    let Some(DomainData::Info(i)) = DomainData::from_raw(raw) else {
        panic!("domain:infData")
    };
    assert_eq!(i.name().map(s), tok(n, "name"));
    assert_eq!(i.roid().map(s), tok(n, "roid"));
    let statuses: Vec<(String, Option<String>, String)> = i
        .statuses()
        .iter()
        .map(|v| (s(v.raw()), v.lang().map(s), s(v.text())))
        .collect();
    let want: Vec<(String, Option<String>, String)> = kids(n, "status")
        .into_iter()
        .map(|v| {
            (
                v.attribute("s").unwrap().to_string(),
                v.attribute("lang").map(String::from),
                text_of(v),
            )
        })
        .collect();
    assert_eq!(statuses, want);
    assert_eq!(i.registrant().map(s), tok(n, "registrant"));
    let contacts: Vec<(String, Option<String>)> = i
        .contacts()
        .iter()
        .map(|c| (s(c.id()), c.type_raw().map(s)))
        .collect();
    let want: Vec<(String, Option<String>)> = kids(n, "contact")
        .into_iter()
        .map(|c| (token_of(c), c.attribute("type").map(String::from)))
        .collect();
    assert_eq!(contacts, want);

    // The name servers, host attribute by host attribute.
    let ns = kids(n, "ns")[0];
    let Some(NameServers::HostAttrs(attrs)) = i.ns() else {
        panic!("ns read as {:?}", i.ns())
    };
    assert!(i.ns().unwrap().host_objs().is_empty());
    assert_eq!(i.ns().unwrap().host_attrs(), attrs);
    let attr_nodes = kids(ns, "hostAttr");
    assert_eq!(i.ns().unwrap().len(), attr_nodes.len());
    assert_eq!(attrs.len(), attr_nodes.len());
    assert_eq!(attrs.iter().count(), attr_nodes.len());
    for (a, an) in attrs.iter().zip(attr_nodes) {
        assert_eq!(Some(s(a.name())), tok(an, "hostName"));
        // `ip()` is left out: what it gives for an address that does not
        // parse is being changed.
        let got: Vec<Addr> = a
            .addresses()
            .iter()
            .map(|x| (s(x.raw()), x.version(), x.version_raw().map(s)))
            .collect();
        let want: Vec<Addr> = kids(an, "hostAddr")
            .into_iter()
            .map(|x| {
                let version = match x.attribute("ip") {
                    Some("v6") => IpVersion::V6,
                    _ => IpVersion::V4,
                };
                (token_of(x), version, x.attribute("ip").map(String::from))
            })
            .collect();
        assert_eq!(got, want);
    }

    let hosts: Vec<String> = i.hosts().iter().map(s).collect();
    let want: Vec<String> = kids(n, "host").into_iter().map(token_of).collect();
    assert_eq!(hosts, want);
    assert_eq!(i.client_id().map(s), tok(n, "clID"));
    assert_eq!(i.creator_id().map(s), tok(n, "crID"));
    assert_eq!(i.updater_id().map(s), tok(n, "upID"));
    for (t, local) in [
        (i.created(), "crDate"),
        (i.updated(), "upDate"),
        (i.expires(), "exDate"),
        (i.transferred(), "trDate"),
    ] {
        assert_eq!(t.map(|t| s(t.raw())), tok(n, local), "{local}");
        assert!(t.unwrap().parsed().is_some(), "{local}");
    }
    let pw = kids(kids(n, "authInfo")[0], "pw")[0];
    assert_eq!(i.password().map(s), Some(text_of(pw)));
    assert_eq!(i.password_roid().map(s).as_deref(), pw.attribute("roid"));
    assert_eq!(i.auth_info_ext(), None);
}

/// Every field of `doc`'s domain:infData equals what [`PREFIXED`] says.
fn check_as_written(doc: &str) {
    let response = read_response(doc.as_bytes()).unwrap();
    let Some(DomainData::Info(i)) =
        DomainData::from_raw(response.res_data().iter().next().unwrap())
    else {
        panic!("domain:infData")
    };
    assert_eq!(i.name().unwrap(), "example.com");
    assert_eq!(i.roid().unwrap(), "EXAMPLE1-REP");
    let statuses: Vec<_> = i.statuses().iter().collect();
    assert_eq!(statuses.len(), 2);
    assert_eq!(statuses[0].value(), Some(DomainStatus::Ok));
    assert!(statuses[0].lang().is_none() && statuses[0].text().is_empty());
    assert_eq!(statuses[1].value(), Some(DomainStatus::ClientHold));
    assert_eq!(statuses[1].lang().unwrap(), "fr");
    assert_eq!(statuses[1].text(), "En attente");
    assert_eq!(i.registrant().unwrap(), "jd1234");
    let contacts: Vec<_> = i
        .contacts()
        .iter()
        .map(|c| (s(c.id()), c.contact_type()))
        .collect();
    assert_eq!(
        contacts,
        [
            ("sh8013".to_string(), Some(ContactType::Admin)),
            ("sh8014".to_string(), Some(ContactType::Tech)),
            ("sh8015".to_string(), Some(ContactType::Billing)),
        ]
    );

    let Some(NameServers::HostAttrs(attrs)) = i.ns() else {
        panic!("ns read as {:?}", i.ns())
    };
    let read: Vec<(String, Vec<Addr>)> = attrs
        .iter()
        .map(|a| {
            (
                s(a.name()),
                a.addresses()
                    .iter()
                    .map(|x| (s(x.raw()), x.version(), x.version_raw().map(s)))
                    .collect(),
            )
        })
        .collect();
    let v4 = |ip: &str, attr: Option<&str>| (ip.to_string(), IpVersion::V4, attr.map(String::from));
    let v6 = |ip: &str| (ip.to_string(), IpVersion::V6, Some("v6".to_string()));
    assert_eq!(
        read,
        [
            (
                "ns1.example.net".to_string(),
                vec![
                    v4("192.0.2.2", Some("v4")),
                    v6("1080:0:0:0:8:800:200C:417A")
                ]
            ),
            ("ns2.example.net".to_string(), vec![]),
            (
                "ns1.example.com".to_string(),
                vec![v4("192.0.2.3", None), v6("::1")]
            ),
        ]
    );

    let hosts: Vec<String> = i.hosts().iter().map(s).collect();
    assert_eq!(hosts, ["ns1.example.com", "ns2.example.com"]);
    assert_eq!(i.client_id().unwrap(), "ClientX");
    assert_eq!(i.creator_id().unwrap(), "ClientY");
    assert_eq!(i.updater_id().unwrap(), "ClientX");
    let created = i.created().unwrap().parsed().unwrap();
    assert_eq!(
        (created.date.year, created.date.month, created.date.day),
        (1999, 4, 3)
    );
    assert_eq!((created.hour, created.date.offset), (22, Some(0)));
    assert_eq!(i.updated().unwrap().raw(), "1999-12-03T09:00:00.0Z");
    assert_eq!(i.expires().unwrap().raw(), "2005-04-03T22:00:00.0Z");
    assert_eq!(i.transferred().unwrap().raw(), "2000-04-08T09:00:00.0Z");
    assert_eq!(i.password().unwrap(), "2fooBAR");
    assert!(i.password_roid().is_none());
    assert!(i.auth_info_ext().is_none());
}

#[test]
fn the_hand_made_responses_are_valid_epp() {
    common::schema_valid(PREFIXED).unwrap();
    common::schema_valid(&unprefixed()).unwrap();
}

#[test]
fn a_domain_info_with_host_attributes_reads_as_written() {
    check_as_written(PREFIXED);
    check_as_written(&unprefixed());
}

#[test]
fn a_domain_info_with_host_attributes_matches_roxmltree() {
    compare_with_roxmltree(PREFIXED);
    compare_with_roxmltree(&unprefixed());
}
