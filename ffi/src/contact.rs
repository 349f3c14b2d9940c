//! Contact (RFC 5733) accessors: the phones, email, authorization
//! information, postal information and disclosure preference of a
//! `<contact:create>` command, of the `<contact:chg>` of a
//! `<contact:update>`, and of a response's `<contact:infData>`.
//!
//! Strings come out as `epp_message_field` hands them out: raw spans of the
//! frame, with `_unescaped` twins that copy the value into a caller buffer.

use std::ffi::c_char;

use epp_codec::view::command::contact::{Disclose, Phone, PostalInfo, PostalInfoType};
use epp_codec::view::response::ContactData;
use epp_codec::view::{AuthInfo, Command, ContactCommand, List, Str};

use crate::message::{EppMessage, ResData, Stored, handle, string_out, unescaped_out};
use crate::{EppResult, guard, guard_value, non_null};

/// `<contact:voice>`: the number.
pub const EPP_CONTACT_VOICE: u32 = 0;
/// The `x` attribute of `<contact:voice>` (an extension to dial).
pub const EPP_CONTACT_VOICE_EXTENSION: u32 = 1;
/// `<contact:fax>`: the number.
pub const EPP_CONTACT_FAX: u32 = 2;
/// The `x` attribute of `<contact:fax>`.
pub const EPP_CONTACT_FAX_EXTENSION: u32 = 3;
/// `<contact:email>`.
pub const EPP_CONTACT_EMAIL: u32 = 4;
/// `<contact:authInfo><contact:pw>`.
pub const EPP_CONTACT_AUTH_PASSWORD: u32 = 5;
/// The last `EPP_CONTACT_*` number (for loops over every field).
pub const EPP_CONTACT_LAST: u32 = 5;

/// The `type` attribute of `<contact:postalInfo>`: `int` or `loc` (a
/// static string, not a span of the frame).
pub const EPP_POSTAL_TYPE: u32 = 0;
/// `<contact:name>`.
pub const EPP_POSTAL_NAME: u32 = 1;
/// `<contact:org>`.
pub const EPP_POSTAL_ORG: u32 = 2;
/// The first `<contact:street>` line.
pub const EPP_POSTAL_STREET_1: u32 = 3;
/// The second `<contact:street>` line.
pub const EPP_POSTAL_STREET_2: u32 = 4;
/// The third `<contact:street>` line.
pub const EPP_POSTAL_STREET_3: u32 = 5;
/// `<contact:city>`.
pub const EPP_POSTAL_CITY: u32 = 6;
/// `<contact:sp>` (state or province).
pub const EPP_POSTAL_STATE_PROVINCE: u32 = 7;
/// `<contact:pc>` (postal code).
pub const EPP_POSTAL_POSTAL_CODE: u32 = 8;
/// `<contact:cc>` (two-letter country code).
pub const EPP_POSTAL_COUNTRY_CODE: u32 = 9;
/// The last `EPP_POSTAL_*` number (for loops over every field).
pub const EPP_POSTAL_LAST: u32 = 9;

/// `<contact:disclose>`: the flag and the elements it applies to (`int`
/// and `loc` forms of name, org and addr; voice, fax, email).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EppDisclose {
    /// The `flag` attribute: true to disclose, false not to.
    pub flag: bool,
    /// `<contact:name type="int"/>`.
    pub name_int: bool,
    /// `<contact:name type="loc"/>`.
    pub name_loc: bool,
    /// `<contact:org type="int"/>`.
    pub org_int: bool,
    /// `<contact:org type="loc"/>`.
    pub org_loc: bool,
    /// `<contact:addr type="int"/>`.
    pub addr_int: bool,
    /// `<contact:addr type="loc"/>`.
    pub addr_loc: bool,
    /// `<contact:voice/>`.
    pub voice: bool,
    /// `<contact:fax/>`.
    pub fax: bool,
    /// `<contact:email/>`.
    pub email: bool,
}

