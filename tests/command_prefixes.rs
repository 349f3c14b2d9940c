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
/// second time, to `<prefix>alias`, beside its declaration, and every
/// element below the declaring element that was written with the
/// original prefix renamed to the alias. Returns the text and how many
/// elements were renamed.
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
    edits.sort_by(|a, b| b.0.cmp(&a.0));
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
    assert!(renamed >= 1000, "only {renamed} elements renamed");
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
