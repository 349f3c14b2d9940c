//! Raw elements (unmodelled extensions, `<value>` content, `<ext>`
//! authorization) written back as they were read.
//!
//! A raw element is copied verbatim, with one repair: prefixes it uses
//! but that were declared on an ancestor in the original message (an
//! `xmlns:secDNS` on `<epp>`, say) are declared again on its start tag,
//! so the copy means what the original meant wherever it lands.

use super::WriteError;
use super::sink::Sink;
use super::xml::{REDACTED, XmlWriter};
use crate::Limits;
use crate::view::scan::Children;
use crate::xml::{Namespace, Ns, Span, Token, Tokenizer};

/// Prefixes one raw element may borrow from its ancestors.
const MAX_BORROWED: usize = 16;

/// Element names whose content is a secret (login and loginSec passwords,
/// authorization information of any namespace).
fn is_secret(local: &str) -> bool {
    matches!(local, "pw" | "newPW" | "authInfo")
}

/// What writing one raw element takes: worked out before anything is
/// written, so a raw element that cannot be written leaves no trace.
pub(crate) struct RawPlan<'d> {
    raw: &'d str,
    /// `<qname` of the root.
    head: &'d str,
    /// Declarations to add to the root's start tag.
    declarations: heapless::Vec<(&'d str, Namespace<'d>), MAX_BORROWED>,
    has_secret: bool,
}

/// Plans writing the element at `span` of `doc`, as a child of an element
/// whose default namespace is EPP's.
///
/// # Errors
///
/// [`WriteError::InvalidRaw`] when the span is not one well-formed
/// element, or borrows more than 16 prefixes.
pub(crate) fn plan_raw_element(doc: &str, span: Span) -> Result<RawPlan<'_>, WriteError> {
    let raw = doc.get(span.range()).ok_or(WriteError::InvalidRaw)?;
    let limits = Limits::new();
    // Which prefixes (and whether the default namespace) does it use
    // without declaring them?
    let mut borrowed: heapless::Vec<&str, MAX_BORROWED> = heapless::Vec::new();
    let mut needs_default = false;
    let mut root_name_end = 0;
    let mut roots = 0;
    let mut has_secret = false;
    let mut tokens = Tokenizer::new(raw, &limits).tolerate_unbound_prefixes();
    while let Some(token) = tokens.next_token().map_err(|_| WriteError::InvalidRaw)? {
        let start = match token {
            Token::ElementStart(start) => start,
            Token::Declaration(_) => return Err(WriteError::InvalidRaw),
            Token::Text(text) if tokens.depth() == 0 && !text.is_whitespace() => {
                return Err(WriteError::InvalidRaw);
            }
            _ => continue,
        };
        let name = start.name();
        if tokens.depth() == 1 {
            roots += 1;
            root_name_end = start.span().start + 1 + name.qualified().len();
        }
        has_secret |= is_secret(name.local());
        let prefix = name.prefix();
        if tokens.resolve_prefix(prefix).is_none() {
            if prefix.is_empty() {
                needs_default = true;
            } else if !borrowed.contains(&prefix) {
                borrowed.push(prefix).map_err(|_| WriteError::InvalidRaw)?;
            }
        }
        for attr in tokens.attributes() {
            let prefix = attr.name().prefix();
            if !prefix.is_empty()
                && tokens.resolve_prefix(prefix).is_none()
                && !borrowed.contains(&prefix)
            {
                borrowed.push(prefix).map_err(|_| WriteError::InvalidRaw)?;
            }
        }
    }
    // The span must be exactly one element.
    if roots != 1 || !raw.starts_with('<') {
        return Err(WriteError::InvalidRaw);
    }
    let mut declarations = heapless::Vec::new();
    if !borrowed.is_empty() || needs_default {
        context_declarations(doc, span.start, &borrowed, needs_default, &mut declarations)?;
    }
    Ok(RawPlan {
        raw,
        head: raw.get(..root_name_end).ok_or(WriteError::InvalidRaw)?,
        declarations,
        has_secret,
    })
}

/// Writes a planned raw element.
pub(crate) fn write_planned<S: Sink>(
    w: &mut XmlWriter<S>,
    plan: &RawPlan<'_>,
) -> Result<(), WriteError> {
    w.start_raw();
    w.raw_in_tag(plan.head);
    for &(prefix, ns) in &plan.declarations {
        declare(w, prefix, ns)?;
    }
    if w.redacting() && plan.has_secret {
        write_redacted(w, plan.raw, plan.head.len())?;
    } else {
        w.raw_in_tag(plan.raw.get(plan.head.len()..).unwrap_or_default());
    }
    w.end_raw();
    Ok(())
}

