//! Well-formedness errors: a kind and a byte offset, nothing more.

use core::fmt;

use crate::Limit;

/// What is wrong with a document.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum XmlErrorKind {
    /// The bytes are not UTF-8 (EPP payloads are UTF-8 only: RFC 5730 §2.3).
    InvalidUtf8,
    /// The document declares, or starts with the byte-order mark of, an
    /// encoding other than UTF-8 (UTF-16, Latin-1, ...).
    UnsupportedEncoding,
    /// The input is longer than 4 GiB, beyond any frame.
    InputTooLarge,
    /// A `<!DOCTYPE`: refused outright, so there is no entity expansion, no
    /// external entity and no billion laughs.
    DoctypeRefused,
    /// The document ends inside a tag, comment, CDATA section or reference.
    UnexpectedEof,
    /// The `<?xml ...?>` declaration is malformed.
    InvalidDeclaration,
    /// An `<?xml ...?>` declaration anywhere but at the very start.
    MisplacedDeclaration,
    /// A name breaks the XML `Name` production, or has more than one colon.
    InvalidName,
    /// Something other than what the syntax requires here.
    Expected(&'static str),
    /// `<!` followed by neither `--`, `[CDATA[` nor `DOCTYPE`.
    InvalidMarkup,
    /// An end tag whose name differs from its start tag's.
    MismatchedEndTag,
    /// An end tag with no element open.
    UnexpectedEndTag,
    /// The document ends with this element still open (offset: its start tag).
    UnclosedElement,
    /// Two attributes with the same name, or the same namespace and local name.
    DuplicateAttribute,
    /// A prefix that no `xmlns:prefix` declaration in scope binds.
    UnboundPrefix,
    /// A namespace declaration that Namespaces in XML forbids: binding
    /// `xmlns`, rebinding `xml`, binding the XML or XMLNS namespace to
    /// another prefix, or binding a prefix to the empty string.
    InvalidNamespaceDeclaration,
    /// `&name;` for a name other than the five predefined entities.
    UndefinedEntity,
    /// A character reference that is malformed or names a character XML forbids.
    InvalidCharReference,
    /// A character XML forbids (a control character such as NUL, U+FFFE, U+FFFF).
    InvalidChar,
    /// `<` inside an attribute value.
    LtInAttributeValue,
    /// `]]>` in text.
    CdataEndInText,
    /// `--` inside a comment.
    DoubleHyphenInComment,
    /// A processing instruction whose target is `xml` in any case.
    ReservedPiTarget,
    /// Non-whitespace text before or after the root element.
    TextOutsideRoot,
    /// A CDATA section before or after the root element.
    CdataOutsideRoot,
    /// A second root element.
    MultipleRoots,
    /// The document has no root element.
    NoRootElement,
    /// A configured [`Limits`](crate::Limits) bound was exceeded.
    LimitExceeded(Limit),
}

impl XmlErrorKind {
    /// A short, static description.
    pub const fn as_str(self) -> &'static str {
        use XmlErrorKind::*;
        match self {
            InvalidUtf8 => "invalid UTF-8",
            UnsupportedEncoding => "encoding other than UTF-8",
            InputTooLarge => "input larger than 4 GiB",
            DoctypeRefused => "DOCTYPE declarations are refused",
            UnexpectedEof => "unexpected end of document",
            InvalidDeclaration => "malformed XML declaration",
            MisplacedDeclaration => "XML declaration not at the start of the document",
            InvalidName => "invalid name",
            Expected(_) => "unexpected character",
            InvalidMarkup => "invalid markup after '<!'",
            MismatchedEndTag => "end tag does not match start tag",
            UnexpectedEndTag => "end tag without a start tag",
            UnclosedElement => "element not closed",
            DuplicateAttribute => "duplicate attribute",
            UnboundPrefix => "unbound namespace prefix",
            InvalidNamespaceDeclaration => "invalid namespace declaration",
            UndefinedEntity => "undefined entity",
            InvalidCharReference => "invalid character reference",
            InvalidChar => "character not allowed in XML",
            LtInAttributeValue => "'<' in attribute value",
            CdataEndInText => "']]>' in text",
            DoubleHyphenInComment => "'--' in comment",
            ReservedPiTarget => "processing instruction target 'xml' is reserved",
            TextOutsideRoot => "text outside the root element",
            CdataOutsideRoot => "CDATA section outside the root element",
            MultipleRoots => "more than one root element",
            NoRootElement => "no root element",
            LimitExceeded(_) => "limit exceeded",
        }
    }
}

impl fmt::Display for XmlErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            XmlErrorKind::Expected(what) => write!(f, "expected {what}"),
            XmlErrorKind::LimitExceeded(limit) => write!(f, "{limit} limit exceeded"),
            other => f.write_str(other.as_str()),
        }
    }
}

/// A well-formedness error: what, and the byte offset where it was found.
///
/// Small and `Copy`; [`text_pos`](Self::text_pos) turns the offset into a
/// line and column when a person needs one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct XmlError {
    kind: XmlErrorKind,
    offset: usize,
}

impl XmlError {
    /// An error of `kind` at byte `offset`.
    pub const fn new(kind: XmlErrorKind, offset: usize) -> Self {
        XmlError { kind, offset }
    }

    /// What is wrong.
    pub const fn kind(&self) -> XmlErrorKind {
        self.kind
    }

    /// The byte offset in the document where it was found.
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// Line and column of the offset in `document` (the input the error came from).
    ///
    /// Expensive (it scans the document): use it for reporting only.
    #[inline(never)]
    pub fn text_pos(&self, document: &[u8]) -> TextPos {
        TextPos::from_offset(document, self.offset)
    }
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind, self.offset)
    }
}

impl core::error::Error for XmlError {}

/// A 1-based line and column (counted in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextPos {
    /// Line, from 1.
    pub line: u32,
    /// Column in Unicode scalar values, from 1.
    pub column: u32,
}

impl TextPos {
    /// The position of byte `offset` in `document` (clamped to its end).
    #[inline(never)]
    pub fn from_offset(document: &[u8], offset: usize) -> TextPos {
        let before = &document[..offset.min(document.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        // Count characters, not bytes: skip UTF-8 continuation bytes.
        let column = before[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
            + 1;
        TextPos {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }
}

impl fmt::Display for TextPos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}
