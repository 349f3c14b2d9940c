//! host commands (RFC 573x) written.

use super::super::WriteError;
use super::super::sink::Sink;
use super::super::xml::XmlWriter;
use crate::view::command::host::*;

pub(super) fn write<S: Sink>(
    _w: &mut XmlWriter<S>,
    _command: &HostCommand<'_>,
) -> Result<(), WriteError> {
    Err(WriteError::Invalid {
        element: "host",
        reason: "not yet written",
    })
}
