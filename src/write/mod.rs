//! Writers: commands, responses and greetings written as XML into a
//! caller's buffer, escaped, with the RFC's customary prefixes, optionally
//! framed (RFC 5734) in the same pass.
//!
//! Anything [`Writable`] can be written: the views read by
//! [`view`](crate::view) (so a proxy can read, change a field and write),
//! and values built by hand from borrowed strings and slices.
//!
//! Writing into a [`SliceSink`] or a `heapless::Vec` allocates nothing.
//! A sink that is too small gives [`WriteError::BufferTooSmall`] with the
//! length needed, and is cut back to where it was: nothing half-written
//! stays behind.
//!
//! ```
//! use epp_codec::view::read_command;
//! use epp_codec::write::{WriteOptions, Writable, write_to_slice};
//!
//! let payload = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command>
//!   <login><clID>ClientX</clID><pw>foo-BAR2</pw><options><version>1.0</version>
//!   <lang>en</lang></options><svcs><objURI>urn:ietf:params:xml:ns:obj1</objURI>
//!   </svcs></login><clTRID>ABC-12345</clTRID></command></epp>"#;
//! let request = read_command(payload).unwrap();
//!
//! let mut buf = [0u8; 1024];
//! let n = write_to_slice(&request, &mut buf, &WriteOptions::new()).unwrap();
//! let written = core::str::from_utf8(&buf[..n]).unwrap();
//! assert!(written.contains("<pw>foo-BAR2</pw>"));
//! // The same message, safe to log:
//! let logged = request.redacted().to_string();
//! assert!(logged.contains("<pw>*****</pw>") && !logged.contains("foo-BAR2"));
//! ```

// Values built by hand are passed by value and never allocate, so a large
// variant (an info response's data) cannot be boxed; the size is a copy
// of a few hundred bytes at most.
#![allow(clippy::large_enum_variant)]

mod command;
mod ext;
mod ext_addl_email;
mod ext_bundling;
mod ext_fee;
mod ext_launch;
mod ext_maintenance;
mod ext_verisign;
mod raw;
mod response;
mod sink;
mod xml;

use core::fmt;

pub use response::{
    CheckResult, CommandErrorResponse, ContactInfoData, ContactResData, DcpData, DomainInfoData,
    DomainResData, ExtValueData, GreetingData, HostInfoData, HostResData, MessageQueueData,
    PendingResult, ResData, ResponseData, ResultData, StatementData, TransferResult,
};
pub use sink::{Sink, SinkFull, SliceSink};
pub use xml::{REDACTED, XmlWriter};

/// How to write: layout, declaration, redaction.
///
/// The default is compact output (no white space between elements) with
/// the XML declaration, secrets written as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteOptions {
    pub(crate) indent: u8,
    pub(crate) declaration: bool,
    pub(crate) redact: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl WriteOptions {
    /// Compact, with the XML declaration, nothing redacted.
    pub const fn new() -> Self {
        WriteOptions {
            indent: 0,
            declaration: true,
            redact: false,
        }
    }

    /// Indented by `spaces` per level, one element a line, as the RFC
    /// examples are (0: compact).
    pub const fn indent(mut self, spaces: u8) -> Self {
        self.indent = spaces;
        self
    }

    /// Whether to begin with `<?xml version="1.0" encoding="UTF-8" standalone="no"?>`.
    pub const fn declaration(mut self, yes: bool) -> Self {
        self.declaration = yes;
        self
    }

    /// Whether to mask secrets: login `<pw>` and `<newPW>`, every
    /// `<authInfo>`, and the passwords of extensions such as loginSec
    /// (any element named `pw`, `newPW` or `authInfo`) become
    /// [`REDACTED`]. For logs; the output is not a usable message.
    pub const fn redact(mut self, yes: bool) -> Self {
        self.redact = yes;
        self
    }
}

