//! Re-reading elements of a message that has already been checked.
//!
//! The views keep only spans; their fields and repeated children are read
//! again, on demand, by this small scanner. It works on bytes and resolves
//! no namespace. It trusts its input to be well-formed — a command's span
//! was also checked schema-valid by the strict reader, a response's or
//! greeting's only well-formed (namespaces included) by the tolerant
//! walker — so it cannot fail: on input that breaks that promise
//! (impossible through the public API) it stops early rather than
//! panicking.
//!
//! How a child is recognised as the field a view asks for depends on what
//! was checked, and travels with every [`Child`], [`List`] and iterator as
//! a [`Matching`]: by local name alone in a command, whose every element
//! the strict reader has placed in the namespace the schema gives it; by
//! local name and a prefix rule in a response or greeting, where an
//! element of any namespace may stand anywhere (see
//! [`Matching::SameNamespace`]).

use core::fmt;
use core::marker::PhantomData;

use super::str::Str;
use crate::xml::{
    Namespace, Ns, Span, find_any3, find_byte, find_name_stop, is_space, same_bytes, split_qname,
};

/// How a lookup by name decides which children are the fields it looks
/// for. Set where a view's root element is taken from the message, and
/// handed down to every child, list and iterator read from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Matching {
    /// Every child counts; a lookup compares local names only. For
    /// commands: the strict reader has checked that every element is in
    /// the namespace the schema gives it, and a valid command may write a
    /// child with another prefix than its parent's, bound to the same
    /// namespace (`<domain:create xmlns:domain="…" xmlns:d="…"><d:name>`).
    ByLocal,
    /// Only the children in the parent's namespace count, as far as bytes
    /// tell without resolving namespaces: a child written with its
    /// parent's prefix (or, like its parent, with none) that does not
    /// declare that prefix again on its own start tag (`xmlns:prefix=`, or
    /// `xmlns=` when unprefixed). For responses and greetings, read
    /// tolerantly, where a foreign element may stand beside any field:
    /// when the rule says yes, the child is in its parent's namespace, so
    /// a foreign element is never taken for a field. It is conservative
    /// otherwise: a child of the right namespace written with another
    /// prefix than its parent's, or declaring its own prefix again, is
    /// skipped as foreign (it stays in the raw XML).
    SameNamespace,
    /// [`SameNamespace`](Matching::SameNamespace) where the reader saw,
    /// in its one pass over the message, that the rule holds for every
    /// element below the view's root: each is written with its parent's
    /// prefix and does not bind it again. Every child then counts, as
    /// under [`ByLocal`](Matching::ByLocal), without a look at its start
    /// tag — the same children, for less. A field of another namespace
    /// (`holds_field_in`) is still found by its binding.
    SameNamespaceThroughout,
}

impl Matching {
    /// Whether every child counts, with no look at its start tag.
    #[inline(always)]
    fn takes_every_child(self) -> bool {
        matches!(self, Matching::ByLocal | Matching::SameNamespaceThroughout)
    }
}

/// One element of an already-checked span.
#[derive(Clone, Copy, Debug)]
pub struct Child<'a> {
    doc: &'a str,
    /// `prefix:local` as written.
    qname: &'a str,
    /// Where the start tag begins (its `<`) and ends (one past its `>`),
    /// where the content ends (at the end tag; where the start tag ends
    /// when self-closing), and one past the end tag. In 32 bits (the
    /// tokenizer refuses a document of 4 GiB or more), so that the scope
    /// fits beside them.
    tag_start: u32,
    tag_end: u32,
    content_end: u32,
    end: u32,
    /// Length of the prefix, 0 when there is none (a prefix is never
    /// empty; a name is at most 65 535 bytes long).
    prefix_len: u16,
    /// How this element's children are matched by name.
    matching: Matching,
    /// The start tags above it where a prefix it uses may be bound.
    scope: Scope,
}

/// The attributes of a checked start tag: see [`Child::attribute_spans`].
struct AttributeSpans<'a> {
    /// The document up to the end of the start tag.
    bytes: &'a [u8],
    /// Where to read on.
    at: usize,
}

impl<'a> Iterator for AttributeSpans<'a> {
    type Item = (&'a [u8], usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        // Byte scans within a start tag checked well-formed: `name =
        // "value"` pairs separated by white space.
        let bytes = self.bytes;
        let mut i = self.at;
        while is_space(*bytes.get(i)?) {
            i += 1;
        }
        let name_start = i;
        let eq = find_byte(bytes, i, b'=')?;
        let mut name_end = eq;
        while name_end > name_start && is_space(bytes[name_end - 1]) {
            name_end -= 1;
        }
        i = eq + 1;
        while is_space(*bytes.get(i)?) {
            i += 1;
        }
        let quote = *bytes.get(i)?;
        let value_start = i + 1;
        let value_end = find_byte(bytes, value_start, quote)?;
        self.at = value_end + 1;
        Some((bytes.get(name_start..name_end)?, value_start, value_end))
    }
}

/// The children of one name met while going through a parent's
/// [`children`](Child::children) for other things too: noted one by one,
/// they make the [`List`] that [`Child::list`] would give, without a scan
/// of its own.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ListRun {
    span: Span,
    len: u32,
}

impl ListRun {
    /// Notes `child`, the next of the run in document order.
    #[inline]
    pub(crate) fn note(&mut self, child: &Child<'_>) {
        if self.len == 0 {
            self.span.start = child.start();
        }
        self.span.end = child.end();
        self.len += 1;
    }

    /// The run as a list of `parent`'s children called `local`.
    pub(crate) fn into_list<'a, T: ListItem<'a>>(
        self,
        parent: &Child<'a>,
        local: &'a str,
    ) -> List<'a, T> {
        List::from_doc_named(
            parent.doc,
            self.span,
            self.len,
            local,
            Items::children_of(parent),
            parent.children_scope(),
        )
    }
}

/// A child element kept as its offsets alone (20 bytes, where a [`Child`]
/// takes 80): see [`Child::keep`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KeptChild {
    tag_start: u32,
    tag_end: u32,
    content_end: u32,
    end: u32,
    qname_len: u16,
    prefix_len: u16,
}

