//! Mutation tests generated from the schemas: every schema-valid corpus
//! command is broken in every way the schemas forbid, one way at a time,
//! and the strict reader must answer with the right result code and name
//! the right element.
//!
//! The rules come from `../shared/corpus/xsd/{epp,eppcom,domain,host,contact}-1.0.xsd`,
//! read with roxmltree: for every element of a command, its declaration
//! (sequence or choice, `minOccurs`), its simple type's facets
//! (`minLength`, `maxLength`, `length`, enumerations, patterns) and its
//! attributes. The mutations:
//!
//! - **drop** a required element (in a sequence, `minOccurs` ≥ 1, not inside
//!   a choice, present once) → 2003 naming it;
//! - **length**: a value one character past `maxLength` (or `length`), or one
//!   short of `minLength` → 2004 naming the element (types with a pattern or
//!   an enumeration are left to the next rule, whose error comes first);
//! - **syntax**: an enumerated value or attribute set to a value not in the
//!   list, a boolean set to `maybe`, a date to `2024-13-01`, an IP address
//!   to `192.0.2.256` → 2005 naming the element;
//! - **swap** two adjacent siblings whose order a sequence fixes → 2001;
//! - **foreign**: `<x:foo xmlns:x="urn:example:foreign"/>` as the first child
//!   of each element with element content → 2001 naming `foo`.
//!
//! Every command object namespace with a reader is under test
//! ([`OBJECT_NAMESPACES`]); the content of `<extension>` and of `##other`
//! wildcards (e.g. `<authInfo><ext>`) is not the core schemas' business and
//! is left alone.

mod common;

use std::collections::HashMap;

use epp_codec::view::{ResultCode, read_command};

const XS: &str = "http://www.w3.org/2001/XMLSchema";
const EPP: &str = "urn:ietf:params:xml:ns:epp-1.0";

/// The object namespaces of the commands under test ("" for login, logout,
/// poll and hello, which have none). Every object with a command reader.
const OBJECT_NAMESPACES: &[&str] = &[
    "",
    "urn:ietf:params:xml:ns:domain-1.0",
    "urn:ietf:params:xml:ns:host-1.0",
    "urn:ietf:params:xml:ns:contact-1.0",
];

const SCHEMAS: &[&str] = &[
    "epp-1.0",
    "eppcom-1.0",
    "domain-1.0",
    "host-1.0",
    "contact-1.0",
];

type QName = (String, String);

#[derive(Debug, Clone)]
struct Particle {
    name: String,
    /// The element's type (`None`: anyType, as for `<logout/>`).
    ty: Option<QName>,
    min: u32,
    in_choice: bool,
    /// Document order of the particle in its type.
    position: usize,
}

#[derive(Debug, Clone, Default)]
struct Facets {
    min_len: Option<usize>,
    max_len: Option<usize>,
    length: Option<usize>,
    enumeration: Vec<String>,
    pattern: bool,
    /// The XML Schema built-in the chain ends at (`token`, `date`, ...).
    builtin: String,
}

#[derive(Debug, Clone, Default)]
struct ComplexType {
    particles: Vec<Particle>,
    /// A wildcard (`<any>`) is among the particles.
    any: bool,
    /// `simpleContent`: the base simple type.
    simple_base: Option<QName>,
    /// (name, type, required)
    attributes: Vec<(String, Option<QName>, bool)>,
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
            "enumeration" => f.enumeration.push(v.to_string()),
            "pattern" => f.pattern = true,
            _ => {}
        }
    }
}