/// Why a message could not be written.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The sink had no room; `needed` bytes would have been enough. The
    /// sink was cut back to its length before the write.
    BufferTooSmall {
        /// The length of the whole output (frame header included, when framed).
        needed: usize,
    },
    /// A value holds a character XML does not allow (a C0 control other
    /// than tab, line feed and carriage return; U+FFFE; U+FFFF).
    ForbiddenCharacter {
        /// The character.
        character: char,
    },
    /// A framed message longer than a 32-bit frame length can say.
    FrameTooLarge {
        /// The message length, header included.
        length: usize,
    },
    /// A value built by hand that the schema does not allow.
    Invalid {
        /// The element concerned.
        element: &'static str,
        /// What is wrong.
        reason: &'static str,
    },
    /// A raw element that is not well-formed XML (only possible for one
    /// built by hand).
    InvalidRaw,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::BufferTooSmall { needed } => {
                write!(f, "buffer too small: {needed} bytes needed")
            }
            WriteError::ForbiddenCharacter { character } => {
                write!(
                    f,
                    "character {:?} (U+{:04X}) is not allowed in XML",
                    character,
                    u32::from(*character)
                )
            }
            WriteError::FrameTooLarge { length } => {
                write!(
                    f,
                    "a frame of {length} bytes is longer than RFC 5734 allows"
                )
            }
            WriteError::Invalid { element, reason } => write!(f, "<{element}>: {reason}"),
            WriteError::InvalidRaw => f.write_str("a raw element is not well-formed XML"),
        }
    }
}

impl core::error::Error for WriteError {}

/// A message that can be written: a command, response or greeting, read
/// or built by hand.
pub trait Writable {
    /// Writes the message's XML (declaration included, per the options).
    ///
    /// # Errors
    ///
    /// As [`write()`].
    fn write_xml<S: Sink>(&self, w: &mut XmlWriter<S>) -> Result<(), WriteError>;

    /// The message with its secrets masked, for logs: `Display` writes it
    /// compact, without the XML declaration (see [`WriteOptions::redact`]).
    fn redacted(&self) -> Redacted<'_, Self>
    where
        Self: Sized,
    {
        Redacted {
            message: self,
            options: WriteOptions::new().declaration(false).redact(true),
        }
    }
}

/// An extension element written by the caller's code, for an extension
/// the crate does not type (a registry's own): put it in a message with
/// [`Extension::Custom`](crate::view::command::Extension::Custom) and the
/// writer calls it in its place, with the same escaping, layout,
/// redaction and sink.
///
/// ```
/// use epp_codec::view::command::{Command, Extension, Extensions, Poll, Request};
/// use epp_codec::write::{CustomExtension, Sink, WriteError, WriteOptions, XmlWriter, to_vec};
///
/// #[derive(Debug)]
/// struct SubProduct(&'static str);
///
/// impl CustomExtension for SubProduct {
///     fn write_extension(&self, w: &mut XmlWriter<&mut dyn Sink>) -> Result<(), WriteError> {
///         w.start("ns:namestoreExt");
///         w.namespace("ns", "http://www.verisign-grs.com/epp/namestoreExt-1.1");
///         w.leaf_text("ns:subProduct", self.0)?;
///         w.end("ns:namestoreExt");
///         Ok(())
///     }
/// }
///
/// let ext = [Extension::Custom(&SubProduct("com"))];
/// let request = Request::new(Command::Poll(Poll::Request)).with_extensions(Extensions::from_typed(&ext));
/// let xml = String::from_utf8(to_vec(&request, &WriteOptions::new()).unwrap()).unwrap();
/// assert!(xml.contains("<ns:subProduct>com</ns:subProduct>"));
/// ```
pub trait CustomExtension: fmt::Debug {
    /// Writes the extension element (one element, declaring the
    /// namespace it uses).
    ///
    /// # Errors
    ///
    /// As [`write()`].
    fn write_extension(&self, w: &mut XmlWriter<&mut dyn Sink>) -> Result<(), WriteError>;
}

