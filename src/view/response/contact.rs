//! Contact response data (RFC 5733 §3): check, info, create, pending
//! action and transfer data, read tolerantly and lazily.

use super::domain::element_of;
use super::object::{
    CheckItem, ObjectStatus, PendingData, Timestamp, TransferData, timestamp, token,
};
use crate::view::command::RawElement;
use crate::view::command::contact::{ContactStatus, Disclose, Phone, PostalInfo};
use crate::view::scan::{Child, Indexed, List, Lookup};
use crate::view::str::Str;
use crate::xml::{Namespace, Ns};

/// Contact data in `<resData>` (or in a poll message), by kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ContactData<'a> {
    /// `<contact:chkData>` (the item names are the ids).
    Check(List<'a, CheckItem<'a>>),
    /// `<contact:infData>`.
    Info(InfoData<'a>),
    /// `<contact:creData>`.
    Create(CreateData<'a>),
    /// `<contact:panData>`.
    Pending(PendingData<'a>),
    /// `<contact:trnData>`.
    Transfer(TransferData<'a>),
}

impl<'a> ContactData<'a> {
    /// Contact data, if `raw` is one of the contact mapping's response elements.
    pub fn from_raw(raw: RawElement<'a>) -> Option<ContactData<'a>> {
        if raw.namespace() != Namespace::Known(Ns::Contact) {
            return None;
        }
        let element = element_of(&raw)?;
        Some(match raw.local() {
            "chkData" => ContactData::Check(element.list("cd")),
            "infData" => ContactData::Info(InfoData {
                element: Indexed::new(element),
            }),
            "creData" => ContactData::Create(CreateData { element }),
            "panData" => ContactData::Pending(PendingData { element }),
            "trnData" => ContactData::Transfer(TransferData { element }),
            _ => return None,
        })
    }
}

/// `<contact:infData>`, each element optional here.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InfoData<'a> {
    element: Indexed<'a>,
}

impl<'a> InfoData<'a> {
    /// `<contact:id>`.
    pub fn id(&self) -> Option<Str<'a>> {
        token(&self.element, "id")
    }

    /// `<contact:roid>`.
    pub fn roid(&self) -> Option<Str<'a>> {
        token(&self.element, "roid")
    }

    /// `<contact:status>`es.
    pub fn statuses(&self) -> List<'a, ObjectStatus<'a, ContactStatus>> {
        self.element.list("status")
    }

    /// `<contact:postalInfo>` (one or two).
    pub fn postal_infos(&self) -> List<'a, PostalInfo<'a>> {
        self.element.list("postalInfo")
    }

    /// `<contact:voice>`.
    pub fn voice(&self) -> Option<Phone<'a>> {
        self.element.child("voice").map(|c| Phone::from_element(&c))
    }

    /// `<contact:fax>`.
    pub fn fax(&self) -> Option<Phone<'a>> {
        self.element.child("fax").map(|c| Phone::from_element(&c))
    }

    /// `<contact:email>`.
    pub fn email(&self) -> Option<Str<'a>> {
        token(&self.element, "email")
    }

    /// `<contact:clID>`.
    pub fn client_id(&self) -> Option<Str<'a>> {
        token(&self.element, "clID")
    }

    /// `<contact:crID>`.
    pub fn creator_id(&self) -> Option<Str<'a>> {
        token(&self.element, "crID")
    }

    /// `<contact:crDate>`.
    pub fn created(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "crDate")
    }

    /// `<contact:upID>`.
    pub fn updater_id(&self) -> Option<Str<'a>> {
        token(&self.element, "upID")
    }

    /// `<contact:upDate>`.
    pub fn updated(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "upDate")
    }

    /// `<contact:trDate>`.
    pub fn transferred(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "trDate")
    }

    /// `<contact:authInfo><contact:pw>`, if the server shows it.
    pub fn password(&self) -> Option<Str<'a>> {
        self.element
            .child("authInfo")
            .and_then(|a| a.child("pw"))
            .map(|pw| pw.text())
    }

    /// The `roid` attribute of `<contact:pw>`.
    pub fn password_roid(&self) -> Option<Str<'a>> {
        self.element
            .child("authInfo")
            .and_then(|a| a.child("pw"))
            .and_then(|pw| pw.attr("roid"))
    }

    /// `<contact:authInfo><contact:ext>`'s content, as written.
    pub fn auth_info_ext(&self) -> Option<&'a str> {
        self.element
            .child("authInfo")
            .and_then(|a| a.child("ext"))
            .map(|ext| ext.content_str())
    }

    /// `<contact:disclose>`.
    pub fn disclose(&self) -> Option<Disclose> {
        self.element
            .child("disclose")
            .map(|d| Disclose::from_element(&d))
    }
}

/// `<contact:creData>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CreateData<'a> {
    element: Child<'a>,
}

impl<'a> CreateData<'a> {
    /// `<contact:id>`.
    pub fn id(&self) -> Option<Str<'a>> {
        token(&self.element, "id")
    }

    /// `<contact:crDate>`.
    pub fn created(&self) -> Option<Timestamp<'a>> {
        timestamp(&self.element, "crDate")
    }
}
