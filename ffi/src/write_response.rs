//! Response writers for a server: results with their `<value>` and
//! `<extValue>` elements, `<msgQ>`, extension elements, and the `<resData>`
//! of the domain, host and contact mappings (RFC 5731 to 5733), into a
//! caller buffer, framed or not.
//!
//! Every writer takes the common part of a response as an
//! `epp_response_in` first, then what its `<resData>` holds, then the four
//! parameters of `epp_write_response` (`flags`, `buf`, `cap`, `out_len`),
//! with the same rules. The values are assembled in fixed arrays on the
//! stack, so writing allocates nothing. Raw XML the caller passes (each
//! `<value>`, each extension element) must be one well-formed element that
//! declares the prefixes it uses: the core's tokenizer checks it before
//! anything is written, and anything else is `EPP_RESULT_INVALID_ARGUMENT`.

use epp_codec::view::command::{RawElement, contact, domain, host};
use epp_codec::view::response::object::TransferStatus;
use epp_codec::view::{Extensions, ResultCode, Str};
use epp_codec::write::{
    CheckResult, ContactInfoData, ContactResData, DomainInfoData, DomainResData, ExtValueData,
    HostInfoData, HostResData, MessageQueueData, PendingResult, ResData, ResponseData, ResultData,
    TransferResult,
};

use crate::message::EppObject;
use crate::write::{caller_array, emit};
use crate::write_command::{
    EPP_WRITE_MAX_ITEMS, EppContactDetails, EppDomainContact, domain_contact, fill, host_address,
    items, password, phone, postal_infos, postal_slots, status_value,
};
use crate::{EppResult, EppStr, guard, non_null, opt_str, req_str};

/// The most `<result>`s, `<value>`s (over all results), `<extValue>`s (over
/// all results) or extension elements one response may carry, each.
pub const EPP_WRITE_MAX_RESULTS: usize = 16;

/// One `<extValue>` of a result: the element at fault and why.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppExtValueIn {
    /// The element at fault: one well-formed XML element, written inside
    /// `<value>`.
    pub value: EppStr,
    /// `<reason>` (required).
    pub reason: EppStr,
    /// `<reason lang>`, or `{NULL, 0}` for English.
    pub reason_lang: EppStr,
}

/// One `<result>`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppResultIn {
    /// The result code, 1000 to 2999.
    pub code: u16,
    /// `<msg>`, or `{NULL, 0}` for the RFC's text for the code.
    pub msg: EppStr,
    /// `<msg lang>`, or `{NULL, 0}` for English.
    pub lang: EppStr,
    /// `<value>`s: each one well-formed XML element (may be NULL when
    /// `value_count` is 0).
    pub values: *const EppStr,
    /// The number of `values`.
    pub value_count: usize,
    /// `<extValue>`s (may be NULL when `ext_value_count` is 0).
    pub ext_values: *const EppExtValueIn,
    /// The number of `ext_values`.
    pub ext_value_count: usize,
}

/// A `<msgQ>`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppMsgQIn {
    /// `count`: messages in the queue.
    pub count: u64,
    /// `id`: the message's id (required).
    pub id: EppStr,
    /// `<qDate>` (RFC 3339), or `{NULL, 0}`.
    pub date: EppStr,
    /// `<msg>` (text), or `{NULL, 0}`.
    pub message: EppStr,
    /// `<msg lang>`, or `{NULL, 0}` (RFC 5730 omits it for `en`).
    pub lang: EppStr,
}

/// What every response holds besides its `<resData>`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppResponseIn {
    /// The `<result>`s: at least one, at most `EPP_WRITE_MAX_RESULTS`.
    pub results: *const EppResultIn,
    /// The number of `results`.
    pub result_count: usize,
    /// `<msgQ>`, or NULL.
    pub msgq: *const EppMsgQIn,
    /// The children of `<extension>`: each one well-formed XML element
    /// (may be NULL when `extension_count` is 0).
    pub extensions: *const EppStr,
    /// The number of `extensions`.
    pub extension_count: usize,
    /// `<clTRID>`, or `{NULL, 0}`.
    pub cl_trid: EppStr,
    /// `<svTRID>` (required).
    pub sv_trid: EppStr,
}

