//! Mutation tests generated from the schemas: every schema-valid corpus
//! command is broken in every way the schemas forbid, one way at a time,
//! and the strict reader must answer with the right error kind and result
//! code, name the right element (and attribute), and point at the right
//! byte.
//!
//! The rules come from `../shared/corpus/xsd/{epp,eppcom,domain,host,contact}-1.0.xsd`,
//! read with roxmltree: for every element of a command, its declaration
//! (sequence or choice, `minOccurs`, `maxOccurs`), its simple type's facets
//! (`minLength`, `maxLength`, `length`, `minInclusive`, `maxInclusive`,
//! enumerations, patterns) and its attributes (type, `use`). Values whose
//! type has a pattern or a grammar of its own are broken from the table
//! [`TYPED_VALUES`]; a type the schemas give a pattern that the table lacks
//! fails the test. The mutations (and what each must draw):
//!
//! - **drop** a required element (`minOccurs` ≥ 1; every one of a run) →
//!   2003 naming it, where it was expected (the next sibling, or the
//!   parent's end tag); the one element of a required choice (`<authInfo>`'s
//!   `<pw>`, `<ns>`'s `<hostObj>`) → 2003 naming the choice's first
//!   alternative;
//! - **drop-attr**: remove a required attribute → 2003 naming the element
//!   and the attribute, at the element;
//! - **length**: a value one character past `maxLength` (or `length`), or one
//!   short of `minLength`; for a pattern type, a value the pattern admits but
//!   the length facet does not → 2004, at the value;
//! - **range**: a number one past `minInclusive` or `maxInclusive` → 2004;
//! - **repeat**: copies of an element until there is one more than its
//!   `maxOccurs` (when it is bounded and above 1) → 2004 naming it, at the
//!   first one too many;
//! - **syntax**: an enumerated value or attribute set outside its list (a
//!   made-up word, the value in capitals, nothing), a boolean to `maybe`,
//!   `TRUE`, ... → 2005, at the value;
//! - **pattern**: a pattern- or grammar-typed value (E.164 numbers, ROIDs,
//!   the protocol version, language tags, dates, numbers, IP addresses, and
//!   an address of the other IP version than its `ip` attribute says) broken
//!   → 2005, at the value;
//! - **unimplemented**: a protocol version the pattern admits but the server
//!   does not implement → 2100;
//! - **swap** two adjacent siblings whose order a sequence fixes → 2001
//!   naming the one out of place: the one that moved forward when the other
//!   was required, otherwise the one that moved back;
//! - **duplicate** an element that may appear once → 2001 naming the copy;
//! - **foreign**: `<x:foo xmlns:x="urn:example:foreign"/>` as the first child
//!   of every typed element (inside a leaf's text too) and as the last child
//!   of those with children → 2001 naming `foo` (where a wildcard admits one
//!   element of another namespace, the one after it is out of place; first
//!   in `<epp>`, it is not a command);
//! - **foreign-attr**: an attribute the schema does not declare → 2001
//!   naming the element and the attribute, at the attribute.
//!
//! Every command object namespace with a reader is under test
//! ([`OBJECT_NAMESPACES`]); the content of `<extension>` and of `##other`
//! wildcards (e.g. `<authInfo><ext>`) is not the core schemas' business and
//! is left alone. So are untyped elements (`<logout/>`, `<domain:null/>`:
//! `anyType` admits anything), the choices of the envelope (what the message
//! is, which command: the table test in `command_core.rs`), the contact `cc`
//! value (the contact tests cover it), and character references in values.
//! Values typed `token` without facets (`msgID`, the phone extension `x`,
//! URIs) have nothing to break.
//!
//! Besides each mutation's own answer, the test checks the generator: every
//! kind ran (at least a floor of times), and every schema fact of the command
//! side (each bounded repetition, numeric bound, typed value and attribute,
//! required element and attribute) was exercised by at least one mutation.
//! The corpus holds no `<disclose>` child with a `type`, so [`SEEDS`] adds
//! one valid command that does. Every mutated message was checked with
//! xmllint against the schemas once: all are invalid but those of IP
//! addresses, whose syntax RFC 5732 states and the schema does not.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use epp_codec::view::{CommandError, CommandErrorKind, ResultCode, read_command};

const XS: &str = "http://www.w3.org/2001/XMLSchema";
const EPP: &str = "urn:ietf:params:xml:ns:epp-1.0";
const EPPCOM: &str = "urn:ietf:params:xml:ns:eppcom-1.0";
const DOMAIN: &str = "urn:ietf:params:xml:ns:domain-1.0";
const HOST: &str = "urn:ietf:params:xml:ns:host-1.0";
const CONTACT: &str = "urn:ietf:params:xml:ns:contact-1.0";

/// The element the foreign mutations add, and its namespace.
const FOREIGN: &str = r#"<x:foo xmlns:x="urn:example:foreign"/>"#;
const FOREIGN_NS: &str = "urn:example:foreign";

/// The object namespaces of the commands under test ("" for login, logout,
/// poll and hello, which have none). Every object with a command reader.
const OBJECT_NAMESPACES: &[&str] = &["", DOMAIN, HOST, CONTACT];

const SCHEMAS: &[&str] = &[
    "epp-1.0",
    "eppcom-1.0",
    "domain-1.0",
    "host-1.0",
    "contact-1.0",
];

/// The object elements a command verb's wildcard holds.
const VERBS: &[&str] = &[
    "check", "create", "delete", "info", "renew", "transfer", "update",
];

/// The mutation kinds: the result code issue 3 asks of each, and the least
/// number of mutations of the kind over the corpus (a generator that went
/// quiet fails; the floors are a little under the counts at the time of
/// writing).
const KINDS: &[(&str, ResultCode, usize)] = &[
    ("drop", ResultCode::RequiredParameterMissing, 250),
    ("drop-attr", ResultCode::RequiredParameterMissing, 60),
    ("length", ResultCode::ParameterValueRangeError, 700),
    ("range", ResultCode::ParameterValueRangeError, 40),
    ("repeat", ResultCode::ParameterValueRangeError, 20),
    ("syntax", ResultCode::ParameterValueSyntaxError, 350),
    ("pattern", ResultCode::ParameterValueSyntaxError, 950),
    (
        "unimplemented",
        ResultCode::UnimplementedProtocolVersion,
        10,
    ),
    ("swap", ResultCode::CommandSyntaxError, 260),
    ("duplicate", ResultCode::CommandSyntaxError, 800),
    ("foreign", ResultCode::CommandSyntaxError, 1400),
    ("foreign-attr", ResultCode::CommandSyntaxError, 1050),
];

