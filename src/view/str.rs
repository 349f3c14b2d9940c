//! [`Str`], a string value borrowed from a message, unescaped lazily.

use core::fmt;

use super::value::is_xml_space;
use crate::xml::{Chunk, Span, Unescaped};
use crate::xml::{UnescapeMode, find_any3, is_space, same_bytes};

/// Bits of [`Str::flags`].
const ESCAPED: u8 = 1; // references or `\r` to normalize
const MARKUP: u8 = 2; // comments, PIs or CDATA sections inside the content
const ATTRIBUTE: u8 = 4; // an attribute value: white space is normalized too
const PLAIN: u8 = 8; // built by hand: `raw` is the value itself, not XML
const TOKEN: u8 = 16; // a schema `token`: white space at the ends is not part of it

/// A string value of a message: element content or an attribute value,
/// borrowed from the payload.
///
/// [`raw`](Self::raw) is the text as written. When it holds references
/// (`&amp;`, `&#x41;`), carriage returns, or — rarely — comments and CDATA
/// sections, [`has_escapes`](Self::has_escapes) is true and the value
/// proper comes from [`chunks`](Self::chunks), [`eq_str`](Self::eq_str),
/// `Display`, or `to_cow` (feature `alloc`), none of which allocates except
/// the last when it must.
///
/// Values of the schema type `token` (names, ids, codes) are trimmed of
/// leading and trailing XML white space when read: `raw` of literal white
/// space, and the value proper (chunks, equality, `Display`, `to_cow`) of
/// white space that references or CDATA sections put at its ends too
/// (`<svTRID> S-1&#32;</svTRID>` is `S-1`, its `raw` `S-1&#32;`), as XML
/// Schema trims the value after expanding references. White space inside
/// is kept as written.
///
/// A `Str` can also be built by hand from plain text ([`Str::new`]) for
/// the writers: then `raw` is the value, and writing escapes it.
#[derive(Clone, Copy, Default)]
pub struct Str<'a> {
    raw: &'a str,
    offset: u32,
    flags: u8,
}

impl<'a> Str<'a> {
    /// A value built by hand: `text` is the value itself (nothing to unescape).
    pub const fn new(text: &'a str) -> Self {
        Str {
            raw: text,
            offset: 0,
            flags: PLAIN,
        }
    }

    /// Element content at `offset` in the document (`raw` is the document slice).
    pub(crate) fn content(raw: &'a str, offset: usize, escaped: bool, markup: bool) -> Self {
        let mut flags = 0;
        if escaped {
            flags |= ESCAPED;
        }
        if markup {
            flags |= MARKUP | ESCAPED;
        }
        Str {
            raw,
            offset: offset as u32,
            flags,
        }
    }

    /// An attribute value at `offset` in the document.
    pub(crate) fn attribute(raw: &'a str, offset: usize, escaped: bool) -> Self {
        Str {
            raw,
            offset: offset as u32,
            flags: ATTRIBUTE | if escaped { ESCAPED } else { 0 },
        }
    }

    /// Element content found by scanning `raw` for what needs unescaping.
    #[inline]
    pub(crate) fn scan_content(raw: &'a str, offset: usize) -> Self {
        let bytes = raw.as_bytes();
        // One word-at-a-time scan settles the usual case: none of the three.
        if find_any3(bytes, 0, b'<', b'&', b'\r').is_none() {
            return Str::content(raw, offset, false, false);
        }
        let markup = bytes.contains(&b'<');
        let escaped = bytes.iter().any(|&b| b == b'&' || b == b'\r');
        Str::content(raw, offset, escaped, markup)
    }

