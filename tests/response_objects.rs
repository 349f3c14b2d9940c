//! Domain, host and contact response data: every `<resData>` child of every
//! corpus response in those namespaces is read through the typed views and
//! compared field by field with an independent roxmltree walk; hand-made
//! info data holds what the corpus does not (status text and language,
//! unknown statuses, an address without `ip`, authInfo `<ext>`, escapes).
//! The ns of a domain as hostAttr is in `response_hostattr.rs`.

mod common;

use common::{text_of, token_of, xml_trim};

use std::collections::HashMap;

use epp_codec::view::command::contact::{ContactStatus, PostalInfoType};
use epp_codec::view::command::domain::{DomainStatus, NameServers};
use epp_codec::view::command::host::HostStatus;
use epp_codec::view::response::object::{
    CheckItem, ObjectStatus, PendingData, StatusValue, Timestamp, TransferData,
};
use epp_codec::view::{
    ContactData, DomainData, HostData, IpVersion, List, ListItem, Str, read_response,
};

const DOMAIN: &str = "urn:ietf:params:xml:ns:domain-1.0";
const HOST: &str = "urn:ietf:params:xml:ns:host-1.0";
const CONTACT: &str = "urn:ietf:params:xml:ns:contact-1.0";

type Node<'a, 'i> = roxmltree::Node<'a, 'i>;

/// How many of each kind of data (`domain:infData`) and of each field
/// worth counting (`host:status text`) the comparisons went through.
type Seen = HashMap<String, usize>;

fn count(seen: &mut Seen, key: impl Into<String>) {
    *seen.entry(key.into()).or_default() += 1;
}

fn s(v: Str<'_>) -> String {
    v.to_string()
}

fn kids<'a, 'i>(n: Node<'a, 'i>, local: &'a str) -> Vec<Node<'a, 'i>> {
    n.children()
        .filter(|c| c.is_element() && c.tag_name().name() == local)
        .collect()
}

fn kid<'a, 'i>(n: Node<'a, 'i>, local: &'a str) -> Option<Node<'a, 'i>> {
    kids(n, local).into_iter().next()
}

/// The token of the first child `local` of `n`.
fn tok(n: Node<'_, '_>, local: &str) -> Option<String> {
    kid(n, local).map(token_of)
}

/// The text (not trimmed) of the first child `local` of `n`.
fn txt(n: Node<'_, '_>, local: &str) -> Option<String> {
    kid(n, local).map(text_of)
}

