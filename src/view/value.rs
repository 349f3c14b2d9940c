//! Typed values: dates, periods, addresses, phone numbers; and the checks
//! that turn a bad one into the right [`CommandError`].

use core::fmt;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::error::{CommandError, CommandErrorKind, ElementName};
use super::str::Str;
use crate::xml::Span;

/// A time-zone offset, in minutes east of UTC (`Z` is 0).
pub type UtcOffsetMinutes = i16;

/// A calendar date, `YYYY-MM-DD` with an optional offset (XML Schema `date`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year, 1–9999 (XML Schema 1.0, which the EPP schemas use, has no
    /// year 0000; parsing refuses it).
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31 (checked against the month and leap years).
    pub day: u8,
    /// Time-zone offset, if one was given.
    pub offset: Option<UtcOffsetMinutes>,
}

/// A date and time (RFC 3339 / XML Schema `dateTime`), with fractional
/// seconds to the nanosecond and an optional offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    /// The date (its `offset` is the time's offset).
    pub date: Date,
    /// Hour, 0–23 (24 only as `24:00:00`).
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–60 (60 for a leap second).
    pub second: u8,
    /// Fraction of the second, in nanoseconds.
    pub nanosecond: u32,
}

/// The value of the ASCII digits `bytes[at..at + n]`, if all are digits.
fn digits_at(bytes: &[u8], at: usize, n: usize) -> Option<u16> {
    let mut value = 0u16;
    for &b in bytes.get(at..at + n)? {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u16::from(b - b'0');
    }
    Some(value)
}

/// A time-zone designator filling all of `rest`: `Z`, `z` or `±hh:mm`
/// (at most ±14:00).
fn offset(rest: &[u8]) -> Option<UtcOffsetMinutes> {
    match rest {
        [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let h = digits_at(rest, 1, 2)?;
            let m = digits_at(rest, 4, 2)?;
            if h > 14 || m > 59 || (h == 14 && m != 0) {
                return None;
            }
            // At most 14 * 60 = 840: fits.
            let total = (h * 60 + m) as i16;
            Some(if *sign == b'-' { -total } else { total })
        }
        _ => None,
    }
}