/// Broken values of one simple type: the schema facts a pattern (or a
/// grammar of its own) states, which the facets alone cannot turn into
/// mutations.
struct TypedValue {
    /// The simple type (namespace, local name): a value's own type or one
    /// its type derives from.
    ty: (&'static str, &'static str),
    /// `pattern` for a pattern or grammar, `syntax` for a closed set of words.
    kind: &'static str,
    /// Values outside the type (2005), none beyond a length facet.
    broken: Broken,
    /// Values the pattern admits but a length facet does not (2004).
    too_long: &'static [&'static str],
    /// Values the type admits but the server does not implement.
    unimplemented: &'static [(&'static str, CommandErrorKind)],
}

/// The broken values of a [`TypedValue`].
enum Broken {
    Always(&'static [&'static str]),
    /// An IP address: broken for the version its `ip` attribute names.
    ByIpVersion {
        v4: &'static [&'static str],
        v6: &'static [&'static str],
    },
}

/// A ROID whose id part has 81 characters, one past the pattern's `{1,80}`
/// (a pattern break: the type has no length facet).
const ROID_ID_TOO_LONG: &str = concat!(
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "a-REP"
);

const TYPED_VALUES: &[TypedValue] = &[
    // epp versionType: [1-9]+\.[0-9]+, and only 1.0 is implemented.
    TypedValue {
        ty: (EPP, "versionType"),
        kind: "pattern",
        broken: Broken::Always(&["", "1", "1.", ".0", "0.9", "10.0", "1.0a", "v1.0", "1,0"]),
        too_long: &[],
        unimplemented: &[
            ("2.0", CommandErrorKind::UnimplementedProtocolVersion),
            ("1.1", CommandErrorKind::UnimplementedProtocolVersion),
        ],
    },
    // XML Schema language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*.
    TypedValue {
        ty: (XS, "language"),
        kind: "pattern",
        broken: Broken::Always(&[
            "",
            "e1",
            "1en",
            "english12",
            "en_US",
            "en-",
            "-en",
            "en--US",
            "en-toolong12",
            "en US",
        ]),
        too_long: &[],
        unimplemented: &[],
    },
    // contact e164StringType: (\+[0-9]{1,3}\.[0-9]{1,14})?, at most 17.
    TypedValue {
        ty: (CONTACT, "e164StringType"),
        kind: "pattern",
        broken: Broken::Always(&[
            "+1",
            "+1.",
            "+.5555",
            "1.5555555",
            "+1234.5555",
            "+1.555a",
            "+1.555-1234",
            "++1.555",
            "+1.5 55",
            "+1.2345678.2",
        ]),
        too_long: &["+12.12345678901234"],
        unimplemented: &[],
    },
    // eppcom roidType: (\w|_){1,80}-\w{1,8}.
    TypedValue {
        ty: (EPPCOM, "roidType"),
        kind: "pattern",
        broken: Broken::Always(&[
            "",
            "NODASH",
            "-REP",
            "ID-",
            "ID-123456789",
            "A.B-REP",
            "ID-RE.P",
            "A-B-C",
            ROID_ID_TOO_LONG,
        ]),
        too_long: &[],
        unimplemented: &[],
    },
    // host addrStringType: no pattern, but RFC 5732 §2.5 makes it an IP
    // address literal of the version the `ip` attribute names (length 3–45
    // kept, so the length check passes).
    TypedValue {
        ty: (HOST, "addrStringType"),
        kind: "pattern",
        broken: Broken::ByIpVersion {
            v4: &[
                "192.0.2.256",
                "192.0.2",
                "192.0.2.1.5",
                "192.0.2.x",
                "192.0.2.-1",
                "::1",
            ],
            v6: &[
                "2001:db8::1::2",
                "2001:db8:::1",
                "12345::1",
                "2001:db8::g",
                "1:2:3:4:5:6:7:8:9",
                "192.0.2.1",
            ],
        },
        too_long: &[],
        unimplemented: &[],
    },
    // XML Schema date: -?YYYY-MM-DD with an optional time zone, on the calendar.
    TypedValue {
        ty: (XS, "date"),
        kind: "pattern",
        broken: Broken::Always(&[
            "",
            "2024-13-01",
            "2024-00-10",
            "2024-02-30",
            "2023-02-29",
            "2024-04-31",
            "2024-01-32",
            "2024-01-00",
            "24-01-01",
            "2024-1-01",
            "2024-01-1",
            "2024/01/01",
            "20240101",
            "2024-01-01T00:00:00Z",
            "2024-01-01+25:00",
            "2024-01-01+05:60",
            "2024-01-01Z1",
            // XML Schema 1.0 has no year 0000 (xmllint refuses it).
            "0000-01-01",
        ]),
        too_long: &[],
        unimplemented: &[],
    },
    // XML Schema unsignedShort (the period's base): digits only.
    TypedValue {
        ty: (XS, "unsignedShort"),
        kind: "pattern",
        broken: Broken::Always(&["", "x", "1.5", "12a", "1 2", "-", "1e1", "0x1"]),
        too_long: &[],
        unimplemented: &[],
    },
    // XML Schema boolean: true, false, 1, 0.
    TypedValue {
        ty: (XS, "boolean"),
        kind: "syntax",
        broken: Broken::Always(&["maybe", "TRUE", "True", "yes", "2", "01", ""]),
        too_long: &[],
        unimplemented: &[],
    },
];

/// Elements whose repetitions must differ in an attribute: RFC 5733 §2.5
/// allows one internationalized and one localized postal info.
const DISTINCT_BY: &[(&str, &str, &str)] = &[(CONTACT, "postalInfo", "type")];

type QName = (String, String);

#[derive(Debug, Clone)]
struct Particle {
    name: String,
    /// The element's type (`None`: anyType, as for `<logout/>`).
    ty: Option<QName>,
    min: u32,
    /// `maxOccurs` (`None`: unbounded).
    max: Option<u32>,
    /// The choice the particle is an alternative of (numbered within its
    /// type), if it is one.
    choice: Option<usize>,
    /// Document order of the particle in its type.
    position: usize,
}

#[derive(Debug, Clone, Default)]
struct Facets {
    min_len: Option<usize>,
    max_len: Option<usize>,
    length: Option<usize>,
    min_inclusive: Option<u32>,
    max_inclusive: Option<u32>,
    enumeration: Vec<String>,
    pattern: bool,
    /// The type and those it derives from, most derived first.
    chain: Vec<QName>,
}

