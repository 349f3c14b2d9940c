//! RFC 5734 §4 data units: a 32-bit big-endian total length, then the XML.
//!
//! ```text
//! +--- total length: u32, big-endian, counts these 4 octets too ---+--- XML payload ---+
//! | 00 00 00 2f                                                     | <?xml …?><epp>…   |
//! +-----------------------------------------------------------------+-------------------+
//! ```
//!
//! > Total Length (32 bits): The total length of the EPP data unit measured
//! > in octets in network (big endian) byte order. The octets contained in
//! > this field MUST be included in the total length calculation.
//! > — RFC 5734 §4
//!
//! This module is sans-IO. [`decode`] reads one data unit out of a byte slice
//! without allocating, [`frames`] iterates over pipelined units, and
//! [`encode_header`] / [`encode_into`] write one. [`Deframer`] (feature
//! `alloc`), [`BytesDeframer`] (feature `bytes`) and [`EppCodec`] (feature
//! `tokio-util`) manage a receive buffer for callers who want one.
//!
//! A header announcing a total length below 4 or above
//! [`Limits::max_frame_len`] is an error as soon as its four octets are
//! seen, before any payload is buffered. Servers that reject a client
//! sometimes write plain text with no header at all ("Session limit
//! exceeded", an HTML page): when the four octets of a bad header are
//! printable text, the error is [`FrameError::UnframedText`], which shows them.
//! The error says what was refused; where (the stream offset of the refused
//! header) is [`Frames::consumed`], or `stream_offset()` on the buffering
//! decoders.
//!
//! Length arithmetic cannot overflow, on 32-bit targets too: a frame longer
//! than any slice can be on the target ([`MAX_ADDRESSABLE_FRAME_LEN`]) is
//! refused on its header like one over the limit, so where a frame ends
//! (where it starts plus its length) always fits a `usize`. The buffering
//! decoders reserve at most a bounded read-ahead on the strength of a header
//! ([`Deframer::MAX_AHEAD`]); a large frame's buffer grows as its bytes arrive.
//!
// Without a feature, its items do not exist: their links point to the
// crate's list of features instead.
#![cfg_attr(not(feature = "alloc"), doc = "[`Deframer`]: crate#features")]
#![cfg_attr(
    not(feature = "alloc"),
    doc = "[`Deframer::MAX_AHEAD`]: crate#features"
)]
#![cfg_attr(not(feature = "bytes"), doc = "[`BytesDeframer`]: crate#features")]
#![cfg_attr(not(feature = "tokio-util"), doc = "[`EppCodec`]: crate#features")]

use core::fmt;

use crate::Limits;

#[cfg(feature = "alloc")]
mod deframer;
#[cfg(feature = "alloc")]
pub use deframer::Deframer;

#[cfg(feature = "bytes")]
mod bytes_deframer;
#[cfg(feature = "bytes")]
pub use bytes_deframer::{BytesDeframer, decode_bytes};

#[cfg(feature = "tokio-util")]
mod codec;
#[cfg(feature = "tokio-util")]
pub use codec::{CodecError, EppCodec};

/// Length of the data-unit header: a 32-bit big-endian total length.
pub const HEADER_LEN: usize = 4;

/// The largest payload any header can describe: `u32::MAX - 4` octets.
pub const MAX_PAYLOAD_LEN: usize = (u32::MAX as usize).saturating_sub(HEADER_LEN);

/// The longest frame (total length, header included) this target can hold:
/// `u32::MAX` where a slice can be that long (64-bit targets), otherwise
/// `isize::MAX`, the most bytes one slice or allocation can have (2 GiB - 1
/// on 32-bit targets).
///
/// [`check_header`] refuses a longer frame with [`FrameError::LengthTooLarge`]
/// whatever [`Limits::max_frame_len`] allows: no buffer could ever complete
/// it, and refusing it on its header keeps every decoder's arithmetic on
/// positions (a frame ends where it starts plus its length, each at most
/// `isize::MAX`) within `usize`.
pub const MAX_ADDRESSABLE_FRAME_LEN: u32 = if (isize::MAX as u64) < u32::MAX as u64 {
    isize::MAX as u32
} else {
    u32::MAX
};

