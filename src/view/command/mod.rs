//! Commands, read strictly: [`read_command`] gives a [`Request`] whose
//! [`Command`] a server matches exhaustively, or the [`CommandError`] to
//! answer with.

mod common;
pub mod contact;
pub mod domain;
pub mod host;

use super::error::{CommandError, CommandErrorKind, ElementName};
use super::reader::{Elem, Reader};
use super::scan::{Child, Children, List, Matching, Scope, namespace_of};
use super::str::Str;
use super::value::{check_length, value_chars};
use crate::Limits;
use crate::xml::{Namespace, Ns, Span, Token, Tokenizer, XmlError, XmlErrorKind};

pub use common::{AuthInfo, GeneratedPassword};
pub use contact::ContactCommand;
pub use domain::DomainCommand;
pub use host::HostCommand;

/// Reads a command payload (the XML of one frame) with the default [`Limits`].
///
/// # Errors
///
/// A [`CommandError`] naming the EPP result code to answer, the element at
/// fault and its byte offset.
///
/// ```
/// use epp_codec::view::{read_command, Command, DomainCommand};
/// let payload = br#"<?xml version="1.0" encoding="UTF-8"?>
/// <epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check>
///   <domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
///     <domain:name>example.com</domain:name><domain:name>example.net</domain:name>
///   </domain:check></check><clTRID>ABC-12345</clTRID></command></epp>"#;
/// let request = read_command(payload).unwrap();
/// assert_eq!(request.cl_trid().unwrap(), "ABC-12345");
/// let Command::Domain(DomainCommand::Check(check)) = request.command() else { panic!() };
/// let names: Vec<_> = check.names().iter().map(|n| n.to_string()).collect();
/// assert_eq!(names, ["example.com", "example.net"]);
/// ```
pub fn read_command(payload: &[u8]) -> Result<Request<'_>, CommandError<'_>> {
    read_command_with(payload, &Limits::new())
}

/// Reads a command payload under `limits`.
///
/// # Errors
///
/// As [`read_command`].
pub fn read_command_with<'a>(
    payload: &'a [u8],
    limits: &Limits,
) -> Result<Request<'a>, CommandError<'a>> {
    read_command_with_fast_paths(payload, limits, true)
}

/// [`read_command_with`], with the tokenizer's fast paths on
/// (`Tokenizer::set_fast_paths`: layout between elements stepped over, a
/// leaf's text and end tag read in one step; what every caller gets) or
/// off, every token taken (the tests compare the two).
pub(super) fn read_command_with_fast_paths<'a>(
    payload: &'a [u8],
    limits: &Limits,
    fast_paths: bool,
) -> Result<Request<'a>, CommandError<'a>> {
    let input = Tokenizer::payload_text(payload)?;
    let mut tok = Tokenizer::new(input, limits);
    tok.set_fast_paths(fast_paths);
    let mut r = Reader::new(&mut tok);
    let root = r.root()?;
    if !root.is(Ns::Epp, "epp") {
        return Err(
            CommandError::new(CommandErrorKind::NotACommand, root.offset())
                .with_element(root.element_name()),
        );
    }
    r.check_attributes(root, &[])?;
    let epp_tag = root.tag;
    let Some(body) = r.next()? else {
        return Err(
            CommandError::new(CommandErrorKind::MissingElement, r.last_end())
                .with_element(ElementName::known(Ns::Epp, "command")),
        );
    };
    let request = if body.is(Ns::Epp, "hello") {
        r.check_attributes(body, &[])?;
        r.empty(body)?;
        Request {
            command: Command::Hello,
            extensions: Extensions::none(),
            cl_trid: None,
            span: span_to(body, r.last_end()),
        }
    } else if body.is(Ns::Epp, "command") {
        r.check_attributes(body, &[])?;
        read_command_body(&mut r, epp_tag, body)?
    } else if body.is(Ns::Epp, "extension") {
        // An extension command (`<epp><extension>`): no EPP verb at all.
        return Err(
            CommandError::new(CommandErrorKind::UnimplementedExtension, body.offset())
                .with_element(body.element_name()),
        );
    } else {
        return Err(
            CommandError::new(CommandErrorKind::NotACommand, body.offset())
                .with_element(body.element_name()),
        );
    };
    r.end()?;
    r.finish()?;
    Ok(request)
}

fn span_to(e: Elem<'_>, end: usize) -> Span {
    Span {
        start: e.tag.start,
        end,
    }
}

/// A command read from a payload: the [`Command`], its extensions and its
/// client transaction id.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    command: Command<'a>,
    extensions: Extensions<'a>,
    cl_trid: Option<Str<'a>>,
    span: Span,
}

impl<'a> Request<'a> {
    /// A request built by hand, to write: `command`, no extensions, no `<clTRID>`.
    pub const fn new(command: Command<'a>) -> Self {
        Request {
            command,
            extensions: Extensions::none(),
            cl_trid: None,
            span: Span { start: 0, end: 0 },
        }
    }

    /// The same request with client transaction id `cl_trid`.
    pub const fn with_cl_trid(mut self, cl_trid: &'a str) -> Self {
        self.cl_trid = Some(Str::new(cl_trid));
        self
    }

    /// The same request with `extensions`.
    pub const fn with_extensions(mut self, extensions: Extensions<'a>) -> Self {
        self.extensions = extensions;
        self
    }

