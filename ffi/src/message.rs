//! `epp_message`: a reusable handle that reads one frame at a time as a
//! command, a response or a greeting, and hands out its fields.
//!
//! # The erased lifetime, and why it is sound
//!
//! The core's views (`Request<'a>`, `Response<'a>`, …) borrow the frame
//! they were read from. A C caller owns that frame, so the handle keeps
//! the view with its lifetime erased to `'static` (`Stored`), and:
//!
//! 1. The contract of every accessor (written in the header) is that the
//!    frame given to the last `epp_message_read_*` is still allocated and
//!    unchanged. So whenever a view is *used* — copied out of the handle
//!    and read — everything it points to is alive, exactly as if the
//!    borrow were checked.
//! 2. Inside the crate the view never escapes with `'static`: `EppMessage::view`
//!    hands it out with the lifetime of `&self` (covariance shortens it), so
//!    no Rust code can keep it past the call.
//! 3. A stale view (after the caller freed the frame) is never read:
//!    `epp_message_read_*` overwrites it without reading it (the views are
//!    `Copy`, without drop glue), and `epp_message_free` drops the box,
//!    which reads nothing either.
//! 4. The cursors (`ext.rs`'s `ExtCursor`, what the last extension
//!    accessor call found, and `ListCursor`, where the last list item or
//!    chkData entry was) are made from the stored view only, so they
//!    borrow the same frame, with the same erased lifetime. Each read
//!    empties them, and the methods that use them (`ext_typed`,
//!    `ext_value`, `strings_from`, `checks_from`) hand out what they hold
//!    with the lifetime of `&self`, as `view` does.
//!
//! The alternative — storing only the frame pointer and reading the frame
//! again in every accessor — would be sound without this argument but
//! would parse the whole message once per field. The Miri tests below
//! read, free the frame, and read again through the same handle.
//!
//! Reading and every accessor allocate nothing: the error message is
//! formatted into a fixed buffer inside the handle.

use std::cell::{Cell, RefCell};
use std::ffi::c_char;
use std::fmt::{self, Write as _};

use epp_codec::view::command::{ContactCommand, DomainCommand, HostCommand, RawElement, Verb};
use epp_codec::view::response::object::CheckItem;
use epp_codec::view::response::{ContactData, DomainData, HostData};
use epp_codec::view::{
    AuthInfo, Command, CommandError, DateTime, Greeting, List, Poll, Request, Response, Str,
    TransferOp, read_command, read_greeting, read_response,
};
use epp_codec::xml::{Chunk, Namespace, Ns};

use crate::ext::{ExtCursor, Typed, Value};
use crate::{EppResult, guard, guard_value, non_null, put_str};

/// Room for the text of a read error; longer text is cut at a character.
const ERROR_TEXT_CAPACITY: usize = 256;

/// What a message handle holds, lifetime erased to `'static` when stored
/// (see the module documentation).
// The variants differ by a few hundred bytes, but the handle holding one is
// allocated once and reused: boxing the larger would allocate per message.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy)]
pub(crate) enum Stored<'a> {
    Empty,
    Command(Request<'a>),
    Response(Response<'a>, ResData<'a>),
    Greeting(Greeting<'a>),
    CommandError(CommandError<'a>, &'a [u8]),
    ResponseError,
}

/// The first child of `<resData>`, typed when the crate types it.
#[derive(Clone, Copy)]
pub(crate) enum ResData<'a> {
    None,
    Domain(DomainData<'a>),
    Host(HostData<'a>),
    Contact(ContactData<'a>),
    Other,
}

/// A message handle (opaque). Reuse it for message after message: reading
/// allocates nothing.
pub struct EppMessage {
    stored: Stored<'static>,
    /// The frame of the last read, for the spans of raw elements.
    frame: *const u8,
    frame_len: usize,
    error_code: u16,
    error_offset: usize,
    error_len: usize,
    error_text: [u8; ERROR_TEXT_CAPACITY],
    /// Where the last extension accessor call got to (`ext.rs`), with
    /// the stored view's lifetime; emptied with each read.
    ext_cursor: RefCell<Option<ExtCursor<'static>>>,
    /// Where the last `epp_message_list_item` or `epp_message_check_*`
    /// call got to, the same way.
    list_cursor: Cell<Option<ListCursor<'static>>>,
}

/// The rest of a list from the item the last call asked for: the next
/// item is read from there, not from the start, so a C caller going
/// through a list by index (one item per call) reads past each item once
/// rather than n²/2 times.
#[derive(Clone, Copy)]
enum ListCursor<'a> {
    /// List `list` (`EPP_LIST_*`) from item `at` on.
    Strings {
        list: u32,
        at: usize,
        rest: Strings<'a>,
    },
    /// The chkData entries from entry `at` on.
    Checks {
        at: usize,
        rest: List<'a, CheckItem<'a>>,
    },
}

impl EppMessage {
    /// The stored view, with its lifetime shortened to the borrow of `self`.
    pub(crate) fn view(&self) -> Stored<'_> {
        self.stored
    }

    /// The stored view by reference (the same lifetime shortening): the
    /// getters called once per field use it, since a `Stored` is large
    /// (close to 1 KiB) and copying it cost more than the lookup itself.
    pub(crate) fn view_ref(&self) -> &Stored<'_> {
        &self.stored
    }

    /// Extension element `index`, typed (`ext.rs`), through the handle's
    /// cursor.
    pub(crate) fn ext_typed(&self, index: usize) -> Result<Typed<'_>, EppResult> {
        crate::ext::cursor_typed(&self.stored, &self.ext_cursor, index)
    }

    /// Field `field` of item `i` of list `list` of extension element
    /// `index` (`ext.rs`), through the handle's cursor.
    pub(crate) fn ext_value(
        &self,
        index: usize,
        list: u32,
        i: usize,
        field: u32,
    ) -> Result<Value<'_>, EppResult> {
        crate::ext::cursor_value(&self.stored, &self.ext_cursor, index, list, i, field)
    }

    /// List `list` (`EPP_LIST_*`) from item `index` on, through the
    /// handle's list cursor.
    fn strings_from(&self, list: u32, index: usize) -> Result<Strings<'_>, EppResult> {
        let rest = match self.list_cursor.get() {
            Some(ListCursor::Strings { list: l, at, rest }) if l == list && at <= index => {
                rest.starting_at(index - at)
            }
            _ => strings_in(&self.stored, list)?.starting_at(index),
        };
        self.list_cursor.set(Some(ListCursor::Strings {
            list,
            at: index,
            rest,
        }));
        Ok(rest)
    }

    /// The chkData entries from entry `index` on, through the handle's
    /// list cursor.
    fn checks_from(&self, index: usize) -> Result<List<'_, CheckItem<'_>>, EppResult> {
        let rest = match (self.list_cursor.get(), &self.stored) {
            (Some(ListCursor::Checks { at, rest }), _) if at <= index => {
                rest.starting_at(index - at)
            }
            (_, Stored::Response(_, d)) => check_items(d)?.starting_at(index),
            _ => return Err(EppResult::WrongKind),
        };
        self.list_cursor
            .set(Some(ListCursor::Checks { at: index, rest }));
        Ok(rest)
    }

    /// Stores `view`, erasing its lifetime.
    ///
    /// # Safety
    ///
    /// The caller (an `epp_message_read_*` function) passes on the C
    /// caller's promise that the frame `view` borrows stays alive and
    /// unchanged for as long as the view is used (module documentation).
    unsafe fn store(&mut self, view: Stored<'_>) {
        // SAFETY: only the lifetime changes; the module documentation
        // explains why the view is never used after its frame is gone.
        self.stored = unsafe { std::mem::transmute::<Stored<'_>, Stored<'static>>(view) };
        *self.ext_cursor.get_mut() = None;
        *self.list_cursor.get_mut() = None;
    }

    fn set_error(&mut self, code: u16, offset: usize, text: fmt::Arguments<'_>) {
        self.error_code = code;
        self.error_offset = offset;
        let mut w = FixedText {
            buf: &mut self.error_text,
            len: 0,
        };
        // A text longer than the buffer is cut, never an error.
        let _ = w.write_fmt(text);
        self.error_len = w.len;
    }

    pub(crate) fn request(&self) -> Result<Request<'_>, EppResult> {
        match self.view() {
            Stored::Command(r) => Ok(r),
            _ => Err(EppResult::WrongKind),
        }
    }

    pub(crate) fn response(&self) -> Result<(Response<'_>, ResData<'_>), EppResult> {
        match self.view() {
            Stored::Response(r, d) => Ok((r, d)),
            _ => Err(EppResult::WrongKind),
        }
    }
}

