//! Pieces shared by the domain, host and contact response data: statuses
//! with a possibly unknown value, dates kept raw and parsed, and the
//! `<cd>` items of check data.

use core::marker::PhantomData;

use super::parse_date_time;
use crate::view::command::contact::ContactStatus;
use crate::view::command::domain::DomainStatus;
use crate::view::command::host::HostStatus;
use crate::view::scan::{Child, FromChild, KeptChild, Lookup};
use crate::view::str::Str;
use crate::view::value::DateTime;
use crate::xml::Ns;

/// A status enumeration of one of the object mappings.
pub trait StatusValue: Copy + sealed::Sealed {
    /// The value written `s`, if it is one of the mapping's.
    fn from_value(s: &Str<'_>) -> Option<Self>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::view::command::domain::DomainStatus {}
    impl Sealed for crate::view::command::host::HostStatus {}
    impl Sealed for crate::view::command::contact::ContactStatus {}
}

impl StatusValue for DomainStatus {
    fn from_value(s: &Str<'_>) -> Option<Self> {
        DomainStatus::ALL.into_iter().find(|v| s.eq_str(v.as_str()))
    }
}

impl StatusValue for HostStatus {
    fn from_value(s: &Str<'_>) -> Option<Self> {
        HostStatus::ALL
            .iter()
            .copied()
            .find(|v| s.eq_str(v.as_str()))
    }
}

impl StatusValue for ContactStatus {
    fn from_value(s: &Str<'_>) -> Option<Self> {
        ContactStatus::ALL
            .into_iter()
            .find(|v| s.eq_str(v.as_str()))
    }
}

/// `<status s="…" lang="…">text</status>` in response data: the value may
/// be one the mapping does not define (it is kept raw).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjectStatus<'a, S> {
    raw: Str<'a>,
    lang: Option<Str<'a>>,
    text: Str<'a>,
    _value: PhantomData<S>,
}

impl<'a, S: StatusValue> ObjectStatus<'a, S> {
    /// The `s` attribute, typed; `None` for a value the mapping does not define.
    pub fn value(&self) -> Option<S> {
        S::from_value(&self.raw)
    }

    /// The `s` attribute as written.
    pub fn raw(&self) -> Str<'a> {
        self.raw
    }

    /// The `lang` attribute of the text.
    pub fn lang(&self) -> Option<Str<'a>> {
        self.lang
    }

    /// The human-readable text.
    pub fn text(&self) -> Str<'a> {
        self.text
    }
}

impl<'a, S: Copy> FromChild<'a> for ObjectStatus<'a, S> {
    fn from_child(child: Child<'a>) -> Self {
        ObjectStatus {
            raw: child.attr("s").map(Str::trimmed).unwrap_or_default(),
            lang: child.attr("lang").map(Str::trimmed),
            text: child.text(),
            _value: PhantomData,
        }
    }
}

/// A date-time element: as written, and parsed when it parses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamp<'a> {
    raw: Str<'a>,
}

impl<'a> Timestamp<'a> {
    /// The text as written.
    pub fn raw(&self) -> Str<'a> {
        self.raw
    }

    /// The date-time, parsed (`None` when it is not RFC 3339).
    pub fn parsed(&self) -> Option<DateTime> {
        parse_date_time(self.raw)
    }
}

/// The child `local` of `e` as a token.
pub(crate) fn token<'a>(e: &impl Lookup<'a>, local: &str) -> Option<Str<'a>> {
    e.child(local).map(|c| c.token())
}

/// The child `local` of `e` as a timestamp.
pub(crate) fn timestamp<'a>(e: &impl Lookup<'a>, local: &str) -> Option<Timestamp<'a>> {
    token(e, local).map(|raw| Timestamp { raw })
}

/// An XML Schema boolean read tolerantly.
pub(crate) fn boolean(v: Option<Str<'_>>) -> Option<bool> {
    let v = v?.trimmed();
    if v.eq_str("1") || v.eq_str("true") {
        Some(true)
    } else if v.eq_str("0") || v.eq_str("false") {
        Some(false)
    } else {
        None
    }
}

/// One `<cd>` of check data: a name (or id), whether it is available, and why not.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CheckItem<'a> {
    element: Child<'a>,
    /// Its `<name>` (or `<id>`) and `<reason>`, found in one scan of its
    /// children when the item is made: each accessor used to scan them
    /// again, so reading a name, its `avail` and its reason scanned the
    /// item three times.
    key: Option<KeptChild>,
    reason: Option<KeptChild>,
}

