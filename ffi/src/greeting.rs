//! A greeting's data collection policy (`<dcp>`, RFC 5730 §2.4) read
//! through the message handle, and `epp_write_greeting` for a server.
//!
//! The rest of a greeting is read with the general accessors:
//! `EPP_FIELD_SERVER_ID`, `EPP_FIELD_SERVER_DATE` (also as a date-time
//! with `epp_message_field_datetime`), and the lists
//! `EPP_LIST_GREETING_VERSIONS`, `_LANGS`, `_OBJECT_URIS` and
//! `_EXTENSION_URIS`.

use std::ffi::c_char;

use epp_codec::view::response::greeting::{
    Access, Dcp, Expiry, OurRecipient, Purposes, Recipients, Retention, Statement,
};
use epp_codec::view::{List, Str};
use epp_codec::write::{DcpData, GreetingData, StatementData};

use crate::message::{EppDateTime, EppMessage, Stored, handle, string_out};
use crate::write::{EPP_WRITE_MAX_LOGIN_URIS, emit, str_array};
use crate::write_command::EPP_WRITE_MAX_ITEMS;
use crate::{EppResult, EppStr, guard, guard_value, non_null, req_str};

/// `<dcp><access>`: which data the client may see.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppDcpAccess {
    /// No `<dcp>` or no `<access>` (or not a greeting).
    Absent = 0,
    /// `<all/>`.
    All = 1,
    /// `<none/>`.
    NoAccess = 2,
    /// `<null/>`: no personal data is collected.
    Null = 3,
    /// `<personal/>`.
    Personal = 4,
    /// `<personalAndOther/>`.
    PersonalAndOther = 5,
    /// `<other/>`.
    Other = 6,
    /// An element RFC 5730 does not define.
    Unknown = 7,
}

/// `<statement><retention>`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppDcpRetention {
    /// No `<retention>`.
    Absent = 0,
    /// `<business/>`.
    Business = 1,
    /// `<indefinite/>`.
    Indefinite = 2,
    /// `<legal/>`.
    Legal = 3,
    /// `<none/>`.
    NoRetention = 4,
    /// `<stated/>`.
    Stated = 5,
    /// An element RFC 5730 does not define.
    Unknown = 6,
}

/// `<dcp><expiry>`: how the policy expires.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppDcpExpiryKind {
    /// No `<expiry>`.
    Absent = 0,
    /// `<absolute>`: a date-time.
    Absolute = 1,
    /// `<relative>`: an XML Schema duration such as `P1M`.
    Relative = 2,
}

/// `epp_dcp_statement.purposes` bit: `<admin/>`.
pub const EPP_DCP_PURPOSE_ADMIN: u32 = 1;
/// `epp_dcp_statement.purposes` bit: `<contact/>`.
pub const EPP_DCP_PURPOSE_CONTACT: u32 = 2;
/// `epp_dcp_statement.purposes` bit: `<prov/>` (provisioning).
pub const EPP_DCP_PURPOSE_PROVISIONING: u32 = 4;
/// `epp_dcp_statement.purposes` bit: `<other/>`.
pub const EPP_DCP_PURPOSE_OTHER: u32 = 8;

/// `epp_dcp_statement.recipients` bit: `<other/>`.
pub const EPP_DCP_RECIPIENT_OTHER: u32 = 1;
/// `epp_dcp_statement.recipients` bit: `<ours>` (its `<recDesc>`s through
/// `epp_message_dcp_recipient_description`).
pub const EPP_DCP_RECIPIENT_OURS: u32 = 2;
/// `epp_dcp_statement.recipients` bit: `<public/>`.
pub const EPP_DCP_RECIPIENT_PUBLIC: u32 = 4;
/// `epp_dcp_statement.recipients` bit: `<same/>`.
pub const EPP_DCP_RECIPIENT_SAME: u32 = 8;
/// `epp_dcp_statement.recipients` bit: `<unrelated/>`.
pub const EPP_DCP_RECIPIENT_UNRELATED: u32 = 16;