    /// The command.
    pub fn command(&self) -> &Command<'a> {
        &self.command
    }

    /// The children of `<extension>` (empty when there is none).
    pub fn extensions(&self) -> Extensions<'a> {
        self.extensions
    }

    /// `<clTRID>`, if the client sent one (3–64 characters).
    pub fn cl_trid(&self) -> Option<Str<'a>> {
        self.cl_trid
    }

    /// The `<command>` (or `<hello>`) element in the payload.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// Every command of RFC 5730–5733, by object and verb.
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub enum Command<'a> {
    /// `<hello/>`: the client asks for a greeting.
    Hello,
    /// `<login>`.
    Login(Login<'a>),
    /// `<logout/>`.
    Logout,
    /// `<poll op="req"/>` or `<poll op="ack" msgID="…"/>`.
    Poll(Poll<'a>),
    /// A domain command (RFC 5731).
    Domain(DomainCommand<'a>),
    /// A host command (RFC 5732).
    Host(HostCommand<'a>),
    /// A contact command (RFC 5733).
    Contact(ContactCommand<'a>),
    /// A command on an object this crate does not model (its element is
    /// kept raw); a server that does not implement it answers
    /// [`OtherCommand::unimplemented`] (2307). The object element is in
    /// a namespace other than EPP's (the schema's `##other`): one in EPP's
    /// namespace or in none is refused when read (2001).
    Other(OtherCommand<'a>),
    /// A registry maintenance `<info>` (RFC 9167): one item or the list.
    Maintenance(crate::view::ext::MaintenanceInfo<'a>),
}

/// The verb of an object command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verb {
    /// `<check>`.
    Check,
    /// `<create>`.
    Create,
    /// `<delete>`.
    Delete,
    /// `<info>`.
    Info,
    /// `<renew>`.
    Renew,
    /// `<transfer op="…">`.
    Transfer(TransferOp),
    /// `<update>`.
    Update,
}

impl Verb {
    /// The element name of the verb.
    pub const fn as_str(self) -> &'static str {
        match self {
            Verb::Check => "check",
            Verb::Create => "create",
            Verb::Delete => "delete",
            Verb::Info => "info",
            Verb::Renew => "renew",
            Verb::Transfer(_) => "transfer",
            Verb::Update => "update",
        }
    }
}

/// The `op` of a `<transfer>` command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TransferOp {
    /// `request`: start a transfer.
    Request,
    /// `query`: ask for its status.
    Query,
    /// `approve`: the sponsoring client approves.
    Approve,
    /// `reject`: the sponsoring client rejects.
    Reject,
    /// `cancel`: the requesting client withdraws.
    Cancel,
}

impl TransferOp {
    /// The attribute value.
    pub const fn as_str(self) -> &'static str {
        match self {
            TransferOp::Request => "request",
            TransferOp::Query => "query",
            TransferOp::Approve => "approve",
            TransferOp::Reject => "reject",
            TransferOp::Cancel => "cancel",
        }
    }
}

const TRANSFER_OPS: &[(&str, TransferOp)] = &[
    ("request", TransferOp::Request),
    ("query", TransferOp::Query),
    ("approve", TransferOp::Approve),
    ("reject", TransferOp::Reject),
    ("cancel", TransferOp::Cancel),
];

/// A command on an object namespace this crate does not model.
#[derive(Clone, Copy, Debug)]
pub struct OtherCommand<'a> {
    verb: Verb,
    object: RawElement<'a>,
}

impl<'a> OtherCommand<'a> {
    /// A command on another object, built by hand: `object` is the object
    /// element (e.g. `<obj:check xmlns:obj="…">…</obj:check>`).
    pub const fn new(verb: Verb, object: RawElement<'a>) -> Self {
        OtherCommand { verb, object }
    }

    /// The verb.
    pub fn verb(&self) -> Verb {
        self.verb
    }

    /// The object element (e.g. `<obj:check>`), raw.
    pub fn object(&self) -> RawElement<'a> {
        self.object
    }

    /// The error a server that does not implement the object answers (2307).
    pub fn unimplemented(&self) -> CommandError<'a> {
        CommandError::new(
            CommandErrorKind::UnimplementedObject,
            self.object.span().start,
        )
        .with_element(ElementName {
            namespace: self.object.namespace,
            local: self.object.local,
        })
        .with_span(self.object.span())
    }
}

/// An element kept as raw XML, tagged with its resolved namespace.
#[derive(Clone, Copy, Debug)]
pub struct RawElement<'a> {
    namespace: Namespace<'a>,
    local: &'a str,
    /// The element's span, in 32 bits (the tokenizer refuses a document
    /// of 4 GiB or more), so that `matching` fits beside it.
    start: u32,
    end: u32,
    doc: &'a str,
    /// How the typed views match its children: by local name in a
    /// command, by the prefix rule in a response or an element built by
    /// hand (neither checked against a schema).
    matching: Matching,
    /// Where the prefixes it uses may be bound above it (not known in a
    /// command, where nothing is resolved).
    scope: Scope,
}

impl PartialEq for RawElement<'_> {
    /// Elements compare by name and by their text as written.
    fn eq(&self, other: &Self) -> bool {
        self.namespace == other.namespace
            && self.local == other.local
            && self.as_str() == other.as_str()
    }
}

impl<'a> RawElement<'a> {
    /// A raw element built by hand from its XML, to write: `xml` must be
    /// one well-formed element (white space around it is ignored) that
    /// declares the prefixes it uses.
    ///
    /// # Errors
    ///
    /// The [`XmlError`] when `xml` is not one well-formed element.
    pub fn parse(xml: &'a str) -> Result<Self, XmlError> {
        let limits = Limits::new();
        let mut tokens = Tokenizer::new(xml, &limits);
        let mut root: Option<(Namespace<'a>, &'a str, usize)> = None;
        let mut end = 0;
        while let Some(token) = tokens.next_token()? {
            match token {
                Token::ElementStart(start) if root.is_none() => {
                    let name = start.name();
                    root = Some((name.namespace(), name.local(), start.span().start));
                }
                // A self-closing root's end is empty, at the end of its start tag.
                Token::ElementEnd(e) if tokens.depth() == 0 => end = e.span().end,
                Token::Declaration(d) => {
                    return Err(XmlError::new(
                        XmlErrorKind::MisplacedDeclaration,
                        d.span().start,
                    ));
                }
                _ => {}
            }
        }
        let Some((namespace, local, start)) = root else {
            return Err(XmlError::new(XmlErrorKind::NoRootElement, xml.len()));
        };
        // The root of its own document: nothing above it binds.
        Ok(RawElement::new(namespace, local, Span { start, end }, xml)
            .matched(Matching::SameNamespace)
            .scoped(Scope::ROOT))
    }

    /// An element of a command (its children matched by local name).
    pub(crate) fn new(namespace: Namespace<'a>, local: &'a str, span: Span, doc: &'a str) -> Self {
        RawElement {
            namespace,
            local,
            start: span.start as u32,
            end: span.end as u32,
            doc,
            matching: Matching::ByLocal,
            scope: Scope::UNKNOWN,
        }
    }

    /// The same element, its children matched as `matching` says.
    pub(crate) fn matched(self, matching: Matching) -> Self {
        RawElement { matching, ..self }
    }