impl<'a> CheckItem<'a> {
    fn key(&self) -> Option<Child<'a>> {
        self.element.kept_child(self.key?)
    }

    fn reason_element(&self) -> Option<Child<'a>> {
        self.element.kept_child(self.reason?)
    }

    /// The name (domain, host) or id (contact) checked.
    pub fn name(&self) -> Option<Str<'a>> {
        self.key().map(|c| c.token())
    }

    /// The `avail` attribute (`None` when absent or not a boolean).
    pub fn available(&self) -> Option<bool> {
        boolean(self.key().and_then(|c| c.attr("avail")))
    }

    /// `<reason>`: why it is not available.
    pub fn reason(&self) -> Option<Str<'a>> {
        self.reason_element().map(|c| c.text())
    }

    /// The `lang` of `<reason>`.
    pub fn reason_lang(&self) -> Option<Str<'a>> {
        self.reason_element().and_then(|c| c.attr("lang"))
    }
}

impl<'a> FromChild<'a> for CheckItem<'a> {
    fn from_child(element: Child<'a>) -> Self {
        let (mut key, mut reason) = (None, None);
        for c in element.children() {
            match c.local() {
                "name" | "id" if key.is_none() => key = Some(c.keep()),
                "reason" if reason.is_none() => reason = Some(c.keep()),
                _ => {}
            }
        }
        CheckItem {
            element,
            key,
            reason,
        }
    }
}

/// `<paTRID>`: the transaction ids of a pending action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PendingTransaction<'a> {
    /// `<clTRID>`.
    pub cl_trid: Option<Str<'a>>,
    /// `<svTRID>`.
    pub sv_trid: Option<Str<'a>>,
}

/// `<panData>`: the outcome of an action that was pending.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PendingData<'a> {
    pub(crate) element: Child<'a>,
}

impl<'a> PendingData<'a> {
    fn key(&self) -> Option<Child<'a>> {
        self.element
            .children()
            .find(|c| matches!(c.local(), "name" | "id"))
    }

    /// The name (domain, host) or id (contact).
    pub fn name(&self) -> Option<Str<'a>> {
        self.key().map(|c| c.token())
    }

    /// The `paResult` attribute: whether the action succeeded.
    pub fn result(&self) -> Option<bool> {
        boolean(self.key().and_then(|c| c.attr("paResult")))
    }

    /// `<paTRID>`.
    pub fn transaction(&self) -> Option<PendingTransaction<'a>> {
        let tr = self.element.child("paTRID")?;
        // `paTRID` holds EPP's own `clTRID` and `svTRID`.
        let id = |local| tr.child_in(Ns::Epp, local).map(|c| c.token());
        Some(PendingTransaction {
            cl_trid: id("clTRID"),
            sv_trid: id("svTRID"),
        })
    }

    /// `<paDate>`.
    pub fn date(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "paDate")
    }
}

/// The status of a transfer (`eppcom:trStatusType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TransferStatus {
    /// `clientApproved`.
    ClientApproved,
    /// `clientCancelled`.
    ClientCancelled,
    /// `clientRejected`.
    ClientRejected,
    /// `pending`.
    Pending,
    /// `serverApproved`.
    ServerApproved,
    /// `serverCancelled`.
    ServerCancelled,
}

impl TransferStatus {
    /// Every value.
    pub const ALL: [TransferStatus; 6] = [
        TransferStatus::ClientApproved,
        TransferStatus::ClientCancelled,
        TransferStatus::ClientRejected,
        TransferStatus::Pending,
        TransferStatus::ServerApproved,
        TransferStatus::ServerCancelled,
    ];

    /// The value as written.
    pub const fn as_str(self) -> &'static str {
        match self {
            TransferStatus::ClientApproved => "clientApproved",
            TransferStatus::ClientCancelled => "clientCancelled",
            TransferStatus::ClientRejected => "clientRejected",
            TransferStatus::Pending => "pending",
            TransferStatus::ServerApproved => "serverApproved",
            TransferStatus::ServerCancelled => "serverCancelled",
        }
    }
}

/// `<trnData>`: the state of a transfer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TransferData<'a> {
    pub(crate) element: Child<'a>,
}

impl<'a> TransferData<'a> {
    /// The name (domain) or id (contact).
    pub fn name(&self) -> Option<Str<'a>> {
        self.element
            .children()
            .find(|c| matches!(c.local(), "name" | "id"))
            .map(|c| c.token())
    }

    /// `<trStatus>` as written.
    pub fn status_raw(&self) -> Option<Str<'a>> {
        token(&self.element, "trStatus")
    }

    /// `<trStatus>`, typed (`None` for an unknown value).
    pub fn status(&self) -> Option<TransferStatus> {
        let raw = self.status_raw()?;
        TransferStatus::ALL
            .into_iter()
            .find(|s| raw.eq_str(s.as_str()))
    }

    /// `<reID>`: the requesting client.
    pub fn requester(&self) -> Option<Str<'a>> {
        token(&self.element, "reID")
    }

    /// `<reDate>`.
    pub fn requested(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "reDate")
    }

    /// `<acID>`: the client that must act.
    pub fn actor(&self) -> Option<Str<'a>> {
        token(&self.element, "acID")
    }

    /// `<acDate>`: when it must act by.
    pub fn action_due(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "acDate")
    }

    /// `<exDate>` (domain): the expiry after the transfer.
    pub fn expires(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "exDate")
    }
}