    /// The same value as a schema `token`: leading and trailing XML white
    /// space removed from the raw text, and from its unescaped form (see
    /// [`chunks`](Self::chunks)).
    pub(crate) fn trimmed(self) -> Self {
        // XML white space is ASCII, so byte offsets are char boundaries.
        let bytes = self.raw.as_bytes();
        let start = bytes
            .iter()
            .position(|&b| !is_space(b))
            .unwrap_or(bytes.len());
        let end = bytes
            .iter()
            .rposition(|&b| !is_space(b))
            .map_or(start, |last| last + 1);
        let raw = self.raw.get(start..end).unwrap_or_default();
        Str {
            raw,
            offset: self.offset + start as u32,
            flags: self.flags | TOKEN,
        }
    }

    /// Whether the value was trimmed as a schema `token` (so white space
    /// that unescaping or markup puts at its ends is not part of it either).
    pub(crate) const fn is_token(&self) -> bool {
        self.flags & TOKEN != 0
    }

    /// The value as written in the message (still escaped when
    /// [`has_escapes`](Self::has_escapes)); for a hand-built value, the value.
    pub const fn raw(&self) -> &'a str {
        self.raw
    }

    /// Whether the value differs from [`raw`](Self::raw) (references, line
    /// ends or markup to process).
    pub const fn has_escapes(&self) -> bool {
        self.flags & ESCAPED != 0
    }

    /// Whether [`raw`](Self::raw) can be written as element content as it
    /// stands: read from element content (so already escaped, well formed)
    /// and holding no comments, PIs or CDATA sections.
    pub(crate) const fn is_verbatim_content(&self) -> bool {
        self.flags & (PLAIN | ATTRIBUTE | MARKUP) == 0
    }

    /// Whether this value was built by hand ([`Str::new`]) rather than read.
    pub const fn is_plain(&self) -> bool {
        self.flags & PLAIN != 0
    }

    /// Whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.chunks().all(|c| matches!(c, Chunk::Str("")))
    }

    /// The bytes of [`raw`](Self::raw) in the document (empty at 0 for a
    /// hand-built value).
    pub const fn span(&self) -> Span {
        Span {
            start: self.offset as usize,
            end: self.offset as usize + self.raw.len(),
        }
    }

    /// The value as plain `&str` when no unescaping is needed.
    pub const fn as_plain(&self) -> Option<&'a str> {
        if self.has_escapes() {
            None
        } else {
            Some(self.raw)
        }
    }

    /// The value, lazily unescaped, as borrowed runs and single characters.
    /// A `token`'s never start or end with white space.
    pub fn chunks(&self) -> Chunks<'a> {
        let mut chunks = self.untrimmed_chunks();
        if self.is_token() && self.has_escapes() {
            // The raw text is trimmed already; what decodes to white space
            // at the ends is found by counting, one pass more for these
            // rare values, no allocation.
            let mut first = None;
            let mut end = 0;
            for (i, c) in chunk_chars(chunks.clone()).enumerate() {
                if !is_xml_space(c) {
                    first.get_or_insert(i);
                    end = i + 1;
                }
            }
            let first = first.unwrap_or(0);
            chunks.trim = Some(Trim {
                skip: first,
                take: end - first,
            });
        }
        chunks
    }

    /// The value unescaped, white space that decodes at a token's ends kept.
    fn untrimmed_chunks(&self) -> Chunks<'a> {
        let mode = if !self.has_escapes() {
            UnescapeMode::None
        } else if self.flags & ATTRIBUTE != 0 {
            UnescapeMode::Attribute
        } else {
            UnescapeMode::Text
        };
        if self.flags & MARKUP != 0 {
            Chunks {
                current: Unescaped::new("", UnescapeMode::None),
                markup_rest: self.raw,
                trim: None,
            }
        } else {
            Chunks {
                current: Unescaped::new(self.raw, mode),
                markup_rest: "",
                trim: None,
            }
        }
    }

    /// The characters of the value.
    pub fn chars(&self) -> impl Iterator<Item = char> + 'a {
        chunk_chars(self.chunks())
    }

    /// The length of the value in characters (what XML Schema's length
    /// facets count).
    pub fn char_len(&self) -> usize {
        match self.as_plain() {
            Some(s) if s.is_ascii() => s.len(),
            Some(s) => s.chars().count(),
            None => self.chars().count(),
        }
    }

    /// Whether the value equals `s`, without allocating.
    pub fn eq_str(&self, s: &str) -> bool {
        match self.as_plain() {
            // `same_bytes`, not `==`: no call to `memcmp` for a short value.
            Some(plain) => same_bytes(plain.as_bytes(), s.as_bytes()),
            None => chunks_eq(self.chunks(), s),
        }
    }

    /// The value as one string: borrowed when nothing needed replacing.
    #[cfg(feature = "alloc")]
    pub fn to_cow(&self) -> alloc::borrow::Cow<'a, str> {
        use alloc::string::String;
        if let Some(plain) = self.as_plain() {
            return alloc::borrow::Cow::Borrowed(plain);
        }
        let mut out = String::with_capacity(self.raw.len());
        for chunk in self.chunks() {
            match chunk {
                Chunk::Str(s) => out.push_str(s),
                Chunk::Char(c) => out.push(c),
            }
        }
        alloc::borrow::Cow::Owned(out)
    }
}