impl<'a> Child<'a> {
    /// The start tag at `tag` alone (for reading its attributes: it has
    /// no content, so no child to match).
    pub(crate) fn start_tag(doc: &'a str, tag: Span) -> Option<Child<'a>> {
        let (name_end, prefix_len, _, _) = start_tag_at(doc.as_bytes().get(..tag.end)?, tag.start)?;
        Some(Child::at(
            doc,
            doc.get(tag.start + 1..name_end)?,
            prefix_len,
            tag,
            tag.end,
            tag.end,
            Matching::ByLocal,
            Scope::UNKNOWN,
        ))
    }

    /// The element named `qname` (with a prefix of `prefix_len` bytes)
    /// whose start tag is `tag`, whose content ends at `content_end` and
    /// which ends at `end`.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn at(
        doc: &'a str,
        qname: &'a str,
        prefix_len: u32,
        tag: Span,
        content_end: usize,
        end: usize,
        matching: Matching,
        scope: Scope,
    ) -> Child<'a> {
        // Offsets within a document under 4 GiB, a name under 64 KiB.
        Child {
            doc,
            qname,
            tag_start: tag.start as u32,
            tag_end: tag.end as u32,
            content_end: content_end as u32,
            end: end as u32,
            prefix_len: prefix_len as u16,
            matching,
            scope,
        }
    }

    /// This element kept in a few offsets, for a view that looks at some
    /// of its parent's children again and again: [`Child::kept_child`]
    /// gives it back without scanning the parent again.
    #[inline]
    pub(crate) fn keep(&self) -> KeptChild {
        KeptChild {
            tag_start: self.tag_start,
            tag_end: self.tag_end,
            content_end: self.content_end,
            end: self.end,
            qname_len: self.qname.len() as u16,
            prefix_len: self.prefix_len,
        }
    }

    /// The child `kept` stands for: `kept` must come from
    /// [`keep`](Child::keep) on one of this element's
    /// [`children`](Child::children), which it then equals.
    #[inline]
    pub(crate) fn kept_child(&self, kept: KeptChild) -> Option<Child<'a>> {
        let name_start = kept.tag_start as usize + 1;
        Some(Child::at(
            self.doc,
            self.doc
                .get(name_start..name_start + usize::from(kept.qname_len))?,
            u32::from(kept.prefix_len),
            Span {
                start: kept.tag_start as usize,
                end: kept.tag_end as usize,
            },
            kept.content_end as usize,
            kept.end as usize,
            self.matching,
            self.children_scope(),
        ))
    }

    /// The start tag, `<` to `>`.
    #[inline(always)]
    fn tag(&self) -> Span {
        Span {
            start: self.tag_start as usize,
            end: self.tag_end as usize,
        }
    }

    /// Where the start tag begins.
    #[inline(always)]
    fn start(&self) -> usize {
        self.tag_start as usize
    }

    /// One past the end tag.
    #[inline(always)]
    fn end(&self) -> usize {
        self.end as usize
    }

    /// The element whose start and end tags bound `span` exactly (a
    /// checked element's span): no scan of its content. Its children are
    /// matched as `matching` says; `scope` is where the prefixes it uses
    /// may be bound above it ([`Scope::UNKNOWN`] when not known).
    pub(crate) fn from_span(
        doc: &'a str,
        span: Span,
        matching: Matching,
        scope: Scope,
    ) -> Option<Child<'a>> {
        let bytes = doc.as_bytes();
        let (name_end, prefix_len, tag_end, self_closing) = start_tag_at(bytes, span.start)?;
        let content_end = if self_closing {
            tag_end
        } else {
            // The end tag is the last markup of the span.
            span.start
                + bytes
                    .get(span.start..span.end)?
                    .iter()
                    .rposition(|&b| b == b'<')?
        };
        (content_end >= tag_end && span.end <= doc.len()).then_some(Child::at(
            doc,
            doc.get(span.start + 1..name_end)?,
            prefix_len,
            Span {
                start: span.start,
                end: tag_end,
            },
            content_end,
            span.end,
            matching,
            scope,
        ))
    }

    /// How the element's children are matched.
    pub(crate) fn matching(&self) -> Matching {
        self.matching
    }

    /// The document the element is in.
    pub(crate) fn doc(&self) -> &'a str {
        self.doc
    }

    /// The start tags above the element where a prefix may be bound.
    pub(crate) fn scope(&self) -> Scope {
        self.scope
    }

    /// The start tags above the element's children: its own, when it may
    /// bind a namespace, and those above it. Not followed in a command
    /// (matched by local name, nothing to resolve).
    #[inline]
    fn children_scope(&self) -> Scope {
        match self.matching {
            Matching::ByLocal => Scope::UNKNOWN,
            _ => self.scope.within(self.qname.len(), self.tag()),
        }
    }

    /// The namespace `prefix` is bound to above this element, by its
    /// [`Scope`] (found from the document's start when not known).
    pub(crate) fn namespace_above(&self, prefix: &str) -> Namespace<'a> {
        match self.scope.binding(self.doc, prefix) {
            Binding::Declared(uri) => namespace_of(uri),
            Binding::Unbound => Namespace::None,
            Binding::Unknown => namespace_in_scope(self.doc, self.start(), prefix),
        }
    }

    /// The content between the start and end tags, as written.
    pub(crate) fn content_str(&self) -> &'a str {
        self.doc
            .get(self.tag_end as usize..self.content_end as usize)
            .unwrap_or_default()
    }

    /// Where the content lies in the document.
    #[inline(always)]
    pub(crate) fn content_span(&self) -> Span {
        Span {
            start: self.tag_end as usize,
            end: self.content_end as usize,
        }
    }

    /// The prefix as written (`""` when there is none).
    pub(crate) fn prefix(&self) -> &'a str {
        split_qname(self.qname, usize::from(self.prefix_len)).0
    }

    /// The local name.
    #[inline]
    pub(crate) fn local(&self) -> &'a str {
        split_qname(self.qname, usize::from(self.prefix_len)).1
    }

    /// The whole element, start tag to end tag.
    pub(crate) fn span(&self) -> Span {
        Span {
            start: self.start(),
            end: self.end(),
        }
    }

    /// The simple content, as written.
    #[inline]
    pub(crate) fn text(&self) -> Str<'a> {
        Str::scan_content(self.content_str(), self.tag_end as usize)
    }

    /// The simple content trimmed (schema type `token`).
    #[inline]
    pub(crate) fn token(&self) -> Str<'a> {
        self.text().trimmed()
    }

    /// The unprefixed attribute `name`.
    pub(crate) fn attr(&self, name: &str) -> Option<Str<'a>> {
        let (value_start, value_end) = self.find_attr(|n| same_bytes(n, name.as_bytes()))?;
        self.attribute_value(value_start, value_end)
    }

    /// Where the value of the first attribute whose name `is_it` accepts
    /// lies (between the quotes).
    fn find_attr(&self, is_it: impl Fn(&[u8]) -> bool) -> Option<(usize, usize)> {
        self.attribute_spans()
            .find(|&(name, _, _)| is_it(name))
            .map(|(_, start, end)| (start, end))
    }

    /// The attributes of the start tag in order, each as its name and
    /// where its value lies (between the quotes).
    fn attribute_spans(&self) -> AttributeSpans<'a> {
        AttributeSpans {
            bytes: self
                .doc
                .as_bytes()
                .get(..self.tag_end as usize)
                .unwrap_or_default(),
            at: self.start() + 1 + self.qname.len(),
        }
    }

    /// The unprefixed attributes `names`, each read as [`attr`] reads
    /// one, in one pass over the start tag: for a view that takes several
    /// attributes of each item of a long list.
    ///
    /// [`attr`]: Child::attr
    pub(crate) fn attrs<const N: usize>(&self, names: [&str; N]) -> [Option<Str<'a>>; N] {
        let mut found = [None; N];
        for (name, start, end) in self.attribute_spans() {
            let Some(k) = names.iter().position(|n| same_bytes(name, n.as_bytes())) else {
                continue;
            };
            if found[k].is_none() {
                found[k] = self.attribute_value(start, end);
            }
        }
        found
    }

    /// The attribute value between `start` and `end`, as [`attr`] gives it.
    ///
    /// [`attr`]: Child::attr
    fn attribute_value(&self, start: usize, end: usize) -> Option<Str<'a>> {
        let value = self.doc.get(start..end)?;
        let escaped = value
            .bytes()
            .any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r'));
        Some(Str::attribute(value, start, escaped))
    }

    /// Where the namespace URI the start tag binds `prefix` to
    /// (`xmlns:prefix=`, or `xmlns=` for no prefix) is, as written
    /// (between the quotes); `None` when it declares none.
    fn declaration_at(&self, prefix: &[u8]) -> Option<(usize, usize)> {
        if binds_nothing(self.doc, self.qname, self.tag()) {
            return None;
        }
        self.find_attr(|name| match name.strip_prefix(b"xmlns") {
            Some([]) => prefix.is_empty(),
            Some([b':', declared @ ..]) => !prefix.is_empty() && same_bytes(declared, prefix),
            _ => false,
        })
    }

    /// The namespace URI the start tag binds `prefix` to, as written.
    fn declaration(&self, prefix: &str) -> Option<Str<'a>> {
        let (start, end) = self.declaration_at(prefix.as_bytes())?;
        let value = self.doc.get(start..end)?;
        Some(Str::attribute(value, start, value.contains('&')))
    }

    /// The namespace URI the start tag binds the element's own prefix to,
    /// as written: `None` when it takes the binding of its parent's scope.
    fn own_declaration(&self) -> Option<Str<'a>> {
        self.declaration(self.prefix())
    }

    /// Whether `c`, a child of this element, is one of its fields as its
    /// [`Matching`] says: any child by local name; under
    /// [`Matching::SameNamespace`] only one in this element's namespace
    /// by the prefix rule.
    pub(crate) fn holds_field(&self, c: &Child<'_>) -> bool {
        self.matching.takes_every_child() || Rule::parent(self).holds(self.doc, c)
    }

    /// Whether `c`, a child of this element, is a field of the namespace
    /// `ns` (another than this element's, like a `<mark:mark>` in a
    /// `<launch:infData>`): any child by local name; under
    /// [`Matching::SameNamespace`] only when its prefix is bound to `ns`:
    /// on its own start tag, or (not bound there) on this element's, or
    /// (bound on neither, like the EPP namespace of a `<domain:paTRID>`'s
    /// children) further up, on one of the start tags of this element's
    /// [`Scope`] — exact, without reading the document before it again.
    pub(crate) fn holds_field_in(&self, c: &Child<'a>, ns: Ns) -> bool {
        if self.matching == Matching::ByLocal {
            return true;
        }
        let namespace = match self.declared_namespace(c) {
            Some(namespace) => namespace,
            None => self.namespace_above(c.prefix()),
        };
        namespace == Namespace::Known(ns)
    }

    /// The namespace of `c`, a child of this element, when one of the two
    /// start tags the scanner knows binds its prefix: its own, or (not
    /// bound there) this element's. `None` when it is bound further up.
    pub(crate) fn declared_namespace(&self, c: &Child<'a>) -> Option<Namespace<'a>> {
        let uri = match c.own_declaration() {
            Some(uri) => uri,
            None => self.declaration(c.prefix())?,
        };
        Some(namespace_of(uri))
    }

    /// The child elements that are fields of this one (all of them under
    /// [`Matching::ByLocal`]; those in its namespace under
    /// [`Matching::SameNamespace`]), matched as this element's are.
    pub(crate) fn children(&self) -> Children<'a> {
        match self.matching {
            Matching::ByLocal => Children::new(self.doc, self.content_span()),
            Matching::SameNamespaceThroughout => Children::scoped(
                self.doc,
                self.content_span(),
                Matching::SameNamespaceThroughout,
                self.children_scope(),
            ),
            Matching::SameNamespace => Children {
                rule: Rule::parent(self),
                ..Children::scoped(
                    self.doc,
                    self.content_span(),
                    Matching::SameNamespace,
                    self.children_scope(),
                )
            },
        }
    }

    /// Every child element, of whatever namespace (the raw content of a
    /// `<value>`, say), matched as this element's are.
    pub(crate) fn all_children(&self) -> Children<'a> {
        Children::scoped(
            self.doc,
            self.content_span(),
            self.matching,
            self.children_scope(),
        )
    }

    /// The first child element called `local` (among [`children`]).
    ///
    /// [`children`]: Child::children
    pub(crate) fn child(&self, local: &str) -> Option<Child<'a>> {
        self.children()
            .find(|c| same_bytes(c.local().as_bytes(), local.as_bytes()))
    }

    /// The run of children called `local` (among [`children`]), as a [`List`].
    ///
    /// [`children`]: Child::children
    pub(crate) fn list<T: ListItem<'a>>(&self, local: &'a str) -> List<'a, T> {
        let mut run = ListRun::default();
        for c in self
            .children()
            .filter(|c| same_bytes(c.local().as_bytes(), local.as_bytes()))
        {
            run.note(&c);
        }
        run.into_list(self, local)
    }

    /// The first child element called `local` of the namespace `ns`,
    /// another than this element's (see [`holds_field_in`]).
    ///
    /// [`holds_field_in`]: Child::holds_field_in
    pub(crate) fn child_in(&self, ns: Ns, local: &str) -> Option<Child<'a>> {
        self.all_children().find(|c| {
            same_bytes(c.local().as_bytes(), local.as_bytes()) && self.holds_field_in(c, ns)
        })
    }

    /// The run of children called `local` of the namespace `ns`, another
    /// than this element's (see [`holds_field_in`]), as a [`List`]: under
    /// [`Matching::SameNamespace`], the first such child and those after
    /// it that the list's rule shows to be of its namespace (see
    /// [`Rule::first_item`]).
    ///
    /// [`holds_field_in`]: Child::holds_field_in
    pub(crate) fn list_in<T: ListItem<'a>>(&self, ns: Ns, local: &'a str) -> List<'a, T> {
        let mut named = self
            .all_children()
            .filter(|c| same_bytes(c.local().as_bytes(), local.as_bytes()));
        let Some(first) = named.find(|c| self.holds_field_in(c, ns)) else {
            return List::empty();
        };
        let same = Rule::first_item(&first);
        let mut span = first.span();
        let mut len = 1u32;
        for c in named {
            if self.matching.takes_every_child() || same.holds(self.doc, &c) {
                span.end = c.end();
                len += 1;
            }
        }
        List::from_doc_named(self.doc, span, len, local, Items::like(&first), first.scope)
    }

    /// Whether `c`, a later sibling of this element, is an item of a
    /// [`List`] whose first item this is (the rule of
    /// [`Matching::SameNamespace`] lists; both read from their start tags).
    pub(crate) fn lists_with(&self, c: &Child<'_>) -> bool {
        Rule::first_item(self).holds(self.doc, c)
    }

    /// The element itself as a list of one (a draft's single item, flat
    /// in its parent), its children matched as this element's are.
    pub(crate) fn as_list<T: ListItem<'a>>(&self) -> List<'a, T> {
        List::from_doc_matched(self.doc, self.span(), 1, self.matching, self.scope)
    }
}

