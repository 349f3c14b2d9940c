//! Host response data (RFC 5732 §3.1–3.2) built by hand and written.

use super::object::{CheckResult, PendingResult, optional, start_data, write_check, write_pending};
use crate::view::command::host::{Address, Status};
use crate::view::{List, Str};
use crate::write::WriteError;
use crate::write::command::host::{write_addresses, write_statuses};
use crate::write::sink::Sink;
use crate::write::xml::XmlWriter;
use crate::xml::Ns;

const P: &str = "host";

/// Host `<resData>` content built by hand.
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub enum HostResData<'a> {
    /// `<host:chkData>`.
    Check(&'a [CheckResult<'a>]),
    /// `<host:infData>`.
    Info(HostInfoData<'a>),
    /// `<host:creData>`: name and creation date.
    Create {
        /// The host.
        name: Str<'a>,
        /// `<host:crDate>`.
        created: Str<'a>,
    },
    /// `<host:panData>`.
    Pending(PendingResult<'a>),
}

/// `<host:infData>` built by hand: start from [`HostInfoData::new`].
#[derive(Clone, Copy, Debug)]
pub struct HostInfoData<'a> {
    /// `<host:name>`.
    pub name: Str<'a>,
    /// `<host:roid>`.
    pub roid: Str<'a>,
    /// `<host:status>`es (at least one).
    pub statuses: &'a [Status<'a>],
    /// `<host:addr>`s.
    pub addresses: &'a [Address<'a>],
    /// `<host:clID>`.
    pub client_id: Str<'a>,
    /// `<host:crID>`.
    pub creator_id: Str<'a>,
    /// `<host:crDate>`.
    pub created: Str<'a>,
    /// `<host:upID>`.
    pub updater_id: Option<Str<'a>>,
    /// `<host:upDate>`.
    pub updated: Option<Str<'a>>,
    /// `<host:trDate>`.
    pub transferred: Option<Str<'a>>,
}

impl<'a> HostInfoData<'a> {
    /// The required parts; no addresses, no update or transfer.
    pub const fn new(
        name: &'a str,
        roid: &'a str,
        statuses: &'a [Status<'a>],
        client_id: &'a str,
        creator_id: &'a str,
        created: &'a str,
    ) -> Self {
        HostInfoData {
            name: Str::new(name),
            roid: Str::new(roid),
            statuses,
            addresses: &[],
            client_id: Str::new(client_id),
            creator_id: Str::new(creator_id),
            created: Str::new(created),
            updater_id: None,
            updated: None,
            transferred: None,
        }
    }
}

impl HostResData<'_> {
    pub(super) fn write<S: Sink>(&self, w: &mut XmlWriter<S>) -> Result<(), WriteError> {
        match self {
            HostResData::Check(results) => write_check(w, P, Ns::Host, "name", results),
            HostResData::Info(info) => {
                start_data(w, P, "infData", Ns::Host);
                w.leaf_q(P, "name", info.name)?;
                w.leaf_q(P, "roid", info.roid)?;
                write_statuses(w, List::from_slice(info.statuses))?;
                write_addresses(w, List::from_slice(info.addresses))?;
                w.leaf_q(P, "clID", info.client_id)?;
                w.leaf_q(P, "crID", info.creator_id)?;
                w.leaf_q(P, "crDate", info.created)?;
                optional(w, P, "upID", info.updater_id)?;
                optional(w, P, "upDate", info.updated)?;
                optional(w, P, "trDate", info.transferred)?;
                w.end_q(P, "infData");
                Ok(())
            }
            HostResData::Create { name, created } => {
                start_data(w, P, "creData", Ns::Host);
                w.leaf_q(P, "name", *name)?;
                w.leaf_q(P, "crDate", *created)?;
                w.end_q(P, "creData");
                Ok(())
            }
            HostResData::Pending(pending) => write_pending(w, P, Ns::Host, "name", pending),
        }
    }
}
