//! Responses: every corpus response is read, and the envelope's fields
//! (results with their values and extValues, msgQ, resData and extension
//! children, trID) equal what roxmltree sees; tolerance and structural
//! errors. Greetings are in `response_greeting_dcp.rs`.

mod common;

use common::{text_of, token_of, xml_trim};

use epp_codec::view::response::{EppResult, MessageQueue};
use epp_codec::view::{
    ResponseErrorKind, ResultCode, ServerMessage, Str, read_response, read_server_message,
};

const EPP: &str = "urn:ietf:params:xml:ns:epp-1.0";

type Node<'a, 'i> = roxmltree::Node<'a, 'i>;

fn s(v: Str<'_>) -> String {
    v.to_string()
}

fn kids<'a, 'i>(n: Node<'a, 'i>, local: &'a str) -> Vec<Node<'a, 'i>> {
    n.children()
        .filter(|c| {
            c.is_element() && c.tag_name().name() == local && c.tag_name().namespace() == Some(EPP)
        })
        .collect()
}

fn kid<'a, 'i>(n: Node<'a, 'i>, local: &'a str) -> Option<Node<'a, 'i>> {
    kids(n, local).into_iter().next()
}

fn elements(n: Option<Node<'_, '_>>) -> Vec<(String, String)> {
    n.map(|n| {
        n.children()
            .filter(Node::is_element)
            .map(|c| {
                (
                    c.tag_name().namespace().unwrap_or("").to_string(),
                    c.tag_name().name().to_string(),
                )
            })
            .collect()
    })
    .unwrap_or_default()
}

fn ns_string(ns: epp_codec::xml::Namespace<'_>) -> String {
    match ns {
        epp_codec::xml::Namespace::None => String::new(),
        epp_codec::xml::Namespace::Known(k) => k.uri().to_string(),
        epp_codec::xml::Namespace::Other(u) => u.to_string(),
    }
}

/// One `<result>`: code, msg and its lang, every `<value>` as written and
/// every `<extValue>` (value, the element in it, reason, lang, RFC 9038
/// namespace). Returns how many extValue elements had their namespace
/// compared.
fn compare_result(r: EppResult<'_>, n: Node<'_, '_>, text: &str, path: &str) -> usize {
    let mut namespaces = 0;
    assert_eq!(r.span().range(), n.range(), "{path}");
    let code: u16 = n.attribute("code").unwrap().trim().parse().unwrap();
    assert_eq!(r.code().as_u16(), code, "{path}");
    assert_eq!(r.code(), ResultCode::from_u16(code), "{path}");
    let msg = kid(n, "msg");
    assert_eq!(r.message().map(s), msg.map(text_of), "{path}");
    assert_eq!(
        r.message_lang().map(s).as_deref(),
        msg.and_then(|m| m.attribute("lang")),
        "{path}"
    );
    let value_nodes = kids(n, "value");
    assert_eq!(r.values().len(), value_nodes.len(), "{path}");
    assert_eq!(r.values().iter().count(), value_nodes.len(), "{path}");
    for (v, vn) in r.values().iter().zip(value_nodes) {
        assert_eq!(v.content(), common::content_of(text, vn), "{path}");
        assert_eq!(v.span().range(), vn.range(), "{path}");
    }
    let ext_nodes = kids(n, "extValue");
    assert_eq!(r.ext_values().len(), ext_nodes.len(), "{path}");
    assert_eq!(r.ext_values().iter().count(), ext_nodes.len(), "{path}");
    for (e, en) in r.ext_values().iter().zip(ext_nodes) {
        assert_eq!(e.span().range(), en.range(), "{path}");
        let reason = kid(en, "reason");
        assert_eq!(e.reason().map(s), reason.map(text_of), "{path}");
        assert_eq!(
            e.reason_lang().map(s).as_deref(),
            reason.and_then(|r| r.attribute("lang")),
            "{path}"
        );
        // RFC 9038 §3: "<URI> not in login services".
        let uri = reason.and_then(|r| {
            let reason = text_of(r);
            let uri = xml_trim(xml_trim(&reason).strip_suffix("not in login services")?);
            (!uri.is_empty() && !uri.contains(char::is_whitespace)).then(|| uri.to_string())
        });
        assert_eq!(e.unhandled_namespace().map(str::to_string), uri, "{path}");
        let value = kid(en, "value");
        assert_eq!(
            e.value().map(|v| v.content()),
            value.map(|v| common::content_of(text, v)),
            "{path}"
        );
        assert_eq!(
            e.value().map(|v| v.span().range()),
            value.map(|v| v.range()),
            "{path}"
        );
        let inner = value.and_then(|v| v.children().find(Node::is_element));
        let got = e
            .element()
            .map(|el| (el.local(), el.as_str(), el.span().range()));
        let want = inner.map(|i| (i.tag_name().name(), &text[i.range()], i.range()));
        assert_eq!(got, want, "{path}");
        if let (Some(el), Some(i)) = (e.element(), inner) {
            // The prefix resolved as XML scoping says, wherever it is
            // declared: on the element, on `<value>`, or further up.
            assert_eq!(
                ns_string(el.namespace()),
                i.tag_name().namespace().unwrap_or(""),
                "{path}: the namespace of {}",
                el.as_str()
            );
            namespaces += 1;
        }
    }
    namespaces
}

