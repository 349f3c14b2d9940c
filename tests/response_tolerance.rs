//! The tolerance suite: every corpus response, mutated the ways registries
//! really deviate, still reads, and what was not touched reads the same.

mod common;

use std::collections::BTreeSet;
use std::fmt::Debug;

use epp_codec::view::command::Extensions;
use epp_codec::view::command::contact::PostalInfo;
use epp_codec::view::command::domain::NameServers;
use epp_codec::view::ext::{AddlEmail, Bundling, KeyData, MaintenanceData, SecDnsData};
use epp_codec::view::response::greeting::{Access, Purposes, Recipients, Retention};
use epp_codec::view::response::object::{CheckItem, PendingData, TransferData};
use epp_codec::view::{
    ContactData, DomainData, Greeting, HostData, List, RawElement, Response, ResultCode,
    ServerMessage, read_greeting, read_response, read_server_message,
};
use epp_codec::xml::Namespace;

const FOREIGN: &str = r#"<x:extra xmlns:x="urn:example:foreign">text<x:y a="1"/></x:extra>"#;

fn mutations(text: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    // An unknown result code (every result).
    let re_code = text
        .replace("code=\"1", "code=\"3")
        .replace("code=\"2", "code=\"3");
    out.push(("unknown code", re_code));
    // Foreign elements at every level the envelope reads.
    // Before `<result`, `<msgQ` and every closing tag; just inside `<trID>`
    // and `<resData>`.
    for (anchor, inside) in [
        ("<result ", false),
        ("</result>", false),
        ("<msgQ", false),
        ("<trID>", true),
        ("</trID>", false),
        ("<resData>", true),
        ("</response>", false),
    ] {
        if let Some(at) = text.find(anchor) {
            let at = if inside { at + anchor.len() } else { at };
            let mut m = text.to_string();
            m.insert_str(at, FOREIGN);
            out.push(("foreign element", m));
        }
    }
    // An extension nobody modelled.
    let ext = r#"<extension><u:data xmlns:u="urn:example:unmodelled-1.0"><u:v>1</u:v></u:data></extension>"#;
    if let Some(at) = text.find("<trID>") {
        if !text.contains("<extension>") {
            let mut m = text.to_string();
            m.insert_str(at, ext);
            out.push(("unknown extension", m));
        }
    }
    // Pattern-breaking values.
    if let (Some(a), Some(b)) = (
        text.find(":roid>"),
        text.find(":roid>")
            .and_then(|a| text[a + 6..].find('<').map(|b| a + 6 + b)),
    ) {
        out.push(("roid 1234", format!("{}1234{}", &text[..a + 6], &text[b..])));
    }
    // Comments and white space everywhere between elements.
    out.push(("comments", text.replace("><", "><!-- c -->\n<")));
    out
}

#[test]
fn every_corpus_response_survives_every_deviation() {
    let mut ran = 0;
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "response")
    {
        let text = String::from_utf8(m.bytes.clone()).unwrap();
        let original = read_response(text.as_bytes()).unwrap();
        for (what, mutated) in mutations(&text) {
            let r = read_response(mutated.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {what}: {e}\n{mutated}", m.path));
            ran += 1;
            assert_eq!(r.sv_trid(), original.sv_trid(), "{}: {what}", m.path);
            assert_eq!(r.cl_trid(), original.cl_trid(), "{}: {what}", m.path);
            assert_eq!(
                r.results().len(),
                original.results().len(),
                "{}: {what}",
                m.path
            );
            match what {
                "unknown code" => {
                    assert!(
                        matches!(r.code(), ResultCode::Other(3000..=3999)),
                        "{}",
                        m.path
                    );
                }
                "roid 1234" => {
                    for data in r.res_data().iter() {
                        if let Some(DomainData::Info(i)) = DomainData::from_raw(data) {
                            assert_eq!(i.roid().unwrap(), "1234");
                        }
                    }
                }
                _ => assert_eq!(r.code(), original.code(), "{}: {what}", m.path),
            }
            let modelled = r
                .res_data()
                .iter()
                .filter(|e| !e.namespace().eq_uri("urn:example:foreign"));
            for (a, b) in modelled.zip(original.res_data().iter()) {
                assert_eq!(
                    (a.namespace(), a.local()),
                    (b.namespace(), b.local()),
                    "{}: {what}",
                    m.path
                );
            }
        }
    }
    assert!(ran >= 149 * 4, "{ran} mutated responses");
}

