//! More typed extension parts, read through the accessors of `ext.rs`
//! (`epp_message_ext_kind`/`_count`/`_string`/`_number`):
//!
//! - fee-1.0 check data in depth: each `<fee:cd>`'s commands (list
//!   `FEE_CHECK_COMMANDS`) and their fees and credits (`FEE_CHECK_FEES`,
//!   `FEE_CHECK_CREDITS`), plus the fields the first accessors left out
//!   (a command's `customName`, `subphase`, period; a `cd`'s `objID
//!   element` and reason; a transfer response's period);
//! - launch-1.0 create details: the create `type`, code marks, signed and
//!   encoded signed marks, claims notices, and the marks' records (also of
//!   a launch `<infData>`);
//! - changePoll-1.0, addlEmail-1.0, b-dn, maintenance-1.0, Verisign's
//!   namestoreExt, sync, low-balance and rgp poll data, and secDNS-1.0
//!   `<infData>` (read as a secDNS-1.1 one, `EPP_EXT_KIND_SEC_DNS_INFO`).
//!
//! Lists nested in lists are flattened: `FEE_CHECK_COMMANDS` holds the
//! commands of every `cd` in order, each with `EPP_EXT_PARENT`, the index
//! of its `cd` in `FEE_CHECK_ITEMS`; `FEE_CHECK_FEES` the fees of every
//! one of those commands, each with `EPP_EXT_PARENT` the command's index
//! in `FEE_CHECK_COMMANDS`. So every item stays one (list, item) pair of
//! the existing accessors, with no allocation.
//!
//! Data that is not in `<extension>` (maintenance, Verisign's poll data
//! in `<resData>`, the `<maint:info>` command) is read at the element
//! index `EPP_EXT_INDEX_DATA`.

use epp_codec::view::ext::fee::{Fee, FeeCheckItem, FeeCommandData, FeeCredit, FeeData};
use epp_codec::view::ext::launch::{Launch, LaunchData, LaunchMarks};
use epp_codec::view::ext::{
    AddlEmail, BundledName, Bundling, ChangeData, ClaimsNotice, CodeMark, EncodedSignedMark,
    LangText, LowBalancePoll, MaintenanceData, MaintenanceDescription, MaintenanceId,
    MaintenanceInfo, MaintenanceItem, MaintenanceListItem, MaintenanceSystem, Mark, MarkParty,
    MarkRecord, Namestore, NamestoreError, RgpPoll, SecDnsData, SignedMark, SyncUpdate,
};
use epp_codec::view::{Command, List, PeriodUnit, RawElement, Str};
use epp_codec::xml::Ns;

use crate::EppResult;
use crate::ext::{EppExtKind, Item, Items, Typed, Value, item_value, num, text};
use crate::message::Stored;

/// The element index of a message's data outside `<extension>`: a
/// response's first `<resData>` child (maintenance-1.0 `<infData>`,
/// Verisign low-balance or rgp poll data), or a command's object
/// (`<maint:info>`). Pass it as `index` to the `epp_message_ext_*`
/// accessors; `EPP_EXT_KIND_NONE` when there is no such data,
/// `EPP_EXT_KIND_RAW` when it is not one of those.
pub const EPP_EXT_INDEX_DATA: usize = 4294967295;

/// fee `<command>`s of every `<cd>` of a `<fee:chkData>`, in order
/// (`EPP_EXT_PARENT`: the `cd`'s index in `FEE_CHECK_ITEMS`).
pub const EPP_EXT_LIST_FEE_CHECK_COMMANDS: u32 = 13;
/// fee `<fee>`s of every command in `FEE_CHECK_COMMANDS`
/// (`EPP_EXT_PARENT`: the command's index there).
pub const EPP_EXT_LIST_FEE_CHECK_FEES: u32 = 14;
/// fee `<credit>`s of every command in `FEE_CHECK_COMMANDS`
/// (`EPP_EXT_PARENT`: the command's index there).
pub const EPP_EXT_LIST_FEE_CHECK_CREDITS: u32 = 15;
/// launch `<codeMark>`s of a create: `EPP_EXT_CODE`, `EPP_EXT_VALIDATOR_ID`.
pub const EPP_EXT_LIST_LAUNCH_CODE_MARKS: u32 = 16;
/// The mark-1.0 records (`<trademark>`, `<treatyOrStatute>`, `<court>`)
/// of a launch create's code marks or signed marks, or of a launch
/// `<infData>`'s marks (`EPP_EXT_PARENT`: the index of the code mark,
/// signed mark or mark).
pub const EPP_EXT_LIST_LAUNCH_MARK_RECORDS: u32 = 17;
/// smd `<signedMark>`s of a launch create: `EPP_EXT_XML` (the raw
/// element), `EPP_EXT_MARK_ID` (its `<smd:id>`), `EPP_EXT_NOT_AFTER`.
pub const EPP_EXT_LIST_LAUNCH_SIGNED_MARKS: u32 = 18;
/// smd `<encodedSignedMark>`s of a launch create: `EPP_EXT_ENCODING`,
/// `EPP_EXT_DATA`.
pub const EPP_EXT_LIST_LAUNCH_ENCODED_SIGNED_MARKS: u32 = 19;
/// launch `<notice>`s of a create: `EPP_EXT_NOTICE_ID`,
/// `EPP_EXT_VALIDATOR_ID`, `EPP_EXT_NOT_AFTER`, `EPP_EXT_ACCEPTED_DATE`.
pub const EPP_EXT_LIST_LAUNCH_NOTICES: u32 = 20;
/// maintenance `<type>`s of an item: `EPP_EXT_TEXT`, `EPP_EXT_LANG`.
pub const EPP_EXT_LIST_MAINTENANCE_TYPES: u32 = 21;
/// maintenance `<systems><system>`s: `EPP_EXT_NAME`, `EPP_EXT_HOST`,
/// `EPP_EXT_IMPACT`.
pub const EPP_EXT_LIST_MAINTENANCE_SYSTEMS: u32 = 22;
/// maintenance `<description>`s: `EPP_EXT_TEXT`, `EPP_EXT_LANG`,
/// `EPP_EXT_CONTENT_TYPE`.
pub const EPP_EXT_LIST_MAINTENANCE_DESCRIPTIONS: u32 = 23;
/// maintenance `<tlds><tld>`s: `EPP_EXT_TEXT`.
pub const EPP_EXT_LIST_MAINTENANCE_TLDS: u32 = 24;
/// maintenance `<list><listItem>`s: `EPP_EXT_MAINTENANCE_ID`,
/// `EPP_EXT_NAME`, `EPP_EXT_LANG`, `EPP_EXT_START`, `EPP_EXT_END`,
/// `EPP_EXT_CREATED`, `EPP_EXT_UPDATED`.
pub const EPP_EXT_LIST_MAINTENANCE_LIST_ITEMS: u32 = 25;
/// b-dn `<bundle><bdn>`s: `EPP_EXT_NAME`, `EPP_EXT_U_LABEL`.
pub const EPP_EXT_LIST_BUNDLE_NAMES: u32 = 26;
/// mark `<label>`s of every record in `LAUNCH_MARK_RECORDS`: `EPP_EXT_TEXT`
/// (`EPP_EXT_PARENT`: the record's index there).
pub const EPP_EXT_LIST_LAUNCH_MARK_LABELS: u32 = 27;
/// mark `<class>`es of every record in `LAUNCH_MARK_RECORDS`:
/// `EPP_EXT_TEXT` (`EPP_EXT_PARENT`: the record's index there).
pub const EPP_EXT_LIST_LAUNCH_MARK_CLASSES: u32 = 28;
/// mark `<holder>`s then `<contact>`s of every record in
/// `LAUNCH_MARK_RECORDS`: `EPP_EXT_PARTY`, `EPP_EXT_ROLE`, `EPP_EXT_NAME`,
/// `EPP_EXT_ORG`, `EPP_EXT_EMAIL`, `EPP_EXT_CITY`, `EPP_EXT_COUNTRY`
/// (`EPP_EXT_PARENT`: the record's index there).
pub const EPP_EXT_LIST_LAUNCH_MARK_PARTIES: u32 = 29;