/// `<msgQ>`: count (as written and parsed), id, qDate, and msg (its content
/// as written, its text when it holds no element, its lang).
fn compare_message_queue(mq: MessageQueue<'_>, qn: Node<'_, '_>, text: &str, path: &str) {
    assert_eq!(
        mq.count_raw().map(s).as_deref(),
        qn.attribute("count"),
        "{path}"
    );
    assert_eq!(
        mq.count(),
        qn.attribute("count").and_then(|c| xml_trim(c).parse().ok()),
        "{path}"
    );
    assert_eq!(
        mq.id().map(s).as_deref(),
        qn.attribute("id").map(xml_trim),
        "{path}"
    );
    let qdate = kid(qn, "qDate").map(token_of);
    assert_eq!(mq.date_raw().map(s), qdate, "{path}");
    assert_eq!(mq.date().is_some(), qdate.is_some(), "{path}: qDate parses");
    let msg = kid(qn, "msg");
    assert_eq!(
        mq.message(),
        msg.map(|m| common::content_of(text, m)),
        "{path}"
    );
    assert_eq!(
        mq.message_text().map(s),
        msg.filter(|m| !m.children().any(|c| c.is_element()))
            .map(text_of),
        "{path}"
    );
    assert_eq!(
        mq.message_lang().map(s).as_deref(),
        msg.and_then(|m| m.attribute("lang")),
        "{path}"
    );
}

/// What [`compare_response`] compared, to check that the corpus exercised
/// each comparison on real data, not only on absences.
#[derive(Default)]
struct Seen {
    values: usize,
    ext_values: usize,
    ext_value_namespaces: usize,
    queues: usize,
}