/// One `<cd>` of a check response.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppCheckResultIn {
    /// The name (domain, host) or id (contact) checked.
    pub name: EppStr,
    /// `avail`.
    pub available: bool,
    /// `<reason>`, or `{NULL, 0}`.
    pub reason: EppStr,
    /// `<reason lang>`, or `{NULL, 0}` for English.
    pub reason_lang: EppStr,
}

/// A `<trnData>`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppTransferIn {
    /// The domain name or contact id.
    pub name: EppStr,
    /// `<trStatus>`: `clientApproved`, `clientCancelled`, `clientRejected`,
    /// `pending`, `serverApproved` or `serverCancelled`.
    pub status: EppStr,
    /// `<reID>`.
    pub requester: EppStr,
    /// `<reDate>`.
    pub requested: EppStr,
    /// `<acID>`.
    pub actor: EppStr,
    /// `<acDate>`.
    pub action_due: EppStr,
    /// `<exDate>` (domains only), or `{NULL, 0}`.
    pub expires: EppStr,
}

/// A `<panData>`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppPendingIn {
    /// The object's name or id.
    pub name: EppStr,
    /// `paResult`.
    pub result: bool,
    /// `<paTRID><clTRID>`, or `{NULL, 0}`.
    pub cl_trid: EppStr,
    /// `<paTRID><svTRID>`.
    pub sv_trid: EppStr,
    /// `<paDate>`.
    pub date: EppStr,
}

/// What infData of every object holds: the ids and dates. Absent strings
/// are `{NULL, 0}`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppObjectInfoIn {
    /// The domain or host name, or the contact id.
    pub name: EppStr,
    /// `<roid>`.
    pub roid: EppStr,
    /// `<status s>` values (at least one for hosts and contacts).
    pub statuses: *const EppStr,
    /// The number of `statuses`.
    pub status_count: usize,
    /// `<clID>`.
    pub client_id: EppStr,
    /// `<crID>` (required for hosts and contacts).
    pub creator_id: EppStr,
    /// `<crDate>` (required for hosts and contacts).
    pub created: EppStr,
    /// `<upID>`.
    pub updater_id: EppStr,
    /// `<upDate>`.
    pub updated: EppStr,
    /// `<trDate>`.
    pub transferred: EppStr,
}

/// What domain infData holds besides `EppObjectInfoIn`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EppDomainInfoIn {
    /// `<domain:registrant>`, or `{NULL, 0}`.
    pub registrant: EppStr,
    /// `<domain:contact>`s.
    pub contacts: *const EppDomainContact,
    /// The number of `contacts`.
    pub contact_count: usize,
    /// `<domain:ns><domain:hostObj>` names.
    pub name_servers: *const EppStr,
    /// The number of `name_servers`.
    pub name_server_count: usize,
    /// `<domain:host>`s: subordinate hosts.
    pub hosts: *const EppStr,
    /// The number of `hosts`.
    pub host_count: usize,
    /// `<domain:exDate>`, or `{NULL, 0}`.
    pub expires: EppStr,
    /// `<domain:authInfo><domain:pw>`, or `{NULL, 0}`.
    pub auth_password: EppStr,
}