/// A `fmt::Write` into a fixed buffer that drops what does not fit,
/// cutting at a character boundary. (The deframer's error text uses it too.)
pub(crate) struct FixedText<'b> {
    pub(crate) buf: &'b mut [u8],
    pub(crate) len: usize,
}

impl fmt::Write for FixedText<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let room = self.buf.len() - self.len;
        let mut take = s.len().min(room);
        while !s.is_char_boundary(take) {
            take -= 1;
        }
        self.buf[self.len..self.len + take].copy_from_slice(&s.as_bytes()[..take]);
        self.len += take;
        Ok(())
    }
}

/// What a message handle holds.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppKind {
    /// Nothing read yet.
    None = 0,
    /// A command (`epp_message_read_command` succeeded).
    Command = 1,
    /// A response.
    Response = 2,
    /// A greeting.
    Greeting = 3,
    /// The last read failed: see `epp_message_error_code` and friends.
    Error = 4,
}

/// The command of a command message.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppCommandKind {
    /// Not a command.
    None = 0,
    /// `<hello/>`.
    Hello = 1,
    /// `<login>`.
    Login = 2,
    /// `<logout/>`.
    Logout = 3,
    /// `<poll>` (see `epp_message_poll_op`).
    Poll = 4,
    /// `<check>` of an object.
    Check = 5,
    /// `<info>`.
    Info = 6,
    /// `<create>`.
    Create = 7,
    /// `<delete>`.
    Delete = 8,
    /// `<renew>`.
    Renew = 9,
    /// `<transfer>` (see `epp_message_transfer_op`).
    Transfer = 10,
    /// `<update>`.
    Update = 11,
}

/// The object a command acts on.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppObject {
    /// No object (session commands, or not a command).
    None = 0,
    /// A domain (RFC 5731).
    Domain = 1,
    /// A host (RFC 5732).
    Host = 2,
    /// A contact (RFC 5733).
    Contact = 3,
    /// An object namespace the library does not model.
    Other = 4,
}

/// The operation of a `<poll>` command.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppPollOp {
    /// Not a poll command.
    None = 0,
    /// `op="req"`.
    Request = 1,
    /// `op="ack"` (its `msgID` is `EPP_FIELD_POLL_MESSAGE_ID`).
    Acknowledge = 2,
}

/// The `op` of a `<transfer>` command.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppTransferOp {
    /// Not a transfer command.
    None = 0,
    /// `request`.
    Request = 1,
    /// `query`.
    Query = 2,
    /// `approve`.
    Approve = 3,
    /// `reject`.
    Reject = 4,
    /// `cancel`.
    Cancel = 5,
}

/// The first child of a response's `<resData>`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EppResDataKind {
    /// No `<resData>` (or not a response).
    None = 0,
    /// `<domain:chkData>`.
    DomainCheck = 1,
    /// `<domain:infData>`.
    DomainInfo = 2,
    /// `<domain:creData>`.
    DomainCreate = 3,
    /// `<domain:panData>`.
    DomainPending = 4,
    /// `<domain:renData>`.
    DomainRenew = 5,
    /// `<domain:trnData>`.
    DomainTransfer = 6,
    /// `<host:chkData>`.
    HostCheck = 7,
    /// `<host:infData>`.
    HostInfo = 8,
    /// `<host:creData>`.
    HostCreate = 9,
    /// `<host:panData>`.
    HostPending = 10,
    /// `<contact:chkData>`.
    ContactCheck = 11,
    /// `<contact:infData>`.
    ContactInfo = 12,
    /// `<contact:creData>`.
    ContactCreate = 13,
    /// `<contact:panData>`.
    ContactPending = 14,
    /// `<contact:trnData>`.
    ContactTransfer = 15,
    /// Anything else: read it raw with `epp_message_res_data_xml`.
    Other = 16,
}

/// `<clTRID>` of a command or response.
pub const EPP_FIELD_CL_TRID: u32 = 0;
/// `<svTRID>` of a response.
pub const EPP_FIELD_SV_TRID: u32 = 1;
/// `<login><clID>`.
pub const EPP_FIELD_LOGIN_CLIENT_ID: u32 = 2;
/// `<login><pw>`.
pub const EPP_FIELD_LOGIN_PASSWORD: u32 = 3;
/// `<login><newPW>`.
pub const EPP_FIELD_LOGIN_NEW_PASSWORD: u32 = 4;
/// `<login><options><version>`.
pub const EPP_FIELD_LOGIN_VERSION: u32 = 5;
/// `<login><options><lang>`.
pub const EPP_FIELD_LOGIN_LANG: u32 = 6;
/// The `msgID` of a `<poll op="ack">` command.
pub const EPP_FIELD_POLL_MESSAGE_ID: u32 = 7;
/// The `id` of a response's `<msgQ>`.
pub const EPP_FIELD_MSGQ_ID: u32 = 8;
/// `<msgQ><qDate>`.
pub const EPP_FIELD_MSGQ_DATE: u32 = 9;
/// `<msgQ><msg>` (its content as written, markup included).
pub const EPP_FIELD_MSGQ_MESSAGE: u32 = 10;
/// The object's name (domain, host) or id (contact): of an info, create,
/// delete, renew, transfer or update command, or of a response's
/// infData, creData, renData, trnData or panData.
pub const EPP_FIELD_OBJECT_NAME: u32 = 11;
/// infData `<roid>`.
pub const EPP_FIELD_ROID: u32 = 12;
/// infData `<clID>` (the sponsoring client).
pub const EPP_FIELD_CLIENT_ID: u32 = 13;
/// infData `<crID>`.
pub const EPP_FIELD_CREATOR_ID: u32 = 14;
/// infData (or creData) `<crDate>`, as written.
pub const EPP_FIELD_CREATED: u32 = 15;
/// infData `<upID>`.
pub const EPP_FIELD_UPDATER_ID: u32 = 16;
/// infData `<upDate>`, as written.
pub const EPP_FIELD_UPDATED: u32 = 17;
/// infData (creData, renData) `<exDate>`, as written.
pub const EPP_FIELD_EXPIRES: u32 = 18;
/// infData `<trDate>`, as written.
pub const EPP_FIELD_TRANSFERRED: u32 = 19;
/// `<registrant>` of a domain create command or domain infData.
pub const EPP_FIELD_REGISTRANT: u32 = 20;
/// `<authInfo><pw>` of a command or of infData.
pub const EPP_FIELD_AUTH_PASSWORD: u32 = 21;
/// A greeting's `<svID>`.
pub const EPP_FIELD_SERVER_ID: u32 = 22;
/// A greeting's `<svDate>`, as written.
pub const EPP_FIELD_SERVER_DATE: u32 = 23;
/// `<contact:email>` of a contact create command or contact infData.
pub const EPP_FIELD_EMAIL: u32 = 24;
/// `<contact:voice>` (the number) of a contact create command or infData.
pub const EPP_FIELD_VOICE: u32 = 25;
/// The `<curExpDate>` of a domain renew command.
pub const EPP_FIELD_CURRENT_EXPIRY: u32 = 26;
/// The last field number (for loops over every field).
pub const EPP_FIELD_LAST: u32 = 26;

