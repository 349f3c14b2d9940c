//! A deframer that owns its receive buffer (feature `alloc`).

use alloc::vec::Vec;

use super::{FrameError, HEADER_LEN, checked_total, total_len};
use crate::Limits;

/// A receive buffer that turns a byte stream into frames.
///
/// Bytes go in with [`push`](Self::push), or are read straight into
/// [`read_buf`](Self::read_buf) and [`commit`](Self::commit)ted, which saves
/// a copy. Frames come out of [`next_frame`](Self::next_frame) as slices of
/// the buffer, valid until the next call on the deframer.
///
/// Every header is checked the moment its four bytes arrive, before any of
/// its payload is taken in: a bad header fails the `push` or `commit` that
/// completed it, and the deframer then refuses all input (it is fused;
/// [`error`](Self::error) tells why, [`stream_offset`](Self::stream_offset)
/// where). Frames completed before the bad header can still be taken out.
///
/// ```
/// use epp_codec::{Limits, frame::Deframer};
/// let mut d = Deframer::new(Limits::new());
/// d.push(b"\x00\x00\x00\x0a<ep").unwrap();
/// assert_eq!(d.next_frame(), Ok(None));
/// assert_eq!(d.needed(), 3);
/// d.push(b"p/>").unwrap();
/// assert_eq!(d.next_frame(), Ok(Some(&b"<epp/>"[..])));
/// ```
#[derive(Debug, Clone)]
pub struct Deframer {
    /// `buf[..filled]` holds received bytes; `buf[filled..]` is zeroed space
    /// handed out by `read_buf`.
    buf: Vec<u8>,
    filled: usize,
    /// Start of the first frame not yet handed out.
    start: usize,
    /// Where the next unchecked header starts; headers before it are valid.
    /// It may lie beyond `filled` (the end of the frame being received), but
    /// never overflows: it is a checked header's position (below
    /// `isize::MAX`, as the buffer is a `Vec`) plus its length (at most
    /// [`MAX_ADDRESSABLE_FRAME_LEN`](super::MAX_ADDRESSABLE_FRAME_LEN), which
    /// is at most `isize::MAX`), and two `isize::MAX` fit a `usize`.
    checked: usize,
    /// Where the last header accepted starts (0 before any): the start of
    /// the frame being received when `checked` lies beyond `filled`.
    last_header: usize,
    /// Stream bytes dropped from the front of `buf` (frames taken out and
    /// discarded), so that `discarded + position` is a stream offset. A
    /// `u64`, saturating: it cannot wrap on 32-bit targets, where a
    /// long-lived connection passes 4 GiB.
    discarded: u64,
    limits: Limits,
    error: Option<FrameError>,
}

impl Deframer {
    /// Smallest chunk [`read_buf`](Self::read_buf) offers, so a reader does
    /// not issue tiny reads while a frame header is still missing.
    pub const MIN_READ: usize = 4096;

    /// Most memory taken ahead of data: [`read_buf`](Self::read_buf) offers at
    /// most this much, and a header makes room for at most this much of its
    /// payload. Four bytes from a peer therefore commit at most 256 KiB, even
    /// under a very large [`Limits::max_frame_len`]; the buffer grows further
    /// only as payload bytes actually arrive.
    pub const MAX_AHEAD: usize = 256 * 1024;