    /// The same element, in `scope` (where the prefixes it uses may be
    /// bound above it).
    pub(crate) fn scoped(self, scope: Scope) -> Self {
        RawElement { scope, ..self }
    }

    /// The element, to read its children: matched as the message it
    /// comes from requires.
    pub(crate) fn element(&self) -> Option<Child<'a>> {
        Child::from_span(self.doc, self.span(), self.matching, self.scope)
    }

    /// The element's namespace.
    pub fn namespace(&self) -> Namespace<'a> {
        self.namespace
    }

    /// The element's local name.
    pub fn local(&self) -> &'a str {
        self.local
    }

    /// Whether this is `local` in the known namespace `ns`.
    pub fn is(&self, ns: Ns, local: &str) -> bool {
        self.namespace == Namespace::Known(ns) && self.local == local
    }

    pub(crate) fn document(&self) -> &'a str {
        self.doc
    }

    /// The element's bytes in the payload, start tag to end tag.
    pub fn span(&self) -> Span {
        Span {
            start: self.start as usize,
            end: self.end as usize,
        }
    }

    /// A tokenizer standing just before this element in its message, so
    /// that prefixes declared on its ancestors resolve: the next token is
    /// the element's start tag. Read until its matching end (the
    /// tokenizer's [`depth`](Tokenizer::depth) falls back to where it
    /// was) — this is how an extension the crate does not type is read
    /// with the crate's tokenizer.
    ///
    /// # Errors
    ///
    /// The [`XmlError`] of a message that is not well formed before the
    /// element (never for an element read from a message; possible only
    /// for one built by hand from broken XML).
    pub fn tokens(&self, limits: &Limits) -> Result<Tokenizer<'a>, XmlError> {
        let mut tokens = Tokenizer::with_tolerance(self.doc, limits, true);
        while tokens.offset() < self.span().start {
            if tokens.next_token()?.is_none() {
                break;
            }
        }
        Ok(tokens)
    }

    /// The element as written (well-formed; prefixes declared on its
    /// ancestors are not repeated in it).
    pub fn as_str(&self) -> &'a str {
        self.doc.get(self.span().range()).unwrap_or_default()
    }
}

/// The children of a command's `<extension>`, each a [`RawElement`] with
/// its namespace resolved (read from a command: never EPP's, never none).
#[derive(Clone, Copy, Debug)]
pub struct Extensions<'a> {
    doc: &'a str,
    /// The content of `<extension>`.
    content: Span,
    /// Start tags of `<epp>`, `<command>` and `<extension>`, where prefixes
    /// used by the children may be declared.
    ancestors: [Span; 3],
    len: u32,
    /// Elements built by hand (then `content` is empty).
    built: &'a [RawElement<'a>],
    /// Typed extensions built by hand.
    typed: &'a [Extension<'a>],
    /// Where the first children read are, so that finding one does not
    /// scan its siblings again; and how the typed views match the
    /// children of each element (by local name in a command, by the
    /// prefix rule in a response).
    spans: ChildSpans,
}

/// How many children's spans [`Extensions`] remembers.
const CACHED_CHILDREN: usize = 6;

/// The spans of the first children of an element, recorded while it was
/// read.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ChildSpans {
    spans: [(u32, u32); CACHED_CHILDREN],
    len: u8,
    /// How the typed views match the children of these children: kept
    /// here, in what would be padding after `len`, so that `Extensions`
    /// (two in every `Response`) does not grow.
    matching: Matching,
}

impl ChildSpans {
    /// No span recorded.
    pub(crate) const EMPTY: ChildSpans = ChildSpans {
        spans: [(0, 0); CACHED_CHILDREN],
        len: 0,
        matching: Matching::ByLocal,
    };

    /// The same, for children whose own children are matched as
    /// `matching` says.
    pub(crate) const fn matched(self, matching: Matching) -> Self {
        ChildSpans { matching, ..self }
    }

    /// Records the next child's span (ignored past the capacity).
    pub(crate) fn push(&mut self, span: Span) {
        if let Some(slot) = self.spans.get_mut(usize::from(self.len)) {
            *slot = (span.start as u32, span.end as u32);
            self.len += 1;
        }
    }

    /// The spans, when they are all of the `total` children.
    fn complete(&self, total: u32) -> Option<&[(u32, u32)]> {
        (u32::from(self.len) == total).then(|| &self.spans[..usize::from(self.len)])
    }
}

