//! Typed extension parts: each element of a command's or response's
//! `<extension>` that the core types (secDNS-1.1, rgp-1.0,
//! allocationToken-1.0, ttl-1.0, loginSec-1.0, fee-1.0 and its drafts,
//! launch-1.0) is read with the core's view, and its values come out by
//! (list, item, field): `epp_message_ext_kind` says what element `index`
//! is, `epp_message_ext_count` how many items a list of it has
//! (`EPP_EXT_LIST_SELF` is the element itself: one item), and
//! `epp_message_ext_string` / `epp_message_ext_number` read one field of
//! one item. The raw span of every element stays available through
//! `epp_message_extension_xml`. The other extensions the core types, and
//! the data outside `<extension>`, are read in `ext_more.rs`.

use std::cell::RefCell;
use std::ffi::c_char;

use epp_codec::view::List;
use epp_codec::view::Str;
use epp_codec::view::ext::fee::{Fee, FeeCheckItem, FeeCommand, FeeCredit, FeeData, FeeExtension};
use epp_codec::view::ext::launch::{Launch, LaunchCheckResult, LaunchData, LaunchPhase};
use epp_codec::view::ext::{
    AllocationToken, DsData, KeyData, LoginSec, LoginSecEvent, RestoreOp, RgpStatus, RgpUpdate,
    SecDns, SecDnsData, SecDnsRemove, Ttl, TtlExtension,
};
use epp_codec::view::ext::{login_sec, rgp};
use epp_codec::xml::Ns;

use crate::message::{EppMessage, Stored, extensions_in, handle, string_out, unescaped_out};
use crate::{EppResult, guard, guard_value, non_null};

/// What an extension element is, when the library types it.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppExtKind {
    /// No such element (index past the count, or no message).
    None = 0,
    /// An element the library does not type: read it raw.
    Raw = 1,
    /// `<secDNS:create>` (command): `EPP_EXT_MAX_SIG_LIFE`, lists
    /// `DS_DATA`, `KEY_DATA`.
    SecDnsCreate = 2,
    /// `<secDNS:update>` (command): `EPP_EXT_URGENT`, `EPP_EXT_REMOVE_ALL`,
    /// `EPP_EXT_MAX_SIG_LIFE` (of `<chg>`), lists `DS_DATA`/`KEY_DATA`
    /// (`<add>`) and `REMOVE_DS_DATA`/`REMOVE_KEY_DATA` (`<rem>`).
    SecDnsUpdate = 3,
    /// `<secDNS:infData>` (response): as `SecDnsCreate`.
    SecDnsInfo = 4,
    /// `<rgp:update>` (command): `EPP_EXT_RESTORE_OP`.
    RgpUpdate = 5,
    /// `<rgp:infData>` or `<rgp:upData>` (response): list `RGP_STATUSES`.
    RgpStatuses = 6,
    /// `<allocationToken:allocationToken>`: `EPP_EXT_TOKEN`.
    AllocationToken = 7,
    /// `<allocationToken:info/>` (a domain info asking for the token).
    AllocationTokenInfo = 8,
    /// `<ttl:create>`, `<ttl:update>`, `<ttl:info>` or `<ttl:infData>`:
    /// list `TTLS`.
    Ttl = 9,
    /// `<loginSec:loginSec>` (login command): `EPP_EXT_USER_AGENT_*`,
    /// `EPP_EXT_PASSWORD`, `EPP_EXT_NEW_PASSWORD`.
    LoginSec = 10,
    /// `<loginSec:loginSecData>` (login response): list `LOGIN_SEC_EVENTS`.
    LoginSecData = 11,
    /// A fee command extension (`<fee:check>`, `<fee:create>`, …):
    /// `EPP_EXT_CURRENCY`, lists `FEES`, `CREDITS`, `FEE_COMMANDS`.
    Fee = 12,
    /// A fee response extension (`<fee:chkData>`, `<fee:creData>`, …):
    /// `EPP_EXT_CURRENCY`, `EPP_EXT_BALANCE`, `EPP_EXT_CREDIT_LIMIT`,
    /// lists `FEES`, `CREDITS`, `FEE_CHECK_ITEMS`.
    FeeData = 13,
    /// A launch command extension (`<launch:check>`, `<launch:create>`,
    /// …): `EPP_EXT_PHASE`, `EPP_EXT_PHASE_NAME`, `EPP_EXT_APPLICATION_ID`.
    Launch = 14,
    /// A launch response extension (`<launch:chkData>`, `<launch:creData>`,
    /// `<launch:infData>`): `EPP_EXT_PHASE`, `EPP_EXT_PHASE_NAME`,
    /// `EPP_EXT_APPLICATION_ID`, `EPP_EXT_STATUS` (with `_NAME`, `_LANG`,
    /// `_TEXT`), list `LAUNCH_CHECK_RESULTS`.
    LaunchData = 15,
    /// `<changePoll:changeData>` (RFC 8590, a poll response):
    /// `EPP_EXT_STATE`, `_OPERATION`, `_OPERATION_TYPE`, `_DATE`,
    /// `_SV_TRID`, `_WHO`, `_CASE_ID`, `_CASE_TYPE`, `_CASE_NAME`,
    /// `_REASON`, `_LANG` (of the reason).
    ChangePoll = 16,
    /// `<addlEmail:addlEmail>` (RFC 9873): `EPP_EXT_EMAIL`,
    /// `EPP_EXT_PRIMARY`.
    AddlEmail = 17,
    /// A b-dn element (RFC 9095, `<b-dn:create>` or a response's
    /// `<b-dn:infData>`, `<b-dn:creData>`, …): `EPP_EXT_NAME`,
    /// `EPP_EXT_U_LABEL` (of the rdn), `EPP_EXT_BUNDLE_DATA`, list
    /// `BUNDLE_NAMES`.
    Bundling = 18,
    /// `<maint:info>` (RFC 9167, the command at `EPP_EXT_INDEX_DATA`):
    /// `EPP_EXT_MAINTENANCE_ID`, `EPP_EXT_NAME`, `EPP_EXT_LANG`, absent
    /// for `<maint:list/>`.
    MaintenanceInfo = 19,
    /// `<maint:infData>` holding an `<item>` (at `EPP_EXT_INDEX_DATA`):
    /// `EPP_EXT_MAINTENANCE_ID`, `_NAME`, `_LANG` (of the id),
    /// `_POLL_TYPE`, `_ENVIRONMENT`, `_ENVIRONMENT_NAME`, `_START`, `_END`,
    /// `_REASON`, `_DETAIL`, `_CONNECTION`, `_IMPLEMENTATION`, `_CREATED`,
    /// `_UPDATED`; lists `MAINTENANCE_TYPES`, `_SYSTEMS`, `_DESCRIPTIONS`,
    /// `_TLDS`.
    MaintenanceItem = 20,
    /// `<maint:infData>` holding a `<list>` (at `EPP_EXT_INDEX_DATA`): list
    /// `MAINTENANCE_LIST_ITEMS`.
    MaintenanceList = 21,
    /// Verisign `<namestoreExt:namestoreExt>`: `EPP_EXT_SUB_PRODUCT`.
    VerisignNamestore = 22,
    /// Verisign `<namestoreExt:nsExtErrData>`: `EPP_EXT_ERROR_CODE`,
    /// `EPP_EXT_TEXT`.
    VerisignNamestoreError = 23,
    /// Verisign `<sync:update>`: `EPP_EXT_EXP_MONTH_DAY`.
    VerisignSync = 24,
    /// Verisign low-balance poll data (at `EPP_EXT_INDEX_DATA`):
    /// `EPP_EXT_REGISTRAR_NAME`, `_CREDIT_LIMIT`, `_CREDIT_THRESHOLD`,
    /// `_THRESHOLD_TYPE`, `_AVAILABLE_CREDIT`.
    VerisignLowBalance = 25,
    /// Verisign rgp poll data (at `EPP_EXT_INDEX_DATA`): `EPP_EXT_NAME`,
    /// `_STATUS` (the rgpStatus), `_REQUEST_DATE`, `_REPORT_DUE_DATE`.
    VerisignRgpPoll = 26,
}