/// Writes the element at `span` of `doc` as a child of the element being
/// written, whose default namespace is EPP's.
pub(crate) fn write_raw_element<S: Sink>(
    w: &mut XmlWriter<S>,
    doc: &str,
    span: Span,
) -> Result<(), WriteError> {
    let plan = plan_raw_element(doc, span)?;
    write_planned(w, &plan)
}

/// Writes mixed content read from `doc` (a `<value>` or a `<msg>`): text
/// as it stands, elements as raw elements.
pub(crate) fn write_raw_content<S: Sink>(
    w: &mut XmlWriter<S>,
    doc: &str,
    content: Span,
) -> Result<(), WriteError> {
    // White space between elements is layout, the writer's own business.
    let text = |from: usize, to: usize| {
        let t = doc.get(from..to).unwrap_or_default();
        if t.bytes().all(crate::xml::is_space) {
            ""
        } else {
            t
        }
    };
    let mut at = content.start;
    for child in Children::new(doc, content) {
        let span = child.span();
        w.raw(text(at, span.start));
        write_raw_element(w, doc, span)?;
        at = span.end;
    }
    w.raw(text(at, content.end));
    Ok(())
}

/// The declarations of `prefixes` (and of the default namespace, when it
/// is not EPP's) in scope at `at` in the original document.
fn context_declarations<'d>(
    doc: &'d str,
    at: usize,
    prefixes: &[&'d str],
    default: bool,
    out: &mut heapless::Vec<(&'d str, Namespace<'d>), MAX_BORROWED>,
) -> Result<(), WriteError> {
    let limits = Limits::new();
    let mut tokens = Tokenizer::new(doc, &limits).tolerate_unbound_prefixes();
    loop {
        match tokens.next_token().map_err(|_| WriteError::InvalidRaw)? {
            Some(Token::ElementStart(start)) if start.span().start == at => break,
            Some(_) => {}
            None => return Err(WriteError::InvalidRaw),
        }
    }
    // The element's own declarations are in scope now: undo them by
    // looking the prefixes up as its parent saw them. They were unbound
    // within the element, so the element declares none of them.
    for &prefix in prefixes {
        // Still unbound in the original: a tolerated undeclared prefix,
        // which stays as it was.
        if let Some(ns) = tokens.resolve_prefix(prefix) {
            out.push((prefix, ns)).map_err(|_| WriteError::InvalidRaw)?;
        }
    }
    if default {
        let ns = tokens.resolve_prefix("").unwrap_or(Namespace::None);
        if ns != Namespace::Known(Ns::Epp) {
            out.push(("", ns)).map_err(|_| WriteError::InvalidRaw)?;
        }
    }
    Ok(())
}

fn declare<S: Sink>(
    w: &mut XmlWriter<S>,
    prefix: &str,
    ns: Namespace<'_>,
) -> Result<(), WriteError> {
    match ns {
        Namespace::None => w.namespace(prefix, ""),
        Namespace::Known(known) => w.namespace(prefix, known.uri()),
        Namespace::Other(uri) if !uri.raw().contains('"') => w.namespace(prefix, uri.raw()),
        Namespace::Other(uri) => {
            let mut name: heapless::String<80> = heapless::String::new();
            name.push_str("xmlns").map_err(|_| WriteError::InvalidRaw)?;
            if !prefix.is_empty() {
                name.push(':').map_err(|_| WriteError::InvalidRaw)?;
                name.push_str(prefix).map_err(|_| WriteError::InvalidRaw)?;
            }
            w.attr_unescaped(&name, uri.unescaped())?;
        }
    }
    Ok(())
}

/// Copies `raw` from `from` on, with the content of every secret element
/// replaced by [`REDACTED`].
fn write_redacted<S: Sink>(w: &mut XmlWriter<S>, raw: &str, from: usize) -> Result<(), WriteError> {
    let limits = Limits::new();
    let mut tokens = Tokenizer::new(raw, &limits).tolerate_unbound_prefixes();
    let mut copied = from;
    // Depth inside a secret element (0: not in one).
    let mut secret_depth = 0usize;
    while let Some(token) = tokens.next_token().map_err(|_| WriteError::InvalidRaw)? {
        match token {
            Token::ElementStart(start) => {
                if secret_depth > 0 {
                    secret_depth += 1;
                } else if is_secret(start.name().local()) && !start.is_self_closing() {
                    let end = start.span().end;
                    w.raw_in_tag(raw.get(copied..end).unwrap_or_default());
                    w.raw_in_tag(REDACTED);
                    copied = end;
                    secret_depth = 1;
                }
            }
            Token::ElementEnd(end) if secret_depth > 0 => {
                secret_depth -= 1;
                if secret_depth == 0 {
                    copied = end.span().start;
                }
            }
            _ => {}
        }
    }
    w.raw_in_tag(raw.get(copied..).unwrap_or_default());
    Ok(())
}