/// One `<statement>` of a data collection policy.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EppDcpStatement {
    /// `EPP_DCP_PURPOSE_*` bits.
    pub purposes: u32,
    /// `EPP_DCP_RECIPIENT_*` bits.
    pub recipients: u32,
    /// `<retention>`.
    pub retention: EppDcpRetention,
}

fn dcp(m: &EppMessage) -> Result<Dcp<'_>, EppResult> {
    match m.view_ref() {
        Stored::Greeting(g) => g.dcp().ok_or(EppResult::Absent),
        _ => Err(EppResult::WrongKind),
    }
}

fn statement(m: &EppMessage, index: usize) -> Result<Statement<'_>, EppResult> {
    dcp(m)?
        .statements()
        .get(index)
        .ok_or(EppResult::IndexOutOfRange)
}

fn purpose_bits(p: Purposes) -> u32 {
    [
        (p.admin, EPP_DCP_PURPOSE_ADMIN),
        (p.contact, EPP_DCP_PURPOSE_CONTACT),
        (p.provisioning, EPP_DCP_PURPOSE_PROVISIONING),
        (p.other, EPP_DCP_PURPOSE_OTHER),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .fold(0, |bits, (_, bit)| bits | bit)
}

fn recipient_bits(r: Recipients) -> u32 {
    [
        (r.other, EPP_DCP_RECIPIENT_OTHER),
        (r.ours, EPP_DCP_RECIPIENT_OURS),
        (r.public, EPP_DCP_RECIPIENT_PUBLIC),
        (r.same, EPP_DCP_RECIPIENT_SAME),
        (r.unrelated, EPP_DCP_RECIPIENT_UNRELATED),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .fold(0, |bits, (_, bit)| bits | bit)
}

const ACCESS: [(EppDcpAccess, Access<'static>); 6] = [
    (EppDcpAccess::All, Access::All),
    (EppDcpAccess::NoAccess, Access::None),
    (EppDcpAccess::Null, Access::Null),
    (EppDcpAccess::Personal, Access::Personal),
    (EppDcpAccess::PersonalAndOther, Access::PersonalAndOther),
    (EppDcpAccess::Other, Access::Other),
];

const RETENTION: [(EppDcpRetention, Retention<'static>); 5] = [
    (EppDcpRetention::Business, Retention::Business),
    (EppDcpRetention::Indefinite, Retention::Indefinite),
    (EppDcpRetention::Legal, Retention::Legal),
    (EppDcpRetention::NoRetention, Retention::None),
    (EppDcpRetention::Stated, Retention::Stated),
];

/// The `<access>` of a greeting's data collection policy
/// (`EPP_DCP_ACCESS_ABSENT` for a NULL handle, a message that is not a
/// greeting, or a greeting without one).
///
/// # Safety
///
/// `message` must be NULL or a live handle whose last read frame is still
/// alive and unchanged.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_dcp_access(message: *const EppMessage) -> EppDcpAccess {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppDcpAccess::Absent;
    };
    guard_value(EppDcpAccess::Absent, || match dcp(m).map(|d| d.access()) {
        Ok(Some(a)) => ACCESS
            .iter()
            .find(|(_, core)| *core == a)
            .map_or(EppDcpAccess::Unknown, |(c, _)| *c),
        _ => EppDcpAccess::Absent,
    })
}

/// The number of `<statement>`s of a greeting's data collection policy (0
/// for a NULL handle or a message that is not a greeting).
///
/// # Safety
///
/// As `epp_message_dcp_access`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_dcp_statement_count(message: *const EppMessage) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || dcp(m).map_or(0, |d| d.statements().len()))
}

/// Statement `index` of a greeting's data collection policy, stored in
/// `*out`: its purposes, recipients and retention.
///
/// # Safety
///
/// As `epp_message_dcp_access`; `out` must be NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_dcp_statement(
    message: *const EppMessage,
    index: usize,
    out: *mut EppDcpStatement,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let s = statement(m, index)?;
        let retention = match s.retention() {
            None => EppDcpRetention::Absent,
            Some(r) => RETENTION
                .iter()
                .find(|(_, core)| *core == r)
                .map_or(EppDcpRetention::Unknown, |(c, _)| *c),
        };
        let value = EppDcpStatement {
            purposes: purpose_bits(s.purposes()),
            recipients: recipient_bits(s.recipients()),
            retention,
        };
        // SAFETY: non-NULL and writable.
        unsafe { out.write(value) };
        Ok(())
    })
}

