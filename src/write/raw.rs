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
    plan(doc, span, false)
}

/// As [`plan_raw_element`], for an element known to be well formed (read
/// from a message, or checked by [`RawElement::parse`](crate::view::RawElement::parse)):
/// the usual case, an element declaring every prefix it uses on its own
/// start tag, is recognised by a light scan instead of tokenizing.
pub(crate) fn plan_trusted_element(doc: &str, span: Span) -> Result<RawPlan<'_>, WriteError> {
    plan(doc, span, true)
}

fn plan(doc: &str, span: Span, trusted: bool) -> Result<RawPlan<'_>, WriteError> {
    let raw = doc.get(span.range()).ok_or(WriteError::InvalidRaw)?;
    if trusted {
        if let Some((head_len, has_secret)) = self_contained(raw) {
            return Ok(RawPlan {
                raw,
                head: raw.get(..head_len).ok_or(WriteError::InvalidRaw)?,
                declarations: heapless::Vec::new(),
                has_secret,
            });
        }
    }
    let limits = Limits::new();
    // Which prefixes (and whether the default namespace) does it use
    // without declaring them?
    let mut borrowed: heapless::Vec<&str, MAX_BORROWED> = heapless::Vec::new();
    let mut needs_default = false;
    let mut root_name_end = 0;
    let mut roots = 0;
    let mut has_secret = false;
    let mut tokens = Tokenizer::with_tolerance(raw, &limits, true);
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
    inline: bool,
) -> Result<(), WriteError> {
    w.start_raw(inline);
    w.raw_in_tag(plan.head);
    for &(prefix, ns) in &plan.declarations {
        declare(w, prefix, ns)?;
    }
    if w.redacting() && plan.has_secret {
        write_redacted(w, plan.raw, plan.head.len())?;
    } else {
        w.raw_in_tag(plan.raw.get(plan.head.len()..).unwrap_or_default());
    }
    w.end_raw(inline);
    Ok(())
}

/// Writes the element at `span` of `doc` as a child of the element being
/// written, whose default namespace is EPP's.
pub(crate) fn write_raw_element<S: Sink>(
    w: &mut XmlWriter<S>,
    doc: &str,
    span: Span,
) -> Result<(), WriteError> {
    let plan = plan_trusted_element(doc, span)?;
    write_planned(w, &plan, false)
}

/// For a well-formed element: `Some((length of "<qname", holds a secret))`
/// when every prefix used anywhere in it is declared on its own start tag
/// (or is `xml`) and, if an unprefixed element occurs, so is the default
/// namespace. `None` means "look closer", never "wrong".
fn self_contained(raw: &str) -> Option<(usize, bool)> {
    let bytes = raw.as_bytes();
    if bytes.first() != Some(&b'<') {
        return None;
    }
    // Prefixes declared on the root (a handful at most).
    let mut declared: heapless::Vec<&[u8], 8> = heapless::Vec::new();
    let mut default_declared = false;
    let mut head_len = 0;
    let mut has_secret = false;
    let mut pos = 0;
    let mut root = true;
    while let Some(offset) = memchr_lt(bytes.get(pos..)?) {
        let lt = pos + offset;
        match bytes.get(lt + 1)? {
            b'!' | b'?' => {
                pos = crate::view::scan::skip_markup(bytes, lt)?;
                continue;
            }
            b'/' => {
                pos = lt + 2;
                continue;
            }
            _ => {}
        }
        let (end, _) = crate::view::scan::tag_end(bytes, lt)?;
        let tag = bytes.get(lt + 1..end - 1)?;
        let name_len = tag
            .iter()
            .position(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'/'))
            .unwrap_or(tag.len());
        let name = tag.get(..name_len)?;
        let (prefix, local) = split(name);
        has_secret |= matches!(local, b"pw" | b"newPW" | b"authInfo");
        // Attributes: `name = "value"`, values skipped whole.
        let mut rest = tag.get(name_len..)?;
        let mut attr_prefixes: heapless::Vec<&[u8], 8> = heapless::Vec::new();
        loop {
            let start = rest
                .iter()
                .position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'/'));
            let Some(start) = start else { break };
            rest = rest.get(start..)?;
            let eq = rest.iter().position(|&b| b == b'=')?;
            let attr = trim_end(rest.get(..eq)?);
            let after = rest.get(eq + 1..)?;
            let q = after.iter().position(|&b| b == b'"' || b == b'\'')?;
            let quote = after[q];
            let close = after.get(q + 1..)?.iter().position(|&b| b == quote)?;
            rest = after.get(q + 1 + close + 1..)?;
            if attr == b"xmlns" {
                if root {
                    default_declared = true;
                } else {
                    return None;
                }
            } else if let Some(p) = attr.strip_prefix(b"xmlns:") {
                if root {
                    declared.push(p).ok()?;
                } else {
                    // Declared below the root: scoping needs a closer look.
                    return None;
                }
            } else {
                let (p, _) = split(attr);
                if !p.is_empty() && p != b"xml" {
                    attr_prefixes.push(p).ok()?;
                }
            }
        }
        if root {
            head_len = 1 + name_len;
            root = false;
        }
        let known = |p: &[u8]| declared.contains(&p);
        if prefix.is_empty() {
            if !default_declared {
                return None;
            }
        } else if !known(prefix) {
            return None;
        }
        if !attr_prefixes.iter().all(|p| known(p)) {
            return None;
        }
        pos = end;
    }
    (head_len > 0).then_some((head_len, has_secret))
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn split(name: &[u8]) -> (&[u8], &[u8]) {
    match name.iter().position(|&b| b == b':') {
        Some(i) => (&name[..i], &name[i + 1..]),
        None => (&[], name),
    }
}