/// An extension element built by hand: typed, or raw XML.
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub enum Extension<'a> {
    /// secDNS-1.1 `<create>` or `<update>` (commands).
    SecDns(crate::view::ext::SecDns<'a>),
    /// secDNS-1.1 `<infData>` (responses).
    SecDnsInfo(crate::view::ext::SecDnsData<'a>),
    /// rgp-1.0 `<update>` (a restore request or report, commands).
    Rgp(crate::view::ext::RgpUpdate<'a>),
    /// rgp-1.0 `<infData>` (a domain info response).
    RgpInfo(&'a [crate::view::ext::RgpStatus<'a>]),
    /// rgp-1.0 `<upData>` (a domain update response).
    RgpUpdated(&'a [crate::view::ext::RgpStatus<'a>]),
    /// allocationToken-1.0 (commands and info responses).
    AllocationToken(crate::view::ext::AllocationToken<'a>),
    /// loginSec-1.0 `<loginSec>` (a login).
    LoginSec(crate::view::ext::LoginSec<'a>),
    /// loginSec-1.0 `<loginSecData>` events (a login response).
    LoginSecData(&'a [crate::view::ext::LoginSecEvent<'a>]),
    /// Any other extension, as XML.
    Raw(RawElement<'a>),
    /// ttl-1.0 `<create>`, `<update>`, `<info>` or `<infData>`.
    Ttl(crate::view::ext::TtlExtension<'a>),
    /// changePoll-1.0 `<changeData>` (a poll response).
    ChangePoll(crate::view::ext::ChangeData<'a>),
    /// An extension written by the caller's own code (a registry's
    /// extension the crate does not type).
    Custom(&'a dyn crate::write::CustomExtension),
    /// Verisign `<namestoreExt:namestoreExt>` (domain and host commands and
    /// their responses).
    VerisignNamestore(crate::view::ext::Namestore<'a>),
    /// Verisign `<namestoreExt:nsExtErrData>` (an error response).
    VerisignNamestoreError(crate::view::ext::NamestoreError<'a>),
    /// Verisign `<sync:update>` (ConsoliDate, a domain update).
    VerisignSync(crate::view::ext::SyncUpdate<'a>),
    /// Verisign `<lowbalance-poll:pollData>` (the `<resData>` of a poll
    /// response: write it with `ResData::Typed`).
    VerisignLowBalancePoll(crate::view::ext::LowBalancePoll<'a>),
    /// Verisign `<rgp-poll:pollData>` (the `<resData>` of a poll response:
    /// write it with `ResData::Typed`).
    VerisignRgpPoll(crate::view::ext::RgpPoll<'a>),
    /// fee-1.0 `<check>`, `<create>`, `<renew>`, `<transfer>` or `<update>` (commands).
    Fee(crate::view::ext::FeeExtension<'a>),
    /// fee-1.0 `<chkData>`, `<creData>`, `<renData>`, `<trnData>`,
    /// `<updData>` or `<delData>` (responses).
    FeeData(crate::view::ext::FeeData<'a>),
    /// launch-1.0 `<check>`, `<info>`, `<create>`, `<update>` or `<delete>` (commands).
    Launch(crate::view::ext::Launch<'a>),
    /// launch-1.0 `<chkData>`, `<creData>` or `<infData>` (responses).
    LaunchData(crate::view::ext::LaunchData<'a>),
    /// addlEmail-1.0 `<addlEmail>` (a contact create or update, or a
    /// contact info response).
    AddlEmail(crate::view::ext::AddlEmail<'a>),
    /// b-dn `<create>` (a domain create) or a bundle of a domain response.
    Bundling(crate::view::ext::Bundling<'a>),
}

impl<'a> Extensions<'a> {
    pub(crate) const fn new(
        doc: &'a str,
        content: Span,
        ancestors: [Span; 3],
        len: u32,
        spans: ChildSpans,
        matching: Matching,
    ) -> Self {
        Extensions {
            doc,
            content,
            ancestors,
            len,
            built: &[],
            typed: &[],
            spans: spans.matched(matching),
        }
    }

    pub(crate) const fn none() -> Self {
        Extensions {
            doc: "",
            content: Span { start: 0, end: 0 },
            ancestors: [Span { start: 0, end: 0 }; 3],
            len: 0,
            built: &[],
            typed: &[],
            spans: ChildSpans::EMPTY,
        }
    }

    /// The document and the element's content, when the element was read
    /// (present, even if empty of elements).
    pub(crate) fn read_content(&self) -> Option<(&'a str, Span)> {
        (self.content.start > 0).then_some((self.doc, self.content))
    }

    /// The start tags of the ancestors, where the elements' prefixes may
    /// have been declared.
    pub(crate) fn ancestors(&self) -> &[Span; 3] {
        &self.ancestors
    }

    /// How many elements were read (without scanning for them).
    pub(crate) fn read_len(&self) -> u32 {
        self.len
    }

    /// The elements built by hand.
    pub(crate) fn built(&self) -> &'a [RawElement<'a>] {
        self.built
    }

    /// Extension elements built by hand, to write.
    pub const fn from_slice(elements: &'a [RawElement<'a>]) -> Self {
        Extensions {
            doc: "",
            content: Span { start: 0, end: 0 },
            ancestors: [Span { start: 0, end: 0 }; 3],
            len: elements.len() as u32,
            built: elements,
            typed: &[],
            spans: ChildSpans::EMPTY,
        }
    }

    /// Extensions built by hand, typed or raw, to write.
    pub const fn from_typed(extensions: &'a [Extension<'a>]) -> Self {
        Extensions {
            doc: "",
            content: Span { start: 0, end: 0 },
            ancestors: [Span { start: 0, end: 0 }; 3],
            len: extensions.len() as u32,
            built: &[],
            typed: extensions,
            spans: ChildSpans::EMPTY,
        }
    }

    /// The typed extensions built by hand.
    pub(crate) fn typed(&self) -> &'a [Extension<'a>] {
        self.typed
    }

    /// The secDNS-1.1 command extension (`<secDNS:create>` or
    /// `<secDNS:update>`), if there is one.
    pub fn sec_dns(&self) -> Option<crate::view::ext::SecDns<'a>> {
        for e in self.typed {
            if let Extension::SecDns(sec_dns) = e {
                return Some(*sec_dns);
            }
        }
        self.find(Ns::SecDns11)
            .and_then(crate::view::ext::SecDns::from_raw)
    }

    /// The rgp-1.0 `<update>` of a command (a restore), if there is one.
    pub fn rgp(&self) -> Option<crate::view::ext::RgpUpdate<'a>> {
        for e in self.typed {
            if let Extension::Rgp(update) = e {
                return Some(*update);
            }
        }
        self.find(Ns::Rgp)
            .and_then(crate::view::ext::RgpUpdate::from_raw)
    }

    /// The grace-period statuses of a response's rgp-1.0 `<infData>` or
    /// `<upData>`, if there is one.
    pub fn rgp_statuses(&self) -> Option<List<'a, crate::view::ext::RgpStatus<'a>>> {
        for e in self.typed {
            if let Extension::RgpInfo(statuses) | Extension::RgpUpdated(statuses) = e {
                return Some(List::from_slice(statuses));
            }
        }
        self.find(Ns::Rgp)
            .and_then(crate::view::ext::rgp::statuses_from_raw)
    }

    /// The allocationToken-1.0 element (a token, or `<info/>`), if there is one.
    pub fn allocation_token(&self) -> Option<crate::view::ext::AllocationToken<'a>> {
        for e in self.typed {
            if let Extension::AllocationToken(token) = e {
                return Some(*token);
            }
        }
        self.find(Ns::AllocationToken)
            .and_then(crate::view::ext::AllocationToken::from_raw)
    }

    /// The loginSec-1.0 `<loginSec>` of a login, if there is one.
    pub fn login_sec(&self) -> Option<crate::view::ext::LoginSec<'a>> {
        for e in self.typed {
            if let Extension::LoginSec(login_sec) = e {
                return Some(*login_sec);
            }
        }
        self.find(Ns::LoginSec)
            .and_then(crate::view::ext::LoginSec::from_raw)
    }

    /// The loginSec-1.0 events of a login response, if there are any.
    pub fn login_sec_events(&self) -> Option<List<'a, crate::view::ext::LoginSecEvent<'a>>> {
        for e in self.typed {
            if let Extension::LoginSecData(events) = e {
                return Some(List::from_slice(events));
            }
        }
        self.find(Ns::LoginSec)
            .and_then(crate::view::ext::login_sec::events_from_raw)
    }

    /// The changePoll-1.0 `<changeData>` of a poll response, if there is one.
    pub fn change_poll(&self) -> Option<crate::view::ext::ChangeData<'a>> {
        for e in self.typed {
            if let Extension::ChangePoll(change) = e {
                return Some(*change);
            }
        }
        self.find(Ns::ChangePoll)
            .and_then(crate::view::ext::ChangeData::from_raw)
    }

    /// The ttl-1.0 element of a command or info response, if there is one.
    pub fn ttl(&self) -> Option<crate::view::ext::TtlExtension<'a>> {
        for e in self.typed {
            if let Extension::Ttl(ttl) = e {
                return Some(*ttl);
            }
        }
        self.find(Ns::Ttl)
            .and_then(crate::view::ext::TtlExtension::from_raw)
    }

    /// The fee element of a command (`<fee:check>` or a transform), if
    /// there is one: fee-1.0, or a draft (0.12, 0.11, 0.6) read tolerantly.
    pub fn fee(&self) -> Option<crate::view::ext::FeeExtension<'a>> {
        for e in self.typed {
            if let Extension::Fee(fee) = e {
                return Some(*fee);
            }
        }
        self.iter()
            .find_map(crate::view::ext::FeeExtension::from_raw)
    }

    /// The fee element of a response (`<fee:chkData>`, `<fee:creData>`,
    /// …), if there is one: fee-1.0, or a draft (0.12, 0.11, 0.6) read
    /// tolerantly.
    pub fn fee_data(&self) -> Option<crate::view::ext::FeeData<'a>> {
        for e in self.typed {
            if let Extension::FeeData(data) = e {
                return Some(*data);
            }
        }
        self.iter().find_map(crate::view::ext::FeeData::from_raw)
    }

    /// The addlEmail-1.0 `<addlEmail>` of a contact command or info
    /// response, if there is one.
    pub fn addl_email(&self) -> Option<crate::view::ext::AddlEmail<'a>> {
        for e in self.typed {
            if let Extension::AddlEmail(email) = e {
                return Some(*email);
            }
        }
        self.find(Ns::AddlEmail)
            .and_then(crate::view::ext::AddlEmail::from_raw)
    }

    /// The b-dn element of a domain create or response, if there is one.
    pub fn bundling(&self) -> Option<crate::view::ext::Bundling<'a>> {
        for e in self.typed {
            if let Extension::Bundling(bundling) = e {
                return Some(*bundling);
            }
        }
        self.find(Ns::BundlingDn)
            .and_then(crate::view::ext::Bundling::from_raw)
    }

    /// The maintenance-1.0 `<infData>` of a response's `<resData>` (an
    /// info response or a poll message; call it on
    /// [`Response::res_data`](crate::view::Response::res_data)), if there
    /// is one.
    pub fn maintenance(&self) -> Option<crate::view::ext::MaintenanceData<'a>> {
        self.find(Ns::Maintenance)
            .and_then(crate::view::ext::MaintenanceData::from_raw)
    }

    /// The secDNS `<infData>` of a response, if there is one: secDNS-1.1's,
    /// or else the older secDNS-1.0's (RFC 4310), which some registries
    /// still send.
    pub fn sec_dns_info(&self) -> Option<crate::view::ext::SecDnsData<'a>> {
        for e in self.typed {
            if let Extension::SecDnsInfo(data) = e {
                return Some(*data);
            }
        }
        self.find(Ns::SecDns11)
            .or_else(|| self.find(Ns::SecDns10))
            .and_then(crate::view::ext::SecDnsData::from_raw)
    }

    /// Verisign's `<namestoreExt:namestoreExt>` (the sub-product), if
    /// there is one.
    pub fn verisign_namestore(&self) -> Option<crate::view::ext::Namestore<'a>> {
        for e in self.typed {
            if let Extension::VerisignNamestore(namestore) = e {
                return Some(*namestore);
            }
        }
        self.iter().find_map(crate::view::ext::Namestore::from_raw)
    }

    /// Verisign's `<namestoreExt:nsExtErrData>` of an error response, if
    /// there is one.
    pub fn verisign_namestore_error(&self) -> Option<crate::view::ext::NamestoreError<'a>> {
        for e in self.typed {
            if let Extension::VerisignNamestoreError(error) = e {
                return Some(*error);
            }
        }
        self.iter()
            .find_map(crate::view::ext::NamestoreError::from_raw)
    }

    /// Verisign's `<sync:update>` (ConsoliDate) of a domain update, if there
    /// is one.
    pub fn verisign_sync(&self) -> Option<crate::view::ext::SyncUpdate<'a>> {
        for e in self.typed {
            if let Extension::VerisignSync(sync) = e {
                return Some(*sync);
            }
        }
        self.find(Ns::VerisignSync)
            .and_then(crate::view::ext::SyncUpdate::from_raw)
    }

    /// Verisign's low-balance poll message, when these are a poll
    /// response's [`res_data`](crate::view::Response::res_data).
    pub fn verisign_low_balance(&self) -> Option<crate::view::ext::LowBalancePoll<'a>> {
        for e in self.typed {
            if let Extension::VerisignLowBalancePoll(poll) = e {
                return Some(*poll);
            }
        }
        self.find(Ns::VerisignLowBalancePoll)
            .and_then(crate::view::ext::LowBalancePoll::from_raw)
    }

    /// Verisign's restore poll message, when these are a poll response's
    /// [`res_data`](crate::view::Response::res_data).
    pub fn verisign_rgp_poll(&self) -> Option<crate::view::ext::RgpPoll<'a>> {
        for e in self.typed {
            if let Extension::VerisignRgpPoll(poll) = e {
                return Some(*poll);
            }
        }
        self.find(Ns::VerisignRgpPoll)
            .and_then(crate::view::ext::RgpPoll::from_raw)
    }

    /// The launch-1.0 command extension (RFC 8334), if there is one.
    pub fn launch(&self) -> Option<crate::view::ext::Launch<'a>> {
        for e in self.typed {
            if let Extension::Launch(launch) = e {
                return Some(*launch);
            }
        }
        self.iter().find_map(crate::view::ext::Launch::from_raw)
    }

    /// The launch-1.0 response extension (RFC 8334), if there is one.
    pub fn launch_data(&self) -> Option<crate::view::ext::LaunchData<'a>> {
        for e in self.typed {
            if let Extension::LaunchData(data) = e {
                return Some(*data);
            }
        }
        self.iter().find_map(crate::view::ext::LaunchData::from_raw)
    }

    /// How many extension elements there are.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The extension elements, in order.
    pub fn iter(&self) -> impl Iterator<Item = RawElement<'a>> + 'a {
        let this = *self;
        // Spans recorded while reading, when there are few children: each
        // is found without skipping over its siblings.
        let (cached, scanned): (&[(u32, u32)], Span) = match self.spans.complete(self.len) {
            Some(spans) if self.content.start > 0 => (spans, Span { start: 0, end: 0 }),
            _ => (&[], self.content),
        };
        let cached: heapless::Vec<(u32, u32), CACHED_CHILDREN> = cached.iter().copied().collect();
        let doc = self.doc;
        self.built.iter().copied().chain(
            cached
                .into_iter()
                .filter_map(move |(start, end)| {
                    Child::from_span(
                        doc,
                        Span {
                            start: start as usize,
                            end: end as usize,
                        },
                        Matching::ByLocal,
                        Scope::UNKNOWN,
                    )
                })
                .chain(Children::new(self.doc, scanned))
                .map(move |c| this.raw(c)),
        )
    }

    /// The first extension element in namespace `ns`.
    pub fn find(&self, ns: Ns) -> Option<RawElement<'a>> {
        self.iter().find(|e| e.namespace == Namespace::Known(ns))
    }

    fn raw(&self, c: Child<'a>) -> RawElement<'a> {
        let prefix = c.prefix();
        let namespace = self.resolve(c, prefix).unwrap_or(Namespace::None);
        let raw = RawElement::new(namespace, c.local(), c.span(), self.doc);
        match self.spans.matching {
            Matching::ByLocal => raw,
            // The views resolve prefixes from the ancestors' start tags.
            matching => raw.matched(matching).scoped(
                self.ancestors
                    .iter()
                    .fold(Scope::ROOT, |scope, &tag| scope.within_tag(self.doc, tag)),
            ),
        }
    }

    fn resolve(&self, c: Child<'a>, prefix: &str) -> Option<Namespace<'a>> {
        let mut attr = heapless::String::<80>::new();
        if prefix.is_empty() {
            attr.push_str("xmlns").ok()?;
        } else {
            attr.push_str("xmlns:").ok()?;
            attr.push_str(prefix).ok()?;
        }
        if let Some(uri) = c.attr(&attr) {
            return Some(namespace_of(uri));
        }
        for tag in self.ancestors.iter().rev() {
            if let Some(uri) = Child::start_tag(self.doc, *tag).and_then(|t| t.attr(&attr)) {
                return Some(namespace_of(uri));
            }
        }
        None
    }
}

fn read_command_body<'a>(
    r: &mut Reader<'_, 'a>,
    epp_tag: Span,
    command_elem: Elem<'a>,
) -> Result<Request<'a>, CommandError<'a>> {
    let Some(verb_elem) = r.next()? else {
        return Err(
            CommandError::new(CommandErrorKind::MissingElement, r.last_end())
                .with_element(ElementName::known(Ns::Epp, "check")),
        );
    };
    if verb_elem.name.namespace() != Namespace::Known(Ns::Epp) {
        return Err(r.unexpected(verb_elem));
    }
    let verb = match verb_elem.name.local() {
        "check" => Some(Verb::Check),
        "create" => Some(Verb::Create),
        "delete" => Some(Verb::Delete),
        "info" => Some(Verb::Info),
        "renew" => Some(Verb::Renew),
        "update" => Some(Verb::Update),
        "transfer" => {
            r.check_attributes(verb_elem, &["op"])?;
            let op = r.required_attr(verb_elem, "op")?;
            let op = super::value::check_enum(
                op,
                TRANSFER_OPS,
                "a transfer op (request, query, approve, reject, cancel)",
                verb_elem.element_name(),
                verb_elem.tag,
            )
            .map_err(|e| e.with_attribute("op"))?;
            Some(Verb::Transfer(op))
        }
        _ => None,
    };
    let command = match (verb, verb_elem.name.local()) {
        (Some(verb), _) => {
            if !matches!(verb, Verb::Transfer(_)) {
                r.check_attributes(verb_elem, &[])?;
            }
            let command = read_object_command(r, verb, verb_elem)?;
            r.end()?;
            command
        }
        (None, "login") => Command::Login(read_login(r, verb_elem)?),
        (None, "logout") => {
            r.check_attributes(verb_elem, &[])?;
            r.empty(verb_elem)?;
            Command::Logout
        }
        (None, "poll") => Command::Poll(read_poll(r, verb_elem)?),
        _ => {
            return Err(
                CommandError::new(CommandErrorKind::UnknownCommand, verb_elem.offset())
                    .with_element(verb_elem.element_name()),
            );
        }
    };
    let mut extensions = Extensions::none();
    if let Some(ext) = r.optional(Ns::Epp, "extension")? {
        r.check_attributes(ext, &[])?;
        let mut len = 0u32;
        let mut spans = ChildSpans::EMPTY;
        let content_start = ext.tag.end;
        while let Some(child) = r.next()? {
            // extAnyType's wildcard is `##other`: an extension is in a
            // namespace, and not EPP's.
            if !is_other_namespace(child.name.namespace(), Ns::Epp) {
                return Err(r.unexpected(child));
            }
            // Typed extensions are checked as strictly as the command.
            if child.name.namespace() == Namespace::Known(Ns::SecDns11) {
                crate::view::ext::sec_dns::read(r, &command, child)?;
            } else if child.name.namespace() == Namespace::Known(Ns::Rgp) {
                crate::view::ext::rgp::read(r, &command, child)?;
            } else if child.name.namespace() == Namespace::Known(Ns::AllocationToken) {
                crate::view::ext::allocation_token::read(r, &command, child)?;
            } else if child.name.namespace() == Namespace::Known(Ns::LoginSec) {
                crate::view::ext::login_sec::read(r, &command, child)?;
            } else if child.name.namespace() == Namespace::Known(Ns::Ttl) {
                crate::view::ext::ttl::read(r, &command, child)?;
            } else if child.name.namespace() == Namespace::Known(Ns::VerisignNamestoreExt) {
                crate::view::ext::verisign::read_namestore(r, &command, child)?;
            } else if child.name.namespace() == Namespace::Known(Ns::VerisignSync) {
                crate::view::ext::verisign::read_sync(r, &command, child)?;
            } else if child.name.namespace() == Namespace::Known(Ns::Fee10) {
                crate::view::ext::fee::read(r, &command, child)?;
            } else if child.name.namespace() == Namespace::Known(Ns::Launch) {
                crate::view::ext::launch::read(r, &command, child)?;
            } else if child.name.namespace() == Namespace::Known(Ns::AddlEmail) {
                crate::view::ext::addl_email::read(r, &command, child)?;
            } else if child.name.namespace() == Namespace::Known(Ns::BundlingDn) {
                crate::view::ext::bundling::read(r, &command, child)?;
            } else {
                r.skip(child)?;
            }
            spans.push(span_to(child, r.last_end()));
            len += 1;
        }
        if len == 0 {
            // extAnyType requires at least one element.
            return Err(r.missing_any(ext));
        }
        extensions = Extensions {
            doc: r.input(),
            content: Span {
                start: content_start,
                end: r.content_end(),
            },
            ancestors: [epp_tag, command_elem.tag, ext.tag],
            len,
            built: &[],
            typed: &[],
            spans,
        };
    }
    let mut cl_trid = None;
    if let Some(e) = r.optional(Ns::Epp, "clTRID")? {
        r.check_attributes(e, &[])?;
        let value = r.token(e)?;
        let span = span_to(e, r.last_end());
        cl_trid = Some(check_length(value, 3, 64, e.element_name(), span)?);
    }
    r.end()?;
    Ok(Request {
        command,
        extensions,
        cl_trid,
        span: span_to(command_elem, r.last_end()),
    })
}

