//! The pull tokenizer: one pass, no allocation, namespaces resolved as it goes.

use heapless::Vec;

use super::chars::{
    self, ATTR_STOP, MARKUP_STOP, NAME_CHAR, NAME_START, NON_ASCII, TEXT_STOP, class, is_space,
    same_bytes,
};
use super::error::{XmlError, XmlErrorKind};
use super::escape::{Reference, check_reference};
use super::ns::{Namespace, Ns, Uri};
use super::token::{
    Attribute, Comment, Declaration, ElementEnd, ElementStart, Name, NsKind, ProcessingInstruction,
    Span, Text, Token, split_qname,
};
use crate::{Limit, Limits};

const DEPTH_CAP: usize = Limits::DEPTH_CAPACITY as usize;
const ATTR_CAP: usize = Limits::ATTRIBUTES_CAPACITY as usize;
const BINDING_CAP: usize = Limits::NAMESPACE_BINDINGS_CAPACITY as usize;

/// A namespace kept as offsets into the document, so the stacks stay small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NsRef {
    None,
    Known(Ns),
    Other {
        start: u32,
        len: u32,
        has_refs: bool,
    },
}

/// Where a prefix resolved: an index into the bindings, or one of two fixed answers.
type Resolution = u16;

/// What one step of the state machine yields. Every token producer returns
/// this type, the one `next_token` returns, so a token is built in place in
/// the caller's slot: re-wrapping a `Result<Token, _>` in `Some` copied it
/// through the stack with a store-forwarding stall on every token.
type Step<'a> = Result<Option<Token<'a>>, XmlError>;

/// An unprefixed name with no default namespace in scope.
const RESOLVED_NONE: Resolution = u16::MAX;
/// The `xml` prefix, bound by definition.
const RESOLVED_XML: Resolution = u16::MAX - 1;

#[derive(Clone, Copy, Debug)]
struct OpenElement {
    name_start: u32,
    name_len: u16,
    prefix_len: u16,
    resolution: Resolution,
    bindings_len: u16,
}

#[derive(Clone, Copy, Debug)]
struct Binding {
    /// [`prefix_key`] of the prefix: equal keys and lengths up to 8 mean
    /// equal prefixes, so lookups rarely touch the document.
    key: u64,
    prefix_start: u32,
    prefix_len: u16,
    ns: NsRef,
}

/// The first (up to) eight bytes of a prefix, packed: a cheap first compare.
#[inline]
fn prefix_key(prefix: &[u8]) -> u64 {
    // The same value as copying the first `min(len, 8)` bytes into a zeroed
    // `[u8; 8]`, from at most two loads and no call to `memcpy`.
    let n = prefix.len();
    let byte = |i: usize| prefix.get(i).map_or(0, |&b| u64::from(b));
    let word4 = |i: usize| {
        prefix
            .get(i..i + 4)
            .and_then(|c| <[u8; 4]>::try_from(c).ok())
            .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
    };
    if n >= 8 {
        prefix
            .get(..8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
            .map_or(0, u64::from_le_bytes)
    } else if n >= 4 {
        // Two overlapping words; the bytes they share are the same.
        word4(0) | (word4(n - 4) << (8 * (n - 4)))
    } else if n > 0 {
        byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)))
    } else {
        0
    }
}

/// The last element prefix resolved, and what it resolved to; valid until
/// the bindings change. A prefix of up to eight bytes is matched again by
/// [`prefix_key`] and length.
#[derive(Clone, Copy, Debug)]
struct ResolvedPrefix<'a> {
    key: u64,
    /// `u16::MAX` when no prefix may match it (none yet, or a longer one).
    prefix_len: u16,
    resolution: Resolution,
    /// What it resolved to, as a [`Name`] keeps it.
    uri: &'a str,
    ns: NsKind,
}

const NO_RESOLVED_PREFIX: ResolvedPrefix<'static> = ResolvedPrefix {
    key: 0,
    prefix_len: u16::MAX,
    resolution: RESOLVED_NONE,
    uri: "",
    ns: NsKind::NONE,
};

#[derive(Clone, Copy, Debug)]
struct RawAttribute {
    name_start: u32,
    name_len: u16,
    /// 0 for no prefix; otherwise the prefix's length (the colon follows it).
    prefix_len: u16,
    value_start: u32,
    value_len: u32,
    needs_unescape: bool,
    /// `xmlns` or `xmlns:p`: a namespace declaration, not an attribute.
    is_declaration: bool,
    ns: NsRef,
}

impl RawAttribute {
    /// An attribute (not a declaration) with a prefix to resolve.
    #[inline]
    fn is_prefixed_attribute(&self) -> bool {
        !self.is_declaration && self.prefix_len != 0
    }
}

/// What kinds of attribute a start tag has, as its attributes are read:
/// the passes over them that namespaces need run only when they have work.
#[derive(Clone, Copy, Debug)]
struct AttributeKinds {
    /// Some attribute is a namespace declaration.
    declarations: bool,
    /// Some attribute (not a declaration) has a prefix to resolve.
    prefixed: bool,
}

impl AttributeKinds {
    const NONE: AttributeKinds = AttributeKinds {
        declarations: false,
        prefixed: false,
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before the root element.
    Prolog,
    /// Inside the root element.
    Content,
    /// After the root element.
    Epilog,
}

/// A pull tokenizer for EPP payloads.
///
/// It checks well-formedness as it goes (matched tags, unique attributes,
/// bound prefixes, legal names, characters and references, one root, no
/// DOCTYPE), resolves every name to its namespace, and allocates nothing:
/// its stacks are fixed arrays bounded by [`Limits`]. Text comes out raw;
/// references are replaced only when asked ([`Text::unescaped`]).
///
/// After an error, every call returns that error again.
///
/// ```
/// use epp_codec::{Limits, xml::{Tokenizer, Token, Ns}};
/// let doc = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"
///   xmlns:d="urn:ietf:params:xml:ns:domain-1.0"><d:name>example.com</d:name></epp>"#;
/// let mut t = Tokenizer::new(doc, &Limits::new());
/// let mut seen = false;
/// while let Some(token) = t.next_token().unwrap() {
///     if let Token::ElementStart(e) = token {
///         seen |= e.name().is(Ns::Domain, "name");
///     }
/// }
/// assert!(seen);
/// ```
#[derive(Debug, Clone)]
pub struct Tokenizer<'a> {
    input: &'a str,
    pos: usize,
    /// Where the document proper starts (after a byte-order mark).
    doc_start: usize,
    limits: Limits,
    state: State,
    /// The last start tag was self-closing: its end comes next.
    pending_end: bool,
    error: Option<XmlError>,
    /// The error was already yielded by the `Iterator` impl.
    error_yielded: bool,
    /// Unbound prefixes resolve to no namespace instead of failing.
    tolerate_unbound_prefixes: bool,
    /// The readers' fast paths are on (see `set_fast_paths`).
    fast_paths: bool,
    open: Vec<OpenElement, DEPTH_CAP>,
    bindings: Vec<Binding, BINDING_CAP>,
    attrs: Vec<RawAttribute, ATTR_CAP>,
    /// The name of the most recent start tag, and the depth it opened:
    /// most end tags close a leaf, whose name is then not built again.
    last_name: Name<'a>,
    last_depth: usize,
    resolved: ResolvedPrefix<'a>,
}

