//! Object (domain, host) parts that `epp_message_field` and
//! `epp_message_list_item` do not reach: periods, the IP version of host
//! addresses, domain name servers given as `<domain:hostAttr>` with their
//! addresses, the `<chg>` of updates, authInfo `roid`s, the transfer
//! and pending-action data of responses, and the text and language of
//! statuses.

use std::ffi::c_char;

use epp_codec::view::command::domain::{HostAttr, NameServers, RegistrantChange};
use epp_codec::view::command::host::Address;
use epp_codec::view::response::object::{PendingData, TransferData};
use epp_codec::view::{
    AuthInfo, Command, ContactData, DateTime, DomainCommand, DomainData, HostCommand, HostData,
    IpVersion, List, PeriodUnit, Str,
};

use crate::message::{
    EPP_LIST_ADDRESSES, EPP_LIST_ADDRESSES_ADD, EPP_LIST_ADDRESSES_REMOVE, EPP_LIST_NAME_SERVERS,
    EPP_LIST_NAME_SERVERS_ADD, EPP_LIST_NAME_SERVERS_REMOVE, EPP_LIST_STATUSES,
    EPP_LIST_STATUSES_ADD, EPP_LIST_STATUSES_REMOVE, EppDateTime, EppMessage, ResData, Stored,
    handle, string_out, unescaped_out,
};
use crate::{EppResult, guard, guard_value, non_null};

/// The unit of a registration period.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppPeriodUnit {
    /// No period.
    None = 0,
    /// `unit="y"`: years.
    Years = 1,
    /// `unit="m"`: months.
    Months = 2,
}

/// A registration period: `value` units (1 to 99).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EppPeriod {
    /// How many units, 1 to 99.
    pub value: u32,
    /// Years or months.
    pub unit: EppPeriodUnit,
}

/// The version of an IP address (the `ip` attribute; `v4` when absent).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppIpVersion {
    /// No such address.
    None = 0,
    /// IPv4.
    V4 = 4,
    /// IPv6.
    V6 = 6,
}

impl EppIpVersion {
    fn of(v: IpVersion) -> Self {
        match v {
            IpVersion::V4 => EppIpVersion::V4,
            IpVersion::V6 => EppIpVersion::V6,
        }
    }
}

/// How a `<domain:ns>` names its servers.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppNameServerForm {
    /// No `<domain:ns>` here.
    None = 0,
    /// `<domain:hostObj>`s: names of host objects.
    HostObjects = 1,
    /// `<domain:hostAttr>`s: names with their addresses.
    HostAttributes = 2,
}

/// The `<period>` of a domain create, renew or transfer request command,
/// in `*out`. `EPP_RESULT_ABSENT` when the command gives none (the
/// server's default), `EPP_RESULT_WRONG_KIND` for any other message.
///
/// # Safety
///
/// As `epp_message_field`; `out` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_period(
    message: *const EppMessage,
    out: *mut EppPeriod,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let period = match *m.request()?.command() {
            Command::Domain(DomainCommand::Create(c)) => c.period(),
            Command::Domain(DomainCommand::Renew(c)) => c.period(),
            Command::Domain(DomainCommand::Transfer { transfer, .. }) => transfer.period(),
            _ => return Err(EppResult::WrongKind),
        }
        .ok_or(EppResult::Absent)?;
        let value = EppPeriod {
            value: u32::from(period.value),
            unit: match period.unit {
                PeriodUnit::Years => EppPeriodUnit::Years,
                PeriodUnit::Months => EppPeriodUnit::Months,
            },
        };
        // SAFETY: non-NULL and writable.
        unsafe { out.write(value) };
        Ok(())
    })
}

/// The host addresses of list `list` (`EPP_LIST_ADDRESSES`, `_ADD`,
/// `_REMOVE`) of the message.
fn addresses(m: &EppMessage, list: u32) -> Result<List<'_, Address<'_>>, EppResult> {
    let empty = List::empty();
    Ok(match (m.view(), list) {
        (Stored::Command(r), _) => match (*r.command(), list) {
            (Command::Host(HostCommand::Create(c)), EPP_LIST_ADDRESSES) => c.addresses(),
            (Command::Host(HostCommand::Update(u)), EPP_LIST_ADDRESSES_ADD) => u.add().addresses(),
            (Command::Host(HostCommand::Update(u)), EPP_LIST_ADDRESSES_REMOVE) => {
                u.remove().addresses()
            }
            _ => empty,
        },
        (Stored::Response(_, ResData::Host(HostData::Info(i))), EPP_LIST_ADDRESSES) => {
            i.addresses()
        }
        (Stored::Response(..), _) => empty,
        _ => return Err(EppResult::WrongKind),
    })
}

