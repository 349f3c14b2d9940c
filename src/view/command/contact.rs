//! Contact commands (placeholder until written).

use super::Verb;
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};

/// A contact command.
#[derive(Clone, Copy, Debug)]
pub enum ContactCommand<'a> {
    /// Placeholder.
    Delete(crate::view::Str<'a>),
}

pub(crate) fn read<'a>(
    r: &mut Reader<'a>,
    verb: Verb,
    object: Elem<'a>,
) -> Result<ContactCommand<'a>, CommandError<'a>> {
    let _ = verb;
    Err(r.unexpected(object))
}
