//! Responses and greetings, read tolerantly: [`read_response`],
//! [`read_greeting`], [`read_server_message`].
//!
//! A client must take what a registry sends. One pass checks that the
//! payload is well-formed (namespaces included) and finds the structure RFC
//! 5730 makes mandatory — `<result code>` and `<trID><svTRID>` in a
//! response — and nothing else can fail the read: unknown result codes,
//! elements nobody modelled, values that break a schema pattern, foreign
//! namespaces. The rest of the message is read lazily from the checked
//! payload: fields that are absent are `None`, unmodelled data stays
//! reachable as namespace-tagged [`RawElement`](super::RawElement)s.
//!
//! # Foreign elements are never fields
//!
//! The lazy reads work on bytes and resolve no namespace, and a response
//! is not checked against a schema: an element of any namespace may stand
//! beside any field. So a field is matched by its local name *and* by
//! this rule: a child of an element counts when it is written with the
//! same prefix as that element (or, like it, with none) and its own start
//! tag does not bind that prefix again (`xmlns:prefix="…"`, or `xmlns="…"`
//! when unprefixed). When the rule says yes, the child is in its parent's
//! namespace: `<x:msg xmlns:x="urn:foo">` or `<msg xmlns="urn:foo">` before
//! a result's `<msg>` is skipped, not read as the message, and a foreign
//! `<x:status s="…"/>` is not one of a `domain:infData`'s statuses. They
//! stay in the raw XML ([`Response::res_data`], [`Response::extensions`],
//! and the spans of the views).
//!
//! The rule is conservative otherwise. A child *of the right namespace*
//! written with another prefix than its parent's
//! (`<domain:infData xmlns:domain="…" xmlns:d="…"><d:name>`), or binding
//! its own prefix again on its own tag, even to the same namespace, is
//! skipped as well: the view reads such a field as absent. The items of a
//! list after the first are those like it (the same prefix, binding
//! nothing; or their own prefix bound on their own tag to the same URI,
//! as written). The few fields of another namespace than their parent's
//! (a `<mark:mark>` in a `<launch:infData>`, the EPP `clTRID` and
//! `svTRID` in a `domain:paTRID`) count when their prefix is bound to
//! that namespace on their own tag, their parent's, or above (on the
//! start tags of their ancestors, which every element read carries down
//! from the ones the reader walked through: a lookup reads those tags,
//! not the document before it, so many such fields cost what the
//! document holds, not its square; only an element built from a bare
//! span, its ancestors unknown, is found from the document's start); a
//! fee draft's `<fee:object>` takes its first child not bound elsewhere
//! than to an EPP object namespace. The content of a `<value>` (the
//! client's XML, any namespace) and of a `<msgQ><msg>` (mixed content) is
//! handed out whole.
//!
//! The rule costs a look at each child's start tag, except where the
//! reader, in its one pass over the message, saw that it holds for every
//! element below the children of `<resData>` and `<extension>` (each
//! written with its parent's prefix, none binding it again: the usual
//! case); their views then take every child as a field, as the rule
//! would.
//!
//! Commands are read differently: the strict reader checks every
//! element's namespace, so their views match fields by local name alone,
//! and a command may use any prefix bound to the right namespace.

pub mod contact;
pub mod domain;
pub mod greeting;
pub mod host;
pub mod object;

use core::fmt;

use super::command::{ChildSpans, Extensions};
use super::error::ElementName;
use super::result_code::ResultCode;
use super::scan::{Child, Children, FromChild, Items, List, Matching, Scope};
use super::str::Str;
use super::value::{DateTime, plain_ascii};
use crate::Limits;
use crate::xml::{Name, Namespace, Ns, Span, Token, Tokenizer, XmlError, XmlErrorKind};

pub use contact::ContactData;
pub use domain::DomainData;
pub use greeting::Greeting;
pub use host::HostData;

/// Why a server message could not be read.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResponseErrorKind {
    /// The payload is not well-formed XML (or is over a limit).
    Xml(XmlErrorKind),
    /// The root is not `<epp>` in the EPP namespace holding a `<greeting>`
    /// or `<response>` (or not the one asked for).
    NotAServerMessage,
    /// An element RFC 5730 makes structural is missing (`result`, `trID`, `svTRID`).
    MissingElement,
    /// A `<result>` has no `code`, or one that is not four digits.
    InvalidResultCode,
}

