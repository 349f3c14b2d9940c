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
use crate::xml::{Namespace, Ns, Span, Token, Tokenizer};

/// Prefixes one raw element may borrow from its ancestors.
const MAX_BORROWED: usize = 16;

/// Element names whose content is a secret (login and loginSec passwords,
/// authorization information of any namespace).
fn is_secret(local: &str) -> bool {
    matches!(local, "pw" | "newPW" | "authInfo")
}

/// Writes the element at `span` of `doc` as a child of the element being
/// written, whose default namespace is EPP's.
pub(crate) fn write_raw_element<S: Sink>(
    w: &mut XmlWriter<S>,
    doc: &str,
    span: Span,
) -> Result<(), WriteError> {
    let raw = doc.get(span.range()).unwrap_or_default();
    let limits = Limits::new();
    // Which prefixes (and whether the default namespace) does it use
    // without declaring them?
    let mut borrowed: heapless::Vec<&str, MAX_BORROWED> = heapless::Vec::new();
    let mut needs_default = false;
    let mut root_name_end = 0;
    let mut has_secret = false;
    let mut tokens = Tokenizer::new(raw, &limits).tolerate_unbound_prefixes();
    while let Some(token) = tokens.next_token().map_err(|_| WriteError::InvalidRaw)? {
        let Token::ElementStart(start) = token else {
            continue;
        };
        let name = start.name();
        if root_name_end == 0 {
            root_name_end = 1 + name.qualified().len();
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
    let (head, tail) = raw.split_at(root_name_end.min(raw.len()));
    w.start_raw();
    w.raw_in_tag(head);
    if !borrowed.is_empty() || needs_default {
        declare_from_context(w, doc, span.start, &borrowed, needs_default, &limits)?;
    }
    if w.redacting() && has_secret {
        write_redacted(w, raw, head.len())?;
    } else {
        w.raw_in_tag(tail);
    }
    w.end_raw();
    Ok(())
}

/// Declares `prefixes` (and the default namespace) as they are in scope
/// at `at` in the original document.
fn declare_from_context<S: Sink>(
    w: &mut XmlWriter<S>,
    doc: &str,
    at: usize,
    prefixes: &[&str],
    default: bool,
    limits: &Limits,
) -> Result<(), WriteError> {
    let mut tokens = Tokenizer::new(doc, limits).tolerate_unbound_prefixes();
    loop {
        match tokens.next_token().map_err(|_| WriteError::InvalidRaw)? {
            Some(Token::ElementStart(start)) if start.span().start == at => break,
            Some(_) => {}
            None => return Err(WriteError::InvalidRaw),
        }
    }
    for &prefix in prefixes {
        // Still unbound in the original: a tolerated undeclared prefix,
        // which stays as it was.
        if let Some(ns) = tokens.resolve_prefix(prefix) {
            declare(w, prefix, ns)?;
        }
    }
    if default {
        let ns = tokens.resolve_prefix("").unwrap_or(Namespace::None);
        if ns != Namespace::Known(Ns::Epp) {
            declare(w, "", ns)?;
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