/// Number: the index of a flattened item's parent (see the lists).
pub const EPP_EXT_PARENT: u32 = 46;
/// String: `customName` of a fee command.
pub const EPP_EXT_CUSTOM_NAME: u32 = 47;
/// String: `subphase` of a fee command.
pub const EPP_EXT_SUBPHASE: u32 = 48;
/// Number: a fee `<period>` (of a command, or of a transfer response).
pub const EPP_EXT_PERIOD: u32 = 49;
/// String: the unit of that period, `y` or `m` (static).
pub const EPP_EXT_PERIOD_UNIT: u32 = 50;
/// Number 0/1: `standard` of a fee check command.
pub const EPP_EXT_STANDARD: u32 = 51;
/// String: a reason: fee `<reason>` (of a `cd` or a command; its `lang` in
/// `EPP_EXT_LANG`), changePoll `<reason>`, maintenance `<reason>`.
pub const EPP_EXT_REASON: u32 = 52;
/// String: `element` of a fee `<objID>`.
pub const EPP_EXT_OBJECT_ELEMENT: u32 = 53;
/// String: launch `<codeMark><code>`.
pub const EPP_EXT_CODE: u32 = 54;
/// String: `validatorID` of a launch code or notice id.
pub const EPP_EXT_VALIDATOR_ID: u32 = 55;
/// String: what a mark record is: `trademark`, `treatyOrStatute` or
/// `court` (static).
pub const EPP_EXT_MARK_KIND: u32 = 56;
/// String: mark `<id>` of a mark record; `<smd:id>` of a signed mark.
pub const EPP_EXT_MARK_ID: u32 = 57;
/// String: `<markName>` of a mark record.
pub const EPP_EXT_MARK_NAME: u32 = 58;
/// String: `<name>` of a mark record's first `<holder>`.
pub const EPP_EXT_HOLDER_NAME: u32 = 59;
/// String: `<org>` of a mark record's first `<holder>`.
pub const EPP_EXT_HOLDER_ORG: u32 = 60;
/// String: `<jurisdiction>` of a mark record.
pub const EPP_EXT_JURISDICTION: u32 = 61;
/// String: `<goodsAndServices>` of a mark record.
pub const EPP_EXT_GOODS_AND_SERVICES: u32 = 62;
/// String: the raw XML of an element (a signed mark).
pub const EPP_EXT_XML: u32 = 63;
/// String: `encoding` of an encoded signed mark.
pub const EPP_EXT_ENCODING: u32 = 64;
/// String: the data of an encoded signed mark (base64, as written).
pub const EPP_EXT_DATA: u32 = 65;
/// String: a launch notice's `<noticeID>`.
pub const EPP_EXT_NOTICE_ID: u32 = 66;
/// String: `<notAfter>` of a launch notice or a signed mark.
pub const EPP_EXT_NOT_AFTER: u32 = 67;
/// String: a launch notice's `<acceptedDate>`.
pub const EPP_EXT_ACCEPTED_DATE: u32 = 68;
/// String: a launch create's `type`: `application` or `registration`
/// (static).
pub const EPP_EXT_CREATE_TYPE: u32 = 69;
/// String: changePoll `state` (`before`, `after`).
pub const EPP_EXT_STATE: u32 = 70;
/// String: changePoll `<operation>`.
pub const EPP_EXT_OPERATION: u32 = 71;
/// String: `op` of the changePoll `<operation>`.
pub const EPP_EXT_OPERATION_TYPE: u32 = 72;
/// String: changePoll `<date>`.
pub const EPP_EXT_DATE: u32 = 73;
/// String: changePoll `<svTRID>`.
pub const EPP_EXT_SV_TRID: u32 = 74;
/// String: changePoll `<who>`.
pub const EPP_EXT_WHO: u32 = 75;
/// String: changePoll `<caseId>`.
pub const EPP_EXT_CASE_ID: u32 = 76;
/// String: `type` of the changePoll `<caseId>`.
pub const EPP_EXT_CASE_TYPE: u32 = 77;
/// String: `name` of the changePoll `<caseId>`.
pub const EPP_EXT_CASE_NAME: u32 = 78;
/// String: Verisign namestore `<subProduct>`.
pub const EPP_EXT_SUB_PRODUCT: u32 = 79;
/// String: `code` of a Verisign namestore error's `<msg>`.
pub const EPP_EXT_ERROR_CODE: u32 = 80;
/// String: Verisign sync `<expMonthDay>` (`--MM-DD`).
pub const EPP_EXT_EXP_MONTH_DAY: u32 = 81;
/// String: Verisign low-balance `<registrarName>`.
pub const EPP_EXT_REGISTRAR_NAME: u32 = 82;
/// String: Verisign low-balance `<creditThreshold>`.
pub const EPP_EXT_CREDIT_THRESHOLD: u32 = 83;
/// String: `type` of that threshold (`FIXED`, `PERCENT`).
pub const EPP_EXT_THRESHOLD_TYPE: u32 = 84;
/// String: Verisign low-balance `<availableCredit>`.
pub const EPP_EXT_AVAILABLE_CREDIT: u32 = 85;
/// String: Verisign rgp poll `<reqDate>`.
pub const EPP_EXT_REQUEST_DATE: u32 = 86;
/// String: Verisign rgp poll `<reportDueDate>`.
pub const EPP_EXT_REPORT_DUE_DATE: u32 = 87;
/// String: maintenance `<id>`.
pub const EPP_EXT_MAINTENANCE_ID: u32 = 88;
/// String: maintenance `<pollType>`.
pub const EPP_EXT_POLL_TYPE: u32 = 89;
/// String: `type` of the maintenance `<environment>`.
pub const EPP_EXT_ENVIRONMENT: u32 = 90;
/// String: `name` of the maintenance `<environment>`.
pub const EPP_EXT_ENVIRONMENT_NAME: u32 = 91;
/// String: maintenance `<start>`.
pub const EPP_EXT_START: u32 = 92;
/// String: maintenance `<end>`.
pub const EPP_EXT_END: u32 = 93;
/// String: maintenance `<detail>`.
pub const EPP_EXT_DETAIL: u32 = 94;
/// Number 0/1: maintenance `<intervention><connection>`.
pub const EPP_EXT_CONNECTION: u32 = 95;
/// Number 0/1: maintenance `<intervention><implementation>`.
pub const EPP_EXT_IMPLEMENTATION: u32 = 96;
/// String: maintenance `<crDate>`.
pub const EPP_EXT_CREATED: u32 = 97;
/// String: maintenance `<upDate>`.
pub const EPP_EXT_UPDATED: u32 = 98;
/// String: `<host>` of a maintenance system.
pub const EPP_EXT_HOST: u32 = 99;
/// String: `<impact>` of a maintenance system.
pub const EPP_EXT_IMPACT: u32 = 100;
/// String: `type` of a maintenance description (`plain`, `html`).
pub const EPP_EXT_CONTENT_TYPE: u32 = 101;
/// String: addlEmail `<email>`.
pub const EPP_EXT_EMAIL: u32 = 102;
/// Number 0/1: addlEmail `primary`.
pub const EPP_EXT_PRIMARY: u32 = 103;
/// String: `uLabel` of a b-dn name.
pub const EPP_EXT_U_LABEL: u32 = 104;
/// String: which b-dn response element it is: `infData`, `creData`,
/// `delData`, `renData`, `trnData`, `upData` (static).
pub const EPP_EXT_BUNDLE_DATA: u32 = 105;
/// String: whether a mark party is a `holder` or a `contact` (static).
pub const EPP_EXT_PARTY: u32 = 106;
/// String: a mark holder's `entitlement` or a mark contact's `type`.
pub const EPP_EXT_ROLE: u32 = 107;
/// String: `<org>` of a mark party.
pub const EPP_EXT_ORG: u32 = 108;
/// String: `<addr><city>` of a mark party.
pub const EPP_EXT_CITY: u32 = 109;
/// String: `<cc>`: of a mark party's address, or a treaty or court
/// record's country.
pub const EPP_EXT_COUNTRY: u32 = 110;
/// String: `<regNum>` of a mark record.
pub const EPP_EXT_REGISTRATION_NUMBER: u32 = 111;
/// String: `<regDate>` of a mark record.
pub const EPP_EXT_REGISTRATION_DATE: u32 = 112;
/// String: `<exDate>` of a mark record.
pub const EPP_EXT_EXPIRATION_DATE: u32 = 113;
/// String: `<apId>` of a mark record.
pub const EPP_EXT_MARK_APPLICATION_ID: u32 = 114;
/// String: `<apDate>` of a mark record.
pub const EPP_EXT_APPLICATION_DATE: u32 = 115;
/// String: `<refNum>` of a mark record.
pub const EPP_EXT_REFERENCE_NUMBER: u32 = 116;
/// String: `<proDate>` of a mark record.
pub const EPP_EXT_PROTECTION_DATE: u32 = 117;
/// String: `<title>` of a treaty or statute record.
pub const EPP_EXT_TITLE: u32 = 118;
/// String: `<execDate>` of a treaty or statute record.
pub const EPP_EXT_EXECUTION_DATE: u32 = 119;
/// String: `<courtName>` of a court record.
pub const EPP_EXT_COURT_NAME: u32 = 120;