/// What [`decode`] found at the start of a buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoded<'a> {
    /// A whole data unit.
    Frame {
        /// The XML payload (the header stripped).
        payload: &'a [u8],
        /// How many bytes of the buffer the unit used (header included).
        consumed: usize,
    },
    /// The buffer holds only a prefix of a data unit.
    Incomplete {
        /// At least this many more bytes are needed. Once the four header
        /// bytes are in, this is exact: the rest of the frame.
        needed: usize,
    },
}

/// A data-unit header that cannot start a valid frame.
///
/// After one, the stream is corrupt: there is no way to find the next frame.
/// Where the refused header starts is kept by what decoded the stream:
/// [`Frames::consumed`], `Deframer::stream_offset`,
/// `BytesDeframer::stream_offset`, `EppCodec::stream_offset`.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FrameError {
    /// The total length is below 4, the size of the header itself.
    LengthTooSmall {
        /// The total length the header announced.
        length: u32,
    },
    /// The total length is above [`Limits::max_frame_len`], or above
    /// [`MAX_ADDRESSABLE_FRAME_LEN`] (only on targets narrower than 64 bits,
    /// where no buffer could hold the frame).
    LengthTooLarge {
        /// The total length the header announced.
        length: u32,
        /// The limit in force: the lesser of [`Limits::max_frame_len`] and
        /// [`MAX_ADDRESSABLE_FRAME_LEN`].
        max: u32,
    },
    /// The four header bytes are printable text, not a length: the peer wrote
    /// a message without an RFC 5734 header (for example a server's
    /// "Session limit exceeded" or an HTML error page).
    UnframedText {
        /// The four bytes where the header should have been.
        header: [u8; HEADER_LEN],
    },
}

impl FrameError {
    /// The total length the offending header announced.
    pub const fn length(&self) -> u32 {
        match *self {
            FrameError::LengthTooSmall { length } | FrameError::LengthTooLarge { length, .. } => {
                length
            }
            FrameError::UnframedText { header } => u32::from_be_bytes(header),
        }
    }
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            FrameError::LengthTooSmall { length } => write!(
                f,
                "EPP frame header announces a total length of {length} octets, \
                 below the 4 octets of the header itself"
            ),
            FrameError::LengthTooLarge { length, max } => write!(
                f,
                "EPP frame header announces a total length of {length} octets, \
                 above the limit of {max}"
            ),
            FrameError::UnframedText { header } => {
                f.write_str("peer sent text without an EPP frame header: \"")?;
                for &b in &header {
                    match b {
                        b'\n' => f.write_str("\\n")?,
                        b'\r' => f.write_str("\\r")?,
                        b'\t' => f.write_str("\\t")?,
                        b'"' => f.write_str("\\\"")?,
                        _ => write!(f, "{}", char::from(b))?,
                    }
                }
                f.write_str("…\"")
            }
        }
    }
}

impl core::error::Error for FrameError {}

/// A frame that cannot be written.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EncodeError {
    /// The payload plus the header does not fit a 32-bit total length.
    PayloadTooLarge {
        /// The payload length that was asked for.
        len: usize,
    },
    /// The destination buffer is too small; nothing was written.
    BufferTooSmall {
        /// How many bytes the whole frame needs.
        needed: usize,
    },
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            EncodeError::PayloadTooLarge { len } => write!(
                f,
                "payload of {len} octets does not fit an EPP frame (at most {MAX_PAYLOAD_LEN})"
            ),
            EncodeError::BufferTooSmall { needed } => {
                write!(f, "buffer too small: the frame needs {needed} octets")
            }
        }
    }
}

impl core::error::Error for EncodeError {}

