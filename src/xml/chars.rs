//! Byte classes and XML character rules (XML 1.0 fifth edition §2.2, §2.3).
//!
//! The hot loops look bytes up in one 256-entry table instead of chaining
//! comparisons; everything non-ASCII takes a slower, exact path.

/// Stops a text scan: `<`, `&`, `]` (for `]]>`), `\r` (line-end
/// normalization), control characters, and 0xEF (lead byte of U+FFFE/U+FFFF).
pub(crate) const TEXT_STOP: u8 = 1;
/// Stops an attribute-value scan: `<`, `&`, both quotes, `\t` `\n` `\r`
/// (value normalization), control characters, and 0xEF.
pub(crate) const ATTR_STOP: u8 = 2;
/// ASCII `NameStartChar` (colon excluded: names are QNames).
pub(crate) const NAME_START: u8 = 4;
/// ASCII `NameChar` (colon excluded).
pub(crate) const NAME_CHAR: u8 = 8;
/// XML white space: space, tab, line feed, carriage return.
pub(crate) const SPACE: u8 = 16;
/// Non-ASCII: names need the exact check.
pub(crate) const NON_ASCII: u8 = 32;
/// Stops a comment, PI or CDATA scan: `-`, `?`, `]`, control characters and 0xEF.
pub(crate) const MARKUP_STOP: u8 = 64;

pub(crate) static CLASS: [u8; 256] = build_table();

const fn build_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        let mut v = 0u8;
        if c < 0x20 && c != b'\t' && c != b'\n' && c != b'\r' {
            v |= TEXT_STOP | ATTR_STOP | MARKUP_STOP;
        }
        if c == b'\t' || c == b'\n' || c == b'\r' || c == b' ' {
            v |= SPACE;
        }
        if c == b'\r' {
            v |= TEXT_STOP | ATTR_STOP | MARKUP_STOP;
        }
        if c == b'\t' || c == b'\n' {
            v |= ATTR_STOP;
        }
        match c {
            b'<' => v |= TEXT_STOP | ATTR_STOP,
            b'&' => v |= TEXT_STOP | ATTR_STOP,
            b']' => v |= TEXT_STOP | MARKUP_STOP,
            b'"' | b'\'' => v |= ATTR_STOP,
            b'-' | b'?' => v |= MARKUP_STOP,
            0xEF => v |= TEXT_STOP | ATTR_STOP | MARKUP_STOP,
            _ => {}
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            v |= NAME_START | NAME_CHAR;
        }
        if c.is_ascii_digit() || c == b'-' || c == b'.' {
            v |= NAME_CHAR;
        }
        if c >= 0x80 {
            v |= NON_ASCII;
        }
        t[b] = v;
        b += 1;
    }
    t
}

#[inline(always)]
pub(crate) fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

#[inline(always)]
pub(crate) fn is_space(b: u8) -> bool {
    class(b) & SPACE != 0
}

// ----- eight bytes at a time (SWAR), in safe code -----
//
// Each mask has the high bit of a byte set where that byte matches; the
// lowest set bit is always exact (borrows only run upwards from a match), so
// `trailing_zeros() / 8` is the offset of the first match. Bits above it may
// be false positives and are never used.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

#[inline(always)]
const fn splat(b: u8) -> u64 {
    LO * b as u64
}

/// Bytes equal to `b` (high bits to be masked with `HI`).
#[inline(always)]
pub(crate) fn eq_bytes(x: u64, b: u8) -> u64 {
    let v = x ^ splat(b);
    v.wrapping_sub(LO) & !v
}

/// The first eight bytes at `i`, little-endian, if there are eight.
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], i: usize) -> Option<u64> {
    // Compared against a bound the caller's loop can hoist, so that a scan
    // pays one comparison per word.
    let last = bytes.len().checked_sub(8)?;
    if i > last {
        return None;
    }
    let chunk = bytes.get(i..i + 8)?;
    chunk.try_into().ok().map(u64::from_le_bytes)
}