/// The number of `<ours><recDesc>` descriptions of statement `index` (0
/// when it has none, for a NULL handle or a message that is not a
/// greeting).
///
/// # Safety
///
/// As `epp_message_dcp_access`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_dcp_recipient_description_count(
    message: *const EppMessage,
    index: usize,
) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || {
        statement(m, index).map_or(0, |s| s.our_recipient_descriptions().count())
    })
}

/// Description `description` (a `<recDesc>` of `<ours>`) of statement
/// `index`, as written, stored in `*ptr` and `*len`.
///
/// # Safety
///
/// As `epp_message_dcp_access`; `ptr` and `len` must be NULL or valid for
/// writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_dcp_recipient_description(
    message: *const EppMessage,
    index: usize,
    description: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            statement(m, index)?
                .our_recipient_descriptions()
                .nth(description)
                .map(|s| s.raw())
                .ok_or(EppResult::IndexOutOfRange)
        })
    }
}

/// The `<expiry>` of a greeting's data collection policy: its kind in
/// `*kind`, its text as written (a date-time or a duration) in `*ptr` and
/// `*len`; `EPP_RESULT_ABSENT` without one.
///
/// # Safety
///
/// As `epp_message_dcp_access`; `kind`, `ptr` and `len` must be NULL or
/// valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_dcp_expiry(
    message: *const EppMessage,
    kind: *mut EppDcpExpiryKind,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(kind)?;
        let mut found = EppDcpExpiryKind::Absent;
        // SAFETY: forwarded from the caller.
        let r = unsafe {
            string_out(message, ptr, len, |m| match dcp(m)?.expiry() {
                Some(Expiry::Absolute(s)) => {
                    found = EppDcpExpiryKind::Absolute;
                    Ok(s.raw())
                }
                Some(Expiry::Relative(s)) => {
                    found = EppDcpExpiryKind::Relative;
                    Ok(s.raw())
                }
                _ => Err(EppResult::Absent),
            })
        };
        if r == EppResult::Ok {
            // SAFETY: non-NULL and writable (caller's contract).
            unsafe { kind.write(found) };
        }
        match r {
            EppResult::Ok => Ok(()),
            e => Err(e),
        }
    })
}

/// The absolute `<expiry>` of a greeting's data collection policy as a
/// date-time, stored in `*out`: `EPP_RESULT_ABSENT` without an absolute
/// expiry, `EPP_RESULT_INVALID_VALUE` when it is not RFC 3339.
///
/// # Safety
///
/// As `epp_message_dcp_access`; `out` must be NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_dcp_expiry_datetime(
    message: *const EppMessage,
    out: *mut EppDateTime,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let expiry = dcp(m)?.expiry().ok_or(EppResult::Absent)?;
        if !matches!(expiry, Expiry::Absolute(_)) {
            return Err(EppResult::Absent);
        }
        let t = expiry.absolute().ok_or(EppResult::InvalidValue)?;
        // SAFETY: non-NULL and writable.
        unsafe { out.write(EppDateTime::from(t)) };
        Ok(())
    })
}

