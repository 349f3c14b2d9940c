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
/// then refuses to decode anything more.
///
/// Encoding accepts `&[u8]`, `&str` and [`Bytes`] payloads.
#[derive(Debug, Clone, Default)]
pub struct EppCodec {
    limits: Limits,
    error: Option<FrameError>,
}

impl EppCodec {
    /// A codec with the given limits.
    pub fn new(limits: Limits) -> Self {
        EppCodec {
            limits,
            error: None,
        }
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }
}

/// What an [`EppCodec`] stream can fail with.
#[non_exhaustive]
#[derive(Debug)]
pub enum CodecError {
    /// A bad frame header; the stream is corrupt and should be closed.
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
        decode_bytes(src, &self.limits).map_err(|e| {
            self.error = Some(e);
            e.into()
        })
    }
}

impl Encoder<&[u8]> for EppCodec {
    type Error = CodecError;

    fn encode(&mut self, payload: &[u8], dst: &mut BytesMut) -> Result<(), CodecError> {
        let header = encode_header(payload.len()).map_err(CodecError::Encode)?;
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