/// An optional offset filling all of `rest` (empty: none).
fn optional_offset(rest: &[u8]) -> Option<Option<UtcOffsetMinutes>> {
    if rest.is_empty() {
        Some(None)
    } else {
        offset(rest).map(Some)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// `YYYY-MM-DD` at the start of `bytes`, checked against the calendar
/// (year 0000 is not one: XML Schema 1.0 counts from 0001).
fn ymd(bytes: &[u8]) -> Option<(u16, u8, u8)> {
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let year = digits_at(bytes, 0, 4)?;
    // Two digits: at most 99, so the casts are exact.
    let month = digits_at(bytes, 5, 2)? as u8;
    let day = digits_at(bytes, 8, 2)? as u8;
    (year >= 1 && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
        .then_some((year, month, day))
}

// Fixed-position parsers: the grammars are small and rigid, and reading
// them byte by byte costs a tenth of what a combinator chain did (the
// date-times of an info response were 6% of reading it).
impl Date {
    /// Parses `YYYY-MM-DD` with an optional `Z` or `±hh:mm`.
    pub fn parse(s: &str) -> Option<Date> {
        let bytes = s.as_bytes();
        let (year, month, day) = ymd(bytes)?;
        let offset = optional_offset(bytes.get(10..)?)?;
        Some(Date {
            year,
            month,
            day,
            offset,
        })
    }
}

impl DateTime {
    /// Parses `YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]`.
    pub fn parse(s: &str) -> Option<DateTime> {
        let bytes = s.as_bytes();
        let (year, month, day) = ymd(bytes)?;
        if !matches!(bytes.get(10), Some(b'T' | b't'))
            || bytes.get(13) != Some(&b':')
            || bytes.get(16) != Some(&b':')
        {
            return None;
        }
        // Two digits each: the casts are exact.
        let hour = digits_at(bytes, 11, 2)? as u8;
        let minute = digits_at(bytes, 14, 2)? as u8;
        let second = digits_at(bytes, 17, 2)? as u8;
        let mut rest = bytes.get(19..)?;
        let mut nanosecond = 0u32;
        if let [b'.', fraction @ ..] = rest {
            let n = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            // At least one digit; no more than 64 (a sane bound on the text).
            if n == 0 || n > 64 {
                return None;
            }
            let mut scale = 100_000_000u32;
            for &digit in &fraction[..n] {
                nanosecond += u32::from(digit - b'0') * scale;
                scale /= 10;
            }
            rest = &fraction[n..];
        }
        let offset = optional_offset(rest)?;
        let midnight_24 = hour == 24 && minute == 0 && second == 0;
        if (hour > 23 && !midnight_24) || minute > 59 || second > 60 {
            return None;
        }
        if midnight_24 && nanosecond != 0 {
            return None;
        }
        Some(DateTime {
            date: Date {
                year,
                month,
                day,
                offset,
            },
            hour,
            minute,
            second,
            nanosecond,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        write_offset(f, self.offset)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            d.year, d.month, d.day, self.hour, self.minute, self.second
        )?;
        if self.nanosecond != 0 {
            let mut frac = self.nanosecond;
            let mut width = 9;
            while frac.is_multiple_of(10) {
                frac /= 10;
                width -= 1;
            }
            write!(f, ".{frac:0width$}")?;
        }
        write_offset(f, d.offset)
    }
}

fn write_offset(f: &mut fmt::Formatter<'_>, offset: Option<UtcOffsetMinutes>) -> fmt::Result {
    match offset {
        None => Ok(()),
        Some(0) => f.write_str("Z"),
        Some(m) => {
            let sign = if m < 0 { '-' } else { '+' };
            let m = m.unsigned_abs();
            write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
        }
    }
}

/// The unit of a registration period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodUnit {
    /// `y`: years.
    Years,
    /// `m`: months.
    Months,
}

impl PeriodUnit {
    /// The attribute value, `y` or `m`.
    pub const fn as_str(self) -> &'static str {
        match self {
            PeriodUnit::Years => "y",
            PeriodUnit::Months => "m",
        }
    }
}

/// A registration period, 1–99 years or months (RFC 5731 `periodType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    /// How many units, 1–99.
    pub value: u8,
    /// Years or months.
    pub unit: PeriodUnit,
}

/// The version of an IP address literal (the `ip` attribute of `hostAddr` / `addr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IpVersion {
    /// `v4` (the default).
    V4,
    /// `v6`.
    V6,
}

/// A telephone number in the E.164 form EPP uses: `+CC.NUMBER`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct E164<'a> {
    /// The country calling code, 1–3 digits (without `+`).
    pub country_code: &'a str,
    /// The subscriber number, 1–14 digits.
    pub number: &'a str,
}

impl<'a> E164<'a> {
    /// Parses `+CC.NUMBER` (RFC 5733 `e164StringType`, at most 17 characters).
    pub fn parse(s: &'a str) -> Option<E164<'a>> {
        let rest = s.strip_prefix('+')?;
        let (cc, number) = rest.split_once('.')?;
        let ok = |p: &str, max: usize| {
            (1..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        (ok(cc, 3) && ok(number, 14) && s.len() <= 17).then_some(E164 {
            country_code: cc,
            number,
        })
    }
}

// ----- checks shared by the command views -----

/// An error about the value of element `at` (whose span is `span`).
#[cold]
pub(crate) fn value_error<'a>(
    kind: CommandErrorKind,
    element: ElementName<'a>,
    value: Str<'a>,
    span: Span,
) -> CommandError<'a> {
    CommandError::new(kind, value.span().start)
        .with_element(element)
        .with_span(span)
}

/// `value`'s length in characters must lie in `min..=max` (2004).
pub(crate) fn check_length<'a>(
    value: Str<'a>,
    min: u32,
    max: u32,
    element: ElementName<'a>,
    span: Span,
) -> Result<Str<'a>, CommandError<'a>> {
    let len = value.char_len();
    if len < min as usize || len > max as usize {
        return Err(value_error(
            CommandErrorKind::LengthOutOfRange { min, max },
            element,
            value,
            span,
        ));
    }
    Ok(value)
}