/// The names of a command: every name (id) of a check, or the one name of
/// an info, create, delete, renew, transfer or update.
pub const EPP_LIST_NAMES: u32 = 0;
/// The statuses (`s` values) of a response's infData.
pub const EPP_LIST_STATUSES: u32 = 1;
/// The statuses an update command adds.
pub const EPP_LIST_STATUSES_ADD: u32 = 2;
/// The statuses an update command removes.
pub const EPP_LIST_STATUSES_REMOVE: u32 = 3;
/// The name servers (hostObj or hostAttr names) of a domain create
/// command or domain infData.
pub const EPP_LIST_NAME_SERVERS: u32 = 4;
/// The contact ids of a domain create command or domain infData.
pub const EPP_LIST_CONTACTS: u32 = 5;
/// The subordinate hosts of domain infData.
pub const EPP_LIST_HOSTS: u32 = 6;
/// `<login><svcs><objURI>`s.
pub const EPP_LIST_LOGIN_OBJECT_URIS: u32 = 7;
/// `<login><svcs><svcExtension><extURI>`s.
pub const EPP_LIST_LOGIN_EXTENSION_URIS: u32 = 8;
/// A greeting's `<version>`s.
pub const EPP_LIST_GREETING_VERSIONS: u32 = 9;
/// A greeting's `<lang>`s.
pub const EPP_LIST_GREETING_LANGS: u32 = 10;
/// A greeting's `<objURI>`s.
pub const EPP_LIST_GREETING_OBJECT_URIS: u32 = 11;
/// A greeting's `<extURI>`s.
pub const EPP_LIST_GREETING_EXTENSION_URIS: u32 = 12;
/// The `type` of each contact of `EPP_LIST_CONTACTS`, index for index
/// (`admin`, `billing`, `tech`; empty when a contact has none).
pub const EPP_LIST_CONTACT_TYPES: u32 = 13;
/// The addresses (`<host:addr>`) of a host create command or host infData.
pub const EPP_LIST_ADDRESSES: u32 = 14;
/// The name servers a domain update command adds.
pub const EPP_LIST_NAME_SERVERS_ADD: u32 = 15;
/// The name servers a domain update command removes.
pub const EPP_LIST_NAME_SERVERS_REMOVE: u32 = 16;
/// The contact ids a domain update command adds.
pub const EPP_LIST_CONTACTS_ADD: u32 = 17;
/// The contact ids a domain update command removes.
pub const EPP_LIST_CONTACTS_REMOVE: u32 = 18;
/// The addresses a host update command adds.
pub const EPP_LIST_ADDRESSES_ADD: u32 = 19;
/// The addresses a host update command removes.
pub const EPP_LIST_ADDRESSES_REMOVE: u32 = 20;
/// The last list number (for loops over every list).
pub const EPP_LIST_LAST: u32 = 20;

/// A list of strings of one of the core's list types.
#[derive(Clone, Copy)]
pub(crate) enum Strings<'a> {
    Empty,
    One(Str<'a>),
    Strs(List<'a, Str<'a>>),
    DomainStatuses(List<'a, epp_codec::view::command::domain::Status<'a>>),
    HostStatuses(List<'a, epp_codec::view::command::host::Status<'a>>),
    ContactStatuses(List<'a, epp_codec::view::command::contact::Status<'a>>),
    DomainObjStatuses(
        List<
            'a,
            epp_codec::view::response::object::ObjectStatus<
                'a,
                epp_codec::view::command::domain::DomainStatus,
            >,
        >,
    ),
    HostObjStatuses(
        List<
            'a,
            epp_codec::view::response::object::ObjectStatus<
                'a,
                epp_codec::view::command::host::HostStatus,
            >,
        >,
    ),
    ContactObjStatuses(
        List<
            'a,
            epp_codec::view::response::object::ObjectStatus<
                'a,
                epp_codec::view::command::contact::ContactStatus,
            >,
        >,
    ),
    Contacts(List<'a, epp_codec::view::command::domain::Contact<'a>>),
    ContactTypes(List<'a, epp_codec::view::command::domain::Contact<'a>>),
    Addresses(List<'a, epp_codec::view::command::host::Address<'a>>),
    HostAttrs(List<'a, epp_codec::view::command::domain::HostAttr<'a>>),
}

impl<'a> Strings<'a> {
    pub(crate) fn len(&self) -> usize {
        match self {
            Strings::Empty => 0,
            Strings::One(_) => 1,
            Strings::Strs(l) => l.len(),
            Strings::DomainStatuses(l) => l.len(),
            Strings::HostStatuses(l) => l.len(),
            Strings::ContactStatuses(l) => l.len(),
            Strings::DomainObjStatuses(l) => l.len(),
            Strings::HostObjStatuses(l) => l.len(),
            Strings::ContactObjStatuses(l) => l.len(),
            Strings::Contacts(l) => l.len(),
            Strings::ContactTypes(l) => l.len(),
            Strings::Addresses(l) => l.len(),
            Strings::HostAttrs(l) => l.len(),
        }
    }

    /// The list from item `i` on (`List::starting_at`).
    fn starting_at(&self, i: usize) -> Strings<'a> {
        match *self {
            Strings::Empty => Strings::Empty,
            Strings::One(s) if i == 0 => Strings::One(s),
            Strings::One(_) => Strings::Empty,
            Strings::Strs(l) => Strings::Strs(l.starting_at(i)),
            Strings::DomainStatuses(l) => Strings::DomainStatuses(l.starting_at(i)),
            Strings::HostStatuses(l) => Strings::HostStatuses(l.starting_at(i)),
            Strings::ContactStatuses(l) => Strings::ContactStatuses(l.starting_at(i)),
            Strings::DomainObjStatuses(l) => Strings::DomainObjStatuses(l.starting_at(i)),
            Strings::HostObjStatuses(l) => Strings::HostObjStatuses(l.starting_at(i)),
            Strings::ContactObjStatuses(l) => Strings::ContactObjStatuses(l.starting_at(i)),
            Strings::Contacts(l) => Strings::Contacts(l.starting_at(i)),
            Strings::ContactTypes(l) => Strings::ContactTypes(l.starting_at(i)),
            Strings::Addresses(l) => Strings::Addresses(l.starting_at(i)),
            Strings::HostAttrs(l) => Strings::HostAttrs(l.starting_at(i)),
        }
    }

    pub(crate) fn get(&self, i: usize) -> Option<Str<'a>> {
        match self {
            Strings::Empty => None,
            Strings::One(s) => (i == 0).then_some(*s),
            Strings::Strs(l) => l.get(i),
            Strings::DomainStatuses(l) => l.get(i).map(|s| s.raw()),
            Strings::HostStatuses(l) => l.get(i).map(|s| Str::new(s.value().as_str())),
            Strings::ContactStatuses(l) => l.get(i).map(|s| s.raw()),
            Strings::DomainObjStatuses(l) => l.get(i).map(|s| s.raw()),
            Strings::HostObjStatuses(l) => l.get(i).map(|s| s.raw()),
            Strings::ContactObjStatuses(l) => l.get(i).map(|s| s.raw()),
            Strings::Contacts(l) => l.get(i).map(|c| c.id()),
            Strings::ContactTypes(l) => l.get(i).map(|c| c.type_raw().unwrap_or(Str::new(""))),
            Strings::Addresses(l) => l.get(i).map(|a| a.raw()),
            Strings::HostAttrs(l) => l.get(i).map(|h| h.name()),
        }
    }
}

pub(crate) fn name_servers(
    ns: Option<epp_codec::view::command::domain::NameServers<'_>>,
) -> Strings<'_> {
    use epp_codec::view::command::domain::NameServers;
    match ns {
        None => Strings::Empty,
        Some(NameServers::HostObjs(l)) => Strings::Strs(l),
        Some(NameServers::HostAttrs(l)) => Strings::HostAttrs(l),
    }
}

/// The one object name (or id) of a command that is not a check.
fn command_object_name<'a>(command: &Command<'a>) -> Option<Str<'a>> {
    Some(match command {
        Command::Domain(d) => match d {
            DomainCommand::Check(_) => return None,
            DomainCommand::Info(c) => c.name(),
            DomainCommand::Create(c) => c.name(),
            DomainCommand::Delete(c) => c.name(),
            DomainCommand::Renew(c) => c.name(),
            DomainCommand::Transfer { transfer, .. } => transfer.name(),
            DomainCommand::Update(c) => c.name(),
        },
        Command::Host(h) => match h {
            HostCommand::Check(_) => return None,
            HostCommand::Info(c) => c.name(),
            HostCommand::Create(c) => c.name(),
            HostCommand::Update(c) => c.name(),
            HostCommand::Delete(c) => c.name(),
            _ => return None,
        },
        Command::Contact(c) => match c {
            ContactCommand::Check(_) => return None,
            ContactCommand::Info(c) => c.id(),
            ContactCommand::Create(c) => c.id(),
            ContactCommand::Delete(c) => c.id(),
            ContactCommand::Transfer { transfer, .. } => transfer.id(),
            ContactCommand::Update(c) => c.id(),
        },
        _ => return None,
    })
}

