//! contact commands (RFC 573x) written.

use super::super::WriteError;
use super::super::sink::Sink;
use super::super::xml::XmlWriter;
use crate::view::command::contact::*;

pub(super) fn write<S: Sink>(
    _w: &mut XmlWriter<S>,
    _command: &ContactCommand<'_>,
) -> Result<(), WriteError> {
    Err(WriteError::Invalid {
        element: "contact",
        reason: "not yet written",
    })
}
