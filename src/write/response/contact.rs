//! Contact response data (RFC 5733 §3.1–3.2) built by hand and written.

use super::object::{
    CheckResult, PendingResult, TransferResult, optional, start_data, write_check, write_pending,
    write_transfer,
};
use crate::view::command::contact::{Disclose, Phone, PostalInfo, Status};
use crate::view::{AuthInfo, List, Str};
use crate::write::WriteError;
use crate::write::command::contact::{
    write_disclose, write_optional_auth_info, write_phone, write_postal_infos,
};
use crate::write::sink::Sink;
use crate::write::xml::XmlWriter;
use crate::xml::Ns;

const P: &str = "contact";

/// Contact `<resData>` content built by hand.
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub enum ContactResData<'a> {
    /// `<contact:chkData>` (the results name ids).
    Check(&'a [CheckResult<'a>]),
    /// `<contact:infData>`.
    Info(ContactInfoData<'a>),
    /// `<contact:creData>`: id and creation date.
    Create {
        /// The contact id.
        id: Str<'a>,
        /// `<contact:crDate>`.
        created: Str<'a>,
    },
    /// `<contact:trnData>` (no expiry).
    Transfer(TransferResult<'a>),
    /// `<contact:panData>`.
    Pending(PendingResult<'a>),
}

/// `<contact:infData>` built by hand: start from [`ContactInfoData::new`].
#[derive(Clone, Copy, Debug)]
pub struct ContactInfoData<'a> {
    /// `<contact:id>`.
    pub id: Str<'a>,
    /// `<contact:roid>`.
    pub roid: Str<'a>,
    /// `<contact:status>`es (at least one).
    pub statuses: &'a [Status<'a>],
    /// `<contact:postalInfo>` (one or two: `int`, `loc`).
    pub postal_infos: &'a [PostalInfo<'a>],
    /// `<contact:voice>`.
    pub voice: Option<Phone<'a>>,
    /// `<contact:fax>`.
    pub fax: Option<Phone<'a>>,
    /// `<contact:email>`.
    pub email: Str<'a>,
    /// `<contact:clID>`.
    pub client_id: Str<'a>,
    /// `<contact:crID>`.
    pub creator_id: Str<'a>,
    /// `<contact:crDate>`.
    pub created: Str<'a>,
    /// `<contact:upID>`.
    pub updater_id: Option<Str<'a>>,
    /// `<contact:upDate>`.
    pub updated: Option<Str<'a>>,
    /// `<contact:trDate>`.
    pub transferred: Option<Str<'a>>,
    /// `<contact:authInfo>` (masked when redacting).
    pub auth_info: Option<AuthInfo<'a>>,
    /// `<contact:disclose>`.
    pub disclose: Option<Disclose>,
}

impl<'a> ContactInfoData<'a> {
    /// The required parts; no phones, update, transfer, authInfo or disclose.
    #[allow(clippy::too_many_arguments)] // each is a required element of the schema
    pub const fn new(
        id: &'a str,
        roid: &'a str,
        statuses: &'a [Status<'a>],
        postal_infos: &'a [PostalInfo<'a>],
        email: &'a str,
        client_id: &'a str,
        creator_id: &'a str,
        created: &'a str,
    ) -> Self {
        ContactInfoData {
            id: Str::new(id),
            roid: Str::new(roid),
            statuses,
            postal_infos,
            voice: None,
            fax: None,
            email: Str::new(email),
            client_id: Str::new(client_id),
            creator_id: Str::new(creator_id),
            created: Str::new(created),
            updater_id: None,
            updated: None,
            transferred: None,
            auth_info: None,
            disclose: None,
        }
    }
}

impl ContactResData<'_> {
    pub(super) fn write<S: Sink>(&self, w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        match self {
            ContactResData::Check(results) => write_check(w, P, Ns::Contact, "id", results),
            ContactResData::Info(info) => write_info(w, info),
            ContactResData::Create { id, created } => {
                start_data(w, P, "creData", Ns::Contact);
                w.leaf_q(P, "id", *id)?;
                w.leaf_q(P, "crDate", *created)?;
                w.end_q(P, "creData");
                Ok(())
            }
            ContactResData::Transfer(transfer) => {
                write_transfer(w, P, Ns::Contact, "id", transfer, false)
            }
            ContactResData::Pending(pending) => write_pending(w, P, Ns::Contact, "id", pending),
        }
    }
}

fn write_info<S: Sink>(w: &mut XmlWriter<S>, info: &ContactInfoData<'_>) -> Result<(), WriteError> {
    start_data(w, P, "infData", Ns::Contact);
    w.leaf_q(P, "id", info.id)?;
    w.leaf_q(P, "roid", info.roid)?;
    for status in info.statuses {
        w.start_q(P, "status");
        w.attr("s", status.value().as_str())?;
        if let Some(lang) = status.lang() {
            w.attr_str("lang", lang)?;
        }
        w.text_str(status.text())?;
        w.end_q(P, "status");
    }
    write_postal_infos(w, List::from_slice(info.postal_infos))?;
    write_phone(w, "contact:voice", info.voice)?;
    write_phone(w, "contact:fax", info.fax)?;
    w.leaf_q(P, "email", info.email)?;
    w.leaf_q(P, "clID", info.client_id)?;
    w.leaf_q(P, "crID", info.creator_id)?;
    w.leaf_q(P, "crDate", info.created)?;
    optional(w, P, "upID", info.updater_id)?;
    optional(w, P, "upDate", info.updated)?;
    optional(w, P, "trDate", info.transferred)?;
    write_optional_auth_info(w, info.auth_info)?;
    write_disclose(w, info.disclose)?;
    w.end_q(P, "infData");
    Ok(())
}