/// The IP version of item `index` of an address list (`EPP_LIST_ADDRESSES`,
/// `EPP_LIST_ADDRESSES_ADD`, `EPP_LIST_ADDRESSES_REMOVE`: host create and
/// update commands, host infData). `EPP_IP_VERSION_NONE` past the count,
/// for another list, or for NULL.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_address_version(
    message: *const EppMessage,
    list: u32,
    index: usize,
) -> EppIpVersion {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppIpVersion::None;
    };
    guard_value(EppIpVersion::None, || {
        addresses(m, list)
            .ok()
            .and_then(|l| l.get(index))
            .map_or(EppIpVersion::None, |a| EppIpVersion::of(a.version()))
    })
}

/// The `<domain:ns>` of list `list` (`EPP_LIST_NAME_SERVERS`, `_ADD`,
/// `_REMOVE`).
fn name_servers(m: &EppMessage, list: u32) -> Result<Option<NameServers<'_>>, EppResult> {
    Ok(match m.view() {
        Stored::Command(r) => match (*r.command(), list) {
            (Command::Domain(DomainCommand::Create(c)), EPP_LIST_NAME_SERVERS) => c.ns(),
            (Command::Domain(DomainCommand::Update(u)), EPP_LIST_NAME_SERVERS_ADD) => {
                u.add().and_then(|p| p.ns())
            }
            (Command::Domain(DomainCommand::Update(u)), EPP_LIST_NAME_SERVERS_REMOVE) => {
                u.remove().and_then(|p| p.ns())
            }
            _ => None,
        },
        Stored::Response(_, ResData::Domain(DomainData::Info(i)))
            if list == EPP_LIST_NAME_SERVERS =>
        {
            i.ns()
        }
        Stored::Response(..) => None,
        _ => return Err(EppResult::WrongKind),
    })
}

/// How list `list` (`EPP_LIST_NAME_SERVERS`, `_ADD`, `_REMOVE`) gives its
/// name servers: as host objects or as host attributes (whose addresses
/// `epp_message_name_server_address` reads). `EPP_NAME_SERVER_FORM_NONE`
/// when the message has no such `<domain:ns>`.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_name_server_form(
    message: *const EppMessage,
    list: u32,
) -> EppNameServerForm {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppNameServerForm::None;
    };
    guard_value(EppNameServerForm::None, || match name_servers(m, list) {
        Ok(Some(NameServers::HostObjs(_))) => EppNameServerForm::HostObjects,
        Ok(Some(NameServers::HostAttrs(_))) => EppNameServerForm::HostAttributes,
        _ => EppNameServerForm::None,
    })
}

fn host_attr(m: &EppMessage, list: u32, index: usize) -> Result<HostAttr<'_>, EppResult> {
    match name_servers(m, list)? {
        Some(NameServers::HostAttrs(l)) => l.get(index).ok_or(EppResult::IndexOutOfRange),
        Some(NameServers::HostObjs(l)) if index < l.len() => Ok(HostAttr::new("", &[])),
        _ => Err(EppResult::IndexOutOfRange),
    }
}

/// The number of `<domain:hostAddr>` of name server `index` of list
/// `list` (`EPP_LIST_NAME_SERVERS`, `_ADD`, `_REMOVE`): 0 for a host
/// object, past the count, or for NULL.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_name_server_address_count(
    message: *const EppMessage,
    list: u32,
    index: usize,
) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || {
        host_attr(m, list, index).map_or(0, |h| h.addresses().len())
    })
}