/// The characters of `chunks`.
fn chunk_chars(chunks: Chunks<'_>) -> impl Iterator<Item = char> + '_ {
    chunks.flat_map(|chunk| {
        let (s, c) = match chunk {
            Chunk::Str(s) => (s, None),
            Chunk::Char(c) => ("", Some(c)),
        };
        s.chars().chain(c)
    })
}

fn chunks_eq(chunks: Chunks<'_>, mut s: &str) -> bool {
    for chunk in chunks {
        let mut buf = [0u8; 4];
        let piece: &str = match chunk {
            Chunk::Str(p) => p,
            Chunk::Char(c) => c.encode_utf8(&mut buf),
        };
        match s.strip_prefix(piece) {
            Some(rest) => s = rest,
            None => return false,
        }
    }
    s.is_empty()
}

impl PartialEq for Str<'_> {
    /// Values compare by their unescaped text.
    fn eq(&self, other: &Self) -> bool {
        match (self.as_plain(), other.as_plain()) {
            (Some(a), Some(b)) => a == b,
            _ => self.chars().eq(other.chars()),
        }
    }
}

impl Eq for Str<'_> {}

impl PartialEq<str> for Str<'_> {
    fn eq(&self, other: &str) -> bool {
        self.eq_str(other)
    }
}

impl PartialEq<&str> for Str<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.eq_str(other)
    }
}

impl<'a> From<&'a str> for Str<'a> {
    fn from(text: &'a str) -> Self {
        Str::new(text)
    }
}

impl fmt::Display for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(plain) = self.as_plain() {
            return f.write_str(plain);
        }
        for chunk in self.chunks() {
            match chunk {
                Chunk::Str(s) => f.write_str(s)?,
                Chunk::Char(c) => fmt::Write::write_char(f, c)?,
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", DebugText(self))
    }
}

struct DebugText<'s, 'a>(&'s Str<'a>);

impl fmt::Debug for DebugText<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            for e in c.escape_debug() {
                fmt::Write::write_char(f, e)?;
            }
        }
        f.write_str("\"")
    }
}

/// The pieces of a [`Str`] after unescaping, from [`Str::chunks`].
///
/// Content holding comments, processing instructions or CDATA sections
/// (legal XML, rare in EPP) is walked piece by piece: comments and PIs are
/// skipped, CDATA is taken as written.
#[derive(Clone, Debug)]
pub struct Chunks<'a> {
    current: Unescaped<'a>,
    /// Content still to split at markup (empty when there is none).
    markup_rest: &'a str,
    /// For a `token` with something to decode: the characters still to
    /// drop and to give (`None`: every character is given).
    trim: Option<Trim>,
}

/// Where a `token`'s value lies among its decoded characters.
#[derive(Clone, Copy, Debug)]
struct Trim {
    /// White space still to drop at the start.
    skip: usize,
    /// Characters still to give after it: up to the last that is not
    /// white space.
    take: usize,
}

