//! Re-reading elements that the strict reader has already validated.
//!
//! The views keep only spans; their repeated children are read again, on
//! demand, by this small scanner. It trusts its input — the span was
//! checked well-formed and schema-valid — so it cannot fail: on input that
//! breaks that promise (impossible through the public API) it stops early
//! rather than panicking.

use core::fmt;
use core::marker::PhantomData;

use super::str::Str;
use crate::xml::{Span, find_any3, find_byte, find_name_stop, is_space, same_bytes, split_qname};

/// One element of an already-validated span.
#[derive(Clone, Copy, Debug)]
pub struct Child<'a> {
    doc: &'a str,
    /// `prefix:local` as written.
    qname: &'a str,
    /// Length of the prefix, 0 when there is none (a prefix is never empty).
    prefix_len: u32,
    /// The start tag, `<` to `>`.
    tag: Span,
    /// Between the start tag and the end tag (empty when self-closing).
    content: Span,
    /// One past the end tag.
    end: usize,
}

impl<'a> Child<'a> {
    /// The start tag at `tag` alone (for reading its attributes).
    pub(crate) fn start_tag(doc: &'a str, tag: Span) -> Option<Child<'a>> {
        let (name_end, prefix_len, _, _) = start_tag_at(doc.as_bytes().get(..tag.end)?, tag.start)?;
        Some(Child {
            doc,
            qname: doc.get(tag.start + 1..name_end)?,
            prefix_len,
            tag,
            content: Span {
                start: tag.end,
                end: tag.end,
            },
            end: tag.end,
        })
    }

    /// The element whose start and end tags bound `span` exactly (a
    /// validated element's span): no scan of its content.
    pub(crate) fn from_span(doc: &'a str, span: Span) -> Option<Child<'a>> {
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
        (content_end >= tag_end && span.end <= doc.len()).then_some(Child {
            doc,
            qname: doc.get(span.start + 1..name_end)?,
            prefix_len,
            tag: Span {
                start: span.start,
                end: tag_end,
            },
            content: Span {
                start: tag_end,
                end: content_end,
            },
            end: span.end,
        })
    }

    /// The document the element is in.
    pub(crate) fn doc(&self) -> &'a str {
        self.doc
    }

    /// The content between the start and end tags, as written.
    pub(crate) fn content_str(&self) -> &'a str {
        self.doc.get(self.content.range()).unwrap_or_default()
    }

    /// Where the content lies in the document.
    pub(crate) fn content_span(&self) -> Span {
        self.content
    }

    /// The prefix as written (`""` when there is none).
    pub(crate) fn prefix(&self) -> &'a str {
        split_qname(self.qname, self.prefix_len as usize).0
    }

    /// The local name.
    #[inline]
    pub(crate) fn local(&self) -> &'a str {
        split_qname(self.qname, self.prefix_len as usize).1
    }

    /// The whole element, start tag to end tag.
    pub(crate) fn span(&self) -> Span {
        Span {
            start: self.tag.start,
            end: self.end,
        }
    }

    /// The simple content, as written.
    pub(crate) fn text(&self) -> Str<'a> {
        let raw = self.doc.get(self.content.range()).unwrap_or_default();
        Str::scan_content(raw, self.content.start)
    }

    /// The simple content trimmed (schema type `token`).
    pub(crate) fn token(&self) -> Str<'a> {
        self.text().trimmed()
    }

    /// The unprefixed attribute `name`.
    pub(crate) fn attr(&self, name: &str) -> Option<Str<'a>> {
        // Byte scans within the start tag, which the reader validated:
        // `name = "value"` pairs separated by white space.
        let bytes = self.doc.as_bytes().get(..self.tag.end)?;
        let mut i = self.tag.start + 1 + self.qname.len();
        loop {
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
            if same_bytes(bytes.get(name_start..name_end)?, name.as_bytes()) {
                let value = self.doc.get(value_start..value_end)?;
                let escaped = value
                    .bytes()
                    .any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r'));
                return Some(Str::attribute(value, value_start, escaped));
            }
            i = value_end + 1;
        }
    }

    /// The child elements.
    pub(crate) fn children(&self) -> Children<'a> {
        Children::new(self.doc, self.content)
    }

    /// The first child element called `local`.
    pub(crate) fn child(&self, local: &str) -> Option<Child<'a>> {
        self.children()
            .find(|c| same_bytes(c.local().as_bytes(), local.as_bytes()))
    }

    /// The run of children called `local`, as a [`List`].
    pub(crate) fn list<T: ListItem<'a>>(&self, local: &'a str) -> List<'a, T> {
        let mut span = Span::default();
        let mut len = 0u32;
        for c in self
            .children()
            .filter(|c| same_bytes(c.local().as_bytes(), local.as_bytes()))
        {
            if len == 0 {
                span.start = c.tag.start;
            }
            span.end = c.end;
            len += 1;
        }
        List::from_doc_named(self.doc, span, len, local)
    }
}

/// Where to find a child element by local name: a [`Child`] (scanned on
/// each lookup) or an [`Indexed`] element (looked up in its index).
pub(crate) trait Lookup<'a> {
    /// The first child called `local`.
    fn child(&self, local: &str) -> Option<Child<'a>>;
    /// The run of children called `local`.
    fn list<T: ListItem<'a>>(&self, local: &'a str) -> List<'a, T>;
}