/// One `<statement>` of a policy to write.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppDcpStatementIn {
    /// `EPP_DCP_PURPOSE_*` bits (at least one).
    pub purposes: u32,
    /// `EPP_DCP_RECIPIENT_*` bits (at least one).
    pub recipients: u32,
    /// `<ours><recDesc>` descriptions, each written in its own `<ours>`
    /// (may be NULL when the count is 0; needs `EPP_DCP_RECIPIENT_OURS`).
    pub recipient_descriptions: *const EppStr,
    /// The number of `recipient_descriptions`.
    pub recipient_description_count: usize,
    /// `<retention>`: an `epp_dcp_retention` value other than `_UNKNOWN`
    /// (`_ABSENT` leaves it out).
    pub retention: u32,
}

/// A data collection policy to write.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppDcpIn {
    /// `<access>`: an `epp_dcp_access` value other than `_ABSENT` and
    /// `_UNKNOWN`.
    pub access: u32,
    /// The `<statement>`s: 1 to `EPP_WRITE_MAX_ITEMS`.
    pub statements: *const EppDcpStatementIn,
    /// The number of `statements`.
    pub statement_count: usize,
    /// `<expiry>`: an `epp_dcp_expiry_kind` value.
    pub expiry_kind: u32,
    /// The expiry's text (a date-time or a duration), or `{NULL, 0}` when
    /// `expiry_kind` is `_ABSENT`.
    pub expiry: EppStr,
}

fn purposes(bits: u32) -> Result<Purposes, EppResult> {
    if bits == 0 || bits & !0xF != 0 {
        return Err(EppResult::InvalidArgument);
    }
    Ok(Purposes {
        admin: bits & EPP_DCP_PURPOSE_ADMIN != 0,
        contact: bits & EPP_DCP_PURPOSE_CONTACT != 0,
        provisioning: bits & EPP_DCP_PURPOSE_PROVISIONING != 0,
        other: bits & EPP_DCP_PURPOSE_OTHER != 0,
    })
}

fn recipients(bits: u32) -> Result<Recipients, EppResult> {
    if bits == 0 || bits & !0x1F != 0 {
        return Err(EppResult::InvalidArgument);
    }
    Ok(Recipients {
        other: bits & EPP_DCP_RECIPIENT_OTHER != 0,
        ours: bits & EPP_DCP_RECIPIENT_OURS != 0,
        public: bits & EPP_DCP_RECIPIENT_PUBLIC != 0,
        same: bits & EPP_DCP_RECIPIENT_SAME != 0,
        unrelated: bits & EPP_DCP_RECIPIENT_UNRELATED != 0,
    })
}

