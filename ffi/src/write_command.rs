//! Command writers for the domain, host and contact objects (RFC 5731 to
//! 5733), into a caller buffer, framed or not, built on the core's
//! writers: the values are assembled in fixed arrays on the stack, so
//! writing allocates nothing.
//!
//! Every writer ends with `cl_trid` (may be `{NULL, 0}`), then the four
//! parameters of `epp_write_response` (`flags`, `buf`, `cap`, `out_len`),
//! with the same rules. A value the RFC forbids (an unknown status or
//! contact type, an address that is not an IP literal, a period outside 1
//! to 99, more items than `EPP_WRITE_MAX_ITEMS`) is
//! `EPP_RESULT_INVALID_ARGUMENT`.

use epp_codec::view::command::{contact, domain, host};
use epp_codec::view::{
    AuthInfo, Command, ContactCommand, Date, DomainCommand, HostCommand, Period, PeriodUnit,
    Request, Str, TransferOp,
};

use crate::contact::EppDisclose;
use crate::message::EppTransferOp;
use crate::object::EppPeriodUnit;
use crate::write::{EPP_WRITE_MAX_CHECK_NAMES, caller_array, check_names, command, str_array};
use crate::{EppResult, EppStr, guard, non_null, opt_str, req_str};

/// The most items each list of a command writer takes (name servers,
/// contacts, statuses, addresses, postal information).
pub const EPP_WRITE_MAX_ITEMS: usize = 16;

/// `<postalInfo type="int">`.
pub const EPP_POSTAL_INT: u32 = 0;
/// `<postalInfo type="loc">`.
pub const EPP_POSTAL_LOC: u32 = 1;

/// A domain contact to write: its role and id.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppDomainContact {
    /// `admin`, `billing` or `tech`.
    pub contact_type: EppStr,
    /// The contact id.
    pub id: EppStr,
}

/// What a domain update adds or removes: name servers (host object
/// names), contacts and statuses (`s` values such as
/// `clientHold`). Each array may be NULL when its count is 0.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppDomainAddRemove {
    /// Host object names.
    pub name_servers: *const EppStr,
    /// How many.
    pub name_server_count: usize,
    /// Contacts.
    pub contacts: *const EppDomainContact,
    /// How many.
    pub contact_count: usize,
    /// Status values.
    pub statuses: *const EppStr,
    /// How many.
    pub status_count: usize,
}

/// What a host update adds or removes: addresses (IPv4 or IPv6 literals)
/// and statuses. Each array may be NULL when its count is 0.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppHostAddRemove {
    /// Address literals.
    pub addresses: *const EppStr,
    /// How many.
    pub address_count: usize,
    /// Status values.
    pub statuses: *const EppStr,
    /// How many.
    pub status_count: usize,
}

/// A `<contact:postalInfo>` to write. In a create, `name`, `city` and
/// `country_code` are required; in an update's `<chg>` every part may be
/// absent (`{NULL, 0}`), and the address is written when `city` is given.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppPostalInfoIn {
    /// `EPP_POSTAL_INT` or `EPP_POSTAL_LOC`.
    pub info_type: u32,
    /// `<contact:name>`.
    pub name: EppStr,
    /// `<contact:org>` (may be absent).
    pub org: EppStr,
    /// Up to three `<contact:street>` lines (absent ones are skipped).
    pub streets: [EppStr; 3],
    /// `<contact:city>`.
    pub city: EppStr,
    /// `<contact:sp>` (may be absent).
    pub state_province: EppStr,
    /// `<contact:pc>` (may be absent).
    pub postal_code: EppStr,
    /// `<contact:cc>`.
    pub country_code: EppStr,
}

/// The details of a contact to create, or to change in an update's
/// `<chg>`: in a create, `postal_infos` (1 or 2), `email` and
/// `auth_password` are required; in a change, everything is optional.
/// Absent strings are `{NULL, 0}`; `disclose` may be NULL.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppContactDetails {
    /// Postal information (at most 2: one `int`, one `loc`).
    pub postal_infos: *const EppPostalInfoIn,
    /// How many.
    pub postal_info_count: usize,
    /// `<contact:voice>`.
    pub voice: EppStr,
    /// Its `x` attribute.
    pub voice_extension: EppStr,
    /// `<contact:fax>`.
    pub fax: EppStr,
    /// Its `x` attribute.
    pub fax_extension: EppStr,
    /// `<contact:email>`.
    pub email: EppStr,
    /// `<contact:authInfo><contact:pw>`.
    pub auth_password: EppStr,
    /// `<contact:disclose>`, or NULL.
    pub disclose: *const EppDisclose,
}

