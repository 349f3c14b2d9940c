//! [`XmlWriter`]: appends well-formed, escaped XML to a [`Sink`].

use super::sink::{Sink, copy_short};
use super::{WriteError, WriteOptions};
use crate::view::Str;
use crate::xml::Chunk;

/// What replaces a secret in redacted output.
pub const REDACTED: &str = "*****";

/// Appends the byte strings `parts` in order through the writer `w`, the
/// sink's room checked once for all; the copies are spelled out one by
/// one so that the markup pieces, whose lengths are constants, copy in a
/// store or two each.
macro_rules! put_parts {
    ($w:expr, [$($part:expr),+ $(,)?]) => {{
        let total = 0usize $(.saturating_add(<[u8]>::len($part)))+;
        match $w.lend(total) {
            Some(lent) => {
                let mut fill = Fill { lent };
                $(fill.bytes($part);)+
            }
            None => $w.put_parts_unlent(&[$($part),+], total),
        }
    }};
}

/// Fills room a sink lent, from its start.
struct Fill<'b> {
    /// What is left to fill.
    lent: &'b mut [u8],
}

impl Fill<'_> {
    /// Copies `bytes` next.
    #[inline(always)]
    fn bytes(&mut self, bytes: &[u8]) {
        if let Some((dest, rest)) =
            core::mem::take(&mut self.lent).split_at_mut_checked(bytes.len())
        {
            copy_short(dest, bytes);
            self.lent = rest;
        }
    }
}

/// Where a value goes: escaping differs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Text,
    Attribute,
}

/// Appends XML to a [`Sink`]: start and end tags, attributes, escaped
/// text, and verbatim runs of already well-formed XML.
///
/// Writers of messages drive it; most users call [`write`](super::write)
/// and never see it. A sink that fills up does not stop the writer: it
/// goes on counting, so [`finish`](Self::finish) can report how big a
/// buffer would have been needed.
#[derive(Debug)]
pub struct XmlWriter<S: Sink> {
    sink: S,
    options: WriteOptions,
    /// Sink length when writing began: a failed write is cut back to it.
    start: usize,
    /// Bytes produced, stored or not, once the sink is [`full`](Self::full)
    /// (until then the sink's length says it, and appends need not count).
    produced: usize,
    /// The sink refused bytes; from then on only counting.
    full: bool,
    /// A start tag is open (`<name attr="…"`), waiting for `>` or `/>`.
    tag_open: bool,
    /// The last thing written was an end tag (for indentation).
    after_end: bool,
    depth: usize,
}

impl<S: Sink> XmlWriter<S> {
    /// A writer appending to `sink`.
    pub fn new(sink: S, options: WriteOptions) -> Self {
        let start = sink.len();
        XmlWriter {
            sink,
            options,
            start,
            produced: 0,
            full: false,
            tag_open: false,
            after_end: false,
            depth: 0,
        }
    }

    /// Runs `f` with this writer seen through a `dyn Sink` (for
    /// [`CustomExtension`](super::CustomExtension)), then takes its state back.
    pub(crate) fn with_dyn<R>(&mut self, f: impl FnOnce(&mut XmlWriter<&mut dyn Sink>) -> R) -> R {
        let mut inner = XmlWriter {
            sink: &mut self.sink as &mut dyn Sink,
            options: self.options,
            start: self.start,
            produced: self.produced,
            full: self.full,
            tag_open: self.tag_open,
            after_end: self.after_end,
            depth: self.depth,
        };
        let result = f(&mut inner);
        let (produced, full, tag_open, after_end, depth) = (
            inner.produced,
            inner.full,
            inner.tag_open,
            inner.after_end,
            inner.depth,
        );
        self.produced = produced;
        self.full = full;
        self.tag_open = tag_open;
        self.after_end = after_end;
        self.depth = depth;
        result
    }

    /// The options in force.
    pub fn options(&self) -> &WriteOptions {
        &self.options
    }

    /// Whether secrets are masked ([`WriteOptions::redact`]).
    pub fn redacting(&self) -> bool {
        self.options.redact
    }

    /// Bytes produced so far (including any the sink had no room for).
    pub fn produced(&self) -> usize {
        if self.full {
            self.produced
        } else {
            self.sink.len().saturating_sub(self.start)
        }
    }

    /// The sink refused `len` more bytes: from now on only count.
    #[cold]
    #[inline(never)]
    fn overflowed(&mut self, len: usize) {
        if self.full {
            self.produced += len;
        } else {
            self.produced = self.sink.len().saturating_sub(self.start) + len;
            self.full = true;
        }
    }

