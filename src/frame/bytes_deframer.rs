//! Zero-copy framing over `bytes` buffers (feature `bytes`).

use bytes::{Buf, Bytes, BytesMut};

use super::{Deframer, FrameError, HEADER_LEN, checked_total};
use crate::Limits;

/// Takes one frame off the front of `buf`: its payload as [`Bytes`] that
/// share `buf`'s memory (no copy), or `None` when the frame is not complete.
///
/// When the header is in but the payload is not, `buf` is grown to fit the
/// rest of the frame, up to [`BytesDeframer::MAX_AHEAD`] (256 KiB) more
/// bytes. A frame of up to that much more is then read in without
/// reallocating; a longer one grows the buffer as its bytes arrive, so four
/// bytes from a peer never reserve more, whatever [`Limits::max_frame_len`].
///
/// # Errors
///
/// A bad header, as soon as its four bytes are in `buf`; `buf` is left as it is.
pub fn decode_bytes(buf: &mut BytesMut, limits: &Limits) -> Result<Option<Bytes>, FrameError> {
    let Some(&header) = buf.first_chunk::<HEADER_LEN>() else {
        return Ok(None);
    };
    let total = checked_total(header, limits)?;
    if buf.len() < total {
        buf.reserve((total - buf.len()).min(BytesDeframer::MAX_AHEAD));
        return Ok(None);
    }
    let mut frame = buf.split_to(total);
    frame.advance(HEADER_LEN);
    Ok(Some(frame.freeze()))
}

/// A deframer over a [`BytesMut`] receive buffer whose frames come out as
/// [`Bytes`] without copying the payload.
///
/// Like [`Deframer`], it checks each header as soon as it arrives, is fused
/// after an error (whose place in the stream
/// [`stream_offset`](Self::stream_offset) gives), and takes at most
/// [`MAX_AHEAD`](Self::MAX_AHEAD) of memory ahead of the bytes received.
///
/// ```
/// use epp_codec::{Limits, frame::BytesDeframer};
/// let mut d = BytesDeframer::new(Limits::new());
/// d.push(b"\x00\x00\x00\x0a<epp/>").unwrap();
/// assert_eq!(d.next_frame().unwrap().unwrap(), &b"<epp/>"[..]);
/// ```
#[derive(Debug)]
pub struct BytesDeframer {
    buf: BytesMut,
    /// Where the next unchecked header starts, counted from the front of `buf`.
    /// It may lie beyond the bytes received but never overflows: a checked
    /// header's position (below `isize::MAX`) plus its length (at most
    /// [`MAX_ADDRESSABLE_FRAME_LEN`](super::MAX_ADDRESSABLE_FRAME_LEN), at
    /// most `isize::MAX`).
    checked: usize,
    /// Where the last header accepted starts, counted like `checked`: the
    /// start of the frame being received when `checked` lies beyond the
    /// bytes received.
    last_header: usize,
    /// Stream bytes handed out as frames (headers included): the stream
    /// offset of the front of `buf`. A `u64`, saturating, so it cannot wrap
    /// on 32-bit targets.
    taken_out: u64,
    limits: Limits,
    error: Option<FrameError>,
}

impl BytesDeframer {
    /// Most memory a header makes room for ahead of its payload (256 KiB, as
    /// [`Deframer::MAX_AHEAD`]): even under a very large
    /// [`Limits::max_frame_len`], four bytes from a peer commit no more; the
    /// buffer grows further only as payload bytes actually arrive.
    pub const MAX_AHEAD: usize = Deframer::MAX_AHEAD;

    /// An empty deframer with the given limits.
    pub fn new(limits: Limits) -> Self {
        BytesDeframer {
            buf: BytesMut::new(),
            checked: 0,
            last_header: 0,
            taken_out: 0,
            limits,
            error: None,
        }
    }