/// Why a server message could not be read: the kind, the element at fault
/// and the byte offset. Small and `Copy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResponseError<'a> {
    kind: ResponseErrorKind,
    element: Option<ElementName<'a>>,
    offset: usize,
}

impl<'a> ResponseError<'a> {
    const fn new(kind: ResponseErrorKind, offset: usize) -> Self {
        ResponseError {
            kind,
            element: None,
            offset,
        }
    }

    const fn missing(ns: Ns, local: &'static str, offset: usize) -> Self {
        ResponseError {
            kind: ResponseErrorKind::MissingElement,
            element: Some(ElementName::known(ns, local)),
            offset,
        }
    }

    /// What went wrong.
    pub const fn kind(&self) -> ResponseErrorKind {
        self.kind
    }

    /// The element at fault (missing, or holding the bad value).
    pub const fn element(&self) -> Option<ElementName<'a>> {
        self.element
    }

    /// Byte offset in the payload.
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl From<XmlError> for ResponseError<'_> {
    fn from(e: XmlError) -> Self {
        ResponseError::new(ResponseErrorKind::Xml(e.kind()), e.offset())
    }
}

impl fmt::Display for ResponseError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ResponseErrorKind::Xml(kind) => write!(f, "{kind}")?,
            ResponseErrorKind::NotAServerMessage => {
                f.write_str("not an EPP greeting or response")?
            }
            ResponseErrorKind::MissingElement => f.write_str("missing element")?,
            ResponseErrorKind::InvalidResultCode => f.write_str("invalid result code")?,
        }
        if let Some(element) = self.element {
            write!(f, " {element}")?;
        }
        write!(f, " at byte {}", self.offset)
    }
}

impl core::error::Error for ResponseError<'_> {}

// ----- the tolerant walker -----

/// A start tag seen by the walker.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Start<'a> {
    pub(crate) name: Name<'a>,
    pub(crate) tag: Span,
}

impl<'a> Start<'a> {
    fn is(&self, ns: Ns, local: &str) -> bool {
        self.name.is(ns, local)
    }
}

/// Walks the tokenizer one child at a time, skipping text, comments and PIs
/// between elements (a tolerant reader takes them as they come).
pub(crate) struct Walker<'t, 'a> {
    /// Borrowed, not owned: the caller's `let` builds the tokenizer where
    /// it stays. A tokenizer built inside `Walker::new` was built in a
    /// temporary and copied into the walker (7 KiB, every read).
    tok: &'t mut Tokenizer<'a>,
    /// End offset of the last end tag consumed.
    last_end: usize,
    /// Start offset of the last end tag consumed (where its element's content ends).
    last_content_end: usize,
    /// While [`skip`](Walker::skip) notes whether every element it skips
    /// below the ones it is given keeps the scanner's rule (see
    /// [`Tokenizer::keeps_parent_prefix`]); turned off by the first that does not.
    noting_prefixes: bool,
}

impl<'t, 'a> Walker<'t, 'a> {
    /// A walker over `tok`, a tokenizer at the start of its input.
    #[inline]
    pub(crate) fn new(tok: &'t mut Tokenizer<'a>) -> Self {
        Walker {
            tok,
            last_end: 0,
            last_content_end: 0,
            noting_prefixes: false,
        }
    }

    /// The next child of the current element; `None` once it ends (its end
    /// tag consumed).
    pub(crate) fn next(&mut self) -> Result<Option<Start<'a>>, ResponseError<'a>> {
        loop {
            self.tok.step_over_layout();
            let at = self.tok.offset();
            match self.tok.next_token()? {
                Some(Token::ElementStart(s)) => {
                    return Ok(Some(Start {
                        name: s.name(),
                        tag: s.span(),
                    }));
                }
                Some(Token::ElementEnd(e)) => {
                    self.last_end = e.span().end;
                    self.last_content_end = e.span().start;
                    return Ok(None);
                }
                Some(_) => {}
                None => {
                    return Err(ResponseError::new(
                        ResponseErrorKind::Xml(XmlErrorKind::UnexpectedEof),
                        at,
                    ));
                }
            }
        }
    }