#[derive(Debug, Clone)]
struct Attribute {
    name: String,
    ty: Option<QName>,
    required: bool,
}

#[derive(Debug, Clone, Default)]
struct ComplexType {
    particles: Vec<Particle>,
    /// A wildcard (`<any>`) is among the particles.
    any: bool,
    /// How many choices the particles are grouped in.
    choices: usize,
    /// `simpleContent`: the base simple type.
    simple_base: Option<QName>,
    attributes: Vec<Attribute>,
}

#[derive(Default)]
struct Schemas {
    elements: HashMap<QName, Option<QName>>,
    complex: HashMap<QName, ComplexType>,
    simple: HashMap<QName, (Option<QName>, Facets)>,
}

fn resolve(node: roxmltree::Node<'_, '_>, qname: &str) -> QName {
    let (prefix, local) = qname
        .split_once(':')
        .map_or((None, qname), |(p, l)| (Some(p), l));
    let ns = node.lookup_namespace_uri(prefix).unwrap_or("").to_string();
    (ns, local.to_string())
}

fn xs<'a, 'i>(n: roxmltree::Node<'a, 'i>, local: &str) -> bool {
    n.is_element() && n.tag_name().namespace() == Some(XS) && n.tag_name().name() == local
}

fn qname(ns: &str, local: &str) -> QName {
    (ns.to_string(), local.to_string())
}

fn load_schemas() -> Schemas {
    let mut s = Schemas::default();
    for name in SCHEMAS {
        let path = common::corpus_dir().join("xsd").join(format!("{name}.xsd"));
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let root = doc.root_element();
        let tns = root.attribute("targetNamespace").unwrap().to_string();
        for top in root.children().filter(|n| n.is_element()) {
            let Some(tname) = top.attribute("name") else {
                continue;
            };
            let key = (tns.clone(), tname.to_string());
            if xs(top, "element") {
                s.elements
                    .insert(key, top.attribute("type").map(|t| resolve(top, t)));
            } else if xs(top, "complexType") {
                s.complex.insert(key, read_complex(top));
            } else if xs(top, "simpleType") {
                let mut facets = Facets::default();
                let mut base = None;
                if let Some(r) = top.children().find(|c| xs(*c, "restriction")) {
                    base = r.attribute("base").map(|b| resolve(r, b));
                    read_facets(r, &mut facets);
                }
                s.simple.insert(key, (base, facets));
            }
        }
    }
    s
}

fn read_facets(restriction: roxmltree::Node<'_, '_>, f: &mut Facets) {
    for facet in restriction.children().filter(|c| c.is_element()) {
        let v = facet.attribute("value").unwrap_or("");
        match facet.tag_name().name() {
            "minLength" => f.min_len = v.parse().ok(),
            "maxLength" => f.max_len = v.parse().ok(),
            "length" => f.length = v.parse().ok(),
            "minInclusive" => f.min_inclusive = v.parse().ok(),
            "maxInclusive" => f.max_inclusive = v.parse().ok(),
            "enumeration" => f.enumeration.push(v.to_string()),
            "pattern" => f.pattern = true,
            _ => {}
        }
    }
}

fn read_complex(ct: roxmltree::Node<'_, '_>) -> ComplexType {
    let mut t = ComplexType::default();
    fn walk(
        n: roxmltree::Node<'_, '_>,
        choice: Option<usize>,
        optional: bool,
        repeated: bool,
        t: &mut ComplexType,
    ) {
        for c in n.children().filter(|c| c.is_element()) {
            let min: u32 = c.attribute("minOccurs").map_or(1, |m| m.parse().unwrap());
            let max: Option<u32> = match c.attribute("maxOccurs") {
                None => Some(1),
                Some("unbounded") => None,
                Some(m) => Some(m.parse().unwrap()),
            };
            if xs(c, "element") {
                t.particles.push(Particle {
                    name: c.attribute("name").unwrap().to_string(),
                    ty: c.attribute("type").map(|ty| resolve(c, ty)),
                    min: if optional { 0 } else { min },
                    max: if repeated { None } else { max },
                    choice,
                    position: t.particles.len(),
                });
            } else if xs(c, "sequence") || xs(c, "choice") {
                let group_repeats = repeated || max != Some(1);
                let choice = if xs(c, "choice") {
                    t.choices += 1;
                    Some(t.choices - 1)
                } else {
                    choice
                };
                walk(c, choice, optional || min == 0, group_repeats, t);
            } else if xs(c, "any") {
                t.any = true;
            }
        }
    }
    for c in ct.children().filter(|c| c.is_element()) {
        if xs(c, "sequence") || xs(c, "choice") {
            walk(ct, None, false, false, &mut t);
            break;
        }
    }
    let mut attrs_of = |holder: roxmltree::Node<'_, '_>| {
        for a in holder.children().filter(|a| xs(*a, "attribute")) {
            t.attributes.push(Attribute {
                name: a.attribute("name").unwrap().to_string(),
                ty: a.attribute("type").map(|ty| resolve(a, ty)),
                required: a.attribute("use") == Some("required"),
            });
        }
    };
    attrs_of(ct);
    if let Some(sc) = ct.children().find(|c| xs(*c, "simpleContent")) {
        if let Some(ext) = sc.children().find(|c| xs(*c, "extension")) {
            t.simple_base = ext.attribute("base").map(|b| resolve(ext, b));
            attrs_of(ext);
        }
    }
    t
}

impl Schemas {
    /// The facets of a simple type, following its restriction chain.
    fn facets(&self, ty: &QName) -> Facets {
        if ty.0 == XS {
            return Facets {
                chain: vec![ty.clone()],
                ..Facets::default()
            };
        }
        let Some((base, own)) = self.simple.get(ty) else {
            return Facets::default();
        };
        let mut f = base.as_ref().map(|b| self.facets(b)).unwrap_or_default();
        f.min_len = own.min_len.or(f.min_len);
        f.max_len = own.max_len.or(f.max_len);
        f.length = own.length.or(f.length);
        f.min_inclusive = own.min_inclusive.or(f.min_inclusive);
        f.max_inclusive = own.max_inclusive.or(f.max_inclusive);
        if !own.enumeration.is_empty() {
            f.enumeration = own.enumeration.clone();
        }
        f.pattern |= own.pattern;
        f.chain.insert(0, ty.clone());
        f
    }