fn command_list<'a>(command: &Command<'a>, list: u32) -> Result<Strings<'a>, EppResult> {
    Ok(match (list, command) {
        (EPP_LIST_NAMES, Command::Domain(DomainCommand::Check(c))) => Strings::Strs(c.names()),
        (EPP_LIST_NAMES, Command::Host(HostCommand::Check(c))) => Strings::Strs(c.names()),
        (EPP_LIST_NAMES, Command::Contact(ContactCommand::Check(c))) => Strings::Strs(c.ids()),
        (EPP_LIST_NAMES, c) => command_object_name(c).map_or(Strings::Empty, Strings::One),
        (EPP_LIST_STATUSES_ADD | EPP_LIST_STATUSES_REMOVE, c) => {
            let add = list == EPP_LIST_STATUSES_ADD;
            match c {
                Command::Domain(DomainCommand::Update(u)) => {
                    let part = if add { u.add() } else { u.remove() };
                    part.map_or(Strings::Empty, |p| Strings::DomainStatuses(p.statuses()))
                }
                Command::Host(HostCommand::Update(u)) => {
                    let part = if add { u.add() } else { u.remove() };
                    Strings::HostStatuses(part.statuses())
                }
                Command::Contact(ContactCommand::Update(u)) => {
                    let part = if add { u.add() } else { u.remove() };
                    part.map_or(Strings::Empty, Strings::ContactStatuses)
                }
                _ => Strings::Empty,
            }
        }
        (EPP_LIST_NAME_SERVERS, Command::Domain(DomainCommand::Create(c))) => name_servers(c.ns()),
        (EPP_LIST_CONTACTS, Command::Domain(DomainCommand::Create(c))) => {
            Strings::Contacts(c.contacts())
        }
        (EPP_LIST_CONTACT_TYPES, Command::Domain(DomainCommand::Create(c))) => {
            Strings::ContactTypes(c.contacts())
        }
        (EPP_LIST_ADDRESSES, Command::Host(HostCommand::Create(c))) => {
            Strings::Addresses(c.addresses())
        }
        (
            EPP_LIST_NAME_SERVERS_ADD
            | EPP_LIST_NAME_SERVERS_REMOVE
            | EPP_LIST_CONTACTS_ADD
            | EPP_LIST_CONTACTS_REMOVE,
            Command::Domain(DomainCommand::Update(u)),
        ) => {
            let add = matches!(list, EPP_LIST_NAME_SERVERS_ADD | EPP_LIST_CONTACTS_ADD);
            let part = if add { u.add() } else { u.remove() };
            match part {
                None => Strings::Empty,
                Some(part) if matches!(list, EPP_LIST_CONTACTS_ADD | EPP_LIST_CONTACTS_REMOVE) => {
                    Strings::Contacts(part.contacts())
                }
                Some(part) => name_servers(part.ns()),
            }
        }
        (
            EPP_LIST_ADDRESSES_ADD | EPP_LIST_ADDRESSES_REMOVE,
            Command::Host(HostCommand::Update(u)),
        ) => {
            let part = if list == EPP_LIST_ADDRESSES_ADD {
                u.add()
            } else {
                u.remove()
            };
            Strings::Addresses(part.addresses())
        }
        (EPP_LIST_LOGIN_OBJECT_URIS, Command::Login(l)) => Strings::Strs(l.object_uris()),
        (EPP_LIST_LOGIN_EXTENSION_URIS, Command::Login(l)) => Strings::Strs(l.extension_uris()),
        (0..=EPP_LIST_LAST, _) => Strings::Empty,
        _ => return Err(EppResult::InvalidArgument),
    })
}

fn response_list<'a>(data: &ResData<'a>, list: u32) -> Result<Strings<'a>, EppResult> {
    Ok(match (list, data) {
        (EPP_LIST_STATUSES, ResData::Domain(DomainData::Info(i))) => {
            Strings::DomainObjStatuses(i.statuses())
        }
        (EPP_LIST_STATUSES, ResData::Host(HostData::Info(i))) => {
            Strings::HostObjStatuses(i.statuses())
        }
        (EPP_LIST_STATUSES, ResData::Contact(ContactData::Info(i))) => {
            Strings::ContactObjStatuses(i.statuses())
        }
        (EPP_LIST_NAME_SERVERS, ResData::Domain(DomainData::Info(i))) => name_servers(i.ns()),
        (EPP_LIST_CONTACTS, ResData::Domain(DomainData::Info(i))) => {
            Strings::Contacts(i.contacts())
        }
        (EPP_LIST_CONTACT_TYPES, ResData::Domain(DomainData::Info(i))) => {
            Strings::ContactTypes(i.contacts())
        }
        (EPP_LIST_ADDRESSES, ResData::Host(HostData::Info(i))) => Strings::Addresses(i.addresses()),
        (EPP_LIST_HOSTS, ResData::Domain(DomainData::Info(i))) => Strings::Strs(i.hosts()),
        (0..=EPP_LIST_LAST, _) => Strings::Empty,
        _ => return Err(EppResult::InvalidArgument),
    })
}

fn greeting_list<'a>(g: &Greeting<'a>, list: u32) -> Result<Strings<'a>, EppResult> {
    Ok(match list {
        EPP_LIST_GREETING_VERSIONS => Strings::Strs(g.versions()),
        EPP_LIST_GREETING_LANGS => Strings::Strs(g.langs()),
        EPP_LIST_GREETING_OBJECT_URIS => Strings::Strs(g.object_uris()),
        EPP_LIST_GREETING_EXTENSION_URIS => Strings::Strs(g.extension_uris()),
        0..=EPP_LIST_LAST => Strings::Empty,
        _ => return Err(EppResult::InvalidArgument),
    })
}

pub(crate) fn auth_password<'a>(a: Option<AuthInfo<'a>>) -> Option<Str<'a>> {
    match a {
        Some(AuthInfo::Password { password, .. }) => Some(password),
        _ => None,
    }
}

fn command_field<'a>(r: &Request<'a>, field: u32) -> Result<Option<Str<'a>>, EppResult> {
    let c = *r.command();
    let s = match (field, c) {
        (EPP_FIELD_CL_TRID, _) => r.cl_trid(),
        (EPP_FIELD_LOGIN_CLIENT_ID, Command::Login(l)) => Some(l.client_id()),
        (EPP_FIELD_LOGIN_PASSWORD, Command::Login(l)) => Some(l.password()),
        (EPP_FIELD_LOGIN_NEW_PASSWORD, Command::Login(l)) => l.new_password(),
        (EPP_FIELD_LOGIN_VERSION, Command::Login(l)) => Some(l.version()),
        (EPP_FIELD_LOGIN_LANG, Command::Login(l)) => Some(l.lang()),
        (EPP_FIELD_POLL_MESSAGE_ID, Command::Poll(Poll::Acknowledge { message_id })) => {
            Some(message_id)
        }
        (EPP_FIELD_OBJECT_NAME, c) => command_object_name(&c),
        (EPP_FIELD_REGISTRANT, Command::Domain(DomainCommand::Create(c))) => c.registrant(),
        (EPP_FIELD_EMAIL, Command::Contact(ContactCommand::Create(c))) => Some(c.email()),
        (EPP_FIELD_VOICE, Command::Contact(ContactCommand::Create(c))) => {
            c.voice().map(|v| v.number())
        }
        (EPP_FIELD_CURRENT_EXPIRY, Command::Domain(DomainCommand::Renew(c))) => {
            Some(c.current_expiry_raw())
        }
        (EPP_FIELD_AUTH_PASSWORD, c) => match c {
            Command::Domain(DomainCommand::Create(c)) => auth_password(Some(c.auth_info())),
            Command::Domain(DomainCommand::Info(c)) => auth_password(c.auth_info()),
            Command::Domain(DomainCommand::Transfer { transfer, .. }) => {
                auth_password(transfer.auth_info())
            }
            Command::Contact(ContactCommand::Create(c)) => auth_password(Some(c.auth_info())),
            Command::Contact(ContactCommand::Info(c)) => auth_password(c.auth_info()),
            _ => None,
        },
        (0..=EPP_FIELD_LAST, _) => None,
        _ => return Err(EppResult::InvalidArgument),
    };
    Ok(s)
}