/// What [`Tokenizer::leaf_value`] read: the leaf's value runs from its
/// start tag's end to `end_tag.start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LeafValue {
    /// The end tag's span.
    pub(crate) end_tag: Span,
    /// The value has references or carriage returns.
    pub(crate) needs_unescape: bool,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer over a document already known to be UTF-8.
    ///
    /// A leading byte-order mark is skipped. A document over 4 GiB fails on
    /// the first call with [`XmlErrorKind::InputTooLarge`].
    #[inline]
    pub fn new(input: &'a str, limits: &Limits) -> Self {
        Self::with_tolerance(input, limits, false)
    }

    /// [`new`](Self::new), tolerant of unbound prefixes or not, built in
    /// place: the tokenizer's fixed stacks make it several KiB, and a move
    /// after construction (as a builder method makes) is a `memcpy` of all
    /// of it on every message.
    #[inline]
    pub(crate) fn with_tolerance(input: &'a str, limits: &Limits, tolerate: bool) -> Self {
        let doc_start = if input.starts_with('\u{FEFF}') { 3 } else { 0 };
        let error = (u32::try_from(input.len()).is_err())
            .then(|| XmlError::new(XmlErrorKind::InputTooLarge, 0));
        Tokenizer {
            input,
            pos: doc_start,
            doc_start,
            limits: *limits,
            state: State::Prolog,
            pending_end: false,
            error,
            error_yielded: false,
            open: empty_stack(),
            bindings: empty_stack(),
            attrs: empty_stack(),
            tolerate_unbound_prefixes: tolerate,
            fast_paths: false,
            last_name: Name {
                qname: "",
                uri: "",
                prefix_len: 0,
                offset: 0,
                ns: NsKind::NONE,
            },
            last_depth: 0,
            resolved: NO_RESOLVED_PREFIX,
        }
    }

    /// A tokenizer over raw payload bytes, checked to be UTF-8 first.
    ///
    /// # Errors
    ///
    /// [`XmlErrorKind::UnsupportedEncoding`] for a UTF-16 byte-order mark or
    /// UTF-16 text; [`XmlErrorKind::InvalidUtf8`] at the first bad byte.
    pub fn from_bytes(input: &'a [u8], limits: &Limits) -> Result<Self, XmlError> {
        Ok(Self::new(Self::payload_text(input)?, limits))
    }

    /// The payload as text: the checks of [`from_bytes`](Self::from_bytes)
    /// alone, for callers that build the tokenizer in place afterwards.
    pub(crate) fn payload_text(input: &[u8]) -> Result<&str, XmlError> {
        if matches!(
            input,
            [0xFE, 0xFF, ..] | [0xFF, 0xFE, ..] | [0, b'<', ..] | [b'<', 0, ..]
        ) {
            return Err(XmlError::new(XmlErrorKind::UnsupportedEncoding, 0));
        }
        core::str::from_utf8(input)
            .map_err(|e| XmlError::new(XmlErrorKind::InvalidUtf8, e.valid_up_to()))
    }

    /// The same tokenizer, resolving a prefix that no declaration binds to
    /// [`Namespace::None`] instead of failing with
    /// [`XmlErrorKind::UnboundPrefix`]. For tolerant readers only: some
    /// servers echo a client's element in `<value>` without its declaration.
    #[must_use]
    pub fn tolerate_unbound_prefixes(mut self) -> Self {
        self.tolerate_unbound_prefixes = true;
        self
    }

    /// Turns on the readers' fast paths (off by default):
    /// [`step_over_layout`](Self::step_over_layout) steps over layout, and
    /// [`leaf_value`](Self::leaf_value) reads a leaf's text and end tag in
    /// one step. Neither changes what `next_token` yields; with them off,
    /// a reader takes the same things as tokens (the tests compare the two).
    pub(crate) fn set_fast_paths(&mut self, on: bool) {
        self.fast_paths = on;
    }

    /// When the fast paths are on, steps over the layout at the current
    /// position (a line feed and spaces) if what follows is a start tag, or
    /// the end tag of an element that has had a child element: layout that
    /// cannot be an element's value. For readers that refuse mixed content
    /// and ignore white space between elements (the strict command reader),
    /// called before asking for the next child: a token fewer per element.
    /// The layout that may be an element's whole content (`<a>`, a line
    /// feed and spaces, `</a>`), and layout before a comment, processing
    /// instruction or CDATA section, is still yielded.
    ///
    /// (A separate call, not a branch in [`next_token`](Self::next_token):
    /// a plain tokenizing pays nothing for it.)
    #[inline]
    pub(crate) fn step_over_layout(&mut self) {
        if !self.fast_paths || self.pending_end || self.state != State::Content {
            return;
        }
        let bytes = self.input.as_bytes();
        if bytes.get(self.pos) == Some(&b'\n') {
            let i = skip_spaces(bytes, self.pos + 1);
            if self.is_skippable_layout_before(i) {
                self.pos = i;
            }
        }
    }

    /// The document being read.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// Byte offset of the next token.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// Whether the element whose start tag was just read is written with
    /// the same prefix as its parent (both unprefixed, or the same prefix
    /// bytes) and does not bind that prefix again on its own tag; `false`
    /// for the root. Read from the open elements, with no token at hand.
    pub(crate) fn keeps_parent_prefix(&self) -> bool {
        let [.., parent, child] = self.open.as_slice() else {
            return false;
        };
        let prefix = |e: &OpenElement| {
            self.open_qname(e)
                .get(..usize::from(e.prefix_len))
                .unwrap_or_default()
        };
        if !same_bytes(prefix(child), prefix(parent)) {
            return false;
        }
        // The prefix resolved to a binding the tag itself declares.
        let binds_own = usize::from(child.resolution) < self.bindings.len()
            && child.resolution >= child.bindings_len;
        !binds_own
    }

    /// The innermost element open at this point: the parent of whatever
    /// comes next (`None` outside the root element).
    pub fn open_element(&self) -> Option<Name<'a>> {
        self.open.last().map(|e| self.element_name(e))
    }

    /// How many elements are open.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The next token, `None` at the end of a well-formed document.
    ///
    /// # Errors
    ///
    /// The first well-formedness error, then the same error on every call.
    #[inline]
    pub fn next_token(&mut self) -> Result<Option<Token<'a>>, XmlError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        // Every error `step` returns was recorded where it arose
        // (`fail`, `record`): checking the result here instead cost about
        // 3 % of tokenizing, a reload of the token's tag on every call.
        let result = self.step();
        debug_assert!(
            result.is_ok() || self.error.is_some(),
            "an error left `step` unrecorded: {result:?}"
        );
        result
    }

    /// The attributes of the most recent start tag, namespace declarations excluded.
    pub fn attributes(&self) -> impl Iterator<Item = Attribute<'a>> + '_ {
        Attributes {
            tokenizer: self,
            raw: self.attrs.iter(),
        }
    }

    /// The attribute `a` stands for.
    #[inline(always)]
    fn attribute_of(&self, a: &RawAttribute) -> Attribute<'a> {
        let name_start = a.name_start as usize;
        let (uri, ns) = self.name_ns(a.ns);
        Attribute {
            name: Name {
                qname: self.slice(name_start, name_start + a.name_len as usize),
                uri,
                prefix_len: u32::from(a.prefix_len),
                offset: a.name_start,
                ns,
            },
            raw_value: self.slice(
                a.value_start as usize,
                (a.value_start + a.value_len) as usize,
            ),
            needs_unescape: a.needs_unescape,
            value_offset: a.value_start as usize,
        }
    }

    /// The first attribute of the most recent start tag that is neither
    /// unprefixed with a local name in `allowed` nor in the namespace
    /// `also_allowed` (namespace declarations aside): what a strict reader
    /// refuses. Reads names only; builds the [`Name`] of the one it returns.
    pub(crate) fn unexpected_attribute(
        &self,
        allowed: &[&str],
        also_allowed: Ns,
    ) -> Option<Name<'a>> {
        let a = self.attrs.iter().find(|a| {
            !a.is_declaration
                && if a.prefix_len == 0 {
                    let local = self.local_of(a);
                    !allowed
                        .iter()
                        .any(|name| same_bytes(name.as_bytes(), local))
                } else {
                    a.ns != NsRef::Known(also_allowed)
                }
        })?;
        Some(self.attribute_of(a).name)
    }

    /// The value of the most recent start tag's attribute `local` in no
    /// namespace (the usual, unprefixed kind), if present.
    pub fn attribute(&self, local: &str) -> Option<Attribute<'a>> {
        self.attributes().find(|a| {
            a.name.prefix_len == 0 && same_bytes(a.name.qname.as_bytes(), local.as_bytes())
        })
    }

    /// The namespace declarations of the most recent start tag, as
    /// `(prefix, namespace)`; the prefix is `""` for `xmlns="…"`.
    pub fn namespace_declarations(&self) -> impl Iterator<Item = (&'a str, Namespace<'a>)> + '_ {
        self.attrs
            .iter()
            .filter(|a| a.is_declaration)
            .map(move |a| {
                let name_start = a.name_start as usize;
                let qname = self.slice(name_start, name_start + a.name_len as usize);
                let prefix = if a.prefix_len == 0 {
                    ""
                } else {
                    split_qname(qname, a.prefix_len as usize).1
                };
                (prefix, self.namespace(a.ns))
            })
    }

    /// What `prefix` (`""` for the default namespace) means where the
    /// tokenizer stands; `None` if it is unbound. Useful for QName-valued content.
    pub fn resolve_prefix(&self, prefix: &str) -> Option<Namespace<'a>> {
        self.lookup(prefix.as_bytes())
            .map(|r| self.namespace(self.resolution_ns(r)))
    }

    // ----- the state machine -----

    fn step(&mut self) -> Result<Option<Token<'a>>, XmlError> {
        if self.pending_end {
            self.pending_end = false;
            let at = self.pos;
            return self.close_top(Span::new(at, at));
        }
        let bytes = self.input.as_bytes();
        loop {
            let Some(&b) = bytes.get(self.pos) else {
                return self.at_end();
            };
            if b == b'<' {
                return self.markup();
            }
            if self.state == State::Content {
                return self.text();
            }
            // Outside the root only white space may stand between markup.
            let rest = &bytes[self.pos..];
            let ws = rest
                .iter()
                .position(|&b| !is_space(b))
                .unwrap_or(rest.len());
            self.pos += ws;
            if let Some(&b) = bytes.get(self.pos) {
                if b != b'<' {
                    return Err(self.fail(XmlErrorKind::TextOutsideRoot, self.pos));
                }
            }
        }
    }

    /// Whether layout ending at `lt` may be stepped over (see
    /// `step_over_layout`): `lt` holds `<` and starts a start tag, or the end tag
    /// of an element that has had a child (the last start tag opened
    /// deeper than where the tokenizer stands).
    #[inline]
    fn is_skippable_layout_before(&self, lt: usize) -> bool {
        let bytes = self.input.as_bytes();
        if bytes.get(lt) != Some(&b'<') {
            return false;
        }
        match bytes.get(lt + 1) {
            Some(b'/') => self.open.len() != self.last_depth,
            Some(b'!' | b'?') | None => false,
            Some(_) => true,
        }
    }

    fn at_end(&mut self) -> Result<Option<Token<'a>>, XmlError> {
        match self.state {
            State::Epilog => Ok(None),
            State::Prolog => Err(self.fail(XmlErrorKind::NoRootElement, self.pos)),
            State::Content => {
                let at = self
                    .open
                    .last()
                    .map_or(self.pos, |e| (e.name_start as usize).saturating_sub(1));
                Err(self.fail(XmlErrorKind::UnclosedElement, at))
            }
        }
    }

    fn markup(&mut self) -> Step<'a> {
        let start = self.pos;
        let rest = &self.input.as_bytes()[start..];
        match rest.get(1) {
            Some(b'/') => self.end_tag(start),
            Some(b'?') => self.processing_instruction(start),
            Some(b'!') => {
                if rest.starts_with(b"<!--") {
                    self.comment(start)
                } else if rest.starts_with(b"<![CDATA[") {
                    if self.state != State::Content {
                        return Err(self.fail(XmlErrorKind::CdataOutsideRoot, start));
                    }
                    self.cdata(start)
                } else if rest.starts_with(b"<!DOCTYPE") {
                    Err(self.fail(XmlErrorKind::DoctypeRefused, start))
                } else if [&b"<!--"[..], b"<![CDATA[", b"<!DOCTYPE"]
                    .iter()
                    .any(|m| m.starts_with(rest))
                {
                    Err(self.fail_eof())
                } else {
                    Err(self.fail(XmlErrorKind::InvalidMarkup, start))
                }
            }
            Some(_) => self.start_tag(start),
            None => Err(self.fail_eof()),
        }
    }

    fn start_tag(&mut self, start: usize) -> Step<'a> {
        if self.state == State::Epilog {
            return Err(self.fail(XmlErrorKind::MultipleRoots, start));
        }
        let bytes = self.input.as_bytes();
        let name_start = start + 1;
        let (qname, prefix_len) = self
            .scan_qname_str(name_start)
            .map_err(|e| self.record(e))?;
        let name_end = name_start + qname.len();
        self.attrs.clear();
        let (p, self_closing, kinds) = match bytes.get(name_end) {
            Some(b'>') => (name_end + 1, false, AttributeKinds::NONE),
            Some(b'/') if bytes.get(name_end + 1) == Some(&b'>') => {
                (name_end + 2, true, AttributeKinds::NONE)
            }
            _ => self.start_tag_attributes(name_end)?,
        };
        if self.open.len() >= usize::from(self.limits.max_depth()) {
            return Err(self.fail(XmlErrorKind::LimitExceeded(Limit::Depth), start));
        }
        let bindings_len = self.bindings.len();
        if kinds.declarations {
            self.declare_namespaces()?;
        }
        self.resolve_name(name_start, prefix_len)?;
        if kinds.prefixed {
            self.resolve_attributes()?;
        }
        let open = OpenElement {
            name_start: name_start as u32,
            name_len: (name_end - name_start) as u16,
            prefix_len: prefix_len as u16,
            resolution: self.resolved.resolution,
            bindings_len: bindings_len as u16,
        };
        // Capacity is at least the depth limit, which was checked above.
        self.open
            .push(open)
            .map_err(|_| self.fail(XmlErrorKind::LimitExceeded(Limit::Depth), start))?;
        let name = Name {
            qname,
            uri: self.resolved.uri,
            prefix_len: prefix_len as u32,
            offset: name_start as u32,
            ns: self.resolved.ns,
        };
        self.last_name = name;
        self.last_depth = self.open.len();
        self.state = State::Content;
        self.pos = p;
        self.pending_end = self_closing;
        Ok(Some(Token::ElementStart(ElementStart {
            name,
            self_closing,
            span: Span::new(start, p),
        })))
    }

    /// The rest of a start tag from the end of its name: attributes, then
    /// `>` or `/>`. Returns the offset after the tag, whether it is
    /// self-closing, and what kinds of attribute it has.
    fn start_tag_attributes(
        &mut self,
        mut p: usize,
    ) -> Result<(usize, bool, AttributeKinds), XmlError> {
        let bytes = self.input.as_bytes();
        let mut kinds = AttributeKinds::NONE;
        loop {
            let before_space = p;
            p = skip_space(bytes, p);
            match bytes.get(p) {
                Some(b'>') => return Ok((p + 1, false, kinds)),
                Some(b'/') => match bytes.get(p + 1) {
                    Some(b'>') => return Ok((p + 2, true, kinds)),
                    Some(_) => {
                        return Err(self.fail(XmlErrorKind::Expected("'>' after '/'"), p + 1));
                    }
                    None => return Err(self.fail_eof()),
                },
                Some(_) if p == before_space => {
                    return Err(self.fail(XmlErrorKind::Expected("white space, '>' or '/>'"), p));
                }
                Some(_) => {
                    p = self.attribute_syntax(p)?;
                    if let Some(a) = self.attrs.last() {
                        kinds.declarations |= a.is_declaration;
                        kinds.prefixed |= a.is_prefixed_attribute();
                    }
                }
                None => return Err(self.fail_eof()),
            }
        }
    }

    /// Reads `name = "value"` at `p` into `self.attrs`; returns the offset after it.
    fn attribute_syntax(&mut self, p: usize) -> Result<usize, XmlError> {
        let bytes = self.input.as_bytes();
        let name_start = p;
        let (name_end, prefix_len) = self.scan_qname(p).map_err(|e| self.record(e))?;
        // The usual `name="value"` has no white space around `=`: each
        // `skip_space` is taken only where some stands.
        let mut p = name_end;
        if bytes.get(p) != Some(&b'=') {
            p = skip_space(bytes, p);
            match bytes.get(p) {
                Some(b'=') => {}
                Some(_) => {
                    return Err(self.fail(XmlErrorKind::Expected("'=' after an attribute name"), p));
                }
                None => return Err(self.fail_eof()),
            }
        }
        p += 1;
        if !matches!(bytes.get(p), Some(b'"' | b'\'')) {
            p = skip_space(bytes, p);
        }
        let quote = match bytes.get(p) {
            Some(&q @ (b'"' | b'\'')) => q,
            Some(_) => return Err(self.fail(XmlErrorKind::Expected("a quoted attribute value"), p)),
            None => return Err(self.fail_eof()),
        };
        let value_start = p + 1;
        let mut i = value_start;
        let mut needs_unescape = false;
        loop {
            i = chars::find_attr_stop(bytes, i, quote).unwrap_or(bytes.len());
            match bytes.get(i) {
                None => return Err(self.fail_eof()),
                Some(&q) if q == quote => break,
                Some(b'<') => return Err(self.fail(XmlErrorKind::LtInAttributeValue, i)),
                Some(b'&') => {
                    i += self.reference(i).map_err(|e| self.record(e))?;
                    needs_unescape = true;
                }
                Some(b'\t' | b'\n' | b'\r') => {
                    needs_unescape = true;
                    i += 1;
                }
                // A false stop of the word-at-a-time scan: non-ASCII; step
                // over the run bytewise.
                Some(&b) if class(b) & ATTR_STOP == 0 => i = skip_false_stops(bytes, i, ATTR_STOP),
                Some(_) => i = self.check_odd_byte(i).map_err(|e| self.record(e))?,
            }
        }
        if self.attrs.len() >= usize::from(self.limits.max_attributes()) {
            return Err(self.fail(XmlErrorKind::LimitExceeded(Limit::Attributes), name_start));
        }
        let qname = &bytes[name_start..name_end];
        let is_declaration =
            same_bytes(qname, b"xmlns") || (prefix_len == 5 && qname.starts_with(b"xmlns:"));
        let attr = RawAttribute {
            name_start: name_start as u32,
            name_len: (name_end - name_start) as u16,
            prefix_len: prefix_len as u16,
            value_start: value_start as u32,
            value_len: (i - value_start) as u32,
            needs_unescape,
            is_declaration,
            ns: NsRef::None,
        };
        for other in &self.attrs {
            if self.slice_bytes(
                other.name_start as usize,
                (other.name_start + u32::from(other.name_len)) as usize,
            ) == qname
            {
                return Err(self.fail(XmlErrorKind::DuplicateAttribute, name_start));
            }
        }
        self.attrs
            .push(attr)
            .map_err(|_| self.fail(XmlErrorKind::LimitExceeded(Limit::Attributes), name_start))?;
        Ok(i + 1)
    }

    /// Pushes the bindings the current start tag declares (called only when
    /// it has some: `AttributeKinds`).
    fn declare_namespaces(&mut self) -> Result<(), XmlError> {
        for i in 0..self.attrs.len() {
            let a = self.attrs[i];
            if !a.is_declaration {
                continue;
            }
            let (prefix_start, prefix_len) = if a.prefix_len == 0 {
                (a.name_start, 0u16)
            } else {
                (a.name_start + 6, a.name_len - 6)
            };
            let prefix = self.slice_bytes(
                prefix_start as usize,
                (prefix_start + u32::from(prefix_len)) as usize,
            );
            let raw = self.slice(
                a.value_start as usize,
                (a.value_start + a.value_len) as usize,
            );
            // A namespace name is the normalized attribute value (XML 1.0 §3.3.3):
            // references replaced and each tab or line end read as a space.
            let ns = Namespace::from_value(raw, a.needs_unescape);
            let bad = |s: &mut Self| {
                Err(s.fail(
                    XmlErrorKind::InvalidNamespaceDeclaration,
                    a.name_start as usize,
                ))
            };
            let is_xmlns_uri =
                Uri::new(raw, a.needs_unescape).eq_str("http://www.w3.org/2000/xmlns/");
            match prefix {
                b"xmlns" => return bad(self),
                b"xml" if ns != Namespace::Known(Ns::Xml) => return bad(self),
                b"xml" => {}
                _ if ns == Namespace::Known(Ns::Xml) || is_xmlns_uri => return bad(self),
                _ if !prefix.is_empty() && raw.is_empty() => return bad(self),
                _ => {}
            }
            let ns_ref = match ns {
                Namespace::None => NsRef::None,
                Namespace::Known(k) => NsRef::Known(k),
                Namespace::Other(_) => NsRef::Other {
                    start: a.value_start,
                    len: a.value_len,
                    has_refs: a.needs_unescape,
                },
            };
            self.attrs[i].ns = ns_ref;
            if self.bindings.len() >= usize::from(self.limits.max_namespace_bindings()) {
                return Err(self.fail(
                    XmlErrorKind::LimitExceeded(Limit::NamespaceBindings),
                    a.name_start as usize,
                ));
            }
            self.resolved = NO_RESOLVED_PREFIX;
            self.bindings
                .push(Binding {
                    key: prefix_key(prefix),
                    prefix_start,
                    prefix_len,
                    ns: ns_ref,
                })
                .map_err(|_| {
                    self.fail(
                        XmlErrorKind::LimitExceeded(Limit::NamespaceBindings),
                        a.name_start as usize,
                    )
                })?;
        }
        Ok(())
    }

    /// Resolves the prefixed attributes and checks that no two share an
    /// expanded name (called only when the tag has some: `AttributeKinds`).
    fn resolve_attributes(&mut self) -> Result<(), XmlError> {
        for i in 0..self.attrs.len() {
            let a = self.attrs[i];
            if !a.is_prefixed_attribute() {
                continue;
            }
            let r = self
                .resolve(a.name_start as usize, a.prefix_len as usize)
                .map_err(|e| self.record(e))?;
            let ns = self.resolution_ns(r);
            self.attrs[i].ns = ns;
            let local = self.local_of(&a);
            for other in &self.attrs[..i] {
                if !other.is_prefixed_attribute() {
                    continue;
                }
                if self.ns_eq(other.ns, ns) && self.local_of(other) == local {
                    return Err(self.fail(XmlErrorKind::DuplicateAttribute, a.name_start as usize));
                }
            }
        }
        Ok(())
    }

    fn end_tag(&mut self, start: usize) -> Step<'a> {
        if let Some(p) = self.end_tag_of_top(start) {
            self.pos = p + 1;
            return self.close_top(Span::new(start, p + 1));
        }
        let bytes = self.input.as_bytes();
        let name_start = start + 2;
        let Some(&top) = self.open.last() else {
            return Err(self.fail(XmlErrorKind::UnexpectedEndTag, start));
        };
        let open_name = self.open_qname(&top);
        let name_end = name_start + open_name.len();
        let same_name = bytes
            .get(name_start..name_end)
            .is_some_and(|n| same_bytes(n, open_name));
        if same_name && bytes.get(name_end).is_some_and(|&b| is_space(b)) {
            // The name matched and white space follows, but no '>'.
            let p = skip_space(bytes, name_end);
            return Err(match bytes.get(p) {
                Some(_) => self.fail(XmlErrorKind::Expected("'>' to close the end tag"), p),
                None => self.fail_eof(),
            });
        }
        let (end, _) = self.scan_qname(name_start).map_err(|e| self.record(e))?;
        // `</ab` at the end of a truncated `</abc>` is missing input, not a mismatch.
        if skip_space(bytes, end) == bytes.len() {
            return Err(self.fail_eof());
        }
        Err(self.fail(XmlErrorKind::MismatchedEndTag, start))
    }

    /// When the `</` at `start` begins a well-formed end tag of the open
    /// element (its name repeated, then `>` or white space and `>`): the
    /// offset of that `>`.
    #[inline(always)]
    fn end_tag_of_top(&self, start: usize) -> Option<usize> {
        let bytes = self.input.as_bytes();
        let top = self.open.last()?;
        let open_name = self.open_qname(top);
        let name_start = start + 2;
        let name_end = name_start + open_name.len();
        if !bytes
            .get(name_start..name_end)
            .is_some_and(|n| same_bytes(n, open_name))
        {
            return None;
        }
        match bytes.get(name_end) {
            Some(b'>') => Some(name_end),
            Some(&b) if is_space(b) => {
                let p = skip_space(bytes, name_end);
                (bytes.get(p) == Some(&b'>')).then_some(p)
            }
            _ => None,
        }
    }

    /// Reads the content and end tag of the element whose start tag was
    /// just taken, in one step, when that content is plain text (references
    /// allowed) and the end tag follows it: the usual leaf of an EPP
    /// message. The tokenizer is then past the end tag, as the text and
    /// end-tag tokens would have left it. Returns `None`, and moves
    /// nothing, for anything else — an empty-element tag, a child, a
    /// comment, CDATA, an error — which the tokens then read; and always
    /// while the fast paths are off (`set_fast_paths`).
    #[inline]
    pub(crate) fn leaf_value(&mut self) -> Option<LeafValue> {
        if !self.fast_paths
            || self.pending_end
            || self.error.is_some()
            || self.open.len() != self.last_depth
        {
            return None;
        }
        let (end, needs_unescape) = self.scan_text(self.pos).ok()?;
        if self.input.as_bytes().get(end + 1) != Some(&b'/') {
            return None;
        }
        let gt = self.end_tag_of_top(end)?;
        let span = Span::new(end, gt + 1);
        self.pos = gt + 1;
        self.close_top(span).ok()?;
        Some(LeafValue {
            end_tag: span,
            needs_unescape,
        })
    }

    fn close_top(&mut self, span: Span) -> Step<'a> {
        let leaf = self.open.len() == self.last_depth;
        let Some(top) = self.open.pop() else {
            return Err(self.fail(XmlErrorKind::UnexpectedEndTag, span.start));
        };
        // Resolve before the element's own bindings go out of scope.
        let name = if leaf {
            self.last_name
        } else {
            self.element_name(&top)
        };
        if usize::from(top.bindings_len) != self.bindings.len() {
            self.bindings.truncate(usize::from(top.bindings_len));
            self.resolved = NO_RESOLVED_PREFIX;
        }
        if self.open.is_empty() {
            self.state = State::Epilog;
        }
        Ok(Some(Token::ElementEnd(ElementEnd { name, span })))
    }

    fn text(&mut self) -> Step<'a> {
        let bytes = self.input.as_bytes();
        let start = self.pos;
        let mut i = start;
        // The usual text between tags: a line feed and an indentation.
        // (Each return at a known `<` lets the slice skip a boundary check.)
        if bytes.get(i) == Some(&b'\n') {
            i = skip_spaces(bytes, i + 1);
            if bytes.get(i) == Some(&b'<') {
                return Ok(Some(self.text_token(start, i, false, true)));
            }
        }
        let (end, needs_unescape) = self.scan_text(i).map_err(|e| self.record(e))?;
        Ok(Some(self.text_token(start, end, needs_unescape, false)))
    }

    /// Scans text content from `i` to its end (the next `<`, or the end of
    /// the input), checking it: (the end, whether it needs unescaping).
    #[inline(always)]
    fn scan_text(&self, mut i: usize) -> Result<(usize, bool), XmlError> {
        let bytes = self.input.as_bytes();
        let mut needs_unescape = false;
        loop {
            i = find_text_stop(bytes, i);
            match bytes.get(i) {
                Some(b'<') | None => return Ok((i, needs_unescape)),
                Some(b'&') => {
                    i += self.reference(i)?;
                    needs_unescape = true;
                }
                Some(b']') => {
                    if bytes.get(i..).is_some_and(|r| r.starts_with(b"]]>")) {
                        return Err(self.err(XmlErrorKind::CdataEndInText, i));
                    }
                    i += 1;
                }
                Some(b'\r') => {
                    needs_unescape = true;
                    i += 1;
                }
                // A false stop of the word-at-a-time scan: tab, line feed or
                // non-ASCII; step over the run bytewise.
                Some(&b) if class(b) & TEXT_STOP == 0 => i = skip_false_stops(bytes, i, TEXT_STOP),
                Some(_) => i = self.check_odd_byte(i)?,
            }
        }
    }

    /// The text token `start..end`, the tokenizer moved past it.
    #[inline(always)]
    fn text_token(
        &mut self,
        start: usize,
        end: usize,
        needs_unescape: bool,
        layout: bool,
    ) -> Token<'a> {
        self.pos = end;
        Token::Text(Text {
            raw: self.slice(start, end),
            offset: start,
            cdata: false,
            needs_unescape,
            layout,
        })
    }

    fn cdata(&mut self, start: usize) -> Step<'a> {
        let content_start = start + b"<![CDATA[".len();
        let (end, needs_unescape) = self
            .scan_markup(content_start, b"]]>")
            .map_err(|e| self.record(e))?;
        self.pos = end + 3;
        Ok(Some(Token::Text(Text {
            raw: self.slice(content_start, end),
            offset: content_start,
            cdata: true,
            needs_unescape,
            layout: false,
        })))
    }

    fn comment(&mut self, start: usize) -> Step<'a> {
        let content_start = start + 4;
        let (end, _) = self
            .scan_markup(content_start, b"--")
            .map_err(|e| self.record(e))?;
        if self.input.as_bytes().get(end + 2) != Some(&b'>') {
            return Err(if end + 2 >= self.input.len() {
                self.fail_eof()
            } else {
                self.fail(XmlErrorKind::DoubleHyphenInComment, end)
            });
        }
        self.pos = end + 3;
        Ok(Some(Token::Comment(Comment {
            text: self.slice(content_start, end),
            span: Span::new(start, end + 3),
        })))
    }

    fn processing_instruction(&mut self, start: usize) -> Step<'a> {
        let bytes = self.input.as_bytes();
        let target_start = start + 2;
        let (target_end, prefix_len) = self.scan_qname(target_start).map_err(|e| self.record(e))?;
        if prefix_len != 0 {
            return Err(self.fail(XmlErrorKind::InvalidName, target_start));
        }
        let target = self.slice(target_start, target_end);
        if target.eq_ignore_ascii_case("xml") {
            return if target != "xml" {
                Err(self.fail(XmlErrorKind::ReservedPiTarget, target_start))
            } else if start == self.doc_start && self.state == State::Prolog {
                self.declaration(start, target_end)
            } else {
                Err(self.fail(XmlErrorKind::MisplacedDeclaration, start))
            };
        }
        let content = match bytes.get(target_end) {
            Some(b'?') if bytes.get(target_end + 1) == Some(&b'>') => {
                self.pos = target_end + 2;
                None
            }
            Some(&b) if is_space(b) => {
                let content_start = skip_space(bytes, target_end);
                let (end, _) = self
                    .scan_markup(content_start, b"?>")
                    .map_err(|e| self.record(e))?;
                self.pos = end + 2;
                Some(self.slice(content_start, end))
            }
            Some(_) => {
                return Err(self.fail(
                    XmlErrorKind::Expected("white space or '?>' after the target"),
                    target_end,
                ));
            }
            None => return Err(self.fail_eof()),
        };
        Ok(Some(Token::ProcessingInstruction(ProcessingInstruction {
            target,
            content,
            span: Span::new(start, self.pos),
        })))
    }

    /// `<?xml version="1.x" encoding="UTF-8" standalone="yes"?>`, from after `xml`.
    fn declaration(&mut self, start: usize, p: usize) -> Step<'a> {
        match self.usual_declaration(start, p) {
            Some(token) => Ok(Some(token)),
            None => self.any_declaration(start, p),
        }
    }

    /// The declarations EPP peers send, spelled exactly
    /// `<?xml version="1.0"[ encoding="UTF-8"|"utf-8"][ standalone="no"|"yes"]?>`,
    /// read without the general loop; `None` for anything else.
    fn usual_declaration(&mut self, start: usize, p: usize) -> Option<Token<'a>> {
        let rest = self.input.as_bytes().get(p..)?;
        let mut rest = rest.strip_prefix(b" version=\"1.0\"")?;
        let version = self.slice(p + 10, p + 13);
        let mut q = p + 14;
        let mut encoding = None;
        if let Some(r) = rest
            .strip_prefix(b" encoding=\"UTF-8\"")
            .or_else(|| rest.strip_prefix(b" encoding=\"utf-8\""))
        {
            encoding = Some(self.slice(q + 11, q + 16));
            q += 17;
            rest = r;
        }
        let mut standalone = None;
        if let Some(r) = rest.strip_prefix(b" standalone=\"no\"") {
            standalone = Some(false);
            q += 16;
            rest = r;
        } else if let Some(r) = rest.strip_prefix(b" standalone=\"yes\"") {
            standalone = Some(true);
            q += 17;
            rest = r;
        }
        if !rest.starts_with(b"?>") {
            return None;
        }
        self.pos = q + 2;
        Some(Token::Declaration(Declaration {
            version,
            encoding,
            standalone,
            span: Span::new(start, self.pos),
        }))
    }

    /// Any well-formed declaration, pseudo-attribute by pseudo-attribute.
    #[cold]
    fn any_declaration(&mut self, start: usize, mut p: usize) -> Step<'a> {
        let mut version = None;
        let mut encoding = None;
        let mut standalone = None;
        let bytes = self.input.as_bytes();
        loop {
            let before_space = p;
            p = skip_space(bytes, p);
            if bytes.get(p..p + 2) == Some(b"?>") {
                break;
            }
            // Only the end of input, or a lone `?` before it: missing input.
            if b"?>".starts_with(bytes.get(p..).unwrap_or_default()) {
                return Err(self.fail_eof());
            }
            if p == before_space {
                return Err(self.fail(XmlErrorKind::InvalidDeclaration, p));
            }
            let name_start = p;
            while bytes.get(p).is_some_and(u8::is_ascii_alphabetic) {
                p += 1;
            }
            let name = &bytes[name_start..p];
            p = skip_space(bytes, p);
            if bytes.get(p) != Some(&b'=') {
                return Err(if p == bytes.len() {
                    self.fail_eof()
                } else {
                    self.fail(XmlErrorKind::InvalidDeclaration, p)
                });
            }
            p = skip_space(bytes, p + 1);
            let quote = match bytes.get(p) {
                Some(&q @ (b'"' | b'\'')) => q,
                None => return Err(self.fail_eof()),
                Some(_) => return Err(self.fail(XmlErrorKind::InvalidDeclaration, p)),
            };
            let value_start = p + 1;
            let Some(len) = bytes[value_start..].iter().position(|&b| b == quote) else {
                return Err(self.fail_eof());
            };
            let value = self.slice(value_start, value_start + len);
            p = value_start + len + 1;
            // The pseudo-attributes must come in this order, each at most once.
            match name {
                b"version" if version.is_none() && encoding.is_none() && standalone.is_none() => {
                    let ok = value
                        .strip_prefix("1.")
                        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
                    if !ok {
                        return Err(self.fail(XmlErrorKind::InvalidDeclaration, value_start));
                    }
                    version = Some(value);
                }
                b"encoding" if version.is_some() && encoding.is_none() && standalone.is_none() => {
                    let well_formed = value
                        .bytes()
                        .next()
                        .is_some_and(|b| b.is_ascii_alphabetic())
                        && value
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
                    if !well_formed {
                        return Err(self.fail(XmlErrorKind::InvalidDeclaration, value_start));
                    }
                    if !value.eq_ignore_ascii_case("UTF-8") {
                        return Err(self.fail(XmlErrorKind::UnsupportedEncoding, value_start));
                    }
                    encoding = Some(value);
                }
                b"standalone" if version.is_some() && standalone.is_none() => {
                    standalone = Some(match value {
                        "yes" => true,
                        "no" => false,
                        _ => return Err(self.fail(XmlErrorKind::InvalidDeclaration, value_start)),
                    });
                }
                _ => return Err(self.fail(XmlErrorKind::InvalidDeclaration, name_start)),
            }
        }
        let Some(version) = version else {
            return Err(self.fail(XmlErrorKind::InvalidDeclaration, start));
        };
        self.pos = p + 2;
        Ok(Some(Token::Declaration(Declaration {
            version,
            encoding,
            standalone,
            span: Span::new(start, self.pos),
        })))
    }

    // ----- scanning helpers -----

    /// Scans a QName at `p`; returns its end and the prefix length (0 if unprefixed).
    #[inline(always)]
    fn scan_qname(&self, start: usize) -> Result<(usize, usize), XmlError> {
        // ASCII fast path, one pass: a NameStartChar, NameChars, and at most
        // one colon followed by a NameStartChar. Anything else (non-ASCII, a
        // second colon, a bad character after the colon) takes the exact path.
        let rest = self.input.as_bytes().get(start..).unwrap_or_default();
        if let Some(&first) = rest.first() {
            if class(first) & NAME_START != 0 {
                let mut i = skip_name_chars(rest, 1);
                let mut prefix_len = 0;
                if rest.get(i) == Some(&b':')
                    && rest.get(i + 1).is_some_and(|&n| class(n) & NAME_START != 0)
                {
                    prefix_len = i;
                    i = skip_name_chars(rest, i + 2);
                }
                if rest
                    .get(i)
                    .is_some_and(|&b| b == b':' || class(b) & NON_ASCII != 0)
                {
                    return self.scan_qname_exact(start);
                }
                if i > usize::from(self.limits.max_name_len()) {
                    return Err(self.err(XmlErrorKind::LimitExceeded(Limit::NameLength), start));
                }
                return Ok((start + i, prefix_len));
            }
        }
        self.scan_qname_exact(start)
    }

    /// [`scan_qname`](Self::scan_qname), returning the name itself and its
    /// prefix length. The fast path tests byte values (not the class table)
    /// at both ends, so that slicing the name needs no char-boundary check.
    #[inline(always)]
    fn scan_qname_str(&self, start: usize) -> Result<(&'a str, usize), XmlError> {
        let rest = self.input.as_bytes().get(start..).unwrap_or_default();
        if let Some(&first) = rest.first() {
            if first.is_ascii_alphabetic() || first == b'_' {
                let mut i = skip_name_chars(rest, 1);
                let mut prefix_len = 0;
                if rest.get(i) == Some(&b':')
                    && rest.get(i + 1).is_some_and(|&n| class(n) & NAME_START != 0)
                {
                    prefix_len = i;
                    i = skip_name_chars(rest, i + 2);
                }
                match rest.get(i) {
                    Some(&b) if b == b':' || b >= 0x80 => {}
                    _ => {
                        if i > usize::from(self.limits.max_name_len()) {
                            return Err(
                                self.err(XmlErrorKind::LimitExceeded(Limit::NameLength), start)
                            );
                        }
                        return Ok((self.slice(start, start + i), prefix_len));
                    }
                }
            }
        }
        let (end, prefix_len) = self.scan_qname_exact(start)?;
        Ok((self.slice(start, end), prefix_len))
    }

    /// [`scan_qname`](Self::scan_qname) for any name, non-ASCII included.
    #[cold]
    #[inline(never)]
    fn scan_qname_exact(&self, start: usize) -> Result<(usize, usize), XmlError> {
        let bytes = self.input.as_bytes();
        let mut p = self.scan_ncname(start)?;
        let mut prefix_len = 0;
        if bytes.get(p) == Some(&b':') {
            prefix_len = p - start;
            p = self.scan_ncname(p + 1)?;
            if bytes.get(p) == Some(&b':') {
                return Err(self.err(XmlErrorKind::InvalidName, p));
            }
        }
        if p - start > usize::from(self.limits.max_name_len()) {
            return Err(self.err(XmlErrorKind::LimitExceeded(Limit::NameLength), start));
        }
        Ok((p, prefix_len))
    }

    /// Scans a name without colons at `start`; returns its end.
    #[inline]
    fn scan_ncname(&self, start: usize) -> Result<usize, XmlError> {
        let bytes = self.input.as_bytes();
        let mut p = start;
        match bytes.get(p) {
            None => return Err(self.eof()),
            Some(&b) if class(b) & NAME_START != 0 => p += 1,
            Some(&b) if class(b) & NON_ASCII != 0 => match self.char_at(p) {
                Some(c) if chars::is_name_start_char(c) => p += c.len_utf8(),
                _ => return Err(self.err(XmlErrorKind::InvalidName, p)),
            },
            Some(_) => return Err(self.err(XmlErrorKind::InvalidName, p)),
        }
        loop {
            let rest = &bytes[p..];
            p += rest
                .iter()
                .position(|&b| class(b) & NAME_CHAR == 0)
                .unwrap_or(rest.len());
            match bytes.get(p) {
                Some(&b) if class(b) & NON_ASCII != 0 => match self.char_at(p) {
                    Some(c) if chars::is_name_char(c) => p += c.len_utf8(),
                    _ => return Err(self.err(XmlErrorKind::InvalidName, p)),
                },
                _ => return Ok(p),
            }
        }
    }

    /// Scans comment, PI or CDATA content from `start` to `terminator`;
    /// returns where the terminator starts and whether a `\r` was seen.
    fn scan_markup(&self, start: usize, terminator: &[u8]) -> Result<(usize, bool), XmlError> {
        let bytes = self.input.as_bytes();
        let mut i = start;
        let mut saw_cr = false;
        loop {
            let rest = bytes.get(i..).unwrap_or_default();
            i += rest
                .iter()
                .position(|&b| class(b) & MARKUP_STOP != 0)
                .unwrap_or(rest.len());
            match bytes.get(i) {
                None => return Err(self.eof()),
                Some(b'-' | b'?' | b']') => {
                    if bytes[i..].starts_with(terminator) {
                        return Ok((i, saw_cr));
                    }
                    i += 1;
                }
                Some(b'\r') => {
                    saw_cr = true;
                    i += 1;
                }
                Some(_) => i = self.check_odd_byte(i)?,
            }
        }
    }

    /// Checks a reference at `i`; returns its length.
    fn reference(&self, i: usize) -> Result<usize, XmlError> {
        match check_reference(&self.input.as_bytes()[i..]) {
            Reference::Valid(len) => Ok(len),
            Reference::UndefinedEntity => Err(self.err(XmlErrorKind::UndefinedEntity, i)),
            Reference::InvalidCharRef => Err(self.err(XmlErrorKind::InvalidCharReference, i)),
            Reference::Malformed => {
                Err(self.err(XmlErrorKind::Expected("a name or '#' and ';' after '&'"), i))
            }
            Reference::Truncated => Err(self.eof()),
        }
    }

    /// A byte a scan stopped at that is neither markup nor white space: a
    /// forbidden control character, or 0xEF, which may start U+FFFE/U+FFFF.
    /// Returns the offset to go on from.
    #[cold]
    fn check_odd_byte(&self, i: usize) -> Result<usize, XmlError> {
        let bytes = self.input.as_bytes();
        if bytes[i] == 0xEF && !chars::is_forbidden_ef(bytes, i) {
            Ok(i + 1)
        } else {
            Err(self.err(XmlErrorKind::InvalidChar, i))
        }
    }

    fn char_at(&self, p: usize) -> Option<char> {
        self.input.get(p..).and_then(|s| s.chars().next())
    }

    // ----- namespaces -----

    /// Resolves the prefix of the element name at `name_start` into
    /// `self.resolved`, reusing it when it is the same prefix as last time.
    /// (The answer stays in `self.resolved` rather than being returned: a
    /// returned `(Resolution, Namespace)` went through the stack in pieces
    /// and was read back whole, a store-forwarding stall on every start tag.)
    #[inline]
    fn resolve_name(&mut self, name_start: usize, prefix_len: usize) -> Result<(), XmlError> {
        let key = match chars::word_at(self.input.as_bytes(), name_start) {
            Some(w) if prefix_len < 8 => w & ((1u64 << (8 * prefix_len)) - 1),
            Some(w) => w,
            None => prefix_key(self.slice_bytes(name_start, name_start + prefix_len)),
        };
        let last = &self.resolved;
        if last.key == key && usize::from(last.prefix_len) == prefix_len {
            return Ok(());
        }
        self.resolve_name_uncached(name_start, prefix_len, key)
    }

    #[inline(never)]
    fn resolve_name_uncached(
        &mut self,
        name_start: usize,
        prefix_len: usize,
        key: u64,
    ) -> Result<(), XmlError> {
        let resolution = self
            .resolve(name_start, prefix_len)
            .map_err(|e| self.record(e))?;
        let (uri, ns) = self.name_ns(self.resolution_ns(resolution));
        self.resolved = if prefix_len <= 8 {
            ResolvedPrefix {
                key,
                prefix_len: prefix_len as u16,
                resolution,
                uri,
                ns,
            }
        } else {
            // A longer prefix is not told apart by its key: keep the
            // answer for this name, matched by no later one.
            ResolvedPrefix {
                resolution,
                uri,
                ns,
                ..NO_RESOLVED_PREFIX
            }
        };
        Ok(())
    }

    /// Finds the binding for the prefix of the name at `name_start`.
    fn resolve(&self, name_start: usize, prefix_len: usize) -> Result<Resolution, XmlError> {
        let prefix = self.slice_bytes(name_start, name_start + prefix_len);
        match self.lookup(prefix) {
            Some(r) => Ok(r),
            // `xmlns` is never bound to a namespace (Namespaces in XML,
            // §3): tolerance does not stretch to an element called
            // `xmlns:…`.
            None if prefix == b"xmlns" => Err(self.err(XmlErrorKind::UnboundPrefix, name_start)),
            // A client reading a response takes an echoed element whose
            // prefix the server never declared: it gets no namespace.
            None if self.tolerate_unbound_prefixes => Ok(RESOLVED_NONE),
            None => Err(self.err(XmlErrorKind::UnboundPrefix, name_start)),
        }
    }

    fn lookup(&self, prefix: &[u8]) -> Option<Resolution> {
        let key = prefix_key(prefix);
        for (i, b) in self.bindings.iter().enumerate().rev() {
            if b.key != key || usize::from(b.prefix_len) != prefix.len() {
                continue;
            }
            let same = prefix.len() <= 8
                || self.slice_bytes(
                    b.prefix_start as usize,
                    b.prefix_start as usize + b.prefix_len as usize,
                ) == prefix;
            if same {
                return Some(i as Resolution);
            }
        }
        match prefix {
            b"" => Some(RESOLVED_NONE),
            b"xml" => Some(RESOLVED_XML),
            _ => None,
        }
    }

    fn resolution_ns(&self, r: Resolution) -> NsRef {
        match r {
            RESOLVED_NONE => NsRef::None,
            RESOLVED_XML => NsRef::Known(Ns::Xml),
            i => self
                .bindings
                .get(usize::from(i))
                .map_or(NsRef::None, |b| b.ns),
        }
    }

    fn namespace(&self, ns: NsRef) -> Namespace<'a> {
        let (uri, kind) = self.name_ns(ns);
        kind.join(uri)
    }

    /// A namespace as a [`Name`] keeps it: the URI (empty unless another
    /// namespace) and its kind.
    #[inline]
    fn name_ns(&self, ns: NsRef) -> (&'a str, NsKind) {
        match ns {
            NsRef::None => ("", NsKind::NONE),
            NsRef::Known(k) => ("", NsKind::known(k)),
            NsRef::Other {
                start,
                len,
                has_refs,
            } => (
                self.slice(start as usize, (start + len) as usize),
                NsKind::other(has_refs),
            ),
        }
    }

    fn ns_eq(&self, a: NsRef, b: NsRef) -> bool {
        match (a, b) {
            (NsRef::Other { .. }, NsRef::Other { .. }) => self.namespace(a) == self.namespace(b),
            _ => a == b,
        }
    }

    /// The qualified name of an open element, as written.
    #[inline]
    fn open_qname(&self, e: &OpenElement) -> &'a [u8] {
        let start = e.name_start as usize;
        self.slice_bytes(start, start + usize::from(e.name_len))
    }

    fn element_name(&self, e: &OpenElement) -> Name<'a> {
        let start = e.name_start as usize;
        let (uri, ns) = self.name_ns(self.resolution_ns(e.resolution));
        Name {
            qname: self.slice(start, start + e.name_len as usize),
            uri,
            prefix_len: u32::from(e.prefix_len),
            offset: e.name_start,
            ns,
        }
    }

    fn local_of(&self, a: &RawAttribute) -> &'a [u8] {
        let start = a.name_start as usize;
        let qname = self.slice_bytes(start, start + a.name_len as usize);
        if a.prefix_len == 0 {
            qname
        } else {
            qname.get(a.prefix_len as usize + 1..).unwrap_or_default()
        }
    }

    // ----- small things -----

    /// `input[start..end]`. Every caller passes offsets at character
    /// boundaries found by the scans; the fallback keeps a bug from panicking.
    fn slice(&self, start: usize, end: usize) -> &'a str {
        let s = self.input.get(start..end);
        debug_assert!(s.is_some(), "slice {start}..{end} off a character boundary");
        s.unwrap_or_default()
    }

    fn slice_bytes(&self, start: usize, end: usize) -> &'a [u8] {
        self.input.as_bytes().get(start..end).unwrap_or_default()
    }

    /// Makes `e` the tokenizer's error, which every later call returns,
    /// and gives it back. Every error `step` returns passes through here.
    #[cold]
    #[inline(never)]
    fn record(&mut self, e: XmlError) -> XmlError {
        self.error = Some(e);
        e
    }

    /// A new error of `kind` at `offset`, [recorded](Self::record).
    fn fail(&mut self, kind: XmlErrorKind, offset: usize) -> XmlError {
        self.record(XmlError::new(kind, offset))
    }

    /// [`eof`](Self::eof), [recorded](Self::record).
    fn fail_eof(&mut self) -> XmlError {
        self.record(self.eof())
    }

    /// A new error of `kind` at `offset`, for the scanning helpers, which
    /// cannot record it; the step that propagates it does.
    fn err(&self, kind: XmlErrorKind, offset: usize) -> XmlError {
        XmlError::new(kind, offset)
    }

    fn eof(&self) -> XmlError {
        XmlError::new(XmlErrorKind::UnexpectedEof, self.input.len())
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Result<Token<'a>, XmlError>;

    /// Tokens, then `None`; after an error, that error once, then `None`.
    fn next(&mut self) -> Option<Self::Item> {
        match self.next_token() {
            Ok(Some(token)) => Some(Ok(token)),
            Ok(None) => None,
            Err(_) if self.error_yielded => None,
            Err(e) => {
                self.error_yielded = true;
                Some(Err(e))
            }
        }
    }
}