/// The namespace `prefix` is bound to on the start tag at `at` (its own
/// declarations included), found by descending from the start of `doc`
/// through the elements that enclose it: exact, for a scan of what comes
/// before `at` (a [`Child`] read through its parents knows where to look
/// instead: its [`Scope`]). Unbound, it is no namespace (what
/// the tolerant walker makes of an undeclared prefix too).
pub(crate) fn namespace_in_scope<'a>(doc: &'a str, at: usize, prefix: &str) -> Namespace<'a> {
    note_read(at);
    let mut bound: Option<Str<'a>> = None;
    let mut span = Span {
        start: 0,
        end: doc.len(),
    };
    while let Some(enclosing) = Children::new(doc, span).find(|c| c.end() > at) {
        if enclosing.start() > at {
            break;
        }
        if let Some(uri) = enclosing.declaration(prefix) {
            bound = Some(uri);
        }
        if enclosing.start() == at {
            break;
        }
        span = enclosing.content_span();
    }
    bound.map_or(Namespace::None, namespace_of)
}

/// The namespace a declaration's value (as written) names.
pub(crate) fn namespace_of(uri: Str<'_>) -> Namespace<'_> {
    Namespace::from_value(uri.raw(), uri.has_escapes())
}

/// How many start tags a [`Scope`] holds: as many as the deepest lookup
/// a view makes has ancestors (see [`Scope`]), and no more, so that a
/// [`Child`] stays 80 bytes.
const SCOPE_CAP: usize = 7;
/// A [`Scope`]'s slot after its last start tag: nothing above binds.
const SCOPE_END: u32 = u32::MAX;
/// A [`Scope`]'s slot where the start tags further up are not known.
const SCOPE_UNKNOWN: u32 = u32::MAX - 1;

/// Where the prefixes an element uses may be bound above it: the start
/// tags of its ancestors that may declare a namespace (those with
/// attributes), nearest first, up to the document's root. Handed down
/// from parent to child as the views read their way in from an element
/// whose ancestors the reader knew (a response's `<resData>` child, its
/// `<result>`s, a greeting), so that a prefix bound far above — EPP's,
/// on `<epp>`, for a `<domain:paTRID>`'s `<clTRID>` — is found by reading
/// these few start tags, not the document before the element: each
/// lookup costs what those tags hold, whatever stands before it.
///
/// An element read otherwise (by hand, or in a command, where nothing is
/// resolved) has an unknown scope: a lookup then descends from the
/// document's start ([`namespace_in_scope`]), exact but dearer; so does
/// one under more than seven such ancestors, which no view reaches: the
/// deepest lookup, of a `<mark:mark>` in a `<launch:codeMark>` of a
/// `<launch:create>` echoed in a response's `<extValue><value>`, has
/// seven ancestors in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Scope {
    /// The offsets of the `<` of those start tags, nearest first, then
    /// [`SCOPE_END`] (nothing further up), or [`SCOPE_UNKNOWN`] (not
    /// known further up).
    tags: [u32; SCOPE_CAP],
}

/// What a [`Scope`] binds a prefix to.
enum Binding<'a> {
    /// The namespace declared by the nearest start tag binding it, as written.
    Declared(Str<'a>),
    /// Nothing binds it.
    Unbound,
    /// Not known from the scope.
    Unknown,
}

impl Scope {
    /// The scope of a document's root element: nothing above it.
    pub(crate) const ROOT: Scope = Scope {
        tags: [SCOPE_END; SCOPE_CAP],
    };

    /// Not known.
    pub(crate) const UNKNOWN: Scope = Scope {
        tags: [SCOPE_UNKNOWN; SCOPE_CAP],
    };

    /// The scope of the children of the element whose start tag is
    /// `tag`, with a name of `qname_len` bytes, and whose own scope this is.
    #[inline]
    fn within(self, qname_len: usize, tag: Span) -> Scope {
        // A start tag without attributes (`<name>`, `<name/>`, `<name >`)
        // declares nothing.
        if tag.end <= tag.start + 3 + qname_len {
            return self;
        }
        self.under(tag)
    }

    /// The scope of the children of the element whose start tag is `tag`
    /// in `doc`, and whose own scope this is, told from the tag's last
    /// bytes (for the few elements the reader walked through: `<epp>`,
    /// `<response>`, `<resData>`…): a start tag with attributes ends with
    /// the quote closing the last value, perhaps then white space, before
    /// its `>` or `/>`.
    #[inline]
    pub(crate) fn within_tag(self, doc: &str, tag: Span) -> Scope {
        let bytes = doc.as_bytes();
        let mut last = tag.end.wrapping_sub(2);
        if bytes.get(last) == Some(&b'/') {
            last = last.wrapping_sub(1);
        }
        match bytes.get(last) {
            Some(&b) if b != b'"' && b != b'\'' && !is_space(b) => self,
            _ => self.under(tag),
        }
    }

    /// The scope of the children of the element whose start tag is `tag`,
    /// and whose own scope this is, the tag kept.
    #[inline]
    fn under(self, tag: Span) -> Scope {
        let at = match u32::try_from(tag.start) {
            Ok(at) if at < SCOPE_UNKNOWN => at,
            _ => return Scope::UNKNOWN,
        };
        let mut tags = [SCOPE_END; SCOPE_CAP];
        tags[0] = at;
        tags[1..].copy_from_slice(&self.tags[..SCOPE_CAP - 1]);
        if self.tags[SCOPE_CAP - 1] != SCOPE_END {
            // One dropped: what is further up is no longer known.
            tags[SCOPE_CAP - 1] = SCOPE_UNKNOWN;
        }
        Scope { tags }
    }

    /// What the nearest of these start tags that binds `prefix` binds it to.
    fn binding<'a>(&self, doc: &'a str, prefix: &str) -> Binding<'a> {
        for &at in &self.tags {
            let at = match at {
                SCOPE_END => return Binding::Unbound,
                SCOPE_UNKNOWN => return Binding::Unknown,
                at => at as usize,
            };
            let Some((_, _, end, _)) = start_tag_at(doc.as_bytes(), at) else {
                return Binding::Unknown;
            };
            note_read(end - at);
            let tag = Child::start_tag(doc, Span { start: at, end });
            if let Some(uri) = tag.and_then(|t| t.declaration(prefix)) {
                return Binding::Declared(uri);
            }
        }
        Binding::Unbound
    }
}