/// The element itself (one item, index 0).
pub const EPP_EXT_LIST_SELF: u32 = 0;
/// secDNS `<dsData>` (of create, infData, or an update's `<add>`).
pub const EPP_EXT_LIST_DS_DATA: u32 = 1;
/// secDNS `<keyData>` (of create, infData, or an update's `<add>`).
pub const EPP_EXT_LIST_KEY_DATA: u32 = 2;
/// secDNS `<dsData>` of an update's `<rem>`.
pub const EPP_EXT_LIST_REMOVE_DS_DATA: u32 = 3;
/// secDNS `<keyData>` of an update's `<rem>`.
pub const EPP_EXT_LIST_REMOVE_KEY_DATA: u32 = 4;
/// rgp `<rgpStatus>`es.
pub const EPP_EXT_LIST_RGP_STATUSES: u32 = 5;
/// ttl `<ttl>`s.
pub const EPP_EXT_LIST_TTLS: u32 = 6;
/// fee `<fee>`s (of a transform command or a transform response).
pub const EPP_EXT_LIST_FEES: u32 = 7;
/// fee `<credit>`s.
pub const EPP_EXT_LIST_CREDITS: u32 = 8;
/// fee `<cd>`s of a `<fee:chkData>`.
pub const EPP_EXT_LIST_FEE_CHECK_ITEMS: u32 = 9;
/// fee `<command>`s of a `<fee:check>`.
pub const EPP_EXT_LIST_FEE_COMMANDS: u32 = 10;
/// loginSec `<event>`s.
pub const EPP_EXT_LIST_LOGIN_SEC_EVENTS: u32 = 11;
/// launch `<cd>`s of a `<launch:chkData>`.
pub const EPP_EXT_LIST_LAUNCH_CHECK_RESULTS: u32 = 12;
/// The last `EPP_EXT_LIST_*` number (the later ones are in
/// `ext_more.rs`).
pub const EPP_EXT_LIST_LAST: u32 = 29;