fn read_complex(ct: roxmltree::Node<'_, '_>) -> ComplexType {
    let mut t = ComplexType::default();
    fn walk(n: roxmltree::Node<'_, '_>, in_choice: bool, optional: bool, t: &mut ComplexType) {
        for c in n.children().filter(|c| c.is_element()) {
            let min: u32 = c.attribute("minOccurs").map_or(1, |m| m.parse().unwrap());
            if xs(c, "element") {
                t.particles.push(Particle {
                    name: c.attribute("name").unwrap().to_string(),
                    ty: c.attribute("type").map(|ty| resolve(c, ty)),
                    min: if optional { 0 } else { min },
                    in_choice,
                    position: t.particles.len(),
                });
            } else if xs(c, "sequence") {
                walk(c, in_choice, optional || min == 0, t);
            } else if xs(c, "choice") {
                walk(c, true, optional || min == 0, t);
            } else if xs(c, "any") {
                t.any = true;
            }
        }
    }
    for c in ct.children().filter(|c| c.is_element()) {
        if xs(c, "sequence") || xs(c, "choice") {
            walk(ct, false, false, &mut t);
            break;
        }
    }
    let mut attrs_of = |holder: roxmltree::Node<'_, '_>| {
        for a in holder.children().filter(|a| xs(*a, "attribute")) {
            t.attributes.push((
                a.attribute("name").unwrap().to_string(),
                a.attribute("type").map(|ty| resolve(a, ty)),
                a.attribute("use") == Some("required"),
            ));
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
                builtin: ty.1.clone(),
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
        if !own.enumeration.is_empty() {
            f.enumeration = own.enumeration.clone();
        }
        f.pattern |= own.pattern;
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

/// A mutation of one message, and what the reader must answer.
struct Mutation {
    kind: &'static str,
    doc: String,
    code: ResultCode,
    /// The local name the error must name (`None`: not checked).
    element: Option<String>,
    what: String,
}

fn replace(text: &str, range: std::ops::Range<usize>, with: &str) -> String {
    format!("{}{}{}", &text[..range.start], with, &text[range.end..])
}

/// Range of the text content of a leaf element (between its tags).
fn content_range(text: &str, n: roxmltree::Node<'_, '_>) -> Option<std::ops::Range<usize>> {
    let r = n.range();
    let element = &text[r.clone()];
    if element.ends_with("/>") && !element.contains("</") {
        return None;
    }
    let open_end = r.start + element.find('>')? + 1;
    let close_start = r.start + element.rfind("</")?;
    Some(open_end..close_start)
}

fn attribute_value_range(
    text: &str,
    n: roxmltree::Node<'_, '_>,
    attr: &str,
) -> Option<std::ops::Range<usize>> {
    let a = n
        .attributes()
        .find(|a| a.name() == attr && a.namespace().is_none())?;
    let r = a.range_value();
    let _ = text;
    Some(r)
}

fn mutations(s: &Schemas, text: &str) -> Vec<Mutation> {
    let doc = roxmltree::Document::parse(text).unwrap();
    let mut out = Vec::new();
    let root = doc.root_element();
    let root_ty = s
        .elements
        .get(&(EPP.to_string(), "epp".to_string()))
        .cloned()
        .flatten();
    visit(s, text, root, root_ty, &mut out);
    out
}

fn visit(
    s: &Schemas,
    text: &str,
    node: roxmltree::Node<'_, '_>,
    ty: Option<QName>,
    out: &mut Vec<Mutation>,
) {
    let Some(ty) = ty else { return };
    let local = node.tag_name().name().to_string();

    // Simple content: length and syntax.
    if let Some(text_ty) = s.text_type(&ty) {
        let f = s.facets(&text_ty);
        if let Some(range) = content_range(text, node) {
            let enumerated = !f.enumeration.is_empty();
            if !enumerated && !f.pattern {
                let max = f.length.or(f.max_len);
                if let Some(max) = max {
                    out.push(Mutation {
                        kind: "length",
                        doc: replace(text, range.clone(), &"a".repeat(max + 1)),
                        code: ResultCode::ParameterValueRangeError,
                        element: Some(local.clone()),
                        what: format!("<{local}> of {} characters", max + 1),
                    });
                }
                let min = f.length.or(f.min_len).filter(|m| *m > 0);
                if let Some(min) = min {
                    out.push(Mutation {
                        kind: "length",
                        doc: replace(text, range.clone(), &"a".repeat(min - 1)),
                        code: ResultCode::ParameterValueRangeError,
                        element: Some(local.clone()),
                        what: format!("<{local}> of {} characters", min - 1),
                    });
                }
            }
            let bad = if enumerated {
                Some("bogusValue")
            } else if f.builtin == "date" {
                Some("2024-13-01")
            } else if f.builtin == "boolean" {
                Some("maybe")
            } else if matches!(local.as_str(), "addr" | "hostAddr") && !f.pattern {
                Some("192.0.2.256")
            } else {
                None
            };
            if let Some(bad) = bad {
                out.push(Mutation {
                    kind: "syntax",
                    doc: replace(text, range, bad),
                    code: ResultCode::ParameterValueSyntaxError,
                    element: Some(local.clone()),
                    what: format!("<{local}> = {bad}"),
                });
            }
        }
    }

    let Some(ct) = s.complex.get(&ty).cloned() else {
        return;
    };

    // Attributes with an enumeration or a boolean type.
    for (name, aty, _) in &ct.attributes {
        let Some(aty) = aty else { continue };
        let f = s.facets(aty);
        let bad = if !f.enumeration.is_empty() {
            "bogusValue"
        } else if f.builtin == "boolean" {
            "maybe"
        } else {
            continue;
        };
        if let Some(range) = attribute_value_range(text, node, name) {
            out.push(Mutation {
                kind: "syntax",
                doc: replace(text, range, bad),
                code: ResultCode::ParameterValueSyntaxError,
                element: Some(local.clone()),
                what: format!("<{local} {name}={bad}>"),
            });
        }
    }

    let children: Vec<_> = node.children().filter(|c| c.is_element()).collect();
    let particle_of = |c: &roxmltree::Node<'_, '_>| -> Option<Particle> {
        ct.particles
            .iter()
            .find(|p| p.name == c.tag_name().name())
            .cloned()
    };

    // Foreign element as first child, where element content is expected. A
    // wildcard (`##other`) admits a foreign element: under `<extension>` it
    // is valid, and where exactly one is allowed (the object of a verb) the
    // error names the element that became the second one.
    let wildcard_only = ct.any && local != "extension" && local != "ext";
    if (!ct.particles.is_empty() && !ct.any) || wildcard_only {
        let r = node.range();
        let open_end = r.start + text[r.clone()].find('>').unwrap() + 1;
        if !text[r.clone()].ends_with("/>") || text[r.clone()].contains("</") {
            out.push(Mutation {
                kind: "foreign",
                doc: replace(
                    text,
                    open_end..open_end,
                    r#"<x:foo xmlns:x="urn:example:foreign"/>"#,
                ),
                code: ResultCode::CommandSyntaxError,
                element: (!ct.any).then(|| "foo".into()),
                what: format!("foreign first child of <{local}>"),
            });
        }
    }

    // Drop each required element.
    for c in &children {
        let Some(p) = particle_of(c) else { continue };
        let name = c.tag_name().name();
        let count = children
            .iter()
            .filter(|o| o.tag_name().name() == name)
            .count();
        if p.min >= 1 && !p.in_choice && count as u32 == p.min && count == 1 {
            out.push(Mutation {
                kind: "drop",
                doc: replace(text, c.range(), ""),
                code: ResultCode::RequiredParameterMissing,
                element: Some(name.to_string()),
                what: format!("drop <{name}> from <{local}>"),
            });
        }
    }

    // Swap adjacent siblings whose order the sequence fixes.
    for pair in children.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (Some(pa), Some(pb)) = (particle_of(&a), particle_of(&b)) else {
            continue;
        };
        if pa.in_choice || pb.in_choice || pa.position == pb.position {
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
        out.push(Mutation {
            kind: "swap",
            doc: swapped,
            code: ResultCode::CommandSyntaxError,
            element: None,
            what: format!(
                "swap <{}> and <{}> in <{local}>",
                a.tag_name().name(),
                b.tag_name().name()
            ),
        });
    }

    // Recurse: declared children by their particle, wildcard children by
    // their global declaration (only in the schemas under test).
    for c in &children {
        let child_ty = match particle_of(c) {
            Some(p) => p.ty,
            None if ct.any && local != "extension" && local != "ext" => {
                let key = (
                    c.tag_name().namespace().unwrap_or("").to_string(),
                    c.tag_name().name().to_string(),
                );
                s.elements.get(&key).cloned().flatten()
            }
            None => None,
        };
        if local == "extension" || local == "ext" {
            continue;
        }
        visit(s, text, *c, child_ty, out);
    }
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

#[test]
fn schema_driven_mutations_of_every_valid_corpus_command() {
    let schemas = load_schemas();
    let commands = valid_commands();
    assert!(commands.len() >= 110, "{} valid commands", commands.len());
    let mut ran: HashMap<&str, usize> = HashMap::new();
    let mut failures = Vec::new();
    for (path, text) in &commands {
        assert!(
            read_command(text.as_bytes()).is_ok(),
            "{path} must read unmutated"
        );
        for m in mutations(&schemas, text) {
            *ran.entry(m.kind).or_default() += 1;
            match read_command(m.doc.as_bytes()) {
                Ok(_) => failures.push(format!(
                    "{path}: {}: read, expected {}",
                    m.what,
                    m.code.as_u16()
                )),
                Err(e) => {
                    let named = e.element().map(|n| n.local.to_string());
                    if e.result_code() != m.code || (m.element.is_some() && named != m.element) {
                        failures.push(format!(
                            "{path}: {}: expected {} naming {:?}, got {e}",
                            m.what,
                            m.code.as_u16(),
                            m.element
                        ));
                    }
                    assert!(e.offset() <= m.doc.len());
                }
            }
        }
    }
    eprintln!("mutations run: {ran:?}");
    assert!(
        failures.is_empty(),
        "{} of the mutations failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for (kind, min) in [
        ("drop", 150),
        ("length", 500),
        ("syntax", 100),
        ("swap", 200),
        ("foreign", 400),
    ] {
        assert!(
            ran.get(kind).copied().unwrap_or(0) >= min,
            "only {:?} {kind} mutations",
            ran.get(kind)
        );
    }
}
