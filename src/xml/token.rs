//! The tokens the tokenizer hands out: all `Copy`, all borrowed from the document.

use core::fmt;

use super::chars::same_bytes;
use super::escape::{UnescapeMode, Unescaped};
use super::ns::{Namespace, Ns, Uri};

/// A byte range of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    pub(crate) const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// As a `Range`, for slicing.
    pub const fn range(&self) -> core::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// `(prefix, local)` of a qualified name whose prefix is `prefix_len`
/// bytes long (0: no prefix; the colon follows the prefix otherwise).
#[inline]
pub(crate) fn split_qname(qname: &str, prefix_len: usize) -> (&str, &str) {
    if prefix_len == 0 {
        ("", qname)
    } else {
        (
            qname.get(..prefix_len).unwrap_or_default(),
            qname.get(prefix_len + 1..).unwrap_or_default(),
        )
    }
}

/// How a [`Name`] keeps its namespace beside the URI it borrows: a plain
/// integer code (0: none; 1 and 2: another namespace, without and with
/// references in its URI; from 3: a known one, by its place in [`Ns::ALL`]).
///
/// (A [`Namespace`] inside a name cost a store-forwarding stall on nearly
/// every copy of the name: an enum's payload bytes are copied as bytes,
/// padding included, with loads that straddle the narrower stores that
/// built it. An integer is copied as the integer it was stored as.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NsKind(u32);

impl NsKind {
    /// No namespace.
    pub(crate) const NONE: NsKind = NsKind(Self::NO_NAMESPACE);
    const NO_NAMESPACE: u32 = 0;
    const OTHER: u32 = 1;
    const OTHER_WITH_REFS: u32 = 2;
    const FIRST_KNOWN: u32 = 3;

    /// A known namespace; the URI beside it is empty.
    #[inline]
    pub(crate) const fn known(ns: Ns) -> NsKind {
        NsKind(ns as u32 + Self::FIRST_KNOWN)
    }

    /// Another namespace, whose URI (references in it or not) is kept beside the kind.
    #[inline]
    pub(crate) const fn other(has_refs: bool) -> NsKind {
        NsKind(if has_refs {
            Self::OTHER_WITH_REFS
        } else {
            Self::OTHER
        })
    }

    /// The namespace, given the URI kept beside the kind.
    #[inline]
    pub(crate) fn join(self, uri: &str) -> Namespace<'_> {
        match self.0 {
            Self::NO_NAMESPACE => Namespace::None,
            Self::OTHER => Namespace::Other(Uri::new(uri, false)),
            Self::OTHER_WITH_REFS => Namespace::Other(Uri::new(uri, true)),
            k => match Ns::from_index(k - Self::FIRST_KNOWN) {
                Some(ns) => Namespace::Known(ns),
                None => Namespace::None,
            },
        }
    }
}

/// An element or attribute name, resolved to its namespace.
///
/// `<domain:name>`, `<d:name xmlns:d="…domain-1.0">` and
/// `<name xmlns="…domain-1.0">` all give the same
/// [`namespace`](Self::namespace) and [`local`](Self::local).
#[derive(Clone, Copy)]
pub struct Name<'a> {
    /// The name as written, `prefix:local` or `local`.
    pub(crate) qname: &'a str,
    /// The namespace's URI as declared when `ns` is `Other`; empty otherwise.
    pub(crate) uri: &'a str,
    /// Length of the prefix (0 when there is none); the colon follows it.
    pub(crate) prefix_len: u32,
    pub(crate) offset: u32,
    pub(crate) ns: NsKind,
}

impl PartialEq for Name<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.qname == other.qname
            && self.prefix_len == other.prefix_len
            && self.offset == other.offset
            && self.namespace() == other.namespace()
    }
}

impl Eq for Name<'_> {}

impl fmt::Debug for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Name")
            .field("qname", &self.qname)
            .field("prefix_len", &self.prefix_len)
            .field("offset", &self.offset)
            .field("namespace", &self.namespace())
            .finish()
    }
}