#[cfg(all(test, feature = "std"))]
std::thread_local! {
    /// The bytes read by namespace lookups on this thread, for the tests
    /// that check what they cost.
    static LOOKUP_READ: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// Counts `bytes` read by a namespace lookup (in tests only).
#[cfg(all(test, feature = "std"))]
fn note_read(bytes: usize) {
    LOOKUP_READ.with(|read| read.set(read.get() + bytes));
}

/// Counts `bytes` read by a namespace lookup (in tests only).
#[cfg(not(all(test, feature = "std")))]
#[inline(always)]
fn note_read(_bytes: usize) {}

/// The bytes read by namespace lookups on this thread since the last call.
#[cfg(all(test, feature = "std"))]
pub(crate) fn take_lookup_read() -> usize {
    LOOKUP_READ.with(|read| read.replace(0))
}

/// Whether the start tag `tag` of `doc`, named `qname`, surely binds no
/// namespace: `<qname>` or `<qname/>` (the usual case), or attributes that
/// nowhere say `xmlns`.
#[inline(always)]
fn binds_nothing(doc: &str, qname: &str, tag: Span) -> bool {
    let attributes = tag.start + 1 + qname.len();
    tag.end <= attributes + 2
        || doc
            .as_bytes()
            .get(..tag.end)
            .is_none_or(|bytes| !mentions_xmlns(bytes, attributes))
}

/// Whether `tag` (a document up to the end of a start tag) says `xmlns`
/// at or after `from`: may declare a namespace there. Eight bytes at a
/// time to each `x`.
#[inline]
fn mentions_xmlns(tag: &[u8], mut from: usize) -> bool {
    const MLNS: u32 = u32::from_ne_bytes(*b"mlns");
    while let Some(x) = find_byte(tag, from, b'x') {
        if let Some(&[m, l, n, s]) = tag.get(x + 1..x + 5) {
            if u32::from_ne_bytes([m, l, n, s]) == MLNS {
                return true;
            }
        }
        from = x + 1;
    }
    false
}

/// [`Rule::declared_len`] when the reference binds nothing itself.
const NOT_DECLARED: u32 = u32::MAX;

/// How [`Children`] reads a run of children: how their own children are
/// matched and, under [`Matching::SameNamespace`], which of them count —
/// those in the namespace of a reference element, as far as the bytes of
/// their own start tags tell. It holds offsets into the document rather
/// than slices, so that [`Children`], and every [`ListIter`], stays small.
#[derive(Clone, Copy, Debug)]
struct Rule {
    /// How the children's own children are matched.
    matching: Matching,
    /// Whether only the children in the reference's namespace count.
    filtered: bool,
    /// The reference's prefix: its length and where it is.
    prefix_len: u16,
    prefix_at: u32,
    /// What the reference's start tag binds its own prefix to, as
    /// written: where, and its length ([`NOT_DECLARED`] when it binds
    /// nothing; always for a parent: see [`Rule::parent`]).
    declared_at: u32,
    declared_len: u32,
}

impl Rule {
    /// Every child counts; their children are matched as `matching` says.
    const fn every(matching: Matching) -> Self {
        Rule {
            matching,
            filtered: false,
            prefix_len: 0,
            prefix_at: 0,
            declared_at: 0,
            declared_len: NOT_DECLARED,
        }
    }

    /// The fields of `parent`: a child written with the parent's prefix
    /// that does not bind it again on its own tag takes the binding in
    /// force in the parent's content, which is the parent's namespace.
    /// (A child binding its own prefix on its own tag is not looked at
    /// further: skipped, conservatively.)
    fn parent(parent: &Child<'_>) -> Self {
        Rule {
            filtered: true,
            prefix_len: parent.prefix_len,
            prefix_at: parent.tag_start + 1,
            ..Rule::every(Matching::SameNamespace)
        }
    }

    /// The items of a list like its first item, `first`, a sibling: one
    /// that binds its own prefix on its own tag to the same URI (as
    /// written) as `first` does; or, when `first` binds nothing itself
    /// and so takes the parent's binding, one written with the same
    /// prefix that binds nothing either. For the items of one parent in
    /// its own namespace, the same as [`Rule::parent`].
    fn first_item(first: &Child<'_>) -> Self {
        let (declared_at, declared_len) = first
            .declaration_at(first.prefix().as_bytes())
            .map_or((0, NOT_DECLARED), |(start, end)| {
                (start as u32, (end - start) as u32)
            });
        Rule {
            declared_at,
            declared_len,
            ..Rule::parent(first)
        }
    }

    /// Whether `c`, of `doc`, counts.
    #[inline(always)]
    fn holds(&self, doc: &str, c: &Child<'_>) -> bool {
        self.holds_tag(doc, c.qname, u32::from(c.prefix_len), c.tag())
    }

    /// Whether the element whose start tag is `tag`, named `qname` with a
    /// prefix of `prefix_len` bytes, counts: read from these alone, before
    /// a [`Child`] is made of it.
    #[inline(always)]
    fn holds_tag(&self, doc: &str, qname: &str, prefix_len: u32, tag: Span) -> bool {
        if binds_nothing(doc, qname, tag) {
            return self.declared_len == NOT_DECLARED && self.is_prefix_of(doc, qname, prefix_len);
        }
        self.holds_declaring(doc, qname, prefix_len, tag)
    }

    /// [`holds_tag`](Rule::holds_tag) for a start tag with attributes,
    /// perhaps declarations.
    #[inline(never)]
    fn holds_declaring(&self, doc: &str, qname: &str, prefix_len: u32, tag: Span) -> bool {
        let Some(c) = Child::start_tag(doc, tag) else {
            return false;
        };
        match c.declaration_at(c.prefix().as_bytes()) {
            None => self.declared_len == NOT_DECLARED && self.is_prefix_of(doc, qname, prefix_len),
            Some((start, end)) => {
                let at = self.declared_at as usize;
                let declared = doc
                    .as_bytes()
                    .get(at..at.saturating_add(self.declared_len as usize));
                self.declared_len != NOT_DECLARED
                    && declared
                        .zip(doc.as_bytes().get(start..end))
                        .is_some_and(|(a, b)| same_bytes(a, b))
            }
        }
    }

    /// Whether `qname`, with a prefix of `prefix_len` bytes, is written
    /// with the reference's prefix.
    #[inline(always)]
    fn is_prefix_of(&self, doc: &str, qname: &str, prefix_len: u32) -> bool {
        let len = usize::from(self.prefix_len);
        if prefix_len as usize != len {
            return false;
        }
        if len == 0 {
            return true;
        }
        let at = self.prefix_at as usize;
        match (
            doc.as_bytes().get(at..at + len),
            qname.as_bytes().get(..len),
        ) {
            (Some(reference), Some(prefix)) => same_bytes(reference, prefix),
            _ => false,
        }
    }
}

/// Where to find a child element by name: a [`Child`] (scanned on each
/// lookup) or an [`Indexed`] element (looked up in its index).
pub(crate) trait Lookup<'a> {
    /// The first child called `local` (of the element's namespace).
    fn child(&self, local: &str) -> Option<Child<'a>>;
    /// The run of children called `local` (of the element's namespace).
    fn list<T: ListItem<'a>>(&self, local: &'a str) -> List<'a, T>;
    /// The first child called `local` of the namespace `ns`, another than
    /// the element's ([`Child::child_in`]).
    fn child_in(&self, ns: Ns, local: &str) -> Option<Child<'a>>;
    /// The run of children called `local` of the namespace `ns`, another
    /// than the element's ([`Child::list_in`]).
    fn list_in<T: ListItem<'a>>(&self, ns: Ns, local: &'a str) -> List<'a, T>;
}

impl<'a> Lookup<'a> for Child<'a> {
    fn child(&self, local: &str) -> Option<Child<'a>> {
        Child::child(self, local)
    }

    fn list<T: ListItem<'a>>(&self, local: &'a str) -> List<'a, T> {
        Child::list(self, local)
    }

    fn child_in(&self, ns: Ns, local: &str) -> Option<Child<'a>> {
        Child::child_in(self, ns, local)
    }

    fn list_in<T: ListItem<'a>>(&self, ns: Ns, local: &'a str) -> List<'a, T> {
        Child::list_in(self, ns, local)
    }
}

/// How many distinct child names an [`Indexed`] element remembers.
const INDEX_CAP: usize = 16;

/// One name's entry in an [`Indexed`] element.
#[derive(Clone, Copy, Debug, Default)]
struct IndexEntry {
    /// Offset and length of the local name in the document.
    name_at: u32,
    name_len: u8,
    /// Start of the first child of that name, end of the last.
    first: u32,
    last_end: u32,
    /// The first child's start tag end, content end and end: with
    /// `first`, all a lookup needs to hand it out without scanning it again.
    first_tag_end: u32,
    first_content_end: u32,
    first_end: u32,
    count: u16,
}

/// An element with its children (those [`Child::children`] yields) indexed
/// by local name in one pass, so that
/// reading many fields of a large response element (an `infData`) costs
/// one scan, not one per field.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Indexed<'a> {
    element: Child<'a>,
    /// The scope of its children.
    scope: Scope,
    entries: [IndexEntry; INDEX_CAP],
    len: u8,
    /// More distinct names than the index holds: look the rest up by scanning.
    overflow: bool,
}

impl PartialEq for Indexed<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.element == other.element
    }
}

impl<'a> Indexed<'a> {
    pub(crate) fn new(element: Child<'a>) -> Self {
        let mut index = Indexed {
            element,
            scope: element.children_scope(),
            entries: [IndexEntry::default(); INDEX_CAP],
            len: 0,
            overflow: false,
        };
        let doc = element.doc();
        let base = doc.as_ptr() as usize;
        for c in element.children() {
            let local = c.local();
            let at = local.as_ptr() as usize - base;
            let found = index.entries[..usize::from(index.len)]
                .iter_mut()
                .find(|e| entry_is(doc, e, local));
            match found {
                Some(e) => {
                    e.last_end = c.end;
                    e.count = e.count.saturating_add(1);
                }
                None if usize::from(index.len) < INDEX_CAP
                    && local.len() <= usize::from(u8::MAX) =>
                {
                    index.entries[usize::from(index.len)] = IndexEntry {
                        name_at: at as u32,
                        name_len: local.len() as u8,
                        first: c.tag_start,
                        last_end: c.end,
                        first_tag_end: c.tag_end,
                        first_content_end: c.content_end,
                        first_end: c.end,
                        count: 1,
                    };
                    index.len += 1;
                }
                None => index.overflow = true,
            }
        }
        index
    }

    /// The first child `e` stands for, from what the index kept of it.
    fn first_child(&self, e: &IndexEntry) -> Option<Child<'a>> {
        let doc = self.element.doc();
        let (start, name_at) = (e.first as usize, e.name_at as usize);
        let name_end = name_at + usize::from(e.name_len);
        // `<local` or `<prefix:local`: a prefix is never empty.
        let prefix_len = name_at.saturating_sub(start + 2);
        Some(Child {
            doc,
            qname: doc.get(start + 1..name_end)?,
            tag_start: e.first,
            tag_end: e.first_tag_end,
            content_end: e.first_content_end,
            end: e.first_end,
            prefix_len: u16::try_from(prefix_len).ok()?,
            matching: self.element.matching,
            scope: self.scope,
        })
    }

    #[inline]
    fn entry(&self, local: &str) -> Option<&IndexEntry> {
        let doc = self.element.doc();
        self.entries[..usize::from(self.len)]
            .iter()
            .find(|e| entry_is(doc, e, local))
    }
}

/// Whether `entry` is for the local name `local`: lengths first, then the
/// bytes without a call to `memcmp`.
#[inline]
fn entry_is(doc: &str, entry: &IndexEntry, local: &str) -> bool {
    usize::from(entry.name_len) == local.len()
        && doc
            .as_bytes()
            .get(entry.name_at as usize..entry.name_at as usize + local.len())
            .is_some_and(|name| same_bytes(name, local.as_bytes()))
}

impl<'a> Lookup<'a> for Indexed<'a> {
    fn child(&self, local: &str) -> Option<Child<'a>> {
        match self.entry(local) {
            Some(e) => self.first_child(e),
            None if self.overflow => self.element.child(local),
            None => None,
        }
    }

    fn list<T: ListItem<'a>>(&self, local: &'a str) -> List<'a, T> {
        match self.entry(local) {
            Some(e) => List::from_doc_named(
                self.element.doc(),
                Span {
                    start: e.first as usize,
                    end: e.last_end as usize,
                },
                u32::from(e.count),
                local,
                Items::children_of(&self.element),
                self.scope,
            ),
            None if self.overflow => self.element.list(local),
            None => List::empty(),
        }
    }

    fn child_in(&self, ns: Ns, local: &str) -> Option<Child<'a>> {
        match self.element.matching {
            // Every child was indexed, whatever its namespace.
            Matching::ByLocal => self.child(local),
            // Only those of the element's namespace were (under
            // `SameNamespaceThroughout` all of them, of its namespace).
            _ => self.element.child_in(ns, local),
        }
    }

    fn list_in<T: ListItem<'a>>(&self, ns: Ns, local: &'a str) -> List<'a, T> {
        match self.element.matching {
            Matching::ByLocal => self.list(local),
            _ => self.element.list_in(ns, local),
        }
    }
}

/// The child elements of a checked span, in order.
#[derive(Clone, Debug)]
pub(crate) struct Children<'a> {
    doc: &'a str,
    /// Where to read on, and where the span ends: in 32 bits (see
    /// [`Child`]).
    pos: u32,
    end: u32,
    /// How the children's children are matched, and which children count.
    rule: Rule,
    /// The scope the children are in.
    scope: Scope,
}

impl<'a> Children<'a> {
    /// Every child element of `span`, whose children are matched by
    /// local name (the elements of a command, and raw elements read
    /// without lookups).
    #[inline]
    pub(crate) fn new(doc: &'a str, span: Span) -> Self {
        Children::matched(doc, span, Matching::ByLocal)
    }