/// The fixed arrays a response is assembled in.
struct ResponseSlots<'a> {
    results: [ResultData<'a>; EPP_WRITE_MAX_RESULTS],
    values: [RawElement<'a>; EPP_WRITE_MAX_RESULTS],
    ext_values: [ExtValueData<'a>; EPP_WRITE_MAX_RESULTS],
    extensions: [RawElement<'a>; EPP_WRITE_MAX_RESULTS],
}

/// A raw element that fills unused slots (never written).
fn placeholder<'a>() -> Result<RawElement<'a>, EppResult> {
    RawElement::parse("<unused/>").map_err(|_| EppResult::Panic)
}

impl<'a> ResponseSlots<'a> {
    fn new() -> Result<Self, EppResult> {
        let raw = placeholder()?;
        Ok(ResponseSlots {
            results: [ResultData::new(ResultCode::Success); EPP_WRITE_MAX_RESULTS],
            values: [raw; EPP_WRITE_MAX_RESULTS],
            ext_values: [ExtValueData {
                value: raw,
                reason: Str::new(""),
                lang: None,
            }; EPP_WRITE_MAX_RESULTS],
            extensions: [raw; EPP_WRITE_MAX_RESULTS],
        })
    }
}

/// Reads one caller element: UTF-8, and one well-formed element by the
/// core's tokenizer.
///
/// # Safety
///
/// As [`req_str`].
pub(crate) unsafe fn raw_element<'a>(xml: &EppStr) -> Result<RawElement<'a>, EppResult> {
    // SAFETY: forwarded from the caller.
    let text: &'a str = unsafe { req_str(*xml) }?;
    RawElement::parse(text).map_err(|_| EppResult::InvalidArgument)
}

/// Reads an array of caller elements into `slots` (at most its length).
///
/// # Safety
///
/// `given` must be NULL or point to `count` readable `epp_str` values.
pub(crate) unsafe fn raw_elements<'s, 'a>(
    given: *const EppStr,
    count: usize,
    slots: &'s mut [RawElement<'a>],
) -> Result<&'s [RawElement<'a>], EppResult> {
    // SAFETY: `count` readable values (caller's contract).
    let given = unsafe { caller_array(given, count, slots.len()) }?;
    // SAFETY: each epp_str as the caller promised.
    fill(given, slots, |s| unsafe { raw_element(s) })
}

/// Builds the core's response from the caller's description.
///
/// # Safety
///
/// Every pointer in `r` is NULL or valid as its documentation says.
unsafe fn response_data<'a>(
    r: &EppResponseIn,
    slots: &'a mut ResponseSlots<'a>,
) -> Result<ResponseData<'a>, EppResult> {
    let ResponseSlots {
        results,
        values,
        ext_values,
        extensions,
    } = slots;
    // SAFETY: caller's contract for every pointer below.
    unsafe {
        let given = caller_array(r.results, r.result_count, EPP_WRITE_MAX_RESULTS)?;
        if given.is_empty() {
            non_null(r.results)?;
            return Err(EppResult::InvalidArgument);
        }
        // First every value into the pools, then the results that borrow them.
        let mut ranges = [(0usize, 0usize, 0usize, 0usize); EPP_WRITE_MAX_RESULTS];
        let (mut v_at, mut e_at) = (0, 0);
        for (g, range) in given.iter().zip(ranges.iter_mut()) {
            let vs = caller_array(g.values, g.value_count, EPP_WRITE_MAX_RESULTS - v_at)?;
            for (slot, v) in values[v_at..].iter_mut().zip(vs) {
                *slot = raw_element(v)?;
            }
            let es = caller_array(
                g.ext_values,
                g.ext_value_count,
                EPP_WRITE_MAX_RESULTS - e_at,
            )?;
            for (slot, e) in ext_values[e_at..].iter_mut().zip(es) {
                *slot = ExtValueData {
                    value: raw_element(&e.value)?,
                    reason: Str::new(req_str(e.reason)?),
                    lang: opt_str(e.reason_lang)?.map(Str::new),
                };
            }
            *range = (v_at, v_at + vs.len(), e_at, e_at + es.len());
            v_at += vs.len();
            e_at += es.len();
        }
        let values: &'a [RawElement<'a>] = values;
        let ext_values: &'a [ExtValueData<'a>] = ext_values;
        for ((g, range), slot) in given.iter().zip(ranges).zip(results.iter_mut()) {
            if !(1000..=2999).contains(&g.code) {
                return Err(EppResult::InvalidArgument);
            }
            let code = ResultCode::from_u16(g.code);
            let msg = opt_str(g.msg)?.unwrap_or(code.text());
            let mut result = ResultData::new(code).with_message(msg, opt_str(g.lang)?);
            result.values = &values[range.0..range.1];
            result.ext_values = &ext_values[range.2..range.3];
            *slot = result;
        }
        let results: &'a [ResultData<'a>] = results;
        let mut response = ResponseData::new(&results[..given.len()], req_str(r.sv_trid)?);
        if let Some(cl) = opt_str(r.cl_trid)? {
            response = response.with_cl_trid(cl);
        }
        if let Some(q) = r.msgq.as_ref() {
            response = response.with_message_queue(MessageQueueData {
                count: q.count,
                id: Str::new(req_str(q.id)?),
                date: opt_str(q.date)?.map(Str::new),
                message: opt_str(q.message)?.map(Str::new),
                lang: opt_str(q.lang)?.map(Str::new),
            });
        }
        let ext = raw_elements(r.extensions, r.extension_count, extensions)?;
        Ok(response.with_extensions(Extensions::from_slice(ext)))
    }
}

