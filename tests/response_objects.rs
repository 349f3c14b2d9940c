//! Domain, host and contact response data: every `<resData>` child of every corpus
//! response in those namespaces is read through the typed views and
//! compared field by field with an independent roxmltree walk.

mod common;

use epp_codec::view::command::domain::NameServers;
use epp_codec::view::response::object::{CheckItem, PendingData, Timestamp, TransferData};
use epp_codec::view::{ContactData, DomainData, HostData, List, Str, read_response};

const DOMAIN: &str = "urn:ietf:params:xml:ns:domain-1.0";
const HOST: &str = "urn:ietf:params:xml:ns:host-1.0";
const CONTACT: &str = "urn:ietf:params:xml:ns:contact-1.0";

fn raw_text(n: Node<'_, '_>) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .map(|d| d.text().unwrap_or(""))
        .collect()
}

fn compare_contact(c: ContactData<'_>, n: Node<'_, '_>, path: &str) {
    match c {
        ContactData::Check(list) => compare_check(list, n, path),
        ContactData::Pending(p) => compare_pending(p, n, path),
        ContactData::Transfer(t) => compare_transfer(t, n, path),
        ContactData::Create(c) => {
            assert_eq!(c.id().map(s), tok(n, "id"), "{path}");
            assert_eq!(ts(c.created()), tok(n, "crDate"), "{path}");
        }
        ContactData::Info(i) => {
            assert_eq!(i.id().map(s), tok(n, "id"), "{path}");
            assert_eq!(i.roid().map(s), tok(n, "roid"), "{path}");
            let auth = kids(n, "authInfo").first().copied();
            let pw = auth.and_then(|a| kids(a, "pw").first().copied());
            assert_eq!(
                i.password().map(s),
                pw.map(|p| p.text().unwrap_or("").to_string()),
                "{path}"
            );
            assert_eq!(
                i.password_roid().map(s).as_deref(),
                pw.and_then(|p| p.attribute("roid")),
                "{path}"
            );
            assert_eq!(
                i.auth_info_ext().is_some(),
                auth.is_some_and(|a| !kids(a, "ext").is_empty()),
                "{path}"
            );
            let st: Vec<String> = kids(n, "status")
                .into_iter()
                .map(|x| x.attribute("s").unwrap().to_string())
                .collect();
            assert_eq!(
                i.statuses().iter().map(|v| s(v.raw())).collect::<Vec<_>>(),
                st,
                "{path}"
            );
            for v in i.statuses().iter() {
                assert_eq!(
                    v.value().map(|x| x.as_str().to_string()),
                    Some(s(v.raw())),
                    "{path}"
                );
            }
            let postal = kids(n, "postalInfo");
            assert_eq!(i.postal_infos().len(), postal.len(), "{path}");
            for (p, pn) in i.postal_infos().iter().zip(postal) {
                assert_eq!(
                    p.info_type().as_str(),
                    pn.attribute("type").unwrap(),
                    "{path}"
                );
                assert_eq!(
                    p.name().map(s),
                    kids(pn, "name").first().map(|x| raw_text(*x)),
                    "{path}"
                );
                assert_eq!(
                    p.org().map(s),
                    kids(pn, "org").first().map(|x| raw_text(*x)),
                    "{path}"
                );
                let an = kids(pn, "addr")[0];
                let a = p.address().unwrap();
                let streets: Vec<String> = a.streets().iter().map(|x| s(x.0)).collect();
                assert_eq!(
                    streets,
                    kids(an, "street")
                        .into_iter()
                        .map(raw_text)
                        .collect::<Vec<_>>(),
                    "{path}"
                );
                assert_eq!(
                    Some(s(a.city())),
                    kids(an, "city").first().map(|x| raw_text(*x)),
                    "{path}"
                );
                assert_eq!(
                    a.state_province().map(s),
                    kids(an, "sp").first().map(|x| raw_text(*x)),
                    "{path}"
                );
                assert_eq!(a.postal_code().map(s), tok(an, "pc"), "{path}");
                assert_eq!(Some(s(a.country_code())), tok(an, "cc"), "{path}");
            }
            for (phone, local) in [(i.voice(), "voice"), (i.fax(), "fax")] {
                let node = kids(n, local).first().copied();
                assert_eq!(
                    phone.map(|p| s(p.number())),
                    node.map(|x| raw_text(x).trim().to_string()),
                    "{path}"
                );
                assert_eq!(
                    phone.and_then(|p| p.extension()).map(s).as_deref(),
                    node.and_then(|x| x.attribute("x")),
                    "{path}"
                );
            }
            assert_eq!(i.email().map(s), tok(n, "email"), "{path}");
            assert_eq!(i.client_id().map(s), tok(n, "clID"), "{path}");
            assert_eq!(i.creator_id().map(s), tok(n, "crID"), "{path}");
            assert_eq!(ts(i.created()), tok(n, "crDate"), "{path}");
            assert_eq!(i.updater_id().map(s), tok(n, "upID"), "{path}");
            assert_eq!(ts(i.updated()), tok(n, "upDate"), "{path}");
            assert_eq!(ts(i.transferred()), tok(n, "trDate"), "{path}");
            let pw = kids(n, "authInfo")
                .first()
                .and_then(|a| kids(*a, "pw").first().copied());
            assert_eq!(i.password().map(s), pw.map(raw_text), "{path}");
            let d = kids(n, "disclose").first().copied();
            assert_eq!(i.disclose().is_some(), d.is_some(), "{path}");
            if let (Some(v), Some(dn)) = (i.disclose(), d) {
                assert_eq!(v.flag, bool_attr(dn, "flag").unwrap(), "{path}");
                for (forms, local) in [(v.name, "name"), (v.org, "org"), (v.addr, "addr")] {
                    let types: Vec<&str> = kids(dn, local)
                        .iter()
                        .filter_map(|k| k.attribute("type"))
                        .collect();
                    assert_eq!(
                        (forms.int, forms.loc),
                        (types.contains(&"int"), types.contains(&"loc")),
                        "{path}"
                    );
                }
                assert_eq!(
                    (v.voice, v.fax, v.email),
                    (
                        !kids(dn, "voice").is_empty(),
                        !kids(dn, "fax").is_empty(),
                        !kids(dn, "email").is_empty()
                    ),
                    "{path}"
                );
            }
        }
    }
}