    /// Every child element of `span`, whose children are matched as
    /// `matching` says.
    #[inline]
    pub(crate) fn matched(doc: &'a str, span: Span, matching: Matching) -> Self {
        Children::scoped(doc, span, matching, Scope::UNKNOWN)
    }

    /// Every child element of `span`, whose children are matched as
    /// `matching` says, in `scope` (their parent's start tag included).
    #[inline]
    pub(crate) fn scoped(doc: &'a str, span: Span, matching: Matching, scope: Scope) -> Self {
        Children {
            doc,
            pos: span.start as u32,
            end: span.end.min(doc.len()) as u32,
            rule: Rule::every(matching),
            scope,
        }
    }
}

impl<'a> Iterator for Children<'a> {
    type Item = Child<'a>;

    fn next(&mut self) -> Option<Child<'a>> {
        if self.rule.filtered {
            return self.next_counted();
        }
        self.next_kept(|_, _, _, _| true)
    }
}

impl<'a> Children<'a> {
    /// The next child element that counts by the rule (kept apart, so that
    /// a command's lists, not filtered, pay one test).
    #[inline(never)]
    fn next_counted(&mut self) -> Option<Child<'a>> {
        let rule = self.rule;
        self.next_kept(|doc, qname, prefix_len, tag| rule.holds_tag(doc, qname, prefix_len, tag))
    }

    /// The next child element that `keep` keeps.
    #[inline(always)]
    fn next_kept(&mut self, keep: impl Fn(&str, &str, u32, Span) -> bool) -> Option<Child<'a>> {
        let bytes = self.doc.as_bytes();
        loop {
            let lt = find_byte(bytes.get(..self.end as usize)?, self.pos as usize, b'<')?;
            match bytes.get(lt + 1)? {
                b'!' | b'?' => self.pos = skip_markup(bytes, lt)? as u32,
                b'/' => {
                    // The parent's end tag: only if the span was too wide.
                    self.pos = self.end;
                    return None;
                }
                _ => {
                    let (name_end, prefix_len, tag_end, self_closing) = start_tag_at(bytes, lt)?;
                    let qname = self.doc.get(lt + 1..name_end)?;
                    let tag = Span {
                        start: lt,
                        end: tag_end,
                    };
                    let (content_end, end) = if self_closing {
                        (tag_end, tag_end)
                    } else {
                        end_tag_of(bytes, tag_end, qname.len())?
                    };
                    self.pos = end as u32;
                    if keep(self.doc, qname, prefix_len, tag) {
                        return Some(Child::at(
                            self.doc,
                            qname,
                            prefix_len,
                            tag,
                            content_end,
                            end,
                            self.rule.matching,
                            self.scope,
                        ));
                    }
                }
            }
        }
    }
}

/// The validated start tag at `lt`, read in one pass: the end of its
/// qualified name, the length of its prefix (0 when there is none), the
/// tag's end (one past `>`) and whether it is self-closing.
#[inline(always)]
fn start_tag_at(bytes: &[u8], lt: usize) -> Option<(usize, u32, usize, bool)> {
    let (stop, prefix_len) = name_at(bytes, lt)?;
    match (bytes.get(stop), bytes.get(stop + 1)) {
        (Some(b'>'), _) => Some((stop, prefix_len, stop + 1, false)),
        (Some(b'/'), Some(b'>')) => Some((stop, prefix_len, stop + 2, true)),
        // White space: attributes follow (or, on input that was never
        // validated, anything: the general scan copes).
        _ => {
            let (end, self_closing) = tag_end(bytes, stop)?;
            Some((stop, prefix_len, end, self_closing))
        }
    }
}

/// The qualified name of the validated start tag at `lt`: where it ends,
/// and the length of its prefix (0 when there is none).
#[inline(always)]
fn name_at(bytes: &[u8], lt: usize) -> Option<(usize, u32)> {
    let start = lt + 1;
    let stop = find_name_stop(bytes, start)?;
    if bytes.get(stop) == Some(&b':') {
        let prefix_len = u32::try_from(stop - start).ok()?;
        return Some((find_name_stop(bytes, stop + 1)?, prefix_len));
    }
    Some((stop, 0))
}

/// The end tag of the validated element whose start tag ends at `from`
/// and whose qualified name is `qname_len` bytes long: `(start, end)`.
/// An element without children (most are) needs no depth count: the
/// first `</` is its own end tag.
#[inline(always)]
fn end_tag_of(bytes: &[u8], from: usize, qname_len: usize) -> Option<(usize, usize)> {
    let lt = find_byte(bytes, from, b'<')?;
    if bytes.get(lt + 1) != Some(&b'/') {
        return matching_end(bytes, lt);
    }
    // `</qname>`, perhaps with white space before the `>`.
    let after = lt + 2 + qname_len;
    let gt = if bytes.get(after) == Some(&b'>') {
        after
    } else {
        find_byte(bytes, after, b'>')?
    };
    Some((lt, gt + 1))
}

/// Past a comment, CDATA section or PI starting at `lt`.
pub(crate) fn skip_markup(bytes: &[u8], lt: usize) -> Option<usize> {
    let rest = bytes.get(lt..)?;
    let (terminator, skip): (&[u8], usize) = if rest.starts_with(b"<!--") {
        (b"-->", 4)
    } else if rest.starts_with(b"<![CDATA[") {
        (b"]]>", 9)
    } else {
        (b"?>", 2)
    };
    let from = lt + skip;
    let at = bytes
        .get(from..)?
        .windows(terminator.len())
        .position(|w| w == terminator)?;
    Some(from + at + terminator.len())
}

/// The end (one past `>`) of the start tag at `lt`, and whether it is `/>`.
pub(crate) fn tag_end(bytes: &[u8], lt: usize) -> Option<(usize, bool)> {
    let mut i = lt + 1;
    loop {
        i = find_any3(bytes, i, b'>', b'"', b'\'')?;
        let b = bytes[i];
        if b == b'>' {
            return Some((i + 1, bytes.get(i - 1) == Some(&b'/')));
        }
        // A quoted attribute value: skip to its closing quote.
        i = find_byte(bytes, i + 1, b)? + 1;
    }
}

/// The end tag matching a start tag whose `>` ends at `from`: `(start, end)`.
fn matching_end(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut depth = 1usize;
    let mut pos = from;
    loop {
        let lt = find_byte(bytes, pos, b'<')?;
        match bytes.get(lt + 1)? {
            b'!' | b'?' => pos = skip_markup(bytes, lt)?,
            b'/' => {
                let gt = find_byte(bytes, lt, b'>')?;
                depth -= 1;
                if depth == 0 {
                    return Some((lt, gt + 1));
                }
                pos = gt + 1;
            }
            _ => {
                let (end, self_closing) = tag_end(bytes, lt)?;
                if !self_closing {
                    depth += 1;
                }
                pos = end;
            }
        }
    }
}

mod sealed {
    /// Built from an element the strict reader validated.
    pub trait FromChild<'a> {
        fn from_child(child: super::Child<'a>) -> Self;
    }
}

#[allow(unused_imports)]
pub(crate) use sealed::FromChild;

/// A type that can be an item of a [`List`]: every repeated child a view offers.
pub trait ListItem<'a>: sealed::FromChild<'a> + Copy {}

impl<'a, T: sealed::FromChild<'a> + Copy> ListItem<'a> for T {}

impl<'a> sealed::FromChild<'a> for Str<'a> {
    fn from_child(child: Child<'a>) -> Self {
        child.token()
    }
}

/// A run of repeated children of a command or response (names to check,
/// host names, contacts, statuses, street lines …): read lazily from the
/// already-validated message, so iterating cannot fail; or a slice of
/// values built by hand, for the writers.
#[derive(Clone, Copy)]
pub struct List<'a, T> {
    source: Source<'a, T>,
}

#[derive(Clone, Copy)]
enum Source<'a, T> {
    /// `only`: when not empty, the local name of the items (other
    /// elements in the span are skipped). `items`: how the items'
    /// children are matched and, with `only`, which elements of the span
    /// are items. `scope`: the scope the items are in.
    Doc {
        doc: &'a str,
        span: Span32,
        len: u32,
        items: Items,
        only: &'a str,
        scope: Scope,
    },
    Slice(&'a [T]),
}

/// A span in 32 bits (the tokenizer refuses a document of 4 GiB or
/// more), so that a [`List`] stays small.
#[derive(Clone, Copy, Debug)]
struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    #[inline(always)]
    fn new(span: Span) -> Self {
        Span32 {
            start: span.start as u32,
            end: span.end as u32,
        }
    }

    #[inline(always)]
    fn get(self) -> Span {
        Span {
            start: self.start as usize,
            end: self.end as usize,
        }
    }
}

/// How a list read from a message matches its items' children and, when
/// it has a name to look for, tells its items from the other elements of
/// its span. The span starts at the first item (found by its parent's
/// rule, or checked by the tolerant walker); under
/// [`Matching::SameNamespace`] the items are those in its namespace by
/// [`Rule::first_item`], kept here in the short form of the usual case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Items {
    /// [`Matching::ByLocal`]: by local name alone.
    ByLocal,
    /// [`Matching::SameNamespace`], the first item binding nothing on its
    /// own tag: the items are written with its prefix (`prefix_len`
    /// bytes, right after its `<`) and bind nothing either.
    SameNamespace {
        /// The first item's prefix length.
        prefix_len: u16,
    },
    /// [`Matching::SameNamespace`], the first item binding its own prefix
    /// on its own tag: the rule is read from that tag when iterating.
    SameNamespaceDeclared,
    /// [`Matching::SameNamespaceThroughout`]: by local name alone, every
    /// child being in its parent's namespace.
    SameNamespaceThroughout,
}

impl Items {
    /// The children of `parent` that its [`Child::children`] yields.
    fn children_of(parent: &Child<'_>) -> Items {
        match parent.matching {
            Matching::ByLocal => Items::ByLocal,
            Matching::SameNamespace => Items::SameNamespace {
                prefix_len: parent.prefix_len,
            },
            Matching::SameNamespaceThroughout => Items::SameNamespaceThroughout,
        }
    }