/// Candidate text stops in `x`: `<`, `&`, `]`, bytes below 0x20 and
/// non-ASCII bytes. A superset of [`TEXT_STOP`]: tab, line feed and bytes
/// of non-ASCII characters are false stops the caller steps over.
#[inline(always)]
pub(crate) fn text_stops(x: u64) -> u64 {
    (x.wrapping_sub(splat(0x20)) | x | eq_bytes(x, b'<') | eq_bytes(x, b'&') | eq_bytes(x, b']'))
        & HI
}

/// The first byte at or after `from` that may end or interrupt an
/// attribute value quoted with `quote`: that quote, `<`, `&`, bytes below
/// 0x20 and non-ASCII bytes, eight bytes at a time; `None` past the end.
/// A superset of [`ATTR_STOP`] less the other quote (which a value may
/// hold as it stands): non-ASCII bytes other than 0xEF are false stops the
/// caller steps over.
#[inline]
pub(crate) fn find_attr_stop(bytes: &[u8], from: usize, quote: u8) -> Option<usize> {
    find_first(
        bytes,
        from,
        |x| {
            x.wrapping_sub(splat(0x20))
                | x
                | eq_bytes(x, quote)
                | eq_bytes(x, b'<')
                | eq_bytes(x, b'&')
        },
        |b| !(0x20..0x80).contains(&b) || b == quote || b == b'<' || b == b'&',
    )
}

/// Candidate bytes for a writer to escape or refuse in `x`: `&`, `<`,
/// `>`, `"`, bytes below 0x20 and non-ASCII bytes (a superset: the caller
/// looks closer at each; only 0xEF, the lead of U+FFFE and U+FFFF, matters
/// among the non-ASCII ones).
#[inline(always)]
pub(crate) fn escape_candidates(x: u64) -> u64 {
    (x.wrapping_sub(splat(0x20))
        | x
        | eq_bytes(x, b'<')
        | eq_bytes(x, b'&')
        | eq_bytes(x, b'>')
        | eq_bytes(x, b'"'))
        & HI
}

/// The first byte at or after `from` that `word_hits` flags (given eight
/// bytes as a little-endian word, it sets the high bit of each byte it
/// wants; only the lowest flag needs to be exact) or, in the last few bytes,
/// that `is_hit` accepts. The one loop behind every word-at-a-time search.
#[inline(always)]
fn find_first(
    bytes: &[u8],
    from: usize,
    word_hits: impl Fn(u64) -> u64,
    is_hit: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut i = from;
    while let Some(word) = word_at(bytes, i) {
        let hits = word_hits(word) & HI;
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| is_hit(b))
        .map(|p| i + p)
}

/// The first `needle` at or after `from`, eight bytes at a time.
#[inline]
pub(crate) fn find_byte(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    find_first(bytes, from, |x| eq_bytes(x, needle), |b| b == needle)
}

/// The first of `a`, `b` or `c` at or after `from`, eight bytes at a time.
#[inline]
pub(crate) fn find_any3(bytes: &[u8], from: usize, a: u8, b: u8, c: u8) -> Option<usize> {
    find_first(
        bytes,
        from,
        |x| eq_bytes(x, a) | eq_bytes(x, b) | eq_bytes(x, c),
        |x| x == a || x == b || x == c,
    )
}