/// `value` must be one of `table`'s names (2005, naming `expected`).
pub(crate) fn check_enum<'a, T: Copy>(
    value: Str<'a>,
    table: &[(&str, T)],
    expected: &'static str,
    element: ElementName<'a>,
    span: Span,
) -> Result<T, CommandError<'a>> {
    for &(name, v) in table {
        if value.eq_str(name) {
            return Ok(v);
        }
    }
    Err(value_error(
        CommandErrorKind::InvalidValue { expected },
        element,
        value,
        span,
    ))
}

/// A decimal integer in `min..=max`: 2005 if not a number, 2004 if out of range.
pub(crate) fn check_unsigned<'a>(
    value: Str<'a>,
    min: u32,
    max: u32,
    element: ElementName<'a>,
    span: Span,
) -> Result<u32, CommandError<'a>> {
    let mut buf = [0u8; 24];
    let text = plain_ascii(&value, &mut buf);
    let digits = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let digits = digits.strip_prefix('+').unwrap_or(digits);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(value_error(
            CommandErrorKind::InvalidValue {
                expected: "an unsigned integer",
            },
            element,
            value,
            span,
        ));
    }
    let n = digits.trim_start_matches('0');
    match n.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ if n.is_empty() && min == 0 => Ok(0),
        _ => Err(value_error(
            CommandErrorKind::ValueOutOfRange { min, max },
            element,
            value,
            span,
        )),
    }
}

/// An XML Schema boolean: `true`, `false`, `1` or `0` (2005 otherwise).
pub(crate) fn check_bool<'a>(
    value: Str<'a>,
    element: ElementName<'a>,
    span: Span,
) -> Result<bool, CommandError<'a>> {
    check_enum(
        value.trimmed(),
        &[("true", true), ("1", true), ("false", false), ("0", false)],
        "a boolean",
        element,
        span,
    )
}

/// An XML Schema date (2005 otherwise).
pub(crate) fn check_date<'a>(
    value: Str<'a>,
    element: ElementName<'a>,
    span: Span,
) -> Result<Date, CommandError<'a>> {
    let mut buf = [0u8; 24];
    Date::parse(plain_ascii(&value.trimmed(), &mut buf)).ok_or_else(|| {
        value_error(
            CommandErrorKind::InvalidValue {
                expected: "a date (YYYY-MM-DD)",
            },
            element,
            value,
            span,
        )
    })
}

/// An IP address literal of `version` (2005 otherwise).
pub(crate) fn check_ip<'a>(
    value: Str<'a>,
    version: IpVersion,
    element: ElementName<'a>,
    span: Span,
) -> Result<IpAddr, CommandError<'a>> {
    let mut buf = [0u8; 64];
    let text = plain_ascii(&value.trimmed(), &mut buf);
    let parsed = match version {
        IpVersion::V4 => text.parse::<Ipv4Addr>().ok().map(IpAddr::V4),
        IpVersion::V6 => text.parse::<Ipv6Addr>().ok().map(IpAddr::V6),
    };
    parsed.ok_or_else(|| {
        value_error(
            CommandErrorKind::InvalidValue {
                expected: match version {
                    IpVersion::V4 => "an IPv4 address",
                    IpVersion::V6 => "an IPv6 address",
                },
            },
            element,
            value,
            span,
        )
    })
}

/// An E.164 number, `+CC.NUMBER` (2005 otherwise).
pub(crate) fn check_e164<'a>(
    value: Str<'a>,
    element: ElementName<'a>,
    span: Span,
) -> Result<Str<'a>, CommandError<'a>> {
    // `e164StringType` is at most 17 characters, all ASCII: a longer
    // value does not fit the buffer and is refused, as it must be.
    let mut buf = [0u8; 17];
    match unescaped(&value, &mut buf) {
        Some(s) if E164::parse(s).is_some() => Ok(value),
        _ => Err(value_error(
            CommandErrorKind::InvalidValue {
                expected: "an E.164 number (+CC.NUMBER)",
            },
            element,
            value,
            span,
        )),
    }
}