fn response_field<'a>(
    r: &Response<'a>,
    data: &ResData<'a>,
    field: u32,
) -> Result<Option<Str<'a>>, EppResult> {
    let ts = |t: Option<epp_codec::view::response::object::Timestamp<'a>>| t.map(|t| t.raw());
    let s = match field {
        EPP_FIELD_CL_TRID => r.cl_trid(),
        EPP_FIELD_SV_TRID => Some(r.sv_trid()),
        EPP_FIELD_MSGQ_ID => r.message_queue().and_then(|q| q.id()),
        EPP_FIELD_MSGQ_DATE => r.message_queue().and_then(|q| q.date_raw()),
        EPP_FIELD_MSGQ_MESSAGE => r.message_queue().and_then(|q| q.message_text()),
        EPP_FIELD_OBJECT_NAME => match data {
            ResData::Domain(d) => match d {
                DomainData::Check(_) => None,
                DomainData::Info(i) => i.name(),
                DomainData::Create(c) => c.name(),
                DomainData::Pending(p) => p.name(),
                DomainData::Renew(n) => n.name(),
                DomainData::Transfer(t) => t.name(),
            },
            ResData::Host(h) => match h {
                HostData::Check(_) => None,
                HostData::Info(i) => i.name(),
                HostData::Create(c) => c.name(),
                HostData::Pending(p) => p.name(),
            },
            ResData::Contact(c) => match c {
                ContactData::Check(_) => None,
                ContactData::Info(i) => i.id(),
                ContactData::Create(c) => c.id(),
                ContactData::Pending(p) => p.name(),
                ContactData::Transfer(t) => t.name(),
            },
            ResData::None | ResData::Other => None,
        },
        EPP_FIELD_ROID | EPP_FIELD_CLIENT_ID | EPP_FIELD_CREATOR_ID | EPP_FIELD_UPDATER_ID => {
            match data {
                ResData::Domain(DomainData::Info(i)) => match field {
                    EPP_FIELD_ROID => i.roid(),
                    EPP_FIELD_CLIENT_ID => i.client_id(),
                    EPP_FIELD_CREATOR_ID => i.creator_id(),
                    _ => i.updater_id(),
                },
                ResData::Host(HostData::Info(i)) => match field {
                    EPP_FIELD_ROID => i.roid(),
                    EPP_FIELD_CLIENT_ID => i.client_id(),
                    EPP_FIELD_CREATOR_ID => i.creator_id(),
                    _ => i.updater_id(),
                },
                ResData::Contact(ContactData::Info(i)) => match field {
                    EPP_FIELD_ROID => i.roid(),
                    EPP_FIELD_CLIENT_ID => i.client_id(),
                    EPP_FIELD_CREATOR_ID => i.creator_id(),
                    _ => i.updater_id(),
                },
                _ => None,
            }
        }
        EPP_FIELD_CREATED => match data {
            ResData::Domain(DomainData::Info(i)) => ts(i.created()),
            ResData::Domain(DomainData::Create(c)) => ts(c.created()),
            ResData::Host(HostData::Info(i)) => ts(i.created()),
            ResData::Host(HostData::Create(c)) => ts(c.created()),
            ResData::Contact(ContactData::Info(i)) => ts(i.created()),
            ResData::Contact(ContactData::Create(c)) => ts(c.created()),
            _ => None,
        },
        EPP_FIELD_UPDATED => match data {
            ResData::Domain(DomainData::Info(i)) => ts(i.updated()),
            ResData::Host(HostData::Info(i)) => ts(i.updated()),
            ResData::Contact(ContactData::Info(i)) => ts(i.updated()),
            _ => None,
        },
        EPP_FIELD_EXPIRES => match data {
            ResData::Domain(DomainData::Info(i)) => ts(i.expires()),
            ResData::Domain(DomainData::Create(c)) => ts(c.expires()),
            ResData::Domain(DomainData::Renew(c)) => ts(c.expires()),
            _ => None,
        },
        EPP_FIELD_TRANSFERRED => match data {
            ResData::Domain(DomainData::Info(i)) => ts(i.transferred()),
            ResData::Host(HostData::Info(i)) => ts(i.transferred()),
            ResData::Contact(ContactData::Info(i)) => ts(i.transferred()),
            _ => None,
        },
        EPP_FIELD_REGISTRANT => match data {
            ResData::Domain(DomainData::Info(i)) => i.registrant(),
            _ => None,
        },
        EPP_FIELD_EMAIL => match data {
            ResData::Contact(ContactData::Info(i)) => i.email(),
            _ => None,
        },
        EPP_FIELD_VOICE => match data {
            ResData::Contact(ContactData::Info(i)) => i.voice().map(|v| v.number()),
            _ => None,
        },
        EPP_FIELD_AUTH_PASSWORD => match data {
            ResData::Domain(DomainData::Info(i)) => i.password(),
            ResData::Contact(ContactData::Info(i)) => i.password(),
            _ => None,
        },
        _ if field <= EPP_FIELD_LAST => None,
        _ => return Err(EppResult::InvalidArgument),
    };
    Ok(s)
}

fn greeting_field<'a>(g: &Greeting<'a>, field: u32) -> Result<Option<Str<'a>>, EppResult> {
    Ok(match field {
        EPP_FIELD_SERVER_ID => g.server_id(),
        EPP_FIELD_SERVER_DATE => g.server_date_raw(),
        0..=EPP_FIELD_LAST => None,
        _ => return Err(EppResult::InvalidArgument),
    })
}

pub(crate) fn check_items<'a>(data: &ResData<'a>) -> Result<List<'a, CheckItem<'a>>, EppResult> {
    match data {
        ResData::Domain(DomainData::Check(l)) => Ok(*l),
        ResData::Host(HostData::Check(l)) => Ok(*l),
        ResData::Contact(ContactData::Check(l)) => Ok(*l),
        _ => Err(EppResult::WrongKind),
    }
}

pub(crate) fn namespace_uri<'a>(ns: Namespace<'a>) -> &'a str {
    match ns {
        Namespace::None => "",
        Namespace::Known(ns) => ns.uri(),
        Namespace::Other(uri) => uri.raw(),
    }
}

/// The XML of `element`: its bytes in the frame, start tag to end tag.
pub(crate) fn element_xml<'a>(element: &RawElement<'a>, frame: &'a [u8]) -> &'a str {
    let span = element.span();
    frame
        .get(span.start..span.end)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

/// The frame a view was read from, rebuilt from its span: every view here
/// points into one frame, and the extension accessors need its bytes.
pub(crate) fn frame_of(m: &EppMessage) -> &[u8] {
    // SAFETY: `frame`/`frame_len` are what the caller passed to the last
    // successful read, and accessors run only while that frame is alive
    // and unchanged (the handle's contract).
    unsafe { std::slice::from_raw_parts(m.frame, m.frame_len) }
}

// ---------------------------------------------------------------------------
// Handle life cycle and reading.

/// Makes an empty message handle and stores it in `*out`. The handle is
/// reused for any number of messages; free it with `epp_message_free`.
///
/// # Safety
///
/// `out` must be NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_new(out: *mut *mut EppMessage) -> EppResult {
    guard(|| {
        non_null(out)?;
        let handle = Box::into_raw(Box::new(EppMessage {
            stored: Stored::Empty,
            frame: std::ptr::null(),
            frame_len: 0,
            error_code: 0,
            error_offset: 0,
            error_len: 0,
            error_text: [0; ERROR_TEXT_CAPACITY],
            ext_cursor: RefCell::new(None),
            list_cursor: Cell::new(None),
        }));
        // SAFETY: `out` is non-NULL and writable (caller's contract).
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// Frees a message handle. NULL does nothing. The frame it was reading is
/// the caller's and is not touched.
///
/// # Safety
///
/// `message` must be NULL or a handle from `epp_message_new` not yet freed;
/// it must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_free(message: *mut EppMessage) {
    if message.is_null() {
        return;
    }
    // SAFETY: a live handle from Box::into_raw, freed once (caller's
    // contract). Dropping reads none of the stored view.
    drop(unsafe { Box::from_raw(message) });
}

/// Which reader to run on a frame.
#[derive(Clone, Copy)]
enum Reader {
    Command,
    Response,
    Greeting,
}

/// # Safety
///
/// As `epp_message_read_command`.
unsafe fn read(
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
    reader: Reader,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(frame)?;
        // SAFETY: a live handle, used by one thread at a time.
        let m = unsafe { &mut *message };
        // SAFETY: the caller guarantees `len` readable bytes at `frame`,
        // unchanged until the next read or free (the handle's contract).
        let payload: &[u8] = unsafe { std::slice::from_raw_parts(frame, len) };
        m.frame = frame;
        m.frame_len = len;
        let stored = match reader {
            Reader::Command => match read_command(payload) {
                Ok(r) => Stored::Command(r),
                Err(e) => {
                    m.set_error(e.result_code().as_u16(), e.offset(), format_args!("{e}"));
                    Stored::CommandError(e, payload)
                }
            },
            Reader::Response => match read_response(payload) {
                Ok(r) => Stored::Response(r, res_data(&r)),
                Err(e) => {
                    m.set_error(0, e.offset(), format_args!("{e}"));
                    Stored::ResponseError
                }
            },
            Reader::Greeting => match read_greeting(payload) {
                Ok(g) => Stored::Greeting(g),
                Err(e) => {
                    m.set_error(0, e.offset(), format_args!("{e}"));
                    Stored::ResponseError
                }
            },
        };
        let failed = matches!(stored, Stored::CommandError(..) | Stored::ResponseError);
        // SAFETY: `payload` lives as long as the caller promises (above).
        unsafe { m.store(stored) };
        if failed {
            Err(EppResult::ReadError)
        } else {
            Ok(())
        }
    })
}

