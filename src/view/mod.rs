//! Typed, borrowed views of EPP messages.
//!
//! Commands are read **strictly**, as a server must ([`read_command`]): a
//! payload either gives a [`Request`] whose [`Command`] can be matched
//! exhaustively, or a [`CommandError`] carrying the EPP [`ResultCode`] to
//! answer, the element at fault and its byte offset.
//!
//! One pass checks structure (element order, presence, counts), lengths,
//! enumerations and typed values, and keeps spans; repeated children are
//! [`List`]s read lazily from the validated payload, so iterating cannot
//! fail. Strings are [`Str`]s: borrowed, unescaped lazily. Nothing allocates.

pub mod command;
mod error;
mod reader;
mod result_code;
mod scan;
mod str;
mod value;

pub use command::{
    AuthInfo, Command, ContactCommand, DomainCommand, Extensions, HostCommand, Login, OtherCommand,
    Poll, RawElement, Request, TransferOp, Verb, read_command, read_command_with,
};
pub use error::{CommandError, CommandErrorKind, ElementName};
pub use result_code::{ResultClass, ResultCode};
pub use scan::{List, ListItem, ListIter};
pub use str::{Chunks, Str};
pub use value::{Date, DateTime, E164, IpVersion, Period, PeriodUnit, UtcOffsetMinutes};