/// Checks a header and returns the total length it announces.
///
/// This is the one place where a header is judged; every decoder calls it.
///
/// # Errors
///
/// [`FrameError`] when the length is below 4, or above
/// [`Limits::max_frame_len`] or [`MAX_ADDRESSABLE_FRAME_LEN`].
pub fn check_header(header: [u8; HEADER_LEN], limits: &Limits) -> Result<u32, FrameError> {
    let length = u32::from_be_bytes(header);
    #[allow(
        clippy::unnecessary_min_or_max,
        reason = "a no-op only where MAX_ADDRESSABLE_FRAME_LEN is u32::MAX (64-bit targets)"
    )]
    let max = limits.max_frame_len().min(MAX_ADDRESSABLE_FRAME_LEN);
    if length >= HEADER_LEN as u32 && length <= max {
        return Ok(length);
    }
    if header
        .iter()
        .all(|&b| b.is_ascii_graphic() || matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        return Err(FrameError::UnframedText { header });
    }
    if length < HEADER_LEN as u32 {
        Err(FrameError::LengthTooSmall { length })
    } else {
        Err(FrameError::LengthTooLarge { length, max })
    }
}

/// [`check_header`], with the total length as a `usize`.
///
/// The conversion is lossless: a checked length is at most
/// [`MAX_ADDRESSABLE_FRAME_LEN`], which fits a `usize` on every target.
fn checked_total(header: [u8; HEADER_LEN], limits: &Limits) -> Result<usize, FrameError> {
    check_header(header, limits).map(total_len)
}

/// A total length already checked (at most [`MAX_ADDRESSABLE_FRAME_LEN`]) as
/// a `usize`: lossless, so the fallback never applies; it only keeps the
/// conversion free of any panic.
fn total_len(total: u32) -> usize {
    usize::try_from(total).unwrap_or(usize::MAX)
}

/// Reads one data unit from the start of `buf`, without copying or allocating.
///
/// ```
/// use epp_codec::{Limits, frame::{self, Decoded}};
/// let buf = b"\x00\x00\x00\x0a<epp/>and more";
/// assert_eq!(
///     frame::decode(buf, &Limits::new()),
///     Ok(Decoded::Frame { payload: b"<epp/>", consumed: 10 })
/// );
/// assert_eq!(frame::decode(&buf[..6], &Limits::new()), Ok(Decoded::Incomplete { needed: 4 }));
/// ```
///
/// # Errors
///
/// [`FrameError`] when the header is invalid; this is known once the first
/// four bytes are in `buf`, whatever follows.
pub fn decode<'a>(buf: &'a [u8], limits: &Limits) -> Result<Decoded<'a>, FrameError> {
    let Some((&header, rest)) = buf.split_first_chunk::<HEADER_LEN>() else {
        return Ok(Decoded::Incomplete {
            needed: HEADER_LEN - buf.len(),
        });
    };
    // A checked total is at least HEADER_LEN, so this cannot underflow.
    let payload_len = checked_total(header, limits)? - HEADER_LEN;
    match rest.get(..payload_len) {
        // Both within `buf`: the sum is at most `buf.len()`.
        Some(payload) => Ok(Decoded::Frame {
            payload,
            consumed: HEADER_LEN + payload_len,
        }),
        // `rest` is shorter than the payload here.
        None => Ok(Decoded::Incomplete {
            needed: payload_len - rest.len(),
        }),
    }
}

/// Iterates over every complete data unit at the start of `buf` (pipelining).
///
/// ```
/// use epp_codec::{Limits, frame};
/// let limits = Limits::new();
/// let buf = b"\x00\x00\x00\x06<a\x00\x00\x00\x06<b\x00\x00";
/// let mut it = frame::frames(buf, &limits);
/// assert_eq!(it.next(), Some(Ok(&b"<a"[..])));
/// assert_eq!(it.next(), Some(Ok(&b"<b"[..])));
/// assert_eq!(it.next(), None);
/// assert_eq!(it.consumed(), 12); // drain this much; the rest is a partial frame
/// assert_eq!(it.needed(), 2);
/// ```
pub fn frames<'a>(buf: &'a [u8], limits: &Limits) -> Frames<'a> {
    Frames {
        buf,
        consumed: 0,
        limits: *limits,
        failed: false,
    }
}