fn res_data<'a>(r: &Response<'a>) -> ResData<'a> {
    let Some(first) = r.res_data().iter().next() else {
        return ResData::None;
    };
    match first.namespace().known() {
        Some(Ns::Domain) => DomainData::from_raw(first).map_or(ResData::Other, ResData::Domain),
        Some(Ns::Host) => HostData::from_raw(first).map_or(ResData::Other, ResData::Host),
        Some(Ns::Contact) => ContactData::from_raw(first).map_or(ResData::Other, ResData::Contact),
        _ => ResData::Other,
    }
}

/// Reads `frame` (the payload of one frame: XML, without the 4-byte
/// header) as a command, strictly, as a server must. On failure returns
/// `EPP_RESULT_READ_ERROR` and the handle holds the error
/// (`epp_message_error_code` gives the EPP result code to answer, and
/// `epp_write_error_response` writes the answer).
///
/// **Lifetime rule.** The handle borrows `frame`: it must stay allocated and
/// unchanged until the next `epp_message_read_*` on this handle or
/// `epp_message_free`, and every string pointer an accessor hands out points
/// into it (so is valid exactly as long). After the frame is gone, only
/// `epp_message_read_*` and `epp_message_free` may be called.
///
/// # Safety
///
/// `message` must be a live handle (or NULL); `frame` must point to `len`
/// readable bytes (or be NULL) and obey the lifetime rule above.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_read_command(
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { read(message, frame, len, Reader::Command) }
}

/// Reads `frame` as a response, tolerantly, as a client must: only a
/// payload that is not well-formed, not a response, or without
/// `<result code>` and `<trID><svTRID>` fails (`EPP_RESULT_READ_ERROR`).
/// The lifetime rule of `epp_message_read_command` applies.
///
/// # Safety
///
/// As `epp_message_read_command`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_read_response(
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { read(message, frame, len, Reader::Response) }
}

/// Reads `frame` as a greeting, tolerantly. The lifetime rule of
/// `epp_message_read_command` applies.
///
/// # Safety
///
/// As `epp_message_read_command`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_read_greeting(
    message: *mut EppMessage,
    frame: *const u8,
    len: usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { read(message, frame, len, Reader::Greeting) }
}

// ---------------------------------------------------------------------------
// Accessors.

/// Borrows the handle for a getter; `None` for NULL.
///
/// # Safety
///
/// `message` must be NULL or a live handle whose frame obeys the lifetime
/// rule.
pub(crate) unsafe fn handle<'m>(message: *const EppMessage) -> Option<&'m EppMessage> {
    // SAFETY: caller's contract.
    unsafe { message.as_ref() }
}

/// What the handle holds (`EPP_KIND_NONE` for NULL).
///
/// # Safety
///
/// `message` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_kind(message: *const EppMessage) -> EppKind {
    // SAFETY: caller's contract. Only the discriminant is read, never
    // the (possibly stale) views.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppKind::None;
    };
    match &m.stored {
        Stored::Empty => EppKind::None,
        Stored::Command(_) => EppKind::Command,
        Stored::Response(..) => EppKind::Response,
        Stored::Greeting(_) => EppKind::Greeting,
        Stored::CommandError(..) | Stored::ResponseError => EppKind::Error,
    }
}

/// The command of a command message (`EPP_COMMAND_KIND_NONE` otherwise).
///
/// # Safety
///
/// `message` must be NULL or a live handle whose frame obeys the lifetime
/// rule of `epp_message_read_command`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_command_kind(message: *const EppMessage) -> EppCommandKind {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppCommandKind::None;
    };
    guard_value(EppCommandKind::None, || {
        let Ok(r) = m.request() else {
            return EppCommandKind::None;
        };
        let verb = match r.command() {
            Command::Hello => return EppCommandKind::Hello,
            Command::Login(_) => return EppCommandKind::Login,
            Command::Logout => return EppCommandKind::Logout,
            Command::Poll(_) => return EppCommandKind::Poll,
            Command::Domain(d) => d.verb(),
            Command::Contact(c) => c.verb(),
            Command::Host(h) => match h {
                HostCommand::Check(_) => Verb::Check,
                HostCommand::Info(_) => Verb::Info,
                HostCommand::Create(_) => Verb::Create,
                HostCommand::Update(_) => Verb::Update,
                HostCommand::Delete(_) => Verb::Delete,
                _ => return EppCommandKind::None,
            },
            Command::Other(o) => o.verb(),
            _ => return EppCommandKind::None,
        };
        match verb {
            Verb::Check => EppCommandKind::Check,
            Verb::Create => EppCommandKind::Create,
            Verb::Delete => EppCommandKind::Delete,
            Verb::Info => EppCommandKind::Info,
            Verb::Renew => EppCommandKind::Renew,
            Verb::Transfer(_) => EppCommandKind::Transfer,
            Verb::Update => EppCommandKind::Update,
        }
    })
}

/// The object a command acts on (`EPP_OBJECT_NONE` for session commands
/// and anything but a command).
///
/// # Safety
///
/// As `epp_message_command_kind`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_object(message: *const EppMessage) -> EppObject {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppObject::None;
    };
    guard_value(EppObject::None, || {
        match m.request().map(|r| *r.command()) {
            Ok(Command::Domain(_)) => EppObject::Domain,
            Ok(Command::Host(_)) => EppObject::Host,
            Ok(Command::Contact(_)) => EppObject::Contact,
            Ok(Command::Other(_)) => EppObject::Other,
            _ => EppObject::None,
        }
    })
}

/// The operation of a poll command (`EPP_POLL_OP_NONE` otherwise).
///
/// # Safety
///
/// As `epp_message_command_kind`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_poll_op(message: *const EppMessage) -> EppPollOp {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppPollOp::None;
    };
    guard_value(EppPollOp::None, || {
        match m.request().map(|r| *r.command()) {
            Ok(Command::Poll(Poll::Request)) => EppPollOp::Request,
            Ok(Command::Poll(Poll::Acknowledge { .. })) => EppPollOp::Acknowledge,
            _ => EppPollOp::None,
        }
    })
}

/// The `op` of a transfer command (`EPP_TRANSFER_OP_NONE` otherwise).
///
/// # Safety
///
/// As `epp_message_command_kind`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_transfer_op(message: *const EppMessage) -> EppTransferOp {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppTransferOp::None;
    };
    guard_value(EppTransferOp::None, || {
        let op = match m.request().map(|r| *r.command()) {
            Ok(Command::Domain(DomainCommand::Transfer { op, .. })) => op,
            Ok(Command::Contact(ContactCommand::Transfer { op, .. })) => op,
            Ok(Command::Other(o)) => match o.verb() {
                Verb::Transfer(op) => op,
                _ => return EppTransferOp::None,
            },
            _ => return EppTransferOp::None,
        };
        match op {
            TransferOp::Request => EppTransferOp::Request,
            TransferOp::Query => EppTransferOp::Query,
            TransferOp::Approve => EppTransferOp::Approve,
            TransferOp::Reject => EppTransferOp::Reject,
            TransferOp::Cancel => EppTransferOp::Cancel,
        }
    })
}

/// Shared body of the string getters: checks the out-parameters, runs
/// `get` on the handle and stores the string it finds.
///
/// # Safety
///
/// `message` NULL or a live handle obeying the lifetime rule; `ptr` and
/// `len` NULL or valid for writes.
pub(crate) unsafe fn string_out(
    message: *const EppMessage,
    ptr: *mut *const c_char,
    len: *mut usize,
    get: impl for<'m> FnOnce(&'m EppMessage) -> Result<&'m str, EppResult>,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(ptr)?;
        non_null(len)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let s = get(m)?;
        // SAFETY: both out-parameters are non-NULL and writable.
        unsafe { put_str(s, ptr, len) };
        Ok(())
    })
}