/// Address `address` of name server `index` of list `list` (a
/// `<domain:hostAttr>`), as written, with its IP version in `*version`.
/// `EPP_RESULT_INDEX_OUT_OF_RANGE` past either count.
///
/// # Safety
///
/// As `epp_message_field`; `version` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_name_server_address(
    message: *const EppMessage,
    list: u32,
    index: usize,
    address: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
    version: *mut EppIpVersion,
) -> EppResult {
    if version.is_null() {
        return EppResult::NullArgument;
    }
    let mut found = EppIpVersion::None;
    // SAFETY: forwarded from the caller.
    let r = unsafe {
        string_out(message, ptr, len, |m| {
            let a = host_attr(m, list, index)?
                .addresses()
                .get(address)
                .ok_or(EppResult::IndexOutOfRange)?;
            found = EppIpVersion::of(a.version());
            Ok(a.raw().raw())
        })
    };
    if r == EppResult::Ok {
        // SAFETY: non-NULL (checked above) and writable (caller's contract).
        unsafe { version.write(found) };
    }
    r
}

/// The new host name of a host update's `<host:chg>`.
pub const EPP_OBJECT_NEW_NAME: u32 = 0;
/// The new registrant of a domain update's `<domain:chg>` (empty for
/// `<domain:registrant/>`, which removes it).
pub const EPP_OBJECT_NEW_REGISTRANT: u32 = 1;
/// The new `<authInfo><pw>` of a domain or contact update's `<chg>`.
pub const EPP_OBJECT_NEW_AUTH_PASSWORD: u32 = 2;
/// The `roid` attribute of `<authInfo><pw>` (domain create, info and
/// transfer commands, contact info and transfer commands, domain infData).
pub const EPP_OBJECT_AUTH_ROID: u32 = 3;
/// The `hosts` attribute of a domain info command, as written.
pub const EPP_OBJECT_HOSTS_FILTER: u32 = 4;
/// trnData `<trStatus>`.
pub const EPP_OBJECT_TRANSFER_STATUS: u32 = 5;
/// trnData `<reID>`: the requesting client.
pub const EPP_OBJECT_REQUESTER_ID: u32 = 6;
/// trnData `<reDate>`, as written.
pub const EPP_OBJECT_REQUESTED: u32 = 7;
/// trnData `<acID>`: the client that must act.
pub const EPP_OBJECT_ACTOR_ID: u32 = 8;
/// trnData `<acDate>`, as written.
pub const EPP_OBJECT_ACTION_DUE: u32 = 9;
/// Domain trnData `<exDate>`, as written.
pub const EPP_OBJECT_TRANSFER_EXPIRES: u32 = 10;
/// panData `paResult`: `1` or `0` (static strings).
pub const EPP_OBJECT_PENDING_RESULT: u32 = 11;
/// panData `<paTRID><clTRID>`.
pub const EPP_OBJECT_PENDING_CL_TRID: u32 = 12;
/// panData `<paTRID><svTRID>`.
pub const EPP_OBJECT_PENDING_SV_TRID: u32 = 13;
/// panData `<paDate>`, as written.
pub const EPP_OBJECT_PENDING_DATE: u32 = 14;
/// The last `EPP_OBJECT_*` number (for loops over every field).
pub const EPP_OBJECT_LAST: u32 = 14;

fn auth<'a>(a: Option<AuthInfo<'a>>, roid: bool) -> Option<Str<'a>> {
    match a {
        Some(AuthInfo::Password { password, roid: r }) => {
            if roid {
                r
            } else {
                Some(password)
            }
        }
        _ => None,
    }
}

fn command_object_str<'a>(command: &Command<'a>, field: u32) -> Option<Str<'a>> {
    use epp_codec::view::ContactCommand as C;
    match (field, *command) {
        (EPP_OBJECT_NEW_NAME, Command::Host(HostCommand::Update(u))) => u.new_name(),
        (EPP_OBJECT_NEW_REGISTRANT, Command::Domain(DomainCommand::Update(u))) => {
            match u.change()?.registrant()? {
                RegistrantChange::Set(id) => Some(id),
                RegistrantChange::Remove => Some(Str::new("")),
            }
        }
        (EPP_OBJECT_NEW_AUTH_PASSWORD, Command::Domain(DomainCommand::Update(u))) => {
            auth(u.change()?.auth_info(), false)
        }
        (EPP_OBJECT_NEW_AUTH_PASSWORD, Command::Contact(C::Update(u))) => {
            auth(u.change()?.auth_info(), false)
        }
        (EPP_OBJECT_AUTH_ROID, c) => match c {
            Command::Domain(DomainCommand::Create(c)) => auth(Some(c.auth_info()), true),
            Command::Domain(DomainCommand::Info(c)) => auth(c.auth_info(), true),
            Command::Domain(DomainCommand::Transfer { transfer, .. }) => {
                auth(transfer.auth_info(), true)
            }
            Command::Contact(C::Info(c)) => auth(c.auth_info(), true),
            Command::Contact(C::Transfer { transfer, .. }) => auth(transfer.auth_info(), true),
            _ => None,
        },
        (EPP_OBJECT_HOSTS_FILTER, Command::Domain(DomainCommand::Info(c))) => c.hosts_raw(),
        _ => None,
    }
}