/// The iterator returned by [`frames`].
///
/// It yields `Ok(payload)` for each complete unit, stops at a partial one,
/// and yields one `Err` for a bad header, then nothing (it is fused).
#[derive(Clone, Debug)]
pub struct Frames<'a> {
    buf: &'a [u8],
    consumed: usize,
    limits: Limits,
    failed: bool,
}

impl<'a> Frames<'a> {
    /// How many bytes of the buffer the frames yielded so far used. After
    /// the iterator has yielded an `Err`, this is where the refused header
    /// starts in the buffer: the "where" of the [`FrameError`].
    pub fn consumed(&self) -> usize {
        self.consumed
    }

    /// The bytes after the last frame yielded: a partial frame, or nothing.
    pub fn remainder(&self) -> &'a [u8] {
        self.buf.get(self.consumed..).unwrap_or_default()
    }

    /// How many more bytes the frame after the last one yielded needs (at
    /// least); 0 when the buffer ends on a frame boundary or after an error.
    /// Call it once iteration has stopped: before that, "the frame after the
    /// last one yielded" may still be complete.
    pub fn needed(&self) -> usize {
        if self.failed {
            return 0;
        }
        match decode(self.remainder(), &self.limits) {
            Ok(Decoded::Incomplete { needed }) if !self.remainder().is_empty() => needed,
            _ => 0,
        }
    }
}

impl<'a> Iterator for Frames<'a> {
    type Item = Result<&'a [u8], FrameError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        match decode(self.remainder(), &self.limits) {
            Ok(Decoded::Frame { payload, consumed }) => {
                // The frame lies within the remainder: the sum stays within `buf`.
                self.consumed += consumed;
                Some(Ok(payload))
            }
            Ok(Decoded::Incomplete { .. }) => None,
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

impl core::iter::FusedIterator for Frames<'_> {}

/// The header for a payload of `payload_len` bytes, for writers that send
/// header and payload separately (`writev([header, payload])`).
///
/// ```
/// assert_eq!(epp_codec::frame::encode_header(6), Ok([0, 0, 0, 10]));
/// ```
///
/// # Errors
///
/// [`EncodeError::PayloadTooLarge`] when `payload_len + 4` exceeds `u32::MAX`.
pub fn encode_header(payload_len: usize) -> Result<[u8; HEADER_LEN], EncodeError> {
    payload_len
        .checked_add(HEADER_LEN)
        .and_then(|total| u32::try_from(total).ok())
        .map(u32::to_be_bytes)
        .ok_or(EncodeError::PayloadTooLarge { len: payload_len })
}

/// Writes header and payload into `dst`; returns the bytes written.
///
/// ```
/// let mut out = [0u8; 16];
/// let n = epp_codec::frame::encode_into(b"<epp/>", &mut out).unwrap();
/// assert_eq!(&out[..n], b"\x00\x00\x00\x0a<epp/>");
/// ```
///
/// # Errors
///
/// [`EncodeError::BufferTooSmall`] (nothing written) or
/// [`EncodeError::PayloadTooLarge`].
pub fn encode_into(payload: &[u8], dst: &mut [u8]) -> Result<usize, EncodeError> {
    let header = encode_header(payload.len())?;
    // `encode_header` succeeded, so this sum fits a `u32`, let alone a `usize`.
    let total = HEADER_LEN + payload.len();
    let Some(out) = dst.get_mut(..total) else {
        return Err(EncodeError::BufferTooSmall { needed: total });
    };
    let (head, body) = out.split_at_mut(HEADER_LEN);
    head.copy_from_slice(&header);
    body.copy_from_slice(payload);
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits::new()
    }

    #[test]
    fn short_lengths_are_refused_on_the_header() {
        for length in 0u32..4 {
            let buf = length.to_be_bytes();
            assert_eq!(
                decode(&buf, &limits()),
                Err(FrameError::LengthTooSmall { length })
            );
        }
    }

    #[test]
    fn empty_payload_is_a_frame() {
        assert_eq!(
            decode(&[0, 0, 0, 4, 9], &limits()),
            Ok(Decoded::Frame {
                payload: &[],
                consumed: 4
            })
        );
    }