/// The `<domain:chg>` of a domain update: a new registrant (an empty
/// string removes it) and a new authInfo password, each `{NULL, 0}` for none.
///
/// # Safety
///
/// Each string is `{NULL, 0}` or valid for reads of its length for `'a`.
pub(crate) unsafe fn domain_change<'a>(
    new_registrant: EppStr,
    new_auth_password: EppStr,
) -> Result<domain::Change<'a>, EppResult> {
    let mut change = domain::Change::new();
    // SAFETY: forwarded from the caller.
    if let Some(r) = unsafe { opt_str(new_registrant) }? {
        change = change.with_registrant(if r.is_empty() {
            domain::RegistrantChange::Remove
        } else {
            domain::RegistrantChange::Set(Str::new(r))
        });
    }
    // SAFETY: forwarded from the caller.
    if let Some(pw) = unsafe { opt_str(new_auth_password) }? {
        change = change.with_auth_info(password(pw));
    }
    Ok(change)
}

pub(crate) fn password(pw: &str) -> AuthInfo<'_> {
    AuthInfo::Password {
        password: Str::new(pw),
        roid: None,
    }
}

/// The period of `value` and `unit` (an `epp_period_unit` number: a C
/// caller may pass any number, so it is not taken as the Rust enum).
pub(crate) fn period(value: u32, unit: u32) -> Result<Option<Period>, EppResult> {
    let unit = match unit {
        u if u == EppPeriodUnit::None as u32 => return Ok(None),
        u if u == EppPeriodUnit::Years as u32 => PeriodUnit::Years,
        u if u == EppPeriodUnit::Months as u32 => PeriodUnit::Months,
        _ => return Err(EppResult::InvalidArgument),
    };
    match u8::try_from(value) {
        Ok(value @ 1..=99) => Ok(Some(Period { value, unit })),
        _ => Err(EppResult::InvalidArgument),
    }
}

/// The transfer op of `op` (an `epp_transfer_op` number, not taken as the
/// Rust enum for the same reason as [`period`]).
fn transfer_op(op: u32) -> Result<TransferOp, EppResult> {
    const OPS: [(EppTransferOp, TransferOp); 5] = [
        (EppTransferOp::Request, TransferOp::Request),
        (EppTransferOp::Query, TransferOp::Query),
        (EppTransferOp::Approve, TransferOp::Approve),
        (EppTransferOp::Reject, TransferOp::Reject),
        (EppTransferOp::Cancel, TransferOp::Cancel),
    ];
    OPS.iter()
        .find(|(c, _)| *c as u32 == op)
        .map(|(_, t)| *t)
        .ok_or(EppResult::InvalidArgument)
}

/// Borrows `count` items at `items` (NULL allowed when 0), at most
/// `EPP_WRITE_MAX_ITEMS`.
///
/// # Safety
///
/// A non-NULL `items` points to `count` readable values living for `'a`.
pub(crate) unsafe fn items<'a, T>(items: *const T, count: usize) -> Result<&'a [T], EppResult> {
    // SAFETY: forwarded from the caller.
    unsafe { caller_array(items, count, EPP_WRITE_MAX_ITEMS) }
}

/// Fills `slots` with `f` of each given item.
pub(crate) fn fill<'s, T, U: Copy>(
    given: &[T],
    slots: &'s mut [U],
    mut f: impl FnMut(&T) -> Result<U, EppResult>,
) -> Result<&'s [U], EppResult> {
    for (slot, g) in slots.iter_mut().zip(given) {
        *slot = f(g)?;
    }
    Ok(&slots[..given.len()])
}

/// # Safety
///
/// The string must be valid for `'a` (caller's contract).
pub(crate) unsafe fn domain_contact<'a>(
    c: &EppDomainContact,
) -> Result<domain::Contact<'a>, EppResult> {
    // SAFETY: caller's contract.
    let (kind, id) = unsafe { (req_str(c.contact_type)?, req_str(c.id)?) };
    let kind = match kind {
        "admin" => domain::ContactType::Admin,
        "billing" => domain::ContactType::Billing,
        "tech" => domain::ContactType::Tech,
        _ => return Err(EppResult::InvalidArgument),
    };
    Ok(domain::Contact::new(id, kind))
}