/// An extension element (or data) typed here.
// Unboxed, as `ext.rs`'s `Typed`: a box would allocate per call.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy)]
pub(crate) enum More<'a> {
    ChangePoll(ChangeData<'a>),
    AddlEmail(AddlEmail<'a>),
    Bundling(Bundling<'a>),
    MaintenanceInfo(MaintenanceInfo<'a>),
    MaintenanceItem(MaintenanceItem<'a>),
    MaintenanceList(List<'a, MaintenanceListItem<'a>>),
    Namestore(Namestore<'a>),
    NamestoreError(NamestoreError<'a>),
    Sync(SyncUpdate<'a>),
    LowBalance(LowBalancePoll<'a>),
    RgpPoll(RgpPoll<'a>),
}

/// Extension element `raw` typed here (after `ext.rs` found nothing).
pub(crate) fn typed(raw: RawElement<'_>, command: bool) -> Option<Typed<'_>> {
    if !command && raw.is(Ns::SecDns10, "infData") {
        return SecDnsData::from_raw(raw).map(Typed::SecDnsInfo);
    }
    data_typed(raw).map(Typed::More)
}

fn data_typed(raw: RawElement<'_>) -> Option<More<'_>> {
    None.or_else(|| ChangeData::from_raw(raw).map(More::ChangePoll))
        .or_else(|| AddlEmail::from_raw(raw).map(More::AddlEmail))
        .or_else(|| Bundling::from_raw(raw).map(More::Bundling))
        .or_else(|| Namestore::from_raw(raw).map(More::Namestore))
        .or_else(|| NamestoreError::from_raw(raw).map(More::NamestoreError))
        .or_else(|| SyncUpdate::from_raw(raw).map(More::Sync))
        .or_else(|| LowBalancePoll::from_raw(raw).map(More::LowBalance))
        .or_else(|| RgpPoll::from_raw(raw).map(More::RgpPoll))
        .or_else(|| {
            MaintenanceData::from_raw(raw).map(|d| match d {
                MaintenanceData::Item(i) => More::MaintenanceItem(i),
                MaintenanceData::List(l) => More::MaintenanceList(l),
            })
        })
}

/// The data at `EPP_EXT_INDEX_DATA`.
pub(crate) fn typed_data<'a>(view: &Stored<'a>) -> Result<Typed<'a>, EppResult> {
    match view {
        Stored::Command(r) => match r.command() {
            Command::Maintenance(info) => Ok(Typed::More(More::MaintenanceInfo(*info))),
            _ => Err(EppResult::Absent),
        },
        Stored::Response(r, _) => {
            let first = r.res_data().iter().next().ok_or(EppResult::Absent)?;
            Ok(data_typed(first).map_or(Typed::Raw, Typed::More))
        }
        _ => Err(EppResult::WrongKind),
    }
}

/// The kind of an element typed here.
pub(crate) fn kind(x: More<'_>) -> EppExtKind {
    match x {
        More::ChangePoll(_) => EppExtKind::ChangePoll,
        More::AddlEmail(_) => EppExtKind::AddlEmail,
        More::Bundling(_) => EppExtKind::Bundling,
        More::MaintenanceInfo(_) => EppExtKind::MaintenanceInfo,
        More::MaintenanceItem(_) => EppExtKind::MaintenanceItem,
        More::MaintenanceList(_) => EppExtKind::MaintenanceList,
        More::Namestore(_) => EppExtKind::VerisignNamestore,
        More::NamestoreError(_) => EppExtKind::VerisignNamestoreError,
        More::Sync(_) => EppExtKind::VerisignSync,
        More::LowBalance(_) => EppExtKind::VerisignLowBalance,
        More::RgpPoll(_) => EppExtKind::VerisignRgpPoll,
    }
}

/// One item of a list of this file.
// Unboxed, as `ext.rs`'s `Typed`: a box would allocate per call.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy)]
pub(crate) enum MoreItem<'a> {
    /// A flattened fee and its command's index.
    Fee(usize, Fee<'a>),
    /// A flattened credit and its command's index.
    Credit(usize, FeeCredit<'a>),
    FeeCommand(usize, FeeCommandData<'a>),
    CodeMark(CodeMark<'a>),
    MarkRecord(usize, MarkRecord<'a>),
    SignedMark(SignedMark<'a>),
    EncodedSignedMark(EncodedSignedMark<'a>),
    Notice(ClaimsNotice<'a>),
    LangText(LangText<'a>),
    System(MaintenanceSystem<'a>),
    Description(MaintenanceDescription<'a>),
    Tld(Str<'a>),
    ListItem(MaintenanceListItem<'a>),
    BundledName(BundledName<'a>),
    /// A label or class and its record's index.
    MarkText(usize, Str<'a>),
    /// A holder (`true`) or contact and its record's index.
    MarkParty(usize, bool, MarkParty<'a>),
}

/// Where mark records come from.
#[derive(Clone, Copy)]
pub(crate) enum MarkSource<'a> {
    CodeMarks(List<'a, CodeMark<'a>>),
    SignedMarks(List<'a, SignedMark<'a>>),
    Marks(List<'a, Mark<'a>>),
}

/// A list of this file.
#[derive(Clone, Copy)]
pub(crate) enum MoreItems<'a> {
    FeeCommands(List<'a, FeeCheckItem<'a>>),
    FeeFees(List<'a, FeeCheckItem<'a>>),
    FeeCredits(List<'a, FeeCheckItem<'a>>),
    CodeMarks(List<'a, CodeMark<'a>>),
    MarkRecords(MarkSource<'a>),
    SignedMarks(List<'a, SignedMark<'a>>),
    EncodedSignedMarks(List<'a, EncodedSignedMark<'a>>),
    Notices(List<'a, ClaimsNotice<'a>>),
    LangTexts(List<'a, LangText<'a>>),
    Systems(List<'a, MaintenanceSystem<'a>>),
    Descriptions(List<'a, MaintenanceDescription<'a>>),
    Tlds(List<'a, Str<'a>>),
    ListItems(List<'a, MaintenanceListItem<'a>>),
    BundledNames(List<'a, BundledName<'a>>),
    MarkLabels(MarkSource<'a>),
    MarkClasses(MarkSource<'a>),
    MarkParties(MarkSource<'a>),
}

/// The labels (or classes) of every mark record, with the record's index.
fn mark_texts<'a>(
    source: MarkSource<'a>,
    classes: bool,
) -> impl Iterator<Item = (usize, Str<'a>)> + 'a {
    mark_records(source)
        .enumerate()
        .flat_map(move |(i, (_, r))| {
            let texts = if classes { r.classes } else { r.labels };
            texts.iter().map(move |t| (i, t))
        })
}

/// The holders then contacts of every mark record, with the record's
/// index and whether each is a holder.
fn mark_parties<'a>(
    source: MarkSource<'a>,
) -> impl Iterator<Item = (usize, bool, MarkParty<'a>)> + 'a {
    mark_records(source).enumerate().flat_map(|(i, (_, r))| {
        let holders = r.holders.iter().map(move |p| (i, true, p));
        holders.chain(r.contacts.iter().map(move |p| (i, false, p)))
    })
}

/// The commands of every `cd`, with the `cd`'s index.
fn fee_commands<'a>(
    cds: List<'a, FeeCheckItem<'a>>,
) -> impl Iterator<Item = (usize, FeeCommandData<'a>)> + 'a {
    cds.iter()
        .enumerate()
        .flat_map(|(p, cd)| cd.commands.iter().map(move |c| (p, c)))
}

/// The records of one mark, in document order of kind.
fn records<'a>(m: Mark<'a>) -> impl Iterator<Item = MarkRecord<'a>> + 'a {
    m.trademarks
        .iter()
        .chain(m.treaties_or_statutes.iter())
        .chain(m.courts.iter())
}

/// Every mark record of `source`, with the index of its mark.
fn mark_records<'a>(source: MarkSource<'a>) -> impl Iterator<Item = (usize, MarkRecord<'a>)> + 'a {
    let marks = move |i: usize| -> Option<Mark<'a>> {
        match source {
            MarkSource::CodeMarks(l) => l.get(i)?.mark,
            MarkSource::SignedMarks(l) => l.get(i)?.mark(),
            MarkSource::Marks(l) => l.get(i),
        }
    };
    let n = match source {
        MarkSource::CodeMarks(l) => l.len(),
        MarkSource::SignedMarks(l) => l.len(),
        MarkSource::Marks(l) => l.len(),
    };
    (0..n).flat_map(move |p| {
        marks(p)
            .into_iter()
            .flat_map(move |m| records(m).map(move |r| (p, r)))
    })
}

impl<'a> MoreItems<'a> {
    pub(crate) fn len(&self) -> usize {
        match self {
            MoreItems::FeeCommands(l) => fee_commands(*l).count(),
            MoreItems::FeeFees(l) => fee_commands(*l).map(|(_, c)| c.fees.len()).sum(),
            MoreItems::FeeCredits(l) => fee_commands(*l).map(|(_, c)| c.credits.len()).sum(),
            MoreItems::CodeMarks(l) => l.len(),
            MoreItems::MarkRecords(s) => mark_records(*s).count(),
            MoreItems::SignedMarks(l) => l.len(),
            MoreItems::EncodedSignedMarks(l) => l.len(),
            MoreItems::Notices(l) => l.len(),
            MoreItems::LangTexts(l) => l.len(),
            MoreItems::Systems(l) => l.len(),
            MoreItems::Descriptions(l) => l.len(),
            MoreItems::Tlds(l) => l.len(),
            MoreItems::ListItems(l) => l.len(),
            MoreItems::BundledNames(l) => l.len(),
            MoreItems::MarkLabels(s) => mark_texts(*s, false).count(),
            MoreItems::MarkClasses(s) => mark_texts(*s, true).count(),
            MoreItems::MarkParties(s) => mark_parties(*s).count(),
        }
    }

    /// The list from item `i` on, for a list that is one `List`; `None`
    /// for a list flattened from several, whose items carry the index of
    /// the part they are in.
    pub(crate) fn starting_at(&self, i: usize) -> Option<MoreItems<'a>> {
        match self {
            MoreItems::CodeMarks(l) => Some(MoreItems::CodeMarks(l.starting_at(i))),
            MoreItems::SignedMarks(l) => Some(MoreItems::SignedMarks(l.starting_at(i))),
            MoreItems::EncodedSignedMarks(l) => {
                Some(MoreItems::EncodedSignedMarks(l.starting_at(i)))
            }
            MoreItems::Notices(l) => Some(MoreItems::Notices(l.starting_at(i))),
            MoreItems::LangTexts(l) => Some(MoreItems::LangTexts(l.starting_at(i))),
            MoreItems::Systems(l) => Some(MoreItems::Systems(l.starting_at(i))),
            MoreItems::Descriptions(l) => Some(MoreItems::Descriptions(l.starting_at(i))),
            MoreItems::Tlds(l) => Some(MoreItems::Tlds(l.starting_at(i))),
            MoreItems::ListItems(l) => Some(MoreItems::ListItems(l.starting_at(i))),
            MoreItems::BundledNames(l) => Some(MoreItems::BundledNames(l.starting_at(i))),
            MoreItems::FeeCommands(_)
            | MoreItems::FeeFees(_)
            | MoreItems::FeeCredits(_)
            | MoreItems::MarkRecords(_)
            | MoreItems::MarkLabels(_)
            | MoreItems::MarkClasses(_)
            | MoreItems::MarkParties(_) => None,
        }
    }

    pub(crate) fn get(&self, i: usize) -> Option<MoreItem<'a>> {
        match self {
            MoreItems::FeeCommands(l) => fee_commands(*l)
                .nth(i)
                .map(|(p, c)| MoreItem::FeeCommand(p, c)),
            MoreItems::FeeFees(l) => fee_commands(*l)
                .enumerate()
                .flat_map(|(p, (_, c))| c.fees.iter().map(move |f| (p, f)))
                .nth(i)
                .map(|(p, f)| MoreItem::Fee(p, f)),
            MoreItems::FeeCredits(l) => fee_commands(*l)
                .enumerate()
                .flat_map(|(p, (_, c))| c.credits.iter().map(move |f| (p, f)))
                .nth(i)
                .map(|(p, f)| MoreItem::Credit(p, f)),
            MoreItems::CodeMarks(l) => l.get(i).map(MoreItem::CodeMark),
            MoreItems::MarkRecords(s) => mark_records(*s)
                .nth(i)
                .map(|(p, r)| MoreItem::MarkRecord(p, r)),
            MoreItems::SignedMarks(l) => l.get(i).map(MoreItem::SignedMark),
            MoreItems::EncodedSignedMarks(l) => l.get(i).map(MoreItem::EncodedSignedMark),
            MoreItems::Notices(l) => l.get(i).map(MoreItem::Notice),
            MoreItems::LangTexts(l) => l.get(i).map(MoreItem::LangText),
            MoreItems::Systems(l) => l.get(i).map(MoreItem::System),
            MoreItems::Descriptions(l) => l.get(i).map(MoreItem::Description),
            MoreItems::Tlds(l) => l.get(i).map(MoreItem::Tld),
            MoreItems::ListItems(l) => l.get(i).map(MoreItem::ListItem),
            MoreItems::BundledNames(l) => l.get(i).map(MoreItem::BundledName),
            MoreItems::MarkLabels(s) => mark_texts(*s, false)
                .nth(i)
                .map(|(p, t)| MoreItem::MarkText(p, t)),
            MoreItems::MarkClasses(s) => mark_texts(*s, true)
                .nth(i)
                .map(|(p, t)| MoreItem::MarkText(p, t)),
            MoreItems::MarkParties(s) => mark_parties(*s)
                .nth(i)
                .map(|(p, holder, party)| MoreItem::MarkParty(p, holder, party)),
        }
    }
}

/// The lists of this file (and of the kinds `ext.rs` types, for the
/// lists added here).
pub(crate) fn items(t: Typed<'_>, list: u32) -> Items<'_> {
    let more = match (t, list) {
        (Typed::FeeData(FeeData::Check(c)), EPP_EXT_LIST_FEE_CHECK_COMMANDS) => {
            MoreItems::FeeCommands(c.items)
        }
        (Typed::FeeData(FeeData::Check(c)), EPP_EXT_LIST_FEE_CHECK_FEES) => {
            MoreItems::FeeFees(c.items)
        }
        (Typed::FeeData(FeeData::Check(c)), EPP_EXT_LIST_FEE_CHECK_CREDITS) => {
            MoreItems::FeeCredits(c.items)
        }
        (Typed::Launch(Launch::Create(c)), _) => match (c.marks, list) {
            (_, EPP_EXT_LIST_LAUNCH_NOTICES) => MoreItems::Notices(c.notices),
            (LaunchMarks::CodeMarks(l), EPP_EXT_LIST_LAUNCH_CODE_MARKS) => MoreItems::CodeMarks(l),
            (LaunchMarks::CodeMarks(l), _) => return mark_lists(MarkSource::CodeMarks(l), list),
            (LaunchMarks::SignedMarks(l), EPP_EXT_LIST_LAUNCH_SIGNED_MARKS) => {
                MoreItems::SignedMarks(l)
            }
            (LaunchMarks::SignedMarks(l), _) => {
                return mark_lists(MarkSource::SignedMarks(l), list);
            }
            (LaunchMarks::EncodedSignedMarks(l), EPP_EXT_LIST_LAUNCH_ENCODED_SIGNED_MARKS) => {
                MoreItems::EncodedSignedMarks(l)
            }
            _ => return Items::None,
        },
        (Typed::LaunchData(LaunchData::InfoData(i)), _) => {
            return mark_lists(MarkSource::Marks(i.marks), list);
        }
        (Typed::More(More::MaintenanceItem(m)), _) => match list {
            EPP_EXT_LIST_MAINTENANCE_TYPES => MoreItems::LangTexts(m.types),
            EPP_EXT_LIST_MAINTENANCE_SYSTEMS => MoreItems::Systems(m.systems),
            EPP_EXT_LIST_MAINTENANCE_DESCRIPTIONS => MoreItems::Descriptions(m.descriptions),
            EPP_EXT_LIST_MAINTENANCE_TLDS => MoreItems::Tlds(m.tlds),
            _ => return Items::None,
        },
        (Typed::More(More::MaintenanceList(l)), EPP_EXT_LIST_MAINTENANCE_LIST_ITEMS) => {
            MoreItems::ListItems(l)
        }
        (Typed::More(More::Bundling(b)), EPP_EXT_LIST_BUNDLE_NAMES) => match b.bundle() {
            Some(bundle) => MoreItems::BundledNames(bundle.bdns),
            None => return Items::None,
        },
        _ => return Items::None,
    };
    Items::More(more)
}

/// The lists of the mark records of `source`.
fn mark_lists(source: MarkSource<'_>, list: u32) -> Items<'_> {
    Items::More(match list {
        EPP_EXT_LIST_LAUNCH_MARK_RECORDS => MoreItems::MarkRecords(source),
        EPP_EXT_LIST_LAUNCH_MARK_LABELS => MoreItems::MarkLabels(source),
        EPP_EXT_LIST_LAUNCH_MARK_CLASSES => MoreItems::MarkClasses(source),
        EPP_EXT_LIST_LAUNCH_MARK_PARTIES => MoreItems::MarkParties(source),
        _ => return Items::None,
    })
}

fn period_unit(unit: PeriodUnit) -> Str<'static> {
    Str::new(match unit {
        PeriodUnit::Years => "y",
        PeriodUnit::Months => "m",
    })
}

fn maintenance_id<'a>(id: &MaintenanceId<'a>, field: u32) -> Option<Value<'a>> {
    use crate::ext::{EPP_EXT_LANG, EPP_EXT_NAME};
    match field {
        EPP_EXT_MAINTENANCE_ID => text(Some(id.id)),
        EPP_EXT_NAME => text(id.name),
        EPP_EXT_LANG => text(id.lang),
        _ => None,
    }
}

/// A field of an element typed here (list `EPP_EXT_LIST_SELF`).
pub(crate) fn whole_value(x: More<'_>, field: u32) -> Option<Value<'_>> {
    use crate::ext::{
        EPP_EXT_CREDIT_LIMIT, EPP_EXT_LANG, EPP_EXT_NAME, EPP_EXT_STATUS, EPP_EXT_TEXT,
    };
    match x {
        More::ChangePoll(c) => match field {
            EPP_EXT_STATE => text(c.state),
            EPP_EXT_OPERATION => text(Some(c.operation)),
            EPP_EXT_OPERATION_TYPE => text(c.operation_op),
            EPP_EXT_DATE => text(Some(c.date)),
            EPP_EXT_SV_TRID => text(Some(c.sv_trid)),
            EPP_EXT_WHO => text(Some(c.who)),
            EPP_EXT_CASE_ID => text(c.case_id.map(|i| i.id)),
            EPP_EXT_CASE_TYPE => text(c.case_id.map(|i| i.case_type)),
            EPP_EXT_CASE_NAME => text(c.case_id.and_then(|i| i.name)),
            EPP_EXT_REASON => text(c.reason),
            EPP_EXT_LANG => text(c.reason_lang),
            _ => None,
        },
        More::AddlEmail(a) => match field {
            EPP_EXT_EMAIL => text(a.email),
            EPP_EXT_PRIMARY => num(a.primary),
            _ => None,
        },
        More::Bundling(b) => {
            let rdn = match b {
                Bundling::Create(rdn) => rdn,
                Bundling::Data(_, bundle) => Some(bundle.rdn),
            };
            match field {
                EPP_EXT_NAME => text(rdn.map(|r| r.name)),
                EPP_EXT_U_LABEL => text(rdn.and_then(|r| r.u_label)),
                EPP_EXT_BUNDLE_DATA => match b {
                    Bundling::Data(kind, _) => text(Some(Str::new(kind.as_str()))),
                    Bundling::Create(_) => None,
                },
                _ => None,
            }
        }
        More::MaintenanceInfo(MaintenanceInfo::Item(id)) => maintenance_id(&id, field),
        More::MaintenanceInfo(MaintenanceInfo::List) | More::MaintenanceList(_) => None,
        More::MaintenanceItem(m) => match field {
            EPP_EXT_POLL_TYPE => text(m.poll_type),
            EPP_EXT_ENVIRONMENT => text(Some(m.environment.env_type)),
            EPP_EXT_ENVIRONMENT_NAME => text(m.environment.name),
            EPP_EXT_START => text(Some(m.start)),
            EPP_EXT_END => text(Some(m.end)),
            EPP_EXT_REASON => text(Some(m.reason)),
            EPP_EXT_DETAIL => text(m.detail),
            EPP_EXT_CONNECTION => num(m.intervention.map(|i| i.connection)),
            EPP_EXT_IMPLEMENTATION => num(m.intervention.map(|i| i.implementation)),
            EPP_EXT_CREATED => text(Some(m.created)),
            EPP_EXT_UPDATED => text(m.updated),
            _ => maintenance_id(&m.id, field),
        },
        More::Namestore(n) => match field {
            EPP_EXT_SUB_PRODUCT => text(Some(n.sub_product)),
            _ => None,
        },
        More::NamestoreError(e) => match field {
            EPP_EXT_ERROR_CODE => text(e.code),
            EPP_EXT_TEXT => text(Some(e.message)),
            _ => None,
        },
        More::Sync(s) => match field {
            EPP_EXT_EXP_MONTH_DAY => text(Some(s.exp_month_day)),
            _ => None,
        },
        More::LowBalance(l) => match field {
            EPP_EXT_REGISTRAR_NAME => text(Some(l.registrar_name)),
            EPP_EXT_CREDIT_LIMIT => text(Some(l.credit_limit)),
            EPP_EXT_CREDIT_THRESHOLD => text(Some(l.credit_threshold)),
            EPP_EXT_THRESHOLD_TYPE => text(Some(l.threshold_type)),
            EPP_EXT_AVAILABLE_CREDIT => text(Some(l.available_credit)),
            _ => None,
        },
        More::RgpPoll(r) => match field {
            EPP_EXT_NAME => text(Some(r.name)),
            EPP_EXT_STATUS => text(Some(r.status)),
            EPP_EXT_REQUEST_DATE => text(Some(r.request_date)),
            EPP_EXT_REPORT_DUE_DATE => text(Some(r.report_due_date)),
            _ => None,
        },
    }
}

/// A field of an item of a list of this file.
pub(crate) fn item_value_more(x: MoreItem<'_>, field: u32) -> Option<Value<'_>> {
    use crate::ext::{EPP_EXT_LANG, EPP_EXT_NAME, EPP_EXT_TEXT};
    match x {
        MoreItem::Fee(parent, f) => match field {
            EPP_EXT_PARENT => num(Some(parent as u64)),
            _ => item_value(&Item::Fee(f), field),
        },
        MoreItem::Credit(parent, c) => match field {
            EPP_EXT_PARENT => num(Some(parent as u64)),
            _ => item_value(&Item::Credit(c), field),
        },
        MoreItem::FeeCommand(parent, c) => match field {
            EPP_EXT_PARENT => num(Some(parent as u64)),
            crate::ext::EPP_EXT_COMMAND => text(Some(c.command.name)),
            crate::ext::EPP_EXT_PHASE => text(c.command.phase),
            crate::ext::EPP_EXT_AVAILABLE => num(c.available),
            crate::ext::EPP_EXT_CLASS => text(c.class),
            EPP_EXT_STANDARD => num(c.standard),
            EPP_EXT_REASON => text(c.reason.map(|r| r.text)),
            EPP_EXT_LANG => text(c.reason.and_then(|r| r.lang)),
            _ => command_value(&c.command, field),
        },
        MoreItem::CodeMark(c) => match field {
            EPP_EXT_CODE => text(c.code.map(|t| t.value)),
            EPP_EXT_VALIDATOR_ID => text(c.code.and_then(|t| t.validator_id)),
            _ => None,
        },
        MoreItem::MarkRecord(parent, r) => {
            let holder = r.holders.get(0);
            match field {
                EPP_EXT_PARENT => num(Some(parent as u64)),
                EPP_EXT_MARK_KIND => text(Some(Str::new(r.kind.as_str()))),
                EPP_EXT_MARK_ID => text(Some(r.id)),
                EPP_EXT_MARK_NAME => text(Some(r.mark_name)),
                EPP_EXT_HOLDER_NAME => text(holder.and_then(|h| h.name)),
                EPP_EXT_HOLDER_ORG => text(holder.and_then(|h| h.org)),
                EPP_EXT_JURISDICTION => text(r.jurisdiction),
                EPP_EXT_GOODS_AND_SERVICES => text(Some(r.goods_and_services)),
                EPP_EXT_REGISTRATION_NUMBER => text(r.registration_number),
                EPP_EXT_REGISTRATION_DATE => text(r.registration_date),
                EPP_EXT_EXPIRATION_DATE => text(r.expiration_date),
                EPP_EXT_MARK_APPLICATION_ID => text(r.application_id),
                EPP_EXT_APPLICATION_DATE => text(r.application_date),
                EPP_EXT_REFERENCE_NUMBER => text(r.reference_number),
                EPP_EXT_PROTECTION_DATE => text(r.protection_date),
                EPP_EXT_TITLE => text(r.title),
                EPP_EXT_EXECUTION_DATE => text(r.execution_date),
                EPP_EXT_COUNTRY => text(r.country),
                EPP_EXT_COURT_NAME => text(r.court_name),
                _ => None,
            }
        }
        MoreItem::MarkText(parent, t) => match field {
            EPP_EXT_PARENT => num(Some(parent as u64)),
            EPP_EXT_TEXT => text(Some(t)),
            _ => None,
        },
        MoreItem::MarkParty(parent, holder, p) => match field {
            EPP_EXT_PARENT => num(Some(parent as u64)),
            EPP_EXT_PARTY => text(Some(Str::new(if holder { "holder" } else { "contact" }))),
            EPP_EXT_ROLE => text(p.role),
            EPP_EXT_NAME => text(p.name),
            EPP_EXT_ORG => text(p.org),
            EPP_EXT_EMAIL => text(p.email),
            EPP_EXT_CITY => text(Some(p.address.city)),
            EPP_EXT_COUNTRY => text(Some(p.address.cc)),
            _ => None,
        },
        MoreItem::SignedMark(s) => match field {
            EPP_EXT_XML => text(Some(Str::new(s.raw().as_str()))),
            EPP_EXT_MARK_ID => text(s.smd_id()),
            EPP_EXT_NOT_AFTER => text(s.not_after()),
            _ => None,
        },
        MoreItem::EncodedSignedMark(e) => match field {
            EPP_EXT_ENCODING => text(e.encoding),
            EPP_EXT_DATA => text(Some(e.data)),
            _ => None,
        },
        MoreItem::Notice(n) => match field {
            EPP_EXT_NOTICE_ID => text(Some(n.id.value)),
            EPP_EXT_VALIDATOR_ID => text(n.id.validator_id),
            EPP_EXT_NOT_AFTER => text(Some(n.not_after)),
            EPP_EXT_ACCEPTED_DATE => text(Some(n.accepted_date)),
            _ => None,
        },
        MoreItem::LangText(t) => match field {
            EPP_EXT_TEXT => text(Some(t.text)),
            EPP_EXT_LANG => text(t.lang),
            _ => None,
        },
        MoreItem::System(s) => match field {
            EPP_EXT_NAME => text(Some(s.name)),
            EPP_EXT_HOST => text(s.host),
            EPP_EXT_IMPACT => text(Some(s.impact)),
            _ => None,
        },
        MoreItem::Description(d) => match field {
            EPP_EXT_TEXT => text(Some(d.text)),
            EPP_EXT_LANG => text(d.lang),
            EPP_EXT_CONTENT_TYPE => text(d.content_type),
            _ => None,
        },
        MoreItem::Tld(t) => match field {
            EPP_EXT_TEXT => text(Some(t)),
            _ => None,
        },
        MoreItem::ListItem(l) => match field {
            EPP_EXT_START => text(Some(l.start)),
            EPP_EXT_END => text(Some(l.end)),
            EPP_EXT_CREATED => text(Some(l.created)),
            EPP_EXT_UPDATED => text(l.updated),
            _ => maintenance_id(&l.id, field),
        },
        MoreItem::BundledName(b) => match field {
            EPP_EXT_NAME => text(Some(b.name)),
            EPP_EXT_U_LABEL => text(b.u_label),
            _ => None,
        },
    }
}

/// The fields of a fee command that `ext.rs` does not read.
fn command_value<'a>(c: &epp_codec::view::ext::FeeCommand<'a>, field: u32) -> Option<Value<'a>> {
    match field {
        EPP_EXT_CUSTOM_NAME => text(c.custom_name),
        EPP_EXT_SUBPHASE => text(c.subphase),
        EPP_EXT_PERIOD => num(c.period.map(|p| p.value)),
        EPP_EXT_PERIOD_UNIT => text(c.period.map(|p| period_unit(p.unit))),
        _ => None,
    }
}

/// The fields added here to items `ext.rs` reads (asked only when
/// `ext.rs` has no value for `field`).
pub(crate) fn extra_value<'a>(it: &Item<'a>, field: u32) -> Option<Value<'a>> {
    use crate::ext::EPP_EXT_LANG;
    match *it {
        Item::FeeCommand(c) => command_value(&c, field),
        Item::FeeCheckItem(c) => match field {
            EPP_EXT_OBJECT_ELEMENT => text(c.object_element),
            EPP_EXT_REASON => text(c.reason.map(|r| r.text)),
            EPP_EXT_LANG => text(c.reason.and_then(|r| r.lang)),
            _ => None,
        },
        Item::Whole(Typed::FeeData(FeeData::Transfer(r))) => match field {
            EPP_EXT_PERIOD => num(r.period.map(|p| p.value)),
            EPP_EXT_PERIOD_UNIT => text(r.period.map(|p| period_unit(p.unit))),
            _ => None,
        },
        Item::Whole(Typed::Launch(Launch::Create(c))) => match field {
            EPP_EXT_CREATE_TYPE => text(c.create_type.map(|t| Str::new(t.as_str()))),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    //! Every accessor of this file against the core's view of the same
    //! message. The corpus files are compiled in so that these also run
    //! under Miri.

    use std::ffi::c_char;
    use std::ptr;

    use epp_codec::view::ext::fee::{FeeCheckData, FeeData};
    use epp_codec::view::ext::launch::{Launch, LaunchData, LaunchMarks};
    use epp_codec::view::ext::{Bundling, MaintenanceData, MaintenanceInfo};
    use epp_codec::view::{Command, Extensions, Str, read_command, read_response};

    use super::*;
    use crate::ext::*;
    use crate::message::*;

    /// A handle freed on drop.
    struct Handle(*mut EppMessage);

    impl Handle {
        fn read(frame: &[u8], command: bool) -> Self {
            let mut m = ptr::null_mut();
            // SAFETY: valid out-parameter; the frame outlives the handle
            // in every test.
            unsafe {
                assert_eq!(epp_message_new(&mut m), EppResult::Ok);
                let r = if command {
                    epp_message_read_command(m, frame.as_ptr(), frame.len())
                } else {
                    epp_message_read_response(m, frame.as_ptr(), frame.len())
                };
                assert_eq!(r, EppResult::Ok);
            }
            Handle(m)
        }

        fn kind(&self, index: usize) -> EppExtKind {
            // SAFETY: live handle.
            unsafe { epp_message_ext_kind(self.0, index) }
        }

        fn count(&self, index: usize, list: u32) -> usize {
            // SAFETY: live handle.
            unsafe { epp_message_ext_count(self.0, index, list) }
        }

        fn s(&self, index: usize, list: u32, item: usize, field: u32) -> Option<String> {
            let (mut p, mut n): (*const c_char, usize) = (ptr::null(), 0);
            // SAFETY: live handle, valid out-parameters.
            let r =
                unsafe { epp_message_ext_string(self.0, index, list, item, field, &mut p, &mut n) };
            (r == EppResult::Ok).then(|| {
                // SAFETY: `n` bytes of UTF-8 at `p`.
                let b = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), n) };
                String::from_utf8(b.to_vec()).unwrap()
            })
        }

        fn n(&self, index: usize, list: u32, item: usize, field: u32) -> Option<u64> {
            let mut out = 0;
            // SAFETY: live handle, valid out-parameter.
            let r = unsafe { epp_message_ext_number(self.0, index, list, item, field, &mut out) };
            (r == EppResult::Ok).then_some(out)
        }

        /// String field of the element itself.
        fn own(&self, index: usize, field: u32) -> Option<String> {
            self.s(index, EPP_EXT_LIST_SELF, 0, field)
        }
    }

    impl Drop for Handle {
        fn drop(&mut self) {
            // SAFETY: the handle from epp_message_new, freed once.
            unsafe { epp_message_free(self.0) }
        }
    }

    fn raw(s: Option<Str<'_>>) -> Option<String> {
        s.map(|s| s.raw().to_owned())
    }

    fn some(s: Str<'_>) -> Option<String> {
        Some(s.raw().to_owned())
    }

    fn response_extensions(frame: &[u8]) -> Extensions<'_> {
        read_response(frame).unwrap().extensions()
    }

    fn fee_check(frame: &[u8]) -> FeeCheckData<'_> {
        match response_extensions(frame).fee_data() {
            Some(FeeData::Check(c)) => c,
            other => panic!("{other:?}"),
        }
    }

    /// A fee-1.0 check response with what the RFC's examples lack: an
    /// objID element, a custom command with a subphase, credits, reasons.
    const FEE_CHECK: &[u8] = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
<result code="1000"><msg>Command completed successfully</msg></result>
<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
<domain:cd><domain:name avail="1">example.com</domain:name></domain:cd>
<domain:cd><domain:name avail="0">example.net</domain:name></domain:cd>
</domain:chkData></resData>
<extension><fee:chkData xmlns:fee="urn:ietf:params:xml:ns:epp:fee-1.0">
<fee:currency>USD</fee:currency>
<fee:cd avail="1"><fee:objID element="name">example.com</fee:objID>
<fee:command name="custom" customName="tradeIn" phase="sunrise" subphase="tm">
<fee:period unit="m">6</fee:period>
<fee:fee description="Trade fee" lang="en" applied="delayed">1.50</fee:fee>
<fee:credit description="Refund">-0.50</fee:credit><fee:credit>-0.25</fee:credit>
</fee:command>
<fee:command name="renew"><fee:fee>2.00</fee:fee></fee:command>
</fee:cd>
<fee:cd avail="0"><fee:objID>example.net</fee:objID>
<fee:reason lang="fr">Pas disponible</fee:reason></fee:cd>
</fee:chkData></extension>
<trID><svTRID>54322-XYZ</svTRID></trID></response></epp>"#;

    #[test]
    fn fee_transfer_period_and_check_details() {
        let frame = corpus!("ext/examples/8748/005-S-s5.1.2.xml");
        let Some(FeeData::Transfer(t)) = response_extensions(frame).fee_data() else {
            panic!("not a transfer");
        };
        let h = Handle::read(frame, false);
        let period = t.period.unwrap();
        assert_eq!(
            h.n(0, EPP_EXT_LIST_SELF, 0, EPP_EXT_PERIOD),
            Some(u64::from(period.value))
        );
        assert_eq!(h.own(0, EPP_EXT_PERIOD_UNIT).as_deref(), Some("y"));

        let h = Handle::read(FEE_CHECK, false);
        let cds = EPP_EXT_LIST_FEE_CHECK_ITEMS;
        assert_eq!(
            h.s(0, cds, 0, EPP_EXT_OBJECT_ELEMENT).as_deref(),
            Some("name")
        );
        assert_eq!(
            h.s(0, cds, 1, EPP_EXT_REASON).as_deref(),
            Some("Pas disponible")
        );
        assert_eq!(h.s(0, cds, 1, EPP_EXT_LANG).as_deref(), Some("fr"));
        let l = EPP_EXT_LIST_FEE_CHECK_COMMANDS;
        assert_eq!(h.count(0, l), 2);
        assert_eq!(
            h.s(0, l, 0, EPP_EXT_CUSTOM_NAME).as_deref(),
            Some("tradeIn")
        );
        assert_eq!(h.s(0, l, 0, EPP_EXT_SUBPHASE).as_deref(), Some("tm"));
        assert_eq!(h.n(0, l, 0, EPP_EXT_PERIOD), Some(6));
        assert_eq!(h.s(0, l, 0, EPP_EXT_PERIOD_UNIT).as_deref(), Some("m"));
        assert_eq!(h.n(0, l, 1, EPP_EXT_PARENT), Some(0));
        let l = EPP_EXT_LIST_FEE_CHECK_CREDITS;
        assert_eq!(h.count(0, l), 2);
        assert_eq!(h.s(0, l, 1, EPP_EXT_AMOUNT).as_deref(), Some("-0.25"));
        let l = EPP_EXT_LIST_FEE_CHECK_FEES;
        assert_eq!(h.n(0, l, 1, EPP_EXT_PARENT), Some(1));
        assert_eq!(h.s(0, l, 0, EPP_EXT_APPLIED).as_deref(), Some("delayed"));
        // A number field read as a string, and past the last field.
        let mut p = ptr::null();
        let mut n = 0;
        // SAFETY: live handle, valid out-parameters.
        unsafe {
            assert_eq!(
                epp_message_ext_string(h.0, 0, l, 0, EPP_EXT_PARENT, &mut p, &mut n),
                EppResult::WrongKind
            );
            assert_eq!(
                epp_message_ext_string(h.0, 0, l, 0, EPP_EXT_LAST + 1, &mut p, &mut n),
                EppResult::InvalidArgument
            );
        }
    }

    // Every field of every item through the flattened lists: quadratic,
    // too slow under Miri (`fee_transfer_period_and_check_details` runs
    // there).
    #[test]
    #[cfg_attr(miri, ignore)]
    fn fee_check_commands_fees_and_credits() {
        let frames: [&[u8]; 3] = [
            corpus!("ext/examples/8748/004-S-s5.1.1.xml"),
            corpus!("rfc/8748-draft-ietf-regext-epp-fees-00/check-response.xml"),
            FEE_CHECK,
        ];
        for frame in frames {
            let check = fee_check(frame);
            let index = response_extensions(frame)
                .iter()
                .position(|e| e.local() == "chkData")
                .unwrap();
            let h = Handle::read(frame, false);
            assert_eq!(h.kind(index), EppExtKind::FeeData);
            let (mut command, mut fee, mut credit) = (0, 0, 0);
            for (p, cd) in check.items.iter().enumerate() {
                let l = EPP_EXT_LIST_FEE_CHECK_ITEMS;
                assert_eq!(
                    h.s(index, l, p, EPP_EXT_OBJECT_ELEMENT),
                    raw(cd.object_element)
                );
                assert_eq!(
                    h.s(index, l, p, EPP_EXT_REASON),
                    raw(cd.reason.map(|r| r.text))
                );
                assert_eq!(
                    h.s(index, l, p, EPP_EXT_LANG),
                    raw(cd.reason.and_then(|r| r.lang))
                );
                for c in cd.commands.iter() {
                    let l = EPP_EXT_LIST_FEE_CHECK_COMMANDS;
                    assert_eq!(h.n(index, l, command, EPP_EXT_PARENT), Some(p as u64));
                    assert_eq!(
                        h.s(index, l, command, EPP_EXT_COMMAND),
                        some(c.command.name)
                    );
                    assert_eq!(
                        h.s(index, l, command, EPP_EXT_CUSTOM_NAME),
                        raw(c.command.custom_name)
                    );
                    assert_eq!(h.s(index, l, command, EPP_EXT_PHASE), raw(c.command.phase));
                    assert_eq!(
                        h.s(index, l, command, EPP_EXT_SUBPHASE),
                        raw(c.command.subphase)
                    );
                    let period = c.command.period;
                    assert_eq!(
                        h.n(index, l, command, EPP_EXT_PERIOD),
                        period.map(|p| u64::from(p.value))
                    );
                    assert_eq!(
                        h.s(index, l, command, EPP_EXT_PERIOD_UNIT).is_some(),
                        period.is_some()
                    );
                    assert_eq!(
                        h.n(index, l, command, EPP_EXT_STANDARD),
                        c.standard.map(u64::from)
                    );
                    assert_eq!(
                        h.n(index, l, command, EPP_EXT_AVAILABLE),
                        c.available.map(u64::from)
                    );
                    assert_eq!(h.s(index, l, command, EPP_EXT_CLASS), raw(c.class));
                    assert_eq!(
                        h.s(index, l, command, EPP_EXT_REASON),
                        raw(c.reason.map(|r| r.text))
                    );
                    for f in c.fees.iter() {
                        let l = EPP_EXT_LIST_FEE_CHECK_FEES;
                        assert_eq!(h.n(index, l, fee, EPP_EXT_PARENT), Some(command as u64));
                        assert_eq!(h.s(index, l, fee, EPP_EXT_AMOUNT), some(f.amount));
                        assert_eq!(h.s(index, l, fee, EPP_EXT_DESCRIPTION), raw(f.description));
                        assert_eq!(
                            h.s(index, l, fee, EPP_EXT_GRACE_PERIOD),
                            raw(f.grace_period)
                        );
                        assert_eq!(
                            h.n(index, l, fee, EPP_EXT_REFUNDABLE),
                            f.refundable.map(u64::from)
                        );
                        fee += 1;
                    }
                    for c in c.credits.iter() {
                        let l = EPP_EXT_LIST_FEE_CHECK_CREDITS;
                        assert_eq!(h.n(index, l, credit, EPP_EXT_PARENT), Some(command as u64));
                        assert_eq!(h.s(index, l, credit, EPP_EXT_AMOUNT), some(c.amount));
                        credit += 1;
                    }
                    command += 1;
                }
            }
            assert!(command > 0);
            assert_eq!(h.count(index, EPP_EXT_LIST_FEE_CHECK_COMMANDS), command);
            assert_eq!(h.count(index, EPP_EXT_LIST_FEE_CHECK_FEES), fee);
            assert_eq!(h.count(index, EPP_EXT_LIST_FEE_CHECK_CREDITS), credit);
            assert_eq!(
                h.s(index, EPP_EXT_LIST_FEE_CHECK_FEES, fee, EPP_EXT_AMOUNT),
                None
            );
        }
    }

    /// A launch create around `marks` (the elements after the phase).
    fn launch_create(marks: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>
<domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">
<domain:name>example.test</domain:name>
<domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo>
</domain:create></create><extension>
<launch:create xmlns:launch="urn:ietf:params:xml:ns:launch-1.0" type="registration">
<launch:phase>sunrise</launch:phase>{marks}</launch:create>
</extension><clTRID>ABC-12345</clTRID></command></epp>"#
        )
    }

    fn signed_mark() -> &'static str {
        let doc = std::str::from_utf8(corpus!("ext/examples/7848/001-D-s2.3.xml")).unwrap();
        doc[doc.find("<smd:signedMark").unwrap()..].trim_end()
    }

    fn check_launch_create(frame: &[u8]) {
        let request = read_command(frame).unwrap();
        let Some(Launch::Create(c)) = request.extensions().launch() else {
            panic!("no launch create");
        };
        let h = Handle::read(frame, true);
        assert_eq!(h.kind(0), EppExtKind::Launch);
        assert_eq!(
            h.own(0, EPP_EXT_CREATE_TYPE).as_deref(),
            c.create_type.map(|t| t.as_str())
        );
        let mut records = Vec::new();
        match c.marks {
            LaunchMarks::CodeMarks(l) => {
                assert_eq!(h.count(0, EPP_EXT_LIST_LAUNCH_CODE_MARKS), l.len());
                for (i, m) in l.iter().enumerate() {
                    let list = EPP_EXT_LIST_LAUNCH_CODE_MARKS;
                    assert_eq!(h.s(0, list, i, EPP_EXT_CODE), raw(m.code.map(|c| c.value)));
                    assert_eq!(
                        h.s(0, list, i, EPP_EXT_VALIDATOR_ID),
                        raw(m.code.and_then(|c| c.validator_id))
                    );
                    records.extend(m.mark.iter().flat_map(|m| records_of(i, *m)));
                }
            }
            LaunchMarks::SignedMarks(l) => {
                assert_eq!(h.count(0, EPP_EXT_LIST_LAUNCH_SIGNED_MARKS), l.len());
                for (i, m) in l.iter().enumerate() {
                    let list = EPP_EXT_LIST_LAUNCH_SIGNED_MARKS;
                    assert_eq!(
                        h.s(0, list, i, EPP_EXT_XML).as_deref(),
                        Some(m.raw().as_str())
                    );
                    assert_eq!(h.s(0, list, i, EPP_EXT_MARK_ID), raw(m.smd_id()));
                    assert_eq!(h.s(0, list, i, EPP_EXT_NOT_AFTER), raw(m.not_after()));
                    records.extend(m.mark().iter().flat_map(|m| records_of(i, *m)));
                }
            }
            LaunchMarks::EncodedSignedMarks(l) => {
                let list = EPP_EXT_LIST_LAUNCH_ENCODED_SIGNED_MARKS;
                assert_eq!(h.count(0, list), l.len());
                for (i, m) in l.iter().enumerate() {
                    assert_eq!(h.s(0, list, i, EPP_EXT_ENCODING), raw(m.encoding));
                    assert_eq!(h.s(0, list, i, EPP_EXT_DATA), some(m.data));
                }
            }
            LaunchMarks::None => {}
        }
        let list = EPP_EXT_LIST_LAUNCH_MARK_RECORDS;
        assert_eq!(h.count(0, list), records.len());
        for (i, (parent, r)) in records.iter().enumerate() {
            assert_eq!(h.n(0, list, i, EPP_EXT_PARENT), Some(*parent as u64));
            assert_eq!(
                h.s(0, list, i, EPP_EXT_MARK_KIND).as_deref(),
                Some(r.kind.as_str())
            );
            assert_eq!(h.s(0, list, i, EPP_EXT_MARK_ID), some(r.id));
            assert_eq!(h.s(0, list, i, EPP_EXT_MARK_NAME), some(r.mark_name));
            let holder = r.holders.get(0);
            assert_eq!(
                h.s(0, list, i, EPP_EXT_HOLDER_NAME),
                raw(holder.and_then(|h| h.name))
            );
            assert_eq!(
                h.s(0, list, i, EPP_EXT_HOLDER_ORG),
                raw(holder.and_then(|h| h.org))
            );
            assert_eq!(h.s(0, list, i, EPP_EXT_JURISDICTION), raw(r.jurisdiction));
            assert_eq!(
                h.s(0, list, i, EPP_EXT_GOODS_AND_SERVICES),
                some(r.goods_and_services)
            );
            assert_eq!(
                h.s(0, list, i, EPP_EXT_REGISTRATION_NUMBER),
                raw(r.registration_number)
            );
            assert_eq!(
                h.s(0, list, i, EPP_EXT_REGISTRATION_DATE),
                raw(r.registration_date)
            );
            assert_eq!(
                h.s(0, list, i, EPP_EXT_EXPIRATION_DATE),
                raw(r.expiration_date)
            );
            assert_eq!(
                h.s(0, list, i, EPP_EXT_MARK_APPLICATION_ID),
                raw(r.application_id)
            );
            assert_eq!(
                h.s(0, list, i, EPP_EXT_APPLICATION_DATE),
                raw(r.application_date)
            );
            assert_eq!(
                h.s(0, list, i, EPP_EXT_REFERENCE_NUMBER),
                raw(r.reference_number)
            );
            assert_eq!(
                h.s(0, list, i, EPP_EXT_PROTECTION_DATE),
                raw(r.protection_date)
            );
            assert_eq!(h.s(0, list, i, EPP_EXT_TITLE), raw(r.title));
            assert_eq!(
                h.s(0, list, i, EPP_EXT_EXECUTION_DATE),
                raw(r.execution_date)
            );
            assert_eq!(h.s(0, list, i, EPP_EXT_COUNTRY), raw(r.country));
            assert_eq!(h.s(0, list, i, EPP_EXT_COURT_NAME), raw(r.court_name));
        }
        let labels: Vec<_> = records
            .iter()
            .enumerate()
            .flat_map(|(i, (_, r))| r.labels.iter().map(move |l| (i, l)))
            .collect();
        let list = EPP_EXT_LIST_LAUNCH_MARK_LABELS;
        assert_eq!(h.count(0, list), labels.len());
        for (k, (parent, l)) in labels.iter().enumerate() {
            assert_eq!(h.n(0, list, k, EPP_EXT_PARENT), Some(*parent as u64));
            assert_eq!(h.s(0, list, k, EPP_EXT_TEXT), some(*l));
        }
        let classes: usize = records.iter().map(|(_, r)| r.classes.len()).sum();
        assert_eq!(h.count(0, EPP_EXT_LIST_LAUNCH_MARK_CLASSES), classes);
        let parties: Vec<_> = records
            .iter()
            .enumerate()
            .flat_map(|(i, (_, r))| {
                let holders = r.holders.iter().map(move |p| (i, "holder", p));
                holders.chain(r.contacts.iter().map(move |p| (i, "contact", p)))
            })
            .collect();
        let list = EPP_EXT_LIST_LAUNCH_MARK_PARTIES;
        assert_eq!(h.count(0, list), parties.len());
        for (k, (parent, party, p)) in parties.iter().enumerate() {
            assert_eq!(h.n(0, list, k, EPP_EXT_PARENT), Some(*parent as u64));
            assert_eq!(h.s(0, list, k, EPP_EXT_PARTY).as_deref(), Some(*party));
            assert_eq!(h.s(0, list, k, EPP_EXT_ROLE), raw(p.role));
            assert_eq!(h.s(0, list, k, EPP_EXT_NAME), raw(p.name));
            assert_eq!(h.s(0, list, k, EPP_EXT_ORG), raw(p.org));
            assert_eq!(h.s(0, list, k, EPP_EXT_EMAIL), raw(p.email));
            assert_eq!(h.s(0, list, k, EPP_EXT_CITY), some(p.address.city));
            assert_eq!(h.s(0, list, k, EPP_EXT_COUNTRY), some(p.address.cc));
        }
        let list = EPP_EXT_LIST_LAUNCH_NOTICES;
        assert_eq!(h.count(0, list), c.notices.len());
        for (i, n) in c.notices.iter().enumerate() {
            assert_eq!(h.s(0, list, i, EPP_EXT_NOTICE_ID), some(n.id.value));
            assert_eq!(
                h.s(0, list, i, EPP_EXT_VALIDATOR_ID),
                raw(n.id.validator_id)
            );
            assert_eq!(h.s(0, list, i, EPP_EXT_NOT_AFTER), some(n.not_after));
            assert_eq!(
                h.s(0, list, i, EPP_EXT_ACCEPTED_DATE),
                some(n.accepted_date)
            );
        }
    }

    fn records_of(
        parent: usize,
        m: epp_codec::view::ext::Mark<'_>,
    ) -> Vec<(usize, MarkRecord<'_>)> {
        records(m).map(|r| (parent, r)).collect()
    }

    #[test]
    fn launch_create_code_marks_and_notices() {
        check_launch_create(corpus!("ext/examples/8334/012-C-s3.3.1.xml"));
        check_launch_create(corpus!("ext/examples/8334/017-C-s3.3.2.xml"));
        check_launch_create(corpus!("ext/examples/8334/018-C-s3.3.3.xml"));
    }

    // A whole mark-1.0 mark, read again for every field: too slow under
    // Miri.
    #[test]
    #[cfg_attr(miri, ignore)]
    fn launch_create_marks() {
        let mark = signed_mark();
        let inner = &mark[mark.find("<mark:mark").unwrap()..];
        let inner = &inner[..inner.find("</mark:mark>").unwrap() + "</mark:mark>".len()];
        let code = launch_create(&format!(
            "<launch:codeMark><launch:code validatorID=\"v1\">ABC-1</launch:code>{inner}</launch:codeMark>\
             <launch:codeMark><launch:code>ABC-2</launch:code></launch:codeMark>"
        ));
        check_launch_create(code.as_bytes());
        let h = Handle::read(code.as_bytes(), true);
        assert_eq!(
            h.own(0, EPP_EXT_CREATE_TYPE).as_deref(),
            Some("registration")
        );
        assert_eq!(h.count(0, EPP_EXT_LIST_LAUNCH_MARK_RECORDS), 1);
        let l = EPP_EXT_LIST_LAUNCH_MARK_RECORDS;
        assert_eq!(
            h.s(0, l, 0, EPP_EXT_HOLDER_ORG).as_deref(),
            Some("Ag corporation")
        );
        assert_eq!(
            h.s(0, l, 0, EPP_EXT_MARK_NAME).as_deref(),
            Some("Test &amp; Validate")
        );
        assert_eq!(
            h.s(0, l, 0, EPP_EXT_REGISTRATION_NUMBER).as_deref(),
            Some("1234")
        );
        assert_eq!(h.count(0, EPP_EXT_LIST_LAUNCH_MARK_LABELS), 10);
        let l = EPP_EXT_LIST_LAUNCH_MARK_PARTIES;
        assert_eq!(h.count(0, l), 2);
        assert_eq!(h.s(0, l, 1, EPP_EXT_PARTY).as_deref(), Some("contact"));
        assert_eq!(h.s(0, l, 1, EPP_EXT_ROLE).as_deref(), Some("agent"));
        assert_eq!(h.s(0, l, 1, EPP_EXT_NAME).as_deref(), Some("Tony Holland"));
        let info = format!(
            "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><result code=\"1000\">\
             <msg>Command completed successfully</msg></result><extension>\
             <launch:infData xmlns:launch=\"urn:ietf:params:xml:ns:launch-1.0\">\
             <launch:phase>sunrise</launch:phase><launch:applicationID>abc123\
             </launch:applicationID><launch:status s=\"pendingValidation\"/>{inner}\
             </launch:infData></extension><trID><svTRID>54322-XYZ</svTRID></trID>\
             </response></epp>"
        );
        let Some(LaunchData::InfoData(data)) = response_extensions(info.as_bytes()).launch_data()
        else {
            panic!("no launch infData");
        };
        let h = Handle::read(info.as_bytes(), false);
        let l = EPP_EXT_LIST_LAUNCH_MARK_RECORDS;
        let want: Vec<_> = data.marks.iter().flat_map(|m| records(m)).collect();
        assert_eq!(h.count(0, l), want.len());
        assert_eq!(h.s(0, l, 0, EPP_EXT_MARK_ID), some(want[0].id));
        assert_eq!(h.count(0, EPP_EXT_LIST_LAUNCH_MARK_PARTIES), 2);
        assert_eq!(h.count(0, EPP_EXT_LIST_LAUNCH_CODE_MARKS), 0);
        let signed = launch_create(mark);
        check_launch_create(signed.as_bytes());
        let h = Handle::read(signed.as_bytes(), true);
        assert_eq!(h.count(0, EPP_EXT_LIST_LAUNCH_SIGNED_MARKS), 1);
        assert_eq!(h.count(0, EPP_EXT_LIST_LAUNCH_MARK_RECORDS), 1);
        let encoded = launch_create(
            "<smd:encodedSignedMark xmlns:smd=\"urn:ietf:params:xml:ns:signedMark-1.0\" \
             encoding=\"base64\">PD94bWwgdmVyc2lvbj0iMS4wIj8+</smd:encodedSignedMark>",
        );
        check_launch_create(encoded.as_bytes());
        let h = Handle::read(encoded.as_bytes(), true);
        let l = EPP_EXT_LIST_LAUNCH_ENCODED_SIGNED_MARKS;
        assert_eq!(h.s(0, l, 0, EPP_EXT_ENCODING).as_deref(), Some("base64"));
    }

    // Every field of six poll messages, each read again per field: too
    // slow under Miri, and its calls are the extension accessors that
    // `verisign` and `fee_transfer_period_and_check_details` run there
    // (`scripts/miri.sh --corpus` runs it too).
    #[test]
    #[cfg_attr(miri, ignore)]
    fn change_poll() {
        let frames: [&[u8]; 6] = [
            corpus!("ext/examples/8590/001-S-s3.1.2.xml"),
            corpus!("ext/examples/8590/002-S-s3.1.2.xml"),
            corpus!("ext/examples/8590/003-S-s3.1.2.xml"),
            corpus!("ext/examples/8590/004-S-s3.1.2.xml"),
            corpus!("ext/examples/8590/005-S-s3.1.2.xml"),
            corpus!("ext/examples/8590/006-S-s3.1.2.xml"),
        ];
        for frame in frames {
            let c = response_extensions(frame).change_poll().unwrap();
            let h = Handle::read(frame, false);
            assert_eq!(h.kind(0), EppExtKind::ChangePoll);
            assert_eq!(h.own(0, EPP_EXT_STATE), raw(c.state));
            assert_eq!(h.own(0, EPP_EXT_OPERATION), some(c.operation));
            assert_eq!(h.own(0, EPP_EXT_OPERATION_TYPE), raw(c.operation_op));
            assert_eq!(h.own(0, EPP_EXT_DATE), some(c.date));
            assert_eq!(h.own(0, EPP_EXT_SV_TRID), some(c.sv_trid));
            assert_eq!(h.own(0, EPP_EXT_WHO), some(c.who));
            assert_eq!(h.own(0, EPP_EXT_CASE_ID), raw(c.case_id.map(|i| i.id)));
            assert_eq!(
                h.own(0, EPP_EXT_CASE_TYPE),
                raw(c.case_id.map(|i| i.case_type))
            );
            assert_eq!(
                h.own(0, EPP_EXT_CASE_NAME),
                raw(c.case_id.and_then(|i| i.name))
            );
            assert_eq!(h.own(0, EPP_EXT_REASON), raw(c.reason));
            assert_eq!(h.own(0, EPP_EXT_LANG), raw(c.reason_lang));
            assert_eq!(h.n(0, EPP_EXT_LIST_SELF, 0, EPP_EXT_STATE), None);
        }
    }

    #[test]
    fn verisign() {
        let frame = corpus!("instant-epp/response/extensions/namestore.xml");
        let n = response_extensions(frame).verisign_namestore().unwrap();
        let h = Handle::read(frame, false);
        let i = (0..4)
            .find(|&i| h.kind(i) == EppExtKind::VerisignNamestore)
            .unwrap();
        assert_eq!(h.own(i, EPP_EXT_SUB_PRODUCT), some(n.sub_product));

        let frame = corpus!("instant-epp/request/extensions/consolidate.xml");
        let s = read_command(frame)
            .unwrap()
            .extensions()
            .verisign_sync()
            .unwrap();
        let h = Handle::read(frame, true);
        assert_eq!(h.kind(0), EppExtKind::VerisignSync);
        assert_eq!(h.own(0, EPP_EXT_EXP_MONTH_DAY), some(s.exp_month_day));

        let frame = corpus!("instant-epp/response/poll/poll_low_balance.xml");
        let l = read_response(frame)
            .unwrap()
            .res_data()
            .verisign_low_balance()
            .unwrap();
        let h = Handle::read(frame, false);
        let d = EPP_EXT_INDEX_DATA;
        assert_eq!(h.kind(d), EppExtKind::VerisignLowBalance);
        assert_eq!(h.own(d, EPP_EXT_REGISTRAR_NAME), some(l.registrar_name));
        assert_eq!(h.own(d, EPP_EXT_CREDIT_LIMIT), some(l.credit_limit));
        assert_eq!(h.own(d, EPP_EXT_CREDIT_THRESHOLD), some(l.credit_threshold));
        assert_eq!(h.own(d, EPP_EXT_THRESHOLD_TYPE), some(l.threshold_type));
        assert_eq!(h.own(d, EPP_EXT_AVAILABLE_CREDIT), some(l.available_credit));

        let frame = corpus!("instant-epp/response/poll/poll_rgp_restore.xml");
        let r = read_response(frame)
            .unwrap()
            .res_data()
            .verisign_rgp_poll()
            .unwrap();
        let h = Handle::read(frame, false);
        assert_eq!(h.kind(d), EppExtKind::VerisignRgpPoll);
        assert_eq!(h.own(d, EPP_EXT_NAME), some(r.name));
        assert_eq!(h.own(d, EPP_EXT_STATUS), some(r.status));
        assert_eq!(h.own(d, EPP_EXT_REQUEST_DATE), some(r.request_date));
        assert_eq!(h.own(d, EPP_EXT_REPORT_DUE_DATE), some(r.report_due_date));

        let error = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
<result code="2306"><msg>Parameter value policy error</msg></result>
<extension><namestoreExt:nsExtErrData xmlns:namestoreExt="http://www.verisign-grs.com/epp/namestoreExt-1.1">
<namestoreExt:msg code="1">Specified sub-product does not exist</namestoreExt:msg>
</namestoreExt:nsExtErrData></extension>
<trID><svTRID>54322-XYZ</svTRID></trID></response></epp>"#;
        let e = response_extensions(error)
            .verisign_namestore_error()
            .unwrap();
        let h = Handle::read(error, false);
        assert_eq!(h.kind(0), EppExtKind::VerisignNamestoreError);
        assert_eq!(h.own(0, EPP_EXT_ERROR_CODE), raw(e.code));
        assert_eq!(h.own(0, crate::ext::EPP_EXT_TEXT), some(e.message));
    }

    // Every field of three maintenance responses, each read again per
    // field: as `change_poll`, too slow under Miri for what it adds there.
    #[test]
    #[cfg_attr(miri, ignore)]
    fn maintenance() {
        let frames: [&[u8]; 3] = [
            corpus!("ext/examples/9167/002-S-s4.1.1.1.xml"),
            corpus!("ext/examples/9167/004-S-s4.1.1.2.xml"),
            corpus!("ext/examples/9167/006-S-s4.1.2.xml"),
        ];
        let d = EPP_EXT_INDEX_DATA;
        for frame in frames {
            let data = read_response(frame)
                .unwrap()
                .res_data()
                .maintenance()
                .unwrap();
            let h = Handle::read(frame, false);
            match data {
                MaintenanceData::Item(m) => {
                    assert_eq!(h.kind(d), EppExtKind::MaintenanceItem);
                    assert_eq!(h.own(d, EPP_EXT_MAINTENANCE_ID), some(m.id.id));
                    assert_eq!(h.own(d, EPP_EXT_NAME), raw(m.id.name));
                    assert_eq!(h.own(d, EPP_EXT_POLL_TYPE), raw(m.poll_type));
                    assert_eq!(h.own(d, EPP_EXT_ENVIRONMENT), some(m.environment.env_type));
                    assert_eq!(h.own(d, EPP_EXT_ENVIRONMENT_NAME), raw(m.environment.name));
                    assert_eq!(h.own(d, EPP_EXT_START), some(m.start));
                    assert_eq!(h.own(d, EPP_EXT_END), some(m.end));
                    assert_eq!(h.own(d, EPP_EXT_REASON), some(m.reason));
                    assert_eq!(h.own(d, EPP_EXT_DETAIL), raw(m.detail));
                    assert_eq!(h.own(d, EPP_EXT_CREATED), some(m.created));
                    assert_eq!(h.own(d, EPP_EXT_UPDATED), raw(m.updated));
                    let flag = |f| h.n(d, EPP_EXT_LIST_SELF, 0, f);
                    assert_eq!(
                        flag(EPP_EXT_CONNECTION),
                        m.intervention.map(|i| u64::from(i.connection))
                    );
                    assert_eq!(
                        flag(EPP_EXT_IMPLEMENTATION),
                        m.intervention.map(|i| u64::from(i.implementation))
                    );
                    let l = EPP_EXT_LIST_MAINTENANCE_TYPES;
                    assert_eq!(h.count(d, l), m.types.len());
                    for (i, t) in m.types.iter().enumerate() {
                        assert_eq!(h.s(d, l, i, EPP_EXT_TEXT), some(t.text));
                        assert_eq!(h.s(d, l, i, EPP_EXT_LANG), raw(t.lang));
                    }
                    let l = EPP_EXT_LIST_MAINTENANCE_SYSTEMS;
                    assert_eq!(h.count(d, l), m.systems.len());
                    for (i, s) in m.systems.iter().enumerate() {
                        assert_eq!(h.s(d, l, i, EPP_EXT_NAME), some(s.name));
                        assert_eq!(h.s(d, l, i, EPP_EXT_HOST), raw(s.host));
                        assert_eq!(h.s(d, l, i, EPP_EXT_IMPACT), some(s.impact));
                    }
                    let l = EPP_EXT_LIST_MAINTENANCE_DESCRIPTIONS;
                    assert_eq!(h.count(d, l), m.descriptions.len());
                    for (i, s) in m.descriptions.iter().enumerate() {
                        assert_eq!(h.s(d, l, i, EPP_EXT_TEXT), some(s.text));
                        assert_eq!(h.s(d, l, i, EPP_EXT_LANG), raw(s.lang));
                        assert_eq!(h.s(d, l, i, EPP_EXT_CONTENT_TYPE), raw(s.content_type));
                    }
                    let l = EPP_EXT_LIST_MAINTENANCE_TLDS;
                    assert_eq!(h.count(d, l), m.tlds.len());
                    for (i, t) in m.tlds.iter().enumerate() {
                        assert_eq!(h.s(d, l, i, EPP_EXT_TEXT), some(t));
                    }
                }
                MaintenanceData::List(list) => {
                    assert_eq!(h.kind(d), EppExtKind::MaintenanceList);
                    let l = EPP_EXT_LIST_MAINTENANCE_LIST_ITEMS;
                    assert_eq!(h.count(d, l), list.len());
                    for (i, m) in list.iter().enumerate() {
                        assert_eq!(h.s(d, l, i, EPP_EXT_MAINTENANCE_ID), some(m.id.id));
                        assert_eq!(h.s(d, l, i, EPP_EXT_START), some(m.start));
                        assert_eq!(h.s(d, l, i, EPP_EXT_END), some(m.end));
                        assert_eq!(h.s(d, l, i, EPP_EXT_CREATED), some(m.created));
                        assert_eq!(h.s(d, l, i, EPP_EXT_UPDATED), raw(m.updated));
                    }
                }
            }
        }
        let frames: [&[u8]; 2] = [
            corpus!("ext/examples/9167/001-C-s4.1.1.1.xml"),
            corpus!("ext/examples/9167/003-C-s4.1.1.2.xml"),
        ];
        for frame in frames {
            let request = read_command(frame).unwrap();
            let Command::Maintenance(info) = request.command() else {
                panic!("not a maintenance info");
            };
            let h = Handle::read(frame, true);
            assert_eq!(h.kind(d), EppExtKind::MaintenanceInfo);
            match info {
                MaintenanceInfo::Item(id) => {
                    assert_eq!(h.own(d, EPP_EXT_MAINTENANCE_ID), some(id.id));
                }
                MaintenanceInfo::List => assert_eq!(h.own(d, EPP_EXT_MAINTENANCE_ID), None),
            }
        }
        // A response without resData, and a command without maintenance.
        let h = Handle::read(corpus!("ext/examples/8590/001-S-s3.1.2.xml"), false);
        assert_eq!(h.kind(d), EppExtKind::Raw);
        let h = Handle::read(corpus!("ext/examples/8334/012-C-s3.3.1.xml"), true);
        assert_eq!(h.kind(d), EppExtKind::None);
        assert_eq!(h.count(d, EPP_EXT_LIST_SELF), 0);
    }

    #[test]
    fn bundling_addl_email_and_sec_dns_10() {
        let frames: [(&[u8], bool); 3] = [
            (corpus!("ext/examples/9095/002-S-s6.1.2.xml"), false),
            (corpus!("ext/examples/9095/003-C-s6.2.1.xml"), true),
            (corpus!("ext/examples/9095/004-S-s6.2.1.xml"), false),
        ];
        for (frame, command) in frames {
            let b = if command {
                read_command(frame).unwrap().extensions().bundling()
            } else {
                response_extensions(frame).bundling()
            }
            .unwrap();
            let h = Handle::read(frame, command);
            assert_eq!(h.kind(0), EppExtKind::Bundling);
            let rdn = match b {
                Bundling::Create(rdn) => rdn,
                Bundling::Data(kind, bundle) => {
                    assert_eq!(
                        h.own(0, EPP_EXT_BUNDLE_DATA).as_deref(),
                        Some(kind.as_str())
                    );
                    Some(bundle.rdn)
                }
            };
            assert_eq!(h.own(0, EPP_EXT_NAME), raw(rdn.map(|r| r.name)));
            assert_eq!(h.own(0, EPP_EXT_U_LABEL), raw(rdn.and_then(|r| r.u_label)));
            let names = b.bundle().map(|b| b.bdns);
            let l = EPP_EXT_LIST_BUNDLE_NAMES;
            assert_eq!(h.count(0, l), names.map_or(0, |n| n.len()));
            for (i, n) in names.into_iter().flat_map(|n| n.iter()).enumerate() {
                assert_eq!(h.s(0, l, i, EPP_EXT_NAME), some(n.name));
                assert_eq!(h.s(0, l, i, EPP_EXT_U_LABEL), raw(n.u_label));
            }
        }

        let email = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
<result code="1000"><msg>Command completed successfully</msg></result>
<extension><addlEmail:addlEmail xmlns:addlEmail="urn:ietf:params:xml:ns:epp:addlEmail-1.0" primary="true">
<addlEmail:email>EAI@example.test</addlEmail:email></addlEmail:addlEmail></extension>
<trID><svTRID>54322-XYZ</svTRID></trID></response></epp>"#;
        let a = response_extensions(email).addl_email().unwrap();
        let h = Handle::read(email, false);
        assert_eq!(h.kind(0), EppExtKind::AddlEmail);
        assert_eq!(h.own(0, EPP_EXT_EMAIL), raw(a.email));
        assert_eq!(
            h.n(0, EPP_EXT_LIST_SELF, 0, EPP_EXT_PRIMARY),
            a.primary.map(u64::from)
        );

        let sec_dns = br#"<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>
<result code="1000"><msg>Command completed successfully</msg></result>
<extension><secDNS:infData xmlns:secDNS="urn:ietf:params:xml:ns:secDNS-1.0">
<secDNS:dsData><secDNS:keyTag>12345</secDNS:keyTag><secDNS:alg>3</secDNS:alg>
<secDNS:digestType>1</secDNS:digestType><secDNS:digest>49FD46E6C4B45C55D4AC</secDNS:digest>
</secDNS:dsData></secDNS:infData></extension>
<trID><svTRID>54322-XYZ</svTRID></trID></response></epp>"#;
        let s = response_extensions(sec_dns).sec_dns_info().unwrap();
        let h = Handle::read(sec_dns, false);
        assert_eq!(h.kind(0), EppExtKind::SecDnsInfo);
        assert_eq!(h.count(0, EPP_EXT_LIST_DS_DATA), s.ds_data().len());
        let ds = s.ds_data().get(0).unwrap();
        assert_eq!(
            h.n(0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_KEY_TAG),
            ds.key_tag().map(u64::from)
        );
        assert_eq!(
            h.s(0, EPP_EXT_LIST_DS_DATA, 0, EPP_EXT_DIGEST),
            some(ds.digest())
        );
    }
}