    /// The simple type of an element's text, if its type has simple content.
    fn text_type(&self, ty: &QName) -> Option<QName> {
        match self.complex.get(ty) {
            Some(ct) => ct.simple_base.clone(),
            None => Some(ty.clone()),
        }
    }
}

/// What a mutation must draw besides its kind's result code.
#[derive(Debug, Clone, Copy)]
enum Want {
    /// Exactly this error kind.
    Kind(CommandErrorKind),
    /// `InvalidValue`, whatever type it names.
    InvalidValue,
}

/// A mutation of one message, and what the reader must answer.
struct Mutation {
    kind: &'static str,
    /// The schema fact it exercises (see [`fact`]), for the coverage check.
    fact: String,
    doc: String,
    want: Want,
    /// The element the error must name: (namespace, local name).
    element: QName,
    /// The attribute the error must name, if any.
    attribute: Option<String>,
    /// The byte offset the error must give.
    offset: usize,
    what: String,
}

/// A schema fact's label: `kind ns:element` or `kind ns:element@attribute`
/// with the namespace shortened to `epp`, `domain`, `host` or `contact`.
fn fact(kind: &str, ns: &str, local: &str, attribute: Option<&str>) -> String {
    let short = ns.rsplit(':').next().unwrap_or(ns).trim_end_matches("-1.0");
    match attribute {
        Some(a) => format!("{kind} {short}:{local}@{a}"),
        None => format!("{kind} {short}:{local}"),
    }
}

fn replace(text: &str, range: Range<usize>, with: &str) -> String {
    format!("{}{}{}", &text[..range.start], with, &text[range.end..])
}

fn insert(text: &str, at: usize, with: &str) -> String {
    replace(text, at..at, with)
}

fn name_of(n: roxmltree::Node<'_, '_>) -> QName {
    qname(n.tag_name().namespace().unwrap_or(""), n.tag_name().name())
}

/// Where a start tag ends: just past its `>` (quotes respected).
fn start_tag_end(text: &str, start: usize) -> usize {
    let mut quote = None;
    for (i, b) in text.as_bytes()[start..].iter().enumerate() {
        match (quote, *b) {
            (None, b'"' | b'\'') => quote = Some(*b),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return start + i + 1,
            _ => {}
        }
    }
    text.len()
}

/// Where the element's name ends in its start tag (`<d:name|>`).
fn name_end(text: &str, n: roxmltree::Node<'_, '_>) -> usize {
    let start = n.range().start + 1;
    start
        + text[start..]
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .unwrap()
}

fn is_self_closing(text: &str, n: roxmltree::Node<'_, '_>) -> bool {
    text[n.range()].ends_with("/>")
}

/// Range of the content of an element with an end tag (between its tags).
fn content_range(text: &str, n: roxmltree::Node<'_, '_>) -> Option<Range<usize>> {
    if is_self_closing(text, n) {
        return None;
    }
    let r = n.range();
    let open_end = start_tag_end(text, r.start);
    let close_start = r.start + text[r].rfind("</")?;
    Some(open_end..close_start)
}

/// Where a value goes: an element's text or one of its attributes.
enum Slot {
    /// Replace this range of the text.
    Range(Range<usize>),
    /// Insert `name="…"` at this offset (just after the element's name).
    NewAttribute { at: usize, name: String },
    /// A self-closing element whose `/>` (at `slash`) becomes `>…</qname>`.
    EmptyElement { slash: usize, qname: String },
}

/// The message with `value` in `slot`, and the offset of the value.
fn put(text: &str, slot: &Slot, value: &str) -> (String, usize) {
    match slot {
        Slot::Range(r) => (replace(text, r.clone(), value), r.start),
        Slot::NewAttribute { at, name } => {
            let with = format!(" {name}=\"{value}\"");
            (insert(text, *at, &with), at + name.len() + 3)
        }
        Slot::EmptyElement { slash, qname } => {
            let end = text[*slash..].find('>').unwrap() + slash + 1;
            (
                replace(text, *slash..end, &format!(">{value}</{qname}>")),
                slash + 1,
            )
        }
    }
}

/// The message with a foreign element as the first child of `n`, and its offset.
fn foreign_first(text: &str, n: roxmltree::Node<'_, '_>) -> (String, usize) {
    let slot = if is_self_closing(text, n) {
        let r = n.range();
        let slash = r.end - 2;
        let qname = text[r.start + 1..name_end(text, n)].to_string();
        Slot::EmptyElement { slash, qname }
    } else {
        let at = start_tag_end(text, n.range().start);
        Slot::Range(at..at)
    };
    put(text, &slot, FOREIGN)
}

/// Whether a type is text the schema constrains by its facets alone (a
/// built-in string type), rather than a built-in with a grammar of its own
/// (`date`, `boolean`, numbers, ...) that [`TYPED_VALUES`] must break.
fn free_text(f: &Facets) -> bool {
    f.chain.last().is_none_or(|b| {
        b.0 != XS
            || matches!(
                b.1.as_str(),
                "string" | "normalizedString" | "token" | "anyURI"
            )
    })
}

/// A run of generated mutations over one message.
struct Gen<'s, 't> {
    s: &'s Schemas,
    text: &'t str,
    out: Vec<Mutation>,
    /// Pattern-faceted or grammar-typed types met that [`TYPED_VALUES`] lacks.
    untabled: BTreeSet<String>,
}

/// A value under mutation: where it is and whose it is.
struct Site {
    element: QName,
    attribute: Option<String>,
    slot: Slot,
    /// For an IP address: whether its `ip` attribute says `v6`.
    ipv6: bool,
}

impl Gen<'_, '_> {
    fn push(
        &mut self,
        kind: &'static str,
        site: &Site,
        value: &str,
        want: Want,
        what: impl Into<String>,
    ) {
        let (doc, offset) = put(self.text, &site.slot, value);
        self.out.push(Mutation {
            kind,
            fact: fact(
                kind,
                &site.element.0,
                &site.element.1,
                site.attribute.as_deref(),
            ),
            doc,
            want,
            element: site.element.clone(),
            attribute: site.attribute.clone(),
            offset,
            what: what.into(),
        });
    }