/// Number: secDNS `<maxSigLife>`.
pub const EPP_EXT_MAX_SIG_LIFE: u32 = 0;
/// Number 0/1: secDNS update `urgent`.
pub const EPP_EXT_URGENT: u32 = 1;
/// Number 0/1: secDNS update `<rem><all>`.
pub const EPP_EXT_REMOVE_ALL: u32 = 2;
/// Number: `<keyTag>` of a dsData item.
pub const EPP_EXT_KEY_TAG: u32 = 3;
/// Number: `<alg>` of a dsData or keyData item.
pub const EPP_EXT_ALG: u32 = 4;
/// Number: `<digestType>` of a dsData item.
pub const EPP_EXT_DIGEST_TYPE: u32 = 5;
/// String: `<digest>` of a dsData item.
pub const EPP_EXT_DIGEST: u32 = 6;
/// Number: `<flags>` of a keyData item (or of a dsData item's keyData).
pub const EPP_EXT_FLAGS: u32 = 7;
/// Number: `<protocol>` of a keyData item (or of a dsData item's keyData).
pub const EPP_EXT_PROTOCOL: u32 = 8;
/// Number: `<alg>` of a dsData item's keyData.
pub const EPP_EXT_KEY_ALG: u32 = 9;
/// String: `<pubKey>` of a keyData item (or of a dsData item's keyData).
pub const EPP_EXT_PUBLIC_KEY: u32 = 10;
/// String: rgp `<restore op>`: `request` or `report` (static).
pub const EPP_EXT_RESTORE_OP: u32 = 11;
/// String: the `s` of an rgpStatus item; the launch `<status s>`.
pub const EPP_EXT_STATUS: u32 = 12;
/// String: the `lang` of an rgpStatus, fee or credit item, or of the
/// launch status.
pub const EPP_EXT_LANG: u32 = 13;
/// String: the text of an rgpStatus or loginSec event item, or of the
/// launch status.
pub const EPP_EXT_TEXT: u32 = 14;
/// String: the allocation token.
pub const EPP_EXT_TOKEN: u32 = 15;
/// String: `for` of a ttl item (`NS`, `A`, …, `custom`).
pub const EPP_EXT_RECORD_TYPE: u32 = 16;
/// String: `custom` of a ttl item.
pub const EPP_EXT_CUSTOM: u32 = 17;
/// Number: the seconds of a ttl item.
pub const EPP_EXT_SECONDS: u32 = 18;
/// Number: `min` of a ttl item.
pub const EPP_EXT_MIN: u32 = 19;
/// Number: `default` of a ttl item.
pub const EPP_EXT_DEFAULT: u32 = 20;
/// Number: `max` of a ttl item.
pub const EPP_EXT_MAX: u32 = 21;
/// String: fee `<currency>` (of the element, or of a fee check item).
pub const EPP_EXT_CURRENCY: u32 = 22;
/// String: the amount of a fee or credit item, as written.
pub const EPP_EXT_AMOUNT: u32 = 23;
/// String: `description` of a fee or credit item.
pub const EPP_EXT_DESCRIPTION: u32 = 24;
/// Number 0/1: `refundable` of a fee item.
pub const EPP_EXT_REFUNDABLE: u32 = 25;
/// String: `grace-period` of a fee item.
pub const EPP_EXT_GRACE_PERIOD: u32 = 26;
/// String: `applied` of a fee item.
pub const EPP_EXT_APPLIED: u32 = 27;
/// String: fee `<balance>`.
pub const EPP_EXT_BALANCE: u32 = 28;
/// String: fee `<creditLimit>`.
pub const EPP_EXT_CREDIT_LIMIT: u32 = 29;
/// String: `<objID>` of a fee check item.
pub const EPP_EXT_OBJECT_ID: u32 = 30;
/// Number 0/1: `avail` of a fee check item.
pub const EPP_EXT_AVAILABLE: u32 = 31;
/// String: `<class>` of a fee check item.
pub const EPP_EXT_CLASS: u32 = 32;
/// String: the `name` of a fee command item.
pub const EPP_EXT_COMMAND: u32 = 33;
/// String: launch `<phase>`.
pub const EPP_EXT_PHASE: u32 = 34;
/// String: launch `<phase name>`.
pub const EPP_EXT_PHASE_NAME: u32 = 35;
/// String: launch `<applicationID>`.
pub const EPP_EXT_APPLICATION_ID: u32 = 36;
/// String: the `<name>` of a launch check result; the `name` of the
/// launch status or of a loginSec event.
pub const EPP_EXT_NAME: u32 = 37;
/// Number 0/1: `exists` of a launch check result.
pub const EPP_EXT_EXISTS: u32 = 38;
/// String: loginSec `<userAgent><app>`.
pub const EPP_EXT_USER_AGENT_APP: u32 = 39;
/// String: loginSec `<userAgent><tech>`.
pub const EPP_EXT_USER_AGENT_TECH: u32 = 40;
/// String: loginSec `<userAgent><os>`.
pub const EPP_EXT_USER_AGENT_OS: u32 = 41;
/// String: loginSec `<pw>`.
pub const EPP_EXT_PASSWORD: u32 = 42;
/// String: loginSec `<newPW>`.
pub const EPP_EXT_NEW_PASSWORD: u32 = 43;
/// String: `type` of a loginSec event.
pub const EPP_EXT_EVENT_TYPE: u32 = 44;
/// String: `level` of a loginSec event.
pub const EPP_EXT_LEVEL: u32 = 45;
/// The last `EPP_EXT_*` field number (the later ones are in
/// `ext_more.rs`).
pub const EPP_EXT_LAST: u32 = 120;