/// Reads `text` as a response and compares every envelope field with
/// roxmltree's reading of the same text.
fn compare_response(text: &str, path: &str, seen: &mut Seen) {
    let doc = roxmltree::Document::parse(text).unwrap();
    let resp_node = kid(doc.root_element(), "response").unwrap();
    let response = read_response(text.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(response.span().range(), resp_node.range(), "{path}");

    // Results.
    let result_nodes = kids(resp_node, "result");
    assert_eq!(response.results().len(), result_nodes.len(), "{path}");
    assert_eq!(
        response.results().iter().count(),
        result_nodes.len(),
        "{path}"
    );
    for (r, n) in response.results().iter().zip(&result_nodes) {
        seen.ext_value_namespaces += compare_result(r, *n, text, path);
        seen.values += r.values().len();
        seen.ext_values += r.ext_values().len();
    }
    let first_code = result_nodes[0].attribute("code").unwrap().trim();
    assert_eq!(
        response.code().as_u16(),
        first_code.parse::<u16>().unwrap(),
        "{path}"
    );

    // msgQ.
    let q = kid(resp_node, "msgQ");
    assert_eq!(response.message_queue().is_some(), q.is_some(), "{path}");
    if let (Some(mq), Some(qn)) = (response.message_queue(), q) {
        compare_message_queue(mq, qn, text, path);
        seen.queues += 1;
    }

    // resData and extension children, with their namespaces.
    for (view, local) in [
        (response.res_data(), "resData"),
        (response.extensions(), "extension"),
    ] {
        let got: Vec<(String, String)> = view
            .iter()
            .map(|e| (ns_string(e.namespace()), e.local().to_string()))
            .collect();
        assert_eq!(got, elements(kid(resp_node, local)), "{path} {local}");
        for (e, n) in view.iter().zip(
            kid(resp_node, local)
                .map(|n| n.children().filter(Node::is_element).collect::<Vec<_>>())
                .unwrap_or_default(),
        ) {
            assert_eq!(e.as_str(), &text[n.range()], "{path}");
            assert_eq!(e.span().range(), n.range(), "{path}");
        }
    }

    // trID.
    let tr = kid(resp_node, "trID").unwrap();
    assert_eq!(
        response.cl_trid().map(s),
        kid(tr, "clTRID").map(token_of),
        "{path}"
    );
    assert_eq!(
        s(response.sv_trid()),
        token_of(kid(tr, "svTRID").unwrap()),
        "{path}"
    );
}

#[test]
fn every_corpus_response_reads_and_matches_roxmltree() {
    let messages: Vec<_> = common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "response")
        .collect();
    assert!(messages.len() >= 149);
    let mut seen = Seen::default();
    for m in &messages {
        compare_response(std::str::from_utf8(&m.bytes).unwrap(), &m.path, &mut seen);
    }
    assert!(seen.values >= 2, "{} <value>s", seen.values);
    assert!(seen.ext_values >= 18, "{} <extValue>s", seen.ext_values);
    assert!(seen.queues >= 32, "{} <msgQ>s", seen.queues);
    assert!(
        seen.ext_value_namespaces >= 16,
        "{} extValue namespaces",
        seen.ext_value_namespaces
    );
}

/// A response holding what the corpus does not: references, CDATA and
/// comments in messages and reasons, mixed content with references in the
/// msgQ message, a self-closing `<value/>`, an extValue element in a
/// default namespace, padded attributes and ids.
const TRICKY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0">
  <response>
    <result code=" 2004 ">
      <msg lang=" fr ">Valeur &lt;hors&gt; plage<!-- c --><![CDATA[ & <co>]]>&#x41;</msg>
      <value xmlns:obj="urn:example:obj"><obj:a b="&gt;">1 &amp; 2</obj:a></value>
      <value/>
      <extValue>
        <value><obj:b xmlns:obj="urn:example:obj">x</obj:b></value>
        <reason lang="de">
          urn:example:obj not in login services
        </reason>
      </extValue>
      <extValue>
        <value><c xmlns="urn:example:c"><d/></c></value>
        <reason>plain <!-- no --> reason &amp; more</reason>
      </extValue>
    </result>
    <result code="1000"><msg>Command completed successfully</msg></result>
    <msgQ count=" 5 " id=" m&amp;1 ">
      <qDate> 2024-01-02T03:04:05.6+01:00 </qDate>
      <msg lang="en">Transfer of <obj:name xmlns:obj="urn:example:obj">a &amp; b</obj:name> done &#x41;</msg>
    </msgQ>
    <resData><obj:x xmlns:obj="urn:example:obj"/></resData>
    <extension><e:y xmlns:e="urn:example:e">1</e:y><z xmlns="urn:example:z"/></extension>
    <trID><clTRID> C-1 </clTRID><svTRID>S&amp;1</svTRID></trID>
  </response>
</epp>"#;

