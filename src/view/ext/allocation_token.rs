//! Allocation tokens, `urn:ietf:params:xml:ns:allocationToken-1.0`
//! (RFC 8495): the token a registrar passes to check, create, transfer or
//! update a domain it was allocated, and the `<info/>` that asks for it.

use crate::view::command::{Command, DomainCommand, RawElement};
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::str::Str;
use crate::view::value::check_length;
use crate::xml::{Ns, Span};

const NS: Ns = Ns::AllocationToken;

/// An allocationToken extension element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocationToken<'a> {
    /// `<allocationToken:allocationToken>`: the token (commands and info responses).
    Token(Str<'a>),
    /// `<allocationToken:info/>`: a domain info asking for the token.
    Info,
}

impl<'a> AllocationToken<'a> {
    /// A token built by hand.
    pub const fn new(token: &'a str) -> Self {
        AllocationToken::Token(Str::new(token))
    }

    /// The allocationToken element `raw` (read tolerantly).
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        if raw.is(NS, "info") {
            return Some(AllocationToken::Info);
        }
        raw.is(NS, "allocationToken").then_some(())?;
        Some(AllocationToken::Token(raw.element()?.token()))
    }
}

/// Reads an allocationToken element (`e`, just taken) of a command's
/// `<extension>` strictly: the token (1 or more characters) with a domain
/// check, create, transfer or update; `<info/>` with a domain info.
pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    let domain = match command {
        Command::Domain(d) => Some(d),
        _ => None,
    };
    match (e.name.local(), domain) {
        (
            "allocationToken",
            Some(
                DomainCommand::Check(_)
                | DomainCommand::Create(_)
                | DomainCommand::Transfer { .. }
                | DomainCommand::Update(_),
            ),
        ) => {
            r.check_attributes(e, &[])?;
            let token = r.token(e)?;
            let span = Span {
                start: e.tag.start,
                end: r.last_end(),
            };
            check_length(token, 1, u32::MAX, e.element_name(), span)?;
            Ok(())
        }
        ("info", Some(DomainCommand::Info(_))) => {
            r.check_attributes(e, &[])?;
            r.empty(e)
        }
        _ => Err(r.unexpected(e)),
    }
}