    #[test]
    fn limit_is_inclusive() {
        let max = 100;
        let l = Limits::new().with_max_frame_len(max);
        assert_eq!(
            decode(&max.to_be_bytes(), &l),
            Ok(Decoded::Incomplete { needed: 96 })
        );
        assert_eq!(
            decode(&(max + 1).to_be_bytes(), &l),
            Err(FrameError::LengthTooLarge { length: 101, max })
        );
    }

    #[test]
    fn u32_max_is_refused_or_incomplete_without_overflow() {
        let buf = u32::MAX.to_be_bytes();
        assert_eq!(
            decode(&buf, &limits()),
            Err(FrameError::LengthTooLarge {
                length: u32::MAX,
                max: Limits::DEFAULT_MAX_FRAME_LEN
            })
        );
        let l = Limits::new().with_max_frame_len(u32::MAX);
        // Under a limit that allows it, the frame is refused only where no
        // slice can be that long (32-bit targets: at most `isize::MAX`).
        let addressable = u32::try_from(isize::MAX).unwrap_or(u32::MAX);
        assert_eq!(MAX_ADDRESSABLE_FRAME_LEN, addressable);
        if addressable < u32::MAX {
            assert_eq!(
                decode(&buf, &l),
                Err(FrameError::LengthTooLarge {
                    length: u32::MAX,
                    max: addressable
                })
            );
        } else {
            assert_eq!(
                decode(&buf, &l),
                Ok(Decoded::Incomplete {
                    needed: u32::MAX as usize - 4
                })
            );
        }
        assert_eq!(
            decode(&addressable.to_be_bytes(), &l),
            Ok(Decoded::Incomplete {
                needed: addressable as usize - 4
            })
        );
    }

    #[test]
    fn text_instead_of_a_header_is_named() {
        for text in [
            &b"<?xml version"[..],
            b"Session limit exceeded",
            b"HTTP/1.1 400",
        ] {
            let err = decode(text, &limits()).unwrap_err();
            assert_eq!(
                err,
                FrameError::UnframedText {
                    header: text[..4].try_into().unwrap()
                }
            );
        }
        let msg = alloc_free_display(FrameError::UnframedText { header: *b"Sess" });
        assert!(msg.starts_with(b"peer sent text without an EPP frame header: \"Sess"));
    }

    fn alloc_free_display(e: FrameError) -> heapless::Vec<u8, 128> {
        use core::fmt::Write;
        struct W(heapless::Vec<u8, 128>);
        impl Write for W {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0
                    .extend_from_slice(s.as_bytes())
                    .map_err(|_| fmt::Error)
            }
        }
        let mut w = W(heapless::Vec::new());
        write!(w, "{e}").unwrap();
        w.0
    }

    #[test]
    fn frames_iterates_and_fuses() {
        let l = limits();
        let mut buf = [0u8; 14];
        buf[..6].copy_from_slice(b"\x00\x00\x00\x06ab");
        buf[6..10].copy_from_slice(&[0, 0, 0, 1]);
        let mut it = frames(&buf, &l);
        assert_eq!(it.next(), Some(Ok(&b"ab"[..])));
        assert_eq!(
            it.next(),
            Some(Err(FrameError::LengthTooSmall { length: 1 }))
        );
        assert_eq!(it.next(), None);
        assert_eq!(it.consumed(), 6);
        assert_eq!(it.needed(), 0);
    }

    #[test]
    fn encode_checks_sizes() {
        assert_eq!(encode_header(0), Ok([0, 0, 0, 4]));
        assert_eq!(encode_header(MAX_PAYLOAD_LEN), Ok([0xff; 4]));
        assert_eq!(
            encode_header(MAX_PAYLOAD_LEN + 1),
            Err(EncodeError::PayloadTooLarge {
                len: MAX_PAYLOAD_LEN + 1
            })
        );
        let mut small = [0u8; 5];
        assert_eq!(
            encode_into(b"ab", &mut small),
            Err(EncodeError::BufferTooSmall { needed: 6 })
        );
        assert_eq!(small, [0; 5]);
    }
}