/// Field `field` of what the handle holds.
pub(crate) fn field_str(m: &EppMessage, field: u32) -> Result<Str<'_>, EppResult> {
    let found = match m.view_ref() {
        Stored::Command(r) => command_field(r, field)?,
        Stored::Response(r, d) => response_field(r, d, field)?,
        Stored::Greeting(g) => greeting_field(g, field)?,
        _ => return Err(EppResult::WrongKind),
    };
    found.ok_or(EppResult::Absent)
}

/// One string field (`EPP_FIELD_*`) of the message, as written in the
/// frame: stored in `*ptr` and `*len`. The text is raw — entity and
/// character references (`&amp;`, `&#233;`) are not expanded; when the
/// text holds a `&`, use `epp_message_field_unescaped` for the value.
/// `EPP_RESULT_ABSENT` when this message has no such field,
/// `EPP_RESULT_INVALID_ARGUMENT` for an unknown field number,
/// `EPP_RESULT_WRONG_KIND` when the handle holds no message.
///
/// # Safety
///
/// `message` must be NULL or a live handle obeying the lifetime rule of
/// `epp_message_read_command`; `ptr` and `len` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_field(
    message: *const EppMessage,
    field: u32,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { string_out(message, ptr, len, |m| field_str(m, field).map(|s| s.raw())) }
}

/// Writes the value of `text` (references expanded, line ends normalized,
/// comments dropped) into `buf`, storing its length in `out_len`; on
/// `BufferTooSmall`, the length needed.
///
/// # Safety
///
/// `buf` NULL with `cap` 0, or `cap` writable bytes; `out_len` non-NULL
/// and valid for writes.
unsafe fn unescape_into(
    text: Str<'_>,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Result<(), EppResult> {
    let piece_len = |c: &Chunk<'_>| match c {
        Chunk::Str(s) => s.len(),
        Chunk::Char(c) => c.len_utf8(),
    };
    let needed: usize = text.chunks().map(|c| piece_len(&c)).sum();
    if needed > cap {
        // SAFETY: the caller guarantees `out_len` is writable.
        unsafe { out_len.write(needed) };
        return Err(EppResult::BufferTooSmall);
    }
    if needed > 0 {
        non_null(buf)?;
        // SAFETY: non-NULL with `cap >= needed` writable bytes.
        let out = unsafe { std::slice::from_raw_parts_mut(buf.cast::<u8>(), needed) };
        let mut at = 0;
        for chunk in text.chunks() {
            let mut utf8 = [0u8; 4];
            let bytes = match &chunk {
                Chunk::Str(s) => s.as_bytes(),
                Chunk::Char(c) => c.encode_utf8(&mut utf8).as_bytes(),
            };
            out[at..at + bytes.len()].copy_from_slice(bytes);
            at += bytes.len();
        }
    }
    // SAFETY: as above.
    unsafe { out_len.write(needed) };
    Ok(())
}

/// Shared body of the `_unescaped` getters.
///
/// # Safety
///
/// As `epp_message_field_unescaped`.
pub(crate) unsafe fn unescaped_out(
    message: *const EppMessage,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
    get: impl for<'m> FnOnce(&'m EppMessage) -> Result<Str<'m>, EppResult>,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out_len)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let text = get(m)?;
        // SAFETY: caller's contract for `buf`, `cap` and `out_len`.
        unsafe { unescape_into(text, buf, cap, out_len) }
    })
}

/// The value of field `field` — references expanded, line ends normalized
/// — copied into `buf` (UTF-8, not NUL-terminated), its length in
/// `*out_len`. On `EPP_RESULT_BUFFER_TOO_SMALL`, `*out_len` is the length
/// needed (pass `buf = NULL, cap = 0` to ask). Other results as
/// `epp_message_field`.
///
/// # Safety
///
/// As `epp_message_field`; `buf` must be NULL with `cap` 0 or point to
/// `cap` writable bytes; `out_len` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_field_unescaped(
    message: *const EppMessage,
    field: u32,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { unescaped_out(message, buf, cap, out_len, |m| field_str(m, field)) }
}

/// A date and time read from a field (RFC 3339, as EPP writes them).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EppDateTime {
    /// The year (e.g. 2024).
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
    /// The hour, 0 to 23.
    pub hour: u8,
    /// The minute, 0 to 59.
    pub minute: u8,
    /// The second, 0 to 60 (a leap second).
    pub second: u8,
    /// Whether the text gave a UTC offset (`Z` is an offset of 0).
    pub has_offset: bool,
    /// The fraction of the second, in nanoseconds.
    pub nanosecond: u32,
    /// The UTC offset in minutes (east positive) when `has_offset`.
    pub offset_minutes: i16,
}

impl From<DateTime> for EppDateTime {
    fn from(t: DateTime) -> Self {
        EppDateTime {
            year: t.date.year,
            month: t.date.month,
            day: t.date.day,
            hour: t.hour,
            minute: t.minute,
            second: t.second,
            has_offset: t.date.offset.is_some(),
            nanosecond: t.nanosecond,
            offset_minutes: t.date.offset.unwrap_or(0),
        }
    }
}

/// Field `field` (a date-time field: `EPP_FIELD_CREATED`, `_UPDATED`,
/// `_EXPIRES`, `_TRANSFERRED`, `_MSGQ_DATE`, `_SERVER_DATE`) parsed into
/// `*out`. `EPP_RESULT_INVALID_VALUE` when its text is not an RFC 3339
/// date-time; other results as `epp_message_field`.
///
/// # Safety
///
/// As `epp_message_field`; `out` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_field_datetime(
    message: *const EppMessage,
    field: u32,
    out: *mut EppDateTime,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(out)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let text = field_str(m, field)?;
        let t = DateTime::parse(text.raw().trim()).ok_or(EppResult::InvalidValue)?;
        // SAFETY: non-NULL and writable.
        unsafe { out.write(EppDateTime::from(t)) };
        Ok(())
    })
}

pub(crate) fn strings(m: &EppMessage, list: u32) -> Result<Strings<'_>, EppResult> {
    strings_in(m.view_ref(), list)
}

fn strings_in<'a>(view: &Stored<'a>, list: u32) -> Result<Strings<'a>, EppResult> {
    match view {
        Stored::Command(r) => command_list(r.command(), list),
        Stored::Response(_, d) => response_list(d, list),
        Stored::Greeting(g) => greeting_list(g, list),
        _ => Err(EppResult::WrongKind),
    }
}

fn list_str(m: &EppMessage, list: u32, index: usize) -> Result<Str<'_>, EppResult> {
    m.strings_from(list, index)?
        .get(0)
        .ok_or(EppResult::IndexOutOfRange)
}

/// The number of items of list `list` (`EPP_LIST_*`) in the message: 0
/// when the message has none (or for NULL, an unknown list, no message).
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_list_count(message: *const EppMessage, list: u32) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || strings(m, list).map_or(0, |l| l.len()))
}

/// Item `index` of list `list` (`EPP_LIST_*`), stored in `*ptr` and `*len`
/// as written (raw, like `epp_message_field`).
/// `EPP_RESULT_INDEX_OUT_OF_RANGE` past the count. The handle keeps where
/// the last item was: asking the items in order reads past each once.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_list_item(
    message: *const EppMessage,
    list: u32,
    index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            list_str(m, list, index).map(|s| s.raw())
        })
    }
}

/// The value of item `index` of list `list`, unescaped into `buf` as
/// `epp_message_field_unescaped` does.
///
/// # Safety
///
/// As `epp_message_field_unescaped`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_list_item_unescaped(
    message: *const EppMessage,
    list: u32,
    index: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe { unescaped_out(message, buf, cap, out_len, |m| list_str(m, list, index)) }
}

/// The number of `<result>`s of a response (0 otherwise).
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_count(message: *const EppMessage) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || m.response().map_or(0, |(r, _)| r.results().len()))
}

/// The code of result `index` of a response (e.g. 1000), in `*code`.
///
/// # Safety
///
/// As `epp_message_field`; `code` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_code(
    message: *const EppMessage,
    index: usize,
    code: *mut u16,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(code)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let (r, _) = m.response()?;
        let result = r.results().get(index).ok_or(EppResult::IndexOutOfRange)?;
        // SAFETY: non-NULL and writable.
        unsafe { code.write(result.code().as_u16()) };
        Ok(())
    })
}

/// The `<msg>` of result `index` of a response, as written.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_msg(
    message: *const EppMessage,
    index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            let (r, _) = m.response()?;
            let result = r.results().get(index).ok_or(EppResult::IndexOutOfRange)?;
            result.message().map(|s| s.raw()).ok_or(EppResult::Absent)
        })
    }
}