/// # Safety
///
/// The string must be valid for the call.
pub(crate) unsafe fn status_value<S>(
    s: &EppStr,
    parse: impl Fn(&str) -> Option<S>,
) -> Result<S, EppResult> {
    // SAFETY: caller's contract.
    let text = unsafe { req_str(*s) }?;
    parse(text).ok_or(EppResult::InvalidArgument)
}

/// # Safety
///
/// The string must be valid for `'a`.
pub(crate) unsafe fn host_address<'a>(s: &EppStr) -> Result<host::Address<'a>, EppResult> {
    // SAFETY: caller's contract.
    let text: &'a str = unsafe { req_str(*s) }?;
    host::Address::parse(text).ok_or(EppResult::InvalidArgument)
}

/// Writes `<domain:create>`: `name` and `auth_password` required; a period
/// when `period_unit` (an `epp_period_unit`) is not `EPP_PERIOD_UNIT_NONE`; `name_server_count`
/// host object names; `registrant` (may be absent); `contact_count`
/// contacts.
///
/// # Safety
///
/// Every `epp_str` must point to `len` readable bytes (or be NULL); the
/// arrays must hold their counts (NULL when 0); `buf`/`cap`/`out_len` as
/// for every writer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_create(
    name: EppStr,
    period_value: u32,
    period_unit: u32,
    name_servers: *const EppStr,
    name_server_count: usize,
    registrant: EppStr,
    contacts: *const EppDomainContact,
    contact_count: usize,
    auth_password: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(out_len)?;
        // SAFETY: caller's contract for every string and array.
        unsafe {
            let mut create = domain::Create::new(req_str(name)?, password(req_str(auth_password)?));
            if let Some(p) = period(period_value, period_unit)? {
                create = create.with_period(p);
            }
            let mut ns = [Str::new(""); EPP_WRITE_MAX_ITEMS];
            let n = str_array(name_servers, name_server_count, &mut ns)?;
            if n > 0 {
                create = create.with_name_servers(domain::NameServers::objects(&ns[..n]));
            }
            if let Some(r) = opt_str(registrant)? {
                create = create.with_registrant(r);
            }
            let mut slots =
                [domain::Contact::new("", domain::ContactType::Admin); EPP_WRITE_MAX_ITEMS];
            let given = items(contacts, contact_count)?;
            let cs = fill(given, &mut slots, |c| domain_contact(c))?;
            if !cs.is_empty() {
                create = create.with_contacts(cs);
            }
            let request = Request::new(Command::Domain(DomainCommand::Create(create)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<domain:delete>` of `name`.
///
/// # Safety
///
/// As `epp_write_domain_info`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_delete(
    name: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract.
        unsafe {
            let delete = domain::Delete::new(req_str(name)?);
            let request = Request::new(Command::Domain(DomainCommand::Delete(delete)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<domain:renew>` of `name`, whose current expiry date is
/// `current_expiry` (`YYYY-MM-DD`), for a period when `period_unit` is not
/// `EPP_PERIOD_UNIT_NONE`.
///
/// # Safety
///
/// As `epp_write_domain_info`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_renew(
    name: EppStr,
    current_expiry: EppStr,
    period_value: u32,
    period_unit: u32,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract.
        unsafe {
            let date = Date::parse(req_str(current_expiry)?).ok_or(EppResult::InvalidArgument)?;
            let mut renew = domain::Renew::new(req_str(name)?, date);
            if let Some(p) = period(period_value, period_unit)? {
                renew = renew.with_period(p);
            }
            let request = Request::new(Command::Domain(DomainCommand::Renew(renew)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<transfer op="…"><domain:transfer>` of `name` (`op` an
/// `epp_transfer_op` number other than `EPP_TRANSFER_OP_NONE`): a period (with
/// `op` request, when `period_unit` (an `epp_period_unit`) is not `EPP_PERIOD_UNIT_NONE`) and
/// `auth_password` (may be absent).
///
/// # Safety
///
/// As `epp_write_domain_info`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_transfer(
    op: u32,
    name: EppStr,
    period_value: u32,
    period_unit: u32,
    auth_password: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract.
        unsafe {
            let op = transfer_op(op)?;
            let mut transfer = domain::Transfer::new(req_str(name)?);
            if let Some(p) = period(period_value, period_unit)? {
                transfer = transfer.with_period(p);
            }
            if let Some(pw) = opt_str(auth_password)? {
                transfer = transfer.with_auth_info(password(pw));
            }
            let request = Request::new(Command::Domain(DomainCommand::Transfer { op, transfer }));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// The parts of a domain `<add>` or `<rem>`, in caller-provided slots.
struct DomainPartSlots<'a> {
    ns: [Str<'a>; EPP_WRITE_MAX_ITEMS],
    contacts: [domain::Contact<'a>; EPP_WRITE_MAX_ITEMS],
    statuses: [domain::Status<'a>; EPP_WRITE_MAX_ITEMS],
}

impl<'a> DomainPartSlots<'a> {
    fn new() -> Self {
        DomainPartSlots {
            ns: [Str::new(""); EPP_WRITE_MAX_ITEMS],
            contacts: [domain::Contact::new("", domain::ContactType::Admin); EPP_WRITE_MAX_ITEMS],
            statuses: [domain::Status::new(domain::DomainStatus::ALL[0]); EPP_WRITE_MAX_ITEMS],
        }
    }

    /// The `<add>` or `<rem>` of `part` (`None` for a NULL part).
    ///
    /// # Safety
    ///
    /// A non-NULL `part` and its arrays obey the writer's contract for `'a`.
    unsafe fn build(
        &'a mut self,
        part: *const EppDomainAddRemove,
    ) -> Result<Option<domain::AddRemove<'a>>, EppResult> {
        // SAFETY: caller's contract.
        let Some(p) = (unsafe { part.as_ref() }) else {
            return Ok(None);
        };
        let mut built = domain::AddRemove::new();
        // SAFETY: caller's contract for the arrays.
        unsafe {
            let n = str_array(p.name_servers, p.name_server_count, &mut self.ns)?;
            if n > 0 {
                built = built.with_name_servers(domain::NameServers::objects(&self.ns[..n]));
            }
            let given = items(p.contacts, p.contact_count)?;
            let cs = fill(given, &mut self.contacts, |c| domain_contact(c))?;
            built = built.with_contacts(cs);
            let given = items(p.statuses, p.status_count)?;
            let ss = fill(given, &mut self.statuses, |s| {
                status_value(s, domain::DomainStatus::from_str_exact).map(domain::Status::new)
            })?;
            built = built.with_statuses(ss);
        }
        Ok(Some(built))
    }
}

/// Writes `<domain:update>` of `name`: `add` and `remove` may be NULL
/// (no `<add>`/`<rem>`); `<chg>` gets `new_registrant` when present (an
/// empty string writes `<domain:registrant/>`, removing it) and
/// `new_auth_password` when present.
///
/// # Safety
///
/// As `epp_write_domain_create`; `add` and `remove` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_update(
    name: EppStr,
    add: *const EppDomainAddRemove,
    remove: *const EppDomainAddRemove,
    new_registrant: EppStr,
    new_auth_password: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        let mut add_slots = DomainPartSlots::new();
        let mut rem_slots = DomainPartSlots::new();
        // SAFETY: caller's contract.
        unsafe {
            let mut update = domain::Update::new(req_str(name)?);
            if let Some(a) = add_slots.build(add)? {
                update = update.with_add(a);
            }
            if let Some(r) = rem_slots.build(remove)? {
                update = update.with_remove(r);
            }
            let change = domain_change(new_registrant, new_auth_password)?;
            if !change.is_empty() {
                update = update.with_change(change);
            }
            let request = Request::new(Command::Domain(DomainCommand::Update(update)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<host:check>` of `count` names (1 to `EPP_WRITE_MAX_CHECK_NAMES`).
///
/// # Safety
///
/// As `epp_write_domain_check`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_host_check(
    names: *const EppStr,
    count: usize,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        let mut strs = [Str::new(""); EPP_WRITE_MAX_CHECK_NAMES];
        // SAFETY: caller's contract.
        unsafe {
            let check = host::Check::new(check_names(names, count, &mut strs)?);
            let request = Request::new(Command::Host(HostCommand::Check(check)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<host:info>` of `name`.
///
/// # Safety
///
/// As `epp_write_domain_info`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_host_info(
    name: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract.
        unsafe {
            let info = host::Info::new(req_str(name)?);
            let request = Request::new(Command::Host(HostCommand::Info(info)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<host:delete>` of `name`.
///
/// # Safety
///
/// As `epp_write_domain_info`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_host_delete(
    name: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract.
        unsafe {
            let delete = host::Delete::new(req_str(name)?);
            let request = Request::new(Command::Host(HostCommand::Delete(delete)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

fn placeholder_address() -> Result<host::Address<'static>, EppResult> {
    host::Address::parse("0.0.0.0").ok_or(EppResult::Panic)
}

/// Writes `<host:create>` of `name` with `address_count` addresses (IPv4
/// or IPv6 literals; the `ip` attribute follows from each).
///
/// # Safety
///
/// As `epp_write_domain_create`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_host_create(
    name: EppStr,
    addresses: *const EppStr,
    address_count: usize,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        let mut slots = [placeholder_address()?; EPP_WRITE_MAX_ITEMS];
        // SAFETY: caller's contract.
        unsafe {
            let given = items(addresses, address_count)?;
            let addrs = fill(given, &mut slots, |a| host_address(a))?;
            let create = host::Create::new(req_str(name)?).with_addresses(addrs);
            let request = Request::new(Command::Host(HostCommand::Create(create)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Builds a host `<add>`/`<rem>` into `addrs` and `statuses`.
///
/// # Safety
///
/// A non-NULL `part` and its arrays obey the writer's contract for `'a`.
unsafe fn host_part<'a>(
    part: *const EppHostAddRemove,
    addrs: &'a mut [host::Address<'a>],
    statuses: &'a mut [host::Status<'a>],
) -> Result<Option<host::AddRemove<'a>>, EppResult> {
    // SAFETY: caller's contract.
    let Some(p) = (unsafe { part.as_ref() }) else {
        return Ok(None);
    };
    // SAFETY: caller's contract for the arrays.
    unsafe {
        let given = items(p.addresses, p.address_count)?;
        let a = fill(given, addrs, |a| host_address(a))?;
        let given = items(p.statuses, p.status_count)?;
        let s = fill(given, statuses, |s| {
            status_value(s, host::HostStatus::from_str_exact).map(host::Status::new)
        })?;
        Ok(Some(
            host::AddRemove::new().with_addresses(a).with_statuses(s),
        ))
    }
}

/// Writes `<host:update>` of `name`: `add` and `remove` may be NULL (no
/// `<add>`/`<rem>`); `<chg><host:name>` when `new_name` is present.
///
/// # Safety
///
/// As `epp_write_domain_create`; `add` and `remove` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_host_update(
    name: EppStr,
    add: *const EppHostAddRemove,
    remove: *const EppHostAddRemove,
    new_name: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        let placeholder = placeholder_address()?;
        let status = host::Status::new(host::HostStatus::ALL[0]);
        let (mut add_addrs, mut add_statuses) = (
            [placeholder; EPP_WRITE_MAX_ITEMS],
            [status; EPP_WRITE_MAX_ITEMS],
        );
        let (mut rem_addrs, mut rem_statuses) = (
            [placeholder; EPP_WRITE_MAX_ITEMS],
            [status; EPP_WRITE_MAX_ITEMS],
        );
        // SAFETY: caller's contract.
        unsafe {
            let mut update = host::Update::new(req_str(name)?);
            if let Some(a) = host_part(add, &mut add_addrs, &mut add_statuses)? {
                update = update.with_add(a);
            }
            if let Some(r) = host_part(remove, &mut rem_addrs, &mut rem_statuses)? {
                update = update.with_remove(r);
            }
            if let Some(n) = opt_str(new_name)? {
                update = update.with_new_name(n);
            }
            let request = Request::new(Command::Host(HostCommand::Update(update)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<contact:check>` of `count` ids (1 to `EPP_WRITE_MAX_CHECK_NAMES`).
///
/// # Safety
///
/// As `epp_write_domain_check`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_contact_check(
    ids: *const EppStr,
    count: usize,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        let mut strs = [Str::new(""); EPP_WRITE_MAX_CHECK_NAMES];
        // SAFETY: caller's contract.
        unsafe {
            let check = contact::Check::new(check_names(ids, count, &mut strs)?);
            let request = Request::new(Command::Contact(ContactCommand::Check(check)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<contact:info>` of `id`, with `auth_password` (may be absent).
///
/// # Safety
///
/// As `epp_write_domain_info`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_contact_info(
    id: EppStr,
    auth_password: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract.
        unsafe {
            let mut info = contact::Info::new(req_str(id)?);
            if let Some(pw) = opt_str(auth_password)? {
                info = info.with_auth_info(password(pw));
            }
            let request = Request::new(Command::Contact(ContactCommand::Info(info)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<contact:delete>` of `id`.
///
/// # Safety
///
/// As `epp_write_domain_info`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_contact_delete(
    id: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract.
        unsafe {
            let delete = contact::Delete::new(req_str(id)?);
            let request = Request::new(Command::Contact(ContactCommand::Delete(delete)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<transfer op="…"><contact:transfer>` of `id` (`op` an
/// `epp_transfer_op` number other than `EPP_TRANSFER_OP_NONE`), with
/// `auth_password` (may be absent).
///
/// # Safety
///
/// As `epp_write_domain_info`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_contact_transfer(
    op: u32,
    id: EppStr,
    auth_password: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract.
        unsafe {
            let op = transfer_op(op)?;
            let mut transfer = contact::Info::new(req_str(id)?);
            if let Some(pw) = opt_str(auth_password)? {
                transfer = transfer.with_auth_info(password(pw));
            }
            let request = Request::new(Command::Contact(ContactCommand::Transfer { op, transfer }));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Slots for the postal information of one contact.
pub(crate) struct PostalSlots<'a> {
    streets: [[contact::Street<'a>; 3]; 2],
    infos: [contact::PostalInfo<'a>; 2],
}

/// Builds the postal information of `given` into `slots`. `for_create`:
/// name, city and country code are required.
///
/// # Safety
///
/// The strings of `given` obey the writer's contract for `'a`.
pub(crate) unsafe fn postal_infos<'a>(
    given: &[EppPostalInfoIn],
    slots: &'a mut PostalSlots<'a>,
    for_create: bool,
) -> Result<&'a [contact::PostalInfo<'a>], EppResult> {
    if given.len() > 2 {
        return Err(EppResult::InvalidArgument);
    }
    let PostalSlots { streets, infos } = slots;
    for (i, (p, street_slots)) in given.iter().zip(streets.iter_mut()).enumerate() {
        let info_type = match p.info_type {
            EPP_POSTAL_INT => contact::PostalInfoType::Int,
            EPP_POSTAL_LOC => contact::PostalInfoType::Loc,
            _ => return Err(EppResult::InvalidArgument),
        };
        // SAFETY: caller's contract.
        let (name, org, city, sp, pc, cc) = unsafe {
            (
                opt_str(p.name)?,
                opt_str(p.org)?,
                opt_str(p.city)?,
                opt_str(p.state_province)?,
                opt_str(p.postal_code)?,
                opt_str(p.country_code)?,
            )
        };
        let mut n = 0;
        for s in &p.streets {
            // SAFETY: caller's contract.
            if let Some(s) = unsafe { opt_str(*s) }? {
                street_slots[n] = contact::Street(Str::new(s));
                n += 1;
            }
        }
        let address = match (city, cc) {
            (Some(city), Some(cc)) => {
                let mut a = contact::Address::new(&street_slots[..n], city, cc);
                if let Some(sp) = sp {
                    a = a.with_state_province(sp);
                }
                if let Some(pc) = pc {
                    a = a.with_postal_code(pc);
                }
                Some(a)
            }
            (None, None) if !for_create && n == 0 && sp.is_none() && pc.is_none() => None,
            _ => return Err(EppResult::InvalidArgument),
        };
        let mut info = contact::PostalInfo::change(info_type);
        match name {
            Some(name) => info = info.with_name(name),
            None if for_create => return Err(EppResult::NullArgument),
            None => {}
        }
        if let Some(org) = org {
            info = info.with_org(org);
        }
        if let Some(a) = address {
            info = info.with_address(a);
        }
        infos[i] = info;
    }
    Ok(&infos[..given.len()])
}

/// # Safety
///
/// Both strings obey the writer's contract for `'a`.
pub(crate) unsafe fn phone<'a>(
    number: EppStr,
    x: EppStr,
) -> Result<Option<contact::Phone<'a>>, EppResult> {
    // SAFETY: caller's contract.
    let (number, x) = unsafe { (opt_str(number)?, opt_str(x)?) };
    Ok(number.map(|n| {
        let p = contact::Phone::new(n);
        match x {
            Some(x) => p.with_extension(x),
            None => p,
        }
    }))
}

pub(crate) fn postal_slots<'a>() -> PostalSlots<'a> {
    let street = contact::Street(Str::new(""));
    let info = contact::PostalInfo::change(contact::PostalInfoType::Int);
    PostalSlots {
        streets: [[street; 3]; 2],
        infos: [info; 2],
    }
}

/// Writes `<contact:create>` of `id` with `details` (postal information,
/// email and authorization password required; phones and disclose
/// optional).
///
/// # Safety
///
/// `details` NULL or valid, with its strings and arrays obeying the rules
/// of `epp_write_domain_create`; the rest as for every writer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_contact_create(
    id: EppStr,
    details: *const EppContactDetails,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(details)?;
        let mut slots = postal_slots();
        // SAFETY: caller's contract.
        unsafe {
            let d = &*details;
            let given = items(d.postal_infos, d.postal_info_count)?;
            if given.is_empty() {
                return Err(EppResult::InvalidArgument);
            }
            let infos = postal_infos(given, &mut slots, true)?;
            let mut create = contact::Create::new(
                req_str(id)?,
                infos,
                req_str(d.email)?,
                password(req_str(d.auth_password)?),
            );
            if let Some(v) = phone(d.voice, d.voice_extension)? {
                create = create.with_voice(v);
            }
            if let Some(f) = phone(d.fax, d.fax_extension)? {
                create = create.with_fax(f);
            }
            if let Some(disclose) = d.disclose.as_ref() {
                create = create.with_disclose(disclose.to_core());
            }
            let request = Request::new(Command::Contact(ContactCommand::Create(create)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// Writes `<contact:update>` of `id`: `add_count` statuses to add,
/// `remove_count` to remove (arrays NULL when 0), and a `<chg>` of
/// `change` when it is not NULL (every part of it optional).
///
/// # Safety
///
/// As `epp_write_contact_create`; `change` NULL or valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_contact_update(
    id: EppStr,
    add_statuses: *const EppStr,
    add_count: usize,
    remove_statuses: *const EppStr,
    remove_count: usize,
    change: *const EppContactDetails,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        let status = contact::Status::new(contact::ContactStatus::ALL[0]);
        let (mut add_slots, mut rem_slots) =
            ([status; EPP_WRITE_MAX_ITEMS], [status; EPP_WRITE_MAX_ITEMS]);
        let mut postal = postal_slots();
        // SAFETY: caller's contract.
        unsafe {
            let mut update = contact::Update::new(req_str(id)?);
            let parse = |s: &EppStr| {
                status_value(s, contact::ContactStatus::from_str_exact).map(contact::Status::new)
            };
            let given = items(add_statuses, add_count)?;
            if !given.is_empty() {
                update = update.with_add(fill(given, &mut add_slots, parse)?);
            }
            let given = items(remove_statuses, remove_count)?;
            if !given.is_empty() {
                update = update.with_remove(fill(given, &mut rem_slots, parse)?);
            }
            if let Some(d) = change.as_ref() {
                let given = items(d.postal_infos, d.postal_info_count)?;
                let mut chg = contact::Change::new().with_postal_infos(postal_infos(
                    given,
                    &mut postal,
                    false,
                )?);
                if let Some(v) = phone(d.voice, d.voice_extension)? {
                    chg = chg.with_voice(v);
                }
                if let Some(f) = phone(d.fax, d.fax_extension)? {
                    chg = chg.with_fax(f);
                }
                if let Some(e) = opt_str(d.email)? {
                    chg = chg.with_email(e);
                }
                if let Some(pw) = opt_str(d.auth_password)? {
                    chg = chg.with_auth_info(password(pw));
                }
                if let Some(disclose) = d.disclose.as_ref() {
                    chg = chg.with_disclose(disclose.to_core());
                }
                update = update.with_change(chg);
            }
            let request = Request::new(Command::Contact(ContactCommand::Update(update)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}