/// Writes a greeting (RFC 5730 §2.4): the server's name and date, its
/// service menu (versions, languages, object and extension URIs, at most
/// `EPP_WRITE_MAX_LOGIN_URIS` each; at least one version, language and
/// object URI) and its data collection policy. Then the four parameters of
/// `epp_write_response`.
///
/// # Safety
///
/// Every `epp_str` must point to `len` readable bytes; each array must be
/// NULL or hold its count; `dcp` must be NULL or point to a readable
/// `epp_dcp_in` whose arrays hold their counts; `buf` must be NULL or hold
/// `cap` writable bytes; `out_len` must be NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_greeting(
    server_id: EppStr,
    server_date: EppStr,
    versions: *const EppStr,
    version_count: usize,
    langs: *const EppStr,
    lang_count: usize,
    object_uris: *const EppStr,
    object_count: usize,
    extension_uris: *const EppStr,
    extension_count: usize,
    dcp: *const EppDcpIn,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(dcp)?;
        non_null(out_len)?;
        if version_count == 0 || lang_count == 0 || object_count == 0 {
            return Err(EppResult::InvalidArgument);
        }
        let mut v = [Str::new(""); EPP_WRITE_MAX_LOGIN_URIS];
        let mut l = [Str::new(""); EPP_WRITE_MAX_LOGIN_URIS];
        let mut o = [Str::new(""); EPP_WRITE_MAX_LOGIN_URIS];
        let mut e = [Str::new(""); EPP_WRITE_MAX_LOGIN_URIS];
        // One pool for the recipient descriptions of every statement.
        let mut descriptions = [Str::new(""); EPP_WRITE_MAX_ITEMS];
        let mut ours = [OurRecipient::new(None); EPP_WRITE_MAX_ITEMS];
        let empty = StatementData {
            purposes: Purposes::default(),
            recipients: Recipients::default(),
            ours: List::empty(),
            retention: None,
        };
        let mut statements = [empty; EPP_WRITE_MAX_ITEMS];
        // SAFETY: caller's contract for every pointer.
        unsafe {
            let n_v = str_array(versions, version_count, &mut v)?;
            let n_l = str_array(langs, lang_count, &mut l)?;
            let n_o = str_array(object_uris, object_count, &mut o)?;
            let n_e = str_array(extension_uris, extension_count, &mut e)?;
            let d = &*dcp;
            let access = ACCESS
                .iter()
                .find(|(c, _)| *c as u32 == d.access)
                .map(|(_, core)| *core)
                .ok_or(EppResult::InvalidArgument)?;
            if d.statement_count == 0 || d.statement_count > EPP_WRITE_MAX_ITEMS {
                return Err(EppResult::InvalidArgument);
            }
            non_null(d.statements)?;
            let given = std::slice::from_raw_parts(d.statements, d.statement_count);
            let mut ranges = [(0usize, 0usize); EPP_WRITE_MAX_ITEMS];
            let mut at = 0;
            for (s, range) in given.iter().zip(ranges.iter_mut()) {
                let n = str_array(
                    s.recipient_descriptions,
                    s.recipient_description_count,
                    &mut descriptions[at..],
                )?;
                if n > 0 && s.recipients & EPP_DCP_RECIPIENT_OURS == 0 {
                    return Err(EppResult::InvalidArgument);
                }
                *range = (at, at + n);
                at += n;
            }
            for (slot, description) in ours.iter_mut().zip(&descriptions[..at]) {
                *slot = OurRecipient::new(Some(*description));
            }
            let ours: &[OurRecipient<'_>] = &ours;
            for ((s, range), slot) in given.iter().zip(ranges).zip(statements.iter_mut()) {
                let retention = if s.retention == EppDcpRetention::Absent as u32 {
                    None
                } else {
                    Some(
                        RETENTION
                            .iter()
                            .find(|(c, _)| *c as u32 == s.retention)
                            .map(|(_, core)| *core)
                            .ok_or(EppResult::InvalidArgument)?,
                    )
                };
                *slot = StatementData {
                    purposes: purposes(s.purposes)?,
                    recipients: recipients(s.recipients)?,
                    ours: List::from_slice(&ours[range.0..range.1]),
                    retention,
                };
            }
            let expiry_text = crate::opt_str(d.expiry)?.map(Str::new);
            let expiry = match (d.expiry_kind, expiry_text) {
                (k, None) if k == EppDcpExpiryKind::Absent as u32 => None,
                (k, Some(t)) if k == EppDcpExpiryKind::Absolute as u32 => Some(Expiry::Absolute(t)),
                (k, Some(t)) if k == EppDcpExpiryKind::Relative as u32 => Some(Expiry::Relative(t)),
                _ => return Err(EppResult::InvalidArgument),
            };
            let greeting = GreetingData {
                server_id: req_str(server_id)?,
                server_date: req_str(server_date)?,
                versions: &v[..n_v],
                langs: &l[..n_l],
                object_uris: &o[..n_o],
                extension_uris: &e[..n_e],
                dcp: DcpData {
                    access,
                    statements: &statements[..given.len()],
                    expiry,
                },
            };
            emit(&greeting, flags, buf, cap, out_len)
        }
    })
}

#[cfg(test)]
mod tests;