/// Writes `response` with `res_data`.
///
/// # Safety
///
/// `response` as the public writers document; `buf`/`out_len` as `emit`.
unsafe fn respond(
    response: *const EppResponseIn,
    res_data: ResData<'_>,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> Result<(), EppResult> {
    non_null(response)?;
    non_null(out_len)?;
    let mut slots = ResponseSlots::new()?;
    // SAFETY: caller's contract.
    unsafe {
        let data = response_data(&*response, &mut slots)?.with_res_data(res_data);
        emit(&data, flags, buf, cap, out_len)
    }
}

/// Writes a response without `<resData>`: its results (with their
/// `<value>`s, `<extValue>`s and message languages), `<msgQ>`, extension
/// elements and transaction ids, as `response` describes.
///
/// # Safety
///
/// `response` must be NULL or point to an `epp_response_in` whose pointers
/// are NULL or valid for their counts; every `epp_str` must point to `len`
/// readable bytes; `buf` must be NULL or hold `cap` writable bytes;
/// `out_len` must be NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_response_full(
    response: *const EppResponseIn,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    guard(|| unsafe { respond(response, ResData::None, flags, buf, cap, out_len) })
}

/// Which object mapping (`EPP_OBJECT_DOMAIN`, `_HOST`, `_CONTACT`).
fn object(object: u32) -> Result<EppObject, EppResult> {
    [EppObject::Domain, EppObject::Host, EppObject::Contact]
        .into_iter()
        .find(|o| *o as u32 == object)
        .ok_or(EppResult::InvalidArgument)
}

/// Writes a check response (`<domain:chkData>`, `<host:chkData>` or
/// `<contact:chkData>` for `object` `EPP_OBJECT_DOMAIN`, `_HOST` or
/// `_CONTACT`) with one `<cd>` per item (1 to `EPP_WRITE_MAX_CHECK_NAMES`).
///
/// # Safety
///
/// As `epp_write_response_full`; `items` must point to `count` readable
/// `epp_check_result_in` values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_check_response(
    response: *const EppResponseIn,
    object: u32,
    items: *const EppCheckResultIn,
    count: usize,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    use crate::write::EPP_WRITE_MAX_CHECK_NAMES;
    guard(|| {
        let kind = self::object(object)?;
        non_null(items)?;
        let mut slots = [CheckResult::available(""); EPP_WRITE_MAX_CHECK_NAMES];
        // SAFETY: caller's contract.
        unsafe {
            let given = caller_array(items, count, EPP_WRITE_MAX_CHECK_NAMES)?;
            if given.is_empty() {
                return Err(EppResult::InvalidArgument);
            }
            let checks = fill(given, &mut slots, |c| {
                Ok(CheckResult {
                    name: Str::new(req_str(c.name)?),
                    available: c.available,
                    reason: opt_str(c.reason)?.map(Str::new),
                    reason_lang: opt_str(c.reason_lang)?.map(Str::new),
                })
            })?;
            let data = match kind {
                EppObject::Domain => ResData::Domain(DomainResData::Check(checks)),
                EppObject::Host => ResData::Host(HostResData::Check(checks)),
                _ => ResData::Contact(ContactResData::Check(checks)),
            };
            respond(response, data, flags, buf, cap, out_len)
        }
    })
}

