//! [`XmlWriter`]: appends well-formed, escaped XML to a [`Sink`].

use super::sink::Sink;
use super::{WriteError, WriteOptions};
use crate::view::Str;
use crate::xml::Chunk;

/// What replaces a secret in redacted output.
pub const REDACTED: &str = "*****";

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
    /// Bytes produced, stored or not.
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
        self.produced
    }

    /// The sink's length when this writer started.
    pub(crate) fn start_offset(&self) -> usize {
        self.start
    }

    /// Appends bytes as they are.
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        self.produced += bytes.len();
        if !self.full && self.sink.append(bytes).is_err() {
            self.full = true;
        }
    }

    /// Appends `before`, `middle`, `after` (a tag around a name).
    #[inline]
    fn put_wrapped(&mut self, before: &[u8], middle: &[u8], after: &[u8]) {
        self.produced += before.len() + middle.len() + after.len();
        if !self.full && self.sink.append_wrapped(before, middle, after).is_err() {
            self.full = true;
        }
    }

    /// Appends one byte of markup.
    #[inline]
    fn put_byte(&mut self, byte: u8) {
        self.produced += 1;
        if !self.full && self.sink.append_byte(byte).is_err() {
            self.full = true;
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
        if self.produced > 0 {
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
        self.depth = self.depth.saturating_sub(1);
        if self.tag_open {
            self.put(b"/>");
            self.tag_open = false;
        } else {
            if self.after_end {
                self.newline(self.depth);
            }
            self.put_wrapped(b"</", name.as_bytes(), b">");
        }
        self.after_end = true;
    }

    /// `<name` + `after`, closing the parent's start tag and indenting first.
    #[inline(always)]
    fn open_tag(&mut self, name: &[u8], after: &[u8]) {
        if self.options.indent == 0 {
            let before: &[u8] = if self.tag_open { b"><" } else { b"<" };
            self.tag_open = false;
            self.put_wrapped(before, name, after);
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
        self.put_wrapped(b" ", name.as_bytes(), b"=\"");
        self.str_value(value, Context::Attribute)?;
        self.put_byte(b'"');
        Ok(())
    }

    /// A namespace declaration on the open start tag (`xmlns:prefix`, or
    /// `xmlns` when `prefix` is empty).
    pub fn namespace(&mut self, prefix: &str, uri: &str) {
        if prefix.is_empty() {
            self.put(b" xmlns=\"");
        } else {
            self.put_wrapped(b" xmlns:", prefix.as_bytes(), b"=\"");
        }
        // Namespace URIs are the crate's constants or were read from a
        // document (already escaped for an attribute).
        self.put_wrapped(b"", uri.as_bytes(), b"\"");
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
        self.start_q(prefix, local);
        self.text_str(value)?;
        self.end_q(prefix, local);
        Ok(())
    }

    /// `<name>value</name>` from plain text.
    ///
    /// # Errors
    ///
    /// As [`text`](Self::text).
    pub fn leaf_text(&mut self, name: &str, value: &str) -> Result<(), WriteError> {
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

    /// A value with references to replace: written chunk by chunk.
    #[cold]
    #[inline(never)]
    fn str_chunks(&mut self, value: Str<'_>, context: Context) -> Result<(), WriteError> {
        if !value.is_token() {
            for chunk in value.chunks() {
                self.chunk(chunk, context)?;
            }
            return Ok(());
        }
        // A token: white space at its ends (from references or markup
        // inside it) is dropped, as reading it again would drop it.
        let mut started = false;
        let mut pending: heapless::Vec<u8, 64> = heapless::Vec::new();
        for chunk in value.chunks() {
            let mut buf = [0u8; 4];
            let piece: &str = match chunk {
                Chunk::Str(s) => s,
                Chunk::Char(c) => c.encode_utf8(&mut buf),
            };
            for part in piece.split_inclusive(is_xml_space) {
                let (body, space) = match part.char_indices().last() {
                    Some((at, c)) if is_xml_space(c) => (&part[..at], &part[at..]),
                    _ => (part, ""),
                };
                if !body.is_empty() {
                    if started {
                        self.flush_pending(&mut pending, context)?;
                    }
                    pending.clear();
                    self.escaped(body, context)?;
                    started = true;
                }
                if started
                    && !space.is_empty()
                    && pending.extend_from_slice(space.as_bytes()).is_err()
                {
                    // More trailing white space than fits: it was not trailing.
                    self.flush_pending(&mut pending, context)?;
                    let _ = pending.extend_from_slice(space.as_bytes());
                }
            }
        }
        Ok(())
    }

    fn flush_pending(
        &mut self,
        pending: &mut heapless::Vec<u8, 64>,
        context: Context,
    ) -> Result<(), WriteError> {
        let text = core::str::from_utf8(pending).unwrap_or("");
        self.escaped(text, context)?;
        pending.clear();
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
        // Most values need nothing: one branch-free pass, one copy.
        if bytes
            .iter()
            .fold(0u8, |any, &b| any | NEEDS_CARE[usize::from(b)])
            == 0
        {
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
            if NEEDS_CARE[usize::from(b)] == 0 {
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
        if self.full {
            self.sink.truncate(self.start);
            return Err(WriteError::BufferTooSmall {
                needed: self.produced,
            });
        }
        if self.options.indent > 0 {
            self.put(b"\n");
        }
        if self.full {
            self.sink.truncate(self.start);
            return Err(WriteError::BufferTooSmall {
                needed: self.produced,
            });
        }
        Ok((self.produced, self.sink))
    }

    /// Cuts the sink back to where it was (after an error).
    pub(crate) fn abandon(mut self) {
        let start = self.start;
        self.sink.truncate(start);
    }
}

fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// 1 for the bytes [`XmlWriter::escaped`] looks at: markup characters,
/// quotes, C0 controls, and 0xEF (the lead byte of U+FFFE and U+FFFF).
static NEEDS_CARE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = 1;
        b += 1;
    }
    t[b'&' as usize] = 1;
    t[b'<' as usize] = 1;
    t[b'>' as usize] = 1;
    t[b'"' as usize] = 1;
    t[0xEF] = 1;
    t
};