    /// Skips the rest of the element whose start tag was just read; returns its span.
    ///
    /// A loop over tokens with a depth count, taking no token apart: a
    /// recursion through [`next`](Walker::next) built each descendant's
    /// start tag and copied it through the stack, a store-forwarding stall
    /// per element. While noting prefixes, each descendant is checked
    /// against its parent through the tokenizer's open elements.
    pub(crate) fn skip(&mut self, start: Start<'a>) -> Result<Span, ResponseError<'a>> {
        // Descendants of `start` open where the walker stands.
        let mut depth = 0usize;
        // Whether the last token was a start tag, whose element may be a
        // leaf (plain text, then its end tag) taken in one step.
        let mut just_opened = true;
        loop {
            if just_opened {
                just_opened = false;
                if let Some(leaf) = self.tok.leaf_value() {
                    self.last_end = leaf.end_tag.end;
                    self.last_content_end = leaf.end_tag.start;
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    continue;
                }
            }
            self.tok.step_over_layout();
            let at = self.tok.offset();
            match self.tok.next_token()? {
                Some(Token::ElementStart(_)) => {
                    if self.noting_prefixes && !self.tok.keeps_parent_prefix() {
                        self.noting_prefixes = false;
                    }
                    depth += 1;
                    just_opened = true;
                }
                Some(Token::ElementEnd(e)) => {
                    self.last_end = e.span().end;
                    self.last_content_end = e.span().start;
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                Some(_) => {}
                None => {
                    return Err(ResponseError::new(
                        ResponseErrorKind::Xml(XmlErrorKind::UnexpectedEof),
                        at,
                    ));
                }
            }
        }
        Ok(Span {
            start: start.tag.start,
            end: self.last_end,
        })
    }

    /// The first attribute `local` of the start tag just read.
    fn attr(&self, local: &str) -> Option<Str<'a>> {
        self.tok
            .attribute(local)
            .map(|a| Str::attribute(a.raw_value(), a.value_span().start, a.has_escapes()))
    }

    fn finish(&mut self) -> Result<(), ResponseError<'a>> {
        while self.tok.next_token()?.is_some() {}
        Ok(())
    }
}

/// A greeting or a response, for a client that reads whatever comes.
#[derive(Clone, Copy, Debug)]
pub enum ServerMessage<'a> {
    /// `<greeting>`.
    Greeting(Greeting<'a>),
    /// `<response>`.
    Response(Response<'a>),
}

/// Reads a greeting or a response with the default [`Limits`].
///
/// # Errors
///
/// Only when the payload is not well-formed, is not an EPP greeting or
/// response, or lacks what RFC 5730 makes structural.
pub fn read_server_message(payload: &[u8]) -> Result<ServerMessage<'_>, ResponseError<'_>> {
    read_server_message_with(payload, &Limits::new())
}

/// Reads a greeting or a response under `limits`.
///
/// # Errors
///
/// As [`read_server_message`].
pub fn read_server_message_with<'a>(
    payload: &'a [u8],
    limits: &Limits,
) -> Result<ServerMessage<'a>, ResponseError<'a>> {
    read_server_message_with_fast_paths(payload, limits, true)
}

/// [`read_server_message_with`], with the tokenizer's fast paths on
/// (`Tokenizer::set_fast_paths`: layout between elements stepped over, a
/// leaf skipped in one step; what every caller gets) or off, every token
/// taken (the tests compare the two).
pub(super) fn read_server_message_with_fast_paths<'a>(
    payload: &'a [u8],
    limits: &Limits,
    fast_paths: bool,
) -> Result<ServerMessage<'a>, ResponseError<'a>> {
    let input = Tokenizer::payload_text(payload)?;
    let mut tok = Tokenizer::with_tolerance(input, limits, true);
    tok.set_fast_paths(fast_paths);
    let mut w = Walker::new(&mut tok);
    let Some(root) = w.next()? else {
        return Err(ResponseError::new(
            ResponseErrorKind::Xml(XmlErrorKind::NoRootElement),
            0,
        ));
    };
    if !root.is(Ns::Epp, "epp") {
        return Err(not_a_server_message(root));
    }
    let Some(body) = w.next()? else {
        return Err(ResponseError::missing(Ns::Epp, "response", w.last_end));
    };
    let message = if body.is(Ns::Epp, "greeting") {
        let span = w.skip(body)?;
        ServerMessage::Greeting(Greeting::new(w.tok.input(), root.tag, span))
    } else if body.is(Ns::Epp, "response") {
        ServerMessage::Response(read_response_body(&mut w, root, body)?)
    } else {
        return Err(not_a_server_message(body));
    };
    // Anything after the body inside <epp> is tolerated.
    while let Some(extra) = w.next()? {
        w.skip(extra)?;
    }
    w.finish()?;
    Ok(message)
}