    /// Appends received bytes, checking each header as it completes.
    ///
    /// # Errors
    ///
    /// The first bad header (the bytes after it are not stored), or the
    /// error the deframer already failed with.
    pub fn push(&mut self, mut bytes: &[u8]) -> Result<(), FrameError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        while !bytes.is_empty() {
            let until_header_end = self
                .checked
                .saturating_add(HEADER_LEN)
                .saturating_sub(self.buf.len());
            let take = until_header_end.clamp(1, bytes.len());
            let (now, later) = bytes.split_at(take);
            self.buf.extend_from_slice(now);
            bytes = later;
            while let Some(&header) = self
                .buf
                .get(self.checked..)
                .and_then(<[u8]>::first_chunk::<HEADER_LEN>)
            {
                match checked_total(header, &self.limits) {
                    Ok(total) => {
                        self.last_header = self.checked;
                        // Never saturates (see `checked`).
                        self.checked = self.checked.saturating_add(total);
                        self.buf.reserve(
                            self.checked
                                .saturating_sub(self.buf.len())
                                .min(Self::MAX_AHEAD),
                        );
                    }
                    Err(e) => {
                        self.error = Some(e);
                        return Err(e);
                    }
                }
            }
        }
        Ok(())
    }

    /// The next complete frame's payload, sharing the buffer's memory.
    ///
    /// # Errors
    ///
    /// The error the deframer failed with, once the frames before it are out.
    pub fn next_frame(&mut self) -> Result<Option<Bytes>, FrameError> {
        if self.checked >= HEADER_LEN {
            if let Some(frame) = decode_bytes(&mut self.buf, &self.limits)? {
                // The frame's header was checked, so `checked` is past its end.
                let total = frame.len() + HEADER_LEN;
                self.checked -= total;
                // Only read while the frame it starts is arriving, so after
                // this one; saturating for when it was this one's.
                self.last_header = self.last_header.saturating_sub(total);
                self.taken_out = self.taken_out.saturating_add(total as u64);
                return Ok(Some(frame));
            }
        }
        match self.error {
            Some(e) if self.checked == 0 => Err(e),
            _ => Ok(None),
        }
    }

    /// Bytes received and not yet handed out.
    pub fn buffered(&self) -> &[u8] {
        &self.buf
    }

    /// The error the deframer failed with, if it has.
    pub fn error(&self) -> Option<FrameError> {
        self.error
    }

    /// How many bytes of the stream came in as whole frames (taken out or
    /// not): where the next header starts. While a frame is arriving, where
    /// its header starts. After an error, where the refused header starts:
    /// the "where" of the [`FrameError`]. As [`Deframer::stream_offset`].
    ///
    /// A `u64` that saturates rather than wraps, on 32-bit targets too.
    pub fn stream_offset(&self) -> u64 {
        // As in `Deframer::stream_offset`.
        let whole_frames_end = if self.checked <= self.buf.len() {
            self.checked
        } else {
            self.last_header
        };
        self.taken_out.saturating_add(whole_frames_end as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_share_the_buffer() {
        let mut d = BytesDeframer::new(Limits::new());
        d.push(b"\x00\x00\x00\x07abc\x00\x00\x00\x05z\x00\x00\x00")
            .unwrap();
        let a = d.next_frame().unwrap().unwrap();
        let b = d.next_frame().unwrap().unwrap();
        assert_eq!((&a[..], &b[..]), (&b"abc"[..], &b"z"[..]));
        assert_eq!(d.next_frame(), Ok(None));
        assert_eq!(
            d.push(b"\x02"),
            Err(FrameError::LengthTooSmall { length: 2 })
        );
        assert_eq!(
            d.next_frame(),
            Err(FrameError::LengthTooSmall { length: 2 })
        );
    }

    /// The largest total length a slice can hold on this target, worked out
    /// here rather than taken from the code under test.
    fn addressable() -> u32 {
        u32::try_from(isize::MAX).unwrap_or(u32::MAX)
    }

    /// Room a header may make beyond the bytes already in: the read-ahead
    /// cap, plus slack for the allocator's rounding.
    const RESERVE_BOUND: usize = HEADER_LEN + BytesDeframer::MAX_AHEAD + 64 * 1024;

    /// On 32-bit targets the end of a `u32::MAX` frame after a first one does
    /// not fit a `usize`: refused. On 64-bit ones it is accepted, and its
    /// header alone must not reserve 4 GiB.
    #[test]
    fn a_u32_max_header_after_a_frame_neither_overflows_nor_reserves_it() {
        let huge = Limits::new().with_max_frame_len(u32::MAX);
        let mut d = BytesDeframer::new(huge);
        let result = d.push(b"\x00\x00\x00\x0a<epp/>\xff\xff\xff\xff");
        assert_eq!(d.next_frame().unwrap().as_deref(), Some(&b"<epp/>"[..]));
        // Refused or arriving, the frame starts at 10.
        assert_eq!(d.stream_offset(), 10);
        if addressable() < u32::MAX {
            let err = FrameError::LengthTooLarge {
                length: u32::MAX,
                max: addressable(),
            };
            assert_eq!(result, Err(err));
            assert_eq!(d.next_frame(), Err(err));
            assert_eq!(d.buffered(), u32::MAX.to_be_bytes());
        } else {
            assert_eq!(result, Ok(()));
            assert_eq!(d.next_frame(), Ok(None));
            assert!(
                d.buf.capacity() <= RESERVE_BOUND,
                "{} bytes reserved on the strength of a header",
                d.buf.capacity()
            );
        }
    }

    /// `decode_bytes` (and so `EppCodec`) given only a `u32::MAX` header:
    /// refused where it cannot be addressed, and otherwise no reservation
    /// of the whole announced frame.
    #[test]
    fn decode_bytes_of_a_u32_max_header_neither_overflows_nor_reserves_it() {
        let huge = Limits::new().with_max_frame_len(u32::MAX);
        let mut buf = BytesMut::from(&u32::MAX.to_be_bytes()[..]);
        let result = decode_bytes(&mut buf, &huge);
        if addressable() < u32::MAX {
            assert_eq!(
                result,
                Err(FrameError::LengthTooLarge {
                    length: u32::MAX,
                    max: addressable()
                })
            );
            assert_eq!(&buf[..], u32::MAX.to_be_bytes());
        } else {
            assert_eq!(result, Ok(None));
            assert!(
                buf.capacity() <= RESERVE_BOUND,
                "{} bytes reserved on the strength of a header",
                buf.capacity()
            );
        }
    }

    #[test]
    fn decode_bytes_reserves_for_the_frame() {
        let mut buf = BytesMut::from(&b"\x00\x00\x10\x00abc"[..]);
        assert_eq!(decode_bytes(&mut buf, &Limits::new()), Ok(None));
        assert!(buf.capacity() >= 0x1000);
    }
}
