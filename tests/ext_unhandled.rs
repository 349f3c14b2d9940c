//! Unhandled namespaces (RFC 9038): extension elements a server held back
//! because the client did not negotiate them, read from `<extValue>` and
//! written into one.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::RawElement;
use epp_codec::view::ext::SecDnsData;
use epp_codec::view::{ResultCode, read_response};
use epp_codec::write::{ResponseData, ResultData, WriteOptions, to_vec};

#[test]
fn the_rfc_examples_name_what_was_held_back() {
    let mut seen = 0;
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.path.contains("9038"))
    {
        let Ok(response) = read_response(&m.bytes) else {
            continue;
        };
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        let rox: Vec<String> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "reason")
            .filter_map(|n| {
                n.text()
                    .unwrap()
                    .trim()
                    .strip_suffix("not in login services")
                    .map(|u| u.trim().to_string())
            })
            .filter(|u| !u.contains('['))
            .collect();
        let ours: Vec<String> = response
            .results()
            .iter()
            .flat_map(|r| r.ext_values().iter().collect::<Vec<_>>())
            .filter_map(|e| {
                // The RFC's templates say [NAMESPACE-URI]: not a real one.
                let uri = e.unhandled_namespace().filter(|u| !u.contains('['))?;
                // The element held back is in the namespace named.
                let element = e.element().expect("an element in <value>");
                assert!(element.namespace().eq_uri(uri), "{}: {uri}", m.path);
                Some(uri.to_string())
            })
            .collect();
        assert_eq!(ours, rox, "{}", m.path);
        seen += ours.len();
    }
    assert!(seen >= 3, "{seen}");
}

#[test]
fn a_server_holds_back_an_extension() {
    let sec_dns = RawElement::parse(
        r#"<secDNS:infData xmlns:secDNS="urn:ietf:params:xml:ns:secDNS-1.1"><secDNS:dsData><secDNS:keyTag>12345</secDNS:keyTag><secDNS:alg>3</secDNS:alg><secDNS:digestType>1</secDNS:digestType><secDNS:digest>49FD46E6C4B45C55D4AC</secDNS:digest></secDNS:dsData></secDNS:infData>"#,
    )
    .unwrap();
    let held = [sec_dns];
    let results = [ResultData::new(ResultCode::Success).with_unhandled(&held)];
    let response = ResponseData::new(&results, "54322-XYZ").with_cl_trid("ABC-12345");
    let xml = to_vec(&response, &WriteOptions::new().indent(2)).unwrap();
    let text = String::from_utf8(xml.clone()).unwrap();
    assert!(
        text.contains("<reason>urn:ietf:params:xml:ns:secDNS-1.1 not in login services</reason>"),
        "{text}"
    );
    let read = read_response(&xml).unwrap();
    let ext = read
        .results()
        .first()
        .unwrap()
        .ext_values()
        .first()
        .unwrap();
    assert_eq!(
        ext.unhandled_namespace(),
        Some("urn:ietf:params:xml:ns:secDNS-1.1")
    );
    let data = SecDnsData::from_raw(ext.element().unwrap()).unwrap();
    assert_eq!(data.ds_data().first().unwrap().key_tag(), Some(12345));
}