    /// `first` and the siblings after it in its namespace.
    pub(crate) fn like(first: &Child<'_>) -> Items {
        match first.matching {
            Matching::ByLocal => Items::ByLocal,
            Matching::SameNamespaceThroughout => Items::SameNamespaceThroughout,
            Matching::SameNamespace => match first.declaration_at(first.prefix().as_bytes()) {
                None => Items::SameNamespace {
                    prefix_len: first.prefix_len,
                },
                Some(_) => Items::SameNamespaceDeclared,
            },
        }
    }

    /// How the items' children are matched.
    fn matching(self) -> Matching {
        match self {
            Items::ByLocal => Matching::ByLocal,
            Items::SameNamespaceThroughout => Matching::SameNamespaceThroughout,
            Items::SameNamespace { .. } | Items::SameNamespaceDeclared => Matching::SameNamespace,
        }
    }
}

impl<'a, T> List<'a, T> {
    /// An empty list.
    pub const fn empty() -> Self {
        List {
            source: Source::Slice(&[]),
        }
    }

    /// A list of values built by hand.
    pub const fn from_slice(items: &'a [T]) -> Self {
        List {
            source: Source::Slice(items),
        }
    }

    /// The `len` elements of `span` of a command (nothing else in it).
    pub(crate) fn from_doc(doc: &'a str, span: Span, len: u32) -> Self {
        List::from_doc_matched(doc, span, len, Matching::ByLocal, Scope::UNKNOWN)
    }

    /// The `len` elements of `span` (nothing else in it), in `scope`,
    /// their children matched as `matching` says.
    pub(crate) fn from_doc_matched(
        doc: &'a str,
        span: Span,
        len: u32,
        matching: Matching,
        scope: Scope,
    ) -> Self {
        let items = match matching {
            Matching::ByLocal => Items::ByLocal,
            Matching::SameNamespace => Items::SameNamespace { prefix_len: 0 },
            Matching::SameNamespaceThroughout => Items::SameNamespaceThroughout,
        };
        List {
            source: Source::Doc {
                doc,
                span: Span32::new(span),
                len,
                items,
                only: "",
                scope,
            },
        }
    }

    /// The `len` elements called `local` in `span`, in `scope`, which may
    /// hold others (skipped: by name, and as `items` says).
    pub(crate) fn from_doc_named(
        doc: &'a str,
        span: Span,
        len: u32,
        local: &'a str,
        items: Items,
        scope: Scope,
    ) -> Self {
        List {
            source: Source::Doc {
                doc,
                span: Span32::new(span),
                len,
                items,
                only: local,
                scope,
            },
        }
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        match self.source {
            Source::Doc { len, .. } => len as usize,
            Source::Slice(items) => items.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where the run stands in the message (first start tag to last end
    /// tag); `None` when built by hand or empty.
    pub fn span(&self) -> Option<Span> {
        match self.source {
            Source::Doc { span, len, .. } if len > 0 => Some(span.get()),
            _ => None,
        }
    }
}

impl<'a, T: ListItem<'a>> List<'a, T> {
    /// The items, in document order.
    pub fn iter(&self) -> ListIter<'a, T> {
        ListIter {
            inner: match self.source {
                Source::Doc {
                    doc,
                    span,
                    len,
                    items,
                    only,
                    scope,
                } => IterSource::Doc(
                    match items {
                        // A command's list: every child, as before the rule.
                        Items::ByLocal => Children::new(doc, span.get()),
                        _ => items_of(doc, span.get(), len, items, only, scope),
                    },
                    only,
                ),
                Source::Slice(items) => IterSource::Slice(items.iter()),
            },
            _item: PhantomData,
        }
    }

    /// The first item.
    pub fn first(&self) -> Option<T> {
        self.iter().next()
    }

    /// The item at `index`. It reads past the items before it: to visit
    /// every item, iterate, or keep the list [`starting_at`] an index
    /// and go on from there.
    ///
    /// [`starting_at`]: List::starting_at
    pub fn get(&self, index: usize) -> Option<T> {
        self.iter().nth(index)
    }

    /// The items from `index` on, as a list of their own (empty when
    /// `index` is not below [`len`]). Like [`get`], it reads past the
    /// items before `index`; a caller that goes through a list by index
    /// (as the C ABI does, one item per call) keeps the result and goes
    /// on from it, so each item is read past once.
    ///
    /// ```
    /// use epp_codec::view::{Command, DomainCommand, read_command};
    ///
    /// let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check>
    ///   <domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
    ///     <domain:name>a.example</domain:name><domain:name>b.example</domain:name>
    ///     <domain:name>c.example</domain:name>
    ///   </domain:check></check><clTRID>ABC-1</clTRID></command></epp>"#;
    /// let request = read_command(payload).unwrap();
    /// let Command::Domain(DomainCommand::Check(check)) = request.command() else {
    ///     unreachable!()
    /// };
    /// let names = check.names();
    /// let rest = names.starting_at(1);
    /// assert_eq!(rest.len(), 2);
    /// assert_eq!(rest.get(0), names.get(1));
    /// assert_eq!(rest.starting_at(1).get(0).unwrap(), "c.example");
    /// assert!(names.starting_at(3).is_empty());
    /// // Its span starts at its first item, as every list's does.
    /// let second = core::str::from_utf8(payload).unwrap().find("<domain:name>b").unwrap();
    /// assert_eq!(rest.span().unwrap().start, second);
    /// ```
    ///
    /// [`len`]: List::len
    /// [`get`]: List::get
    pub fn starting_at(&self, index: usize) -> Self {
        match self.source {
            Source::Doc {
                doc,
                span,
                len,
                items,
                only,
                scope,
            } => {
                let Some(rest) = (len as usize).checked_sub(index).filter(|&n| n > 0) else {
                    return Self::empty();
                };
                let mut iter = ListIter::<T> {
                    inner: IterSource::Doc(
                        items_of(doc, span.get(), len, items, only, scope),
                        only,
                    ),
                    _item: PhantomData,
                };
                if index > 0 && iter.nth(index - 1).is_none() {
                    return Self::empty();
                }
                let IterSource::Doc(children, _) = iter.inner else {
                    return Self::empty();
                };
                // The span starts at the next item's start tag, as a
                // list's span does (see `span`).
                let Some(next) = children
                    .clone()
                    .find(|c| only.is_empty() || same_bytes(c.local().as_bytes(), only.as_bytes()))
                else {
                    return Self::empty();
                };
                List {
                    source: Source::Doc {
                        doc,
                        span: Span32 {
                            start: next.tag_start,
                            end: span.end,
                        },
                        // The next item is in the first's namespace: the
                        // same rule holds from it.
                        len: rest as u32,
                        items,
                        only,
                        scope,
                    },
                }
            }
            Source::Slice(items) => List::from_slice(items.get(index..).unwrap_or(&[])),
        }
    }
}

/// The children of a list's `span` among which its items are: all of
/// them, or under [`Matching::SameNamespace`] with a name to look for,
/// those in the namespace of the first item, which starts the span (see
/// [`Rule::first_item`]); they are in `scope`.
#[inline]
fn items_of<'a>(
    doc: &'a str,
    span: Span,
    len: u32,
    items: Items,
    only: &str,
    scope: Scope,
) -> Children<'a> {
    let mut children = Children::scoped(doc, span, items.matching(), scope);
    if only.is_empty() || len == 0 {
        return children;
    }
    match items {
        Items::ByLocal | Items::SameNamespaceThroughout => {}
        Items::SameNamespace { prefix_len } => {
            children.rule = Rule {
                filtered: true,
                prefix_len,
                prefix_at: (span.start + 1) as u32,
                ..Rule::every(Matching::SameNamespace)
            };
        }
        Items::SameNamespaceDeclared => {
            // The first item's start tag is all the rule needs.
            let first = start_tag_at(doc.as_bytes(), span.start).and_then(|(_, _, end, _)| {
                Child::start_tag(
                    doc,
                    Span {
                        start: span.start,
                        end,
                    },
                )
            });
            if let Some(first) = first {
                children.rule = Rule::first_item(&first);
            }
        }
    }
    children
}

impl<'a, T: ListItem<'a>> IntoIterator for List<'a, T> {
    type Item = T;
    type IntoIter = ListIter<'a, T>;
    fn into_iter(self) -> ListIter<'a, T> {
        self.iter()
    }
}

impl<'a, T: ListItem<'a>> IntoIterator for &List<'a, T> {
    type Item = T;
    type IntoIter = ListIter<'a, T>;
    fn into_iter(self) -> ListIter<'a, T> {
        self.iter()
    }
}

impl<'a, T: ListItem<'a> + fmt::Debug> fmt::Debug for List<'a, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a, T: ListItem<'a> + PartialEq> PartialEq for List<'a, T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

/// The iterator of a [`List`].
#[derive(Clone, Debug)]
pub struct ListIter<'a, T> {
    inner: IterSource<'a, T>,
    _item: PhantomData<T>,
}

#[derive(Clone, Debug)]
enum IterSource<'a, T> {
    Doc(Children<'a>, &'a str),
    Slice(core::slice::Iter<'a, T>),
}