type Node<'a, 'i> = roxmltree::Node<'a, 'i>;

fn s(v: Str<'_>) -> String {
    v.to_string()
}

fn kids<'a, 'i>(n: Node<'a, 'i>, local: &'a str) -> Vec<Node<'a, 'i>> {
    n.children()
        .filter(|c| c.is_element() && c.tag_name().name() == local)
        .collect()
}

fn tok(n: Node<'_, '_>, local: &str) -> Option<String> {
    kids(n, local)
        .first()
        .map(|c| c.text().unwrap_or("").trim().to_string())
}

fn ts(t: Option<Timestamp<'_>>) -> Option<String> {
    t.map(|t| {
        assert!(t.parsed().is_some(), "{} parses", t.raw());
        s(t.raw())
    })
}

fn tokens(list: List<'_, Str<'_>>) -> Vec<String> {
    list.iter().map(s).collect()
}

fn bool_attr(n: Node<'_, '_>, attr: &str) -> Option<bool> {
    n.attribute(attr).map(|v| v == "1" || v == "true")
}

fn compare_check(list: List<'_, CheckItem<'_>>, n: Node<'_, '_>, path: &str) {
    let cds = kids(n, "cd");
    assert_eq!(list.len(), cds.len(), "{path}");
    for (item, cd) in list.iter().zip(cds) {
        let key = cd.children().find(|c| c.is_element()).unwrap();
        assert_eq!(
            item.name().map(s),
            Some(key.text().unwrap_or("").trim().to_string()),
            "{path}"
        );
        assert_eq!(item.available(), bool_attr(key, "avail"), "{path}");
        let reason = kids(cd, "reason").first().copied();
        assert_eq!(
            item.reason().map(s),
            reason.map(|r| r.text().unwrap_or("").to_string()),
            "{path}"
        );
        assert_eq!(
            item.reason_lang().map(s).as_deref(),
            reason.and_then(|r| r.attribute("lang")),
            "{path}"
        );
    }
}