fn read_object_command<'a>(
    r: &mut Reader<'_, 'a>,
    verb: Verb,
    verb_elem: Elem<'a>,
) -> Result<Command<'a>, CommandError<'a>> {
    let Some(object) = r.next()? else {
        return Err(r.missing_any(verb_elem));
    };
    // readWriteType's and transferType's wildcard is `##other`: the object
    // element is in a namespace, and not EPP's (`<check><check/></check>`
    // is out of place, 2001, not an unknown object service, 2307).
    if !is_other_namespace(object.name.namespace(), Ns::Epp) {
        return Err(r.unexpected(object));
    }
    Ok(match object.name.namespace() {
        Namespace::Known(Ns::Domain) => Command::Domain(domain::read(r, verb, object)?),
        Namespace::Known(Ns::Host) => Command::Host(host::read(r, verb, object)?),
        Namespace::Known(Ns::Contact) => Command::Contact(contact::read(r, verb, object)?),
        Namespace::Known(Ns::Maintenance) => {
            Command::Maintenance(crate::view::ext::maintenance::read(r, verb, object)?)
        }
        namespace => {
            let span = r.skip(object)?;
            Command::Other(OtherCommand {
                verb,
                object: RawElement::new(namespace, object.name.local(), span, r.input()),
            })
        }
    })
}