fn not_a_server_message(e: Start<'_>) -> ResponseError<'_> {
    ResponseError {
        kind: ResponseErrorKind::NotAServerMessage,
        element: Some(ElementName {
            namespace: e.name.namespace(),
            local: e.name.local(),
        }),
        offset: e.tag.start,
    }
}

/// Reads a response payload with the default [`Limits`].
///
/// # Errors
///
/// Only when the payload is not well-formed, is not a response, or lacks a
/// `<result code>` or `<trID><svTRID>`.
///
/// ```
/// use epp_codec::view::{read_response, ResultCode};
/// let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
///   <result code="1000"><msg>Command completed successfully</msg></result>
///   <trID><clTRID>ABC-12345</clTRID><svTRID>54321-XYZ</svTRID></trID>
/// </response></epp>"#;
/// let response = read_response(payload).unwrap();
/// assert_eq!(response.code(), ResultCode::Success);
/// assert_eq!(response.sv_trid(), "54321-XYZ");
/// ```
pub fn read_response(payload: &[u8]) -> Result<Response<'_>, ResponseError<'_>> {
    read_response_with(payload, &Limits::new())
}

/// Reads a response payload under `limits`.
///
/// # Errors
///
/// As [`read_response`]; a greeting is [`ResponseErrorKind::NotAServerMessage`].
pub fn read_response_with<'a>(
    payload: &'a [u8],
    limits: &Limits,
) -> Result<Response<'a>, ResponseError<'a>> {
    match read_server_message_with(payload, limits)? {
        ServerMessage::Response(r) => Ok(r),
        ServerMessage::Greeting(g) => Err(ResponseError {
            kind: ResponseErrorKind::NotAServerMessage,
            element: Some(ElementName::known(Ns::Epp, "greeting")),
            offset: g.span().start,
        }),
    }
}

/// Reads a greeting payload with the default [`Limits`].
///
/// # Errors
///
/// When the payload is not well-formed or is not a greeting.
pub fn read_greeting(payload: &[u8]) -> Result<Greeting<'_>, ResponseError<'_>> {
    match read_server_message(payload)? {
        ServerMessage::Greeting(g) => Ok(g),
        ServerMessage::Response(r) => Err(ResponseError {
            kind: ResponseErrorKind::NotAServerMessage,
            element: Some(ElementName::known(Ns::Epp, "response")),
            offset: r.span().start,
        }),
    }
}

/// A response: results, the message queue, resData, extensions and the
/// transaction ids.
#[derive(Clone, Copy, Debug)]
pub struct Response<'a> {
    code: ResultCode,
    results: List<'a, EppResult<'a>>,
    msg_q: Option<MessageQueue<'a>>,
    res_data: Extensions<'a>,
    extensions: Extensions<'a>,
    cl_trid: Option<Str<'a>>,
    sv_trid: Str<'a>,
    span: Span,
}

impl<'a> Response<'a> {
    /// The code of the first result: what the response means.
    pub fn code(&self) -> ResultCode {
        self.code
    }

    /// Every `<result>` (at least one), in order.
    pub fn results(&self) -> List<'a, EppResult<'a>> {
        self.results
    }

    /// `<msgQ>`, when the server reports queued messages.
    pub fn message_queue(&self) -> Option<MessageQueue<'a>> {
        self.msg_q
    }

    /// The children of `<resData>` (empty when there is none), each with its
    /// namespace; the typed views of domain, host and contact data read them.
    pub fn res_data(&self) -> Extensions<'a> {
        self.res_data
    }

    /// The children of `<extension>` (empty when there is none).
    pub fn extensions(&self) -> Extensions<'a> {
        self.extensions
    }

    /// `<trID><clTRID>`: the client's transaction id, echoed.
    pub fn cl_trid(&self) -> Option<Str<'a>> {
        self.cl_trid
    }

    /// `<trID><svTRID>`: the server's transaction id.
    pub fn sv_trid(&self) -> Str<'a> {
        self.sv_trid
    }

    /// The `<response>` element in the payload.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// One `<result>`: a code, a message, and the values at fault.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EppResult<'a> {
    code: ResultCode,
    element: Child<'a>,
}

