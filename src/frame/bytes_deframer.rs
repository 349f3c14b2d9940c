//! Zero-copy framing over `bytes` buffers (feature `bytes`).

use bytes::{Buf, Bytes, BytesMut};

use super::{FrameError, HEADER_LEN, check_header};
use crate::Limits;

/// Takes one frame off the front of `buf`: its payload as [`Bytes`] that
/// share `buf`'s memory (no copy), or `None` when the frame is not complete.
///
/// When the header is in but the payload is not, `buf` is grown once to fit
/// the whole frame, so the reads that follow fill it without reallocating.
///
/// # Errors
///
/// A bad header, as soon as its four bytes are in `buf`; `buf` is left as it is.
pub fn decode_bytes(buf: &mut BytesMut, limits: &Limits) -> Result<Option<Bytes>, FrameError> {
    let Some(&header) = buf.first_chunk::<HEADER_LEN>() else {
        return Ok(None);
    };
    let total = check_header(header, limits)? as usize;
    if buf.len() < total {
        buf.reserve(total - buf.len());
        return Ok(None);
    }
    let mut frame = buf.split_to(total);
    frame.advance(HEADER_LEN);
    Ok(Some(frame.freeze()))
}

/// A deframer over a [`BytesMut`] receive buffer whose frames come out as
/// [`Bytes`] without copying the payload.
///
/// Like [`Deframer`](super::Deframer), it checks each header as soon as it
/// arrives and is fused after an error.
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
    checked: usize,
    limits: Limits,
    error: Option<FrameError>,
}

impl BytesDeframer {
    /// An empty deframer with the given limits.
    pub fn new(limits: Limits) -> Self {
        BytesDeframer {
            buf: BytesMut::new(),
            checked: 0,
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
            let until_header_end = (self.checked + HEADER_LEN).saturating_sub(self.buf.len());
            let take = until_header_end.clamp(1, bytes.len());
            let (now, later) = bytes.split_at(take);
            self.buf.extend_from_slice(now);
            bytes = later;
            while let Some(header) = self
                .buf
                .get(self.checked..self.checked + HEADER_LEN)
                .and_then(|h| <[u8; HEADER_LEN]>::try_from(h).ok())
            {
                match check_header(header, &self.limits) {
                    Ok(total) => {
                        self.checked += total as usize;
                        self.buf
                            .reserve(self.checked.saturating_sub(self.buf.len()));
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
                self.checked -= frame.len() + HEADER_LEN;
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

    #[test]
    fn decode_bytes_reserves_for_the_frame() {
        let mut buf = BytesMut::from(&b"\x00\x00\x10\x00abc"[..]);
        assert_eq!(decode_bytes(&mut buf, &Limits::new()), Ok(None));
        assert!(buf.capacity() >= 0x1000);
    }
}