/// Writes `message` at the end of `sink`; returns the number of bytes written.
///
/// # Errors
///
/// [`WriteError::BufferTooSmall`] (the sink is left as it was), or an
/// error in a value.
pub fn write<M: Writable + ?Sized, S: Sink>(
    message: &M,
    sink: S,
    options: &WriteOptions,
) -> Result<usize, WriteError> {
    let mut w = XmlWriter::new(sink, *options);
    match message.write_xml(&mut w) {
        Ok(()) => w.finish().map(|(n, _)| n),
        Err(e) => {
            w.abandon();
            Err(e)
        }
    }
}

/// Writes `message` as one RFC 5734 data unit: the 4-byte length is
/// reserved first and patched in place, so there is no second pass or copy.
/// Returns the number of bytes written, header included.
///
/// # Errors
///
/// As [`write()`]; [`WriteError::FrameTooLarge`] past `u32::MAX` bytes.
pub fn write_framed<M: Writable + ?Sized, S: Sink>(
    message: &M,
    sink: S,
    options: &WriteOptions,
) -> Result<usize, WriteError> {
    let mut w = XmlWriter::new(sink, *options);
    let at = w.start_offset();
    w.raw_in_tag("\0\0\0\0");
    if let Err(e) = message.write_xml(&mut w) {
        w.abandon();
        return Err(e);
    }
    let (n, mut sink) = w.finish()?;
    let Ok(length) = u32::try_from(n) else {
        sink.truncate(at);
        return Err(WriteError::FrameTooLarge { length: n });
    };
    sink.overwrite(at, &length.to_be_bytes());
    Ok(n)
}

/// Writes `message` into the start of `buf`; returns the length written.
///
/// # Errors
///
/// As [`write()`].
pub fn write_to_slice<M: Writable + ?Sized>(
    message: &M,
    buf: &mut [u8],
    options: &WriteOptions,
) -> Result<usize, WriteError> {
    write(message, SliceSink::new(buf), options)
}

/// Writes `message` into a new `Vec`.
///
/// # Errors
///
/// An error in a value (never [`WriteError::BufferTooSmall`]).
#[cfg(feature = "alloc")]
pub fn to_vec<M: Writable + ?Sized>(
    message: &M,
    options: &WriteOptions,
) -> Result<alloc::vec::Vec<u8>, WriteError> {
    let mut out = alloc::vec::Vec::new();
    write(message, &mut out, options)?;
    Ok(out)
}

/// A message shown with its secrets masked, from [`Writable::redacted`].
#[derive(Debug)]
pub struct Redacted<'m, M: ?Sized> {
    message: &'m M,
    options: WriteOptions,
}

impl<M: ?Sized> Redacted<'_, M> {
    /// The same, laid out by `options` (redaction stays on).
    pub fn with_options(mut self, options: WriteOptions) -> Self {
        self.options = options.redact(true);
        self
    }
}

impl<M: Writable + ?Sized> fmt::Display for Redacted<'_, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sink = FmtSink {
            f,
            len: 0,
            failed: false,
        };
        let mut w = XmlWriter::new(&mut sink, self.options);
        let result = self.message.write_xml(&mut w);
        let finished = w.finish().is_ok();
        if sink.failed || !finished {
            return Err(fmt::Error);
        }
        match result {
            Ok(()) => Ok(()),
            Err(e) => write!(f, "<!-- not writable: {e} -->"),
        }
    }
}

/// A [`Sink`] over a formatter; the writer only ever hands it whole
/// UTF-8 sequences.
struct FmtSink<'f, 'g> {
    f: &'f mut fmt::Formatter<'g>,
    len: usize,
    failed: bool,
}

impl Sink for FmtSink<'_, '_> {
    fn len(&self) -> usize {
        self.len
    }

    fn append(&mut self, bytes: &[u8]) -> Result<(), SinkFull> {
        let text = core::str::from_utf8(bytes).map_err(|_| SinkFull)?;
        if self.f.write_str(text).is_err() {
            self.failed = true;
            return Err(SinkFull);
        }
        self.len += bytes.len();
        Ok(())
    }

    fn overwrite(&mut self, _at: usize, _bytes: &[u8]) {}

    fn truncate(&mut self, _len: usize) {}
}
