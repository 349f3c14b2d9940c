//! Host addresses in responses, read tolerantly: `ip()` is the address
//! parsed as the `ip` attribute's version says, and `None` (never a made-up
//! `0.0.0.0`) when the text is not a literal of that version; `raw()` keeps
//! what the server wrote either way.

use std::net::IpAddr;

use epp_codec::view::command::domain::NameServers;
use epp_codec::view::{DomainData, HostData, IpVersion, read_response};

fn response(res_data: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>ok</msg></result>
<resData>{res_data}</resData><trID><svTRID>S-1</svTRID></trID></response></epp>"#
    )
}

fn ip(text: &str) -> Option<IpAddr> {
    Some(text.parse().unwrap())
}

#[test]
fn domain_info_host_attribute_addresses() {
    let doc = response(
        r#"<domain:infData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
<domain:name>example.com</domain:name><domain:roid>EXAMPLE1-REP</domain:roid>
<domain:ns><domain:hostAttr><domain:hostName>ns1.example.net</domain:hostName>
<domain:hostAddr ip="v4">192.0.2.2</domain:hostAddr>
<domain:hostAddr ip="v6">2001:db8::53</domain:hostAddr>
<domain:hostAddr>2001:db8::54</domain:hostAddr>
<domain:hostAddr ip="v4">not an address</domain:hostAddr>
</domain:hostAttr></domain:ns><domain:clID>ClientX</domain:clID></domain:infData>"#,
    );
    let r = read_response(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let Some(DomainData::Info(info)) = DomainData::from_raw(r.res_data().iter().next().unwrap())
    else {
        panic!()
    };
    let Some(NameServers::HostAttrs(attrs)) = info.ns() else {
        panic!()
    };
    let host = attrs.first().unwrap();
    assert_eq!(host.name(), "ns1.example.net");
    let read: Vec<_> = host
        .addresses()
        .iter()
        .map(|a| {
            (
                a.raw().to_string(),
                a.version(),
                a.version_raw().map(|v| v.to_string()),
                a.ip(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "192.0.2.2".to_string(),
                IpVersion::V4,
                Some("v4".to_string()),
                ip("192.0.2.2")
            ),
            (
                "2001:db8::53".to_string(),
                IpVersion::V6,
                Some("v6".to_string()),
                ip("2001:db8::53")
            ),
            // No `ip` attribute: v4, and an IPv6 literal is not one.
            ("2001:db8::54".to_string(), IpVersion::V4, None, None),
            (
                "not an address".to_string(),
                IpVersion::V4,
                Some("v4".to_string()),
                None
            ),
        ]
    );
}

#[test]
fn host_info_addresses() {
    let doc = response(
        r#"<host:infData xmlns:host="urn:ietf:params:xml:ns:host-1.0">
<host:name>ns1.example.com</host:name><host:roid>NS1_EXAMPLE1-REP</host:roid>
<host:status s="linked"/>
<host:addr ip="v4">192.0.2.2</host:addr>
<host:addr ip="v6">1080:0:0:0:8:800:200C:417A</host:addr>
<host:addr>2001:db8::1</host:addr>
<host:addr ip="v6"> n/a </host:addr>
<host:addr>192.0.2.&#x33;</host:addr>
<host:clID>ClientY</host:clID></host:infData>"#,
    );
    let r = read_response(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let Some(HostData::Info(info)) = HostData::from_raw(r.res_data().iter().next().unwrap()) else {
        panic!()
    };
    let read: Vec<_> = info
        .addresses()
        .iter()
        .map(|a| {
            (
                a.raw().to_string(),
                a.version(),
                a.has_version_attribute(),
                a.ip(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "192.0.2.2".to_string(),
                IpVersion::V4,
                true,
                ip("192.0.2.2")
            ),
            (
                "1080:0:0:0:8:800:200C:417A".to_string(),
                IpVersion::V6,
                true,
                ip("1080::8:800:200c:417a")
            ),
            // An IPv6 literal without the attribute is read as v4: no address.
            ("2001:db8::1".to_string(), IpVersion::V4, false, None),
            // Not an address at all: the text is kept, trimmed.
            ("n/a".to_string(), IpVersion::V6, true, None),
            // A reference in the literal is decoded first.
            (
                "192.0.2.3".to_string(),
                IpVersion::V4,
                false,
                ip("192.0.2.3")
            ),
        ]
    );
    let bad = info.addresses().iter().nth(3).unwrap();
    assert_eq!(bad.raw().span().start, doc.find("n/a").unwrap());
}