impl PartialEq for Child<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.span() == other.span() && self.doc().as_ptr() == other.doc().as_ptr()
    }
}

impl<'a> EppResult<'a> {
    /// The element, for the writers.
    pub(crate) fn element(&self) -> Child<'a> {
        self.element
    }

    /// The result code (an unknown one is [`ResultCode::Other`]).
    pub fn code(&self) -> ResultCode {
        self.code
    }

    /// `<msg>`: the human-readable message.
    pub fn message(&self) -> Option<Str<'a>> {
        self.element.child("msg").map(|m| m.text())
    }

    /// The `lang` of `<msg>`; `None` when absent (RFC 5730's default,
    /// `en`, is then meant).
    pub fn message_lang(&self) -> Option<Str<'a>> {
        self.element.child("msg").and_then(|m| m.attr("lang"))
    }

    /// `<value>` elements: the client's offending XML, raw.
    pub fn values(&self) -> List<'a, Value<'a>> {
        self.element.list("value")
    }

    /// `<extValue>` elements: an offending value with the reason.
    pub fn ext_values(&self) -> List<'a, ExtValue<'a>> {
        self.element.list("extValue")
    }

    /// The whole `<result>` element.
    pub fn span(&self) -> Span {
        self.element.span()
    }
}

impl<'a> FromChild<'a> for EppResult<'a> {
    fn from_child(child: Child<'a>) -> Self {
        // The code was checked to be four digits when the response was read.
        let code = child
            .attr("code")
            .and_then(result_code)
            .map_or(ResultCode::Other(0), ResultCode::from_u16);
        EppResult {
            code,
            element: child,
        }
    }
}

/// `<value>`: XML the server echoes from the command, kept raw. It may use
/// prefixes declared only in the command, so it is handed out as text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Value<'a> {
    element: Child<'a>,
}

impl<'a> Value<'a> {
    /// The content of `<value>`, as written.
    pub fn content(&self) -> &'a str {
        self.element.content_str()
    }

    /// The whole `<value>` element.
    pub fn span(&self) -> Span {
        self.element.span()
    }
}

impl<'a> FromChild<'a> for Value<'a> {
    fn from_child(child: Child<'a>) -> Self {
        Value { element: child }
    }
}

/// `<extValue>`: a `<value>` and the `<reason>` it was refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExtValue<'a> {
    element: Child<'a>,
}

impl<'a> ExtValue<'a> {
    /// The `<value>`.
    pub fn value(&self) -> Option<Value<'a>> {
        self.element.child("value").map(Value::from_child)
    }

    /// `<reason>`.
    pub fn reason(&self) -> Option<Str<'a>> {
        self.element.child("reason").map(|r| r.text())
    }

    /// The `lang` of `<reason>`.
    pub fn reason_lang(&self) -> Option<Str<'a>> {
        self.element.child("reason").and_then(|r| r.attr("lang"))
    }

    /// The whole `<extValue>` element.
    pub fn span(&self) -> Span {
        self.element.span()
    }

    /// RFC 9038: when `<reason>` says "`URI` not in login services", the
    /// URI of the extension the server held back (its element is
    /// [`element`](Self::element)), as written: a URI holding a reference
    /// (`&amp;`) comes back unexpanded, as the borrowed text it is.
    pub fn unhandled_namespace(&self) -> Option<&'a str> {
        let reason = self.element.child("reason")?.content_str();
        let uri = reason.trim().strip_suffix("not in login services")?.trim();
        (!uri.is_empty() && !uri.contains(char::is_whitespace)).then_some(uri)
    }

    /// The element inside `<value>`, to read with the typed extension
    /// views, its prefix resolved as XML scoping says: bound on its own
    /// start tag (how RFC 9038 servers write it), on `<value>` (RFC 5730's
    /// example), or on any element above. A prefix bound nowhere (a server
    /// echoing the client's element without its declaration) is no
    /// namespace.
    pub fn element(&self) -> Option<super::command::RawElement<'a>> {
        let value = self.element.child("value")?;
        // The client's element, of any namespace.
        let inner = value.all_children().next()?;
        // The two start tags at hand first, then those above `<value>`
        // that its scope holds (a descent from the start of the document
        // only when that is not known).
        let namespace = value
            .declared_namespace(&inner)
            .unwrap_or_else(|| value.namespace_above(inner.prefix()));
        Some(
            super::command::RawElement::new(namespace, inner.local(), inner.span(), inner.doc())
                .matched(Matching::SameNamespace)
                .scoped(inner.scope()),
        )
    }
}