impl<'a> Iterator for Chunks<'a> {
    type Item = Chunk<'a>;

    fn next(&mut self) -> Option<Chunk<'a>> {
        let Some(mut trim) = self.trim else {
            return self.next_untrimmed();
        };
        let next = loop {
            if trim.take == 0 {
                break None;
            }
            let Some(chunk) = self.next_untrimmed() else {
                break None;
            };
            match chunk {
                Chunk::Char(_) if trim.skip > 0 => trim.skip -= 1,
                Chunk::Char(c) => {
                    trim.take -= 1;
                    break Some(Chunk::Char(c));
                }
                Chunk::Str(run) => {
                    let mut kept = run.char_indices().skip(trim.skip);
                    let Some((start, _)) = kept.next() else {
                        // All dropped (or empty).
                        trim.skip -= run.chars().count();
                        continue;
                    };
                    trim.skip = 0;
                    // `take` characters from `start`, or the whole rest.
                    let mut given = 1;
                    let mut end = run.len();
                    for (at, _) in kept {
                        if given == trim.take {
                            end = at;
                            break;
                        }
                        given += 1;
                    }
                    trim.take -= given;
                    break Some(Chunk::Str(run.get(start..end).unwrap_or_default()));
                }
            }
        };
        self.trim = Some(trim);
        next
    }
}

impl<'a> Chunks<'a> {
    /// The next piece of the value, white space at a token's ends included.
    fn next_untrimmed(&mut self) -> Option<Chunk<'a>> {
        loop {
            if let Some(chunk) = self.current.next() {
                return Some(chunk);
            }
            let rest = self.markup_rest;
            if rest.is_empty() {
                return None;
            }
            // The content was checked well formed, so every construct is closed;
            // a missing terminator (impossible) ends the value instead of panicking.
            let (piece, mode, after) = if let Some(r) = rest.strip_prefix("<![CDATA[") {
                let end = r.find("]]>").unwrap_or(r.len());
                (
                    &r[..end],
                    UnescapeMode::Cdata,
                    r.get(end + 3..).unwrap_or(""),
                )
            } else if let Some(r) = rest.strip_prefix("<!--") {
                let end = r.find("-->").unwrap_or(r.len());
                ("", UnescapeMode::None, r.get(end + 3..).unwrap_or(""))
            } else if let Some(r) = rest.strip_prefix("<?") {
                let end = r.find("?>").unwrap_or(r.len());
                ("", UnescapeMode::None, r.get(end + 2..).unwrap_or(""))
            } else if rest.starts_with('<') {
                // A tag of a child element (mixed content, read tolerantly):
                // its text is part of the value, the tag is not.
                ("", UnescapeMode::None, skip_tag(rest))
            } else {
                let end = rest.find('<').unwrap_or(rest.len());
                (&rest[..end], UnescapeMode::Text, &rest[end..])
            };
            self.current = Unescaped::new(piece, mode);
            self.markup_rest = after;
        }
    }
}

/// `rest` (starting at `<`) past its tag, quotes respected; empty if the
/// tag does not end (impossible in a well-formed document).
fn skip_tag(rest: &str) -> &str {
    let mut quote = None;
    for (i, c) in rest.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return rest.get(i + 1..).unwrap_or(""),
            (None, _) => {}
        }
    }
    ""
}

#[cfg(test)]
mod tests {
    extern crate alloc;
    use super::*;

    #[test]
    fn plain_escaped_and_markup_values() {
        let plain = Str::scan_content("example.com", 10);
        assert_eq!(plain.as_plain(), Some("example.com"));
        assert_eq!(plain.span(), Span { start: 10, end: 21 });

        let escaped = Str::scan_content("a &amp; b&#x41;", 0);
        assert!(escaped.has_escapes());
        assert!(escaped.eq_str("a & bA"));
        assert_eq!(escaped.char_len(), 6);

        let markup = Str::scan_content("ab<!-- c -->c<![CDATA[<&>]]>&lt;<?pi x?>", 0);
        assert!(markup.eq_str("abc<&><"));
        assert!(!markup.eq_str("abc<&>"));

        let mixed = Str::scan_content("a<b x='>'>b</b><c/>c", 0);
        assert!(mixed.eq_str("abc"));

        let attr = Str::attribute("a\tb", 0, true);
        assert!(attr.eq_str("a b"));
    }