/// `text` with the first character of every value of the attributes
/// `names` written as a character reference (in turn, the first character
/// in decimal, and the second, when there is one, in hex), and how many
/// were.
fn numbers_as_references(text: &str, names: &[&str]) -> (String, usize) {
    let mut out = String::with_capacity(text.len() * 2);
    let mut written = 0;
    let mut rest = text;
    while let Some(at) = names
        .iter()
        .filter_map(|name| {
            let pattern = format!(" {name}=\"");
            rest.find(&pattern).map(|at| at + pattern.len())
        })
        .min()
    {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let value_len = rest.find('"').unwrap();
        let value = &rest[..value_len];
        if value.is_ascii() && !value.is_empty() && !value.contains('&') {
            if written % 2 == 1 && value.len() >= 2 {
                let c = value.as_bytes()[1];
                out.push_str(&format!("{}&#x{c:X};{}", &value[..1], &value[2..]));
            } else {
                let c = value.as_bytes()[0];
                out.push_str(&format!("&#{c};{}", &value[1..]));
            }
            written += 1;
        } else {
            out.push_str(value);
        }
        rest = &rest[value_len..];
    }
    out.push_str(rest);
    (out, written)
}

/// Result codes, msgQ counts and check flags written with character
/// references (`code="&#49;000"`, well-formed, meaning 1000) read as the
/// same numbers and flags: every corpus response reads field for field as
/// it did.
#[test]
fn numbers_and_flags_written_with_references_read_the_same() {
    let mut written = 0;
    let mut compared = 0;
    for m in common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "response")
    {
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let expected = walk(&read_server_message(text.as_bytes()).unwrap());
        let (doc, n) = numbers_as_references(text, &["code", "count", "avail"]);
        written += n;
        let message = read_server_message(doc.as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}\n{doc}", m.path));
        let actual = walk(&message);
        for (a, e) in actual.iter().zip(&expected) {
            assert_eq!(a, e, "{}\n{doc}", m.path);
        }
        assert_eq!(actual.len(), expected.len(), "{}", m.path);
        compared += actual.len();
    }
    assert!(
        written >= 200,
        "{written} attributes written with references"
    );
    assert!(compared > 2000, "{compared} lines compared");
}

/// Tolerance stops where XML namespaces do: an undeclared prefix reads
/// (as no namespace), but `xmlns` is never a prefix an element may carry.
#[test]
fn an_element_prefixed_xmlns_is_refused_even_tolerantly() {
    let with = |element: &str| {
        format!(
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000"><msg>ok</msg><value>{element}</value></result><trID><svTRID>S-1</svTRID></trID></response></epp>"#
        )
    };
    assert!(read_response(with("<p:echoed/>").as_bytes()).is_ok());
    let doc = with("<xmlns:echoed/>");
    let err = read_response(doc.as_bytes()).unwrap_err();
    assert_eq!(err.offset(), doc.find("xmlns:echoed").unwrap(), "{err}");
}

// ----- foreign elements named like the fields they stand beside -----

/// The namespace of every element the tests below slip in.
const ELSEWHERE: &str = "urn:example:elsewhere";

/// Elements whose content a view hands out as written (`<value>`, the
/// mixed content of `<msgQ><msg>`, `<authInfo><ext>`): an element put
/// inside them is part of what they say, so nothing is put there.
const RAW_CONTENT: &[&str] = &["value", "msg", "ext"];

/// How a foreign element is spelled.
#[derive(Clone, Copy, Debug)]
enum Spelling {
    /// `<zz:name xmlns:zz="…">`: a prefix of its own.
    OtherPrefix,
    /// The field's own prefix, declared again on the element for another
    /// namespace (`<domain:name xmlns:domain="…">`, or `<name xmlns="…">`
    /// when the field has none).
    SamePrefixRedeclared,
    /// No prefix, the default namespace declared on the element.
    DefaultRedeclared,
}

