//! The tolerance suite: every corpus response, mutated the ways registries
//! really deviate, still reads, and what was not touched reads the same.

mod common;

use epp_codec::view::{DomainData, ResultCode, read_response};

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