impl core::iter::FusedIterator for Tokenizer<'_> {}

/// What [`Tokenizer::attributes`] returns. Its own type, not a chain of
/// adapters, so that `next` is small enough to inline: most start tags
/// have no attributes, and asking for them should then cost a compare,
/// not a call.
struct Attributes<'t, 'a> {
    tokenizer: &'t Tokenizer<'a>,
    raw: core::slice::Iter<'t, RawAttribute>,
}

impl<'a> Iterator for Attributes<'_, 'a> {
    type Item = Attribute<'a>;

    #[inline]
    fn next(&mut self) -> Option<Attribute<'a>> {
        let a = self.raw.by_ref().find(|a| !a.is_declaration)?;
        Some(self.tokenizer.attribute_of(a))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.raw.len()))
    }
}

impl core::iter::FusedIterator for Attributes<'_, '_> {}

/// An empty stack, built out of line: when `Tokenizer::new` builds its three
/// `heapless::Vec`s inline, LLVM merges their uninitialized buffers and
/// zeroed lengths into one `memset` of about 5 KiB per tokenizer (55 ns, a
/// few percent of tokenizing a small message). Out of line, each is one store.
#[inline(never)]
fn empty_stack<T, const N: usize>() -> Vec<T, N> {
    Vec::new()
}

