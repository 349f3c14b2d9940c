//! Domain response data (RFC 5731 §3.1–3.2) built by hand and written.

use super::object::{
    CheckResult, PendingResult, TransferResult, optional, start_data, write_check, write_pending,
    write_transfer,
};
use crate::view::command::domain::{Contact, NameServers, Status};
use crate::view::{AuthInfo, List, Str};
use crate::write::WriteError;
use crate::write::command::domain::{
    write_contacts, write_name_servers, write_optional_auth_info, write_statuses,
};
use crate::write::sink::Sink;
use crate::write::xml::XmlWriter;
use crate::xml::Ns;

const P: &str = "domain";

/// Domain `<resData>` content built by hand.
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub enum DomainResData<'a> {
    /// `<domain:chkData>`.
    Check(&'a [CheckResult<'a>]),
    /// `<domain:infData>`.
    Info(DomainInfoData<'a>),
    /// `<domain:creData>`: name, creation date, expiry.
    Create {
        /// The domain.
        name: Str<'a>,
        /// `<domain:crDate>`.
        created: Str<'a>,
        /// `<domain:exDate>`.
        expires: Option<Str<'a>>,
    },
    /// `<domain:renData>`: name and new expiry.
    Renew {
        /// The domain.
        name: Str<'a>,
        /// `<domain:exDate>`.
        expires: Option<Str<'a>>,
    },
    /// `<domain:trnData>`.
    Transfer(TransferResult<'a>),
    /// `<domain:panData>`.
    Pending(PendingResult<'a>),
}

/// `<domain:infData>` built by hand: start from [`DomainInfoData::new`]
/// and set the fields that apply.
#[derive(Clone, Copy, Debug)]
pub struct DomainInfoData<'a> {
    /// `<domain:name>`.
    pub name: Str<'a>,
    /// `<domain:roid>`.
    pub roid: Str<'a>,
    /// `<domain:status>`es.
    pub statuses: &'a [Status<'a>],
    /// `<domain:registrant>`.
    pub registrant: Option<Str<'a>>,
    /// `<domain:contact>`s.
    pub contacts: &'a [Contact<'a>],
    /// `<domain:ns>`.
    pub ns: Option<NameServers<'a>>,
    /// `<domain:host>`s: subordinate hosts.
    pub hosts: &'a [Str<'a>],
    /// `<domain:clID>`: the sponsoring client.
    pub client_id: Str<'a>,
    /// `<domain:crID>`.
    pub creator_id: Option<Str<'a>>,
    /// `<domain:crDate>`.
    pub created: Option<Str<'a>>,
    /// `<domain:upID>`.
    pub updater_id: Option<Str<'a>>,
    /// `<domain:upDate>`.
    pub updated: Option<Str<'a>>,
    /// `<domain:exDate>`.
    pub expires: Option<Str<'a>>,
    /// `<domain:trDate>`.
    pub transferred: Option<Str<'a>>,
    /// `<domain:authInfo>` (masked when redacting).
    pub auth_info: Option<AuthInfo<'a>>,
}

impl<'a> DomainInfoData<'a> {
    /// The required parts; every other field empty.
    pub const fn new(name: &'a str, roid: &'a str, client_id: &'a str) -> Self {
        DomainInfoData {
            name: Str::new(name),
            roid: Str::new(roid),
            statuses: &[],
            registrant: None,
            contacts: &[],
            ns: None,
            hosts: &[],
            client_id: Str::new(client_id),
            creator_id: None,
            created: None,
            updater_id: None,
            updated: None,
            expires: None,
            transferred: None,
            auth_info: None,
        }
    }
}

impl DomainResData<'_> {
    pub(super) fn write<S: Sink>(&self, w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        match self {
            DomainResData::Check(results) => write_check(w, P, Ns::Domain, "name", results),
            DomainResData::Info(info) => write_info(w, info),
            DomainResData::Create {
                name,
                created,
                expires,
            } => {
                start_data(w, P, "creData", Ns::Domain);
                w.leaf_q(P, "name", *name)?;
                w.leaf_q(P, "crDate", *created)?;
                optional(w, P, "exDate", *expires)?;
                w.end_q(P, "creData");
                Ok(())
            }
            DomainResData::Renew { name, expires } => {
                start_data(w, P, "renData", Ns::Domain);
                w.leaf_q(P, "name", *name)?;
                optional(w, P, "exDate", *expires)?;
                w.end_q(P, "renData");
                Ok(())
            }
            DomainResData::Transfer(transfer) => {
                write_transfer(w, P, Ns::Domain, "name", transfer, true)
            }
            DomainResData::Pending(pending) => write_pending(w, P, Ns::Domain, "name", pending),
        }
    }
}

fn write_info<S: Sink>(w: &mut XmlWriter<S>, info: &DomainInfoData<'_>) -> Result<(), WriteError> {
    start_data(w, P, "infData", Ns::Domain);
    w.leaf_q(P, "name", info.name)?;
    w.leaf_q(P, "roid", info.roid)?;
    write_statuses(w, List::from_slice(info.statuses))?;
    optional(w, P, "registrant", info.registrant)?;
    write_contacts(w, List::from_slice(info.contacts))?;
    if let Some(ns) = info.ns {
        write_name_servers(w, ns)?;
    }
    for host in info.hosts {
        w.leaf_q(P, "host", *host)?;
    }
    w.leaf_q(P, "clID", info.client_id)?;
    optional(w, P, "crID", info.creator_id)?;
    optional(w, P, "crDate", info.created)?;
    optional(w, P, "upID", info.updater_id)?;
    optional(w, P, "upDate", info.updated)?;
    optional(w, P, "exDate", info.expires)?;
    optional(w, P, "trDate", info.transferred)?;
    write_optional_auth_info(w, info.auth_info)?;
    w.end_q(P, "infData");
    Ok(())
}