    /// An empty deframer with the given limits.
    pub fn new(limits: Limits) -> Self {
        Deframer {
            buf: Vec::new(),
            filled: 0,
            start: 0,
            checked: 0,
            last_header: 0,
            discarded: 0,
            limits,
            error: None,
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Appends received bytes.
    ///
    /// # Errors
    ///
    /// The first bad header among the bytes (or the error the deframer
    /// already failed with). The bytes after a bad header are not stored.
    pub fn push(&mut self, mut bytes: &[u8]) -> Result<(), FrameError> {
        self.fail_if_failed()?;
        self.discard_taken();
        while !bytes.is_empty() {
            // Take in no more than what reaches the end of the next unchecked header,
            // so that a bad header stops the copy before its payload.
            let until_header_end = self
                .checked
                .saturating_add(HEADER_LEN)
                .saturating_sub(self.filled);
            let take = if until_header_end == 0 {
                bytes.len()
            } else {
                until_header_end.min(bytes.len())
            };
            let (now, later) = bytes.split_at(take);
            self.buf.truncate(self.filled);
            self.buf.extend_from_slice(now);
            self.filled += take;
            bytes = later;
            self.check_headers()?;
            self.reserve_for_current_frame();
        }
        Ok(())
    }

    /// Space at the end of the buffer to receive into: at least
    /// [`MIN_READ`](Self::MIN_READ) bytes, and at least
    /// [`needed`](Self::needed) up to [`MAX_AHEAD`](Self::MAX_AHEAD). Follow
    /// with [`commit`](Self::commit). The space holds zeros, or bytes written
    /// there earlier and not committed; never bytes of a frame already taken out.
    pub fn read_buf(&mut self) -> &mut [u8] {
        self.discard_taken();
        let want = self.needed().clamp(Self::MIN_READ, Self::MAX_AHEAD);
        // `filled` is at most `isize::MAX` (a `Vec`'s length), so adding at
        // most `MAX_AHEAD` fits a `usize` on every target.
        let end = self.filled + want;
        // `discard_taken` truncated away every byte already handed out as a
        // frame, so the space beyond `filled` is zeros or bytes the caller
        // wrote there and did not commit: never an earlier frame.
        self.zero_fill_to(end);
        &mut self.buf[self.filled..]
    }

    /// Marks `n` bytes of [`read_buf`](Self::read_buf) as received.
    ///
    /// `n` larger than the space handed out is treated as all of it.
    ///
    /// # Errors
    ///
    /// The first bad header among the committed bytes (or the error the
    /// deframer already failed with). Unlike with [`push`](Self::push), the
    /// bytes after a bad header are already in the buffer and stay in
    /// [`buffered`](Self::buffered).
    pub fn commit(&mut self, n: usize) -> Result<(), FrameError> {
        self.fail_if_failed()?;
        self.filled = self.filled.saturating_add(n).min(self.buf.len());
        self.check_headers()
    }

    /// The next complete frame's payload, or `None` until more bytes arrive.
    ///
    /// The slice borrows the deframer: it is valid until the next call.
    ///
    /// # Errors
    ///
    /// The error the deframer failed with, once every frame received before
    /// the bad header has been taken out.
    pub fn next_frame(&mut self) -> Result<Option<&[u8]>, FrameError> {
        // Headers up to `checked` are valid, so a frame there can be taken out
        // even after a later header failed.
        if self.start < self.checked {
            let total = self.header_total_at(self.start);
            // The header at `start` was checked when `checked` passed it, so
            // this is a frame end `checked` once held: it does not overflow.
            let end = self.start.saturating_add(total);
            // `None` while the frame is incomplete (`end` beyond `filled`).
            if let Some(payload) = self.buf[..self.filled].get(self.start + HEADER_LEN..end) {
                self.start = end;
                return Ok(Some(payload));
            }
        }
        match self.error {
            Some(e) if self.start >= self.checked => Err(e),
            _ => Ok(None),
        }
    }

    /// How many more bytes are needed to complete the next frame (at least 1
    /// while no frame is complete; exact once its header is in). 0 when a
    /// frame can be taken out now, or after an error.
    pub fn needed(&self) -> usize {
        if self.error.is_some() {
            return 0;
        }
        let buffered = self.filled - self.start;
        if buffered < HEADER_LEN {
            return HEADER_LEN - buffered;
        }
        self.header_total_at(self.start).saturating_sub(buffered)
    }

    /// Bytes received and not yet handed out as frames.
    pub fn buffered(&self) -> &[u8] {
        &self.buf[self.start..self.filled]
    }

    /// The error the deframer failed with, if it has.
    /// [`stream_offset`](Self::stream_offset) is then where the refused
    /// header starts. After a [`FrameError::UnframedText`],
    /// [`buffered`](Self::buffered) holds the text the peer sent, after any
    /// frames not yet taken out.
    pub fn error(&self) -> Option<FrameError> {
        self.error
    }

    /// How many bytes of the stream came in as whole frames (taken out or
    /// not): where the next header starts, counted from the first byte
    /// received (or the last [`reset`](Self::reset)). While a frame is
    /// arriving, where its header starts. After an error, where the refused
    /// header starts: the "where" of the [`FrameError`].
    ///
    /// ```
    /// use epp_codec::{Limits, frame::{Deframer, FrameError}};
    /// let mut d = Deframer::new(Limits::new());
    /// let err = d.push(b"\x00\x00\x00\x0a<epp/>Session limit exceeded");
    /// assert_eq!(err, Err(FrameError::UnframedText { header: *b"Sess" }));
    /// assert_eq!(d.stream_offset(), 10);
    /// ```
    ///
    /// A `u64` that saturates rather than wraps, on 32-bit targets too.
    pub fn stream_offset(&self) -> u64 {
        // Past `checked` lie at most the first bytes of the next header (or
        // the refused one); `checked` beyond `filled` is the end of a frame
        // still arriving, which started at `last_header`.
        let whole_frames_end = if self.checked <= self.filled {
            self.checked
        } else {
            self.last_header
        };
        self.discarded.saturating_add(whole_frames_end as u64)
    }

    /// Forgets all buffered bytes and any error, keeping the allocation; the
    /// [`stream_offset`](Self::stream_offset) starts again from 0 (a new
    /// stream).
    pub fn reset(&mut self) {
        self.buf.clear();
        self.filled = 0;
        self.start = 0;
        self.checked = 0;
        self.last_header = 0;
        self.discarded = 0;
        self.error = None;
    }

    /// Grows the buffer with zeros up to `end` bytes (if it is shorter).
    ///
    /// It copies from a block of zeros instead of calling `Vec::resize`:
    /// natively both fill at memory speed, but Miri interprets `resize`'s
    /// byte-by-byte loop (a 256 KiB read-ahead took it 40 s) and a copy as
    /// one step.
    fn zero_fill_to(&mut self, end: usize) {
        const ZEROS: [u8; 4096] = [0; 4096];
        self.buf.reserve(end.saturating_sub(self.buf.len()));
        while self.buf.len() < end {
            let n = (end - self.buf.len()).min(ZEROS.len());
            self.buf.extend_from_slice(&ZEROS[..n]);
        }
    }

    fn fail_if_failed(&self) -> Result<(), FrameError> {
        self.error.map_or(Ok(()), Err)
    }

    /// The four header bytes at `at` (0s if fewer are buffered).
    fn header_at(&self, at: usize) -> [u8; HEADER_LEN] {
        self.buf[..self.filled]
            .get(at..)
            .and_then(<[u8]>::first_chunk::<HEADER_LEN>)
            .copied()
            .unwrap_or_default()
    }

    /// The total length announced by the header at `at`, which has been
    /// checked (so the conversion is lossless).
    fn header_total_at(&self, at: usize) -> usize {
        total_len(u32::from_be_bytes(self.header_at(at)))
    }

    /// Checks every header whose four bytes have arrived.
    fn check_headers(&mut self) -> Result<(), FrameError> {
        // `checked` may lie beyond `filled` (inside a frame still arriving).
        while self.filled.saturating_sub(self.checked) >= HEADER_LEN {
            match checked_total(self.header_at(self.checked), &self.limits) {
                // Never saturates (see `checked`): a checked header's length
                // is at most `MAX_ADDRESSABLE_FRAME_LEN`.
                Ok(total) => {
                    self.last_header = self.checked;
                    self.checked = self.checked.saturating_add(total);
                }
                Err(e) => {
                    // Keep the offending bytes (they may be the peer's text), drop nothing else.
                    self.error = Some(e);
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// Makes room for the rest of the frame being received, so its payload is
    /// copied once and the buffer grows at most once per frame.
    fn reserve_for_current_frame(&mut self) {
        // `push` keeps `buf.len() == filled`, so `reserve` counts from `filled`.
        self.buf.reserve(
            self.checked
                .saturating_sub(self.filled)
                .min(Self::MAX_AHEAD),
        );
    }

    /// Drops frames already handed out, moving the partial one to the front.
    fn discard_taken(&mut self) {
        if self.start == 0 {
            return;
        }
        self.buf.copy_within(self.start..self.filled, 0);
        // Drop what lies past the moved data (left over from frames already
        // taken out), so `read_buf` can never hand an old frame back: the
        // space it offers next is zeroed afresh, and only as much as it offers.
        // `start` is the end of a frame handed out, so it is at most
        // `filled`, and at most `checked`, which passed that frame's header.
        self.filled -= self.start;
        self.buf.truncate(self.filled);
        self.checked -= self.start;
        // The last header accepted may be that of a frame already taken
        // out (then before `start`); it is only read while its frame is
        // still arriving, and so after `start`.
        self.last_header = self.last_header.saturating_sub(self.start);
        self.discarded = self.discarded.saturating_add(self.start as u64);
        self.start = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_header_stops_before_payload() {
        let mut d = Deframer::new(Limits::new().with_max_frame_len(16));
        let mut input = alloc::vec![0, 0, 0, 6, b'o', b'k'];
        input.extend_from_slice(&[0, 0, 1, 0]);
        input.extend_from_slice(&[b'x'; 100]);
        assert_eq!(
            d.push(&input),
            Err(FrameError::LengthTooLarge {
                length: 256,
                max: 16
            })
        );
        assert_eq!(
            d.buffered().len(),
            10,
            "payload after the bad header is not stored"
        );
        assert_eq!(d.next_frame(), Ok(Some(&b"ok"[..])));
        assert_eq!(
            d.next_frame(),
            Err(FrameError::LengthTooLarge {
                length: 256,
                max: 16
            })
        );
        assert_eq!(
            d.push(b"more"),
            Err(FrameError::LengthTooLarge {
                length: 256,
                max: 16
            })
        );
        d.reset();
        assert_eq!(d.push(&[0, 0, 0, 4]), Ok(()));
        assert_eq!(d.next_frame(), Ok(Some(&b""[..])));
    }

    #[test]
    fn read_buf_commit_round() {
        let mut d = Deframer::new(Limits::new());
        let frame = b"\x00\x00\x00\x08abcd\x00\x00";
        let space = d.read_buf();
        assert!(space.len() >= Deframer::MIN_READ);
        space[..frame.len()].copy_from_slice(frame);
        d.commit(frame.len()).unwrap();
        assert_eq!(d.next_frame(), Ok(Some(&b"abcd"[..])));
        assert_eq!(d.next_frame(), Ok(None));
        assert_eq!(d.needed(), 2);
        let space = d.read_buf();
        space[..4].copy_from_slice(b"\x00\x05z\x00");
        d.commit(3).unwrap();
        assert_eq!(d.next_frame(), Ok(Some(&b"z"[..])));
        assert_eq!(d.buffered(), b"");
    }

    #[test]
    fn read_buf_never_hands_out_an_old_frame() {
        let mut d = Deframer::new(Limits::new());
        d.push(b"\x00\x00\x00\x0a<epp/>").unwrap();
        assert_eq!(d.next_frame(), Ok(Some(&b"<epp/>"[..])));
        assert!(d.read_buf().iter().all(|&b| b == 0));
        assert_eq!(
            d.commit(usize::MAX),
            Err(FrameError::LengthTooSmall { length: 0 })
        );
        assert_eq!(
            d.next_frame(),
            Err(FrameError::LengthTooSmall { length: 0 })
        );
    }

    #[test]
    fn a_huge_header_commits_little_memory() {
        let mut d = Deframer::new(Limits::new().with_max_frame_len(u32::MAX));
        d.push(&addressable().to_be_bytes()).unwrap();
        assert!(d.read_buf().len() <= Deframer::MAX_AHEAD);
        assert!(d.buf.capacity() <= Deframer::MAX_AHEAD + 64 * 1024);
    }

    /// The largest total length a slice can hold on this target, worked out
    /// here rather than taken from the code under test: `u32::MAX` on 64-bit
    /// targets, `isize::MAX` (2 GiB - 1) on 32-bit ones.
    fn addressable() -> u32 {
        u32::try_from(isize::MAX).unwrap_or(u32::MAX)
    }

    /// Feeds `bytes` through `read_buf` + `commit`.
    fn feed_read_buf(d: &mut Deframer, mut bytes: &[u8]) -> Result<(), FrameError> {
        while !bytes.is_empty() {
            let space = d.read_buf();
            let n = space.len().min(bytes.len());
            space[..n].copy_from_slice(&bytes[..n]);
            d.commit(n)?;
            bytes = &bytes[n..];
        }
        Ok(())
    }

    /// A header announcing `u32::MAX` after a first frame, under a limit that
    /// allows it: the frame's end (10 + `u32::MAX`) does not fit a 32-bit
    /// `usize`. It must be refused there, and on 64-bit targets accepted
    /// without committing memory for it; never an overflow.
    #[test]
    fn a_u32_max_header_after_a_frame_does_not_overflow() {
        let huge = Limits::new().with_max_frame_len(u32::MAX);
        let mut input = b"\x00\x00\x00\x0a<epp/>".to_vec();
        input.extend_from_slice(&u32::MAX.to_be_bytes());
        for via_read_buf in [false, true] {
            let mut d = Deframer::new(huge);
            let result = if via_read_buf {
                feed_read_buf(&mut d, &input)
            } else {
                d.push(&input)
            };
            assert_eq!(d.next_frame(), Ok(Some(&b"<epp/>"[..])));
            // Refused or arriving, the frame starts at 10; its end is not
            // added to any counter.
            assert_eq!(d.stream_offset(), 10, "read_buf: {via_read_buf}");
            if addressable() < u32::MAX {
                let err = FrameError::LengthTooLarge {
                    length: u32::MAX,
                    max: addressable(),
                };
                assert_eq!(result, Err(err), "read_buf: {via_read_buf}");
                assert_eq!(d.next_frame(), Err(err));
                assert_eq!(d.buffered(), u32::MAX.to_be_bytes());
            } else {
                assert_eq!(result, Ok(()), "read_buf: {via_read_buf}");
                assert_eq!(d.next_frame(), Ok(None));
                assert_eq!(d.needed(), u32::MAX as usize - HEADER_LEN);
                assert!(d.buf.capacity() <= Deframer::MAX_AHEAD + 64 * 1024);
            }
        }
    }

    /// The largest frame this target can address is accepted after another
    /// frame; one octet more is refused (on 32-bit targets; on 64-bit ones
    /// there is no octet more).
    #[test]
    fn the_largest_addressable_frame_is_accepted_after_another() {
        let huge = Limits::new().with_max_frame_len(u32::MAX);
        let mut d = Deframer::new(huge);
        let mut input = b"\x00\x00\x00\x0a<epp/>".to_vec();
        input.extend_from_slice(&addressable().to_be_bytes());
        assert_eq!(d.push(&input), Ok(()));
        assert_eq!(d.next_frame(), Ok(Some(&b"<epp/>"[..])));
        assert_eq!(d.next_frame(), Ok(None));
        assert_eq!(d.needed(), addressable() as usize - HEADER_LEN);
        if let Some(over) = addressable().checked_add(1) {
            let mut d = Deframer::new(huge);
            input.truncate(10);
            input.extend_from_slice(&over.to_be_bytes());
            assert_eq!(
                d.push(&input),
                Err(FrameError::LengthTooLarge {
                    length: over,
                    max: addressable()
                })
            );
        }
    }

    #[test]
    fn commit_beyond_space_is_clamped() {
        let mut d = Deframer::new(Limits::new());
        let n = d.read_buf().len();
        // The zeroed space reads as a header announcing length 0.
        assert_eq!(
            d.commit(usize::MAX),
            Err(FrameError::LengthTooSmall { length: 0 })
        );
        assert_eq!(d.buffered().len(), n);
    }
}