/// Writes a create response: `<domain:creData>` (name, `created`,
/// `expires` or `{NULL, 0}`), `<host:creData>` or `<contact:creData>`
/// (name or id and `created`; `expires` must be `{NULL, 0}`).
///
/// # Safety
///
/// As `epp_write_response_full`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_create_response(
    response: *const EppResponseIn,
    object: u32,
    name: EppStr,
    created: EppStr,
    expires: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        let kind = self::object(object)?;
        // SAFETY: caller's contract.
        unsafe {
            let (name, created) = (Str::new(req_str(name)?), Str::new(req_str(created)?));
            let expires = opt_str(expires)?.map(Str::new);
            let data = match kind {
                EppObject::Domain => ResData::Domain(DomainResData::Create {
                    name,
                    created,
                    expires,
                }),
                _ if expires.is_some() => return Err(EppResult::InvalidArgument),
                EppObject::Host => ResData::Host(HostResData::Create { name, created }),
                _ => ResData::Contact(ContactResData::Create { id: name, created }),
            };
            respond(response, data, flags, buf, cap, out_len)
        }
    })
}

/// Writes a domain renew response (`<domain:renData>`): the name and the
/// new expiry (`{NULL, 0}` to leave it out).
///
/// # Safety
///
/// As `epp_write_response_full`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_renew_response(
    response: *const EppResponseIn,
    name: EppStr,
    expires: EppStr,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        // SAFETY: caller's contract.
        unsafe {
            let data = ResData::Domain(DomainResData::Renew {
                name: Str::new(req_str(name)?),
                expires: opt_str(expires)?.map(Str::new),
            });
            respond(response, data, flags, buf, cap, out_len)
        }
    })
}

/// Writes a transfer response (`<domain:trnData>` or `<contact:trnData>`
/// for `object` `EPP_OBJECT_DOMAIN` or `_CONTACT`; a contact's has no
/// `expires`). An unknown `status` is `EPP_RESULT_INVALID_ARGUMENT`.
///
/// # Safety
///
/// As `epp_write_response_full`; `transfer` must be NULL or point to a
/// readable `epp_transfer_in`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_transfer_response(
    response: *const EppResponseIn,
    object: u32,
    transfer: *const EppTransferIn,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        let kind = self::object(object)?;
        non_null(transfer)?;
        // SAFETY: caller's contract.
        unsafe {
            let t = &*transfer;
            let status = req_str(t.status)?;
            let status = TransferStatus::ALL
                .into_iter()
                .find(|s| s.as_str() == status)
                .ok_or(EppResult::InvalidArgument)?;
            let result = TransferResult {
                name: Str::new(req_str(t.name)?),
                status,
                requester: Str::new(req_str(t.requester)?),
                requested: Str::new(req_str(t.requested)?),
                actor: Str::new(req_str(t.actor)?),
                action_due: Str::new(req_str(t.action_due)?),
                expires: opt_str(t.expires)?.map(Str::new),
            };
            let data = match kind {
                EppObject::Domain => ResData::Domain(DomainResData::Transfer(result)),
                EppObject::Contact if result.expires.is_none() => {
                    ResData::Contact(ContactResData::Transfer(result))
                }
                _ => return Err(EppResult::InvalidArgument),
            };
            respond(response, data, flags, buf, cap, out_len)
        }
    })
}

/// Writes a response with `<panData>` (of a domain, host or contact, as
/// `object` says): the outcome of an action that was pending, as a poll
/// message carries it.
///
/// # Safety
///
/// As `epp_write_response_full`; `pending` must be NULL or point to a
/// readable `epp_pending_in`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_pending_response(
    response: *const EppResponseIn,
    object: u32,
    pending: *const EppPendingIn,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        let kind = self::object(object)?;
        non_null(pending)?;
        // SAFETY: caller's contract.
        unsafe {
            let p = &*pending;
            let result = PendingResult {
                name: Str::new(req_str(p.name)?),
                result: p.result,
                cl_trid: opt_str(p.cl_trid)?.map(Str::new),
                sv_trid: Str::new(req_str(p.sv_trid)?),
                date: Str::new(req_str(p.date)?),
            };
            let data = match kind {
                EppObject::Domain => ResData::Domain(DomainResData::Pending(result)),
                EppObject::Host => ResData::Host(HostResData::Pending(result)),
                _ => ResData::Contact(ContactResData::Pending(result)),
            };
            respond(response, data, flags, buf, cap, out_len)
        }
    })
}