fn compare_pending(p: PendingData<'_>, n: Node<'_, '_>, path: &str) {
    let key = n.children().find(|c| c.is_element()).unwrap();
    assert_eq!(
        p.name().map(s),
        Some(key.text().unwrap_or("").trim().to_string()),
        "{path}"
    );
    assert_eq!(p.result(), bool_attr(key, "paResult"), "{path}");
    let tr = kids(n, "paTRID")[0];
    let t = p.transaction().unwrap();
    assert_eq!(t.cl_trid.map(s), tok(tr, "clTRID"), "{path}");
    assert_eq!(t.sv_trid.map(s), tok(tr, "svTRID"), "{path}");
    assert_eq!(ts(p.date()), tok(n, "paDate"), "{path}");
}

fn compare_transfer(t: TransferData<'_>, n: Node<'_, '_>, path: &str) {
    assert_eq!(
        t.name().map(s),
        tok(n, "name").or_else(|| tok(n, "id")),
        "{path}"
    );
    assert_eq!(t.status_raw().map(s), tok(n, "trStatus"), "{path}");
    assert_eq!(
        t.status().map(|v| v.as_str().to_string()),
        tok(n, "trStatus"),
        "{path}"
    );
    assert_eq!(t.requester().map(s), tok(n, "reID"), "{path}");
    assert_eq!(ts(t.requested()), tok(n, "reDate"), "{path}");
    assert_eq!(t.actor().map(s), tok(n, "acID"), "{path}");
    assert_eq!(ts(t.action_due()), tok(n, "acDate"), "{path}");
    assert_eq!(ts(t.expires()), tok(n, "exDate"), "{path}");
}