/// The qualified name of the start tag at `at`, as written.
fn qname_at(text: &str, at: usize) -> &str {
    let rest = &text[at + 1..];
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap();
    &rest[..end]
}

/// `local` in [`ELSEWHERE`], spelled as `spelling` says next to an element
/// written `prefix:local`, with the attributes `attributes` (all `bogus`)
/// and `content`.
fn foreign(
    spelling: Spelling,
    prefix: &str,
    local: &str,
    attributes: &[&str],
    content: &str,
) -> String {
    let (qname, declaration) = match spelling {
        Spelling::OtherPrefix => (format!("zz:{local}"), format!("xmlns:zz=\"{ELSEWHERE}\"")),
        Spelling::SamePrefixRedeclared if !prefix.is_empty() => (
            format!("{prefix}:{local}"),
            format!("xmlns:{prefix}=\"{ELSEWHERE}\""),
        ),
        _ => (local.to_string(), format!("xmlns=\"{ELSEWHERE}\"")),
    };
    let attributes: String = attributes
        .iter()
        .map(|a| format!(" {a}=\"bogus\""))
        .collect();
    if content.is_empty() {
        format!("<{qname} {declaration}{attributes}/>")
    } else {
        format!("<{qname} {declaration}{attributes}>{content}</{qname}>")
    }
}

/// Whether a foreign element may go among the children of `e`: it holds
/// elements and no text, is not the `<epp>` envelope (whose one child the
/// envelope tests cover), and is not inside an element read as written.
fn takes_foreign_children(e: roxmltree::Node<'_, '_>) -> bool {
    e.parent_element().is_some()
        && e.children().any(|c| c.is_element())
        && !e
            .children()
            .any(|c| c.is_text() && !c.text().unwrap_or("").trim().is_empty())
        && !e
            .ancestors()
            .any(|a| a.is_element() && RAW_CONTENT.contains(&a.tag_name().name()))
}

/// The message with the insertions made (offsets into the original).
fn insert_all(text: &str, mut inserts: Vec<(usize, String)>) -> String {
    inserts.sort_by_key(|i| std::cmp::Reverse(i.0));
    let mut out = text.to_string();
    for (at, xml) in inserts {
        out.insert_str(at, &xml);
    }
    out
}

/// Before every child element of every element that holds elements, a
/// foreign element with the child's local name and attributes (valued
/// `bogus`) and the text `bogus`: the same name as the field beside it.
fn namesakes_before_every_field(text: &str, spelling: Spelling) -> (String, usize) {
    let doc = roxmltree::Document::parse(text).unwrap();
    let mut inserts = Vec::new();
    for e in doc.descendants().filter(|n| n.is_element()) {
        if !takes_foreign_children(e) {
            continue;
        }
        for c in e.children().filter(roxmltree::Node::is_element) {
            let at = c.range().start;
            let qname = qname_at(text, at);
            let prefix = qname.split_once(':').map_or("", |(p, _)| p);
            let attributes: Vec<&str> = c
                .attributes()
                .filter(|a| a.namespace().is_none())
                .map(|a| a.name())
                .collect();
            let local = c.tag_name().name();
            inserts.push((at, foreign(spelling, prefix, local, &attributes, "bogus")));
        }
    }
    let n = inserts.len();
    (insert_all(text, inserts), n)
}

/// At the start of every element that holds elements, an empty foreign
/// element for every name in `vocabulary`: fields a view finds by being
/// there (flags, the first child of `<access>`) must not be found.
fn vocabulary_first_everywhere(
    text: &str,
    vocabulary: &BTreeSet<String>,
    spelling: Spelling,
) -> String {
    let doc = roxmltree::Document::parse(text).unwrap();
    let mut inserts = Vec::new();
    for e in doc.descendants().filter(|n| n.is_element()) {
        if !takes_foreign_children(e) {
            continue;
        }
        let Some(first) = e.children().find(roxmltree::Node::is_element) else {
            continue;
        };
        let at = first.range().start;
        let qname = qname_at(text, at);
        let prefix = qname.split_once(':').map_or("", |(p, _)| p);
        let block: String = vocabulary
            .iter()
            .map(|local| foreign(spelling, prefix, local, &[], ""))
            .collect();
        inserts.push((at, block));
    }
    insert_all(text, inserts)
}

