//! Greetings: every corpus greeting, and hand-made ones that together hold
//! every value of every child of `<dcp>` in epp-1.0.xsd (each access, each
//! purpose, each recipient including `<ours>` with and without `<recDesc>`,
//! each retention, expiry absolute and relative), are read and compared
//! field by field with roxmltree; the hand-made ones are checked to be
//! valid against the schemas and read as written.

mod common;

use common::token_of;

use std::collections::BTreeSet;

use epp_codec::view::response::greeting::{Access, Expiry, Purposes, Recipients, Retention};
use epp_codec::view::{Str, read_greeting};

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

/// The local names of the child elements of `n`.
fn child_names(n: Option<Node<'_, '_>>) -> BTreeSet<String> {
    n.into_iter()
        .flat_map(|n| n.children())
        .filter(Node::is_element)
        .map(|c| c.tag_name().name().to_string())
        .collect()
}

fn access_name(a: Access<'_>) -> &str {
    match a {
        Access::All => "all",
        Access::None => "none",
        Access::Null => "null",
        Access::Other => "other",
        Access::Personal => "personal",
        Access::PersonalAndOther => "personalAndOther",
        Access::Unknown(x) => x,
        other => panic!("an access this test does not know: {other:?}"),
    }
}

fn retention_name(r: Retention<'_>) -> &str {
    match r {
        Retention::Business => "business",
        Retention::Indefinite => "indefinite",
        Retention::Legal => "legal",
        Retention::None => "none",
        Retention::Stated => "stated",
        Retention::Unknown(x) => x,
        other => panic!("a retention this test does not know: {other:?}"),
    }
}

fn purpose_names(p: Purposes) -> BTreeSet<String> {
    [
        (p.admin, "admin"),
        (p.contact, "contact"),
        (p.other, "other"),
        (p.provisioning, "prov"),
    ]
    .into_iter()
    .filter(|(set, _)| *set)
    .map(|(_, name)| name.to_string())
    .collect()
}

fn recipient_names(r: Recipients) -> BTreeSet<String> {
    [
        (r.other, "other"),
        (r.ours, "ours"),
        (r.public, "public"),
        (r.same, "same"),
        (r.unrelated, "unrelated"),
    ]
    .into_iter()
    .filter(|(set, _)| *set)
    .map(|(_, name)| name.to_string())
    .collect()
}

