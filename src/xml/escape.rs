//! Lazy replacement of references, and the normalization XML applies to
//! line ends and attribute values (XML 1.0 §2.11, §3.3.3).
//!
//! Nothing is replaced until asked for, and nothing is allocated: the
//! replaced text comes out as a sequence of [`Chunk`]s, borrowed runs of the
//! document interleaved with single characters.

use core::fmt;

/// How text is to be normalized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnescapeMode {
    /// Already plain: no references, no carriage returns.
    None,
    /// Character data: references replaced, `\r\n` and `\r` become `\n`.
    Text,
    /// CDATA: no references, `\r\n` and `\r` become `\n`.
    Cdata,
    /// Attribute value: references replaced, `\t`, `\n`, `\r`, `\r\n` become a space.
    Attribute,
}

/// One piece of unescaped text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk<'a> {
    /// A run of text as it stands in the document (or a predefined entity's text).
    Str(&'a str),
    /// One character from a character reference or normalization.
    Char(char),
}

/// Text with references replaced and line ends normalized, produced lazily.
///
/// Iterate it for [`Chunk`]s, call [`chars`](Self::chars), compare it with
/// [`eq_str`](Self::eq_str), or format it with `{}`: none of these allocate.
///
/// ```
/// use epp_codec::{Limits, xml::{Tokenizer, Token}};
/// let mut t = Tokenizer::new("<a>x &amp; y &#x41;</a>", &Limits::new());
/// t.next_token().unwrap(); // <a>
/// let Some(Token::Text(text)) = t.next_token().unwrap() else { panic!() };
/// assert_eq!(text.raw(), "x &amp; y &#x41;");
/// assert!(text.unescaped().eq_str("x & y A"));
/// ```
#[derive(Clone, Debug)]
pub struct Unescaped<'a> {
    rest: &'a str,
    mode: UnescapeMode,
}

impl<'a> Unescaped<'a> {
    pub(crate) fn new(raw: &'a str, mode: UnescapeMode) -> Self {
        Unescaped { rest: raw, mode }
    }

    /// The characters of the unescaped text.
    pub fn chars(self) -> impl Iterator<Item = char> + 'a {
        self.flat_map(|chunk| {
            let (s, c) = match chunk {
                Chunk::Str(s) => (s, None),
                Chunk::Char(c) => ("", Some(c)),
            };
            s.chars().chain(c)
        })
    }

    /// Whether the unescaped text equals `s`, without allocating.
    pub fn eq_str(&self, mut s: &str) -> bool {
        for chunk in self.clone() {
            let piece = match chunk {
                Chunk::Str(p) => p,
                Chunk::Char(c) => {
                    let mut buf = [0u8; 4];
                    let p = c.encode_utf8(&mut buf);
                    match s.strip_prefix(&*p) {
                        Some(rest) => {
                            s = rest;
                            continue;
                        }
                        None => return false,
                    }
                }
            };
            match s.strip_prefix(piece) {
                Some(rest) => s = rest,
                None => return false,
            }
        }
        s.is_empty()
    }

    /// The text as one string: borrowed when nothing needed replacing.
    #[cfg(feature = "alloc")]
    pub fn to_cow(&self) -> alloc::borrow::Cow<'a, str> {
        use alloc::string::String;
        let mut it = self.clone();
        match (it.next(), it.clone().next()) {
            (None, _) => alloc::borrow::Cow::Borrowed(""),
            (Some(Chunk::Str(s)), None) => alloc::borrow::Cow::Borrowed(s),
            _ => {
                let mut out = String::with_capacity(self.rest.len());
                for chunk in self.clone() {
                    match chunk {
                        Chunk::Str(s) => out.push_str(s),
                        Chunk::Char(c) => out.push(c),
                    }
                }
                alloc::borrow::Cow::Owned(out)
            }
        }
    }
}

impl<'a> Iterator for Unescaped<'a> {
    type Item = Chunk<'a>;

    fn next(&mut self) -> Option<Chunk<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        let bytes = self.rest.as_bytes();
        let special = |b: u8| match self.mode {
            UnescapeMode::None => false,
            UnescapeMode::Text => b == b'&' || b == b'\r',
            UnescapeMode::Cdata => b == b'\r',
            UnescapeMode::Attribute => matches!(b, b'&' | b'\r' | b'\n' | b'\t'),
        };
        let run = bytes
            .iter()
            .position(|&b| special(b))
            .unwrap_or(bytes.len());
        if run > 0 {
            let (head, tail) = self.rest.split_at(run);
            self.rest = tail;
            return Some(Chunk::Str(head));
        }
        let space = if self.mode == UnescapeMode::Attribute {
            ' '
        } else {
            '\n'
        };
        match bytes[0] {
            b'\r' => {
                let skip = if bytes.get(1) == Some(&b'\n') { 2 } else { 1 };
                self.rest = &self.rest[skip..];
                Some(Chunk::Char(space))
            }
            b'\n' | b'\t' => {
                self.rest = &self.rest[1..];
                Some(Chunk::Char(' '))
            }
            _ => {
                // A reference; the tokenizer validated it. Should an unvalidated `&`
                // slip through, it is passed on as itself rather than guessed at.
                match parse_reference(bytes) {
                    Some((chunk, len)) => {
                        self.rest = &self.rest[len..];
                        Some(chunk)
                    }
                    None => {
                        self.rest = &self.rest[1..];
                        Some(Chunk::Str("&"))
                    }
                }
            }
        }
    }
}