/// `{:?}` of a value whose `Debug` shows fields, not spans: a view that
/// shows its element (and so the whole document) would compare unequal
/// for reasons of its own, so that is refused here.
fn fields(value: impl Debug) -> String {
    let s = format!("{value:?}");
    assert!(!s.contains("doc: \""), "Debug shows the document: {s}");
    s
}

fn ns_text(ns: Namespace<'_>) -> String {
    match ns {
        Namespace::None => String::new(),
        Namespace::Known(k) => k.uri().to_string(),
        Namespace::Other(u) => u.to_string(),
    }
}

/// Every typed field of a server message, one line each, as a client
/// would read them.
fn walk(message: &ServerMessage<'_>) -> Vec<String> {
    let mut out = Vec::new();
    match message {
        ServerMessage::Response(r) => walk_response(r, &mut out),
        ServerMessage::Greeting(g) => walk_greeting(g, &mut out),
    }
    out
}

fn walk_response(r: &Response<'_>, out: &mut Vec<String>) {
    out.push(fields((r.code(), r.cl_trid(), r.sv_trid())));
    for result in r.results() {
        out.push(fields((
            result.code(),
            result.message(),
            result.message_lang(),
        )));
        for v in result.values() {
            out.push(format!("value {}", v.content()));
        }
        for e in result.ext_values() {
            out.push(fields((
                e.value().map(|v| v.content()),
                e.reason(),
                e.reason_lang(),
                e.unhandled_namespace(),
                e.element()
                    .map(|e| (ns_text(e.namespace()), e.local(), e.as_str())),
            )));
        }
    }
    if let Some(q) = r.message_queue() {
        out.push(fields((
            q.count_raw(),
            q.count(),
            q.id(),
            q.date_raw(),
            q.date(),
            q.message(),
            q.message_text(),
            q.message_lang(),
        )));
    }
    for x in [r.res_data(), r.extensions()] {
        walk_extensions(&x, out);
        for e in x.iter().filter(|e| !e.namespace().eq_uri(ELSEWHERE)) {
            out.push(format!("raw {} {}", ns_text(e.namespace()), e.local()));
            walk_object_data(e, out);
            out.push(fields((
                MaintenanceData::from_raw(e),
                AddlEmail::from_raw(e),
                Bundling::from_raw(e),
            )));
        }
    }
}

fn walk_sec_dns(d: &SecDnsData<'_>, out: &mut Vec<String>) {
    out.push(fields(d.max_sig_life()));
    let key = |k: KeyData<'_>| fields((k.flags(), k.protocol(), k.alg(), k.public_key()));
    for ds in d.ds_data() {
        out.push(fields((
            ds.key_tag(),
            ds.alg(),
            ds.digest_type(),
            ds.digest(),
        )));
        out.push(format!("ds key {:?}", ds.key_data().map(key)));
    }
    for k in d.key_data() {
        out.push(key(k));
    }
}

/// The typed extension accessors of resData and extension.
fn walk_extensions(x: &Extensions<'_>, out: &mut Vec<String>) {
    out.push(fields((
        x.allocation_token(),
        x.change_poll(),
        x.ttl(),
        x.rgp_statuses(),
        x.login_sec_events(),
    )));
    out.push(fields((
        x.verisign_namestore(),
        x.verisign_namestore_error(),
        x.verisign_low_balance(),
        x.verisign_rgp_poll(),
    )));
    out.push(fields((
        x.fee_data(),
        x.launch_data(),
        x.addl_email(),
        x.bundling(),
    )));
    out.push(fields(x.maintenance()));
    if let Some(d) = x.sec_dns_info() {
        walk_sec_dns(&d, out);
    }
}

fn walk_postal_info(p: PostalInfo<'_>, out: &mut Vec<String>) {
    out.push(fields((p.info_type(), p.name(), p.org())));
    if let Some(a) = p.address() {
        out.push(fields((
            a.streets(),
            a.city(),
            a.state_province(),
            a.postal_code(),
            a.country_code(),
        )));
    }
}