impl EppDisclose {
    /// The C struct of the core's value.
    pub fn from_core(d: &Disclose) -> Self {
        EppDisclose {
            flag: d.flag,
            name_int: d.name.int,
            name_loc: d.name.loc,
            org_int: d.org.int,
            org_loc: d.org.loc,
            addr_int: d.addr.int,
            addr_loc: d.addr.loc,
            voice: d.voice,
            fax: d.fax,
            email: d.email,
        }
    }

    /// The core's value of the C struct.
    pub fn to_core(&self) -> Disclose {
        use epp_codec::view::command::contact::IntLoc;
        Disclose {
            flag: self.flag,
            name: IntLoc {
                int: self.name_int,
                loc: self.name_loc,
            },
            org: IntLoc {
                int: self.org_int,
                loc: self.org_loc,
            },
            addr: IntLoc {
                int: self.addr_int,
                loc: self.addr_loc,
            },
            voice: self.voice,
            fax: self.fax,
            email: self.email,
        }
    }
}

/// The contact parts of whatever the handle holds, gathered from a create,
/// an update's `<chg>` or infData.
#[derive(Clone, Copy)]
struct ContactParts<'a> {
    postal_infos: List<'a, PostalInfo<'a>>,
    voice: Option<Phone<'a>>,
    fax: Option<Phone<'a>>,
    email: Option<Str<'a>>,
    password: Option<Str<'a>>,
    disclose: Option<Disclose>,
}

fn password(a: Option<AuthInfo<'_>>) -> Option<Str<'_>> {
    match a {
        Some(AuthInfo::Password { password, .. }) => Some(password),
        _ => None,
    }
}

/// The contact parts of the message, `WrongKind` when it has none.
fn parts(m: &EppMessage) -> Result<ContactParts<'_>, EppResult> {
    match m.view() {
        Stored::Command(r) => match *r.command() {
            Command::Contact(ContactCommand::Create(c)) => Ok(ContactParts {
                postal_infos: c.postal_infos(),
                voice: c.voice(),
                fax: c.fax(),
                email: Some(c.email()),
                password: password(Some(c.auth_info())),
                disclose: c.disclose(),
            }),
            Command::Contact(ContactCommand::Update(u)) => {
                let c = u.change().ok_or(EppResult::Absent)?;
                Ok(ContactParts {
                    postal_infos: c.postal_infos(),
                    voice: c.voice(),
                    fax: c.fax(),
                    email: c.email(),
                    password: password(c.auth_info()),
                    disclose: c.disclose(),
                })
            }
            _ => Err(EppResult::WrongKind),
        },
        Stored::Response(_, ResData::Contact(ContactData::Info(i))) => Ok(ContactParts {
            postal_infos: i.postal_infos(),
            voice: i.voice(),
            fax: i.fax(),
            email: i.email(),
            password: i.password(),
            disclose: i.disclose(),
        }),
        _ => Err(EppResult::WrongKind),
    }
}

fn contact_str(m: &EppMessage, field: u32) -> Result<Str<'_>, EppResult> {
    if field > EPP_CONTACT_LAST {
        return Err(EppResult::InvalidArgument);
    }
    let p = parts(m)?;
    let found = match field {
        EPP_CONTACT_VOICE => p.voice.map(|v| v.number()),
        EPP_CONTACT_VOICE_EXTENSION => p.voice.and_then(|v| v.extension()),
        EPP_CONTACT_FAX => p.fax.map(|v| v.number()),
        EPP_CONTACT_FAX_EXTENSION => p.fax.and_then(|v| v.extension()),
        EPP_CONTACT_EMAIL => p.email,
        _ => p.password,
    };
    found.ok_or(EppResult::Absent)
}