/// Whether an element in `namespace` matches a schema wildcard
/// `namespace="##other"` of the schema whose target namespace is `target`:
/// any namespace but the target, and not none (XML Schema 1.0 §3.10.1).
pub(crate) fn is_other_namespace(namespace: Namespace<'_>, target: Ns) -> bool {
    match namespace {
        Namespace::None => false,
        Namespace::Known(ns) => ns != target,
        Namespace::Other(_) => true,
    }
}

/// `<login>` (RFC 5730 §2.9.1.1).
#[derive(Clone, Copy, Debug)]
pub struct Login<'a> {
    client_id: Str<'a>,
    password: Str<'a>,
    new_password: Option<Str<'a>>,
    version: Str<'a>,
    lang: Str<'a>,
    object_uris: List<'a, Str<'a>>,
    extension_uris: List<'a, Str<'a>>,
}

impl<'a> Login<'a> {
    /// A login built by hand: protocol version `1.0`, language `en`, no
    /// new password, no extension URIs.
    pub const fn new(client_id: &'a str, password: &'a str, object_uris: &'a [Str<'a>]) -> Self {
        Login {
            client_id: Str::new(client_id),
            password: Str::new(password),
            new_password: None,
            version: Str::new("1.0"),
            lang: Str::new("en"),
            object_uris: List::from_slice(object_uris),
            extension_uris: List::empty(),
        }
    }

    /// The same login, changing the password to `new_password`.
    pub const fn with_new_password(mut self, new_password: &'a str) -> Self {
        self.new_password = Some(Str::new(new_password));
        self
    }

    /// The same login in language `lang`.
    pub const fn with_lang(mut self, lang: &'a str) -> Self {
        self.lang = Str::new(lang);
        self
    }

    /// The same login asking for the extensions `uris`.
    pub const fn with_extension_uris(mut self, uris: &'a [Str<'a>]) -> Self {
        self.extension_uris = List::from_slice(uris);
        self
    }

    /// `<clID>`: the client identifier (3–16 characters).
    pub fn client_id(&self) -> Str<'a> {
        self.client_id
    }

    /// `<pw>`: the password (6–16 characters).
    pub fn password(&self) -> Str<'a> {
        self.password
    }

    /// `<newPW>`: a new password to set (6–16 characters).
    pub fn new_password(&self) -> Option<Str<'a>> {
        self.new_password
    }

    /// `<options><version>`: the protocol version (always `1.0`: any other
    /// is refused with 2100).
    pub fn version(&self) -> Str<'a> {
        self.version
    }

    /// `<options><lang>`: the language the client wants responses in.
    pub fn lang(&self) -> Str<'a> {
        self.lang
    }

    /// `<svcs><objURI>`: the object services the client will use.
    pub fn object_uris(&self) -> List<'a, Str<'a>> {
        self.object_uris
    }

    /// `<svcs><svcExtension><extURI>`: the extensions the client will use.
    pub fn extension_uris(&self) -> List<'a, Str<'a>> {
        self.extension_uris
    }
}