fn walk_check(list: List<'_, CheckItem<'_>>, out: &mut Vec<String>) {
    out.push(format!("{} checked", list.len()));
    for c in list {
        out.push(fields((
            c.name(),
            c.available(),
            c.reason(),
            c.reason_lang(),
        )));
    }
}

fn walk_pending(p: PendingData<'_>, out: &mut Vec<String>) {
    out.push(fields((p.name(), p.result(), p.transaction(), p.date())));
}

fn walk_transfer(t: TransferData<'_>, out: &mut Vec<String>) {
    out.push(fields((
        t.name(),
        t.status_raw(),
        t.status(),
        t.requester(),
        t.requested(),
        t.actor(),
        t.action_due(),
        t.expires(),
    )));
}

/// Every field of the typed domain, host and contact data.
fn walk_object_data(e: RawElement<'_>, out: &mut Vec<String>) {
    match DomainData::from_raw(e) {
        Some(DomainData::Check(list)) => walk_check(list, out),
        Some(DomainData::Info(i)) => {
            out.push(fields((
                i.name(),
                i.roid(),
                i.statuses(),
                i.registrant(),
                i.contacts(),
            )));
            out.push(fields((i.ns(), i.hosts(), i.client_id(), i.creator_id())));
            out.push(fields((
                i.created(),
                i.updater_id(),
                i.updated(),
                i.expires(),
            )));
            out.push(fields((
                i.transferred(),
                i.password(),
                i.password_roid(),
                i.auth_info_ext(),
            )));
            if let Some(NameServers::HostAttrs(h)) = i.ns() {
                for a in h {
                    out.push(fields((a.name(), a.addresses())));
                }
            }
        }
        Some(DomainData::Create(c)) => out.push(fields((c.name(), c.created(), c.expires()))),
        Some(DomainData::Pending(p)) => walk_pending(p, out),
        Some(DomainData::Renew(r)) => out.push(fields((r.name(), r.expires()))),
        Some(DomainData::Transfer(t)) => walk_transfer(t, out),
        None => {}
    }
    match HostData::from_raw(e) {
        Some(HostData::Check(list)) => walk_check(list, out),
        Some(HostData::Info(i)) => {
            out.push(fields((
                i.name(),
                i.roid(),
                i.statuses(),
                i.addresses(),
                i.client_id(),
            )));
            out.push(fields((
                i.creator_id(),
                i.created(),
                i.updater_id(),
                i.updated(),
                i.transferred(),
            )));
        }
        Some(HostData::Create(c)) => out.push(fields((c.name(), c.created()))),
        Some(HostData::Pending(p)) => walk_pending(p, out),
        None => {}
    }
    match ContactData::from_raw(e) {
        Some(ContactData::Check(list)) => walk_check(list, out),
        Some(ContactData::Info(i)) => {
            out.push(fields((
                i.id(),
                i.roid(),
                i.statuses(),
                i.voice(),
                i.fax(),
                i.email(),
            )));
            out.push(format!("{} postal infos", i.postal_infos().len()));
            for p in i.postal_infos() {
                walk_postal_info(p, out);
            }
            out.push(fields((
                i.client_id(),
                i.creator_id(),
                i.created(),
                i.updater_id(),
                i.updated(),
                i.transferred(),
            )));
            out.push(fields((
                i.password(),
                i.password_roid(),
                i.auth_info_ext(),
                i.disclose(),
            )));
        }
        Some(ContactData::Create(c)) => out.push(fields((c.id(), c.created()))),
        Some(ContactData::Pending(p)) => walk_pending(p, out),
        Some(ContactData::Transfer(t)) => walk_transfer(t, out),
        None => {}
    }
}

fn walk_greeting(g: &Greeting<'_>, out: &mut Vec<String>) {
    out.push(fields((
        g.server_id(),
        g.server_date_raw(),
        g.server_date(),
    )));
    out.push(fields((
        g.versions(),
        g.langs(),
        g.object_uris(),
        g.extension_uris(),
    )));
    if let Some(dcp) = g.dcp() {
        out.push(fields((dcp.access(), dcp.expiry())));
        out.push(format!("{} statements", dcp.statements().len()));
        for s in dcp.statements() {
            out.push(fields((
                s.purposes(),
                s.recipients(),
                s.retention(),
                s.our_recipients(),
            )));
        }
    }
}

