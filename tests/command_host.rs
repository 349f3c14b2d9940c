//! Host commands (RFC 5732): every schema-valid corpus host command read
//! and compared field by field with an independent roxmltree walk; and the
//! strict errors.

mod common;

use epp_codec::view::command::host::{self, HostStatus};
use epp_codec::view::{Command, HostCommand, IpVersion, ResultCode, Str, read_command};

const HOST: &str = "urn:ietf:params:xml:ns:host-1.0";

/// Paths of the corpus commands whose object namespace is `ns` and that
/// xmllint finds schema-valid (MANIFEST.tsv).
fn valid_commands(ns: &str) -> Vec<String> {
    let manifest = std::fs::read_to_string(common::corpus_dir().join("MANIFEST.tsv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let (path, kind, obj, valid) = (col("path"), col("kind"), col("obj_ns"), col("valid"));
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[kind] == "command" && f[obj] == ns && f[valid] == "True")
        .map(|f| f[path].to_string())
        .collect()
}

fn text(s: Str<'_>) -> String {
    s.to_string()
}

fn children<'a, 'i>(
    node: roxmltree::Node<'a, 'i>,
    local: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> + 'a {
    node.children().filter(move |c| {
        c.is_element() && c.tag_name().name() == local && c.tag_name().namespace() == Some(HOST)
    })
}

fn child_text(node: roxmltree::Node<'_, '_>, local: &str) -> Option<String> {
    children(node, local)
        .next()
        .map(|c| c.text().unwrap_or("").trim().to_string())
}

fn compare_addresses(
    view: epp_codec::view::List<'_, host::Address<'_>>,
    nodes: Vec<roxmltree::Node<'_, '_>>,
) {
    assert_eq!(view.len(), nodes.len());
    for (a, n) in view.iter().zip(nodes) {
        let raw = n.text().unwrap_or("").trim();
        assert_eq!(text(a.raw()), raw);
        let v6 = n.attribute("ip") == Some("v6");
        assert_eq!(a.version(), if v6 { IpVersion::V6 } else { IpVersion::V4 });
        assert_eq!(a.ip(), Some(raw.parse::<std::net::IpAddr>().unwrap()));
    }
}

#[test]
fn every_valid_corpus_host_command_matches_roxmltree() {
    let files = valid_commands(HOST);
    assert!(
        files.len() >= 10,
        "expected the RFC 5732 and instant-epp host commands"
    );
    for path in &files {
        let bytes = std::fs::read(common::corpus_dir().join(path)).unwrap();
        let doc_text = std::str::from_utf8(&bytes).unwrap();
        let doc = roxmltree::Document::parse(doc_text).unwrap();
        let object = doc
            .descendants()
            .find(|n| n.is_element() && n.tag_name().namespace() == Some(HOST))
            .unwrap();
        let request = read_command(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        let cl_trid = doc
            .descendants()
            .find(|n| n.tag_name().name() == "clTRID")
            .map(|n| n.text().unwrap_or("").trim().to_string());
        assert_eq!(request.cl_trid().map(text), cl_trid, "{path}");
        let Command::Host(command) = request.command() else {
            panic!("{path}: not a host command")
        };
        let name = child_text(object, "name");
        match (command, object.tag_name().name()) {
            (HostCommand::Check(c), "check") => {
                let expected: Vec<String> = children(object, "name")
                    .map(|n| n.text().unwrap_or("").trim().to_string())
                    .collect();
                let got: Vec<String> = c.names().iter().map(text).collect();
                assert_eq!(got, expected, "{path}");
            }
            (HostCommand::Info(c), "info") => assert_eq!(Some(text(c.name())), name, "{path}"),
            (HostCommand::Delete(c), "delete") => assert_eq!(Some(text(c.name())), name, "{path}"),
            (HostCommand::Create(c), "create") => {
                assert_eq!(Some(text(c.name())), name, "{path}");
                compare_addresses(c.addresses(), children(object, "addr").collect());
            }
            (HostCommand::Update(c), "update") => {
                assert_eq!(Some(text(c.name())), name, "{path}");
                for (view, local) in [(c.add(), "add"), (c.remove(), "rem")] {
                    let node = children(object, local).next();
                    assert_eq!(view.is_present(), node.is_some(), "{path}");
                    let addrs = node
                        .map(|n| children(n, "addr").collect())
                        .unwrap_or_default();
                    compare_addresses(view.addresses(), addrs);
                    let statuses: Vec<_> = node
                        .map(|n| children(n, "status").collect())
                        .unwrap_or_default();
                    assert_eq!(view.statuses().len(), statuses.len(), "{path}");
                    for (s, n) in view.statuses().iter().zip(statuses) {
                        assert_eq!(s.value().as_str(), n.attribute("s").unwrap(), "{path}");
                        assert_eq!(s.lang().map(text).as_deref(), n.attribute("lang"), "{path}");
                        assert_eq!(text(s.text()), n.text().unwrap_or(""), "{path}");
                    }
                }
                let new_name = children(object, "chg")
                    .next()
                    .and_then(|n| child_text(n, "name"));
                assert_eq!(c.new_name().map(text), new_name, "{path}");
            }
            (other, local) => panic!("{path}: read {other:?} for <{local}>"),
        }
    }
}

fn host_update(body: &str) -> String {
    format!(
        r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><update>
<h:update xmlns:h="urn:ietf:params:xml:ns:host-1.0">{body}</h:update></update></command></epp>"#
    )
}

#[test]
fn any_prefix_or_a_default_namespace_reads_the_same() {
    let default_ns = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>
<create xmlns="urn:ietf:params:xml:ns:host-1.0"><name> ns1.example.com </name>
<addr ip="v6">2001:db8::1</addr><addr>192.0.2.&#x32;</addr></create></create></command></epp>"#;
    let request = read_command(default_ns.as_bytes()).unwrap();
    let Command::Host(HostCommand::Create(c)) = request.command() else {
        panic!()
    };
    assert_eq!(c.name(), "ns1.example.com");
    let addrs: Vec<_> = c
        .addresses()
        .iter()
        .map(|a| a.ip().unwrap().to_string())
        .collect();
    assert_eq!(addrs, ["2001:db8::1", "192.0.2.2"]);
    assert!(request.cl_trid().is_none());
}

#[test]
fn update_statuses_and_rename() {
    let doc = host_update(
        r#"<h:name>ns1.example.com</h:name><h:add><h:status s="clientDeleteProhibited" lang="fr">pas ça</h:status></h:add>
<h:rem><h:addr ip="v4">192.0.2.1</h:addr></h:rem><h:chg><h:name>ns2.example.com</h:name></h:chg>"#,
    );
    let request = read_command(doc.as_bytes()).unwrap();
    let Command::Host(HostCommand::Update(u)) = request.command() else {
        panic!()
    };
    let status = u.add().statuses().first().unwrap();
    assert_eq!(status.value(), HostStatus::ClientDeleteProhibited);
    assert!(status.value().is_client_settable());
    assert_eq!(status.lang().unwrap(), "fr");
    assert_eq!(status.text(), "pas ça");
    assert!(u.add().addresses().is_empty());
    assert_eq!(u.remove().addresses().len(), 1);
    assert_eq!(u.new_name().unwrap(), "ns2.example.com");
}

/// (body of `<h:update>`, expected code, element local name, attribute, offset of this marker)
#[test]
fn strict_errors_name_the_element_and_the_offset() {
    let long = "a".repeat(256);
    let cases: Vec<(String, ResultCode, &str, Option<&str>, &str)> = vec![
        (
            "<h:add/>".into(),
            ResultCode::RequiredParameterMissing,
            "name",
            None,
            "<h:add/>",
        ),
        (
            format!("<h:name>{long}</h:name>"),
            ResultCode::ParameterValueRangeError,
            "name",
            None,
            &*long,
        ),
        (
            "<h:name>x</h:name><h:add><h:addr ip=\"v5\">1.2.3.4</h:addr></h:add>".into(),
            ResultCode::ParameterValueSyntaxError,
            "addr",
            Some("ip"),
            "v5",
        ),
        (
            "<h:name>x</h:name><h:add><h:addr>1.2.3.400</h:addr></h:add>".into(),
            ResultCode::ParameterValueSyntaxError,
            "addr",
            None,
            "1.2.3.400",
        ),
        (
            "<h:name>x</h:name><h:add><h:addr ip=\"v6\">1:</h:addr></h:add>".into(),
            ResultCode::ParameterValueRangeError,
            "addr",
            None,
            "1:<",
        ),
        (
            "<h:name>x</h:name><h:add><h:status s=\"bogus\"/></h:add>".into(),
            ResultCode::ParameterValueSyntaxError,
            "status",
            Some("s"),
            "bogus",
        ),
        (
            "<h:name>x</h:name><h:add><h:status/></h:add>".into(),
            ResultCode::RequiredParameterMissing,
            "status",
            Some("s"),
            "<h:status/>",
        ),
        (
            "<h:name>x</h:name><h:rem/><h:add/>".into(),
            ResultCode::CommandSyntaxError,
            "add",
            None,
            "<h:add/>",
        ),
        (
            "<h:add/><h:name>x</h:name>".into(),
            ResultCode::CommandSyntaxError,
            "add",
            None,
            "<h:add/>",
        ),
        (
            "<h:name>x</h:name><x:foo xmlns:x=\"urn:example\"/>".into(),
            ResultCode::CommandSyntaxError,
            "foo",
            None,
            "<x:foo",
        ),
        (
            "<h:name>x</h:name>text".into(),
            ResultCode::CommandSyntaxError,
            "update",
            None,
            "text",
        ),
        (
            format!(
                "<h:name>x</h:name><h:add>{}</h:add>",
                "<h:status s=\"ok\"/>".repeat(8)
            ),
            ResultCode::ParameterValueRangeError,
            "status",
            None,
            "<h:status s=\"ok\"/></h:add>",
        ),
        (
            "<h:name>x</h:name><h:chg></h:chg>".into(),
            ResultCode::RequiredParameterMissing,
            "name",
            None,
            "</h:chg>",
        ),
    ];
    for (body, code, element, attribute, marker) in cases {
        let doc = host_update(&body);
        let err = read_command(doc.as_bytes()).expect_err(&body);
        assert_eq!(err.result_code(), code, "{body}: {err}");
        assert_eq!(
            err.element().map_or("", |e| e.local),
            element,
            "{body}: {err}"
        );
        assert_eq!(err.attribute(), attribute, "{body}: {err}");
        let at = doc.find(marker).unwrap();
        assert_eq!(err.offset(), at, "{body}: {err}");
    }
}

#[test]
fn renew_and_transfer_do_not_exist_for_hosts() {
    for verb in ["renew", "transfer op=\"query\""] {
        let tag = verb.split(' ').next().unwrap();
        let doc = format!(
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><{verb}><h:{tag} xmlns:h="urn:ietf:params:xml:ns:host-1.0"><h:name>x</h:name></h:{tag}></{tag}></command></epp>"#
        );
        let err = read_command(doc.as_bytes()).unwrap_err();
        assert_eq!(err.result_code(), ResultCode::CommandSyntaxError, "{verb}");
        assert_eq!(err.element().unwrap().local, tag);
    }
}

/// A status language written with references or in CDATA is checked on
/// the value it stands for.
#[test]
fn escaped_status_languages_match_the_pattern() {
    let doc = host_update(
        r#"<h:name>ns1.example.com</h:name><h:add><h:status s="clientUpdateProhibited" lang="&#102;r&#x2D;CA"/></h:add>"#,
    );
    let request = read_command(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let Command::Host(HostCommand::Update(u)) = request.command() else {
        panic!()
    };
    assert_eq!(u.add().statuses().first().unwrap().lang().unwrap(), "fr-CA");
    let doc = host_update(
        r#"<h:name>ns1.example.com</h:name><h:add><h:status s="clientUpdateProhibited" lang="fr&#x5F;CA"/></h:add>"#,
    );
    let err = read_command(doc.as_bytes()).expect_err(&doc);
    assert_eq!(err.result_code(), ResultCode::ParameterValueSyntaxError);
    assert_eq!(err.element().unwrap().local, "status");
    assert_eq!(err.attribute(), Some("lang"));
    assert_eq!(err.offset(), doc.find("fr&#x5F;CA").unwrap());
}

/// `raw()` gives the `s` attribute as written, as for domain and contact
/// statuses.
#[test]
fn statuses_keep_the_s_attribute_as_written() {
    let doc = host_update(
        r#"<h:name>ns1.example.com</h:name><h:add><h:status s=" clientUpdateProhibited "/><h:status s="client&#68;eleteProhibited"/></h:add>"#,
    );
    let request = read_command(doc.as_bytes()).unwrap();
    let Command::Host(HostCommand::Update(u)) = request.command() else {
        panic!()
    };
    let statuses: Vec<host::Status<'_>> = u.add().statuses().iter().collect();
    assert_eq!(statuses[0].raw(), "clientUpdateProhibited");
    assert!(!statuses[0].raw().has_escapes());
    assert_eq!(
        statuses[0].raw().span().start,
        doc.find("clientUpdate").unwrap()
    );
    assert_eq!(statuses[1].value(), HostStatus::ClientDeleteProhibited);
    assert_eq!(statuses[1].raw(), "clientDeleteProhibited");
    assert_eq!(statuses[1].raw().raw(), "client&#68;eleteProhibited");
    let built = host::Status::new(HostStatus::Linked);
    assert_eq!(built.raw(), "linked");
    assert!(built.raw().is_plain());
}