/// Reads a status array with `parse` into `slots`.
///
/// # Safety
///
/// `given` must be NULL or point to `count` readable `epp_str` values.
unsafe fn statuses<S: Copy>(
    given: *const EppStr,
    count: usize,
    slots: &mut [S; EPP_WRITE_MAX_ITEMS],
    parse: impl Fn(&EppStr) -> Result<S, EppResult>,
) -> Result<&[S], EppResult> {
    // SAFETY: forwarded from the caller.
    let given = unsafe { items(given, count) }?;
    fill(given, slots, parse)
}

/// Reads a string array into `slots`.
///
/// # Safety
///
/// As [`statuses`].
unsafe fn strs<'s, 'a>(
    given: *const EppStr,
    count: usize,
    slots: &'s mut [Str<'a>; EPP_WRITE_MAX_ITEMS],
) -> Result<&'s [Str<'a>], EppResult> {
    // SAFETY: forwarded from the caller; each string as the caller promised.
    unsafe { statuses(given, count, slots, |s| Ok(Str::new(req_str(*s)?))) }
}

/// Writes a domain info response (`<domain:infData>`): `info` gives the
/// name, roid, statuses (`s` values), ids and dates (`client_id` required),
/// `domain` the rest. Each array holds at most `EPP_WRITE_MAX_ITEMS`.
///
/// # Safety
///
/// As `epp_write_response_full`; `info` and `domain` must be NULL or
/// point to readable structs whose arrays hold their counts.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_domain_info_response(
    response: *const EppResponseIn,
    info: *const EppObjectInfoIn,
    domain: *const EppDomainInfoIn,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(info)?;
        non_null(domain)?;
        let mut status_slots =
            [domain::Status::new(domain::DomainStatus::ALL[0]); EPP_WRITE_MAX_ITEMS];
        let mut contact_slots =
            [domain::Contact::new("", domain::ContactType::Admin); EPP_WRITE_MAX_ITEMS];
        let mut ns_slots = [Str::new(""); EPP_WRITE_MAX_ITEMS];
        let mut host_slots = [Str::new(""); EPP_WRITE_MAX_ITEMS];
        // SAFETY: caller's contract.
        unsafe {
            let (i, d) = (&*info, &*domain);
            let mut data =
                DomainInfoData::new(req_str(i.name)?, req_str(i.roid)?, req_str(i.client_id)?);
            data.statuses = statuses(i.statuses, i.status_count, &mut status_slots, |s| {
                status_value(s, domain::DomainStatus::from_str_exact).map(domain::Status::new)
            })?;
            data.registrant = opt_str(d.registrant)?.map(Str::new);
            let given = items(d.contacts, d.contact_count)?;
            data.contacts = fill(given, &mut contact_slots, |c| domain_contact(c))?;
            let ns = strs(d.name_servers, d.name_server_count, &mut ns_slots)?;
            if !ns.is_empty() {
                data.ns = Some(domain::NameServers::objects(ns));
            }
            data.hosts = strs(d.hosts, d.host_count, &mut host_slots)?;
            data.creator_id = opt_str(i.creator_id)?.map(Str::new);
            data.created = opt_str(i.created)?.map(Str::new);
            data.updater_id = opt_str(i.updater_id)?.map(Str::new);
            data.updated = opt_str(i.updated)?.map(Str::new);
            data.expires = opt_str(d.expires)?.map(Str::new);
            data.transferred = opt_str(i.transferred)?.map(Str::new);
            data.auth_info = opt_str(d.auth_password)?.map(password);
            let data = ResData::Domain(DomainResData::Info(data));
            respond(response, data, flags, buf, cap, out_len)
        }
    })
}