/// Every element name of the corpus's responses and greetings.
fn vocabulary(messages: &[common::CorpusMessage]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for m in messages {
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        for e in doc.descendants().filter(roxmltree::Node::is_element) {
            names.insert(e.tag_name().name().to_string());
        }
    }
    names
}

/// A foreign element is never taken for a field: with a namesake of every
/// field in front of it (and with every name of the corpus at the start of
/// every element), in another namespace, every corpus response and
/// greeting reads field for field as it did.
#[test]
fn foreign_namesakes_never_stand_in_for_fields() {
    let messages: Vec<_> = common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "response" || m.kind == "greeting")
        .collect();
    assert!(messages.len() >= 151, "{} responses", messages.len());
    let vocabulary = vocabulary(&messages);
    assert!(vocabulary.len() > 100, "{} names", vocabulary.len());
    let mut inserted = 0;
    let mut fields_compared = 0;
    for m in &messages {
        let text = std::str::from_utf8(&m.bytes).unwrap();
        let expected = walk(&read_server_message(text.as_bytes()).unwrap());
        let mut mutated = Vec::new();
        for spelling in [
            Spelling::OtherPrefix,
            Spelling::SamePrefixRedeclared,
            Spelling::DefaultRedeclared,
        ] {
            let (doc, n) = namesakes_before_every_field(text, spelling);
            inserted += n;
            mutated.push((format!("namesakes, {spelling:?}"), doc));
            let doc = vocabulary_first_everywhere(text, &vocabulary, spelling);
            mutated.push((format!("every name first, {spelling:?}"), doc));
        }
        for (what, doc) in mutated {
            let message = read_server_message(doc.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {what}: {e}", m.path));
            let actual = walk(&message);
            fields_compared += actual.len();
            for (a, e) in actual.iter().zip(&expected) {
                assert_eq!(a, e, "{}: {what}\n{doc}", m.path);
            }
            assert_eq!(actual.len(), expected.len(), "{}: {what}", m.path);
        }
    }
    assert!(inserted > 5000, "{inserted} namesakes");
    assert!(fields_compared > 5000, "{fields_compared} lines compared");
}

