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

// Views are returned by value and never allocate, so a large variant cannot
// be boxed; the size is a copy of a few hundred bytes at most.
#![allow(clippy::large_enum_variant)]

pub mod command;
mod error;
pub mod ext;
mod negotiate;
mod reader;
pub mod response;
mod result_code;
pub(crate) mod scan;
mod str;
mod value;

pub use command::{
    AuthInfo, Command, ContactCommand, DomainCommand, Extensions, GeneratedPassword, HostCommand,
    Login, OtherCommand, Poll, RawElement, Request, TransferOp, Verb, read_command,
    read_command_with,
};
pub use error::{CommandError, CommandErrorKind, ElementName};
pub use negotiate::{Negotiation, check_services};
pub use response::{
    ContactData, DomainData, EppResult, ExtValue, Greeting, HostData, MessageQueue, Response,
    ResponseError, ResponseErrorKind, ServerMessage, Value, read_greeting, read_response,
    read_response_with, read_server_message, read_server_message_with,
};
pub use result_code::{ResultClass, ResultCode};
pub use scan::{List, ListItem, ListIter};
pub use str::{Chunks, Str};
pub use value::{Date, DateTime, E164, IpVersion, Period, PeriodUnit, UtcOffsetMinutes};