impl<'a> Name<'a> {
    /// The prefix as written (`""` when there is none).
    #[inline]
    pub fn prefix(&self) -> &'a str {
        split_qname(self.qname, self.prefix_len as usize).0
    }

    /// The local part.
    #[inline]
    pub fn local(&self) -> &'a str {
        split_qname(self.qname, self.prefix_len as usize).1
    }

    /// The name as written, prefix included.
    pub fn qualified(&self) -> &'a str {
        self.qname
    }

    /// The namespace the prefix (or the default namespace) resolves to.
    #[inline]
    pub fn namespace(&self) -> Namespace<'a> {
        self.ns.join(self.uri)
    }

    /// Whether this is `local` in the known namespace `ns`: an integer
    /// compare and a short string compare.
    #[inline]
    pub fn is(&self, ns: Ns, local: &str) -> bool {
        // `same_bytes`, not `==`: no call to `memcmp` for a short name.
        self.ns == NsKind::known(ns) && same_bytes(self.local().as_bytes(), local.as_bytes())
    }

    /// Byte offset of the name in the document.
    pub fn offset(&self) -> usize {
        self.offset as usize
    }
}

/// A start tag: `<name attr="value">` or `<name/>`.
///
/// Its attributes are read from the tokenizer with
/// [`Tokenizer::attributes`](super::Tokenizer::attributes) until the next start tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElementStart<'a> {
    pub(crate) name: Name<'a>,
    pub(crate) self_closing: bool,
    pub(crate) span: Span,
}

impl<'a> ElementStart<'a> {
    /// The element's name.
    pub fn name(&self) -> Name<'a> {
        self.name
    }

    /// Whether the tag is `<name/>`; an [`ElementEnd`] follows at once either way.
    pub fn is_self_closing(&self) -> bool {
        self.self_closing
    }

    /// The whole start tag, `<` to `>`.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// An end tag, or the end of a self-closing element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElementEnd<'a> {
    pub(crate) name: Name<'a>,
    pub(crate) span: Span,
}

impl<'a> ElementEnd<'a> {
    /// The element's name, resolved as at its start tag.
    pub fn name(&self) -> Name<'a> {
        self.name
    }

    /// The end tag `</name>`; empty (at the end of the start tag) for a
    /// self-closing element.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// An attribute of the most recent start tag. Namespace declarations are
/// not attributes here: see
/// [`Tokenizer::namespace_declarations`](super::Tokenizer::namespace_declarations).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribute<'a> {
    pub(crate) name: Name<'a>,
    pub(crate) raw_value: &'a str,
    pub(crate) needs_unescape: bool,
    pub(crate) value_offset: usize,
}

impl<'a> Attribute<'a> {
    /// The attribute's name; unprefixed attributes have no namespace.
    pub fn name(&self) -> Name<'a> {
        self.name
    }

    /// The value as written between the quotes.
    pub fn raw_value(&self) -> &'a str {
        self.raw_value
    }

    /// Whether the value holds references or white space to normalize, so
    /// that [`value`](Self::value) differs from [`raw_value`](Self::raw_value).
    pub fn has_escapes(&self) -> bool {
        self.needs_unescape
    }

    /// The value with references replaced and white space normalized (lazily).
    pub fn value(&self) -> Unescaped<'a> {
        let mode = if self.needs_unescape {
            UnescapeMode::Attribute
        } else {
            UnescapeMode::None
        };
        Unescaped::new(self.raw_value, mode)
    }

    /// The value's bytes in the document (inside the quotes).
    pub fn value_span(&self) -> Span {
        Span::new(self.value_offset, self.value_offset + self.raw_value.len())
    }
}

/// Character data or a CDATA section.
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    pub(crate) raw: &'a str,
    pub(crate) offset: usize,
    pub(crate) cdata: bool,
    pub(crate) needs_unescape: bool,
    /// Known to be white space only (the tokenizer's fast path for the
    /// layout between tags saw it), so no scan is needed to say so.
    pub(crate) layout: bool,
}

impl PartialEq for Text<'_> {
    /// Texts compare by what they are, not by how the tokenizer found them
    /// (`layout` is a cache).
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
            && self.offset == other.offset
            && self.cdata == other.cdata
            && self.needs_unescape == other.needs_unescape
    }
}