fn transfer_str<'a>(t: &TransferData<'a>, field: u32) -> Option<Str<'a>> {
    match field {
        EPP_OBJECT_TRANSFER_STATUS => t.status_raw(),
        EPP_OBJECT_REQUESTER_ID => t.requester(),
        EPP_OBJECT_REQUESTED => t.requested().map(|d| d.raw()),
        EPP_OBJECT_ACTOR_ID => t.actor(),
        EPP_OBJECT_ACTION_DUE => t.action_due().map(|d| d.raw()),
        EPP_OBJECT_TRANSFER_EXPIRES => t.expires().map(|d| d.raw()),
        _ => None,
    }
}

fn pending_str<'a>(p: &PendingData<'a>, field: u32) -> Option<Str<'a>> {
    match field {
        EPP_OBJECT_PENDING_RESULT => p.result().map(|r| Str::new(if r { "1" } else { "0" })),
        EPP_OBJECT_PENDING_CL_TRID => p.transaction().and_then(|t| t.cl_trid),
        EPP_OBJECT_PENDING_SV_TRID => p.transaction().and_then(|t| t.sv_trid),
        EPP_OBJECT_PENDING_DATE => p.date().map(|d| d.raw()),
        _ => None,
    }
}

fn response_object_str<'a>(data: &ResData<'a>, field: u32) -> Option<Str<'a>> {
    match data {
        ResData::Domain(DomainData::Transfer(t)) | ResData::Contact(ContactData::Transfer(t)) => {
            transfer_str(t, field)
        }
        ResData::Domain(DomainData::Pending(p))
        | ResData::Host(HostData::Pending(p))
        | ResData::Contact(ContactData::Pending(p)) => pending_str(p, field),
        ResData::Domain(DomainData::Info(i)) if field == EPP_OBJECT_AUTH_ROID => i.password_roid(),
        _ => None,
    }
}

fn object_str(m: &EppMessage, field: u32) -> Result<Str<'_>, EppResult> {
    if field > EPP_OBJECT_LAST {
        return Err(EppResult::InvalidArgument);
    }
    let found = match m.view() {
        Stored::Command(r) => command_object_str(r.command(), field),
        Stored::Response(_, d) => response_object_str(&d, field),
        _ => return Err(EppResult::WrongKind),
    };
    found.ok_or(EppResult::Absent)
}

/// Object field `field` (`EPP_OBJECT_*`) of the message, as written (raw,
/// like `epp_message_field`). `EPP_RESULT_ABSENT` when this message has no
/// such field, `EPP_RESULT_INVALID_ARGUMENT` for an unknown number,
/// `EPP_RESULT_WRONG_KIND` when the handle holds neither a command nor a
/// response.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_object_field(
    message: *const EppMessage,
    field: u32,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { string_out(message, ptr, len, |m| object_str(m, field).map(|s| s.raw())) }
}

/// The value of object field `field`, unescaped into `buf` as
/// `epp_message_field_unescaped` does.
///
/// # Safety
///
/// As `epp_message_field_unescaped`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_object_field_unescaped(
    message: *const EppMessage,
    field: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { unescaped_out(message, buf, cap, out_len, |m| object_str(m, field)) }
}