fn read_login<'a>(r: &mut Reader<'_, 'a>, login: Elem<'a>) -> Result<Login<'a>, CommandError<'a>> {
    r.check_attributes(login, &[])?;
    let token =
        |r: &mut Reader<'_, 'a>, ns, local, min, max| -> Result<Str<'a>, CommandError<'a>> {
            let e = r.required(ns, local)?;
            r.check_attributes(e, &[])?;
            let v = r.token(e)?;
            check_length(v, min, max, e.element_name(), span_to(e, r.last_end()))
        };
    let client_id = token(r, Ns::Epp, "clID", 3, 16)?;
    let password = token(r, Ns::Epp, "pw", 6, 16)?;
    let new_password = match r.optional(Ns::Epp, "newPW")? {
        Some(e) => {
            r.check_attributes(e, &[])?;
            let v = r.token(e)?;
            Some(check_length(
                v,
                6,
                16,
                e.element_name(),
                span_to(e, r.last_end()),
            )?)
        }
        None => None,
    };
    let options = r.required(Ns::Epp, "options")?;
    r.check_attributes(options, &[])?;
    let version_elem = r.required(Ns::Epp, "version")?;
    r.check_attributes(version_elem, &[])?;
    let version = r.token(version_elem)?;
    let version_span = span_to(version_elem, r.last_end());
    if !version_pattern(&version) {
        return Err(super::value::value_error(
            CommandErrorKind::InvalidValue {
                expected: "a protocol version (1.0)",
            },
            version_elem.element_name(),
            version,
            version_span,
        ));
    }
    if !value_chars(&version).eq("1.0".chars()) {
        return Err(super::value::value_error(
            CommandErrorKind::UnimplementedProtocolVersion,
            version_elem.element_name(),
            version,
            version_span,
        ));
    }
    let lang_elem = r.required(Ns::Epp, "lang")?;
    r.check_attributes(lang_elem, &[])?;
    let lang = r.token(lang_elem)?;
    if !language_pattern(&lang) {
        return Err(super::value::value_error(
            CommandErrorKind::InvalidValue {
                expected: "a language tag",
            },
            lang_elem.element_name(),
            lang,
            span_to(lang_elem, r.last_end()),
        ));
    }
    r.end()?; // </options>
    let svcs = r.required(Ns::Epp, "svcs")?;
    r.check_attributes(svcs, &[])?;
    let uri = |r: &mut Reader<'_, 'a>, e: Elem<'a>| -> Result<(), CommandError<'a>> {
        r.check_attributes(e, &[])?;
        r.token(e).map(|_| ())
    };
    let (span, len) = r.run(Ns::Epp, "objURI", 1, u32::MAX, uri)?;
    let object_uris = List::from_doc(r.input(), span, len);
    let mut extension_uris = List::empty();
    if let Some(ext) = r.optional(Ns::Epp, "svcExtension")? {
        r.check_attributes(ext, &[])?;
        let (span, len) = r.run(Ns::Epp, "extURI", 1, u32::MAX, uri)?;
        extension_uris = List::from_doc(r.input(), span, len);
        r.end()?;
    }
    r.end()?; // </svcs>
    r.end()?; // </login>
    Ok(Login {
        client_id,
        password,
        new_password,
        version,
        lang,
        object_uris,
        extension_uris,
    })
}

