//! Domain create and update writers whose name servers are `<domain:hostAttr>`
//! (a name and, for hosts inside the domain, their addresses) rather than
//! host objects: the same parameters as `epp_write_domain_create` and
//! `epp_write_domain_update`, with `epp_host_attr_in` arrays for the
//! name servers. The values are assembled in fixed arrays on the stack.

use epp_codec::view::command::domain;
use epp_codec::view::{Command, DomainCommand, Request};

use crate::write::command;
use crate::write_command::{
    EPP_WRITE_MAX_ITEMS, EppDomainAddRemove, EppDomainContact, domain_change, domain_contact, fill,
    items, password, status_value,
};
use crate::{EppResult, EppStr, guard, non_null, opt_str, req_str};

/// The most addresses over all the host attributes of one list.
pub const EPP_WRITE_MAX_HOST_ADDRESSES: usize = 64;

/// One `<domain:hostAttr>` to write.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppHostAttrIn {
    /// `<domain:hostName>`.
    pub name: EppStr,
    /// `<domain:hostAddr>`s: IPv4 or IPv6 literals (may be NULL when
    /// `address_count` is 0).
    pub addresses: *const EppStr,
    /// The number of `addresses`.
    pub address_count: usize,
}

/// The fixed arrays one list of host attributes is assembled in.
struct HostAttrSlots<'a> {
    hosts: [domain::HostAttr<'a>; EPP_WRITE_MAX_ITEMS],
    addresses: [domain::HostAddr<'a>; EPP_WRITE_MAX_HOST_ADDRESSES],
}

impl<'a> HostAttrSlots<'a> {
    fn new() -> Result<Self, EppResult> {
        let addr = domain::HostAddr::parse("0.0.0.0").ok_or(EppResult::Panic)?;
        Ok(HostAttrSlots {
            hosts: [domain::HostAttr::new("", &[]); EPP_WRITE_MAX_ITEMS],
            addresses: [addr; EPP_WRITE_MAX_HOST_ADDRESSES],
        })
    }

    /// The caller's host attributes as the core's (`None` for none).
    ///
    /// # Safety
    ///
    /// `given` must be NULL or hold `count` readable values whose arrays
    /// and strings are valid.
    unsafe fn build(
        &'a mut self,
        given: *const EppHostAttrIn,
        count: usize,
    ) -> Result<Option<domain::NameServers<'a>>, EppResult> {
        // SAFETY: caller's contract.
        let given = unsafe { items(given, count) }?;
        if given.is_empty() {
            return Ok(None);
        }
        let HostAttrSlots { hosts, addresses } = self;
        let mut ranges = [(0usize, 0usize); EPP_WRITE_MAX_ITEMS];
        let mut at = 0;
        for (h, range) in given.iter().zip(ranges.iter_mut()) {
            if h.address_count > EPP_WRITE_MAX_HOST_ADDRESSES - at {
                return Err(EppResult::InvalidArgument);
            }
            if h.address_count > 0 {
                non_null(h.addresses)?;
                // SAFETY: non-NULL, `address_count` readable values.
                let given = unsafe { std::slice::from_raw_parts(h.addresses, h.address_count) };
                fill(given, &mut addresses[at..], |a| {
                    // SAFETY: caller's contract for each string.
                    let text: &'a str = unsafe { req_str(*a) }?;
                    domain::HostAddr::parse(text).ok_or(EppResult::InvalidArgument)
                })?;
            }
            *range = (at, at + h.address_count);
            at += h.address_count;
        }
        let addresses: &'a [domain::HostAddr<'a>] = addresses;
        for ((h, range), slot) in given.iter().zip(ranges).zip(hosts.iter_mut()) {
            // SAFETY: caller's contract.
            let name: &'a str = unsafe { req_str(h.name) }?;
            *slot = domain::HostAttr::new(name, &addresses[range.0..range.1]);
        }
        let hosts: &'a [domain::HostAttr<'a>] = hosts;
        Ok(Some(domain::NameServers::attributes(&hosts[..given.len()])))
    }
}