impl Eq for Text<'_> {}

impl<'a> Text<'a> {
    /// The text as written (for CDATA, the content between `<![CDATA[` and `]]>`).
    pub fn raw(&self) -> &'a str {
        self.raw
    }

    /// Whether this is a CDATA section.
    pub fn is_cdata(&self) -> bool {
        self.cdata
    }

    /// Whether [`unescaped`](Self::unescaped) differs from [`raw`](Self::raw)
    /// (references, or carriage returns to normalize).
    pub fn has_escapes(&self) -> bool {
        self.needs_unescape
    }

    /// Whether the text is only XML white space (as between elements).
    pub fn is_whitespace(&self) -> bool {
        self.layout || self.raw.bytes().all(super::chars::is_space)
    }

    /// The text with references replaced and line ends normalized (lazily).
    pub fn unescaped(&self) -> Unescaped<'a> {
        let mode = match (self.needs_unescape, self.cdata) {
            (false, _) => UnescapeMode::None,
            (true, true) => UnescapeMode::Cdata,
            (true, false) => UnescapeMode::Text,
        };
        Unescaped::new(self.raw, mode)
    }

    /// The bytes of [`raw`](Self::raw) in the document.
    pub fn span(&self) -> Span {
        Span::new(self.offset, self.offset + self.raw.len())
    }
}

/// The XML declaration, `<?xml version="1.0" encoding="UTF-8"?>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Declaration<'a> {
    pub(crate) version: &'a str,
    pub(crate) encoding: Option<&'a str>,
    pub(crate) standalone: Option<bool>,
    pub(crate) span: Span,
}

impl<'a> Declaration<'a> {
    /// The version, `1.0` in practice.
    pub fn version(&self) -> &'a str {
        self.version
    }

    /// The declared encoding as written (some casing of `UTF-8`), if any.
    pub fn encoding(&self) -> Option<&'a str> {
        self.encoding
    }

    /// The `standalone` pseudo-attribute, if given.
    pub fn standalone(&self) -> Option<bool> {
        self.standalone
    }

    /// The whole declaration.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// A comment, `<!-- text -->`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment<'a> {
    pub(crate) text: &'a str,
    pub(crate) span: Span,
}

impl<'a> Comment<'a> {
    /// The text between `<!--` and `-->`.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The whole comment.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// A processing instruction, `<?target content?>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProcessingInstruction<'a> {
    pub(crate) target: &'a str,
    pub(crate) content: Option<&'a str>,
    pub(crate) span: Span,
}

impl<'a> ProcessingInstruction<'a> {
    /// The target name.
    pub fn target(&self) -> &'a str {
        self.target
    }

    /// The content after the target and white space, if any.
    pub fn content(&self) -> Option<&'a str> {
        self.content
    }

    /// The whole instruction.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// One token of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<?xml ...?>`, only ever first.
    Declaration(Declaration<'a>),
    /// `<?target ...?>`.
    ProcessingInstruction(ProcessingInstruction<'a>),
    /// `<!-- ... -->`.
    Comment(Comment<'a>),
    /// A start tag (or a self-closing tag, followed at once by its [`Token::ElementEnd`]).
    ElementStart(ElementStart<'a>),
    /// An end tag.
    ElementEnd(ElementEnd<'a>),
    /// Character data or CDATA inside the root element, white space included.
    Text(Text<'a>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_gives_back_the_namespace_it_keeps() {
        for (index, &ns) in Ns::ALL.iter().enumerate() {
            assert_eq!(Ns::from_index(index as u32), Some(ns));
            assert_eq!(NsKind::known(ns).join(""), Namespace::Known(ns));
        }
        assert_eq!(Ns::from_index(Ns::ALL.len() as u32), None);
        assert_eq!(NsKind::NONE.join(""), Namespace::None);
        for has_refs in [false, true] {
            let Namespace::Other(uri) = NsKind::other(has_refs).join("urn:x&amp;y") else {
                panic!("not another namespace");
            };
            assert_eq!(uri.raw(), "urn:x&amp;y");
            assert_eq!(uri.eq_str("urn:x&y"), has_refs);
        }
    }
}