/// An extension element, typed.
// Large variants stay unboxed: a box would allocate on every accessor
// call, and a value lives only for one call, on the stack.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy)]
pub(crate) enum Typed<'a> {
    Raw,
    SecDns(SecDns<'a>),
    SecDnsInfo(SecDnsData<'a>),
    Rgp(RgpUpdate<'a>),
    RgpStatuses(List<'a, RgpStatus<'a>>),
    Token(AllocationToken<'a>),
    Ttl(TtlExtension<'a>),
    LoginSec(LoginSec<'a>),
    LoginSecEvents(List<'a, LoginSecEvent<'a>>),
    Fee(FeeExtension<'a>),
    FeeData(FeeData<'a>),
    Launch(Launch<'a>),
    LaunchData(LaunchData<'a>),
    More(crate::ext_more::More<'a>),
}

/// Extension element `index` of `view`, typed (`EPP_EXT_INDEX_DATA`: the
/// data outside `<extension>`).
fn typed_in<'a>(view: &Stored<'a>, index: usize) -> Result<Typed<'a>, EppResult> {
    if index == crate::ext_more::EPP_EXT_INDEX_DATA {
        return crate::ext_more::typed_data(view);
    }
    let raw = extensions_in(view)?
        .iter()
        .nth(index)
        .ok_or(EppResult::IndexOutOfRange)?;
    let command = matches!(view, Stored::Command(_));
    let found = match raw.namespace().known() {
        Some(Ns::SecDns11) if command => SecDns::from_raw(raw).map(Typed::SecDns),
        Some(Ns::SecDns11) => SecDnsData::from_raw(raw).map(Typed::SecDnsInfo),
        Some(Ns::Rgp) if command => RgpUpdate::from_raw(raw).map(Typed::Rgp),
        Some(Ns::Rgp) => rgp::statuses_from_raw(raw).map(Typed::RgpStatuses),
        Some(Ns::AllocationToken) => AllocationToken::from_raw(raw).map(Typed::Token),
        Some(Ns::Ttl) => TtlExtension::from_raw(raw).map(Typed::Ttl),
        Some(Ns::LoginSec) if command => LoginSec::from_raw(raw).map(Typed::LoginSec),
        Some(Ns::LoginSec) => login_sec::events_from_raw(raw).map(Typed::LoginSecEvents),
        Some(Ns::Launch) if command => Launch::from_raw(raw).map(Typed::Launch),
        Some(Ns::Launch) => LaunchData::from_raw(raw).map(Typed::LaunchData),
        _ if command => FeeExtension::from_raw(raw).map(Typed::Fee),
        _ => FeeData::from_raw(raw).map(Typed::FeeData),
    };
    Ok(found
        .or_else(|| crate::ext_more::typed(raw, command))
        .unwrap_or(Typed::Raw))
}

/// Where the last extension accessor call on a message handle got to,
/// kept in the handle (`EppMessage::ext_typed`, `EppMessage::ext_value`).
///
/// A C caller reads one field per call. Without the cursor every call
/// would find element `index` again, type it again and walk its list up
/// to the item again: the fields of one item would each cost the whole
/// element, and going through an n-item list would read n²/2 items.
/// With it, the next field of the same item costs only the field, and
/// the next item of the same list costs only that item.
#[derive(Clone, Copy)]
pub(crate) struct ExtCursor<'a> {
    index: usize,
    /// The element, or why there is none (an index past the count is
    /// asked again for every field, as a caller finds the end).
    typed: Result<Typed<'a>, EppResult>,
    item: Option<CursorItem<'a>>,
}

/// The last item found of a cursor's element.
#[derive(Clone, Copy)]
struct CursorItem<'a> {
    list: u32,
    at: usize,
    /// `None` past the end (asked again for every field, as a caller
    /// finds the end).
    item: Option<Item<'a>>,
    /// The list from item `at` on, when it is one the cursor can go on
    /// from (see `Items::starting_at`).
    rest: Option<Items<'a>>,
}

/// Element `index`, typed, through the cursor.
pub(crate) fn cursor_typed<'a>(
    view: &Stored<'a>,
    cursor: &RefCell<Option<ExtCursor<'a>>>,
    index: usize,
) -> Result<Typed<'a>, EppResult> {
    cursor_at(view, &mut cursor.borrow_mut(), index).typed
}

/// The cursor on element `index`: the one kept when it is on it, else a
/// new one in its place.
// The cursor is borrowed, not copied: it is over a kilobyte.
fn cursor_at<'c, 'a>(
    view: &Stored<'a>,
    cursor: &'c mut Option<ExtCursor<'a>>,
    index: usize,
) -> &'c mut ExtCursor<'a> {
    if cursor.as_ref().is_some_and(|c| c.index != index) {
        *cursor = None;
    }
    cursor.get_or_insert_with(|| ExtCursor {
        index,
        typed: typed_in(view, index),
        item: None,
    })
}

/// Field `field` of item `i` of list `list` of element `index`, through
/// the cursor.
pub(crate) fn cursor_value<'a>(
    view: &Stored<'a>,
    cursor: &RefCell<Option<ExtCursor<'a>>>,
    index: usize,
    list: u32,
    i: usize,
    field: u32,
) -> Result<Value<'a>, EppResult> {
    if list > EPP_EXT_LIST_LAST || field > EPP_EXT_LAST {
        return Err(EppResult::InvalidArgument);
    }
    let mut cursor = cursor.borrow_mut();
    let c = cursor_at(view, &mut cursor, index);
    let typed = c.typed.as_ref().map_err(|e| *e)?;
    if list == EPP_EXT_LIST_SELF {
        return match i {
            0 => field_value(&Item::Whole(*typed), field),
            _ => Err(EppResult::IndexOutOfRange),
        };
    }
    let kept = c.item.as_ref().filter(|k| k.list == list && k.at <= i);
    if let Some(k) = kept.filter(|k| k.at == i) {
        let item = k.item.as_ref().ok_or(EppResult::IndexOutOfRange)?;
        return field_value(item, field);
    }
    let (item, rest) = match kept.and_then(|k| Some((k.at, k.rest?))) {
        // Go on from the item kept.
        Some((at, rest)) => {
            let rest = rest.starting_at(i - at);
            (rest.and_then(|r| r.get(0)), rest)
        }
        None => {
            let items = items(*typed, list);
            match items.starting_at(i) {
                Some(rest) => (rest.get(0), Some(rest)),
                None => (items.get(i), None),
            }
        }
    };
    let kept = c.item.insert(CursorItem {
        list,
        at: i,
        item,
        rest,
    });
    let item = kept.item.as_ref().ok_or(EppResult::IndexOutOfRange)?;
    field_value(item, field)
}

fn field_value<'a>(it: &Item<'a>, field: u32) -> Result<Value<'a>, EppResult> {
    item_value(it, field)
        .or_else(|| crate::ext_more::extra_value(it, field))
        .ok_or(EppResult::Absent)
}