impl<'a> FromChild<'a> for ExtValue<'a> {
    fn from_child(child: Child<'a>) -> Self {
        ExtValue { element: child }
    }
}

/// `<msgQ count id>`: the poll queue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MessageQueue<'a> {
    element: Child<'a>,
}

impl<'a> MessageQueue<'a> {
    /// The element, for the writers.
    pub(crate) fn element(&self) -> Child<'a> {
        self.element
    }

    /// The `count` attribute, as written.
    pub fn count_raw(&self) -> Option<Str<'a>> {
        self.element.attr("count")
    }

    /// The `count` attribute: messages in the queue (references expanded,
    /// white space at its ends dropped; `None` when it is no number).
    pub fn count(&self) -> Option<u64> {
        // A u64 has at most 20 digits: a longer value is no count.
        let mut buf = [0u8; 24];
        self.count_raw()
            .and_then(|c| plain_ascii(&c.trimmed(), &mut buf).parse().ok())
    }

    /// The `id` attribute: the message to acknowledge.
    pub fn id(&self) -> Option<Str<'a>> {
        self.element.attr("id").map(Str::trimmed)
    }

    /// `<qDate>`, as written.
    pub fn date_raw(&self) -> Option<Str<'a>> {
        self.element.child("qDate").map(|d| d.token())
    }

    /// `<qDate>`, parsed (`None` when absent or not a date-time).
    pub fn date(&self) -> Option<DateTime> {
        parse_date_time(self.date_raw()?)
    }

    /// `<msg>`: mixed content (text and elements), as written.
    pub fn message(&self) -> Option<&'a str> {
        self.element.child("msg").map(|m| m.content_str())
    }

    /// The text of `<msg>` when it holds no elements.
    pub fn message_text(&self) -> Option<Str<'a>> {
        self.element
            .child("msg")
            .filter(|m| m.all_children().next().is_none())
            .map(|m| m.text())
    }

    /// The `lang` of `<msg>`.
    pub fn message_lang(&self) -> Option<Str<'a>> {
        self.element.child("msg").and_then(|m| m.attr("lang"))
    }
}

/// A date-time value read tolerantly: `None` when it does not parse.
pub(crate) fn parse_date_time(raw: Str<'_>) -> Option<DateTime> {
    let mut buf = [0u8; 64];
    DateTime::parse(plain_ascii(&raw, &mut buf))
}

/// A `<result code>`: four digits once references are expanded and XML
/// white space at its ends dropped (`code="&#49;000"` is well-formed and
/// means 1000); `None` otherwise.
fn result_code(value: Str<'_>) -> Option<u16> {
    // Trimmed as a token, a valid code decodes to four bytes whatever
    // references spell it; a value too long for the buffer is no code.
    let mut buf = [0u8; 8];
    let code = plain_ascii(&value.trimmed(), &mut buf);
    if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) {
        code.parse().ok()
    } else {
        None
    }
}