/// XML white space (what the schema type `token` drops at its ends).
pub(crate) const fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// The characters of `value` as its schema type sees them, the value a
/// pattern or enumeration is checked on: references and CDATA sections
/// decoded, comments dropped, and for a `token` (a value read
/// [`trimmed`](Str::trimmed)) the white space that a reference or CDATA
/// section puts at its ends dropped too (`&#32;1.0` is the version `1.0`),
/// as every reading of a [`Str`] does.
pub(crate) fn value_chars<'a>(value: &Str<'a>) -> impl Iterator<Item = char> + 'a {
    value.chars()
}

/// [`value_chars`] of `value` as one `&str`: the raw text itself when
/// nothing needs decoding, or decoded into `buf`; `None` when the decoded
/// text does not fit in `buf`. For the checks of bounded values (their
/// length facet, checked first, bounds what a valid value needs).
pub(crate) fn unescaped<'b>(value: &Str<'b>, buf: &'b mut [u8]) -> Option<&'b str> {
    if let Some(s) = value.as_plain() {
        return Some(s);
    }
    let mut n = 0;
    for c in value_chars(value) {
        let len = c.len_utf8();
        c.encode_utf8(buf.get_mut(n..n + len)?);
        n += len;
    }
    let buf: &'b [u8] = buf;
    // Whole characters were written: always UTF-8.
    core::str::from_utf8(buf.get(..n)?).ok()
}

/// [`unescaped`], with `""` (which no typed parser accepts) for a value
/// too long for `buf`: the text handed to the date, number and address
/// parsers, whose grammars are ASCII and short.
pub(crate) fn plain_ascii<'b>(value: &Str<'b>, buf: &'b mut [u8]) -> &'b str {
    unescaped(value, buf).unwrap_or("")
}

/// The decimal number `value` holds (decoded, white space at its ends
/// dropped), `None` when it holds none: for the accessors of numbers,
/// which must read a value the strict reader accepted however it was written.
pub(crate) fn parse_number<T: core::str::FromStr>(value: &Str<'_>) -> Option<T> {
    let mut buf = [0u8; 24];
    plain_ascii(value, &mut buf).trim().parse().ok()
}

#[cfg(test)]
mod tests {
    extern crate alloc;
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn dates() {
        let d = Date::parse("2000-04-03").unwrap();
        assert_eq!((d.year, d.month, d.day, d.offset), (2000, 4, 3, None));
        assert_eq!(Date::parse("2000-04-03Z").unwrap().offset, Some(0));
        assert_eq!(Date::parse("2000-04-03-05:30").unwrap().offset, Some(-330));
        assert!(Date::parse("2001-02-29").is_none());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2000-13-01").is_none());
        assert!(Date::parse("2000-4-03").is_none());
        assert!(Date::parse("2000-04-03 ").is_none());
        // XML Schema 1.0 has no year 0000 (xmllint refuses it).
        assert!(Date::parse("0000-01-01").is_none());
        assert!(DateTime::parse("0000-01-01T00:00:00Z").is_none());
        assert_eq!(Date::parse("0001-01-01").unwrap().year, 1);
        assert_eq!(
            Date::parse("1999-12-31+14:00").unwrap().to_string(),
            "1999-12-31+14:00"
        );
    }

    #[test]
    fn date_times() {
        let t = DateTime::parse("1999-04-03T22:00:00.0Z").unwrap();
        assert_eq!((t.hour, t.minute, t.second, t.nanosecond), (22, 0, 0, 0));
        let t = DateTime::parse("2023-01-01T01:02:03.123456789+01:00").unwrap();
        assert_eq!(t.nanosecond, 123_456_789);
        assert_eq!(t.date.offset, Some(60));
        assert_eq!(t.to_string(), "2023-01-01T01:02:03.123456789+01:00");
        assert_eq!(
            DateTime::parse("2023-01-01T01:02:03.5Z")
                .unwrap()
                .to_string(),
            "2023-01-01T01:02:03.5Z"
        );
        assert!(DateTime::parse("2023-01-01T25:00:00Z").is_none());
        assert!(DateTime::parse("2023-01-01T24:00:00Z").is_some());
        assert!(DateTime::parse("2023-01-01").is_none());
    }