/// The attribute `name` of `n`, trimmed (an attribute of a token type).
fn attr<'n>(n: Node<'n, '_>, name: &str) -> Option<&'n str> {
    n.attribute(name).map(xml_trim)
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

/// An XML Schema boolean, read as tolerantly as the views promise (`None`
/// when it is not one).
fn boolean(v: Option<&str>) -> Option<bool> {
    match xml_trim(v?) {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// The `<enumeration>` values of the simple type `type_name` in the corpus
/// XSD `file`: what a typed value may be, read independently of the views.
fn xsd_enumeration(file: &str, type_name: &str) -> Vec<String> {
    let xsd = std::fs::read_to_string(common::corpus_dir().join("xsd").join(file)).unwrap();
    let doc = roxmltree::Document::parse(&xsd).unwrap();
    let simple = doc
        .descendants()
        .find(|n| n.tag_name().name() == "simpleType" && n.attribute("name") == Some(type_name))
        .unwrap_or_else(|| panic!("{type_name} in {file}"));
    let values: Vec<String> = simple
        .descendants()
        .filter(|n| n.tag_name().name() == "enumeration")
        .map(|n| n.attribute("value").unwrap().to_string())
        .collect();
    assert!(!values.is_empty());
    values
}

/// The status values of the three mappings and the transfer statuses.
struct Enumerations {
    domain: Vec<String>,
    host: Vec<String>,
    contact: Vec<String>,
    transfer: Vec<String>,
}

impl Enumerations {
    fn read() -> Self {
        Enumerations {
            domain: xsd_enumeration("domain-1.0.xsd", "statusValueType"),
            host: xsd_enumeration("host-1.0.xsd", "statusValueType"),
            contact: xsd_enumeration("contact-1.0.xsd", "statusValueType"),
            transfer: xsd_enumeration("eppcom-1.0.xsd", "trStatusType"),
        }
    }
}

/// Every `<status>` of an info data: `s` as written and typed (typed only
/// when the schema defines it), `lang` and the text.
fn compare_statuses<'a, S>(
    list: List<'a, ObjectStatus<'a, S>>,
    n: Node<'_, '_>,
    known: &[String],
    as_str: fn(S) -> &'static str,
    kind: &str,
    seen: &mut Seen,
    path: &str,
) where
    S: StatusValue,
    ObjectStatus<'a, S>: ListItem<'a>,
{
    let nodes = kids(n, "status");
    assert_eq!(list.len(), nodes.len(), "{path}");
    assert_eq!(list.iter().count(), nodes.len(), "{path}");
    for (v, sn) in list.iter().zip(nodes) {
        let raw = attr(sn, "s").unwrap_or("");
        assert_eq!(s(v.raw()), raw, "{path}");
        assert_eq!(
            v.value().map(as_str),
            known.iter().find(|k| *k == raw).map(String::as_str),
            "{path}"
        );
        assert_eq!(v.lang().map(s).as_deref(), attr(sn, "lang"), "{path}");
        assert_eq!(s(v.text()), text_of(sn), "{path}");
        if v.value().is_none() {
            count(seen, format!("{kind}:status unknown"));
        }
        if v.lang().is_some() {
            count(seen, format!("{kind}:status lang"));
        }
        if !v.text().is_empty() {
            count(seen, format!("{kind}:status text"));
        }
    }
}

/// What a domain or contact info view reads of `<authInfo>`: the
/// password, its `roid`, and `<ext>`'s content as written.
type AuthInfoRead<'a> = (Option<Str<'a>>, Option<Str<'a>>, Option<&'a str>);

/// `<authInfo>` of a domain or contact info, compared with roxmltree.
fn compare_auth_info(
    (password, password_roid, ext): AuthInfoRead<'_>,
    n: Node<'_, '_>,
    text: &str,
    kind: &str,
    seen: &mut Seen,
    path: &str,
) {
    let auth = kid(n, "authInfo");
    let pw = auth.and_then(|a| kid(a, "pw"));
    assert_eq!(password.map(s), pw.map(text_of), "{path}");
    assert_eq!(
        password_roid.map(s).as_deref(),
        pw.and_then(|p| p.attribute("roid")),
        "{path}"
    );
    let ext_node = auth.and_then(|a| kid(a, "ext"));
    assert_eq!(ext, ext_node.map(|e| common::content_of(text, e)), "{path}");
    if password_roid.is_some() {
        count(seen, format!("{kind}:pw roid"));
    }
    if ext.is_some() {
        count(seen, format!("{kind}:authInfo ext"));
    }
}

/// The `ip` attribute as the views read it: `v6`, or `v4` when absent or
/// anything else.
fn ip_version(n: Node<'_, '_>) -> IpVersion {
    if attr(n, "ip") == Some("v6") {
        IpVersion::V6
    } else {
        IpVersion::V4
    }
}

fn compare_check(list: List<'_, CheckItem<'_>>, n: Node<'_, '_>, path: &str) {
    let cds = kids(n, "cd");
    assert_eq!(list.len(), cds.len(), "{path}");
    assert_eq!(list.iter().count(), cds.len(), "{path}");
    for (item, cd) in list.iter().zip(cds) {
        let key = cd.children().find(|c| c.is_element()).unwrap();
        assert_eq!(item.name().map(s), Some(token_of(key)), "{path}");
        assert_eq!(item.available(), boolean(key.attribute("avail")), "{path}");
        let reason = kid(cd, "reason");
        assert_eq!(item.reason().map(s), reason.map(text_of), "{path}");
        assert_eq!(
            item.reason_lang().map(s).as_deref(),
            reason.and_then(|r| r.attribute("lang")),
            "{path}"
        );
    }
}

fn compare_pending(p: PendingData<'_>, n: Node<'_, '_>, path: &str) {
    let key = n.children().find(|c| c.is_element()).unwrap();
    assert_eq!(p.name().map(s), Some(token_of(key)), "{path}");
    assert_eq!(p.result(), boolean(key.attribute("paResult")), "{path}");
    let tr = kid(n, "paTRID");
    let t = p.transaction();
    assert_eq!(t.is_some(), tr.is_some(), "{path}");
    if let (Some(t), Some(tr)) = (t, tr) {
        assert_eq!(t.cl_trid.map(s), tok(tr, "clTRID"), "{path}");
        assert_eq!(t.sv_trid.map(s), tok(tr, "svTRID"), "{path}");
    }
    assert_eq!(ts(p.date()), tok(n, "paDate"), "{path}");
}

fn compare_transfer(t: TransferData<'_>, n: Node<'_, '_>, known: &[String], path: &str) {
    assert_eq!(
        t.name().map(s),
        tok(n, "name").or_else(|| tok(n, "id")),
        "{path}"
    );
    let status = tok(n, "trStatus");
    assert_eq!(t.status_raw().map(s), status, "{path}");
    assert_eq!(
        t.status().map(|v| v.as_str().to_string()),
        status.filter(|st| known.contains(st)),
        "{path}"
    );
    assert_eq!(t.requester().map(s), tok(n, "reID"), "{path}");
    assert_eq!(ts(t.requested()), tok(n, "reDate"), "{path}");
    assert_eq!(t.actor().map(s), tok(n, "acID"), "{path}");
    assert_eq!(ts(t.action_due()), tok(n, "acDate"), "{path}");
    assert_eq!(ts(t.expires()), tok(n, "exDate"), "{path}");
}

fn compare_domain(
    d: DomainData<'_>,
    n: Node<'_, '_>,
    text: &str,
    known: &Enumerations,
    seen: &mut Seen,
    path: &str,
) {
    match d {
        DomainData::Check(list) => compare_check(list, n, path),
        DomainData::Info(i) => {
            assert_eq!(i.name().map(s), tok(n, "name"), "{path}");
            assert_eq!(i.roid().map(s), tok(n, "roid"), "{path}");
            compare_statuses(
                i.statuses(),
                n,
                &known.domain,
                DomainStatus::as_str,
                "domain",
                seen,
                path,
            );
            assert_eq!(i.registrant().map(s), tok(n, "registrant"), "{path}");
            let contacts: Vec<(String, Option<String>, Option<&str>)> = i
                .contacts()
                .iter()
                .map(|c| {
                    (
                        s(c.id()),
                        c.type_raw().map(s),
                        c.contact_type().map(|t| t.as_str()),
                    )
                })
                .collect();
            let want: Vec<(String, Option<String>, Option<&str>)> = kids(n, "contact")
                .into_iter()
                .map(|c| {
                    let kind = attr(c, "type");
                    (
                        token_of(c),
                        kind.map(String::from),
                        kind.filter(|k| ["admin", "billing", "tech"].contains(k)),
                    )
                })
                .collect();
            assert_eq!(contacts, want, "{path}");
            let ns_node = kid(n, "ns");
            match (i.ns(), ns_node) {
                (None, None) => {}
                (Some(NameServers::HostObjs(h)), Some(nn)) => {
                    assert!(kids(nn, "hostAttr").is_empty(), "{path}");
                    let want: Vec<String> = kids(nn, "hostObj").into_iter().map(token_of).collect();
                    assert_eq!(tokens(h), want, "{path}");
                    count(seen, "domain:hostObj");
                }
                (Some(NameServers::HostAttrs(h)), Some(nn)) => {
                    let attrs = kids(nn, "hostAttr");
                    assert_eq!(h.len(), attrs.len(), "{path}");
                    assert_eq!(h.iter().count(), attrs.len(), "{path}");
                    for (a, an) in h.iter().zip(attrs) {
                        assert_eq!(Some(s(a.name())), tok(an, "hostName"), "{path}");
                        let got: Vec<(String, IpVersion, Option<String>)> = a
                            .addresses()
                            .iter()
                            .map(|x| (s(x.raw()), x.version(), x.version_raw().map(s)))
                            .collect();
                        let want: Vec<(String, IpVersion, Option<String>)> = kids(an, "hostAddr")
                            .into_iter()
                            .map(|x| (token_of(x), ip_version(x), attr(x, "ip").map(String::from)))
                            .collect();
                        assert_eq!(got, want, "{path}");
                        count(seen, "domain:hostAttr");
                        if !want.is_empty() {
                            count(seen, "domain:hostAddr");
                        }
                    }
                }
                (v, w) => panic!("{path}: ns {v:?} vs {w:?}"),
            }
            let hosts: Vec<String> = kids(n, "host").into_iter().map(token_of).collect();
            assert_eq!(tokens(i.hosts()), hosts, "{path}");
            assert_eq!(i.client_id().map(s), tok(n, "clID"), "{path}");
            assert_eq!(i.creator_id().map(s), tok(n, "crID"), "{path}");
            assert_eq!(ts(i.created()), tok(n, "crDate"), "{path}");
            assert_eq!(i.updater_id().map(s), tok(n, "upID"), "{path}");
            assert_eq!(ts(i.updated()), tok(n, "upDate"), "{path}");
            assert_eq!(ts(i.expires()), tok(n, "exDate"), "{path}");
            assert_eq!(ts(i.transferred()), tok(n, "trDate"), "{path}");
            compare_auth_info(
                (i.password(), i.password_roid(), i.auth_info_ext()),
                n,
                text,
                "domain",
                seen,
                path,
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
        DomainData::Transfer(t) => compare_transfer(t, n, &known.transfer, path),
    }
}

fn compare_host(
    h: HostData<'_>,
    n: Node<'_, '_>,
    known: &Enumerations,
    seen: &mut Seen,
    path: &str,
) {
    match h {
        HostData::Check(list) => compare_check(list, n, path),
        HostData::Info(i) => {
            assert_eq!(i.name().map(s), tok(n, "name"), "{path}");
            assert_eq!(i.roid().map(s), tok(n, "roid"), "{path}");
            compare_statuses(
                i.statuses(),
                n,
                &known.host,
                HostStatus::as_str,
                "host",
                seen,
                path,
            );
            // `ip()` is left out: what it gives for an address that does not
            // parse is being changed (it will be an `Option`).
            let addrs: Vec<(String, IpVersion, bool)> = i
                .addresses()
                .iter()
                .map(|a| (s(a.raw()), a.version(), a.has_version_attribute()))
                .collect();
            let want: Vec<(String, IpVersion, bool)> = kids(n, "addr")
                .into_iter()
                .map(|a| (token_of(a), ip_version(a), a.attribute("ip").is_some()))
                .collect();
            assert_eq!(addrs, want, "{path}");
            for (_, version, written) in want {
                count(seen, format!("host:addr {version:?} written={written}"));
            }
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

/// `+CC.NUMBER` split as RFC 5733's `e164StringType` allows it.
fn e164(number: &str) -> Option<(String, String)> {
    let (cc, rest) = number.strip_prefix('+')?.split_once('.')?;
    let digits =
        |p: &str, max: usize| (1..=max).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit());
    (digits(cc, 3) && digits(rest, 14) && number.len() <= 17)
        .then(|| (cc.to_string(), rest.to_string()))
}

fn compare_contact(
    c: ContactData<'_>,
    n: Node<'_, '_>,
    text: &str,
    known: &Enumerations,
    seen: &mut Seen,
    path: &str,
) {
    match c {
        ContactData::Check(list) => compare_check(list, n, path),
        ContactData::Pending(p) => compare_pending(p, n, path),
        ContactData::Transfer(t) => compare_transfer(t, n, &known.transfer, path),
        ContactData::Create(c) => {
            assert_eq!(c.id().map(s), tok(n, "id"), "{path}");
            assert_eq!(ts(c.created()), tok(n, "crDate"), "{path}");
        }
        ContactData::Info(i) => {
            assert_eq!(i.id().map(s), tok(n, "id"), "{path}");
            assert_eq!(i.roid().map(s), tok(n, "roid"), "{path}");
            compare_statuses(
                i.statuses(),
                n,
                &known.contact,
                ContactStatus::as_str,
                "contact",
                seen,
                path,
            );
            let postal = kids(n, "postalInfo");
            assert_eq!(i.postal_infos().len(), postal.len(), "{path}");
            assert_eq!(i.postal_infos().iter().count(), postal.len(), "{path}");
            for (p, pn) in i.postal_infos().iter().zip(postal) {
                let info_type = if attr(pn, "type") == Some("loc") {
                    PostalInfoType::Loc
                } else {
                    PostalInfoType::Int
                };
                assert_eq!(p.info_type(), info_type, "{path}");
                assert_eq!(p.name().map(s), txt(pn, "name"), "{path}");
                assert_eq!(p.org().map(s), txt(pn, "org"), "{path}");
                let an = kid(pn, "addr");
                assert_eq!(p.address().is_some(), an.is_some(), "{path}");
                let (Some(a), Some(an)) = (p.address(), an) else {
                    continue;
                };
                let streets: Vec<String> = a.streets().iter().map(|x| s(x.0)).collect();
                let want: Vec<String> = kids(an, "street").into_iter().map(text_of).collect();
                assert_eq!(streets, want, "{path}");
                assert_eq!(s(a.city()), txt(an, "city").unwrap_or_default(), "{path}");
                assert_eq!(a.state_province().map(s), txt(an, "sp"), "{path}");
                assert_eq!(a.postal_code().map(s), tok(an, "pc"), "{path}");
                assert_eq!(
                    s(a.country_code()),
                    tok(an, "cc").unwrap_or_default(),
                    "{path}"
                );
                count(seen, format!("contact:postalInfo {info_type:?}"));
            }
            for (phone, local) in [(i.voice(), "voice"), (i.fax(), "fax")] {
                let node = kid(n, local);
                assert_eq!(phone.map(|p| s(p.number())), node.map(token_of), "{path}");
                assert_eq!(
                    phone.and_then(|p| p.extension()).map(s).as_deref(),
                    node.and_then(|x| attr(x, "x")),
                    "{path}"
                );
                assert_eq!(
                    phone
                        .and_then(|p| p.e164())
                        .map(|e| (e.country_code.to_string(), e.number.to_string())),
                    node.and_then(|x| e164(&token_of(x))),
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
            compare_auth_info(
                (i.password(), i.password_roid(), i.auth_info_ext()),
                n,
                text,
                "contact",
                seen,
                path,
            );
            let d = kid(n, "disclose");
            assert_eq!(i.disclose().is_some(), d.is_some(), "{path}");
            if let (Some(v), Some(dn)) = (i.disclose(), d) {
                assert_eq!(
                    v.flag,
                    boolean(dn.attribute("flag")).unwrap_or(false),
                    "{path}"
                );
                for (forms, local) in [(v.name, "name"), (v.org, "org"), (v.addr, "addr")] {
                    // A form without `type` counts as `int`, as a postalInfo's does.
                    let loc: Vec<bool> = kids(dn, local)
                        .iter()
                        .map(|k| attr(*k, "type") == Some("loc"))
                        .collect();
                    assert_eq!(
                        (forms.int, forms.loc),
                        (loc.contains(&false), loc.contains(&true)),
                        "{path}"
                    );
                }
                assert_eq!(
                    (v.voice, v.fax, v.email),
                    (
                        kid(dn, "voice").is_some(),
                        kid(dn, "fax").is_some(),
                        kid(dn, "email").is_some()
                    ),
                    "{path}"
                );
                count(seen, format!("contact:disclose flag={}", v.flag));
            }
        }
    }
}

/// Reads `text` as a response and compares every domain, host and contact
/// child of its `<resData>` with roxmltree's reading; counts what it saw.
fn compare_object_response(text: &str, path: &str, known: &Enumerations, seen: &mut Seen) {
    let doc = roxmltree::Document::parse(text).unwrap();
    let response = read_response(text.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
    let res_data: Vec<Node<'_, '_>> = doc
        .descendants()
        .find(|n| n.tag_name().name() == "resData")
        .map(|r| r.children().filter(|c| c.is_element()).collect())
        .unwrap_or_default();
    assert_eq!(response.res_data().len(), res_data.len(), "{path}");
    for (raw, n) in response.res_data().iter().zip(res_data) {
        let ns = n.tag_name().namespace().unwrap_or("");
        let kind = match ns {
            DOMAIN => "domain",
            HOST => "host",
            CONTACT => "contact",
            _ => "",
        };
        let typed = (
            DomainData::from_raw(raw),
            HostData::from_raw(raw),
            ContactData::from_raw(raw),
        );
        match typed {
            (Some(d), None, None) => compare_domain(d, n, text, known, seen, path),
            (None, Some(h), None) => compare_host(h, n, known, seen, path),
            (None, None, Some(c)) => compare_contact(c, n, text, known, seen, path),
            (None, None, None) => {
                assert_eq!(kind, "", "{path}: {ns} {}", n.tag_name().name());
                continue;
            }
            _ => panic!("{path}: read as two mappings' data"),
        }
        let expected = match typed {
            (Some(_), ..) => DOMAIN,
            (_, Some(_), _) => HOST,
            _ => CONTACT,
        };
        assert_eq!(ns, expected, "{path}");
        count(seen, format!("{kind}:{}", n.tag_name().name()));
    }
}

#[test]
fn every_corpus_object_response_matches_roxmltree() {
    let known = Enumerations::read();
    let mut seen = Seen::new();
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "response")
    {
        compare_object_response(
            std::str::from_utf8(&m.bytes).unwrap(),
            &m.path,
            &known,
            &mut seen,
        );
    }
    for kind in [
        "domain:chkData",
        "domain:infData",
        "domain:creData",
        "domain:panData",
        "domain:renData",
        "domain:trnData",
        "domain:hostObj",
        "host:chkData",
        "host:infData",
        "host:creData",
        "host:panData",
        "host:addr V4 written=true",
        "host:addr V6 written=true",
        "contact:chkData",
        "contact:infData",
        "contact:creData",
        "contact:panData",
        "contact:trnData",
        "contact:postalInfo Int",
        "contact:postalInfo Loc",
        "contact:disclose flag=false",
    ] {
        assert!(
            seen.get(kind).copied().unwrap_or(0) >= 1,
            "no {kind} in the corpus read: {seen:?}"
        );
    }
}

/// Info data of the three mappings holding what no corpus response does:
/// statuses with text and a language, one the schema does not define, an
/// address without `ip`, authInfo `<ext>`, a disclose form without `type`,
/// a pw `roid`, references, comments and padding.
const INFO: &str = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
<result code="1000"><msg>Command completed successfully</msg></result>
<resData>
  <host:infData xmlns:host="urn:ietf:params:xml:ns:host-1.0">
    <host:name> ns1.example.com </host:name>
    <host:roid>NS1_EXAMPLE1-REP</host:roid>
    <host:status s=" clientUpdateProhibited " lang=" fr ">Verrouill&#xE9; &amp; gel&#xE9;<!-- c --></host:status>
    <host:status s="registryLocked"/>
    <host:addr> 192.0.2.2 </host:addr>
    <host:addr ip="v4">192.0.2.29</host:addr>
    <host:addr ip=" v6 ">1080:0:0:0:8:800:200C:417A</host:addr>
    <host:clID>ClientY</host:clID>
    <host:crID>ClientX</host:crID>
    <host:crDate>1999-04-03T22:00:00.0Z</host:crDate>
    <host:upID>ClientX</host:upID>
    <host:upDate>1999-12-03T09:00:00.0Z</host:upDate>
    <host:trDate>2000-04-08T09:00:00.0Z</host:trDate>
  </host:infData>
  <contact:infData xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
    <contact:id>sh8013</contact:id>
    <contact:roid>SH8013-REP</contact:roid>
    <contact:status s="linked" lang="de">verkn&#xFC;pft</contact:status>
    <contact:status s="clientDeleteProhibited"/>
    <contact:status s="serverHold">not a contact status</contact:status>
    <contact:postalInfo type="loc">
      <contact:name>Jos&#xE9; &amp; Fils</contact:name>
      <contact:org> Example <![CDATA[<Inc.>]]> </contact:org>
      <contact:addr>
        <contact:street>123 Example Dr.</contact:street>
        <contact:street> Suite 100 </contact:street>
        <contact:city>Dulles</contact:city>
        <contact:sp>VA</contact:sp>
        <contact:pc> 20166-6503 </contact:pc>
        <contact:cc>US</contact:cc>
      </contact:addr>
    </contact:postalInfo>
    <contact:postalInfo type="int">
      <contact:name>Jose and Sons</contact:name>
      <contact:addr><contact:city>Dulles</contact:city><contact:cc>US</contact:cc></contact:addr>
    </contact:postalInfo>
    <contact:voice x=" 1234 "> +1.7035555555 </contact:voice>
    <contact:fax>+1234.5</contact:fax>
    <contact:email>jdoe@example.com</contact:email>
    <contact:clID>ClientY</contact:clID>
    <contact:crID>ClientX</contact:crID>
    <contact:crDate>1999-04-03T22:00:00.0Z</contact:crDate>
    <contact:upID>ClientX</contact:upID>
    <contact:upDate>1999-12-03T09:00:00.0Z</contact:upDate>
    <contact:trDate>2000-04-08T09:00:00.0Z</contact:trDate>
    <contact:authInfo>
      <contact:ext><x:token xmlns:x="urn:example:auth">a &amp; b</x:token></contact:ext>
    </contact:authInfo>
    <contact:disclose flag=" true ">
      <contact:name type="loc"/>
      <contact:org/>
      <contact:addr type="int"/>
      <contact:addr type="loc"/>
      <contact:voice/>
      <contact:email/>
    </contact:disclose>
  </contact:infData>
  <domain:infData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
    <domain:name>example.com</domain:name>
    <domain:roid>EXAMPLE1-REP</domain:roid>
    <domain:status s="clientHold" lang="en">Payment &lt;overdue&gt;</domain:status>
    <domain:status s="inactive"/>
    <domain:status s="redemptionPeriod"/>
    <domain:registrant>jd1234</domain:registrant>
    <domain:contact type="admin">sh8013</domain:contact>
    <domain:contact type=" tech ">sh8013</domain:contact>
    <domain:contact type="owner">sh8013</domain:contact>
    <domain:contact>sh8014</domain:contact>
    <domain:ns><domain:hostObj> ns1.example.com </domain:hostObj></domain:ns>
    <domain:host>ns1.example.com</domain:host>
    <domain:clID>ClientX</domain:clID>
    <domain:crDate>1999-04-03T22:00:00.0Z</domain:crDate>
    <domain:exDate>2005-04-03T22:00:00.0Z</domain:exDate>
    <domain:authInfo>
      <domain:pw roid="SH8013-REP">2fooBAR&amp;</domain:pw>
      <domain:ext><x:token xmlns:x="urn:example:auth"/></domain:ext>
    </domain:authInfo>
  </domain:infData>
</resData>
<trID><svTRID>54322-XYZ</svTRID></trID>
</response></epp>"#;

#[test]
fn hand_made_info_data_matches_roxmltree() {
    let known = Enumerations::read();
    let mut seen = Seen::new();
    compare_object_response(INFO, "INFO", &known, &mut seen);
    for kind in [
        "host:infData",
        "host:status lang",
        "host:status text",
        "host:status unknown",
        "host:addr V4 written=false",
        "host:addr V4 written=true",
        "host:addr V6 written=true",
        "contact:infData",
        "contact:status lang",
        "contact:status text",
        "contact:status unknown",
        "contact:authInfo ext",
        "contact:postalInfo Loc",
        "contact:postalInfo Int",
        "contact:disclose flag=true",
        "domain:infData",
        "domain:status lang",
        "domain:status text",
        "domain:status unknown",
        "domain:authInfo ext",
        "domain:pw roid",
    ] {
        assert!(
            seen.get(kind).copied().unwrap_or(0) >= 1,
            "{kind} not compared: {seen:?}"
        );
    }

    // And as written here, so that the comparison cannot agree on a wrong reading.
    let r = read_response(INFO.as_bytes()).unwrap();
    let mut data = r.res_data().iter();
    let Some(HostData::Info(host)) = HostData::from_raw(data.next().unwrap()) else {
        panic!("host:infData")
    };
    assert_eq!(host.name().unwrap(), "ns1.example.com");
    let statuses: Vec<_> = host.statuses().iter().collect();
    assert_eq!(
        statuses[0].value(),
        Some(HostStatus::ClientUpdateProhibited)
    );
    assert_eq!(statuses[0].lang().unwrap(), "fr");
    assert_eq!(statuses[0].text(), "Verrouillé & gelé");
    assert_eq!(
        (statuses[1].value(), statuses[1].raw()),
        (None, Str::new("registryLocked"))
    );
    let addrs: Vec<_> = host.addresses().iter().collect();
    assert_eq!(addrs[0].raw(), "192.0.2.2");
    assert_eq!(addrs[0].version(), IpVersion::V4);
    assert!(!addrs[0].has_version_attribute());
    assert_eq!(addrs[2].version(), IpVersion::V6);

    let Some(ContactData::Info(contact)) = ContactData::from_raw(data.next().unwrap()) else {
        panic!("contact:infData")
    };
    let statuses: Vec<_> = contact.statuses().iter().collect();
    assert_eq!(statuses[0].value(), Some(ContactStatus::Linked));
    assert_eq!(statuses[0].text(), "verknüpft");
    assert_eq!(statuses[2].value(), None);
    let loc = contact.postal_infos().first().unwrap();
    assert_eq!(loc.info_type(), PostalInfoType::Loc);
    assert_eq!(loc.name().unwrap(), "José & Fils");
    assert_eq!(loc.org().unwrap(), " Example <Inc.> ");
    let address = loc.address().unwrap();
    assert_eq!(address.streets().get(1).unwrap().0, " Suite 100 ");
    assert_eq!(address.postal_code().unwrap(), "20166-6503");
    let voice = contact.voice().unwrap();
    assert_eq!(
        (voice.number(), voice.extension()),
        (Str::new("+1.7035555555"), Some(Str::new("1234")))
    );
    assert_eq!(voice.e164().unwrap().country_code, "1");
    // A country code of four digits is not E.164.
    assert!(contact.fax().unwrap().e164().is_none());
    assert_eq!(
        contact.auth_info_ext(),
        Some(r#"<x:token xmlns:x="urn:example:auth">a &amp; b</x:token>"#)
    );
    assert!(contact.password().is_none());
    let disclose = contact.disclose().unwrap();
    assert!(disclose.flag);
    assert_eq!((disclose.name.int, disclose.name.loc), (false, true));
    assert_eq!((disclose.org.int, disclose.org.loc), (true, false));
    assert_eq!((disclose.addr.int, disclose.addr.loc), (true, true));
    assert_eq!(
        (disclose.voice, disclose.fax, disclose.email),
        (true, false, true)
    );

    let Some(DomainData::Info(domain)) = DomainData::from_raw(data.next().unwrap()) else {
        panic!("domain:infData")
    };
    let statuses: Vec<_> = domain.statuses().iter().collect();
    assert_eq!(statuses[0].value(), Some(DomainStatus::ClientHold));
    assert_eq!(statuses[0].text(), "Payment <overdue>");
    assert_eq!(statuses[1].value(), Some(DomainStatus::Inactive));
    assert_eq!(statuses[2].value(), None);
    let types: Vec<_> = domain.contacts().iter().map(|c| c.contact_type()).collect();
    assert_eq!(types.len(), 4);
    assert!(types[0].is_some() && types[1].is_some());
    assert_eq!((types[2], types[3]), (None, None));
    assert_eq!(domain.password().unwrap(), "2fooBAR&");
    assert_eq!(domain.password_roid().unwrap(), "SH8013-REP");
    assert_eq!(
        domain.auth_info_ext(),
        Some(r#"<x:token xmlns:x="urn:example:auth"/>"#)
    );
    assert!(data.next().is_none());
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

/// A check item's parts are found wherever they stand among its children:
/// a reason before the name, a foreign element called `name` (another
/// namespace, so not a field) before the real one, a second reason that
/// does not count, and an item with no reason at all.
#[test]
fn check_items_find_their_parts_in_any_order() {
    let doc = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"/>
<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
  <domain:cd><domain:reason lang="fr">D&#xE9;j&#xE0; pris</domain:reason><x:name xmlns:x="urn:example">no</x:name>
    <domain:name avail="0"> taken.example </domain:name><domain:reason>second</domain:reason></domain:cd>
  <domain:cd><domain:name avail="true">free.example</domain:name></domain:cd>
  <domain:cd><!-- nothing but a comment --></domain:cd>
</domain:chkData></resData>
<trID><svTRID>S</svTRID></trID></response></epp>"#;
    let r = read_response(doc.as_bytes()).unwrap();
    let Some(DomainData::Check(list)) = DomainData::from_raw(r.res_data().iter().next().unwrap())
    else {
        panic!("no chkData")
    };
    let items: Vec<CheckItem<'_>> = list.iter().collect();
    assert_eq!(items.len(), 3);

    assert_eq!(items[0].name().map(s).as_deref(), Some("taken.example"));
    assert_eq!(items[0].available(), Some(false));
    assert_eq!(items[0].reason().map(s).as_deref(), Some("Déjà pris"));
    assert_eq!(items[0].reason_lang().map(s).as_deref(), Some("fr"));

    assert_eq!(items[1].name().map(s).as_deref(), Some("free.example"));
    assert_eq!(items[1].available(), Some(true));
    assert_eq!(items[1].reason(), None);
    assert_eq!(items[1].reason_lang(), None);

    assert_eq!(items[2].name(), None);
    assert_eq!(items[2].available(), None);
    assert_eq!(items[2].reason(), None);
}