impl core::iter::FusedIterator for Unescaped<'_> {}

impl fmt::Display for Unescaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for chunk in self.clone() {
            match chunk {
                Chunk::Str(s) => f.write_str(s)?,
                Chunk::Char(c) => fmt::Write::write_char(f, c)?,
            }
        }
        Ok(())
    }
}

/// The result of reading a reference that starts with `&`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Reference {
    /// A valid reference of this many bytes, `&` and `;` included.
    Valid(usize),
    /// `&name;` with a name other than the predefined five.
    UndefinedEntity,
    /// A malformed or forbidden character reference.
    InvalidCharRef,
    /// `&` not followed by a name and `;`.
    Malformed,
    /// The input ends inside the reference.
    Truncated,
}

/// Checks the reference at the start of `bytes` (which starts with `&`).
pub(crate) fn check_reference(bytes: &[u8]) -> Reference {
    match parse_reference_inner(bytes) {
        Ok((_, len)) => Reference::Valid(len),
        Err(e) => e,
    }
}

fn parse_reference(bytes: &[u8]) -> Option<(Chunk<'static>, usize)> {
    parse_reference_inner(bytes).ok()
}

/// `CharRef ::= '&#' [0-9]+ ';' | '&#x' [0-9a-fA-F]+ ';'` (no bound on the
/// digits: leading zeros are allowed) and `EntityRef ::= '&' Name ';'`.
fn parse_reference_inner(bytes: &[u8]) -> Result<(Chunk<'static>, usize), Reference> {
    match bytes.get(1) {
        None => Err(Reference::Truncated),
        Some(b'#') => {
            let (radix, digits_start) = if bytes.get(2) == Some(&b'x') {
                (16, 3)
            } else {
                (10, 2)
            };
            let rest = bytes.get(digits_start..).unwrap_or_default();
            let digits = rest
                .iter()
                .take_while(|&&b| char::from(b).is_digit(radix))
                .count();
            let end = digits_start + digits;
            match bytes.get(end) {
                None => Err(Reference::Truncated),
                Some(b';') => Ok((
                    Chunk::Char(char_ref(&bytes[digits_start..end], radix)?),
                    end + 1,
                )),
                Some(_) => Err(Reference::InvalidCharRef),
            }
        }
        Some(&b) if super::chars::class(b) & super::chars::NAME_START != 0 => {
            let name_len = bytes[1..]
                .iter()
                .take_while(|&&b| super::chars::class(b) & super::chars::NAME_CHAR != 0)
                .count();
            let end = 1 + name_len;
            match bytes.get(end) {
                None => Err(Reference::Truncated),
                Some(b';') => {
                    let chunk = match &bytes[1..end] {
                        b"lt" => Chunk::Str("<"),
                        b"gt" => Chunk::Str(">"),
                        b"amp" => Chunk::Str("&"),
                        b"apos" => Chunk::Str("'"),
                        b"quot" => Chunk::Str("\""),
                        _ => return Err(Reference::UndefinedEntity),
                    };
                    Ok((chunk, end + 1))
                }
                // A name going on in non-ASCII letters: some entity we do not define.
                Some(&b) if b >= 0x80 || b == b':' => Err(Reference::UndefinedEntity),
                Some(_) => Err(Reference::Malformed),
            }
        }
        Some(&b) if b >= 0x80 => Err(Reference::UndefinedEntity),
        Some(_) => Err(Reference::Malformed),
    }
}

fn char_ref(digits: &[u8], radix: u32) -> Result<char, Reference> {
    if digits.is_empty() {
        return Err(Reference::InvalidCharRef);
    }
    let mut value: u32 = 0;
    for &d in digits {
        let digit = char::from(d)
            .to_digit(radix)
            .ok_or(Reference::InvalidCharRef)?;
        value = value
            .checked_mul(radix)
            .and_then(|v| v.checked_add(digit))
            .ok_or(Reference::InvalidCharRef)?;
    }
    char::from_u32(value)
        .filter(|&c| super::chars::is_xml_char(c))
        .ok_or(Reference::InvalidCharRef)
}