/// Reads `text` as a greeting and compares every field with roxmltree's
/// reading of it.
fn compare_greeting(text: &str, path: &str) {
    let doc = roxmltree::Document::parse(text).unwrap();
    let g_node = kid(doc.root_element(), "greeting").unwrap();
    let g = read_greeting(text.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(g.span().range(), g_node.range(), "{path}");
    let t = |n: Option<Node<'_, '_>>| n.map(token_of);
    assert_eq!(g.server_id().map(s), t(kid(g_node, "svID")), "{path}");
    assert_eq!(
        g.server_date_raw().map(s),
        t(kid(g_node, "svDate")),
        "{path}"
    );
    assert!(g.server_date().is_some(), "{path}");
    let menu = kid(g_node, "svcMenu").unwrap();
    let list =
        |n: Node<'_, '_>, local| kids(n, local).into_iter().map(token_of).collect::<Vec<_>>();
    assert_eq!(
        g.versions().iter().map(s).collect::<Vec<_>>(),
        list(menu, "version"),
        "{path}"
    );
    assert_eq!(
        g.langs().iter().map(s).collect::<Vec<_>>(),
        list(menu, "lang"),
        "{path}"
    );
    assert_eq!(
        g.object_uris().iter().map(s).collect::<Vec<_>>(),
        list(menu, "objURI"),
        "{path}"
    );
    let ext = kid(menu, "svcExtension")
        .map(|e| list(e, "extURI"))
        .unwrap_or_default();
    assert_eq!(
        g.extension_uris().iter().map(s).collect::<Vec<_>>(),
        ext,
        "{path}"
    );

    let dcp_node = kid(g_node, "dcp").unwrap();
    let dcp = g.dcp().unwrap();
    let first = |n: Option<Node<'_, '_>>| {
        n.and_then(|n| n.children().find(Node::is_element))
            .map(|c| c.tag_name().name().to_string())
    };
    assert_eq!(
        dcp.access().map(|a| access_name(a).to_string()),
        first(kid(dcp_node, "access")),
        "{path}"
    );
    let statements = kids(dcp_node, "statement");
    assert_eq!(dcp.statements().len(), statements.len(), "{path}");
    assert_eq!(dcp.statements().iter().count(), statements.len(), "{path}");
    for (st, sn) in dcp.statements().iter().zip(statements) {
        assert_eq!(
            purpose_names(st.purposes()),
            child_names(kid(sn, "purpose")),
            "{path}"
        );
        let recipient = kid(sn, "recipient");
        assert_eq!(
            recipient_names(st.recipients()),
            child_names(recipient),
            "{path}"
        );
        let ours = recipient.map(|r| kids(r, "ours")).unwrap_or_default();
        let got: Vec<Option<String>> = st
            .our_recipients()
            .iter()
            .map(|o| o.description().map(s))
            .collect();
        let want: Vec<Option<String>> = ours
            .iter()
            .map(|o| kid(*o, "recDesc").map(token_of))
            .collect();
        assert_eq!(got, want, "{path}");
        assert_eq!(
            st.our_recipient_descriptions().map(s).collect::<Vec<_>>(),
            want.into_iter().flatten().collect::<Vec<_>>(),
            "{path}"
        );
        assert_eq!(
            st.retention().map(|r| retention_name(r).to_string()),
            first(kid(sn, "retention")),
            "{path}"
        );
    }
    let expiry = kid(dcp_node, "expiry");
    match (dcp.expiry(), expiry) {
        (None, None) => {}
        (Some(e @ Expiry::Relative(r)), Some(n)) => {
            assert_eq!(Some(s(r)), t(kid(n, "relative")), "{path}");
            assert!(e.absolute().is_none(), "{path}");
        }
        (Some(e @ Expiry::Absolute(a)), Some(n)) => {
            assert_eq!(Some(s(a)), t(kid(n, "absolute")), "{path}");
            assert!(e.absolute().is_some(), "{path}: the absolute expiry parses");
        }
        (got, want) => panic!("{path}: expiry {got:?} vs {want:?}"),
    }
}

#[test]
fn every_corpus_greeting_reads_and_matches_roxmltree() {
    let messages: Vec<_> = common::corpus_messages()
        .into_iter()
        .filter(|m| m.kind == "greeting")
        .collect();
    assert_eq!(messages.len(), 2);
    for m in &messages {
        compare_greeting(std::str::from_utf8(&m.bytes).unwrap(), &m.path);
    }
}

/// One hand-made `<statement>` and what it must read as.
struct StatementCase {
    /// The content of `<purpose>`, `<recipient>` and `<retention>`.
    purpose: &'static str,
    recipient: &'static str,
    retention: &'static str,
    purposes: Purposes,
    recipients: Recipients,
    /// The `<ours>`, each with its `<recDesc>` if it has one.
    ours: &'static [Option<&'static str>],
    expected_retention: Retention<'static>,
}

const NO_PURPOSE: Purposes = Purposes {
    admin: false,
    contact: false,
    provisioning: false,
    other: false,
};

const NO_RECIPIENT: Recipients = Recipients {
    other: false,
    ours: false,
    public: false,
    same: false,
    unrelated: false,
};

/// Every purpose alone and all together; every recipient alone (`<ours>`
/// bare and described) and all together (two `<ours>`); every retention.
/// Children are in the schema's order.
fn statement_cases() -> Vec<StatementCase> {
    let case = |purpose, purposes, recipient, recipients, ours, retention, expected_retention| {
        StatementCase {
            purpose,
            recipient,
            retention,
            purposes,
            recipients,
            ours,
            expected_retention,
        }
    };
    let admin = Purposes {
        admin: true,
        ..NO_PURPOSE
    };
    let public = Recipients {
        public: true,
        ..NO_RECIPIENT
    };
    vec![
        case(
            "<admin/>",
            admin,
            "<public/>",
            public,
            &[],
            "<business/>",
            Retention::Business,
        ),
        case(
            "<contact/>",
            Purposes {
                contact: true,
                ..NO_PURPOSE
            },
            "<other/>",
            Recipients {
                other: true,
                ..NO_RECIPIENT
            },
            &[],
            "<indefinite/>",
            Retention::Indefinite,
        ),
        case(
            "<other/>",
            Purposes {
                other: true,
                ..NO_PURPOSE
            },
            "<ours/>",
            Recipients {
                ours: true,
                ..NO_RECIPIENT
            },
            &[None],
            "<legal/>",
            Retention::Legal,
        ),
        case(
            "<prov/>",
            Purposes {
                provisioning: true,
                ..NO_PURPOSE
            },
            "<ours><recDesc>Our registry operator &amp; its escrow agent</recDesc></ours>",
            Recipients {
                ours: true,
                ..NO_RECIPIENT
            },
            &[Some("Our registry operator & its escrow agent")],
            "<none/>",
            Retention::None,
        ),
        case(
            "<admin/>",
            admin,
            "<same/>",
            Recipients {
                same: true,
                ..NO_RECIPIENT
            },
            &[],
            "<stated/>",
            Retention::Stated,
        ),
        case(
            "<admin/>",
            admin,
            "<unrelated/>",
            Recipients {
                unrelated: true,
                ..NO_RECIPIENT
            },
            &[],
            "<stated/>",
            Retention::Stated,
        ),
        case(
            "<admin/><contact/><other/><prov/>",
            Purposes {
                admin: true,
                contact: true,
                provisioning: true,
                other: true,
            },
            "<other/><ours/><ours><recDesc>  Resellers\n </recDesc></ours><public/><same/><unrelated/>",
            Recipients {
                other: true,
                ours: true,
                public: true,
                same: true,
                unrelated: true,
            },
            &[None, Some("Resellers")],
            "<business/>",
            Retention::Business,
        ),
    ]
}