#[test]
fn escapes_markup_and_mixed_content_match_roxmltree() {
    let mut seen = Seen::default();
    compare_response(TRICKY, "TRICKY", &mut seen);
    assert_eq!(
        (
            seen.values,
            seen.ext_values,
            seen.ext_value_namespaces,
            seen.queues
        ),
        (2, 2, 2, 1)
    );
    // And as written here, so that the comparison cannot agree on a wrong reading.
    let r = read_response(TRICKY.as_bytes()).unwrap();
    let first = r.results().first().unwrap();
    assert_eq!(first.code(), ResultCode::ParameterValueRangeError);
    assert_eq!(first.message().unwrap(), "Valeur <hors> plage & <co>A");
    assert_eq!(
        first.values().first().unwrap().content(),
        r#"<obj:a b="&gt;">1 &amp; 2</obj:a>"#
    );
    assert_eq!(first.values().get(1).unwrap().content(), "");
    let ext = first.ext_values().first().unwrap();
    assert_eq!(ext.unhandled_namespace(), Some("urn:example:obj"));
    let element = ext.element().unwrap();
    assert!(element.namespace().eq_uri("urn:example:obj"));
    assert_eq!(element.local(), "b");
    let ext = first.ext_values().get(1).unwrap();
    assert_eq!(ext.reason().unwrap(), "plain  reason & more");
    assert_eq!(ext.unhandled_namespace(), None);
    assert!(ext.element().unwrap().namespace().eq_uri("urn:example:c"));
    let q = r.message_queue().unwrap();
    assert_eq!(
        (q.count_raw().unwrap(), q.count()),
        (Str::new(" 5 "), Some(5))
    );
    assert_eq!(q.id().unwrap(), "m&1");
    assert_eq!(q.date_raw().unwrap().raw(), "2024-01-02T03:04:05.6+01:00");
    let date = q.date().unwrap();
    assert_eq!(
        (date.date.offset, date.second, date.nanosecond),
        (Some(60), 5, 600_000_000)
    );
    assert_eq!(
        q.message().unwrap(),
        r#"Transfer of <obj:name xmlns:obj="urn:example:obj">a &amp; b</obj:name> done &#x41;"#
    );
    assert!(q.message_text().is_none());
    assert_eq!(r.cl_trid().unwrap(), "C-1");
    assert_eq!(r.sv_trid(), "S&1");
}