/// What extension element `index` (below `epp_message_extension_count`)
/// is: `EPP_EXT_KIND_RAW` for one the library does not type,
/// `EPP_EXT_KIND_NONE` past the count or for NULL.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_ext_kind(
    message: *const EppMessage,
    index: usize,
) -> EppExtKind {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppExtKind::None;
    };
    guard_value(EppExtKind::None, || match m.ext_typed(index) {
        Err(_) => EppExtKind::None,
        Ok(t) => match t {
            Typed::Raw => EppExtKind::Raw,
            Typed::SecDns(SecDns::Create(_)) => EppExtKind::SecDnsCreate,
            Typed::SecDns(SecDns::Update(_)) => EppExtKind::SecDnsUpdate,
            Typed::SecDnsInfo(_) => EppExtKind::SecDnsInfo,
            Typed::Rgp(_) => EppExtKind::RgpUpdate,
            Typed::RgpStatuses(_) => EppExtKind::RgpStatuses,
            Typed::Token(AllocationToken::Token(_)) => EppExtKind::AllocationToken,
            Typed::Token(AllocationToken::Info) => EppExtKind::AllocationTokenInfo,
            Typed::Ttl(_) => EppExtKind::Ttl,
            Typed::LoginSec(_) => EppExtKind::LoginSec,
            Typed::LoginSecEvents(_) => EppExtKind::LoginSecData,
            Typed::Fee(_) => EppExtKind::Fee,
            Typed::FeeData(_) => EppExtKind::FeeData,
            Typed::Launch(_) => EppExtKind::Launch,
            Typed::LaunchData(_) => EppExtKind::LaunchData,
            Typed::More(x) => crate::ext_more::kind(x),
        },
    })
}