/// The cases of the audit, spelled out: a foreign `<msg>` before the
/// result's, a foreign `<name>` and `<status>` in an infData, a foreign
/// `<id avail="0">` in a contact check, and foreign flags in a DCP.
#[test]
fn the_audits_cases_read_the_real_fields() {
    let response = |result: &str, res_data: &str| {
        format!(
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="1000">{result}</result><resData>{res_data}</resData><trID><svTRID>S-1</svTRID></trID></response></epp>"#
        )
    };
    let doc = response(
        r#"<x:msg xmlns:x="urn:foo">foreign</x:msg><msg>Command completed successfully</msg>"#,
        r#"<domain:infData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><x:name xmlns:x="urn:foo">foreign.example</x:name><domain:name>example.com</domain:name><domain:roid>R-1</domain:roid><x:status xmlns:x="urn:foo" s="bogus"/><domain:status s="ok"/><domain:name xmlns:domain="urn:foo">redeclared.example</domain:name></domain:infData>"#,
    );
    let r = read_response(doc.as_bytes()).unwrap();
    let result = r.results().first().unwrap();
    assert_eq!(result.message().unwrap(), "Command completed successfully");
    // The name, statuses and host objects of the domain:infData in a response.
    let domain_info = |doc: &str| -> (String, Vec<String>, Vec<String>) {
        let r = read_response(doc.as_bytes()).unwrap();
        let Some(DomainData::Info(info)) = r.res_data().iter().find_map(DomainData::from_raw)
        else {
            panic!("no domain:infData")
        };
        let statuses = info.statuses().iter().map(|s| s.raw().to_string());
        let hosts = info
            .ns()
            .map(|ns| ns.host_objs().iter().map(|h| h.to_string()).collect())
            .unwrap_or_default();
        (info.name().unwrap().to_string(), statuses.collect(), hosts)
    };
    let real = |hosts: &[&str]| {
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        ("example.com".to_string(), strings(&["ok"]), strings(hosts))
    };
    assert_eq!(domain_info(&doc), real(&[]));

    // A foreign prefix as long as the field's, bound above the element
    // (so the element itself declares nothing) and used deeper down.
    let doc = response(
        "<msg>ok</msg>",
        r#"<domain:infData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0" xmlns:zomain="urn:foo"><zomain:name>foreign.example</zomain:name><domain:name>example.com</domain:name><domain:roid>R-1</domain:roid><zomain:status s="bogus"/><domain:status s="ok"/><domain:ns><zomain:hostObj>ns.foreign.example</zomain:hostObj><domain:hostObj>ns1.example.com</domain:hostObj></domain:ns></domain:infData>"#,
    );
    assert_eq!(domain_info(&doc), real(&["ns1.example.com"]));

    let doc = response(
        "<msg>ok</msg>",
        r#"<contact:chkData xmlns:contact="urn:ietf:params:xml:ns:contact-1.0"><contact:cd><x:id xmlns:x="urn:foo" avail="0">foreign</x:id><contact:id avail="1">sh8013</contact:id></contact:cd></contact:chkData>"#,
    );
    let r = read_response(doc.as_bytes()).unwrap();
    let Some(ContactData::Check(list)) = r.res_data().iter().find_map(ContactData::from_raw) else {
        panic!("no contact:chkData")
    };
    let cd = list.first().unwrap();
    assert_eq!(cd.name().unwrap(), "sh8013");
    assert_eq!(cd.available(), Some(true));

    // The same field under another prefix of its own namespace is read as
    // foreign (the documented conservative side of the rule), never as
    // something else.
    let doc = response(
        "<msg>ok</msg>",
        r#"<domain:creData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0" xmlns:d="urn:ietf:params:xml:ns:domain-1.0"><d:name>other-prefix.example</d:name><domain:crDate>2024-01-01T00:00:00Z</domain:crDate></domain:creData>"#,
    );
    let r = read_response(doc.as_bytes()).unwrap();
    let Some(DomainData::Create(created)) = r.res_data().iter().find_map(DomainData::from_raw)
    else {
        panic!("no domain:creData")
    };
    assert_eq!(created.name(), None);
    assert_eq!(created.created().unwrap().raw(), "2024-01-01T00:00:00Z");

    let greeting = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><greeting><svID>S</svID><svDate>2024-01-01T00:00:00Z</svDate><svcMenu><version>1.0</version><lang>en</lang><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcMenu><dcp><access><x:all xmlns:x="urn:foo"/><null/></access><statement><purpose><x:admin xmlns:x="urn:foo"/><prov/></purpose><recipient><other xmlns="urn:foo"/><ours/></recipient><retention><x:legal xmlns:x="urn:foo"/><stated/></retention></statement></dcp></greeting></epp>"#;
    let g = read_greeting(greeting.as_bytes()).unwrap();
    let dcp = g.dcp().unwrap();
    assert_eq!(dcp.access(), Some(Access::Null));
    let statement = dcp.statements().first().unwrap();
    assert_eq!(
        statement.purposes(),
        Purposes {
            provisioning: true,
            ..Purposes::default()
        }
    );
    assert_eq!(
        statement.recipients(),
        Recipients {
            ours: true,
            ..Recipients::default()
        }
    );
    assert_eq!(statement.retention(), Some(Retention::Stated));
}

/// Several results with a foreign namesake between them: the list holds
/// the results, as many as it says.
#[test]
fn a_foreign_result_between_results_is_not_one() {
    let doc = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="2004"><msg>a</msg></result><x:result xmlns:x="urn:foo" code="1000"><x:msg>foreign</x:msg></x:result><result xmlns="urn:foo" code="1000"><msg>foreign</msg></result><result code="2005"><msg>b</msg></result><trID><svTRID>S-1</svTRID></trID></response></epp>"#;
    let r = read_response(doc.as_bytes()).unwrap();
    let messages: Vec<String> = r
        .results()
        .iter()
        .map(|r| r.message().unwrap().to_string())
        .collect();
    assert_eq!(messages, ["a", "b"]);
    assert_eq!(r.results().len(), 2);
    assert_eq!(
        r.results()
            .starting_at(1)
            .first()
            .unwrap()
            .message()
            .unwrap(),
        "b"
    );
}