    /// Every way the schemas forbid to break the value at `site`, of type `ty`.
    fn values(&mut self, ty: &QName, site: &Site, current: &str) {
        let f = self.s.facets(ty);
        let at = match &site.attribute {
            Some(a) => format!("<{} {a}=…>", site.element.1),
            None => format!("<{}>", site.element.1),
        };
        let length_error = CommandErrorKind::LengthOutOfRange {
            min: f.length.or(f.min_len).unwrap_or(0) as u32,
            max: f.length.or(f.max_len).map_or(u32::MAX, |m| m as u32),
        };
        let typed = TYPED_VALUES
            .iter()
            .find(|t| f.chain.contains(&qname(t.ty.0, t.ty.1)));
        if let Some(t) = typed {
            let broken = match t.broken {
                Broken::Always(values) => values,
                Broken::ByIpVersion { v6, .. } if site.ipv6 => v6,
                Broken::ByIpVersion { v4, .. } => v4,
            };
            for bad in broken {
                self.push(
                    t.kind,
                    site,
                    bad,
                    Want::InvalidValue,
                    format!("{at} = {bad:?}"),
                );
            }
            for long in t.too_long {
                let what = format!("{at} = {long:?} ({} characters)", long.len());
                self.push("length", site, long, Want::Kind(length_error), what);
            }
            for (value, kind) in t.unimplemented {
                self.push(
                    "unimplemented",
                    site,
                    value,
                    Want::Kind(*kind),
                    format!("{at} = {value}"),
                );
            }
        } else if f.pattern || !free_text(&f) && f.enumeration.is_empty() {
            self.untabled.insert(f.chain[0].1.clone());
        } else if !f.enumeration.is_empty() {
            let capitals = current.to_uppercase();
            let mut bad = vec!["bogusValue", ""];
            if !capitals.is_empty() && !f.enumeration.contains(&capitals) {
                bad.push(&capitals);
            }
            for bad in bad {
                self.push(
                    "syntax",
                    site,
                    bad,
                    Want::InvalidValue,
                    format!("{at} = {bad:?}"),
                );
            }
        }
        if let (Some(min), Some(max)) = (f.min_inclusive, f.max_inclusive) {
            let range_error = CommandErrorKind::ValueOutOfRange { min, max };
            let mut past = vec![max + 1];
            if min > 0 {
                past.push(min - 1);
            }
            for n in past {
                self.push(
                    "range",
                    site,
                    &n.to_string(),
                    Want::Kind(range_error),
                    format!("{at} = {n}"),
                );
            }
        }
        if f.enumeration.is_empty() && !f.pattern {
            if let Some(max) = f.length.or(f.max_len) {
                let what = format!("{at} of {} characters", max + 1);
                self.push(
                    "length",
                    site,
                    &"a".repeat(max + 1),
                    Want::Kind(length_error),
                    what,
                );
            }
            if let Some(min) = f.length.or(f.min_len).filter(|m| *m > 0) {
                let what = format!("{at} of {} characters", min - 1);
                self.push(
                    "length",
                    site,
                    &"a".repeat(min - 1),
                    Want::Kind(length_error),
                    what,
                );
            }
        }
    }
}

fn mutations(s: &Schemas, text: &str) -> (Vec<Mutation>, BTreeSet<String>) {
    let doc = roxmltree::Document::parse(text).unwrap();
    let mut g = Gen {
        s,
        text,
        out: Vec::new(),
        untabled: BTreeSet::new(),
    };
    let root_ty = s.elements.get(&qname(EPP, "epp")).cloned().flatten();
    visit(&mut g, doc.root_element(), root_ty);
    (g.out, g.untabled)
}

/// The particle of a child element in its parent's type.
fn particle_of<'c>(ct: &'c ComplexType, child: roxmltree::Node<'_, '_>) -> Option<&'c Particle> {
    ct.particles
        .iter()
        .find(|p| p.name == child.tag_name().name())
}

/// Every mutation of `node` (of type `ty`) and of its descendants.
fn visit(g: &mut Gen<'_, '_>, node: roxmltree::Node<'_, '_>, ty: Option<QName>) {
    let Some(ty) = ty else { return };
    let name = name_of(node);
    if let Some(text_ty) = g.s.text_type(&ty) {
        text_mutations(g, node, &name, &text_ty);
    }
    let ct = g.s.complex.get(&ty).cloned();
    let attributes = ct.as_ref().map_or(&[][..], |c| &c.attributes[..]);
    attribute_mutations(g, node, &name, attributes);
    let Some(ct) = ct else {
        // A simple type: a child element in its text is out of place.
        let (doc, offset) = foreign_first(g.text, node);
        let m = foreign(&name, doc, offset, qname(FOREIGN_NS, "foo"));
        g.out.push(m);
        return;
    };
    child_mutations(g, node, &name, &ct);

    // Recurse: declared children by their particle, wildcard children by
    // their global declaration (only in the schemas under test).
    if name.1 == "extension" || name.1 == "ext" {
        return;
    }
    for c in node.children().filter(|c| c.is_element()) {
        let child_ty = match particle_of(&ct, c) {
            Some(p) => p.ty.clone(),
            None if ct.any => g.s.elements.get(&name_of(c)).cloned().flatten(),
            None => None,
        };
        visit(g, c, child_ty);
    }
}

/// The element's text (of simple type `text_ty`): every value its type forbids.
fn text_mutations(
    g: &mut Gen<'_, '_>,
    node: roxmltree::Node<'_, '_>,
    name: &QName,
    text_ty: &QName,
) {
    let text = g.text;
    let local = &name.1;
    let ipv6 = node.attribute("ip") == Some("v6");
    // The contact tests cover the `cc` value.
    if !(name.0 == CONTACT && local == "cc") {
        let slot = match content_range(text, node) {
            Some(r) => Slot::Range(r),
            None => Slot::EmptyElement {
                slash: node.range().end - 2,
                qname: text[node.range().start + 1..name_end(text, node)].to_string(),
            },
        };
        let current = node.text().unwrap_or("").trim().to_string();
        let site = Site {
            element: name.clone(),
            attribute: None,
            slot,
            ipv6,
        };
        g.values(text_ty, &site, &current);
    }
    // An IP address of the other version than its `ip` attribute says.
    let is_address =
        g.s.facets(text_ty)
            .chain
            .contains(&qname(HOST, "addrStringType"));
    if let (true, Some(content)) = (is_address, content_range(text, node)) {
        let (slot, flipped) = match node.attributes().find(|a| a.name() == "ip") {
            Some(a) => (Slot::Range(a.range_value()), if ipv6 { "v4" } else { "v6" }),
            None => (
                Slot::NewAttribute {
                    at: name_end(text, node),
                    name: "ip".into(),
                },
                "v6",
            ),
        };
        let (doc, _) = put(text, &slot, flipped);
        let shift = doc.len() - text.len();
        let value = &text[content.clone()];
        let lead = value.len() - value.trim_start().len();
        g.out.push(Mutation {
            kind: "pattern",
            fact: fact("pattern", &name.0, local, Some("ip")),
            doc,
            want: Want::InvalidValue,
            element: name.clone(),
            attribute: None,
            offset: content.start + lead + shift,
            what: format!("<{local} ip={flipped}>{}", value.trim()),
        });
    }
}