/// The value of the `<msg>` of result `index`, unescaped into `buf` as
/// `epp_message_field_unescaped` does.
///
/// # Safety
///
/// As `epp_message_field_unescaped`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_result_msg_unescaped(
    message: *const EppMessage,
    index: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        unescaped_out(message, buf, cap, out_len, |m| {
            let (r, _) = m.response()?;
            let result = r.results().get(index).ok_or(EppResult::IndexOutOfRange)?;
            result.message().ok_or(EppResult::Absent)
        })
    }
}

/// The `count` of a response's `<msgQ>`, in `*count`
/// (`EPP_RESULT_ABSENT` without one).
///
/// # Safety
///
/// As `epp_message_field`; `count` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_msgq_count(
    message: *const EppMessage,
    count: *mut u64,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(count)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let (r, _) = m.response()?;
        let n = r
            .message_queue()
            .and_then(|q| q.count())
            .ok_or(EppResult::Absent)?;
        // SAFETY: non-NULL and writable.
        unsafe { count.write(n) };
        Ok(())
    })
}

/// What the first child of a response's `<resData>` is.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_res_data_kind(message: *const EppMessage) -> EppResDataKind {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return EppResDataKind::None;
    };
    guard_value(EppResDataKind::None, || {
        let Ok((_, data)) = m.response() else {
            return EppResDataKind::None;
        };
        use EppResDataKind as K;
        match data {
            ResData::None => K::None,
            ResData::Other => K::Other,
            ResData::Domain(d) => match d {
                DomainData::Check(_) => K::DomainCheck,
                DomainData::Info(_) => K::DomainInfo,
                DomainData::Create(_) => K::DomainCreate,
                DomainData::Pending(_) => K::DomainPending,
                DomainData::Renew(_) => K::DomainRenew,
                DomainData::Transfer(_) => K::DomainTransfer,
            },
            ResData::Host(h) => match h {
                HostData::Check(_) => K::HostCheck,
                HostData::Info(_) => K::HostInfo,
                HostData::Create(_) => K::HostCreate,
                HostData::Pending(_) => K::HostPending,
            },
            ResData::Contact(c) => match c {
                ContactData::Check(_) => K::ContactCheck,
                ContactData::Info(_) => K::ContactInfo,
                ContactData::Create(_) => K::ContactCreate,
                ContactData::Pending(_) => K::ContactPending,
                ContactData::Transfer(_) => K::ContactTransfer,
            },
        }
    })
}

/// The XML of the first child of a response's `<resData>` (start tag to
/// end tag), for data read raw.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_res_data_xml(
    message: *const EppMessage,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            let (r, _) = m.response()?;
            let first = r.res_data().iter().next().ok_or(EppResult::Absent)?;
            Ok(element_xml(&first, frame_of(m)))
        })
    }
}

/// The number of entries (`<cd>`) of a domain, host or contact chkData.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_check_count(message: *const EppMessage) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || {
        m.response()
            .and_then(|(_, d)| check_items(&d))
            .map_or(0, |l| l.len())
    })
}

fn check_item(m: &EppMessage, index: usize) -> Result<CheckItem<'_>, EppResult> {
    m.checks_from(index)?
        .get(0)
        .ok_or(EppResult::IndexOutOfRange)
}

/// The name (or contact id) of chkData entry `index`. As with list items,
/// the handle keeps where the last entry was: asking the entries in order
/// (by any of the `epp_message_check_*` calls) reads past each once.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_check_name(
    message: *const EppMessage,
    index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            check_item(m, index)?
                .name()
                .map(|s| s.raw())
                .ok_or(EppResult::Absent)
        })
    }
}

/// The `avail` flag of chkData entry `index`, in `*available`.
///
/// # Safety
///
/// As `epp_message_field`; `available` NULL or valid for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_check_available(
    message: *const EppMessage,
    index: usize,
    available: *mut bool,
) -> EppResult {
    guard(|| {
        non_null(message)?;
        non_null(available)?;
        // SAFETY: caller's contract.
        let m = unsafe { &*message };
        let a = check_item(m, index)?.available().ok_or(EppResult::Absent)?;
        // SAFETY: non-NULL and writable.
        unsafe { available.write(a) };
        Ok(())
    })
}

/// The `<reason>` of chkData entry `index` (`EPP_RESULT_ABSENT` without).
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_check_reason(
    message: *const EppMessage,
    index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            check_item(m, index)?
                .reason()
                .map(|s| s.raw())
                .ok_or(EppResult::Absent)
        })
    }
}

pub(crate) fn extensions(m: &EppMessage) -> Result<epp_codec::view::Extensions<'_>, EppResult> {
    extensions_in(m.view_ref())
}

/// The `<extension>` of a stored command or response.
pub(crate) fn extensions_in<'a>(
    view: &Stored<'a>,
) -> Result<epp_codec::view::Extensions<'a>, EppResult> {
    match view {
        Stored::Command(r) => Ok(r.extensions()),
        Stored::Response(r, _) => Ok(r.extensions()),
        _ => Err(EppResult::WrongKind),
    }
}

fn extension(m: &EppMessage, index: usize) -> Result<RawElement<'_>, EppResult> {
    extensions(m)?
        .iter()
        .nth(index)
        .ok_or(EppResult::IndexOutOfRange)
}

/// The number of elements in the `<extension>` of a command or response.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_extension_count(message: *const EppMessage) -> usize {
    // SAFETY: caller's contract.
    let Some(m) = (unsafe { handle(message) }) else {
        return 0;
    };
    guard_value(0, || extensions(m).map_or(0, |e| e.len()))
}

/// The namespace URI of extension element `index`.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_extension_namespace(
    message: *const EppMessage,
    index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            Ok(namespace_uri(extension(m, index)?.namespace()))
        })
    }
}

/// The raw XML of extension element `index` (start tag to end tag, a span
/// of the frame: `*ptr - frame` is its byte offset). Prefixes declared on
/// its ancestors are not repeated in it.
///
/// # Safety
///
/// As `epp_message_field`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_extension_xml(
    message: *const EppMessage,
    index: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            Ok(element_xml(&extension(m, index)?, frame_of(m)))
        })
    }
}

/// After a failed read: the EPP result code a server answers with (2001
/// command syntax error, 2003 required parameter missing, 2004/2005 value
/// range/syntax, 2102/2103/2307 unimplemented option/extension/object, …).
/// 0 when the last read did not fail, and for a failed response or
/// greeting read (a client answers nothing).
///
/// # Safety
///
/// `message` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_error_code(message: *const EppMessage) -> u16 {
    // SAFETY: caller's contract.
    match unsafe { handle(message) } {
        Some(m) if matches!(m.stored, Stored::CommandError(..)) => m.error_code,
        _ => 0,
    }
}

/// After a failed read: the byte offset in the frame where the error was
/// found (0 when the last read did not fail).
///
/// # Safety
///
/// `message` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_error_offset(message: *const EppMessage) -> usize {
    // SAFETY: caller's contract.
    match unsafe { handle(message) } {
        Some(m) if matches!(m.stored, Stored::CommandError(..) | Stored::ResponseError) => {
            m.error_offset
        }
        _ => 0,
    }
}

/// After a failed read: a description of the error (UTF-8, at most 256
/// bytes, not NUL-terminated). It lives in the handle: valid until the
/// next read or free. `EPP_RESULT_WRONG_KIND` when the last read did not fail.
///
/// # Safety
///
/// `message` must be NULL or a live handle; `ptr` and `len` NULL or valid
/// for writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn epp_message_error_message(
    message: *const EppMessage,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> EppResult {
    // SAFETY: forwarded from the caller.
    unsafe {
        string_out(message, ptr, len, |m| {
            if !matches!(m.stored, Stored::CommandError(..) | Stored::ResponseError) {
                return Err(EppResult::WrongKind);
            }
            // FixedText writes whole characters only, so this cannot fail.
            std::str::from_utf8(&m.error_text[..m.error_len]).map_err(|_| EppResult::Panic)
        })
    }
}

/// The command error and its payload, for the error response writer.
pub(crate) fn command_error(m: &EppMessage) -> Result<(CommandError<'_>, &[u8]), EppResult> {
    match m.view() {
        Stored::CommandError(e, payload) => Ok((e, payload)),
        _ => Err(EppResult::WrongKind),
    }
}

#[cfg(test)]
mod list_cursor_tests;
#[cfg(test)]
mod tests;