/// `versionType`: `[1-9]+\.[0-9]+`, on the decoded value (references and
/// CDATA sections too: the pattern has no length bound, so no fixed
/// buffer would hold every valid value; the characters are matched one by one).
fn version_pattern(v: &Str<'_>) -> bool {
    let (mut major, mut minor, mut dot) = (0usize, 0usize, false);
    for c in value_chars(v) {
        match c {
            '1'..='9' if !dot => major += 1,
            '.' if !dot => dot = true,
            '0'..='9' if dot => minor += 1,
            _ => return false,
        }
    }
    major > 0 && minor > 0
}

/// XML Schema `language`: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`, on the
/// decoded value (unbounded, so matched character by character).
fn language_pattern(v: &Str<'_>) -> bool {
    let (mut part_len, mut first_part) = (0usize, true);
    for c in value_chars(v) {
        if c == '-' {
            if part_len == 0 {
                return false;
            }
            (part_len, first_part) = (0, false);
        } else if c.is_ascii_alphabetic() || (!first_part && c.is_ascii_digit()) {
            part_len += 1;
            if part_len > 8 {
                return false;
            }
        } else {
            return false;
        }
    }
    part_len > 0
}

/// An XML Schema `language` value in attribute `attribute` of `e` (2005 otherwise).
pub(crate) fn check_language<'a>(
    value: Str<'a>,
    e: Elem<'a>,
    attribute: &'a str,
) -> Result<Str<'a>, CommandError<'a>> {
    if language_pattern(&value) {
        Ok(value)
    } else {
        Err(super::value::value_error(
            CommandErrorKind::InvalidValue {
                expected: "a language tag",
            },
            e.element_name(),
            value,
            e.tag,
        )
        .with_attribute(attribute))
    }
}

/// `<poll>` (RFC 5730 §2.9.2.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Poll<'a> {
    /// `op="req"`: ask for the first queued message.
    Request,
    /// `op="ack"`: dequeue the message with this `msgID`.
    Acknowledge {
        /// The message id.
        message_id: Str<'a>,
    },
}

fn read_poll<'a>(r: &mut Reader<'_, 'a>, poll: Elem<'a>) -> Result<Poll<'a>, CommandError<'a>> {
    r.check_attributes(poll, &["op", "msgID"])?;
    let op = r.required_attr(poll, "op")?;
    let op = super::value::check_enum(
        op,
        &[("req", false), ("ack", true)],
        "a poll op (req, ack)",
        poll.element_name(),
        poll.tag,
    )
    .map_err(|e| e.with_attribute("op"))?;
    let message_id = r.attr("msgID").map(Str::trimmed);
    r.empty(poll)?;
    if !op {
        return Ok(Poll::Request);
    }
    match message_id {
        Some(message_id) => Ok(Poll::Acknowledge { message_id }),
        None => Err(
            CommandError::new(CommandErrorKind::MissingAttribute, poll.offset())
                .with_element(poll.element_name())
                .with_attribute("msgID")
                .with_span(poll.tag),
        ),
    }
}