/// Contact field `field` (`EPP_CONTACT_*`) of a `<contact:create>`
/// command, of the `<contact:chg>` of a `<contact:update>` command, or of
/// a response's `<contact:infData>`, as written (raw, like
/// `epp_message_field`). `EPP_RESULT_WRONG_KIND` when the message is none
/// of those, `EPP_RESULT_ABSENT` when it lacks the field (or the update
/// has no `<chg>`), `EPP_RESULT_INVALID_ARGUMENT` for an unknown field.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_contact_field(
    message: *const EppMessage,
    field: u32,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            contact_str(m, field).map(|s| s.raw())
        })
    }
}

/// The value of contact field `field`, unescaped into `buf` as
/// `epp_message_field_unescaped` does.
///
/// # Safety
///
/// As `epp_message_field_unescaped`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_contact_field_unescaped(
    message: *const EppMessage,
    field: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { unescaped_out(message, buf, cap, out_len, |m| contact_str(m, field)) }
}

/// The `<contact:disclose>` of a contact create command, of an update's
/// `<contact:chg>` or of contact infData, in `*out`.
/// `EPP_RESULT_ABSENT` when there is none; `EPP_RESULT_WRONG_KIND` when the
/// message is none of those.
///
/// # Safety
///
/// As `epp_message_field`; `out` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_contact_disclose(
    message: *const EppMessage,
    out: *mut EppDisclose,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let d = parts(m)?.disclose.ok_or(EppResult::Absent)?;
        // SAFETY: non-NULL and writable.
        unsafe { out.write(EppDisclose::from_core(&d)) };
        Ok(())
    })
}

/// The number of `<contact:postalInfo>` of a contact create command, of an
/// update's `<contact:chg>` or of contact infData (0 otherwise).
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_postal_info_count(message: *const EppMessage) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || parts(m).map_or(0, |p| p.postal_infos.len()))
}

fn postal_str(m: &EppMessage, index: usize, field: u32) -> Result<Str<'_>, EppResult> {
    if field > EPP_POSTAL_LAST {
        return Err(EppResult::InvalidArgument);
    }
    let info = parts(m)?
        .postal_infos
        .get(index)
        .ok_or(EppResult::IndexOutOfRange)?;
    let address = info.address();
    let found = match field {
        EPP_POSTAL_TYPE => Some(Str::new(match info.info_type() {
            PostalInfoType::Int => "int",
            PostalInfoType::Loc => "loc",
        })),
        EPP_POSTAL_NAME => info.name(),
        EPP_POSTAL_ORG => info.org(),
        EPP_POSTAL_STREET_1..=EPP_POSTAL_STREET_3 => address.and_then(|a| {
            a.streets()
                .get((field - EPP_POSTAL_STREET_1) as usize)
                .map(|s| s.0)
        }),
        // An address read tolerantly may lack city or cc: absent, not "".
        EPP_POSTAL_CITY => address.map(|a| a.city()).filter(|s| !s.raw().is_empty()),
        EPP_POSTAL_STATE_PROVINCE => address.and_then(|a| a.state_province()),
        EPP_POSTAL_POSTAL_CODE => address.and_then(|a| a.postal_code()),
        _ => address
            .map(|a| a.country_code())
            .filter(|s| !s.raw().is_empty()),
    };
    found.ok_or(EppResult::Absent)
}

/// Field `field` (`EPP_POSTAL_*`) of postal information `index` (below
/// `epp_message_postal_info_count`), as written. `EPP_RESULT_ABSENT` when
/// that postal information lacks the field (an update's `<chg>` may give
/// only some), `EPP_RESULT_INDEX_OUT_OF_RANGE` past the count.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_postal_info_field(
    message: *const EppMessage,
    index: usize,
    field: u32,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            postal_str(m, index, field).map(|s| s.raw())
        })
    }
}

/// The value of field `field` of postal information `index`, unescaped
/// into `buf` as `epp_message_field_unescaped` does.
///
/// # Safety
///
/// As `epp_message_field_unescaped`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_postal_info_field_unescaped(
    message: *const EppMessage,
    index: usize,
    field: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { unescaped_out(message, buf, cap, out_len, |m| postal_str(m, index, field)) }
}
