//! An additional email address for a contact,
//! `urn:ietf:params:xml:ns:epp:addlEmail-1.0` (RFC 9873): set on a contact
//! create or update (an empty address in an update removes it), reported
//! in the contact info response.
//!
//! The schema at hand is a pre-publication copy: `<addlEmail:addlEmail>`
//! holds one `<addlEmail:email>` (empty allowed), with the `primary`
//! boolean on the email. Since RFC 9873's text was not available, a
//! `primary` on `<addlEmail:addlEmail>` itself is accepted too (in
//! commands: on one of the two elements, not both), and read the same.

use crate::view::CommandErrorKind;
use crate::view::command::{Command, ContactCommand, RawElement};
use crate::view::error::CommandError;
use crate::view::reader::{Elem, Reader};
use crate::view::str::Str;
use crate::view::value::check_bool;
use crate::xml::Ns;

const NS: Ns = Ns::AddlEmail;

/// `<addlEmail:addlEmail>`: the contact's additional email address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AddlEmail<'a> {
    /// `<addlEmail:email>`: the address (an internationalized one, or
    /// ASCII); empty to remove it in an update; `None` when a response
    /// lacks the element.
    pub email: Option<Str<'a>>,
    /// `primary`: whether this address is the contact's primary one (and
    /// `<contact:email>` the secondary); `None` when absent (`false`).
    pub primary: Option<bool>,
}

impl<'a> AddlEmail<'a> {
    /// An additional address built by hand, not primary.
    pub const fn new(email: &'a str) -> Self {
        AddlEmail {
            email: Some(Str::new(email)),
            primary: None,
        }
    }

    /// An update's removal of the additional address (an empty email).
    pub const fn remove() -> Self {
        AddlEmail {
            email: Some(Str::new("")),
            primary: None,
        }
    }

    /// The same, with `primary` set.
    pub const fn with_primary(mut self, primary: bool) -> Self {
        self.primary = Some(primary);
        self
    }

    /// Whether the address is the primary one (`primary`, `false` when absent).
    pub fn is_primary(&self) -> bool {
        self.primary.unwrap_or(false)
    }

    /// `<addlEmail:addlEmail>` read tolerantly.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(NS, "addlEmail").then_some(())?;
        let element = raw.element()?;
        let email = element.child("email");
        let primary = email
            .and_then(|e| e.attr("primary"))
            .or_else(|| element.attr("primary"))
            .and_then(|p| {
                let p = p.trimmed();
                if p.eq_str("true") || p.eq_str("1") {
                    Some(true)
                } else if p.eq_str("false") || p.eq_str("0") {
                    Some(false)
                } else {
                    None
                }
            });
        Some(AddlEmail {
            email: email.map(|e| e.token()),
            primary,
        })
    }
}

// ----- strict reading, inside read_command -----

/// Reads `<addlEmail:addlEmail>` (`e`, just taken) of a command's
/// `<extension>` strictly: only with a contact create or update.
pub(crate) fn read<'a>(
    r: &mut Reader<'_, 'a>,
    command: &Command<'a>,
    e: Elem<'a>,
) -> Result<(), CommandError<'a>> {
    let fits = e.name.local() == "addlEmail"
        && matches!(
            command,
            Command::Contact(ContactCommand::Create(_) | ContactCommand::Update(_))
        );
    if !fits {
        return Err(r.unexpected(e));
    }
    r.check_attributes(e, &["primary"])?;
    let outer = read_primary(r, e)?;
    let email = r.required(NS, "email")?;
    r.check_attributes(email, &["primary"])?;
    if read_primary(r, email)?.is_some() && outer.is_some() {
        // One element says it; saying it twice is ambiguous.
        return Err(
            CommandError::new(CommandErrorKind::UnexpectedAttribute, email.offset())
                .with_element(email.element_name())
                .with_attribute("primary"),
        );
    }
    let _ = r.token(email)?;
    r.end()
}

fn read_primary<'a>(r: &Reader<'_, 'a>, e: Elem<'a>) -> Result<Option<bool>, CommandError<'a>> {
    match r.attr("primary") {
        Some(p) => check_bool(p, e.element_name(), e.tag)
            .map(Some)
            .map_err(|err| err.with_attribute("primary")),
        None => Ok(None),
    }
}