/// Every access value with what it must read as.
const ACCESSES: [(&str, Access<'static>); 6] = [
    ("all", Access::All),
    ("none", Access::None),
    ("null", Access::Null),
    ("other", Access::Other),
    ("personal", Access::Personal),
    ("personalAndOther", Access::PersonalAndOther),
];

/// A greeting with `access`, every statement of [`statement_cases`], and
/// `expiry` (the content of `<expiry>`, if any). `prefix` is the EPP
/// namespace's prefix (`""` for the default namespace); `layout` goes
/// between elements (white space or comments).
fn greeting(access: &str, expiry: Option<&str>, prefix: &str, layout: &str) -> String {
    let p = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix}:")
    };
    let declaration = if prefix.is_empty() {
        format!(r#"xmlns="{EPP}""#)
    } else {
        format!(r#"xmlns:{prefix}="{EPP}""#)
    };
    // The dcp children are unprefixed in the table: prefix every tag.
    let tags = |xml: &str| {
        xml.replace("</", "\u{0}")
            .replace('<', &format!("<{p}"))
            .replace('\u{0}', &format!("</{p}"))
    };
    let mut statements = String::new();
    for c in statement_cases() {
        statements.push_str(&format!(
            "<{p}statement>{layout}<{p}purpose>{}</{p}purpose>{layout}<{p}recipient>{}</{p}recipient>{layout}<{p}retention>{}</{p}retention>{layout}</{p}statement>{layout}",
            tags(c.purpose),
            tags(c.recipient),
            tags(c.retention)
        ));
    }
    let expiry = expiry
        .map(|e| format!("<{p}expiry>{layout}{}{layout}</{p}expiry>{layout}", tags(e)))
        .unwrap_or_default();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<{p}epp {declaration}>{layout}<{p}greeting>{layout}<{p}svID>Example EPP server epp.example.com</{p}svID>{layout}<{p}svDate>2000-06-08T22:00:00.0Z</{p}svDate>{layout}<{p}svcMenu><{p}version>1.0</{p}version><{p}lang>en</{p}lang><{p}objURI>urn:ietf:params:xml:ns:domain-1.0</{p}objURI></{p}svcMenu>{layout}<{p}dcp>{layout}<{p}access>{layout}<{p}{access}/>{layout}</{p}access>{layout}{statements}{expiry}</{p}dcp>{layout}</{p}greeting>{layout}</{p}epp>"#
    )
}

/// What an absolute expiry must parse to: year, nanosecond, offset in minutes.
type Parsed = (u16, u32, i16);

/// What `<expiry>` holds, cycled over the greetings, with what its
/// absolute form must parse to.
const EXPIRIES: [(Option<&str>, Option<Parsed>); 4] = [
    (
        Some("<absolute>2025-12-31T23:59:59.123456789+05:30</absolute>"),
        Some((2025, 123_456_789, 330)),
    ),
    (Some("<relative>P1Y2M3DT4H5M6.7S</relative>"), None),
    (None, None),
    (
        Some("<absolute>2001-02-03T04:05:06Z</absolute>"),
        Some((2001, 0, 0)),
    ),
];