/// The first offset from `i` that is not an ASCII `NameChar` (colon excluded),
/// eight bytes per step while eight are left.
#[inline(always)]
fn skip_name_chars(bytes: &[u8], mut i: usize) -> usize {
    let last = bytes.len().saturating_sub(8);
    while i <= last {
        let Some(chunk) = bytes.get(i..i + 8) else {
            break;
        };
        for (k, &b) in chunk.iter().enumerate() {
            if class(b) & NAME_CHAR == 0 {
                return i + k;
            }
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| class(b) & NAME_CHAR != 0) {
        i += 1;
    }
    i
}

/// The first offset from `i` that is not a space (`' '` only).
#[inline]
fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while let Some(x) = chars::word_at(bytes, i) {
        let m = chars::non_spaces(x);
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

/// Past the run of false stops at `i` (whose byte the caller found to be
/// one): bytes a word-at-a-time scan flags but `stop`, a class of the
/// table, does not hold, which are the ones outside printable ASCII (tab,
/// line feed, non-ASCII). Bytewise, as such runs are short.
#[inline]
fn skip_false_stops(bytes: &[u8], mut i: usize, stop: u8) -> usize {
    i += 1;
    while bytes
        .get(i)
        .is_some_and(|&b| class(b) & stop == 0 && !(0x20..0x80).contains(&b))
    {
        i += 1;
    }
    i
}

/// The first offset from `i` whose byte may stop a text scan: every
/// [`TEXT_STOP`] byte, and some others (see [`chars::text_stops`]).
#[inline]
fn find_text_stop(bytes: &[u8], mut i: usize) -> usize {
    while let Some(x) = chars::word_at(bytes, i) {
        let m = chars::text_stops(x);
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    i + rest
        .iter()
        .position(|&b| class(b) & TEXT_STOP != 0)
        .unwrap_or(rest.len())
}

#[inline]
fn skip_space(bytes: &[u8], p: usize) -> usize {
    let rest = bytes.get(p..).unwrap_or_default();
    p + rest
        .iter()
        .position(|&b| !is_space(b))
        .unwrap_or(rest.len())
}

#[cfg(test)]
mod scan_tests {
    use super::*;

    /// The tokens of `doc` as short strings: `<name`, `/name`, `"text"`, `!`
    /// for a comment.
    fn token_list(doc: &str, fast_paths: bool) -> heapless::Vec<heapless::String<24>, 32> {
        use core::fmt::Write;
        let limits = Limits::new();
        let mut tok = Tokenizer::new(doc, &limits);
        tok.set_fast_paths(fast_paths);
        let mut out = heapless::Vec::new();
        loop {
            tok.step_over_layout();
            let Some(t) = tok.next_token().unwrap() else {
                break;
            };
            let mut s = heapless::String::new();
            match t {
                Token::ElementStart(e) => write!(s, "<{}", e.name().local()),
                Token::ElementEnd(e) => write!(s, "/{}", e.name().local()),
                Token::Text(t) => write!(s, "{:?}", t.raw()),
                _ => write!(s, "!"),
            }
            .unwrap();
            out.push(s).unwrap();
        }
        out
    }

    /// `leaf_value` after each start tag of `doc`: what it read, or `None`,
    /// and the tokenizer's offset after it.
    fn leaves(doc: &str) -> heapless::Vec<(Option<LeafValue>, usize), 16> {
        let limits = Limits::new();
        let mut tok = Tokenizer::new(doc, &limits);
        tok.set_fast_paths(true);
        let mut out = heapless::Vec::new();
        while let Ok(Some(t)) = tok.next_token() {
            if let Token::ElementStart(_) = t {
                let leaf = tok.leaf_value();
                out.push((leaf, tok.offset())).unwrap();
            }
        }
        out
    }

    #[test]
    fn a_leaf_is_read_in_one_step_only_when_plain() {
        let doc = "<a><b>x&amp;y</b ><c/><d>1<!--c--></d><e>z</f></a>";
        let got = leaves(doc);
        // <a> has a child; <b> is a plain leaf, its end tag with a space.
        assert_eq!(got[0], (None, 3));
        let b = LeafValue {
            end_tag: Span::new(13, 18),
            needs_unescape: true,
        };
        assert_eq!(got[1], (Some(b), 18));
        // The empty-element tag, the comment, the mismatched end tag: left
        // to the tokens, nothing moved.
        assert_eq!(got[2], (None, 22));
        assert_eq!(got[3], (None, 25));
        assert_eq!(got[4], (None, 41));
        assert_eq!(got.len(), 5);
        // The tokens then give the mismatched end tag's error.
        let limits = Limits::new();
        let mut tok = Tokenizer::new("<e>z</f>", &limits);
        tok.set_fast_paths(true);
        tok.next_token().unwrap();
        assert!(tok.leaf_value().is_none());
        assert!(matches!(tok.next_token(), Ok(Some(Token::Text(t))) if t.span().start == 3));
        let e = tok.next_token().unwrap_err();
        assert_eq!((e.kind(), e.offset()), (XmlErrorKind::MismatchedEndTag, 4));
        // Off, it never reads.
        let mut tok = Tokenizer::new("<b>x</b>", &limits);
        tok.next_token().unwrap();
        assert!(tok.leaf_value().is_none());
    }

    #[test]
    fn skipped_layout_is_only_what_cannot_be_a_value() {
        let doc = "<a>\n <b>x</b>\n <c>\n </c>\n <d/>\n <!-- n -->\n <e>\n <f/>\n</e>\n</a>";
        let kept = [
            "<a", "<b", "\"x\"", "/b", "<c", "\"\\n \"", "/c", "<d", "/d", "\"\\n \"", "!", "<e",
            "<f", "/f", "/e", "/a",
        ];
        assert_eq!(token_list(doc, true), kept);
        // Without the option every run of layout is a token.
        let all = token_list(doc, false);
        assert_eq!(all.len(), kept.len() + 7);
        assert!(all.iter().filter(|t| t.starts_with('"')).count() == 10);
        // Layout that does not start with a line feed, or that holds a tab
        // or a carriage return, is text as ever.
        assert_eq!(
            token_list("<a> <b/>\n\t<c/>\r\n<d/></a>", true),
            [
                "<a",
                "\" \"",
                "<b",
                "/b",
                "\"\\n\\t\"",
                "<c",
                "/c",
                "\"\\r\\n\"",
                "<d",
                "/d",
                "/a"
            ]
        );
    }

    #[test]
    fn prefix_key_is_the_first_eight_bytes() {
        let data = b"abcdefghijklmnop";
        for n in 0..=12 {
            let p = &data[..n];
            let mut key = [0u8; 8];
            let m = n.min(8);
            key[..m].copy_from_slice(&p[..m]);
            assert_eq!(prefix_key(p), u64::from_le_bytes(key), "{n}");
        }
    }

    #[test]
    fn usual_declarations_read_as_the_general_loop_reads_them() {
        let limits = Limits::new();
        for doc in [
            r#"<?xml version="1.0"?><r/>"#,
            r#"<?xml version="1.0" encoding="UTF-8"?><r/>"#,
            r#"<?xml version="1.0" encoding="utf-8" standalone="yes"?><r/>"#,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?><r/>"#,
            r#"<?xml version="1.0" standalone="no"?><r/>"#,
        ] {
            let mut usual = Tokenizer::new(doc, &limits);
            let mut general = usual.clone();
            let a = usual.usual_declaration(0, 5);
            let b = general.any_declaration(0, 5).unwrap();
            assert_eq!(a, b, "{doc}");
            assert_eq!(usual.pos, general.pos, "{doc}");
        }
        for doc in [
            r#"<?xml version='1.0'?><r/>"#,
            r#"<?xml version="1.0"  encoding="UTF-8"?><r/>"#,
            r#"<?xml version="1.0" encoding="Utf-8"?><r/>"#,
            r#"<?xml version="1.0" standalone="no" encoding="UTF-8"?><r/>"#,
            r#"<?xml version="1.0" ?><r/>"#,
            r#"<?xml version="1.0""#,
        ] {
            assert_eq!(
                Tokenizer::new(doc, &limits).usual_declaration(0, 5),
                None,
                "{doc}"
            );
        }
    }

    /// The remembered element prefix follows rebinding and scope ends.
    #[test]
    fn resolved_prefix_follows_the_bindings() {
        let doc = r#"<a xmlns:p="urn:1"><p:x/><b xmlns:p="urn:2"><p:x/><p:x></p:x></b><p:x/><c xmlns:q="urn:3"><p:x/><q:x/></c><p:x/></a>"#;
        let mut t = Tokenizer::new(doc, &Limits::new());
        let mut seen = [""; 8];
        let mut n = 0;
        while let Some(token) = t.next_token().unwrap() {
            if let Token::ElementEnd(e) = token {
                if let Namespace::Other(u) = e.name().namespace() {
                    seen[n] = u.raw();
                    n += 1;
                }
            }
        }
        let expected = [
            "urn:1", "urn:2", "urn:2", "urn:1", "urn:1", "urn:3", "urn:1",
        ];
        assert_eq!(&seen[..n], &expected[..]);
    }

    /// Prefixes longer than eight bytes, alike in their first eight, each
    /// resolve to their own binding, whatever was resolved before them.
    #[test]
    fn long_prefixes_resolve_to_their_own_bindings() {
        let doc = r#"<longprefixA:a xmlns:longprefixA="urn:A" xmlns:longprefixB="urn:B" xmlns:p="urn:p"><longprefixB:b/><longprefixA:c/><p:d/><longprefixB:e/><longprefixB:f/></longprefixA:a>"#;
        let mut t = Tokenizer::new(doc, &Limits::new());
        let mut seen = [("", ""); 6];
        let mut n = 0;
        while let Some(token) = t.next_token().unwrap() {
            if let Token::ElementStart(e) = token {
                if let Namespace::Other(u) = e.name().namespace() {
                    seen[n] = (e.name().local(), u.raw());
                    n += 1;
                }
            }
        }
        let expected = [
            ("a", "urn:A"),
            ("b", "urn:B"),
            ("c", "urn:A"),
            ("d", "urn:p"),
            ("e", "urn:B"),
            ("f", "urn:B"),
        ];
        assert_eq!(&seen[..n], &expected[..]);
    }

    /// Every byte value at every offset of a word, with and without a
    /// second stop after it: the word-at-a-time scans agree with the table.
    #[test]
    fn word_scans_agree_with_the_table() {
        // Under Miri every byte value is too slow; a spread of them still
        // covers every class (the native run checks all 256), and lengths
        // up to two words and a tail cover every path of the loops (the
        // native run goes to three).
        let (step, max_len) = if cfg!(miri) { (7, 18) } else { (1, 24) };
        for len in 0..max_len {
            for at in 0..len {
                for b in (0..=255u8).step_by(step) {
                    let mut buf = [b'a'; 24];
                    buf[at] = b;
                    if at + 3 < len {
                        buf[at + 3] = b'<';
                    }
                    let bytes = &buf[..len];
                    let exact = bytes
                        .iter()
                        .position(|&b| class(b) & TEXT_STOP != 0)
                        .unwrap_or(len);
                    let found = find_text_stop(bytes, 0);
                    assert!(found <= exact, "{bytes:?}");
                    assert!(
                        found == exact || matches!(bytes[found], b'\t' | b'\n' | 0x80..),
                        "{bytes:?} stopped at {found}"
                    );
                    // Both quotes natively; under Miri one or the other,
                    // by the parity of the case (so each still meets every
                    // byte class, at half the interpreted time).
                    let quotes = [(b'"', b'\''), (b'\'', b'"')];
                    let quotes = if cfg!(miri) {
                        let one = (len + at) % 2;
                        &quotes[one..=one]
                    } else {
                        &quotes[..]
                    };
                    for &(quote, other) in quotes {
                        let exact = bytes
                            .iter()
                            .position(|&b| class(b) & ATTR_STOP != 0 && b != other)
                            .unwrap_or(len);
                        let found = chars::find_attr_stop(bytes, 0, quote).unwrap_or(len);
                        assert!(found <= exact, "{bytes:?}");
                        assert!(
                            found == exact
                                || class(bytes[found]) & (NON_ASCII | ATTR_STOP) == NON_ASCII,
                            "{bytes:?} stopped at {found}"
                        );
                    }
                    buf[..len].fill(b' ');
                    buf[at] = b;
                    let bytes = &buf[..len];
                    let exact = bytes.iter().position(|&b| b != b' ').unwrap_or(len);
                    assert_eq!(skip_spaces(bytes, 0), exact, "{bytes:?}");
                }
            }
        }
    }
}