impl<'a, T: ListItem<'a>> Iterator for ListIter<'a, T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        match &mut self.inner {
            IterSource::Doc(children, "") => children.next().map(T::from_child),
            IterSource::Doc(children, only) => children
                .find(|c| same_bytes(c.local().as_bytes(), only.as_bytes()))
                .map(T::from_child),
            IterSource::Slice(items) => items.next().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The element `doc` is.
    fn root(doc: &str) -> Child<'_> {
        let whole = Span {
            start: 0,
            end: doc.len(),
        };
        Children::new(doc, whole).next().unwrap()
    }

    #[test]
    fn attributes_in_one_pass_read_as_one_at_a_time() {
        let doc = "<a><b\n   one = \"1&amp;\"\n\ttwo='2>' three=\"\" x:four=\"4\"/></a>";
        let b = root(doc).children().next().unwrap();
        let names = ["three", "one", "absent", "two", "four", "x:four"];
        let all = b.attrs(names);
        for (name, got) in names.iter().zip(all) {
            assert_eq!(got, b.attr(name), "{name}");
        }
        assert!(all[0].unwrap().is_empty());
        assert!(all[1].unwrap().eq_str("1&"));
        assert!(all[2].is_none());
        assert!(all[3].unwrap().eq_str("2>"));
        // `attr` and `attrs` take unprefixed names: a prefixed one is
        // found only by its whole qualified name.
        assert!(all[4].is_none());
        assert!(all[5].unwrap().eq_str("4"));
    }

    /// A child kept and given back is the child its parent's scan gives.
    #[test]
    fn a_kept_child_is_the_child() {
        let doc = r#"<p:a xmlns:p="urn:x"><p:b k="v">t</p:b><q/><p:c><p:d/></p:c></p:a>"#;
        for matching in [Matching::ByLocal, Matching::SameNamespace] {
            let whole = Span {
                start: 0,
                end: doc.len(),
            };
            let a = Children::matched(doc, whole, matching).next().unwrap();
            for child in a.children() {
                let kept = a.kept_child(child.keep()).unwrap();
                assert_eq!(kept, child);
                assert_eq!(kept.span(), child.span());
                assert_eq!(kept.local(), child.local());
                assert_eq!(kept.prefix(), child.prefix());
                assert_eq!(kept.children().count(), child.children().count());
            }
        }
    }

    #[test]
    fn children_attributes_and_nesting() {
        let doc = r#"<a><!-- c --><b x="1>" y='two'>t&amp;</b><c/><d><e>1</e><e>2</e></d></a>"#;
        let root = root(doc);
        let kids: heapless::Vec<Child<'_>, 4> = root.children().collect();
        assert_eq!(kids.len(), 3);
        assert_eq!(kids[0].local(), "b");
        assert!(kids[0].attr("x").unwrap().eq_str("1>"));
        assert!(kids[0].attr("y").unwrap().eq_str("two"));
        assert!(kids[0].attr("z").is_none());
        assert!(kids[0].text().eq_str("t&"));
        assert!(kids[1].text().is_empty());
        let list: List<'_, Str<'_>> = kids[2].list("e");
        assert_eq!(list.len(), 2);
        let texts: heapless::Vec<Str<'_>, 2> = list.iter().collect();
        assert_eq!(texts[1], "2");
        let d = doc.find("<d>").unwrap();
        assert_eq!(
            kids[2].span(),
            Span {
                start: d,
                end: d + "<d><e>1</e><e>2</e></d>".len()
            }
        );
    }

    #[test]
    fn a_list_starting_at_an_index_holds_the_rest() {
        // Items named `e` among others, comments and layout.
        let doc = "<d> <x/><e>1</e><!-- c --><x>n</x>\n <e>2</e><e/><x/><e>4</e> </d>";
        let root = root(doc);
        let list: List<'_, Str<'_>> = root.list("e");
        assert_eq!(list.len(), 4);
        for index in 0..=5 {
            let rest = list.starting_at(index);
            assert_eq!(rest.len(), 4usize.saturating_sub(index), "at {index}");
            assert!(rest.iter().eq(list.iter().skip(index)), "at {index}");
            match rest.span() {
                Some(span) => {
                    assert!(doc[span.start..].starts_with("<e"), "at {index}");
                    assert_eq!(span.end, list.span().unwrap().end);
                }
                None => assert!(index >= 4),
            }
            // Going on from a rest is the same as starting further on.
            assert!(
                rest.starting_at(1)
                    .iter()
                    .eq(list.starting_at(index + 1).iter())
            );
        }
        let items = [Str::new("a"), Str::new("b")];
        let hand_built = List::from_slice(&items);
        assert_eq!(hand_built.starting_at(1).get(0), Some(Str::new("b")));
        assert!(hand_built.starting_at(2).is_empty());
        assert!(hand_built.starting_at(usize::MAX).is_empty());
        assert!(list.starting_at(usize::MAX).is_empty());
    }

    /// The element `doc` is, read as a response's.
    fn tolerant_root(doc: &str) -> Child<'_> {
        let whole = Span {
            start: 0,
            end: doc.len(),
        };
        Children::scoped(doc, whole, Matching::SameNamespace, Scope::ROOT)
            .next()
            .unwrap()
    }

    fn texts<'a>(list: List<'a, Str<'a>>) -> heapless::Vec<Str<'a>, 8> {
        list.iter().collect()
    }

    #[test]
    fn the_prefix_rule_takes_only_children_in_the_parents_namespace() {
        let doc = r#"<d:p xmlns:d="urn:d"><x:n xmlns:x="urn:x">x</x:n><d:n xmlns:d="urn:x">redeclared</d:n><n xmlns="urn:x">default</n><e:n xmlns:e="urn:d">other prefix</e:n><n>unprefixed</n><d:n a="1">field</d:n><d:n>second</d:n></d:p>"#;
        let p = tolerant_root(doc);
        assert_eq!(p.child("n").unwrap().text(), "field");
        assert_eq!(texts(p.list("n")).as_slice(), ["field", "second"]);
        assert_eq!(p.list::<Str<'_>>("n").len(), 2);
        // Every child is still there for whoever asks for all of them.
        assert_eq!(p.all_children().count(), 7);
        // A command's lookups take the first of the name.
        let strict = root(doc);
        assert_eq!(strict.child("n").unwrap().text(), "x");
        assert_eq!(strict.list::<Str<'_>>("n").len(), 7);

        // Unprefixed under an unprefixed parent; `xmlns=""` rebinds too.
        let doc =
            r#"<p xmlns="urn:p"><n xmlns="">none</n><q:n xmlns:q="urn:p">q</q:n><n>field</n></p>"#;
        assert_eq!(tolerant_root(doc).child("n").unwrap().text(), "field");
    }

    #[test]
    fn a_lists_items_are_like_its_first() {
        // Items binding their own prefix, as `<mark:mark>`s do.
        let doc = r#"<l:p xmlns:l="urn:l"><m:m xmlns:m="urn:m">1</m:m><x:m xmlns:x="urn:x">foreign</x:m><n:m xmlns:n="urn:m">2</n:m><m:m>unbound here</m:m></l:p>"#;
        let p = tolerant_root(doc);
        let marks: List<'_, Str<'_>> = p.list_in(Ns::Mark, "m");
        assert_eq!(marks.len(), 0, "urn:m is not the mark namespace");
        let doc = doc.replace("urn:m", "urn:ietf:params:xml:ns:mark-1.0");
        let p = tolerant_root(&doc);
        let marks: List<'_, Str<'_>> = p.list_in(Ns::Mark, "m");
        assert_eq!(texts(marks).as_slice(), ["1", "2"]);
        assert_eq!(marks.len(), 2);
        assert_eq!(texts(marks.starting_at(1)).as_slice(), ["2"]);
        assert!(p.child_in(Ns::Mark, "m").unwrap().text().eq_str("1"));
    }

    #[test]
    fn a_field_of_another_namespace_is_found_by_its_binding() {
        // The EPP namespace of `paTRID`'s children is bound on `<epp>`.
        let doc = r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:f="urn:f"><r><d:t xmlns:d="urn:d"><f:id>foreign</f:id><id xmlns="urn:f">foreign</id><id>real</id></d:t></r></epp>"#;
        let t = tolerant_root(doc)
            .child("r")
            .unwrap()
            .all_children()
            .next()
            .unwrap();
        assert!(t.child_in(Ns::Epp, "id").unwrap().text().eq_str("real"));
        assert!(namespace_in_scope(doc, doc.find("<f:id").unwrap(), "f").eq_uri("urn:f"));
        assert_eq!(
            namespace_in_scope(doc, doc.find("<d:t").unwrap(), "q"),
            Namespace::None
        );
    }

    /// A response holding `n` of each field of another namespace than its
    /// parent's that the views look up, every one bound on `<epp>` alone
    /// (on neither its own start tag nor its parent's), each after a
    /// foreign namesake bound on `<epp>` too: `<domain:panData>`s with
    /// their paTRID ids, a `<launch:infData>`'s marks and a
    /// `<launch:create>`'s code marks.
    #[cfg(feature = "std")]
    fn far_bound_fields(n: usize) -> alloc::string::String {
        use core::fmt::Write;
        let mut doc = alloc::string::String::from(
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:x="urn:example:x" xmlns:m="urn:ietf:params:xml:ns:mark-1.0"><response><result code="1301"><msg>queued</msg></result><resData>"#,
        );
        let mark = |doc: &mut alloc::string::String, i: usize| {
            let _ = write!(
                doc,
                "<m:mark><m:trademark><m:id>{i}-1</m:id><m:markName>M</m:markName></m:trademark></m:mark>"
            );
        };
        for i in 0..n {
            let _ = write!(
                doc,
                r#"<domain:panData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name paResult="1">e{i}.example</domain:name><domain:paTRID><x:clTRID>foreign</x:clTRID><clTRID>C{i}</clTRID><svTRID>S{i}</svTRID></domain:paTRID><domain:paDate>2026-01-01T00:00:00.0Z</domain:paDate></domain:panData>"#
            );
        }
        doc.push_str(r#"</resData><extension><launch:infData xmlns:launch="urn:ietf:params:xml:ns:launch-1.0"><launch:phase>sunrise</launch:phase>"#);
        for _ in 0..n {
            doc.push_str("<x:mark/>");
        }
        for i in 0..n {
            mark(&mut doc, i);
        }
        doc.push_str(r#"</launch:infData><launch:create xmlns:launch="urn:ietf:params:xml:ns:launch-1.0"><launch:phase>sunrise</launch:phase>"#);
        for i in 0..n {
            doc.push_str("<launch:codeMark><x:mark/>");
            mark(&mut doc, i);
            doc.push_str("</launch:codeMark>");
        }
        doc.push_str(
            "</launch:create></extension><trID><svTRID>s</svTRID></trID></response></epp>",
        );
        doc
    }

    /// Reads every field of [`far_bound_fields`]`(n)`, checking each is
    /// the right one; returns the bytes the namespace lookups read and
    /// the document's length.
    #[cfg(feature = "std")]
    fn read_far_bound_fields(n: usize) -> (usize, usize) {
        use crate::view::ext::{Launch, LaunchData, LaunchMarks};
        use crate::view::{DomainData, read_response};
        let doc = far_bound_fields(n);
        let response = read_response(doc.as_bytes()).unwrap();
        take_lookup_read();
        let mut pending = 0;
        for (i, data) in response.res_data().iter().enumerate() {
            let Some(DomainData::Pending(data)) = DomainData::from_raw(data) else {
                panic!("not a panData");
            };
            let tr = data.transaction().unwrap();
            assert_eq!(tr.cl_trid.unwrap(), alloc::format!("C{i}").as_str());
            assert_eq!(tr.sv_trid.unwrap(), alloc::format!("S{i}").as_str());
            pending += 1;
        }
        assert_eq!(pending, n);
        let extensions = response.extensions();
        let Some(LaunchData::InfoData(info)) = extensions.launch_data() else {
            panic!("no launch:infData");
        };
        assert_eq!(info.marks.len(), n);
        for (i, mark) in info.marks.iter().enumerate() {
            let id = mark.trademarks.first().unwrap().id;
            assert_eq!(id, alloc::format!("{i}-1").as_str());
        }
        let Some(Launch::Create(create)) = extensions.launch() else {
            panic!("no launch:create");
        };
        let LaunchMarks::CodeMarks(code_marks) = create.marks else {
            panic!("no code marks");
        };
        assert_eq!(code_marks.len(), n);
        for (i, code_mark) in code_marks.iter().enumerate() {
            let id = code_mark.mark.unwrap().trademarks.first().unwrap().id;
            assert_eq!(id, alloc::format!("{i}-1").as_str());
        }
        (take_lookup_read(), doc.len())
    }

    /// Fields bound far above are found by reading the start tags above
    /// them, not the document before them: what the lookups read grows
    /// with the document, not with its square.
    #[test]
    #[cfg(feature = "std")]
    fn far_bound_fields_cost_what_the_document_holds() {
        // Under Miri, a hundred times slower, fewer of each tell the same.
        let (small, large) = if cfg!(miri) { (8, 32) } else { (64, 256) };
        let (small_read, small_len) = read_far_bound_fields(small);
        let (large_read, large_len) = read_far_bound_fields(large);
        assert!(small_read > 0);
        assert!(large_read <= 4 * large_len, "{large_read} for {large_len}");
        // Four times the fields, about four times the bytes read (twice
        // as many per byte of document would be quadratic from 64 on).
        assert!(
            large_read * small_len <= small_read * large_len * 11 / 10,
            "{small_read} for {small_len}, {large_read} for {large_len}"
        );
    }

    /// `<extValue>`s whose client element takes its prefix from `<epp>`
    /// alone: [`ExtValue::element`](crate::view::ExtValue::element)
    /// resolves each through the scope of its `<value>`, so reading `n`
    /// of them costs what the document holds, not its square.
    #[test]
    #[cfg(feature = "std")]
    fn ext_values_bound_far_above_cost_what_the_document_holds() {
        use crate::view::read_response;
        use core::fmt::Write;
        let read = |n: usize| {
            let mut doc = alloc::string::String::from(
                r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:d="urn:ietf:params:xml:ns:domain-1.0"><response>"#,
            );
            for i in 0..n {
                let _ = write!(
                    doc,
                    "<result code=\"2004\"><msg>bad</msg><extValue><value><d:name>n{i}.example</d:name></value><reason>r</reason></extValue></result>"
                );
            }
            doc.push_str("<trID><svTRID>s</svTRID></trID></response></epp>");
            let response = read_response(doc.as_bytes()).unwrap();
            take_lookup_read();
            let mut seen = 0;
            for result in response.results().iter() {
                for ext_value in result.ext_values().iter() {
                    let element = ext_value.element().unwrap();
                    assert_eq!(element.namespace(), Namespace::Known(Ns::Domain));
                    assert_eq!(element.local(), "name");
                    seen += 1;
                }
            }
            assert_eq!(seen, n);
            (take_lookup_read(), doc.len())
        };
        // Under Miri, a hundred times slower, fewer of each tell the same.
        let (small, large) = if cfg!(miri) { (8, 32) } else { (64, 256) };
        let (small_read, small_len) = read(small);
        let (large_read, large_len) = read(large);
        assert!(small_read > 0);
        // Four times the extValues, four times the bytes read (each
        // descent reads what comes before it: sixteen times).
        assert!(
            large_read * small <= small_read * large * 11 / 10,
            "{small_read} for {small_len}, {large_read} for {large_len}"
        );
    }

    #[test]
    fn a_scope_finds_a_binding_above_as_a_descent_does() {
        let doc = r#"<a xmlns="urn:a" xmlns:p="urn:p1"><b q="1"><c xmlns:p="urn:p2"><d><p:e/><f/><g xmlns=""/></d></c></b></a>"#;
        let a = tolerant_root(doc);
        let d = a
            .child("b")
            .unwrap()
            .child("c")
            .unwrap()
            .child("d")
            .unwrap();
        // <d>'s scope: <c> and <b> (attributes) and <a>; not <d> itself.
        assert_eq!(
            d.scope().tags[..4],
            [
                doc.find("<c").unwrap() as u32,
                doc.find("<b").unwrap() as u32,
                0,
                SCOPE_END
            ]
        );
        for c in d.all_children() {
            for prefix in ["", "p", "q"] {
                assert_eq!(
                    d.namespace_above(prefix),
                    namespace_in_scope(doc, d.start(), prefix),
                    "{prefix}"
                );
                let own = c.declaration(prefix).map(namespace_of);
                let expected = namespace_in_scope(doc, c.start(), prefix);
                assert_eq!(own.unwrap_or_else(|| c.namespace_above(prefix)), expected);
            }
        }
        assert!(d.namespace_above("p").eq_uri("urn:p2"));
        assert!(d.namespace_above("").eq_uri("urn:a"));
        assert_eq!(d.namespace_above("q"), Namespace::None);
        // Unknown: found by the descent.
        let unknown = Child::from_span(doc, d.span(), Matching::SameNamespace, Scope::UNKNOWN);
        assert!(unknown.unwrap().namespace_above("p").eq_uri("urn:p2"));
    }

    #[test]
    fn a_scope_past_its_capacity_is_unknown_further_up() {
        let mut scope = Scope::ROOT;
        for depth in 0..SCOPE_CAP {
            scope = scope.within(
                1,
                Span {
                    start: depth * 10,
                    end: depth * 10 + 8,
                },
            );
        }
        assert_eq!(scope.tags[SCOPE_CAP - 1], 0, "seven fit");
        let deeper = scope.within(
            1,
            Span {
                start: 100,
                end: 108,
            },
        );
        assert_eq!(deeper.tags[0], 100);
        assert_eq!(deeper.tags[SCOPE_CAP - 1], SCOPE_UNKNOWN);
        // A start tag without attributes binds nothing: not kept.
        assert_eq!(
            scope.within(
                1,
                Span {
                    start: 100,
                    end: 103
                }
            ),
            scope
        );
    }

    #[test]
    #[cfg(feature = "std")]
    fn a_start_tag_tells_by_its_end_whether_it_has_attributes() {
        for (tag, kept) in [
            ("<a>", false),
            ("<a/>", false),
            ("<p:a>", false),
            (r#"<a x="1">"#, true),
            (r#"<a x='/'/>"#, true),
            (r#"<a x=">" >"#, true),
            // White space alone: kept, which costs a look and is harmless
            // (from the name, it is known not to be).
            ("<a >", true),
        ] {
            let doc = alloc::format!("{tag}</a>");
            let span = Span {
                start: 0,
                end: tag.len(),
            };
            let scope = Scope::ROOT.within_tag(&doc, span);
            assert_eq!(scope != Scope::ROOT, kept, "{tag}");
            // As from its name, where it is known.
            let name_len = if tag.starts_with("<p:") { 3 } else { 1 };
            if tag != "<a >" {
                assert_eq!(Scope::ROOT.within(name_len, span), scope, "{tag}");
            }
        }
    }

    /// The response `inner` stands in, in a `<domain:infData>` in
    /// `<resData>`.
    #[cfg(feature = "std")]
    fn info_response(inner: &str) -> alloc::string::String {
        alloc::format!(
            r#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0" xmlns:x="urn:x"><response><result code="1000"><msg>ok</msg></result><resData><domain:infData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">{inner}</domain:infData></resData><trID><svTRID>s</svTRID></trID></response></epp>"#
        )
    }

    /// Whether two elements read alike: the same children, field by
    /// field, all the way down.
    #[cfg(feature = "std")]
    fn same_fields(a: &Child<'_>, b: &Child<'_>) -> bool {
        let mut theirs = b.children();
        a.children().all(|c| {
            theirs
                .next()
                .is_some_and(|d| c.span() == d.span() && same_fields(&c, &d))
        }) && theirs.next().is_none()
    }

    #[test]
    #[cfg(feature = "std")]
    fn the_reader_notes_where_the_rule_holds_throughout() {
        use crate::Limits;
        use crate::view::ServerMessage;
        use crate::view::response::read_server_message_with_fast_paths;
        let cases = [
            (
                "<domain:name>a</domain:name><domain:ns><domain:hostObj>h</domain:hostObj></domain:ns>",
                true,
            ),
            // Binding another prefix than its own breaks nothing.
            (
                r#"<domain:ns xmlns:y="urn:y"><domain:hostObj>h</domain:hostObj></domain:ns>"#,
                true,
            ),
            // Deep down: another prefix, none, its own bound again (even
            // to the same namespace).
            ("<domain:ns><x:hostObj>h</x:hostObj></domain:ns>", false),
            ("<domain:ns><hostObj>h</hostObj></domain:ns>", false),
            (
                r#"<domain:ns><domain:hostObj xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">h</domain:hostObj></domain:ns>"#,
                false,
            ),
        ];
        for (inner, throughout) in cases {
            for fast_paths in [true, false] {
                let doc = info_response(inner);
                let Ok(ServerMessage::Response(response)) =
                    read_server_message_with_fast_paths(doc.as_bytes(), &Limits::new(), fast_paths)
                else {
                    panic!("not read: {doc}");
                };
                let data = response
                    .res_data()
                    .iter()
                    .next()
                    .unwrap()
                    .element()
                    .unwrap();
                let expected = if throughout {
                    Matching::SameNamespaceThroughout
                } else {
                    Matching::SameNamespace
                };
                assert_eq!(
                    data.matching(),
                    expected,
                    "{inner}, fast paths {fast_paths}"
                );
                // Taking every child finds what the rule does where it
                // holds throughout, and only there.
                let read = |matching| Child::from_span(&doc, data.span(), matching, data.scope);
                let every = read(Matching::SameNamespaceThroughout).unwrap();
                let ruled = read(Matching::SameNamespace).unwrap();
                assert_eq!(same_fields(&every, &ruled), throughout, "{inner}");
            }
        }
    }

    #[test]
    fn a_hand_built_list() {
        let items = [Str::new("a"), Str::new("b")];
        let list = List::from_slice(&items);
        assert_eq!(list.len(), 2);
        assert_eq!(list.get(1), Some(Str::new("b")));
        assert!(List::<Str<'_>>::empty().is_empty());
    }
}