/// As `epp_write_domain_create`, with the name servers given as host
/// attributes (`hosts`, `host_count`; at most `EPP_WRITE_MAX_ITEMS` hosts
/// and `EPP_WRITE_MAX_HOST_ADDRESSES` addresses in all).
///
/// # Safety
///
/// As `epp_write_domain_create`; `hosts` must be NULL or hold `host_count`
/// readable `epp_host_attr_in` values whose arrays hold their counts.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_create_host_attrs(
    name: EppStr,
    period_value: u32,
    period_unit: u32,
    hosts: *const EppHostAttrIn,
    host_count: usize,
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
        let mut host_slots = HostAttrSlots::new()?;
        let mut contact_slots =
            [domain::Contact::new("", domain::ContactType::Admin); EPP_WRITE_MAX_ITEMS];
        // SAFETY: caller's contract for every string and array.
        unsafe {
            let mut create = domain::Create::new(req_str(name)?, password(req_str(auth_password)?));
            if let Some(p) = crate::write_command::period(period_value, period_unit)? {
                create = create.with_period(p);
            }
            if let Some(ns) = host_slots.build(hosts, host_count)? {
                create = create.with_name_servers(ns);
            }
            if let Some(r) = opt_str(registrant)? {
                create = create.with_registrant(r);
            }
            let cs = fill(items(contacts, contact_count)?, &mut contact_slots, |c| {
                domain_contact(c)
            })?;
            if !cs.is_empty() {
                create = create.with_contacts(cs);
            }
            let request = Request::new(Command::Domain(DomainCommand::Create(create)));
            command(request, cl_trid, flags, buf, cap, out_len)
        }
    })
}

/// The contacts and statuses of an `epp_domain_add_remove` (whose
/// `name_servers` must be empty here) and the host attributes, as the
/// core's `<add>` or `<rem>`.
struct PartSlots<'a> {
    hosts: HostAttrSlots<'a>,
    contacts: [domain::Contact<'a>; EPP_WRITE_MAX_ITEMS],
    statuses: [domain::Status<'a>; EPP_WRITE_MAX_ITEMS],
}

impl<'a> PartSlots<'a> {
    fn new() -> Result<Self, EppResult> {
        Ok(PartSlots {
            hosts: HostAttrSlots::new()?,
            contacts: [domain::Contact::new("", domain::ContactType::Admin); EPP_WRITE_MAX_ITEMS],
            statuses: [domain::Status::new(domain::DomainStatus::ALL[0]); EPP_WRITE_MAX_ITEMS],
        })
    }

    /// # Safety
    ///
    /// `part` must be NULL or point to a readable struct, `hosts` NULL or
    /// hold `count` values, all with valid arrays and strings.
    unsafe fn build(
        &'a mut self,
        part: *const EppDomainAddRemove,
        hosts: *const EppHostAttrIn,
        count: usize,
    ) -> Result<Option<domain::AddRemove<'a>>, EppResult> {
        // SAFETY: caller's contract.
        let part = unsafe { part.as_ref() };
        if part.is_none() && count == 0 {
            return Ok(None);
        }
        let mut built = domain::AddRemove::new();
        // SAFETY: caller's contract for every array.
        unsafe {
            if let Some(ns) = self.hosts.build(hosts, count)? {
                built = built.with_name_servers(ns);
            }
            if let Some(p) = part {
                if p.name_server_count > 0 {
                    return Err(EppResult::InvalidArgument);
                }
                let cs = fill(
                    items(p.contacts, p.contact_count)?,
                    &mut self.contacts,
                    |c| domain_contact(c),
                )?;
                built = built.with_contacts(cs);
                let ss = fill(
                    items(p.statuses, p.status_count)?,
                    &mut self.statuses,
                    |s| {
                        status_value(s, domain::DomainStatus::from_str_exact)
                            .map(domain::Status::new)
                    },
                )?;
                built = built.with_statuses(ss);
            }
        }
        Ok(Some(built))
    }
}

/// As `epp_write_domain_update`, with the name servers to add and remove
/// given as host attributes (`add_hosts`, `remove_hosts`); `add` and
/// `remove` (either may be NULL) then give contacts and statuses only
/// (their `name_server_count` must be 0).
///
/// # Safety
///
/// As `epp_write_domain_update`; `add_hosts` and `remove_hosts` must be
/// NULL or hold their counts of readable `epp_host_attr_in` values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_update_host_attrs(
    name: EppStr,
    add: *const EppDomainAddRemove,
    add_hosts: *const EppHostAttrIn,
    add_host_count: usize,
    remove: *const EppDomainAddRemove,
    remove_hosts: *const EppHostAttrIn,
    remove_host_count: usize,
    new_registrant: EppStr,
    new_auth_password: EppStr,
    cl_trid: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(out_len)?;
        let mut add_slots = PartSlots::new()?;
        let mut rem_slots = PartSlots::new()?;
        // SAFETY: caller's contract.
        unsafe {
            let mut update = domain::Update::new(req_str(name)?);
            if let Some(a) = add_slots.build(add, add_hosts, add_host_count)? {
                update = update.with_add(a);
            }
            if let Some(r) = rem_slots.build(remove, remove_hosts, remove_host_count)? {
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

#[cfg(test)]
mod tests;