fn response(body: &str) -> String {
    format!(r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>{body}</response></epp>"#)
}

const TRID: &str = "<trID><svTRID>S-1</svTRID></trID>";

#[test]
fn tolerant_of_what_registries_send() {
    let body = format!(
        r#"<!-- c --><result code="2999"><msg>odd</msg><x:y xmlns:x="urn:example"/></result>
        <foo:bar xmlns:foo="urn:example:foreign"/>stray text<msgQ count="x" id=" 7 "/>
        <resData><obj:infData xmlns:obj="urn:example:obj"><obj:roid>1234</obj:roid></obj:infData></resData>
        {TRID}"#
    );
    let doc = response(&body);
    let r = read_response(doc.as_bytes()).unwrap();
    assert_eq!(r.code(), ResultCode::Other(2999));
    assert_eq!(r.code().as_u16(), 2999);
    let q = r.message_queue().unwrap();
    assert_eq!(q.count(), None);
    assert_eq!(q.id().unwrap(), "7");
    let data = r.res_data().iter().next().unwrap();
    assert!(data.namespace().eq_uri("urn:example:obj"));
    assert_eq!(data.local(), "infData");
    assert!(r.cl_trid().is_none());
    assert_eq!(r.sv_trid(), "S-1");
}

#[test]
fn an_echoed_element_without_its_declaration_is_read() {
    let doc = response(&format!(
        r#"<result code="2303"><msg>Object does not exist</msg><value><domain:name>example.com</domain:name></value>
<extValue><value><obj:elem s:a="1">x</obj:elem></value><reason>no</reason></extValue></result>{TRID}"#
    ));
    let r = read_response(doc.as_bytes()).unwrap();
    let result = r.results().first().unwrap();
    assert_eq!(result.code(), ResultCode::ObjectDoesNotExist);
    assert_eq!(
        result.values().first().unwrap().content(),
        "<domain:name>example.com</domain:name>"
    );
    assert_eq!(result.ext_values().first().unwrap().reason().unwrap(), "no");
    // A command is still read strictly.
    let command = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check><d:check/></check></command></epp>"#;
    let err = epp_codec::view::read_command(command.as_bytes()).unwrap_err();
    assert_eq!(
        err.kind(),
        epp_codec::view::CommandErrorKind::Xml(epp_codec::xml::XmlErrorKind::UnboundPrefix)
    );
}

/// The namespace and local name of the element of the last `<extValue>`
/// of `doc`, read by the crate.
fn ext_value_element(doc: &str) -> (String, String) {
    let r = read_response(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
    let result = r.results().iter().last().unwrap();
    let ext = result.ext_values().iter().last().unwrap();
    let element = ext
        .element()
        .unwrap_or_else(|| panic!("{doc}: an element in <value>"));
    (ns_string(element.namespace()), element.local().to_string())
}

#[test]
fn an_ext_value_element_takes_its_namespace_from_any_enclosing_declaration() {
    // (what declares what where, the namespace meant)
    let cases = [
        // The RFC 5730 example's way: the prefix bound on `<value>`.
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="2004"><extValue><value xmlns:obj="urn:o"><obj:elem/></value><reason>r</reason></extValue></result>"#,
            "urn:o",
        ),
        // On `<extValue>`.
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="2004"><extValue xmlns:obj="urn:o"><value><obj:elem/></value><reason>r</reason></extValue></result>"#,
            "urn:o",
        ),
        // On `<result>` and on `<response>`.
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="2004" xmlns:obj="urn:o"><extValue><value><obj:elem/></value><reason>r</reason></extValue></result>"#,
            "urn:o",
        ),
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response xmlns:obj="urn:o"><result code="2004"><extValue><value><obj:elem/></value><reason>r</reason></extValue></result>"#,
            "urn:o",
        ),
        // On `<epp>`, before a comment and a sibling result that rebinds it
        // for itself only.
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:obj="urn:o"><!-- <x xmlns:obj="urn:no"> --><response><result code="1000" xmlns:obj="urn:no"><extValue><value><obj:a/></value><reason>r</reason></extValue></result><result code="2004"><extValue><value><obj:elem/></value><reason>r</reason></extValue></result>"#,
            "urn:o",
        ),
        // Unprefixed, in the default namespace declared above: EPP's own,
        // or (the envelope prefixed) another, or none (`xmlns=""`).
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response><result code="2004"><extValue><value><elem/></value><reason>r</reason></extValue></result>"#,
            EPP,
        ),
        (
            r#"<e:epp xmlns:e="urn:ietf:params:xml:ns:epp-1.0" xmlns="urn:d"><e:response><e:result code="2004"><e:extValue><e:value><elem/></e:value><e:reason>r</e:reason></e:extValue></e:result>"#,
            "urn:d",
        ),
        (
            r#"<e:epp xmlns:e="urn:ietf:params:xml:ns:epp-1.0" xmlns="urn:d"><e:response><e:result code="2004"><e:extValue><e:value xmlns=""><elem/></e:value><e:reason>r</e:reason></e:extValue></e:result>"#,
            "",
        ),
        // Rebound between: the nearest declaration counts, its own first.
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:obj="urn:far"><response><result code="2004"><extValue xmlns:obj="urn:near"><value><obj:elem/></value><reason>r</reason></extValue></result>"#,
            "urn:near",
        ),
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:obj="urn:far"><response><result code="2004"><extValue><value xmlns:obj="urn:near"><obj:elem xmlns:obj="urn:own"/></value><reason>r</reason></extValue></result>"#,
            "urn:own",
        ),
        // A declaration of another prefix, or on a later sibling, binds nothing.
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:obj="urn:o"><response><result code="2004"><extValue xmlns:ob="urn:no"><value><obj:elem/></value><reason xmlns:obj="urn:no">r</reason></extValue></result>"#,
            "urn:o",
        ),
    ];
    for (head, namespace) in cases {
        let doc = if head.starts_with("<e:") {
            format!("{head}<e:trID><e:svTRID>S-1</e:svTRID></e:trID></e:response></e:epp>")
        } else {
            format!("{head}{TRID}</response></epp>")
        };
        let rox = roxmltree::Document::parse(&doc).unwrap();
        let element = rox
            .descendants()
            .filter(|n| n.tag_name().name() == "value")
            .flat_map(|v| v.children().filter(Node::is_element))
            .find(|n| n.tag_name().name() == "elem")
            .unwrap();
        assert_eq!(
            element.tag_name().namespace().unwrap_or(""),
            namespace,
            "{doc}"
        );
        assert_eq!(
            ext_value_element(&doc),
            (namespace.to_string(), "elem".to_string()),
            "{doc}"
        );
    }
}