/// 1 for the bytes a writer must look at before copying text or an
/// attribute value: markup characters, quotes, C0 controls, and 0xEF
/// (the lead byte of U+FFFE and U+FFFF).
pub(crate) static NEEDS_CARE: [u8; 256] = {
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

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Whether some byte of `x` may need care: below 0x28 (controls, `"`,
/// `&`), in 0x3C..=0x3F (`<`, `>`) or non-ASCII. A superset of
/// [`NEEDS_CARE`] that letters, digits, `.`, `-`, `:`, `/`, `@` and `_`
/// (what names, ids and URIs are made of) never hit.
#[inline(always)]
fn may_need_care(x: u64) -> bool {
    let below = x.wrapping_sub(LO * 0x28) & !x;
    let angled = x ^ (LO * 0x3C);
    let angle = angled.wrapping_sub(LO * 4) & !angled;
    (below | angle | x) & HI != 0
}

/// Whether `bytes` can be written as XML text or attribute value as they
/// stand: nothing to escape, nothing XML forbids. Eight bytes at a time
/// (overlapping words for the tail), with the exact table only for a
/// value that has a candidate byte.
#[inline]
pub(crate) fn writes_as_is(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let candidate = if n >= 8 {
        let mut words = bytes.chunks_exact(8);
        let mut any = words.any(|w| {
            w.first_chunk::<8>()
                .is_none_or(|w| may_need_care(u64::from_le_bytes(*w)))
        });
        if !any && !n.is_multiple_of(8) {
            any = bytes
                .last_chunk::<8>()
                .is_none_or(|w| may_need_care(u64::from_le_bytes(*w)));
        }
        any
    } else if n >= 4 {
        match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
            (Some(lo), Some(hi)) => may_need_care(
                u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << 32,
            ),
            _ => true,
        }
    } else if n > 0 {
        // Padded with `a`, which needs no care.
        may_need_care(u64::from_le_bytes([
            bytes[0],
            bytes[n / 2],
            bytes[n - 1],
            b'a',
            b'a',
            b'a',
            b'a',
            b'a',
        ]))
    } else {
        false
    };
    !candidate
        || bytes
            .iter()
            .fold(0u8, |any, &b| any | NEEDS_CARE[usize::from(b)])
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_as_is_agrees_with_the_table() {
        let mut buf = [b'x'; 40];
        // Under Miri (some thousand times slower) the lengths around the
        // word boundaries and three positions in each are enough.
        let lengths: &[usize] = if cfg!(miri) {
            &[0, 1, 7, 8, 9, 16, 17]
        } else {
            &[
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
            ]
        };
        for &n in lengths {
            for at in 0..n.max(1) {
                if cfg!(miri) && !(at == 0 || at == n / 2 || at + 1 == n) {
                    continue;
                }
                for b in 0..=255u8 {
                    buf[..n].fill(b'x');
                    if n > 0 {
                        buf[at] = b;
                    }
                    let expected = buf[..n].iter().all(|&c| NEEDS_CARE[usize::from(c)] == 0);
                    assert_eq!(writes_as_is(&buf[..n]), expected, "{b:#x} at {at} of {n}");
                }
            }
        }
    }

    fn collect(raw: &str, mode: UnescapeMode) -> heapless::String<64> {
        let mut s = heapless::String::new();
        for c in Unescaped::new(raw, mode).chars() {
            s.push(c).unwrap();
        }
        s
    }

    #[test]
    fn references_and_normalization() {
        assert_eq!(
            collect("a&lt;b&gt;&amp;&apos;&quot;", UnescapeMode::Text),
            "a<b>&'\""
        );
        assert_eq!(collect("&#65;&#x42;&#x1F600;", UnescapeMode::Text), "AB😀");
        assert_eq!(collect("a\r\nb\rc", UnescapeMode::Text), "a\nb\nc");
        assert_eq!(
            collect("a\r\nb\tc\nd&#10;", UnescapeMode::Attribute),
            "a b c d\n"
        );
        assert_eq!(collect("&amp;\r\n", UnescapeMode::Cdata), "&amp;\n");
    }

    #[test]
    fn reference_checks() {
        assert_eq!(check_reference(b"&amp;x"), Reference::Valid(5));
        assert_eq!(check_reference(b"&nbsp;"), Reference::UndefinedEntity);
        assert_eq!(check_reference(b"&#0;"), Reference::InvalidCharRef);
        assert_eq!(check_reference(b"&#xD800;"), Reference::InvalidCharRef);
        assert_eq!(check_reference(b"&#x110000;"), Reference::InvalidCharRef);
        assert_eq!(
            check_reference(b"&#99999999999999;"),
            Reference::InvalidCharRef
        );
        assert_eq!(check_reference(b"&#xFFFE;"), Reference::InvalidCharRef);
        assert_eq!(check_reference(b"&;"), Reference::Malformed);
        assert_eq!(check_reference(b"& "), Reference::Malformed);
        assert_eq!(check_reference(b"&am"), Reference::Truncated);
        assert_eq!(
            check_reference(b"&#x00000000000000000041;"),
            Reference::Valid(24)
        );
        assert_eq!(check_reference(b"&#X41;"), Reference::InvalidCharRef);
        assert_eq!(check_reference(b"&#12"), Reference::Truncated);
        assert_eq!(
            check_reference(b"&amp <a>b</a> and more"),
            Reference::Malformed
        );
    }

    #[test]
    fn eq_str_compares_across_chunks() {
        let u = Unescaped::new("x &amp; y &#x41;", UnescapeMode::Text);
        assert!(u.eq_str("x & y A"));
        assert!(!u.eq_str("x & y"));
        assert!(!u.eq_str("x & y AB"));
    }
}
