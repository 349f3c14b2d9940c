//! Which form an `<authInfo>` takes (RFC 5731 and 5733): a password
//! (`EPP_FIELD_AUTH_PASSWORD`, `EPP_OBJECT_NEW_AUTH_PASSWORD` and
//! `EPP_OBJECT_AUTH_ROID` give it), an `<ext>` of another namespace (raw
//! XML here), or `<null/>` (a domain update's `<chg>` only: remove it).

use std::ffi::c_char;

use epp_codec::view::{AuthInfo, Command, ContactCommand, ContactData, DomainCommand, DomainData};

use crate::message::{EppMessage, ResData, Stored, element_xml, frame_of, handle, string_out};
use crate::{EppResult, guard_value};

/// The form of an `<authInfo>`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppAuthInfoForm {
    /// No `<authInfo>` (or none the accessor applies to).
    None = 0,
    /// `<pw>`: a password.
    Password = 1,
    /// `<ext>`: authorization information of another namespace.
    Ext = 2,
    /// `<null/>`: remove the authorization information.
    Null = 3,
}

/// What an `<authInfo>` holds: the core's value for a command, or the
/// form and raw `<ext>` content for infData.
enum Found<'a> {
    None,
    Command(AuthInfo<'a>),
    Data {
        ext: Option<&'a str>,
        password: bool,
    },
}

fn command_auth<'a>(command: &Command<'a>) -> Option<AuthInfo<'a>> {
    match command {
        Command::Domain(DomainCommand::Create(c)) => Some(c.auth_info()),
        Command::Domain(DomainCommand::Info(c)) => c.auth_info(),
        Command::Domain(DomainCommand::Transfer { transfer, .. }) => transfer.auth_info(),
        Command::Contact(ContactCommand::Create(c)) => Some(c.auth_info()),
        Command::Contact(ContactCommand::Info(c)) => c.auth_info(),
        Command::Contact(ContactCommand::Transfer { transfer, .. }) => transfer.auth_info(),
        _ => None,
    }
}

fn change_auth<'a>(command: &Command<'a>) -> Option<AuthInfo<'a>> {
    match command {
        Command::Domain(DomainCommand::Update(u)) => u.change().and_then(|c| c.auth_info()),
        Command::Contact(ContactCommand::Update(u)) => u.change().and_then(|c| c.auth_info()),
        _ => None,
    }
}

fn found(m: &EppMessage, change: bool) -> Found<'_> {
    match m.view_ref() {
        Stored::Command(r) => {
            let auth = if change {
                change_auth(r.command())
            } else {
                command_auth(r.command())
            };
            auth.map_or(Found::None, Found::Command)
        }
        Stored::Response(_, data) if !change => match data {
            ResData::Domain(DomainData::Info(i)) => Found::Data {
                ext: i.auth_info_ext(),
                password: i.password().is_some(),
            },
            ResData::Contact(ContactData::Info(i)) => Found::Data {
                ext: i.auth_info_ext(),
                password: i.password().is_some(),
            },
            _ => Found::None,
        },
        _ => Found::None,
    }
}

fn form(f: &Found<'_>) -> EppAuthInfoForm {
    match f {
        Found::None => EppAuthInfoForm::None,
        Found::Command(AuthInfo::Password { .. }) => EppAuthInfoForm::Password,
        Found::Command(AuthInfo::Ext(_)) => EppAuthInfoForm::Ext,
        Found::Command(AuthInfo::Null) => EppAuthInfoForm::Null,
        Found::Data { ext: Some(_), .. } => EppAuthInfoForm::Ext,
        Found::Data { password: true, .. } => EppAuthInfoForm::Password,
        Found::Data { .. } => EppAuthInfoForm::None,
    }
}

fn ext_xml(m: &EppMessage, change: bool) -> Result<&str, EppResult> {
    match found(m, change) {
        Found::Command(AuthInfo::Ext(raw)) => Ok(element_xml(&raw, frame_of(m))),
        Found::Data { ext: Some(ext), .. } => Ok(ext),
        _ => Err(EppResult::Absent),
    }
}

/// The form of the `<authInfo>` of a domain or contact create, info or
/// transfer command, or of domain or contact infData.
///
/// # Safety
///
/// `message` must be NULL or a live handle whose last read frame is still
/// alive and unchanged.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_auth_info_form(message: *const EppMessage) -> EppAuthInfoForm {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppAuthInfoForm::None;
    };
    guard_value(EppAuthInfoForm::None, || form(&found(m, false)))
}

/// The form of the new `<authInfo>` of a domain or contact update's `<chg>`.
///
/// # Safety
///
/// As `epp_message_auth_info_form`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_new_auth_info_form(
    message: *const EppMessage,
) -> EppAuthInfoForm {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppAuthInfoForm::None;
    };
    guard_value(EppAuthInfoForm::None, || form(&found(m, true)))
}

/// The `<ext>` form of the `<authInfo>` `epp_message_auth_info_form`
/// describes, raw: for a command, the element inside `<ext>`; for infData,
/// the content of `<ext>`; as written, in `*ptr` and `*len`.
///
/// # Safety
///
/// As `epp_message_auth_info_form`; `ptr` and `len` must be NULL or valid
/// for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_auth_info_ext(
    message: *const EppMessage,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { string_out(message, ptr, len, |m| ext_xml(m, false)) }
}

/// The `<ext>` form of an update's new `<authInfo>`: the element inside
/// `<ext>`, as written, in `*ptr` and `*len`.
///
/// # Safety
///
/// As `epp_message_auth_info_ext`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_new_auth_info_ext(
    message: *const EppMessage,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { string_out(message, ptr, len, |m| ext_xml(m, true)) }
}

#[cfg(test)]
mod tests;