impl<'a> Lookup<'a> for Child<'a> {
    fn child(&self, local: &str) -> Option<Child<'a>> {
        Child::child(self, local)
    }

    fn list<T: ListItem<'a>>(&self, local: &'a str) -> List<'a, T> {
        Child::list(self, local)
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

/// An element with its children indexed by local name in one pass, so that
/// reading many fields of a large response element (an `infData`) costs
/// one scan, not one per field.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Indexed<'a> {
    element: Child<'a>,
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
                    e.last_end = c.end as u32;
                    e.count = e.count.saturating_add(1);
                }
                None if usize::from(index.len) < INDEX_CAP
                    && local.len() <= usize::from(u8::MAX) =>
                {
                    index.entries[usize::from(index.len)] = IndexEntry {
                        name_at: at as u32,
                        name_len: local.len() as u8,
                        first: c.tag.start as u32,
                        last_end: c.end as u32,
                        first_tag_end: c.tag.end as u32,
                        first_content_end: c.content.end as u32,
                        first_end: c.end as u32,
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
        let (tag_end, content_end) = (e.first_tag_end as usize, e.first_content_end as usize);
        Some(Child {
            doc,
            qname: doc.get(start + 1..name_end)?,
            prefix_len: u32::try_from(prefix_len).ok()?,
            tag: Span {
                start,
                end: tag_end,
            },
            content: Span {
                start: tag_end,
                end: content_end,
            },
            end: e.first_end as usize,
        })
    }

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
            ),
            None if self.overflow => self.element.list(local),
            None => List::empty(),
        }
    }
}

/// The child elements of a validated span, in order.
#[derive(Clone, Debug)]
pub(crate) struct Children<'a> {
    doc: &'a str,
    pos: usize,
    end: usize,
}

impl<'a> Children<'a> {
    pub(crate) fn new(doc: &'a str, span: Span) -> Self {
        Children {
            doc,
            pos: span.start,
            end: span.end.min(doc.len()),
        }
    }
}

impl<'a> Iterator for Children<'a> {
    type Item = Child<'a>;

    fn next(&mut self) -> Option<Child<'a>> {
        let bytes = self.doc.as_bytes();
        loop {
            let lt = find_byte(bytes.get(..self.end)?, self.pos, b'<')?;
            match bytes.get(lt + 1)? {
                b'!' | b'?' => self.pos = skip_markup(bytes, lt)?,
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
                    let (content, end) = if self_closing {
                        (
                            Span {
                                start: tag_end,
                                end: tag_end,
                            },
                            tag_end,
                        )
                    } else {
                        let (close_start, close_end) = end_tag_of(bytes, tag_end, qname.len())?;
                        (
                            Span {
                                start: tag_end,
                                end: close_start,
                            },
                            close_end,
                        )
                    };
                    self.pos = end;
                    return Some(Child {
                        doc: self.doc,
                        qname,
                        prefix_len,
                        tag,
                        content,
                        end,
                    });
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
    let start = lt + 1;
    let mut stop = find_name_stop(bytes, start)?;
    let mut prefix_len = 0;
    if bytes.get(stop) == Some(&b':') {
        prefix_len = u32::try_from(stop - start).ok()?;
        stop = find_name_stop(bytes, stop + 1)?;
    }
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
    /// elements in the span are skipped).
    Doc {
        doc: &'a str,
        span: Span,
        len: u32,
        only: &'a str,
    },
    Slice(&'a [T]),
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

    pub(crate) fn from_doc(doc: &'a str, span: Span, len: u32) -> Self {
        List {
            source: Source::Doc {
                doc,
                span,
                len,
                only: "",
            },
        }
    }

    /// The `len` elements called `local` in `span`, which may hold others.
    pub(crate) fn from_doc_named(doc: &'a str, span: Span, len: u32, local: &'a str) -> Self {
        List {
            source: Source::Doc {
                doc,
                span,
                len,
                only: local,
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
            Source::Doc { span, len, .. } if len > 0 => Some(span),
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
                    doc, span, only, ..
                } => IterSource::Doc(Children::new(doc, span), only),
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
                only,
            } => {
                let Some(rest) = (len as usize).checked_sub(index).filter(|&n| n > 0) else {
                    return Self::empty();
                };
                let mut items = ListIter::<T> {
                    inner: IterSource::Doc(Children::new(doc, span), only),
                    _item: PhantomData,
                };
                if index > 0 && items.nth(index - 1).is_none() {
                    return Self::empty();
                }
                let IterSource::Doc(children, _) = items.inner else {
                    return Self::empty();
                };
                // The span starts at the next item's start tag, as a
                // list's span does (see `span`).
                let Some(next) = children
                    .clone()
                    .find(|c| only.is_empty() || c.local() == only)
                else {
                    return Self::empty();
                };
                List {
                    source: Source::Doc {
                        doc,
                        span: Span {
                            start: next.span().start,
                            end: span.end,
                        },
                        len: rest as u32,
                        only,
                    },
                }
            }
            Source::Slice(items) => List::from_slice(items.get(index..).unwrap_or(&[])),
        }
    }
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
            IterSource::Doc(children, only) => {
                children.find(|c| c.local() == *only).map(T::from_child)
            }
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

    #[test]
    fn a_hand_built_list() {
        let items = [Str::new("a"), Str::new("b")];
        let list = List::from_slice(&items);
        assert_eq!(list.len(), 2);
        assert_eq!(list.get(1), Some(Str::new("b")));
        assert!(List::<Str<'_>>::empty().is_empty());
    }
}
