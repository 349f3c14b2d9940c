//! Domain response data (RFC 5731 §3): check, info, create, pending
//! action, renew and transfer data, read tolerantly and lazily.

use super::object::{
    CheckItem, ObjectStatus, PendingData, Timestamp, TransferData, timestamp, token,
};
use crate::view::command::RawElement;
use crate::view::command::domain::{Contact, DomainStatus, NameServers};
use crate::view::scan::{Child, Indexed, List, Lookup};
use crate::view::str::Str;
use crate::xml::{Namespace, Ns};

/// Domain data in `<resData>` (or in a poll message), by kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DomainData<'a> {
    /// `<domain:chkData>`.
    Check(List<'a, CheckItem<'a>>),
    /// `<domain:infData>`.
    Info(InfoData<'a>),
    /// `<domain:creData>`.
    Create(CreateData<'a>),
    /// `<domain:panData>`.
    Pending(PendingData<'a>),
    /// `<domain:renData>`.
    Renew(RenewData<'a>),
    /// `<domain:trnData>`.
    Transfer(TransferData<'a>),
}

impl<'a> DomainData<'a> {
    /// Domain data, if `raw` is one of the domain mapping's response elements.
    pub fn from_raw(raw: RawElement<'a>) -> Option<DomainData<'a>> {
        if raw.namespace() != Namespace::Known(Ns::Domain) {
            return None;
        }
        let element = element_of(&raw)?;
        Some(match raw.local() {
            "chkData" => DomainData::Check(element.list("cd")),
            "infData" => DomainData::Info(InfoData {
                element: Indexed::new(element),
            }),
            "creData" => DomainData::Create(CreateData { element }),
            "panData" => DomainData::Pending(PendingData { element }),
            "renData" => DomainData::Renew(RenewData { element }),
            "trnData" => DomainData::Transfer(TransferData { element }),
            _ => return None,
        })
    }
}

/// The element a `RawElement` stands for, for lazy reading.
pub(crate) fn element_of<'a>(raw: &RawElement<'a>) -> Option<Child<'a>> {
    raw.element()
}

/// `<domain:infData>`: every element of RFC 5731 §3.1.2, each optional
/// here (a registry may leave out what the schema requires).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InfoData<'a> {
    element: Indexed<'a>,
}

impl<'a> InfoData<'a> {
    /// `<domain:name>`.
    pub fn name(&self) -> Option<Str<'a>> {
        token(&self.element, "name")
    }

    /// `<domain:roid>` (as written; it may break the schema's pattern).
    pub fn roid(&self) -> Option<Str<'a>> {
        token(&self.element, "roid")
    }

    /// `<domain:status>`es.
    pub fn statuses(&self) -> List<'a, ObjectStatus<'a, DomainStatus>> {
        self.element.list("status")
    }

    /// `<domain:registrant>`.
    pub fn registrant(&self) -> Option<Str<'a>> {
        token(&self.element, "registrant")
    }

    /// `<domain:contact>`s, with their types.
    pub fn contacts(&self) -> List<'a, Contact<'a>> {
        self.element.list("contact")
    }

    /// `<domain:ns>`: host objects or host attributes.
    pub fn ns(&self) -> Option<NameServers<'a>> {
        let ns = self.element.child("ns")?;
        Some(if ns.child("hostAttr").is_some() {
            NameServers::HostAttrs(ns.list("hostAttr"))
        } else {
            NameServers::HostObjs(ns.list("hostObj"))
        })
    }

    /// `<domain:host>`: subordinate hosts.
    pub fn hosts(&self) -> List<'a, Str<'a>> {
        self.element.list("host")
    }

    /// `<domain:clID>`: the sponsoring client.
    pub fn client_id(&self) -> Option<Str<'a>> {
        token(&self.element, "clID")
    }

    /// `<domain:crID>`: the creating client.
    pub fn creator_id(&self) -> Option<Str<'a>> {
        token(&self.element, "crID")
    }

    /// `<domain:crDate>`.
    pub fn created(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "crDate")
    }

    /// `<domain:upID>`: the last updating client.
    pub fn updater_id(&self) -> Option<Str<'a>> {
        token(&self.element, "upID")
    }

    /// `<domain:upDate>`.
    pub fn updated(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "upDate")
    }

    /// `<domain:exDate>`.
    pub fn expires(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "exDate")
    }

    /// `<domain:trDate>`: the last transfer.
    pub fn transferred(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "trDate")
    }

    /// `<domain:authInfo><domain:pw>`: the password, if the server shows it.
    pub fn password(&self) -> Option<Str<'a>> {
        self.element
            .child("authInfo")
            .and_then(|a| a.child("pw"))
            .map(|pw| pw.text())
    }

    /// The `roid` attribute of `<domain:pw>`.
    pub fn password_roid(&self) -> Option<Str<'a>> {
        self.element
            .child("authInfo")
            .and_then(|a| a.child("pw"))
            .and_then(|pw| pw.attr("roid"))
    }

    /// `<domain:authInfo><domain:ext>`'s content, as written.
    pub fn auth_info_ext(&self) -> Option<&'a str> {
        self.element
            .child("authInfo")
            .and_then(|a| a.child("ext"))
            .map(|ext| ext.content_str())
    }
}

/// `<domain:creData>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CreateData<'a> {
    element: Child<'a>,
}

impl<'a> CreateData<'a> {
    /// `<domain:name>`.
    pub fn name(&self) -> Option<Str<'a>> {
        token(&self.element, "name")
    }

    /// `<domain:crDate>`.
    pub fn created(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "crDate")
    }

    /// `<domain:exDate>`.
    pub fn expires(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "exDate")
    }
}

/// `<domain:renData>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RenewData<'a> {
    element: Child<'a>,
}

impl<'a> RenewData<'a> {
    /// `<domain:name>`.
    pub fn name(&self) -> Option<Str<'a>> {
        token(&self.element, "name")
    }

    /// `<domain:exDate>`: the new expiry.
    pub fn expires(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "exDate")
    }
}