/// Attributes: every value the type forbids (absent optional ones are
/// added), each required one dropped, and one the schema does not know.
fn attribute_mutations(
    g: &mut Gen<'_, '_>,
    node: roxmltree::Node<'_, '_>,
    name: &QName,
    attributes: &[Attribute],
) {
    let text = g.text;
    let local = &name.1;
    let ipv6 = node.attribute("ip") == Some("v6");
    for a in attributes {
        let present = node
            .attributes()
            .find(|x| x.name() == a.name && x.namespace().is_none());
        if let Some(aty) = &a.ty {
            let (slot, current) = match present {
                Some(x) => (Slot::Range(x.range_value()), x.value().to_string()),
                None => (
                    Slot::NewAttribute {
                        at: name_end(text, node),
                        name: a.name.clone(),
                    },
                    String::new(),
                ),
            };
            let site = Site {
                element: name.clone(),
                attribute: Some(a.name.clone()),
                slot,
                ipv6,
            };
            g.values(aty, &site, &current);
        }
        if let (true, Some(x)) = (a.required, present) {
            let r = x.range();
            let start = text[..r.start].trim_end().len();
            g.out.push(Mutation {
                kind: "drop-attr",
                fact: fact("drop-attr", &name.0, local, Some(&a.name)),
                doc: replace(text, start..r.end, ""),
                want: Want::Kind(CommandErrorKind::MissingAttribute),
                element: name.clone(),
                attribute: Some(a.name.clone()),
                offset: node.range().start,
                what: format!("<{local}> without {}", a.name),
            });
        }
    }
    let at = name_end(text, node);
    g.out.push(Mutation {
        kind: "foreign-attr",
        fact: fact("foreign-attr", &name.0, local, None),
        doc: insert(text, at, " bogus=\"1\""),
        want: Want::Kind(CommandErrorKind::UnexpectedAttribute),
        element: name.clone(),
        attribute: Some("bogus".into()),
        offset: at + 1,
        what: format!("<{local} bogus=\"1\">"),
    });
}

/// The children of an element of complex type `ct`: foreign ones added,
/// required ones dropped, repeated past their bound, swapped.
fn child_mutations(
    g: &mut Gen<'_, '_>,
    node: roxmltree::Node<'_, '_>,
    name: &QName,
    ct: &ComplexType,
) {
    let text = g.text;
    let local = &name.1;
    let children: Vec<_> = node.children().filter(|c| c.is_element()).collect();
    let particle_of = |c: &roxmltree::Node<'_, '_>| particle_of(ct, *c);
    let content = local == "extension" || local == "ext";

    // Foreign elements. A wildcard (`##other`) admits one: under
    // `<extension>` any number is valid; where exactly one is allowed (the
    // object of a verb) the element after it is out of place.
    if ct.any && !content {
        if let Some(object) = children.first() {
            let (doc, _) = foreign_first(text, node);
            let offset = object.range().start + FOREIGN.len();
            g.out.push(foreign(name, doc, offset, name_of(*object)));
        }
    } else if !ct.any {
        let (doc, offset) = foreign_first(text, node);
        let mut m = foreign(name, doc, offset, qname(FOREIGN_NS, "foo"));
        if node.parent_element().is_none() {
            // `<epp>` holding neither `<hello>` nor `<command>` first.
            m.want = Want::Kind(CommandErrorKind::NotACommand);
        }
        g.out.push(m);
        if let Some(last) = children.last() {
            let at = last.range().end;
            g.out.push(foreign(
                name,
                insert(text, at, FOREIGN),
                at,
                qname(FOREIGN_NS, "foo"),
            ));
        }
    }

    // Runs of siblings of one name.
    let mut runs: Vec<(QName, Vec<roxmltree::Node<'_, '_>>)> = Vec::new();
    for c in &children {
        match runs.last_mut() {
            Some((n, run)) if *n == name_of(*c) => run.push(*c),
            _ => runs.push((name_of(*c), vec![*c])),
        }
    }

    // Drop each required element (all of a run): it is missing where the
    // next sibling (or the parent's end tag) now stands. A required choice
    // left empty misses its first alternative; the envelope's choices
    // (what the message is, which command) are the table test's business.
    for (i, (cname, run)) in runs.iter().enumerate() {
        let Some(p) = particle_of(&run[0]) else {
            continue;
        };
        if p.min == 0 {
            continue;
        }
        let missing = match p.choice {
            None => cname.clone(),
            Some(_) if name.0 == EPP => continue,
            Some(choice) => qname(&cname.0, &first_alternative(ct, choice).name),
        };
        let r = run[0].range().start..run.last().unwrap().range().end;
        let next = runs.get(i + 1).map_or_else(
            || content_range(text, node).unwrap().end,
            |(_, n)| n[0].range().start,
        );
        g.out.push(Mutation {
            kind: "drop",
            fact: fact("drop", &missing.0, &missing.1, None),
            doc: replace(text, r.clone(), ""),
            want: Want::Kind(CommandErrorKind::MissingElement),
            element: missing,
            attribute: None,
            offset: next - r.len(),
            what: format!("drop {} <{}> from <{local}>", run.len(), cname.1),
        });
    }

    // Repetitions: one more than `maxOccurs` allows (2004 where the bound
    // is above 1, 2001 for an element allowed once).
    for (cname, run) in &runs {
        let last = *run.last().unwrap();
        let max = match particle_of(&last) {
            Some(p) => p.max,
            None if ct.any && !content => Some(1),
            None => continue,
        };
        let Some(max) = max else { continue };
        let copy = &text[last.range()];
        let at = last.range().end;
        if max == 1 {
            g.out.push(Mutation {
                kind: "duplicate",
                fact: fact("duplicate", &cname.0, &cname.1, None),
                doc: insert(text, at, copy),
                want: Want::Kind(CommandErrorKind::UnexpectedElement),
                element: cname.clone(),
                attribute: None,
                offset: at,
                what: format!("<{}> twice in <{local}>", cname.1),
            });
            continue;
        }
        let have = run.len() as u32;
        if have > max {
            continue;
        }
        // Copies up to the bound take the distinct values still free.
        let distinct = DISTINCT_BY
            .iter()
            .find(|(ns, l, _)| cname.0 == *ns && cname.1 == *l)
            .map(|(_, _, attr)| *attr);
        let mut free: Vec<String> = Vec::new();
        let mut attr_range = None;
        if let Some(attr) = distinct {
            let a = last.attributes().find(|a| a.name() == attr).unwrap();
            let r = a.range_value();
            attr_range = Some(r.start - last.range().start..r.end - last.range().start);
            let aty = ct_attribute_type(g.s, particle_of(&last).unwrap(), attr);
            let used: Vec<&str> = run.iter().filter_map(|n| n.attribute(attr)).collect();
            free =
                g.s.facets(&aty)
                    .enumeration
                    .into_iter()
                    .filter(|v| !used.contains(&v.as_str()))
                    .collect();
        }
        let mut copies = String::new();
        let mut offset = at;
        for i in 0..=(max - have) {
            offset = at + copies.len();
            let mut c = copy.to_string();
            if let (Some(r), Some(value)) = (&attr_range, free.get(i as usize)) {
                c = replace(&c, r.clone(), value);
            }
            copies.push_str(&c);
        }
        g.out.push(Mutation {
            kind: "repeat",
            fact: fact("repeat", &cname.0, &cname.1, None),
            doc: insert(text, at, &copies),
            want: Want::Kind(CommandErrorKind::TooMany { max }),
            element: cname.clone(),
            attribute: None,
            offset,
            what: format!("{} <{}> in <{local}>", max + 1, cname.1),
        });
    }

    // Swap adjacent siblings whose order the sequence fixes. The reader
    // names the element out of place: the one that moved forward when the
    // other was still required, otherwise the one that moved back.
    for (i, pair) in children.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let (Some(pa), Some(pb)) = (particle_of(&a), particle_of(&b)) else {
            continue;
        };
        if pa.choice.is_some() || pb.choice.is_some() || pa.position == pb.position {
            continue;
        }
        let (ra, rb) = (a.range(), b.range());
        let swapped = format!(
            "{}{}{}{}{}",
            &text[..ra.start],
            &text[rb.clone()],
            &text[ra.end..rb.start],
            &text[ra.clone()],
            &text[rb.end..]
        );
        let before = children[..i]
            .iter()
            .filter(|o| o.tag_name().name() == a.tag_name().name())
            .count();
        let (element, offset) = if pa.min as usize > before {
            (name_of(b), ra.start)
        } else {
            (name_of(a), ra.start + rb.len() + (rb.start - ra.end))
        };
        g.out.push(Mutation {
            kind: "swap",
            fact: fact("swap", &name.0, local, None),
            doc: swapped,
            want: Want::Kind(CommandErrorKind::UnexpectedElement),
            element,
            attribute: None,
            offset,
            what: format!(
                "swap <{}> and <{}> in <{local}>",
                a.tag_name().name(),
                b.tag_name().name()
            ),
        });
    }
}