    #[test]
    fn date_time_edges() {
        // Accepted: lower-case designators, the extreme offsets, a leap
        // second, fractions past the nanosecond (truncated), no offset.
        let t = DateTime::parse("2000-02-29t23:59:60.1234567891z").unwrap();
        assert_eq!(
            (t.second, t.nanosecond, t.date.offset),
            (60, 123_456_789, Some(0))
        );
        assert_eq!(
            DateTime::parse("2000-01-01T00:00:00+14:00")
                .unwrap()
                .date
                .offset,
            Some(840)
        );
        assert_eq!(
            DateTime::parse("2000-01-01T00:00:00-14:00")
                .unwrap()
                .date
                .offset,
            Some(-840)
        );
        assert_eq!(
            DateTime::parse("2000-01-01T00:00:00-00:00")
                .unwrap()
                .date
                .offset,
            Some(0)
        );
        assert_eq!(
            DateTime::parse("2000-01-01T00:00:00").unwrap().date.offset,
            None
        );
        assert!(DateTime::parse("2000-01-01T24:00:00.0Z").is_some());
        let sixty_four = "0".repeat(64);
        assert!(DateTime::parse(&alloc::format!("2000-01-01T00:00:00.{sixty_four}Z")).is_some());
        // Refused: each field out of range or misplaced, anything trailing.
        for bad in [
            "2000-01-01T24:00:00.5Z",
            "2000-01-01T24:01:00Z",
            "2000-01-01T23:60:00Z",
            "2000-01-01T23:00:61Z",
            "2000-01-01T00:00:00+14:01",
            "2000-01-01T00:00:00+15:00",
            "2000-01-01T00:00:00+01:60",
            "2000-01-01T00:00:00+0100",
            "2000-01-01T00:00:00.Z",
            "2000-01-01T00:00:00.1.2Z",
            "2000-01-01T00:00:00ZZ",
            "2000-01-01T00:00:00 ",
            "2000-01-01 00:00:00Z",
            "2000-01-01T0:00:00Z",
            "2000-01-01T00:0a:00Z",
            "2000-01-01T00:00",
            "2000-00-01T00:00:00Z",
            "2000-01-32T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "+2000-01-01T00:00:00Z",
            "",
            "2000-01-01T00:00:00Z\u{e9}",
        ] {
            assert!(DateTime::parse(bad).is_none(), "{bad:?} was accepted");
        }
        let sixty_five = "0".repeat(65);
        assert!(DateTime::parse(&alloc::format!("2000-01-01T00:00:00.{sixty_five}Z")).is_none());
        // A truncated value is refused, except where what is left is a
        // value itself (no fraction, or no offset).
        let full = "2023-01-01T01:02:03.5+01:00";
        for end in 0..full.len() {
            let cut = &full[..end];
            assert_eq!(
                DateTime::parse(cut).is_some(),
                matches!(end, 19 | 21),
                "{cut:?}"
            );
        }
        assert!(Date::parse("2000-04-03+14:00").is_some());
        assert!(Date::parse("2000-04-03+14:30").is_none());
        assert!(Date::parse("2000-04-03T").is_none());
        assert!(Date::parse("2000-04").is_none());
    }

    #[test]
    fn phone_numbers() {
        let n = E164::parse("+1.7035555555").unwrap();
        assert_eq!((n.country_code, n.number), ("1", "7035555555"));
        assert!(E164::parse("1.7035555555").is_none());
        assert!(E164::parse("+1234.5").is_none());
        assert!(E164::parse("+1.").is_none());
        assert!(E164::parse("+1.123456789012345").is_none());
    }
}