fn trim_end(mut s: &[u8]) -> &[u8] {
    while let [rest @ .., b' ' | b'\t' | b'\n' | b'\r'] = s {
        s = rest;
    }
    s
}

/// Writes the elements read as the content of an `<extension>` or
/// `<resData>` whose ancestors' start tags are `ancestors`.
///
/// When no ancestor declares a prefix or a default namespace other than
/// EPP's (the usual case), nothing can have been borrowed from them, and
/// the elements are copied without looking inside.
pub(crate) fn write_read_children<S: Sink>(
    w: &mut XmlWriter<S>,
    doc: &str,
    content: Span,
    count: u32,
    ancestors: &[Span],
) -> Result<(), WriteError> {
    let borrows_nothing = !w.redacting()
        && ancestors
            .iter()
            .all(|tag| declares_nothing_but_epp(doc.get(tag.range()).unwrap_or_default()));
    if !borrows_nothing {
        return write_raw_children(w, doc, content, false);
    }
    let text = doc.get(content.range()).unwrap_or_default();
    let trimmed = text.trim_matches(|c: char| c.is_ascii() && crate::xml::is_space(c as u8));
    if count == 1 && is_one_element(trimmed) {
        // One element and white space around it: that is the element.
        w.start_raw(false);
        w.raw_in_tag(trimmed);
        w.end_raw(false);
        return Ok(());
    }
    let mixed = has_text(doc, content);
    let mut at = content.start;
    for child in Children::new(doc, content) {
        let span = child.span();
        let between = doc.get(at..span.start).unwrap_or_default();
        w.raw(if mixed { between } else { layout_free(between) });
        w.start_raw(mixed);
        w.raw_in_tag(doc.get(span.range()).unwrap_or_default());
        w.end_raw(mixed);
        at = span.end;
    }
    let after = doc.get(at..content.end).unwrap_or_default();
    w.raw(if mixed { after } else { layout_free(after) });
    Ok(())
}

/// Whether `text` (trimmed) is exactly one element with nothing around it
/// — judged without scanning it: it begins with a start tag, and its last
/// markup is an end tag closing it all. `false` means "look closer".
fn is_one_element(text: &str) -> bool {
    let bytes = text.as_bytes();
    let starts =
        bytes.first() == Some(&b'<') && !matches!(bytes.get(1), Some(b'!' | b'?' | b'/') | None);
    let Some(last) = text.rfind('<') else {
        return false;
    };
    let tail = &bytes[last..];
    starts
        && last > 0
        && tail.starts_with(b"</")
        && tail.iter().position(|&b| b == b'>') == Some(tail.len() - 1)
}

/// Whether content holds text (other than white space) between, before or
/// after its elements.
fn has_text(doc: &str, content: Span) -> bool {
    let mut at = content.start;
    for child in Children::new(doc, content) {
        let span = child.span();
        if !layout_free(doc.get(at..span.start).unwrap_or_default()).is_empty() {
            return true;
        }
        at = span.end;
    }
    !layout_free(doc.get(at..content.end).unwrap_or_default()).is_empty()
}

/// Whether a start tag declares no namespace but, at most, EPP's as the default.
fn declares_nothing_but_epp(tag: &str) -> bool {
    let mut rest = tag;
    while let Some(i) = find_xmlns(rest) {
        let after = &rest[i + 5..];
        let after_ws = after.trim_start();
        let Some(value) = after_ws.strip_prefix('=') else {
            // `xmlns:p=…`, or an attribute merely starting with "xmlns".
            return false;
        };
        let value = value.trim_start();
        let expected = Ns::Epp.uri();
        let quoted = value
            .strip_prefix('"')
            .or_else(|| value.strip_prefix('\''))
            .and_then(|v| v.strip_prefix(expected));
        match quoted {
            Some(v) if v.starts_with('"') || v.starts_with('\'') => rest = &v[1..],
            _ => return false,
        }
    }
    true
}

/// The first `xmlns` in `s`: a byte scan for `x`, cheaper on a short start
/// tag than setting up a substring searcher per call.
fn find_xmlns(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = crate::xml::find_byte(bytes, from, b'x') {
        if bytes.get(i..).is_some_and(|r| r.starts_with(b"xmlns")) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// Text between elements, unless it is only white space (layout).
fn layout_free(text: &str) -> &str {
    if text.bytes().all(crate::xml::is_space) {
        ""
    } else {
        text
    }
}

/// Writes content read from `doc`: elements as raw elements and text.
/// `mixed` content (a `<msg>` or `<value>`) keeps its text as it stands
/// and its elements in line; otherwise text that is only white space is
/// layout, dropped, and elements are placed like children.
pub(crate) fn write_raw_children<S: Sink>(
    w: &mut XmlWriter<S>,
    doc: &str,
    content: Span,
    mixed: bool,
) -> Result<(), WriteError> {
    // Text between the elements makes it mixed content, whatever the element.
    let mixed = mixed || has_text(doc, content);
    let text = |from: usize, to: usize| {
        let t = doc.get(from..to).unwrap_or_default();
        if mixed { t } else { layout_free(t) }
    };
    let mut at = content.start;
    for child in Children::new(doc, content) {
        let span = child.span();
        w.raw(text(at, span.start));
        let plan = plan_trusted_element(doc, span)?;
        write_planned(w, &plan, mixed)?;
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
    let mut tokens = Tokenizer::with_tolerance(doc, &limits, true);
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
    let mut tokens = Tokenizer::with_tolerance(raw, &limits, true);
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