/// A foreign-element mutation of `parent`, the error naming `element`.
fn foreign(parent: &QName, doc: String, offset: usize, element: QName) -> Mutation {
    Mutation {
        kind: "foreign",
        fact: fact("foreign", &parent.0, &parent.1, None),
        doc,
        want: Want::Kind(CommandErrorKind::UnexpectedElement),
        element,
        attribute: None,
        offset,
        what: format!("foreign element in <{}>", parent.1),
    }
}

/// The first alternative of choice number `choice` of a type.
fn first_alternative(ct: &ComplexType, choice: usize) -> &Particle {
    ct.particles
        .iter()
        .find(|p| p.choice == Some(choice))
        .unwrap()
}

/// The type of attribute `attr` of the elements of particle `p`.
fn ct_attribute_type(s: &Schemas, p: &Particle, attr: &str) -> QName {
    let ty = p.ty.as_ref().unwrap();
    s.complex[ty]
        .attributes
        .iter()
        .find(|a| a.name == attr)
        .and_then(|a| a.ty.clone())
        .unwrap()
}

/// The schema facts of the command side, as [`fact`] labels: every
/// bounded repetition, numeric bound, typed value or attribute, required
/// element and attribute reachable from `<epp>` through `<hello>` and
/// `<command>` (object elements of the namespaces under test included).
fn command_facts(s: &Schemas) -> BTreeSet<String> {
    fn walk(s: &Schemas, ty: &QName, seen: &mut BTreeSet<QName>, facts: &mut BTreeSet<String>) {
        if !seen.insert(ty.clone()) {
            return;
        }
        let Some(ct) = s.complex.get(ty) else { return };
        if ct.any && ty != &qname(EPP, "extAnyType") && ty != &qname(EPPCOM, "extAuthInfoType") {
            for ns in [DOMAIN, HOST, CONTACT] {
                for verb in VERBS {
                    if let Some(Some(t)) = s.elements.get(&qname(ns, verb)) {
                        walk(s, t, seen, facts);
                    }
                }
            }
        }
        for p in &ct.particles {
            if ty == &qname(EPP, "eppType") && matches!(p.name.as_str(), "greeting" | "response") {
                continue;
            }
            let ns = &ty.0;
            match p.choice {
                _ if p.min == 0 => {}
                None => {
                    facts.insert(fact("drop", ns, &p.name, None));
                }
                Some(_) if ns == EPP => {}
                Some(choice) => {
                    let first = &first_alternative(ct, choice).name;
                    facts.insert(fact("drop", ns, first, None));
                }
            }
            if p.max.is_some_and(|m| m > 1) {
                facts.insert(fact("repeat", ns, &p.name, None));
            }
            let Some(pty) = &p.ty else { continue };
            if let Some(text_ty) = s.text_type(pty) {
                if !(ns == CONTACT && p.name == "cc") {
                    value_facts(s, &text_ty, ns, &p.name, None, facts);
                }
            }
            if let Some(pct) = s.complex.get(pty) {
                for a in &pct.attributes {
                    if a.required {
                        facts.insert(fact("drop-attr", ns, &p.name, Some(&a.name)));
                    }
                    if let Some(aty) = &a.ty {
                        value_facts(s, aty, ns, &p.name, Some(&a.name), facts);
                    }
                }
            }
            walk(s, pty, seen, facts);
        }
    }
    fn value_facts(
        s: &Schemas,
        ty: &QName,
        ns: &str,
        local: &str,
        attribute: Option<&str>,
        facts: &mut BTreeSet<String>,
    ) {
        let f = s.facets(ty);
        let typed = TYPED_VALUES
            .iter()
            .find(|t| f.chain.contains(&qname(t.ty.0, t.ty.1)));
        if let Some(t) = typed {
            facts.insert(fact(t.kind, ns, local, attribute));
        } else if !f.enumeration.is_empty() {
            facts.insert(fact("syntax", ns, local, attribute));
        }
        if f.min_inclusive.is_some() {
            facts.insert(fact("range", ns, local, attribute));
        }
        let lengths = f.length.or(f.max_len).is_some() || f.length.or(f.min_len).unwrap_or(0) > 0;
        if typed.is_some_and(|t| !t.too_long.is_empty())
            || (lengths && f.enumeration.is_empty() && !f.pattern)
        {
            facts.insert(fact("length", ns, local, attribute));
        }
    }
    let mut facts = BTreeSet::new();
    let epp = s.elements[&qname(EPP, "epp")].clone().unwrap();
    walk(s, &epp, &mut BTreeSet::new(), &mut facts);
    facts
}