    #[test]
    fn trimming_moves_the_span() {
        let s = Str::scan_content("  \n x y \t", 5).trimmed();
        assert_eq!(s.raw(), "x y");
        assert_eq!(s.span(), Span { start: 9, end: 12 });
        let empty = Str::scan_content("   ", 0).trimmed();
        assert!(empty.is_empty());
    }

    /// What a reference or markup puts at the ends of a token is white
    /// space like any other: trimmed after expansion, as XML Schema's
    /// white space facet applies to the expanded value.
    #[test]
    fn a_token_is_trimmed_after_its_references_are_expanded() {
        for (written, expected) in [
            (" x &#32;", "x"),
            ("&#x20;x", "x"),
            ("&#9;x y&#10;", "x y"),
            ("&#32;&#x9;&#10;&#13; a&amp;b &#x20;\t", "a&b"),
            ("<![CDATA[ ]]>x<!-- c --> &#32;", "x"),
            ("&#32; &#32;", ""),
            ("&#32;&#xE9;&#32;", "\u{e9}"),
            ("x&#32;&#32;y", "x  y"),
        ] {
            let token = Str::scan_content(written, 0).trimmed();
            assert!(token.eq_str(expected), "{written}: {token:?}");
            assert_eq!(token, Str::new(expected), "{written}");
            assert_eq!(token.char_len(), expected.chars().count(), "{written}");
            assert_eq!(token.is_empty(), expected.is_empty(), "{written}");
            let mut shown = alloc::string::String::new();
            fmt::Write::write_fmt(&mut shown, format_args!("{token}")).unwrap();
            assert_eq!(shown, expected, "{written}");
            #[cfg(feature = "alloc")]
            assert_eq!(token.to_cow(), expected, "{written}");
            let chunks: alloc::vec::Vec<Chunk<'_>> = token.chunks().collect();
            let is_space = |c: Option<char>| c.is_some_and(|c| c.is_ascii_whitespace());
            let first = chunks.first().and_then(|c| match c {
                Chunk::Str(s) => s.chars().next(),
                Chunk::Char(c) => Some(*c),
            });
            let last = chunks.last().and_then(|c| match c {
                Chunk::Str(s) => s.chars().next_back(),
                Chunk::Char(c) => Some(*c),
            });
            assert!(!is_space(first) && !is_space(last), "{written}: {chunks:?}");
            assert!(!chunks.contains(&Chunk::Str("")), "{written}: {chunks:?}");
            // The raw text is trimmed of literal white space only.
            let literal_space = |c| matches!(c, ' ' | '\t' | '\n' | '\r');
            assert_eq!(
                token.raw(),
                written.trim_matches(literal_space),
                "{written}"
            );
        }
        // An attribute token too (`id=" &#32;m1 "`).
        let id = Str::attribute(" &#32;m1&#x9; ", 0, true).trimmed();
        assert!(id.eq_str("m1"), "{id:?}");
        // Content that is no token keeps the white space references write.
        assert!(Str::scan_content(" x &#32;", 0).eq_str(" x  "));
        // A plain token is its raw text, borrowed.
        let plain = Str::scan_content(" x y ", 0).trimmed();
        assert_eq!(plain.as_plain(), Some("x y"));
    }

    #[test]
    fn equality_is_by_value() {
        assert_eq!(Str::scan_content("a&amp;b", 0), Str::new("a&b"));
        assert_ne!(Str::new("a&amp;b"), Str::new("a&b"));
        assert_eq!(Str::new("x"), "x");
    }
}