/// Every hand-made greeting: each access, in the default namespace and
/// prefixed, packed and with comments and white space between elements.
fn hand_made() -> Vec<(String, Access<'static>, usize)> {
    let mut docs = Vec::new();
    let styles = [("", ""), ("e", "\n  <!-- c -->\n  ")];
    for (i, (name, access)) in ACCESSES.into_iter().enumerate() {
        for (j, (prefix, layout)) in styles.into_iter().enumerate() {
            let expiry = (i + j) % EXPIRIES.len();
            docs.push((
                greeting(name, EXPIRIES[expiry].0, prefix, layout),
                access,
                expiry,
            ));
        }
    }
    docs
}

#[test]
fn the_hand_made_greetings_are_valid_epp() {
    for (doc, ..) in hand_made() {
        common::schema_valid(&doc).unwrap_or_else(|e| panic!("{e}\n{doc}"));
    }
}

#[test]
fn every_dcp_value_reads_as_written() {
    let cases = statement_cases();
    let mut expiries_seen = BTreeSet::new();
    for (doc, access, expiry) in hand_made() {
        let g = read_greeting(doc.as_bytes()).unwrap();
        let dcp = g.dcp().unwrap();
        assert_eq!(dcp.access(), Some(access), "{doc}");
        assert_eq!(dcp.statements().len(), cases.len());
        for (st, case) in dcp.statements().iter().zip(&cases) {
            assert_eq!(st.purposes(), case.purposes, "{}", case.purpose);
            assert_eq!(st.recipients(), case.recipients, "{}", case.recipient);
            let ours: Vec<Option<String>> = st
                .our_recipients()
                .iter()
                .map(|o| o.description().map(s))
                .collect();
            let want: Vec<Option<String>> = case.ours.iter().map(|o| o.map(String::from)).collect();
            assert_eq!(ours, want, "{}", case.recipient);
            assert_eq!(
                st.retention(),
                Some(case.expected_retention),
                "{}",
                case.retention
            );
        }
        let (written, absolute) = EXPIRIES[expiry];
        expiries_seen.insert(expiry);
        match (dcp.expiry(), written) {
            (None, None) => {}
            (Some(e @ Expiry::Absolute(raw)), Some(w)) => {
                assert!(w.contains(&format!(">{}<", raw.raw())), "{w}");
                let parsed = e.absolute().unwrap();
                let (year, nanosecond, offset) = absolute.unwrap();
                assert_eq!(
                    (parsed.date.year, parsed.nanosecond, parsed.date.offset),
                    (year, nanosecond, Some(offset))
                );
            }
            (Some(e @ Expiry::Relative(raw)), Some(w)) => {
                assert_eq!(raw, "P1Y2M3DT4H5M6.7S", "{w}");
                assert!(e.absolute().is_none());
                assert!(absolute.is_none());
            }
            (got, want) => panic!("expiry {got:?}, written {want:?}"),
        }
    }
    assert_eq!(expiries_seen.len(), EXPIRIES.len());
    // Together the cases hold every value the schema allows.
    let all_purposes = cases.iter().fold(NO_PURPOSE, |a, c| Purposes {
        admin: a.admin || c.purposes.admin,
        contact: a.contact || c.purposes.contact,
        provisioning: a.provisioning || c.purposes.provisioning,
        other: a.other || c.purposes.other,
    });
    assert_eq!(purpose_names(all_purposes).len(), 4);
    let retentions: BTreeSet<&str> = cases
        .iter()
        .map(|c| retention_name(c.expected_retention))
        .collect();
    assert_eq!(retentions.len(), 5);
}

#[test]
fn every_hand_made_greeting_matches_roxmltree() {
    for (i, (doc, ..)) in hand_made().into_iter().enumerate() {
        compare_greeting(&doc, &format!("hand-made greeting {i}"));
    }
}

#[test]
fn an_access_or_retention_the_rfc_does_not_define_is_kept_by_name() {
    let doc = greeting("all", None, "", "")
        .replace("<all/>", "<everyone/>")
        .replace("<legal/>", "<forever/>");
    let g = read_greeting(doc.as_bytes()).unwrap();
    let dcp = g.dcp().unwrap();
    assert_eq!(dcp.access(), Some(Access::Unknown("everyone")));
    let retentions: Vec<_> = dcp.statements().iter().map(|s| s.retention()).collect();
    assert_eq!(retentions[2], Some(Retention::Unknown("forever")));
    compare_greeting(&doc, "unknown access and retention");
    // An element of another namespace is no access value at all, known or
    // not: it is skipped, as every foreign element of a greeting is.
    let foreign = greeting("all", None, "", "")
        .replace("<all/>", r#"<x:everyone xmlns:x="urn:example:dcp"/>"#);
    let g = read_greeting(foreign.as_bytes()).unwrap();
    assert_eq!(g.dcp().unwrap().access(), None);
}