fn valid_commands() -> Vec<(String, String)> {
    let dir = common::corpus_dir();
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let (path, kind, obj, valid) = (col("path"), col("kind"), col("obj_ns"), col("valid"));
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| {
            f[kind] == "command"
                && f[valid] == "True"
                && OBJECT_NAMESPACES.contains(&f[obj])
                && !common::is_elided_mark_command(f[path])
        })
        .map(|f| {
            let p = f[path].to_string();
            let text = std::fs::read_to_string(dir.join(&p)).unwrap();
            (p, text)
        })
        .collect()
}

/// Valid commands holding what no corpus command holds, mutated like the
/// corpus ones: the `<disclose>` children that carry a `type` (RFC 5733
/// §2.9, `intLocType`), once and twice. Schema-valid (xmllint, `all.xsd`).
const SEEDS: &[(&str, &str)] = &[(
    "seed: contact update disclosing name, org and both addr forms",
    r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0">
  <command>
    <update>
      <contact:update xmlns:contact="urn:ietf:params:xml:ns:contact-1.0">
        <contact:id>sh8013</contact:id>
        <contact:chg>
          <contact:disclose flag="0">
            <contact:name type="int"/>
            <contact:org type="loc"/>
            <contact:addr type="int"/>
            <contact:addr type="loc"/>
            <contact:voice/>
          </contact:disclose>
        </contact:chg>
      </contact:update>
    </update>
    <clTRID>ABC-12345</clTRID>
  </command>
</epp>
"#,
)];

/// Why the reader's answer to `m` is wrong, if it is.
fn judge(m: &Mutation, code: ResultCode, e: &CommandError<'_>) -> Option<String> {
    let kind_ok = match m.want {
        Want::Kind(k) => e.kind() == k,
        Want::InvalidValue => matches!(e.kind(), CommandErrorKind::InvalidValue { .. }),
    };
    let element_ok = e
        .element()
        .is_some_and(|n| n.local == m.element.1 && n.namespace.eq_uri(&m.element.0));
    let attribute_ok = e.attribute() == m.attribute.as_deref();
    if e.result_code() == code && kind_ok && element_ok && attribute_ok && e.offset() == m.offset {
        return None;
    }
    let attribute = m
        .attribute
        .as_ref()
        .map_or(String::new(), |a| format!(" attribute {a:?}"));
    Some(format!(
        "expected {} {:?} {{{}}}{}{attribute} at byte {}, got {e} ({:?}) near {:?}",
        code.as_u16(),
        m.want,
        m.element.0,
        m.element.1,
        m.offset,
        e.kind(),
        m.doc
            .get(e.offset()..(e.offset() + 30).min(m.doc.len()))
            .unwrap_or("")
    ))
}

#[test]
fn schema_driven_mutations_of_every_valid_corpus_command() {
    let schemas = load_schemas();
    let commands = valid_commands();
    assert!(commands.len() >= 110, "{} valid commands", commands.len());
    let codes: HashMap<&str, ResultCode> = KINDS.iter().map(|(k, c, _)| (*k, *c)).collect();
    let mut ran: BTreeMap<&str, usize> = BTreeMap::new();
    let mut exercised: BTreeSet<String> = BTreeSet::new();
    let mut untabled = BTreeSet::new();
    let mut failures = Vec::new();
    let seeds = SEEDS
        .iter()
        .map(|(what, doc)| (what.to_string(), doc.to_string()));
    for (path, text) in commands.iter().cloned().chain(seeds) {
        assert!(
            read_command(text.as_bytes()).is_ok(),
            "{path} must read unmutated"
        );
        let (mutations, missing) = mutations(&schemas, &text);
        untabled.extend(missing);
        for m in mutations {
            *ran.entry(m.kind).or_default() += 1;
            exercised.insert(m.fact.clone());
            let code = codes[m.kind];
            match read_command(m.doc.as_bytes()) {
                Ok(_) => failures.push(format!(
                    "{path}: {} {}: read, expected {}",
                    m.kind,
                    m.what,
                    code.as_u16()
                )),
                Err(e) => {
                    if let Some(why) = judge(&m, code, &e) {
                        failures.push(format!("{path}: {} {}: {why}", m.kind, m.what));
                    }
                }
            }
        }
    }
    eprintln!(
        "mutations run, by kind: {ran:?} ({} in all)",
        ran.values().sum::<usize>()
    );
    let mut by_kind: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in &exercised {
        let (kind, target) = f.split_once(' ').unwrap();
        by_kind.entry(kind).or_default().push(target);
    }
    for (kind, targets) in &by_kind {
        eprintln!("  {kind}: {}", targets.join(" "));
    }
    assert!(
        untabled.is_empty(),
        "typed values without broken values in TYPED_VALUES: {untabled:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of the mutations failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for (kind, _, min) in KINDS {
        let n = ran.get(kind).copied().unwrap_or(0);
        assert!(
            n >= *min && n > 0,
            "only {n} {kind} mutations (at least {min} expected)"
        );
    }
    let unexercised: Vec<_> = command_facts(&schemas)
        .into_iter()
        .filter(|f| !exercised.contains(f))
        .collect();
    assert!(
        unexercised.is_empty(),
        "schema facts no corpus command exercised: {unexercised:?}"
    );
}