    /// The sink's length when this writer started.
    pub(crate) fn start_offset(&self) -> usize {
        self.start
    }

    /// Appends bytes as they are.
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        if self.full || self.sink.append(bytes).is_err() {
            self.overflowed(bytes.len());
        }
    }

    /// Appends `before`, `middle`, `after` (a tag around a name).
    #[inline]
    fn put_wrapped(&mut self, before: &[u8], middle: &[u8], after: &[u8]) {
        if self.full || self.sink.append_wrapped(before, middle, after).is_err() {
            self.overflowed(before.len() + middle.len() + after.len());
        }
    }

    /// Appends `total` bytes when the sink lends them, or nothing.
    #[inline(always)]
    fn lend(&mut self, total: usize) -> Option<&mut [u8]> {
        if self.full {
            return None;
        }
        self.sink.grow(total)
    }

    /// When [`lend`](Self::lend) did not: appends `parts` one by one,
    /// all or none, and counts them when they do not fit.
    #[inline(never)]
    fn put_parts_unlent(&mut self, parts: &[&[u8]], total: usize) {
        if self.full || !self.put_parts_slowly(parts) {
            self.overflowed(total);
        }
    }

    /// [`put_parts`](Self::put_parts) for a sink that does not lend its
    /// room: one append a part, all or none.
    #[inline(never)]
    fn put_parts_slowly(&mut self, parts: &[&[u8]]) -> bool {
        let len = self.sink.len();
        for part in parts {
            if self.sink.append(part).is_err() {
                self.sink.truncate(len);
                return false;
            }
        }
        true
    }

    /// Appends one byte of markup.
    #[inline]
    fn put_byte(&mut self, byte: u8) {
        if self.full || self.sink.append_byte(byte).is_err() {
            self.overflowed(1);
        }
    }

    fn close_start_tag(&mut self) {
        if self.tag_open {
            self.put_byte(b'>');
            self.tag_open = false;
        }
    }

    #[inline]
    fn newline(&mut self, depth: usize) {
        let indent = usize::from(self.options.indent);
        if indent == 0 {
            return;
        }
        if self.produced() > 0 {
            self.put(b"\n");
        }
        const SPACES: &[u8; 64] = &[b' '; 64];
        let mut n = indent.saturating_mul(depth);
        while n > 0 {
            let take = n.min(SPACES.len());
            self.put(&SPACES[..take]);
            n -= take;
        }
    }

    /// The XML declaration, unless the options leave it out.
    pub fn declaration(&mut self) {
        if self.options.declaration {
            self.put(br#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>"#);
        }
    }

    /// Opens element `name` (a qualified name such as `domain:name`).
    #[inline]
    pub fn start(&mut self, name: &str) {
        self.open_tag(name.as_bytes(), b"");
        self.tag_open = true;
        self.after_end = false;
        self.depth += 1;
    }

    /// Closes element `name`, the innermost open one (`/>` when it has no content).
    #[inline]
    pub fn end(&mut self, name: &str) {
        if self.options.indent == 0 && !self.tag_open {
            // Compact, after content: the end tag and nothing else.
            self.depth = self.depth.saturating_sub(1);
            put_parts!(self, [b"</", name.as_bytes(), b">"]);
            self.after_end = true;
            return;
        }
        self.end_with_layout(name);
    }

    /// [`end`](Self::end) of an empty element, or indented.
    #[inline(never)]
    fn end_with_layout(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        if self.tag_open {
            self.put(b"/>");
            self.tag_open = false;
        } else {
            if self.after_end {
                self.newline(self.depth);
            }
            put_parts!(self, [b"</", name.as_bytes(), b">"]);
        }
        self.after_end = true;
    }

    /// `<name` + `after`, closing the parent's start tag and indenting first.
    #[inline(always)]
    fn open_tag(&mut self, name: &[u8], after: &[u8]) {
        if self.options.indent == 0 {
            let before: &[u8] = if self.tag_open { b"><" } else { b"<" };
            self.tag_open = false;
            put_parts!(self, [before, name, after]);
        } else {
            self.close_start_tag();
            self.newline(self.depth);
            self.put_wrapped(b"<", name, after);
        }
    }

    /// An attribute of the open start tag, `value` escaped.
    ///
    /// # Errors
    ///
    /// [`WriteError::ForbiddenCharacter`] when `value` holds a character
    /// XML does not allow.
    #[inline]
    pub fn attr(&mut self, name: &str, value: &str) -> Result<(), WriteError> {
        if crate::xml::writes_as_is(value.as_bytes()) {
            put_parts!(
                self,
                [b" ", name.as_bytes(), b"=\"", value.as_bytes(), b"\""]
            );
            return Ok(());
        }
        self.put_wrapped(b" ", name.as_bytes(), b"=\"");
        self.escaped(value, Context::Attribute)?;
        self.put_byte(b'"');
        Ok(())
    }

    /// An attribute whose value is a [`Str`] (read or built).
    ///
    /// # Errors
    ///
    /// As [`attr`](Self::attr).
    #[inline]
    pub fn attr_str(&mut self, name: &str, value: Str<'_>) -> Result<(), WriteError> {
        if let Some(value) = as_is(value, Context::Attribute) {
            put_parts!(self, [b" ", name.as_bytes(), b"=\"", value, b"\""]);
            return Ok(());
        }
        self.put_wrapped(b" ", name.as_bytes(), b"=\"");
        self.str_value(value, Context::Attribute)?;
        self.put_byte(b'"');
        Ok(())
    }

    /// A namespace declaration on the open start tag (`xmlns:prefix`, or
    /// `xmlns` when `prefix` is empty).
    pub fn namespace(&mut self, prefix: &str, uri: &str) {
        // Namespace URIs are the crate's constants or were read from a
        // document (already escaped for an attribute).
        if prefix.is_empty() {
            self.put_wrapped(b" xmlns=\"", uri.as_bytes(), b"\"");
        } else {
            put_parts!(
                self,
                [b" xmlns:", prefix.as_bytes(), b"=\"", uri.as_bytes(), b"\"",]
            );
        }
    }

    /// Text content, escaped.
    ///
    /// # Errors
    ///
    /// [`WriteError::ForbiddenCharacter`] when `text` holds a character
    /// XML does not allow.
    pub fn text(&mut self, text: &str) -> Result<(), WriteError> {
        self.close_start_tag();
        self.escaped(text, Context::Text)
    }

    /// Text content from a [`Str`]: copied as it stands when it was read
    /// from element content (already escaped), escaped otherwise.
    ///
    /// # Errors
    ///
    /// As [`text`](Self::text).
    pub fn text_str(&mut self, value: Str<'_>) -> Result<(), WriteError> {
        self.close_start_tag();
        self.str_value(value, Context::Text)
    }

    /// Well-formed XML copied as it stands (a raw element read from a
    /// message).
    pub fn raw(&mut self, xml: &str) {
        self.close_start_tag();
        self.put(xml.as_bytes());
    }

    /// Raw bytes inside a start tag being written (the name, declarations,
    /// the rest of a raw element).
    pub(crate) fn raw_in_tag(&mut self, xml: &str) {
        self.put(xml.as_bytes());
    }

    /// Begins a raw element: placed and indented like a child element,
    /// or `inline` in mixed content (where white space would be content).
    pub(crate) fn start_raw(&mut self, inline: bool) {
        self.close_start_tag();
        if !inline {
            self.newline(self.depth);
        }
        self.after_end = false;
    }

    /// Ends a raw element; `inline` as it began.
    pub(crate) fn end_raw(&mut self, inline: bool) {
        self.after_end = !inline;
    }

    /// An attribute whose value comes unescaped in pieces.
    pub(crate) fn attr_unescaped(
        &mut self,
        name: &str,
        value: crate::xml::Unescaped<'_>,
    ) -> Result<(), WriteError> {
        self.put(b" ");
        self.put(name.as_bytes());
        self.put(b"=\"");
        for chunk in value {
            self.chunk(chunk, Context::Attribute)?;
        }
        self.put(b"\"");
        Ok(())
    }

    /// `<name>value</name>`.
    ///
    /// # Errors
    ///
    /// As [`text`](Self::text).
    #[inline]
    pub fn leaf(&mut self, name: &str, value: Str<'_>) -> Result<(), WriteError> {
        if self.options.indent == 0 {
            if let Some(text) = as_is(value, Context::Text) {
                // The whole element in one append.
                let name = name.as_bytes();
                let before: &[u8] = if self.tag_open { b"><" } else { b"<" };
                put_parts!(self, [before, name, b">", text, b"</", name, b">"]);
                self.tag_open = false;
                self.after_end = true;
                return Ok(());
            }
        }
        self.open_tag(name.as_bytes(), b">");
        self.after_end = false;
        self.str_value(value, Context::Text)?;
        self.put_wrapped(b"</", name.as_bytes(), b">");
        self.after_end = true;
        Ok(())
    }

    /// Opens `prefix:local`.
    pub(crate) fn start_q(&mut self, prefix: &str, local: &str) {
        self.open_tag(prefix.as_bytes(), b":");
        self.put(local.as_bytes());
        self.tag_open = true;
        self.after_end = false;
        self.depth += 1;
    }

    /// Closes `prefix:local`.
    pub(crate) fn end_q(&mut self, prefix: &str, local: &str) {
        self.depth = self.depth.saturating_sub(1);
        if self.tag_open {
            self.put(b"/>");
            self.tag_open = false;
        } else {
            if self.after_end {
                self.newline(self.depth);
            }
            self.put_wrapped(b"</", prefix.as_bytes(), b":");
            self.put(local.as_bytes());
            self.put_byte(b'>');
        }
        self.after_end = true;
    }

    /// `<prefix:local>value</prefix:local>`.
    pub(crate) fn leaf_q(
        &mut self,
        prefix: &str,
        local: &str,
        value: Str<'_>,
    ) -> Result<(), WriteError> {
        if self.options.indent == 0 {
            if let Some(text) = as_is(value, Context::Text) {
                let (prefix, local) = (prefix.as_bytes(), local.as_bytes());
                let before: &[u8] = if self.tag_open { b"><" } else { b"<" };
                put_parts!(
                    self,
                    [
                        before, prefix, b":", local, b">", text, b"</", prefix, b":", local, b">",
                    ]
                );
                self.tag_open = false;
                self.after_end = true;
                return Ok(());
            }
        }
        self.start_q(prefix, local);
        self.text_str(value)?;
        self.end_q(prefix, local);
        Ok(())
    }

    /// `<name attr="attr_value">value</name>`: as [`start`](Self::start),
    /// [`attr_str`](Self::attr_str), [`text_str`](Self::text_str) and
    /// [`end`](Self::end), in one append when nothing needs escaping.
    pub(crate) fn leaf_with_attr(
        &mut self,
        name: &str,
        attr: &str,
        attr_value: Str<'_>,
        value: Str<'_>,
    ) -> Result<(), WriteError> {
        if self.options.indent == 0 {
            if let (Some(attr_value), Some(text)) = (
                as_is(attr_value, Context::Attribute),
                as_is(value, Context::Text),
            ) {
                let (name, attr) = (name.as_bytes(), attr.as_bytes());
                let before: &[u8] = if self.tag_open { b"><" } else { b"<" };
                put_parts!(
                    self,
                    [
                        before, name, b" ", attr, b"=\"", attr_value, b"\">", text, b"</", name,
                        b">",
                    ]
                );
                self.tag_open = false;
                self.after_end = true;
                return Ok(());
            }
        }
        self.start(name);
        self.attr_str(attr, attr_value)?;
        self.text_str(value)?;
        self.end(name);
        Ok(())
    }

    /// `<name>value</name>` from plain text.
    ///
    /// # Errors
    ///
    /// As [`text`](Self::text).
    pub fn leaf_text(&mut self, name: &str, value: &str) -> Result<(), WriteError> {
        if self.options.indent == 0 && crate::xml::writes_as_is(value.as_bytes()) {
            let name = name.as_bytes();
            let before: &[u8] = if self.tag_open { b"><" } else { b"<" };
            put_parts!(
                self,
                [before, name, b">", value.as_bytes(), b"</", name, b">"]
            );
            self.tag_open = false;
            self.after_end = true;
            return Ok(());
        }
        self.open_tag(name.as_bytes(), b">");
        self.after_end = false;
        self.escaped(value, Context::Text)?;
        self.put_wrapped(b"</", name.as_bytes(), b">");
        self.after_end = true;
        Ok(())
    }

    /// `<name>value</name>`, or `<name>*****</name>` when redacting.
    ///
    /// # Errors
    ///
    /// As [`text`](Self::text).
    pub fn secret(&mut self, name: &str, value: Str<'_>) -> Result<(), WriteError> {
        if self.options.redact {
            self.leaf_text(name, REDACTED)
        } else {
            self.leaf(name, value)
        }
    }

    /// `<name/>`.
    pub fn empty(&mut self, name: &str) {
        self.start(name);
        self.end(name);
    }

    #[inline]
    fn str_value(&mut self, value: Str<'_>, context: Context) -> Result<(), WriteError> {
        if context == Context::Text && value.is_verbatim_content() {
            self.put(value.raw().as_bytes());
            return Ok(());
        }
        if let Some(plain) = value.as_plain() {
            return self.escaped(plain, context);
        }
        self.str_chunks(value, context)
    }

    /// A value with references to replace: written chunk by chunk (a
    /// token's without the white space decoding puts at its ends, as
    /// reading it again would drop it: [`Str::chunks`] drops it).
    #[cold]
    #[inline(never)]
    fn str_chunks(&mut self, value: Str<'_>, context: Context) -> Result<(), WriteError> {
        for chunk in value.chunks() {
            self.chunk(chunk, context)?;
        }
        Ok(())
    }

    fn chunk(&mut self, chunk: Chunk<'_>, context: Context) -> Result<(), WriteError> {
        match chunk {
            Chunk::Str(s) => self.escaped(s, context),
            Chunk::Char(c) => {
                let mut buf = [0u8; 4];
                self.escaped(c.encode_utf8(&mut buf), context)
            }
        }
    }

    /// Writes `s` with what XML requires escaped in `context`.
    #[inline]
    fn escaped(&mut self, s: &str, context: Context) -> Result<(), WriteError> {
        let bytes = s.as_bytes();
        // Most values need nothing: one quick pass, one copy.
        if crate::xml::writes_as_is(bytes) {
            self.put(bytes);
            return Ok(());
        }
        self.escaped_slowly(s, context)
    }

    /// [`escaped`](Self::escaped) for a value with something to escape
    /// or refuse.
    #[cold]
    #[inline(never)]
    fn escaped_slowly(&mut self, s: &str, context: Context) -> Result<(), WriteError> {
        let bytes = s.as_bytes();
        let mut run = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Eight bytes at a time to the first candidate, then one by one.
            if let Some(word) = crate::xml::word_at(bytes, i) {
                let candidates = crate::xml::escape_candidates(word);
                if candidates == 0 {
                    i += 8;
                    continue;
                }
                i += (candidates.trailing_zeros() / 8) as usize;
            }
            let b = bytes[i];
            if crate::xml::NEEDS_CARE[usize::from(b)] == 0 {
                i += 1;
                continue;
            }
            let replacement: &[u8] = match (b, context) {
                (b'&', _) => b"&amp;",
                (b'<', _) => b"&lt;",
                (b'>', _) => b"&gt;",
                (b'"', Context::Attribute) => b"&quot;",
                (b'"', Context::Text) => b"\"",
                // Written as references so that reading gives them back
                // (a literal one would be normalized away).
                (b'\r', _) => b"&#13;",
                (b'\t', Context::Attribute) => b"&#9;",
                (b'\n', Context::Attribute) => b"&#10;",
                (b'\t', Context::Text) => b"\t",
                (b'\n', Context::Text) => b"\n",
                (0xEF, _) => {
                    if crate::xml::is_forbidden_ef(bytes, i) {
                        let character = s[i..].chars().next().unwrap_or('\u{FFFF}');
                        return Err(WriteError::ForbiddenCharacter { character });
                    }
                    i += 1;
                    continue;
                }
                _ => {
                    return Err(WriteError::ForbiddenCharacter {
                        character: char::from(b),
                    });
                }
            };
            self.put(&bytes[run..i]);
            self.put(replacement);
            i += 1;
            run = i;
        }
        self.put(&bytes[run..]);
        Ok(())
    }

    /// Ends the document: the bytes written, or why not.
    ///
    /// # Errors
    ///
    /// [`WriteError::BufferTooSmall`] with the length needed when the sink
    /// ran out of room; the sink is cut back to where it was.
    pub fn finish(mut self) -> Result<(usize, S), WriteError> {
        if self.options.indent > 0 {
            self.put(b"\n");
        }
        if self.full {
            self.sink.truncate(self.start);
            return Err(WriteError::BufferTooSmall {
                needed: self.produced,
            });
        }
        Ok((self.produced(), self.sink))
    }

    /// Cuts the sink back to where it was (after an error).
    pub(crate) fn abandon(mut self) {
        let start = self.start;
        self.sink.truncate(start);
    }
}

/// `value` as it is to be written when nothing in it needs escaping:
/// element content read from a message (already escaped) or a plain
/// value with nothing to escape or refuse.
#[inline(always)]
fn as_is(value: Str<'_>, context: Context) -> Option<&[u8]> {
    if context == Context::Text && value.is_verbatim_content() {
        return Some(value.raw().as_bytes());
    }
    let plain = value.as_plain()?.as_bytes();
    crate::xml::writes_as_is(plain).then_some(plain)
}
