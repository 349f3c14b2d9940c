//! Host response data (RFC 5732 §3): check, info, create and pending
//! action data, read tolerantly and lazily.

use super::domain::element_of;
use super::object::{CheckItem, ObjectStatus, PendingData, Timestamp, timestamp, token};
use crate::view::command::RawElement;
use crate::view::command::host::{Address, HostStatus};
use crate::view::scan::{Child, Indexed, List, Lookup};
use crate::view::str::Str;
use crate::xml::{Namespace, Ns};

/// Host data in `<resData>` (or in a poll message), by kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HostData<'a> {
    /// `<host:chkData>`.
    Check(List<'a, CheckItem<'a>>),
    /// `<host:infData>`.
    Info(InfoData<'a>),
    /// `<host:creData>`.
    Create(CreateData<'a>),
    /// `<host:panData>`.
    Pending(PendingData<'a>),
}

impl<'a> HostData<'a> {
    /// Host data, if `raw` is one of the host mapping's response elements.
    pub fn from_raw(raw: RawElement<'a>) -> Option<HostData<'a>> {
        if raw.namespace() != Namespace::Known(Ns::Host) {
            return None;
        }
        let element = element_of(&raw)?;
        Some(match raw.local() {
            "chkData" => HostData::Check(element.list("cd")),
            "infData" => HostData::Info(InfoData {
                element: Indexed::new(element),
            }),
            "creData" => HostData::Create(CreateData { element }),
            "panData" => HostData::Pending(PendingData { element }),
            _ => return None,
        })
    }
}

/// `<host:infData>`, each element optional here.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InfoData<'a> {
    element: Indexed<'a>,
}

impl<'a> InfoData<'a> {
    /// `<host:name>`.
    pub fn name(&self) -> Option<Str<'a>> {
        token(&self.element, "name")
    }

    /// `<host:roid>`.
    pub fn roid(&self) -> Option<Str<'a>> {
        token(&self.element, "roid")
    }

    /// `<host:status>`es.
    pub fn statuses(&self) -> List<'a, ObjectStatus<'a, HostStatus>> {
        self.element.list("status")
    }

    /// `<host:addr>`esses.
    pub fn addresses(&self) -> List<'a, Address<'a>> {
        self.element.list("addr")
    }

    /// `<host:clID>`.
    pub fn client_id(&self) -> Option<Str<'a>> {
        token(&self.element, "clID")
    }

    /// `<host:crID>`.
    pub fn creator_id(&self) -> Option<Str<'a>> {
        token(&self.element, "crID")
    }

    /// `<host:crDate>`.
    pub fn created(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "crDate")
    }

    /// `<host:upID>`.
    pub fn updater_id(&self) -> Option<Str<'a>> {
        token(&self.element, "upID")
    }

    /// `<host:upDate>`.
    pub fn updated(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "upDate")
    }

    /// `<host:trDate>`.
    pub fn transferred(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "trDate")
    }
}

/// `<host:creData>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CreateData<'a> {
    element: Child<'a>,
}

impl<'a> CreateData<'a> {
    /// `<host:name>`.
    pub fn name(&self) -> Option<Str<'a>> {
        token(&self.element, "name")
    }

    /// `<host:crDate>`.
    pub fn created(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "crDate")
    }
}