#[test]
fn every_corpus_object_response_matches_roxmltree() {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "response")
    {
        let path = &m.path;
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        let response = read_response(&m.bytes).unwrap();
        let res_data: Vec<Node<'_, '_>> = doc
            .descendants()
            .find(|n| n.tag_name().name() == "resData")
            .map(|r| r.children().filter(|c| c.is_element()).collect())
            .unwrap_or_default();
        for (raw, n) in response.res_data().iter().zip(res_data) {
            let ns = n.tag_name().namespace().unwrap_or("");
            if let Some(c) = ContactData::from_raw(raw) {
                assert_eq!(ns, CONTACT, "{path}");
                *seen
                    .entry(format!("contact:{}", n.tag_name().name()))
                    .or_default() += 1;
                compare_contact(c, n, path);
                continue;
            }
            match (DomainData::from_raw(raw), HostData::from_raw(raw)) {
                (Some(d), None) => {
                    assert_eq!(ns, DOMAIN, "{path}");
                    *seen
                        .entry(format!("domain:{}", n.tag_name().name()))
                        .or_default() += 1;
                    match d {
                        DomainData::Check(list) => compare_check(list, n, path),
                        DomainData::Info(i) => {
                            assert_eq!(i.name().map(s), tok(n, "name"), "{path}");
                            assert_eq!(i.roid().map(s), tok(n, "roid"), "{path}");
                            let st = kids(n, "status");
                            assert_eq!(i.statuses().len(), st.len(), "{path}");
                            for (v, sn) in i.statuses().iter().zip(st) {
                                assert_eq!(s(v.raw()), sn.attribute("s").unwrap(), "{path}");
                                assert_eq!(
                                    v.value().map(|x| x.as_str()),
                                    sn.attribute("s"),
                                    "{path}"
                                );
                                assert_eq!(
                                    v.lang().map(s).as_deref(),
                                    sn.attribute("lang"),
                                    "{path}"
                                );
                                assert_eq!(s(v.text()), sn.text().unwrap_or(""), "{path}");
                            }
                            assert_eq!(i.registrant().map(s), tok(n, "registrant"), "{path}");
                            let contacts: Vec<(String, Option<String>)> = i
                                .contacts()
                                .iter()
                                .map(|c| (s(c.id()), c.type_raw().map(s)))
                                .collect();
                            let want: Vec<(String, Option<String>)> = kids(n, "contact")
                                .into_iter()
                                .map(|c| {
                                    (
                                        c.text().unwrap_or("").trim().to_string(),
                                        c.attribute("type").map(String::from),
                                    )
                                })
                                .collect();
                            assert_eq!(contacts, want, "{path}");
                            let ns_node = kids(n, "ns").first().copied();
                            match (i.ns(), ns_node) {
                                (None, None) => {}
                                (Some(NameServers::HostObjs(h)), Some(nn)) => {
                                    let want: Vec<String> = kids(nn, "hostObj")
                                        .into_iter()
                                        .map(|h| h.text().unwrap().trim().to_string())
                                        .collect();
                                    assert_eq!(tokens(h), want, "{path}");
                                }
                                (Some(NameServers::HostAttrs(h)), Some(nn)) => {
                                    let attrs = kids(nn, "hostAttr");
                                    assert_eq!(h.len(), attrs.len(), "{path}");
                                    for (a, an) in h.iter().zip(attrs) {
                                        assert_eq!(
                                            Some(s(a.name())),
                                            tok(an, "hostName"),
                                            "{path}"
                                        );
                                        let addrs: Vec<String> =
                                            a.addresses().iter().map(|x| s(x.raw())).collect();
                                        let want: Vec<String> = kids(an, "hostAddr")
                                            .into_iter()
                                            .map(|x| x.text().unwrap().trim().to_string())
                                            .collect();
                                        assert_eq!(addrs, want, "{path}");
                                    }
                                }
                                (v, w) => panic!("{path}: ns {v:?} vs {w:?}"),
                            }
                            let hosts: Vec<String> = kids(n, "host")
                                .into_iter()
                                .map(|h| h.text().unwrap().trim().to_string())
                                .collect();
                            assert_eq!(tokens(i.hosts()), hosts, "{path}");
                            assert_eq!(i.client_id().map(s), tok(n, "clID"), "{path}");
                            assert_eq!(i.creator_id().map(s), tok(n, "crID"), "{path}");
                            assert_eq!(ts(i.created()), tok(n, "crDate"), "{path}");
                            assert_eq!(i.updater_id().map(s), tok(n, "upID"), "{path}");
                            assert_eq!(ts(i.updated()), tok(n, "upDate"), "{path}");
                            assert_eq!(ts(i.expires()), tok(n, "exDate"), "{path}");
                            assert_eq!(ts(i.transferred()), tok(n, "trDate"), "{path}");
                            let pw = kids(n, "authInfo")
                                .first()
                                .and_then(|a| kids(*a, "pw").first().copied());
                            assert_eq!(
                                i.password().map(s),
                                pw.map(|p| p.text().unwrap_or("").to_string()),
                                "{path}"
                            );
                            assert_eq!(
                                i.password_roid().map(s).as_deref(),
                                pw.and_then(|p| p.attribute("roid")),
                                "{path}"
                            );
                        }
                        DomainData::Create(c) => {
                            assert_eq!(c.name().map(s), tok(n, "name"), "{path}");
                            assert_eq!(ts(c.created()), tok(n, "crDate"), "{path}");
                            assert_eq!(ts(c.expires()), tok(n, "exDate"), "{path}");
                        }
                        DomainData::Pending(p) => compare_pending(p, n, path),
                        DomainData::Renew(r) => {
                            assert_eq!(r.name().map(s), tok(n, "name"), "{path}");
                            assert_eq!(ts(r.expires()), tok(n, "exDate"), "{path}");
                        }
                        DomainData::Transfer(t) => compare_transfer(t, n, path),
                    }
                }
                (None, Some(h)) => {
                    assert_eq!(ns, HOST, "{path}");
                    *seen
                        .entry(format!("host:{}", n.tag_name().name()))
                        .or_default() += 1;
                    match h {
                        HostData::Check(list) => compare_check(list, n, path),
                        HostData::Info(i) => {
                            assert_eq!(i.name().map(s), tok(n, "name"), "{path}");
                            assert_eq!(i.roid().map(s), tok(n, "roid"), "{path}");
                            let st: Vec<String> = kids(n, "status")
                                .into_iter()
                                .map(|x| x.attribute("s").unwrap().to_string())
                                .collect();
                            assert_eq!(
                                i.statuses().iter().map(|v| s(v.raw())).collect::<Vec<_>>(),
                                st,
                                "{path}"
                            );
                            let addrs: Vec<(String, String)> = i
                                .addresses()
                                .iter()
                                .map(|a| {
                                    (
                                        s(a.raw()),
                                        a.ip().map(|ip| ip.to_string()).unwrap_or_default(),
                                    )
                                })
                                .collect();
                            let want: Vec<(String, String)> = kids(n, "addr")
                                .into_iter()
                                .map(|a| {
                                    let t = a.text().unwrap().trim().to_string();
                                    let ip = t.parse::<std::net::IpAddr>().unwrap().to_string();
                                    (t, ip)
                                })
                                .collect();
                            assert_eq!(addrs, want, "{path}");
                            assert_eq!(i.client_id().map(s), tok(n, "clID"), "{path}");
                            assert_eq!(i.creator_id().map(s), tok(n, "crID"), "{path}");
                            assert_eq!(ts(i.created()), tok(n, "crDate"), "{path}");
                            assert_eq!(i.updater_id().map(s), tok(n, "upID"), "{path}");
                            assert_eq!(ts(i.updated()), tok(n, "upDate"), "{path}");
                            assert_eq!(ts(i.transferred()), tok(n, "trDate"), "{path}");
                        }
                        HostData::Create(c) => {
                            assert_eq!(c.name().map(s), tok(n, "name"), "{path}");
                            assert_eq!(ts(c.created()), tok(n, "crDate"), "{path}");
                        }
                        HostData::Pending(p) => compare_pending(p, n, path),
                    }
                }
                (None, None) => assert!(
                    ns != DOMAIN && ns != HOST,
                    "{path}: {ns} {}",
                    n.tag_name().name()
                ),
                (Some(_), Some(_)) => unreachable!(),
            }
        }
    }
    for kind in [
        "domain:chkData",
        "domain:infData",
        "domain:creData",
        "domain:panData",
        "domain:renData",
        "domain:trnData",
        "host:chkData",
        "host:infData",
        "host:creData",
        "host:panData",
    ] {
        assert!(
            seen.get(kind).copied().unwrap_or(0) >= 1,
            "no {kind} in the corpus read: {seen:?}"
        );
    }
}

#[test]
fn tolerant_of_unknown_values_and_missing_elements() {
    let doc = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"/>
<resData><infData xmlns="urn:ietf:params:xml:ns:domain-1.0"><name>example.com</name><roid>1234</roid>
<x:odd xmlns:x="urn:example"/><status s="registryLocked">locked</status><crDate>yesterday</crDate></infData></resData>
<trID><svTRID>S</svTRID></trID></response></epp>"#;
    let r = read_response(doc.as_bytes()).unwrap();
    let Some(DomainData::Info(i)) = DomainData::from_raw(r.res_data().iter().next().unwrap())
    else {
        panic!()
    };
    assert_eq!(i.roid().unwrap(), "1234");
    let st = i.statuses().first().unwrap();
    assert_eq!(st.value(), None);
    assert_eq!(st.raw(), "registryLocked");
    assert!(i.client_id().is_none());
    assert_eq!(i.created().unwrap().raw(), "yesterday");
    assert!(i.created().unwrap().parsed().is_none());
    assert!(i.ns().is_none());
}