/// One item of a list of a typed extension.
// One lives in each message handle's cursor and is copied out per lookup,
// not kept in bulk: boxing the large variants would allocate on every
// lookup (and lose `Copy`) to save a few hundred bytes of stack.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy)]
pub(crate) enum Item<'a> {
    Whole(Typed<'a>),
    Ds(DsData<'a>),
    Key(KeyData<'a>),
    RgpStatus(RgpStatus<'a>),
    Ttl(Ttl<'a>),
    Fee(Fee<'a>),
    Credit(FeeCredit<'a>),
    FeeCheckItem(FeeCheckItem<'a>),
    FeeCommand(FeeCommand<'a>),
    Event(LoginSecEvent<'a>),
    LaunchCheck(LaunchCheckResult<'a>),
    More(crate::ext_more::MoreItem<'a>),
}

/// A typed list (or nothing).
#[derive(Clone, Copy)]
pub(crate) enum Items<'a> {
    None,
    Ds(List<'a, DsData<'a>>),
    Key(List<'a, KeyData<'a>>),
    RgpStatuses(List<'a, RgpStatus<'a>>),
    Ttls(List<'a, Ttl<'a>>),
    Fees(List<'a, Fee<'a>>),
    Credits(List<'a, FeeCredit<'a>>),
    FeeChecks(List<'a, FeeCheckItem<'a>>),
    FeeCommands(List<'a, FeeCommand<'a>>),
    Events(List<'a, LoginSecEvent<'a>>),
    LaunchChecks(List<'a, LaunchCheckResult<'a>>),
    More(crate::ext_more::MoreItems<'a>),
}

impl<'a> Items<'a> {
    fn len(&self) -> usize {
        match self {
            Items::None => 0,
            Items::Ds(l) => l.len(),
            Items::Key(l) => l.len(),
            Items::RgpStatuses(l) => l.len(),
            Items::Ttls(l) => l.len(),
            Items::Fees(l) => l.len(),
            Items::Credits(l) => l.len(),
            Items::FeeChecks(l) => l.len(),
            Items::FeeCommands(l) => l.len(),
            Items::Events(l) => l.len(),
            Items::LaunchChecks(l) => l.len(),
            Items::More(l) => l.len(),
        }
    }

    /// The list from item `i` on (`List::starting_at`), for a list that
    /// is one `List`; `None` for the lists `ext_more.rs` flattens from
    /// several.
    fn starting_at(&self, i: usize) -> Option<Items<'a>> {
        Some(match self {
            Items::None => Items::None,
            Items::Ds(l) => Items::Ds(l.starting_at(i)),
            Items::Key(l) => Items::Key(l.starting_at(i)),
            Items::RgpStatuses(l) => Items::RgpStatuses(l.starting_at(i)),
            Items::Ttls(l) => Items::Ttls(l.starting_at(i)),
            Items::Fees(l) => Items::Fees(l.starting_at(i)),
            Items::Credits(l) => Items::Credits(l.starting_at(i)),
            Items::FeeChecks(l) => Items::FeeChecks(l.starting_at(i)),
            Items::FeeCommands(l) => Items::FeeCommands(l.starting_at(i)),
            Items::Events(l) => Items::Events(l.starting_at(i)),
            Items::LaunchChecks(l) => Items::LaunchChecks(l.starting_at(i)),
            Items::More(l) => Items::More(l.starting_at(i)?),
        })
    }

    fn get(&self, i: usize) -> Option<Item<'a>> {
        match self {
            Items::None => None,
            Items::Ds(l) => l.get(i).map(Item::Ds),
            Items::Key(l) => l.get(i).map(Item::Key),
            Items::RgpStatuses(l) => l.get(i).map(Item::RgpStatus),
            Items::Ttls(l) => l.get(i).map(Item::Ttl),
            Items::Fees(l) => l.get(i).map(Item::Fee),
            Items::Credits(l) => l.get(i).map(Item::Credit),
            Items::FeeChecks(l) => l.get(i).map(Item::FeeCheckItem),
            Items::FeeCommands(l) => l.get(i).map(Item::FeeCommand),
            Items::Events(l) => l.get(i).map(Item::Event),
            Items::LaunchChecks(l) => l.get(i).map(Item::LaunchCheck),
            Items::More(l) => l.get(i).map(Item::More),
        }
    }
}

fn fee_lists<'a>(
    fees: List<'a, Fee<'a>>,
    credits: List<'a, FeeCredit<'a>>,
    list: u32,
) -> Items<'a> {
    match list {
        EPP_EXT_LIST_FEES => Items::Fees(fees),
        EPP_EXT_LIST_CREDITS => Items::Credits(credits),
        _ => Items::None,
    }
}

fn items(t: Typed<'_>, list: u32) -> Items<'_> {
    match (t, list) {
        (Typed::SecDns(SecDns::Create(d)) | Typed::SecDnsInfo(d), EPP_EXT_LIST_DS_DATA) => {
            Items::Ds(d.ds_data())
        }
        (Typed::SecDns(SecDns::Create(d)) | Typed::SecDnsInfo(d), EPP_EXT_LIST_KEY_DATA) => {
            Items::Key(d.key_data())
        }
        (Typed::SecDns(SecDns::Update(u)), EPP_EXT_LIST_DS_DATA) => {
            u.add().map_or(Items::None, |d| Items::Ds(d.ds_data()))
        }
        (Typed::SecDns(SecDns::Update(u)), EPP_EXT_LIST_KEY_DATA) => {
            u.add().map_or(Items::None, |d| Items::Key(d.key_data()))
        }
        (Typed::SecDns(SecDns::Update(u)), EPP_EXT_LIST_REMOVE_DS_DATA) => match u.remove() {
            Some(SecDnsRemove::Records(d)) => Items::Ds(d.ds_data()),
            _ => Items::None,
        },
        (Typed::SecDns(SecDns::Update(u)), EPP_EXT_LIST_REMOVE_KEY_DATA) => match u.remove() {
            Some(SecDnsRemove::Records(d)) => Items::Key(d.key_data()),
            _ => Items::None,
        },
        (Typed::RgpStatuses(l), EPP_EXT_LIST_RGP_STATUSES) => Items::RgpStatuses(l),
        (Typed::Ttl(t), EPP_EXT_LIST_TTLS) => match t {
            TtlExtension::Create(l) | TtlExtension::Update(l) | TtlExtension::InfoData(l) => {
                Items::Ttls(l)
            }
            TtlExtension::Info { .. } => Items::None,
        },
        (Typed::LoginSecEvents(l), EPP_EXT_LIST_LOGIN_SEC_EVENTS) => Items::Events(l),
        (Typed::Fee(f), _) => match f {
            FeeExtension::Check(c) if list == EPP_EXT_LIST_FEE_COMMANDS => {
                Items::FeeCommands(c.commands)
            }
            FeeExtension::Create(t)
            | FeeExtension::Renew(t)
            | FeeExtension::Transfer(t)
            | FeeExtension::Update(t) => fee_lists(t.fees, t.credits, list),
            _ => Items::None,
        },
        (Typed::FeeData(f), _) => match f {
            FeeData::Check(c) if list == EPP_EXT_LIST_FEE_CHECK_ITEMS => Items::FeeChecks(c.items),
            FeeData::Create(r)
            | FeeData::Renew(r)
            | FeeData::Transfer(r)
            | FeeData::Update(r)
            | FeeData::Delete(r) => fee_lists(r.fees, r.credits, list),
            _ => crate::ext_more::items(t, list),
        },
        (Typed::LaunchData(LaunchData::CheckData(c)), EPP_EXT_LIST_LAUNCH_CHECK_RESULTS) => {
            Items::LaunchChecks(c.results)
        }
        _ => crate::ext_more::items(t, list),
    }
}

/// The number of items of list `list` (`EPP_EXT_LIST_*`) of extension
/// element `index`: 1 for `EPP_EXT_LIST_SELF`, 0 for a list the element
/// does not have (or NULL, or past the count).
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_ext_count(
    message: *const EppMessage,
    index: usize,
    list: u32,
) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || match m.ext_typed(index) {
        Err(_) => 0,
        Ok(_) if list == EPP_EXT_LIST_SELF => 1,
        Ok(t) => items(t, list).len(),
    })
}

/// A field's value.
pub(crate) enum Value<'a> {
    Text(Str<'a>),
    Number(u64),
}

pub(crate) fn text(s: Option<Str<'_>>) -> Option<Value<'_>> {
    s.map(Value::Text)
}

pub(crate) fn num<T: Into<u64>>(n: Option<T>) -> Option<Value<'static>> {
    n.map(|n| Value::Number(n.into()))
}

fn phase_value<'a>(p: Option<LaunchPhase<'a>>, field: u32) -> Option<Value<'a>> {
    let p = p?;
    match field {
        EPP_EXT_PHASE => text(Some(p.value)),
        EPP_EXT_PHASE_NAME => text(p.name),
        _ => None,
    }
}

fn key_value(k: &KeyData<'_>, field: u32) -> Option<Value<'static>> {
    match field {
        EPP_EXT_FLAGS => num(k.flags()),
        EPP_EXT_PROTOCOL => num(k.protocol()),
        _ => None,
    }
}

fn whole_value(t: Typed<'_>, field: u32) -> Option<Value<'_>> {
    match t {
        Typed::Raw => None,
        Typed::SecDns(SecDns::Create(d)) | Typed::SecDnsInfo(d) => match field {
            EPP_EXT_MAX_SIG_LIFE => num(d.max_sig_life()),
            _ => None,
        },
        Typed::SecDns(SecDns::Update(u)) => match field {
            EPP_EXT_MAX_SIG_LIFE => num(u.max_sig_life()),
            EPP_EXT_URGENT => num(Some(u.is_urgent())),
            EPP_EXT_REMOVE_ALL => match u.remove() {
                Some(SecDnsRemove::All(all)) => num(Some(all)),
                _ => None,
            },
            _ => None,
        },
        Typed::Rgp(r) => match field {
            EPP_EXT_RESTORE_OP => text(Some(Str::new(match r.op() {
                RestoreOp::Request => "request",
                RestoreOp::Report => "report",
            }))),
            _ => None,
        },
        Typed::RgpStatuses(_) | Typed::Ttl(_) | Typed::LoginSecEvents(_) => None,
        Typed::Token(AllocationToken::Token(token)) if field == EPP_EXT_TOKEN => text(Some(token)),
        Typed::Token(_) => None,
        Typed::LoginSec(l) => {
            let ua = l.user_agent;
            match field {
                EPP_EXT_USER_AGENT_APP => text(ua.and_then(|u| u.app)),
                EPP_EXT_USER_AGENT_TECH => text(ua.and_then(|u| u.tech)),
                EPP_EXT_USER_AGENT_OS => text(ua.and_then(|u| u.os)),
                EPP_EXT_PASSWORD => text(l.password),
                EPP_EXT_NEW_PASSWORD => text(l.new_password),
                _ => None,
            }
        }
        Typed::Fee(f) if field == EPP_EXT_CURRENCY => text(match f {
            FeeExtension::Check(c) => c.currency,
            FeeExtension::Create(t)
            | FeeExtension::Renew(t)
            | FeeExtension::Transfer(t)
            | FeeExtension::Update(t) => t.currency,
        }),
        Typed::Fee(_) => None,
        Typed::FeeData(f) => match f {
            FeeData::Check(c) if field == EPP_EXT_CURRENCY => text(c.currency),
            FeeData::Create(r)
            | FeeData::Renew(r)
            | FeeData::Transfer(r)
            | FeeData::Update(r)
            | FeeData::Delete(r) => match field {
                EPP_EXT_CURRENCY => text(r.currency),
                EPP_EXT_BALANCE => text(r.balance),
                EPP_EXT_CREDIT_LIMIT => text(r.credit_limit),
                _ => None,
            },
            _ => None,
        },
        Typed::Launch(l) => {
            let (phase, application_id) = match l {
                Launch::Check(c) => (c.phase, None),
                Launch::Info(i) => (Some(i.phase), i.application_id),
                Launch::Create(c) => (Some(c.phase), None),
                Launch::Update(a) | Launch::Delete(a) => (Some(a.phase), Some(a.application_id)),
            };
            match field {
                EPP_EXT_APPLICATION_ID => text(application_id),
                _ => phase_value(phase, field),
            }
        }
        Typed::More(x) => crate::ext_more::whole_value(x, field),
        Typed::LaunchData(l) => {
            let (phase, application_id, status) = match l {
                LaunchData::CheckData(c) => (c.phase, None, None),
                LaunchData::CreateData(a) => (Some(a.phase), Some(a.application_id), None),
                LaunchData::InfoData(i) => (Some(i.phase), i.application_id, i.status),
            };
            match field {
                EPP_EXT_APPLICATION_ID => text(application_id),
                EPP_EXT_STATUS => text(status.map(|s| s.value)),
                EPP_EXT_NAME => text(status.and_then(|s| s.name)),
                EPP_EXT_LANG => text(status.and_then(|s| s.lang)),
                EPP_EXT_TEXT => text(status.map(|s| s.text)),
                _ => phase_value(phase, field),
            }
        }
    }
}

/// Field `field` of one item, `None` when it has no such field.
pub(crate) fn item_value<'a>(it: &Item<'a>, field: u32) -> Option<Value<'a>> {
    match *it {
        Item::Whole(t) => whole_value(t, field),
        Item::Ds(d) => match field {
            EPP_EXT_KEY_TAG => num(d.key_tag()),
            EPP_EXT_ALG => num(d.alg()),
            EPP_EXT_DIGEST_TYPE => num(d.digest_type()),
            EPP_EXT_DIGEST => text(Some(d.digest())),
            EPP_EXT_KEY_ALG => num(d.key_data().and_then(|k| k.alg())),
            EPP_EXT_PUBLIC_KEY => text(d.key_data().map(|k| k.public_key())),
            _ => d.key_data().and_then(|k| key_value(&k, field)),
        },
        Item::Key(k) => match field {
            EPP_EXT_ALG => num(k.alg()),
            EPP_EXT_PUBLIC_KEY => text(Some(k.public_key())),
            _ => key_value(&k, field),
        },
        Item::RgpStatus(s) => match field {
            EPP_EXT_STATUS => text(Some(s.raw)),
            EPP_EXT_LANG => text(s.lang),
            EPP_EXT_TEXT => text(Some(s.text)),
            _ => None,
        },
        Item::Ttl(t) => match field {
            EPP_EXT_RECORD_TYPE => text(Some(t.record_type)),
            EPP_EXT_CUSTOM => text(t.custom),
            EPP_EXT_SECONDS => num(t.seconds),
            EPP_EXT_MIN => num(t.min),
            EPP_EXT_DEFAULT => num(t.default),
            EPP_EXT_MAX => num(t.max),
            _ => None,
        },
        Item::Fee(f) => match field {
            EPP_EXT_AMOUNT => text(Some(f.amount)),
            EPP_EXT_DESCRIPTION => text(f.description),
            EPP_EXT_LANG => text(f.lang),
            EPP_EXT_REFUNDABLE => num(f.refundable),
            EPP_EXT_GRACE_PERIOD => text(f.grace_period),
            EPP_EXT_APPLIED => text(f.applied),
            _ => None,
        },
        Item::Credit(c) => match field {
            EPP_EXT_AMOUNT => text(Some(c.amount)),
            EPP_EXT_DESCRIPTION => text(c.description),
            EPP_EXT_LANG => text(c.lang),
            _ => None,
        },
        Item::FeeCheckItem(c) => match field {
            EPP_EXT_OBJECT_ID => text(Some(c.object_id)),
            EPP_EXT_AVAILABLE => num(c.available),
            EPP_EXT_CLASS => text(c.class),
            EPP_EXT_CURRENCY => text(c.currency),
            _ => None,
        },
        Item::FeeCommand(c) => match field {
            EPP_EXT_COMMAND => text(Some(c.name)),
            EPP_EXT_PHASE => text(c.phase),
            _ => None,
        },
        Item::Event(e) => match field {
            EPP_EXT_EVENT_TYPE => text(Some(e.event_type)),
            EPP_EXT_NAME => text(e.name),
            EPP_EXT_LEVEL => text(Some(e.level)),
            EPP_EXT_LANG => text(e.lang),
            EPP_EXT_TEXT => text(Some(e.text)),
            _ => None,
        },
        Item::LaunchCheck(c) => match field {
            EPP_EXT_NAME => text(Some(c.name)),
            EPP_EXT_EXISTS => num(Some(c.exists)),
            _ => None,
        },
        Item::More(x) => crate::ext_more::item_value_more(x, field),
    }
}

fn string_value(
    m: &EppMessage,
    index: usize,
    list: u32,
    i: usize,
    field: u32,
) -> Result<Str<'_>, EppResult> {
    match m.ext_value(index, list, i, field)? {
        Value::Text(s) => Ok(s),
        Value::Number(_) => Err(EppResult::WrongKind),
    }
}

/// String field `field` (`EPP_EXT_*`) of item `item` of list `list` of
/// extension element `index`, as written. `EPP_RESULT_WRONG_KIND` for a
/// number field (read it with `epp_message_ext_number`),
/// `EPP_RESULT_ABSENT` when the item has no such field,
/// `EPP_RESULT_INDEX_OUT_OF_RANGE` past a count,
/// `EPP_RESULT_INVALID_ARGUMENT` for an unknown list or field.
///
/// The handle keeps where the last extension call got to: the next field
/// of the same item, or the next item of the same list, costs only
/// itself (a new read starts afresh).
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_ext_string(
    message: *const EppMessage,
    index: usize,
    list: u32,
    item: usize,
    field: u32,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            string_value(m, index, list, item, field).map(|s| s.raw())
        })
    }
}

/// The value of a string field, unescaped into `buf` as
/// `epp_message_field_unescaped` does.
///
/// # Safety
///
/// As `epp_message_field_unescaped`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_ext_string_unescaped(
    message: *const EppMessage,
    index: usize,
    list: u32,
    item: usize,
    field: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        unescaped_out(message, buf, cap, out_len, |m| {
            string_value(m, index, list, item, field)
        })
    }
}

/// Number field `field` (`EPP_EXT_*`: key tags, algorithms, lifetimes,
/// TTLs, flags 0/1) of item `item` of list `list` of extension element
/// `index`, in `*out`. `EPP_RESULT_WRONG_KIND` for a string field; other
/// results as `epp_message_ext_string`.
///
/// # Safety
///
/// As `epp_message_field`; `out` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_ext_number(
    message: *const EppMessage,
    index: usize,
    list: u32,
    item: usize,
    field: u32,
    out: *mut u64,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        match m.ext_value(index, list, item, field)? {
            Value::Number(n) => {
                // SAFETY: non-NULL and writable.
                unsafe { out.write(n) };
                Ok(())
            }
            Value::Text(_) => Err(EppResult::WrongKind),
        }
    })
}

#[cfg(test)]
mod tests;
