//! Drivers for the command benches: reading a command and extracting every
//! field, with epp-codec's views and, for comparison, with roxmltree and
//! quick-xml's `NsReader` doing the same extraction by hand.
//!
//! Each driver returns a checksum over every extracted field (lengths of
//! the unescaped strings, numbers), so nothing is optimized away and the
//! drivers can be checked against each other.

use std::hint::black_box;

const DOMAIN: &str = "urn:ietf:params:xml:ns:domain-1.0";
const EPP: &str = "urn:ietf:params:xml:ns:epp-1.0";

/// A `<domain:check>` command with `names` names.
pub fn domain_check_command(names: usize) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(64 * names + 400);
    s.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n\
         <epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">\n  <command>\n    <check>\n      \
         <domain:check xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\">\n",
    );
    for n in 0..names {
        let _ = writeln!(s, "        <domain:name>example{n}.com</domain:name>");
    }
    s.push_str(
        "      </domain:check>\n    </check>\n    <clTRID>ABC-12345</clTRID>\n  </command>\n</epp>\n",
    );
    s
}

/// The fields of a domain command that the drivers extract, by local name
/// in the domain namespace (text content) — the union over create and check.
const DOMAIN_TEXT_FIELDS: &[&str] = &[
    "name",
    "period",
    "hostObj",
    "hostName",
    "hostAddr",
    "registrant",
    "contact",
    "pw",
];

/// Attributes the drivers extract: `(element, attribute)`.
const DOMAIN_ATTRIBUTES: &[(&str, &str)] = &[
    ("period", "unit"),
    ("contact", "type"),
    ("hostAddr", "ip"),
    ("pw", "roid"),
];

/// roxmltree: parse the tree, then walk it for every domain field and the clTRID.
///
/// # Panics
///
/// On a parse error.
#[inline(never)]
pub fn extract_roxmltree(doc: &str) -> usize {
    let d = roxmltree::Document::parse(doc).expect("roxmltree error");
    let mut sum = 0;
    for node in d.descendants().filter(roxmltree::Node::is_element) {
        let name = node.tag_name();
        match name.namespace() {
            Some(DOMAIN) if DOMAIN_TEXT_FIELDS.contains(&name.name()) => {
                sum += node.text().map_or(0, |t| t.trim().len());
                for &(element, attribute) in DOMAIN_ATTRIBUTES {
                    if element == name.name() {
                        sum += node.attribute(attribute).map_or(0, str::len);
                    }
                }
            }
            Some(EPP) if name.name() == "clTRID" => {
                sum += node.text().map_or(0, |t| t.trim().len());
            }
            _ => {}
        }
    }
    black_box(sum)
}

/// quick-xml's `NsReader`: stream the events, resolve each start tag, and
/// collect the text of the fields and their attributes.
///
/// # Panics
///
/// On a parse error.
#[inline(never)]
pub fn extract_quick_xml(doc: &str) -> usize {
    use quick_xml::events::Event;
    use quick_xml::name::{Namespace, ResolveResult};
    let mut reader = quick_xml::NsReader::from_str(doc);
    let mut sum = 0;
    // Whether the text that follows belongs to a field we extract.
    let mut in_field = false;
    loop {
        let (resolved, event) = reader.read_resolved_event().expect("quick_xml error");
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                let local = std::str::from_utf8(local.as_ref()).expect("utf-8 name");
                in_field = match resolved {
                    ResolveResult::Bound(Namespace(ns)) if ns == DOMAIN.as_bytes() => {
                        for &(element, attribute) in DOMAIN_ATTRIBUTES {
                            if element == local {
                                if let Some(a) = e.try_get_attribute(attribute).expect("attribute")
                                {
                                    sum += a.unescape_value().expect("attribute value").len();
                                }
                            }
                        }
                        DOMAIN_TEXT_FIELDS.contains(&local)
                    }
                    ResolveResult::Bound(Namespace(ns)) if ns == EPP.as_bytes() => {
                        local == "clTRID"
                    }
                    _ => false,
                } && matches!(event, Event::Start(_));
            }
            Event::Text(t) if in_field => {
                sum += t.xml_content().expect("text").trim().len();
            }
            Event::End(_) => in_field = false,
            _ => {}
        }
    }
    black_box(sum)
}

fn str_len(s: epp_codec::view::Str<'_>) -> usize {
    match s.as_plain() {
        Some(plain) => plain.len(),
        None => s.chars().map(char::len_utf8).sum(),
    }
}

fn auth_info_len(a: epp_codec::view::AuthInfo<'_>) -> usize {
    use epp_codec::view::AuthInfo;
    match a {
        AuthInfo::Password { password, roid } => str_len(password) + roid.map_or(0, str_len),
        AuthInfo::Ext(raw) => raw.as_str().len(),
        _ => 0,
    }
}

/// epp-codec: read and validate the command, then touch every field a
/// domain create or check offers (the same fields the peers extract).
///
/// # Panics
///
/// When the payload is not a valid domain create or check.
#[inline(never)]
pub fn extract_epp_codec(doc: &[u8]) -> usize {
    use epp_codec::view::command::domain::NameServers;
    use epp_codec::view::{Command, DomainCommand, read_command};
    let request = read_command(doc).expect("epp_codec command error");
    let mut sum = request.cl_trid().map_or(0, str_len);
    match request.command() {
        Command::Domain(DomainCommand::Check(check)) => {
            sum += check.names().iter().map(str_len).sum::<usize>();
        }
        Command::Domain(DomainCommand::Create(create)) => {
            sum += str_len(create.name());
            if let Some(raw) = create.period_raw() {
                sum += str_len(raw);
            }
            if let Some(period) = create.period() {
                sum += period.unit.as_str().len();
            }
            match create.ns() {
                Some(NameServers::HostObjs(hosts)) => {
                    sum += hosts.iter().map(str_len).sum::<usize>();
                }
                Some(NameServers::HostAttrs(hosts)) => {
                    for host in hosts.iter() {
                        sum += str_len(host.name());
                        for addr in host.addresses().iter() {
                            sum += str_len(addr.raw()) + addr.version_raw().map_or(0, str_len);
                        }
                    }
                }
                _ => {}
            }
            sum += create.registrant().map_or(0, str_len);
            for contact in create.contacts().iter() {
                sum += str_len(contact.id()) + contact.type_raw().map_or(0, str_len);
            }
            sum += auth_info_len(create.auth_info());
        }
        other => panic!("not a domain create or check: {other:?}"),
    }
    black_box(sum)
}