#[test]
fn an_ext_value_element_with_an_undeclared_prefix_is_in_no_namespace() {
    // Servers echo the client's element without its declaration.
    for value in [
        "<value><obj:elem>x</obj:elem></value>",
        // Declared only inside it, or on an element that has ended.
        r#"<value><obj:elem><o:a xmlns:obj="urn:no"/></obj:elem></value>"#,
        r#"<value xmlns:o="urn:no"><obj:elem s:a="1"/></value>"#,
    ] {
        let doc = response(&format!(
            r#"<result code="2004"><msg>m</msg><value xmlns:obj="urn:no"><obj:x/></value><extValue>{value}<reason>r</reason></extValue></result>{TRID}"#
        ));
        let (namespace, local) = ext_value_element(&doc);
        assert_eq!((namespace.as_str(), local.as_str()), ("", "elem"), "{doc}");
    }
}

/// A result code or a msgQ count written with character references is
/// the number they spell (a tolerant reader takes well-formed XML as it
/// means it); one that is not four digits once expanded is still refused.
#[test]
fn result_codes_and_counts_written_with_references_are_numbers() {
    for (code, expected) in [
        ("&#49;000", 1000),
        ("1&#48;00", 1000),
        ("&#x32;&#x33;&#x30;&#x33;", 2303),
        (" &#50;004\t", 2004),
        ("&#32;&#x9;1301&#10;&#13;", 1301),
    ] {
        let doc = response(&format!(
            r#"<result code="{code}"><msg>m</msg></result><result code="{code}"/>{TRID}"#
        ));
        let r = read_response(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
        assert_eq!(r.code().as_u16(), expected, "{doc}");
        for result in r.results() {
            assert_eq!(result.code().as_u16(), expected, "{doc}");
        }
    }
    for code in [
        "&#49;00",
        "&#49;0000",
        "&#49;&#46;000",
        "&#xA0;1000",
        "\u{a0}1000",
        "&#xFF11;000",
        "",
    ] {
        let doc = response(&format!(r#"<result code="{code}"/>{TRID}"#));
        let err = read_response(doc.as_bytes()).expect_err(&doc);
        assert_eq!(err.kind(), ResponseErrorKind::InvalidResultCode, "{doc}");
    }
    for (count, expected) in [
        ("&#53;", Some(5)),
        ("1&#x30;", Some(10)),
        (" &#53; ", Some(5)),
        ("&#32;7&#9;", Some(7)),
        ("&#53;x", None),
        ("&#xA0;5", None),
    ] {
        let doc = response(&format!(
            r#"<result code="1301"/><msgQ count="{count}" id="1"/>{TRID}"#
        ));
        let r = read_response(doc.as_bytes()).unwrap();
        assert_eq!(r.message_queue().unwrap().count(), expected, "{doc}");
    }
}

/// A `token` (ids, names, flags) is trimmed after its references are
/// expanded, as XML Schema's white space facet says and roxmltree's text
/// trimmed agrees: `<svTRID> S-1 &#32;</svTRID>` is `S-1`, by every way of
/// reading it; a value without references stays the borrowed raw text.
#[test]
fn a_token_drops_the_white_space_its_references_put_at_its_ends() {
    let ends = ["&#32;", "&#x20;", "&#9;", "&#10;", "&#xD;", " &#32; "];
    for (i, left) in ends.iter().enumerate() {
        let right = ends[(i + 1) % ends.len()];
        let doc = response(&format!(
            r#"<result code="1000"/><msgQ count="1" id="{left}m-1{right}"/>
<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:cd><domain:name avail="{left}1{right}">{left}a.example{right}</domain:name></domain:cd></domain:chkData></resData>
<trID><clTRID>{left}C&#45;1{right}</clTRID><svTRID>{left}S-1{right}</svTRID></trID>"#
        ));
        let rox = roxmltree::Document::parse(&doc).unwrap();
        let node = |local: &str| {
            rox.descendants()
                .find(|n| n.tag_name().name() == local)
                .unwrap()
        };
        assert_eq!(token_of(node("svTRID")), "S-1", "{doc}");
        let r = read_response(doc.as_bytes()).unwrap();
        for (read, expected) in [
            (r.sv_trid(), "S-1"),
            (r.cl_trid().unwrap(), "C-1"),
            (r.message_queue().unwrap().id().unwrap(), "m-1"),
        ] {
            assert_eq!(read, expected, "{doc}");
            assert_eq!(read.to_string(), expected, "{doc}");
            #[cfg(feature = "alloc")]
            assert_eq!(read.to_cow(), expected, "{doc}");
            assert_eq!(read.char_len(), expected.len(), "{doc}");
            assert_eq!(read, Str::new(expected), "{doc}");
        }
        let Some(epp_codec::view::DomainData::Check(checked)) = r
            .res_data()
            .iter()
            .find_map(epp_codec::view::DomainData::from_raw)
        else {
            panic!("no domain:chkData in {doc}")
        };
        let item = checked.first().unwrap();
        assert_eq!(item.name().unwrap().to_string(), "a.example", "{doc}");
        assert_eq!(item.available(), Some(true), "{doc}");
    }
    // Without references: the raw text itself, borrowed.
    let doc = response(r#"<result code="1000"/><trID><svTRID> S-1 </svTRID></trID>"#);
    let r = read_response(doc.as_bytes()).unwrap();
    assert_eq!(r.sv_trid().as_plain(), Some("S-1"));
    #[cfg(feature = "alloc")]
    assert!(matches!(
        r.sv_trid().to_cow(),
        std::borrow::Cow::Borrowed("S-1")
    ));
    // And a greeting's `<svID>`.
    let greeting = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><greeting><svID> x &#32;</svID><svDate>2024-01-01T00:00:00Z</svDate><svcMenu><version>1.0</version><lang>en</lang><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI></svcMenu></greeting></epp>"#;
    let g = epp_codec::view::read_greeting(greeting.as_bytes()).unwrap();
    assert_eq!(g.server_id().unwrap().to_string(), "x");
}

#[test]
fn structural_errors() {
    let cases = [
        (
            response(TRID),
            ResponseErrorKind::MissingElement,
            Some("result"),
        ),
        (
            response(r#"<result code="1000"/>"#),
            ResponseErrorKind::MissingElement,
            Some("trID"),
        ),
        (
            response(r#"<result code="1000"/><trID><clTRID>x</clTRID></trID>"#),
            ResponseErrorKind::MissingElement,
            Some("svTRID"),
        ),
        (
            response(&format!(r#"<result code="10000"/>{TRID}"#)),
            ResponseErrorKind::InvalidResultCode,
            Some("result"),
        ),
        (
            response(&format!(r#"<result/>{TRID}"#)),
            ResponseErrorKind::InvalidResultCode,
            Some("result"),
        ),
        (
            "<epp xmlns=\"urn:x\"/>".to_string(),
            ResponseErrorKind::NotAServerMessage,
            Some("epp"),
        ),
        (
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command/></epp>"#.to_string(),
            ResponseErrorKind::NotAServerMessage,
            Some("command"),
        ),
        (
            response("<result code=\"1000\">"),
            ResponseErrorKind::Xml(epp_codec::xml::XmlErrorKind::MismatchedEndTag),
            None,
        ),
    ];
    for (doc, kind, element) in cases {
        let err = read_response(doc.as_bytes()).expect_err(&doc);
        assert_eq!(err.kind(), kind, "{doc}: {err}");
        assert_eq!(err.element().map(|e| e.local), element, "{doc}");
        assert!(err.offset() <= doc.len());
    }
    let greeting = std::fs::read(common::corpus_dir().join("rfc/5730/002-S-s2.4.xml")).unwrap();
    assert!(matches!(
        read_server_message(&greeting),
        Ok(ServerMessage::Greeting(_))
    ));
    assert_eq!(
        read_response(&greeting).unwrap_err().kind(),
        ResponseErrorKind::NotAServerMessage
    );
}