/// The `(lang, text)` of status `index` of list `list` (`EPP_LIST_STATUSES`
/// of infData, `EPP_LIST_STATUSES_ADD`/`_REMOVE` of an update command).
fn status_at(
    m: &EppMessage,
    list: u32,
    index: usize,
) -> Result<(Option<Str<'_>>, Str<'_>), EppResult> {
    use epp_codec::view::ContactCommand as C;
    use epp_codec::view::ContactData as CD;
    let add = list == EPP_LIST_STATUSES_ADD;
    let none = || EppResult::IndexOutOfRange;
    match m.view() {
        Stored::Command(r) if add || list == EPP_LIST_STATUSES_REMOVE => match *r.command() {
            Command::Domain(DomainCommand::Update(u)) => {
                let part = if add { u.add() } else { u.remove() };
                let s = part
                    .and_then(|p| p.statuses().get(index))
                    .ok_or_else(none)?;
                Ok((s.lang(), s.text()))
            }
            Command::Host(HostCommand::Update(u)) => {
                let part = if add { u.add() } else { u.remove() };
                let s = part.statuses().get(index).ok_or_else(none)?;
                Ok((s.lang(), s.text()))
            }
            Command::Contact(C::Update(u)) => {
                let part = if add { u.add() } else { u.remove() };
                let s = part.and_then(|l| l.get(index)).ok_or_else(none)?;
                Ok((s.lang(), s.text()))
            }
            _ => Err(none()),
        },
        Stored::Response(_, d) if list == EPP_LIST_STATUSES => match d {
            ResData::Domain(DomainData::Info(i)) => {
                let s = i.statuses().get(index).ok_or_else(none)?;
                Ok((s.lang(), s.text()))
            }
            ResData::Host(HostData::Info(i)) => {
                let s = i.statuses().get(index).ok_or_else(none)?;
                Ok((s.lang(), s.text()))
            }
            ResData::Contact(CD::Info(i)) => {
                let s = i.statuses().get(index).ok_or_else(none)?;
                Ok((s.lang(), s.text()))
            }
            _ => Err(none()),
        },
        Stored::Command(_) | Stored::Response(..) => Err(none()),
        _ => Err(EppResult::WrongKind),
    }
}

fn status_text(m: &EppMessage, list: u32, index: usize) -> Result<Str<'_>, EppResult> {
    let (_, text) = status_at(m, list, index)?;
    if text.raw().is_empty() {
        Err(EppResult::Absent)
    } else {
        Ok(text)
    }
}

/// The human-readable text of status `index` of list `list`
/// (`EPP_LIST_STATUSES` of infData, `EPP_LIST_STATUSES_ADD` or
/// `_REMOVE` of a domain, host or contact update), as written.
/// `EPP_RESULT_ABSENT` when the status has no text,
/// `EPP_RESULT_INDEX_OUT_OF_RANGE` past the list's count.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_status_text(
    message: *const EppMessage,
    list: u32,
    index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            status_text(m, list, index).map(|s| s.raw())
        })
    }
}

/// The text of status `index` of list `list`, unescaped into `buf` as
/// `epp_message_field_unescaped` does.
///
/// # Safety
///
/// As `epp_message_field_unescaped`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_status_text_unescaped(
    message: *const EppMessage,
    list: u32,
    index: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { unescaped_out(message, buf, cap, out_len, |m| status_text(m, list, index)) }
}

/// The `lang` attribute of status `index` of list `list`
/// (`EPP_RESULT_ABSENT` without one; the schema's default is `en`).
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_status_lang(
    message: *const EppMessage,
    list: u32,
    index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            let (lang, _) = status_at(m, list, index)?;
            lang.map(|s| s.raw()).ok_or(EppResult::Absent)
        })
    }
}

/// Object field `field` (a date-time one: `EPP_OBJECT_REQUESTED`,
/// `_ACTION_DUE`, `_TRANSFER_EXPIRES`, `_PENDING_DATE`) parsed into
/// `*out`, as `epp_message_field_datetime` does.
/// `EPP_RESULT_INVALID_VALUE` when its text is not an RFC 3339 date-time.
///
/// # Safety
///
/// As `epp_message_field`; `out` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_object_field_datetime(
    message: *const EppMessage,
    field: u32,
    out: *mut EppDateTime,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let text = object_str(m, field)?;
        let t = DateTime::parse(text.raw().trim()).ok_or(EppResult::InvalidValue)?;
        // SAFETY: non-NULL and writable.
        unsafe { out.write(EppDateTime::from(t)) };
        Ok(())
    })
}