fn read_response_body<'a>(
    w: &mut Walker<'_, 'a>,
    root: Start<'a>,
    response: Start<'a>,
) -> Result<Response<'a>, ResponseError<'a>> {
    let doc = w.tok.input();
    // Where the prefixes of <response>'s children may be bound above them.
    let scope = Scope::ROOT
        .within_tag(doc, root.tag)
        .within_tag(doc, response.tag);
    let mut code = None;
    let mut results = Span::default();
    let mut result_count = 0u32;
    // The first result listed: its start tag, its prefix, and whether it
    // binds that prefix itself.
    let mut first_result: Option<(Span, &'a str, bool)> = None;
    let mut msg_q = None;
    let mut res_data = Extensions::none();
    let mut extensions = Extensions::none();
    let mut tr_id = None;
    while let Some(child) = w.next()? {
        if child.name.namespace() != Namespace::Known(Ns::Epp) {
            w.skip(child)?;
            continue;
        }
        match child.name.local() {
            "result" => {
                let parsed = w.attr("code").and_then(result_code);
                let Some(parsed) = parsed else {
                    return Err(ResponseError {
                        kind: ResponseErrorKind::InvalidResultCode,
                        element: Some(ElementName::known(Ns::Epp, "result")),
                        offset: child.tag.start,
                    });
                };
                code.get_or_insert(ResultCode::from_u16(parsed));
                // The list holds the first result and those after it that
                // the scanner, which resolves no namespace, finds again as
                // of its namespace (see `Matching::SameNamespace`); a
                // result written otherwise is left out, never a foreign
                // element let in.
                let prefix = child.name.prefix();
                let binds_prefix = w.tok.namespace_declarations().any(|(p, _)| p == prefix);
                let span = w.skip(child)?;
                let listed = match first_result {
                    None => {
                        first_result = Some((child.tag, prefix, binds_prefix));
                        results.start = span.start;
                        true
                    }
                    // The usual case, read from the names alone.
                    Some((_, first_prefix, false)) => !binds_prefix && prefix == first_prefix,
                    // Both bind their prefix: compared as the scanner will.
                    Some((first_tag, _, true)) => {
                        binds_prefix
                            && Child::start_tag(doc, first_tag)
                                .zip(Child::start_tag(doc, child.tag))
                                .is_some_and(|(first, tag)| first.lists_with(&tag))
                    }
                };
                if listed {
                    results.end = span.end;
                    result_count += 1;
                }
            }
            "msgQ" => {
                let span = w.skip(child)?;
                msg_q = Child::from_span(doc, span, Matching::SameNamespace, scope)
                    .map(|element| MessageQueue { element });
            }
            "resData" => res_data = read_raw_children(w, root, response, child)?,
            "extension" => extensions = read_raw_children(w, root, response, child)?,
            "trID" => {
                let mut cl_trid = None;
                let mut sv_trid = None;
                while let Some(id) = w.next()? {
                    let span = w.skip(id)?;
                    let text = Children::new(doc, span).next().map(|c| c.token());
                    if id.is(Ns::Epp, "clTRID") {
                        cl_trid = text;
                    } else if id.is(Ns::Epp, "svTRID") {
                        sv_trid = text;
                    }
                }
                let Some(sv_trid) = sv_trid else {
                    return Err(ResponseError::missing(Ns::Epp, "svTRID", w.last_end));
                };
                tr_id = Some((cl_trid, sv_trid));
            }
            _ => {
                w.skip(child)?;
            }
        }
    }
    let span = Span {
        start: response.tag.start,
        end: w.last_end,
    };
    let Some(code) = code else {
        return Err(ResponseError::missing(Ns::Epp, "result", response.tag.end));
    };
    let Some((cl_trid, sv_trid)) = tr_id else {
        return Err(ResponseError::missing(Ns::Epp, "trID", w.last_end));
    };
    Ok(Response {
        code,
        results: List::from_doc_named(
            doc,
            results,
            result_count,
            "result",
            match first_result {
                Some((_, prefix, false)) => Items::SameNamespace {
                    prefix_len: prefix.len() as u16,
                },
                _ => Items::SameNamespaceDeclared,
            },
            scope,
        ),
        msg_q,
        res_data,
        extensions,
        cl_trid,
        sv_trid,
        span,
    })
}

/// Skips a `<resData>` or `<extension>` (just read), counting its
/// children, and noting whether the scanner's rule holds throughout them.
fn read_raw_children<'a>(
    w: &mut Walker<'_, 'a>,
    root: Start<'a>,
    response: Start<'a>,
    parent: Start<'a>,
) -> Result<Extensions<'a>, ResponseError<'a>> {
    let mut len = 0u32;
    let mut spans = ChildSpans::EMPTY;
    w.noting_prefixes = true;
    while let Some(child) = w.next()? {
        spans.push(w.skip(child)?);
        len += 1;
    }
    // Still on: no element below the children broke the rule.
    let uniform = core::mem::replace(&mut w.noting_prefixes, false);
    Ok(Extensions::new(
        w.tok.input(),
        Span {
            start: parent.tag.end,
            end: w.last_content_end.max(parent.tag.end),
        },
        [root.tag, response.tag, parent.tag],
        len,
        spans,
        // The views of the children find their fields without reading
        // their start tags when nothing below them is written otherwise.
        if uniform {
            Matching::SameNamespaceThroughout
        } else {
            Matching::SameNamespace
        },
    ))
}