/// Byte equality for short names, with overlapping word loads and no call to `memcmp`.
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    #[inline(always)]
    fn w8(s: &[u8], i: usize) -> u64 {
        s.get(i..i + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
            .map_or(0, u64::from_ne_bytes)
    }
    #[inline(always)]
    fn w4(s: &[u8], i: usize) -> u32 {
        s.get(i..i + 4)
            .and_then(|c| <[u8; 4]>::try_from(c).ok())
            .map_or(0, u32::from_ne_bytes)
    }
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if w8(a, i) != w8(b, i) {
                return false;
            }
            i += 8;
        }
        w8(a, n - 8) == w8(b, n - 8)
    } else if n >= 4 {
        w4(a, 0) == w4(b, 0) && w4(a, n - 4) == w4(b, n - 4)
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

/// Bytes of `x` other than a space.
#[inline(always)]
pub(crate) fn non_spaces(x: u64) -> u64 {
    x ^ splat(b' ')
}

/// The first byte at or after `from` that ends a name or a prefix in a
/// well-formed tag: white space (any byte up to 0x20), `/`, `>` or `:`.
/// Eight bytes at a time; `None` past the end.
#[inline]
pub(crate) fn find_name_stop(bytes: &[u8], from: usize) -> Option<usize> {
    find_first(
        bytes,
        from,
        // Bytes below 0x21 (`x - 0x21` borrows; a non-ASCII byte keeps its
        // high bit and is masked out by `!x`), and the three delimiters.
        // Borrows only run upward, so the lowest hit is exact.
        |x| {
            (x.wrapping_sub(splat(0x21)) & !x)
                | eq_bytes(x, b'/')
                | eq_bytes(x, b'>')
                | eq_bytes(x, b':')
        },
        |b| b <= b' ' || matches!(b, b'/' | b'>' | b':'),
    )
}

/// XML `Char`: what may appear in a document at all.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Non-ASCII `NameStartChar`.
pub(crate) fn is_name_start_char(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// Non-ASCII `NameChar`.
pub(crate) fn is_name_char(c: char) -> bool {
    is_name_start_char(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Whether the three bytes at `i` encode U+FFFE or U+FFFF (the only
/// non-characters that valid UTF-8 can carry and XML forbids).
#[inline]
pub(crate) fn is_forbidden_ef(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i..i + 3), Some([0xEF, 0xBF, 0xBE | 0xBF]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_stops_are_found_as_a_bytewise_scan_finds_them() {
        // Every stop and a few name bytes (ASCII and not) at every place
        // of a 19-byte window, from every start.
        // (Under Miri, which runs a hundred times slower, a sample.)
        let fill: &[u8] = if cfg!(miri) {
            &[b'a', 0x80, b'!']
        } else {
            &[b'a', b'Z', b'-', b'.', b'9', 0x80, 0xC3, 0xFF, b'!', b'~']
        };
        let stops = [0u8, b'\t', b'\n', b'\r', b' ', b'/', b'>', b':'];
        for &f in fill {
            for &stop in &stops {
                for at in 0..19 {
                    let mut buf = [f; 19];
                    buf[at] = stop;
                    for from in 0..19 {
                        let expected = buf[from..]
                            .iter()
                            .position(|&b| b <= b' ' || matches!(b, b'/' | b'>' | b':'))
                            .map(|p| from + p);
                        assert_eq!(
                            find_name_stop(&buf, from),
                            expected,
                            "{f:#x} {stop:#x} {at} {from}"
                        );
                    }
                }
            }
        }
        // Runs of stops and bytes just above them (borrows at work).
        let alphabet = [
            0u8, b' ', b'!', b'"', b'/', b'0', b'>', b'?', b':', b';', 0x7F, 0x80, b'a',
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..if cfg!(miri) { 1_000 } else { 20_000 } {
            let mut buf = [0u8; 24];
            for b in &mut buf {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                *b = alphabet[(seed >> 33) as usize % alphabet.len()];
            }
            let from = (seed >> 20) as usize % 24;
            let expected = buf[from..]
                .iter()
                .position(|&b| b <= b' ' || matches!(b, b'/' | b'>' | b':'))
                .map(|p| from + p);
            assert_eq!(find_name_stop(&buf, from), expected, "{buf:?} {from}");
        }
        assert_eq!(find_name_stop(b"", 0), None);
        assert_eq!(find_name_stop(b"abc", 5), None);
    }

    #[test]
    fn table_matches_the_exact_rules_for_ascii() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            assert_eq!(
                class(b) & NAME_START != 0,
                c != ':' && is_name_start_char(c),
                "{b:#x}"
            );
            assert_eq!(
                class(b) & NAME_CHAR != 0,
                c != ':' && is_name_char(c),
                "{b:#x}"
            );
            let forbidden = !is_xml_char(c);
            assert_eq!(
                forbidden,
                class(b) & TEXT_STOP != 0 && !matches!(c, '<' | '&' | ']' | '\r')
            );
        }
    }
}