/// Writes a host info response (`<host:infData>`): `info` as for
/// `epp_write_domain_info_response` (at least one status; `creator_id` and
/// `created` required), and the host's addresses (IP literals).
///
/// # Safety
///
/// As `epp_write_domain_info_response`; `addresses` must be NULL or point
/// to `address_count` readable `epp_str` values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_host_info_response(
    response: *const EppResponseIn,
    info: *const EppObjectInfoIn,
    addresses: *const EppStr,
    address_count: usize,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(info)?;
        let mut status_slots = [host::Status::new(host::HostStatus::ALL[0]); EPP_WRITE_MAX_ITEMS];
        let placeholder = host::Address::parse("0.0.0.0").ok_or(EppResult::Panic)?;
        let mut address_slots = [placeholder; EPP_WRITE_MAX_ITEMS];
        // SAFETY: caller's contract.
        unsafe {
            let i = &*info;
            let ss = statuses(i.statuses, i.status_count, &mut status_slots, |s| {
                status_value(s, host::HostStatus::from_str_exact).map(host::Status::new)
            })?;
            if ss.is_empty() {
                return Err(EppResult::InvalidArgument);
            }
            let mut data = HostInfoData::new(
                req_str(i.name)?,
                req_str(i.roid)?,
                ss,
                req_str(i.client_id)?,
                req_str(i.creator_id)?,
                req_str(i.created)?,
            );
            let given = items(addresses, address_count)?;
            data.addresses = fill(given, &mut address_slots, |a| host_address(a))?;
            data.updater_id = opt_str(i.updater_id)?.map(Str::new);
            data.updated = opt_str(i.updated)?.map(Str::new);
            data.transferred = opt_str(i.transferred)?.map(Str::new);
            let data = ResData::Host(HostResData::Info(data));
            respond(response, data, flags, buf, cap, out_len)
        }
    })
}

/// Writes a contact info response (`<contact:infData>`): `info` as for
/// `epp_write_host_info_response` (`name` is the contact id), and the
/// contact's details as `epp_write_contact_create` takes them (one or two
/// postal infos and the email required; the password optional here).
///
/// # Safety
///
/// As `epp_write_domain_info_response`; `details` must be NULL or point to
/// a readable `epp_contact_details`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_write_contact_info_response(
    response: *const EppResponseIn,
    info: *const EppObjectInfoIn,
    details: *const EppContactDetails,
    flags: u32,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    guard(|| {
        non_null(info)?;
        non_null(details)?;
        let mut status_slots =
            [contact::Status::new(contact::ContactStatus::ALL[0]); EPP_WRITE_MAX_ITEMS];
        let mut postal = postal_slots();
        // SAFETY: caller's contract.
        unsafe {
            let (i, d) = (&*info, &*details);
            let ss = statuses(i.statuses, i.status_count, &mut status_slots, |s| {
                status_value(s, contact::ContactStatus::from_str_exact).map(contact::Status::new)
            })?;
            if ss.is_empty() {
                return Err(EppResult::InvalidArgument);
            }
            let given = items(d.postal_infos, d.postal_info_count)?;
            if given.is_empty() {
                return Err(EppResult::InvalidArgument);
            }
            let infos = postal_infos(given, &mut postal, true)?;
            let mut data = ContactInfoData::new(
                req_str(i.name)?,
                req_str(i.roid)?,
                ss,
                infos,
                req_str(d.email)?,
                req_str(i.client_id)?,
                req_str(i.creator_id)?,
                req_str(i.created)?,
            );
            data.voice = phone(d.voice, d.voice_extension)?;
            data.fax = phone(d.fax, d.fax_extension)?;
            data.updater_id = opt_str(i.updater_id)?.map(Str::new);
            data.updated = opt_str(i.updated)?.map(Str::new);
            data.transferred = opt_str(i.transferred)?.map(Str::new);
            data.auth_info = opt_str(d.auth_password)?.map(password);
            data.disclose = d.disclose.as_ref().map(|x| x.to_core());
            let data = ResData::Contact(ContactResData::Info(data));
            respond(response, data, flags, buf, cap, out_len)
        }
    })
}

#[cfg(test)]
mod tests;
