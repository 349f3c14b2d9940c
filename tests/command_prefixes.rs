//! A valid command may write a child with another prefix than its parent's,
//! bound to the same namespace (`<domain:create xmlns:domain="…"
//! xmlns:d="…"><d:name>`). The strict reader checks every element's
//! namespace, so the command views find fields by local name and read such
//! commands whole: every corpus command, its prefixes aliased this way,
//! reads and writes back as the same document.

#![cfg(feature = "alloc")]

mod common;

use epp_codec::view::command::domain::DomainCommand;
use epp_codec::view::{Command, read_command};
use epp_codec::write::{WriteOptions, to_vec};

/// One replacement in a text: at, length replaced, new text.
type Edit = (usize, usize, String);

/// The end tag of the element `n` (its start, when not self-closing).
fn end_tag_start(text: &str, n: roxmltree::Node<'_, '_>) -> Option<usize> {
    let range = n.range();
    let whole = &text[range.clone()];
    // No `<` can be in an attribute value: a `</` inside the element is
    // the end tag or belongs to a child, and the last one is the end tag.
    whole.rfind("</").map(|at| range.start + at)
}

/// The command with each namespace (the default one included) bound a
/// second time, to `<prefix>alias`, beside its declaration, and the
/// elements below the declaring element that were written with the
/// original prefix renamed to the alias every other generation (its
/// children, great-grandchildren …): each parent and child of that
/// namespace written with different prefixes. Returns the text and how
/// many elements were renamed.
fn aliased(text: &str) -> (String, usize) {
    let doc = roxmltree::Document::parse(text).unwrap();
    let mut edits: Vec<Edit> = Vec::new();
    let mut renamed = 0;
    for declaring in doc.descendants().filter(roxmltree::Node::is_element) {
        let tag_start = declaring.range().start;
        let tag_end = tag_start + text[tag_start..].find('>').unwrap();
        let tag = &text[tag_start..tag_end];
        // The declarations written on this start tag.
        for ns in declaring.namespaces() {
            let prefix = ns.name().unwrap_or("");
            let written = if prefix.is_empty() {
                "xmlns=".to_string()
            } else {
                format!("xmlns:{prefix}=")
            };
            let Some(at) = tag.find(&written) else {
                continue;
            };
            // `xmlns=` must not be the tail of `xmlns:p=`.
            if !tag[..at].ends_with(char::is_whitespace) {
                continue;
            }
            if prefix == "xsi" {
                continue;
            }
            let alias = format!("{prefix}alias");
            edits.push((
                tag_start + at,
                0,
                format!("xmlns:{alias}=\"{}\" ", ns.uri()),
            ));
            for e in declaring
                .descendants()
                .skip(1)
                .filter(roxmltree::Node::is_element)
            {
                let depth = e
                    .ancestors()
                    .take_while(|a| *a != declaring)
                    .filter(roxmltree::Node::is_element)
                    .count();
                if depth % 2 == 0 {
                    continue;
                }
                let start = e.range().start;
                let qname = &text[start + 1..][..text[start + 1..]
                    .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
                    .unwrap()];
                let (written_prefix, local) = qname.split_once(':').unwrap_or(("", qname));
                // The same prefix bound to the same namespace here (not
                // bound again further down).
                if written_prefix != prefix || e.tag_name().namespace() != Some(ns.uri()) {
                    continue;
                }
                if e.lookup_namespace_uri(Some(&alias)).is_some()
                    || e.namespaces()
                        .any(|n| n.name() == Some(prefix) && n.uri() != ns.uri())
                {
                    continue;
                }
                edits.push((start + 1, qname.len(), format!("{alias}:{local}")));
                if let Some(end) = end_tag_start(text, e) {
                    edits.push((end + 2, qname.len(), format!("{alias}:{local}")));
                }
                renamed += 1;
            }
        }
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    // A namespace declared again further down with the same URI renames
    // the same element twice, identically: once is enough.
    edits.dedup();
    let mut out = text.to_string();
    for (at, len, new) in edits {
        out.replace_range(at..at + len, &new);
    }
    (out, renamed)
}

#[test]
fn every_corpus_command_reads_whole_with_its_prefixes_aliased() {
    let mut read = 0;
    let mut renamed = 0;
    let mut failures = Vec::new();
    for m in common::corpus_messages() {
        if read_command(&m.bytes).is_err() {
            continue;
        }
        let original = std::str::from_utf8(&m.bytes).unwrap();
        let (text, n) = aliased(original);
        renamed += n;
        let request = match read_command(text.as_bytes()) {
            Ok(request) => request,
            Err(e) => {
                failures.push(format!("{}: {e}\n{text}", m.path));
                continue;
            }
        };
        read += 1;
        let written = String::from_utf8(to_vec(&request, &WriteOptions::new()).unwrap()).unwrap();
        if let Err(diff) = common::xml_equivalent(original, &written) {
            failures.push(format!(
                "{}: {diff}\n--- read:\n{text}\n--- written:\n{written}",
                m.path
            ));
        }
    }
    assert!(read >= 130, "only {read} corpus commands read");
    assert!(renamed >= 600, "only {renamed} elements renamed");
    assert!(
        failures.is_empty(),
        "{} of {read} commands differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn a_child_prefixed_otherwise_than_its_parent_is_read() {
    let doc = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>
      <domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0" xmlns:d="urn:ietf:params:xml:ns:domain-1.0">
        <d:name>example.com</d:name><domain:period unit="y">2</domain:period>
        <d:ns><domain:hostObj>ns1.example.net</domain:hostObj><d:hostObj>ns2.example.net</d:hostObj></d:ns>
        <d:registrant>jd1234</d:registrant>
        <domain:contact type="admin">sh8013</domain:contact><d:contact type="tech">sh8014</d:contact>
        <d:authInfo><domain:pw>2fooBAR</domain:pw></d:authInfo>
      </domain:create></create><clTRID>ABC-12345</clTRID></command></epp>"#;
    let request = read_command(doc.as_bytes()).unwrap();
    let Command::Domain(DomainCommand::Create(create)) = request.command() else {
        panic!("not a domain create")
    };
    assert_eq!(create.name(), "example.com");
    assert_eq!(create.registrant().unwrap(), "jd1234");
    let contacts: Vec<String> = create
        .contacts()
        .iter()
        .map(|c| c.id().to_string())
        .collect();
    assert_eq!(contacts, ["sh8013", "sh8014"]);
    let Some(epp_codec::view::command::domain::NameServers::HostObjs(hosts)) = create.ns() else {
        panic!("no hostObj")
    };
    let hosts: Vec<String> = hosts.iter().map(|h| h.to_string()).collect();
    assert_eq!(hosts, ["ns1.example.net", "ns2.example.net"]);
}

/// The fields the views find again by name (a contact's postal info and
/// disclose flags, a host attribute's name and addresses, secDNS records)
/// are read under a prefix other than their parent's.
#[test]
fn fields_found_by_name_are_read_under_another_prefix() {
    let contact = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>
      <contact:create xmlns:contact="urn:ietf:params:xml:ns:contact-1.0" xmlns:c="urn:ietf:params:xml:ns:contact-1.0">
        <contact:id>sh8013</contact:id>
        <c:postalInfo type="int"><contact:name>John Doe</contact:name><c:org>Example Inc.</c:org>
          <contact:addr><c:street>123 Example Dr.</c:street><c:city>Dulles</c:city><contact:cc>US</contact:cc></contact:addr>
        </c:postalInfo>
        <contact:email>jdoe@example.com</contact:email>
        <c:authInfo><contact:pw>2fooBAR</contact:pw></c:authInfo>
        <c:disclose flag="0"><contact:voice/><c:email/></c:disclose>
      </contact:create></create><clTRID>ABC-12345</clTRID></command></epp>"#;
    let request = read_command(contact.as_bytes()).unwrap();
    let Command::Contact(epp_codec::view::command::contact::ContactCommand::Create(create)) =
        request.command()
    else {
        panic!("not a contact create")
    };
    let postal = create.postal_infos().first().unwrap();
    assert_eq!(postal.name().unwrap(), "John Doe");
    assert_eq!(postal.org().unwrap(), "Example Inc.");
    let address = postal.address().unwrap();
    assert_eq!(address.city(), "Dulles");
    assert_eq!(address.country_code(), "US");
    assert_eq!(address.streets().len(), 1);
    let disclose = create.disclose().unwrap();
    assert!(disclose.voice && disclose.email && !disclose.fax);

    let domain = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>
      <domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0" xmlns:d="urn:ietf:params:xml:ns:domain-1.0">
        <domain:name>example.com</domain:name>
        <domain:ns><d:hostAttr><domain:hostName>ns1.example.com</domain:hostName><domain:hostAddr ip="v4">192.0.2.2</domain:hostAddr></d:hostAttr></domain:ns>
        <domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo>
      </domain:create></create>
      <extension><secDNS:create xmlns:secDNS="urn:ietf:params:xml:ns:secDNS-1.1" xmlns:s="urn:ietf:params:xml:ns:secDNS-1.1">
        <s:dsData><secDNS:keyTag>12345</secDNS:keyTag><secDNS:alg>3</secDNS:alg><s:digestType>1</s:digestType><secDNS:digest>49FD46E6C4B45C55D4AC</secDNS:digest></s:dsData>
      </secDNS:create></extension><clTRID>ABC-12345</clTRID></command></epp>"#;
    let request = read_command(domain.as_bytes()).unwrap();
    let Command::Domain(DomainCommand::Create(create)) = request.command() else {
        panic!("not a domain create")
    };
    let Some(epp_codec::view::command::domain::NameServers::HostAttrs(attrs)) = create.ns() else {
        panic!("no hostAttr")
    };
    let attr = attrs.first().unwrap();
    assert_eq!(attr.name(), "ns1.example.com");
    assert_eq!(attr.addresses().len(), 1);
    let Some(epp_codec::view::ext::SecDns::Create(data)) = request.extensions().sec_dns() else {
        panic!("no secDNS:create")
    };
    let ds = data.ds_data().first().unwrap();
    assert_eq!(
        (ds.key_tag(), ds.alg(), ds.digest_type()),
        (Some(12345), Some(3), Some(1))
    );
    assert_eq!(ds.digest(), "49FD46E6C4B45C55D4AC");
}
