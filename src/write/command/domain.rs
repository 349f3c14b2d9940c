//! domain commands (RFC 573x) written.

use super::super::WriteError;
use super::super::sink::Sink;
use super::super::xml::XmlWriter;
use crate::view::command::domain::*;

pub(super) fn write<S: Sink>(
    _w: &mut XmlWriter<S>,
    _command: &DomainCommand<'_>,
) -> Result<(), WriteError> {
    Err(WriteError::Invalid {
        element: "domain",
        reason: "not yet written",
    })
}
