//! A `tokio_util::codec` for EPP frames (feature `tokio-util`).

extern crate std;

use core::fmt;
use std::io;

use bytes::{BufMut, Bytes, BytesMut};
use tokio_util::codec::{Decoder, Encoder};

use super::{EncodeError, FrameError, HEADER_LEN, decode_bytes, encode_header};
use crate::Limits;

/// An RFC 5734 codec for [`tokio_util::codec::Framed`].
///
/// Decoding yields each payload as [`Bytes`] sharing the read buffer (no
/// copy). It behaves like `LengthDelimitedCodec` with a 4-byte big-endian
/// length that counts itself (`length_adjustment(-4)`), plus the EPP limits:
/// a bad header is an error as soon as its four bytes are read, and the codec
/// then refuses to decode anything more. A header makes room in the read
/// buffer for at most [`BytesDeframer::MAX_AHEAD`](super::BytesDeframer::MAX_AHEAD)
/// (256 KiB) of its payload; a longer frame's buffer grows as it arrives.
///
/// After a [`CodecError::Frame`], [`stream_offset`](Self::stream_offset)
/// (on `Framed::codec()` or `FramedRead::decoder()`) says where in the
/// stream the refused header starts.
///
/// Encoding accepts `&[u8]`, `&str` and [`Bytes`] payloads.
#[derive(Debug, Clone, Default)]
pub struct EppCodec {
    limits: Limits,
    error: Option<FrameError>,
    /// Bytes decoded as frames (headers included). A `u64`, saturating, so
    /// it cannot wrap on 32-bit targets.
    decoded: u64,
}

impl EppCodec {
    /// A codec with the given limits.
    pub fn new(limits: Limits) -> Self {
        EppCodec {
            limits,
            error: None,
            decoded: 0,
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// How many bytes of the stream this codec has decoded as frames: where
    /// the next header starts. After a [`CodecError::Frame`], where the
    /// refused header starts.
    ///
    /// It counts what [`Decoder::decode`] took off the read buffer, so it is
    /// a stream offset when one codec decodes one stream from its first
    /// byte (as in `FramedRead::new(io, EppCodec::new(limits))`).
    ///
    /// A `u64` that saturates rather than wraps, on 32-bit targets too.
    pub fn stream_offset(&self) -> u64 {
        self.decoded
    }
}

/// What an [`EppCodec`] stream can fail with.
#[non_exhaustive]
#[derive(Debug)]
pub enum CodecError {
    /// A bad frame header; the stream is corrupt and should be closed.
    /// [`EppCodec::stream_offset`] says where the header starts.
    Frame(FrameError),
    /// A payload too large to frame.
    Encode(EncodeError),
    /// The transport failed.
    Io(io::Error),
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodecError::Frame(e) => e.fmt(f),
            CodecError::Encode(e) => e.fmt(f),
            CodecError::Io(e) => write!(f, "I/O error: {e}"),
        }
    }
}

impl core::error::Error for CodecError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            CodecError::Frame(e) => Some(e),
            CodecError::Encode(e) => Some(e),
            CodecError::Io(e) => Some(e),
        }
    }
}

impl From<io::Error> for CodecError {
    fn from(e: io::Error) -> Self {
        CodecError::Io(e)
    }
}

impl From<FrameError> for CodecError {
    fn from(e: FrameError) -> Self {
        CodecError::Frame(e)
    }
}

impl Decoder for EppCodec {
    type Item = Bytes;
    type Error = CodecError;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Bytes>, CodecError> {
        if let Some(e) = self.error {
            return Err(e.into());
        }
        match decode_bytes(src, &self.limits) {
            Ok(Some(payload)) => {
                let total = (payload.len() + HEADER_LEN) as u64;
                self.decoded = self.decoded.saturating_add(total);
                Ok(Some(payload))
            }
            Ok(None) => Ok(None),
            Err(e) => {
                self.error = Some(e);
                Err(e.into())
            }
        }
    }
}

impl Encoder<&[u8]> for EppCodec {
    type Error = CodecError;

    fn encode(&mut self, payload: &[u8], dst: &mut BytesMut) -> Result<(), CodecError> {
        let header = encode_header(payload.len()).map_err(CodecError::Encode)?;
        // `encode_header` succeeded, so this sum fits a `u32`.
        dst.reserve(HEADER_LEN + payload.len());
        dst.put_slice(&header);
        dst.put_slice(payload);
        Ok(())
    }
}

impl Encoder<&str> for EppCodec {
    type Error = CodecError;

    fn encode(&mut self, payload: &str, dst: &mut BytesMut) -> Result<(), CodecError> {
        Encoder::<&[u8]>::encode(self, payload.as_bytes(), dst)
    }
}

impl Encoder<Bytes> for EppCodec {
    type Error = CodecError;

    fn encode(&mut self, payload: Bytes, dst: &mut BytesMut) -> Result<(), CodecError> {
        Encoder::<&[u8]>::encode(self, &payload, dst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `u32::MAX` header under a limit that allows it, alone in the read
    /// buffer: refused where a frame that long cannot be addressed (32-bit
    /// targets), and elsewhere not a reason to reserve 4 GiB.
    #[test]
    fn a_u32_max_header_neither_overflows_nor_reserves_the_frame() {
        let addressable = u32::try_from(isize::MAX).unwrap_or(u32::MAX);
        let mut codec = EppCodec::new(Limits::new().with_max_frame_len(u32::MAX));
        let mut src = BytesMut::from(&u32::MAX.to_be_bytes()[..]);
        let result = codec.decode(&mut src);
        if addressable < u32::MAX {
            let err = FrameError::LengthTooLarge {
                length: u32::MAX,
                max: addressable,
            };
            assert!(
                matches!(result, Err(CodecError::Frame(e)) if e == err),
                "{result:?}"
            );
            assert!(matches!(codec.decode(&mut src), Err(CodecError::Frame(e)) if e == err));
        } else {
            assert!(matches!(result, Ok(None)), "{result:?}");
            assert!(
                src.capacity() <= HEADER_LEN + crate::frame::BytesDeframer::MAX_AHEAD + 64 * 1024,
                "{} bytes reserved on the strength of a header",
                src.capacity()
            );
        }
    }
}
