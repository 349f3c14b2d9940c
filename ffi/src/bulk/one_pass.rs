//! The bulk fill in one visit of the view, for the message kinds a
//! program reads most (a domain create command, a domain info response).
//!
//! The generic fill asks `field_str` for each of the `EPP_FIELD_COUNT`
//! fields and `strings` for each of the `EPP_LIST_COUNT` lists: every ask
//! matches the stored view again, and the contacts of a domain are walked
//! twice (ids, then types), each walk scanning the frame. Here the view is
//! matched once and every list walked once; the values are those the
//! single-value accessors give (the same view methods, and the whole-corpus
//! tests in `tests.rs` compare the two). Other kinds take the generic path.

use epp_codec::view::command::DomainCommand;
use epp_codec::view::response::DomainData;
use epp_codec::view::response::object::Timestamp;
use epp_codec::view::{Command, Str};

use super::{EPP_LIST_COUNT, EppSpan, Frame};
use crate::EppResult;
use crate::message::{
    EPP_FIELD_AUTH_PASSWORD, EPP_FIELD_CL_TRID, EPP_FIELD_CLIENT_ID, EPP_FIELD_CREATED,
    EPP_FIELD_CREATOR_ID, EPP_FIELD_EXPIRES, EPP_FIELD_MSGQ_DATE, EPP_FIELD_MSGQ_ID,
    EPP_FIELD_MSGQ_MESSAGE, EPP_FIELD_OBJECT_NAME, EPP_FIELD_REGISTRANT, EPP_FIELD_ROID,
    EPP_FIELD_SV_TRID, EPP_FIELD_TRANSFERRED, EPP_FIELD_UPDATED, EPP_FIELD_UPDATER_ID,
    EPP_LIST_CONTACT_TYPES, EPP_LIST_CONTACTS, EPP_LIST_HOSTS, EPP_LIST_NAME_SERVERS,
    EPP_LIST_NAMES, EPP_LIST_STATUSES, EppMessage, ResData, Stored, Strings, auth_password,
    name_servers,
};

/// The items of every list, in list order, stored while the caller's room
/// lasts (as the generic `fill_lists` does).
struct Items<'r> {
    frame: Frame,
    room: &'r mut [EppSpan],
    counts: [u32; EPP_LIST_COUNT as usize],
    total: usize,
}

impl Items<'_> {
    fn put(&mut self, at: usize, s: Str<'_>) {
        if let Some(slot) = self.room.get_mut(at) {
            *slot = self.frame.span(s);
        }
    }

    /// Records that list `list` holds the next `n` items; returns where
    /// they start.
    fn reserve(&mut self, list: u32, n: usize) -> Result<usize, EppResult> {
        let at = self.total;
        self.counts[list as usize] = u32::try_from(n).map_err(|_| EppResult::InvalidArgument)?;
        self.total += n;
        Ok(at)
    }

    /// Stores list `list` (the next in list order).
    fn list(&mut self, list: u32, strings: Strings<'_>) -> Result<(), EppResult> {
        let mut at = self.reserve(list, strings.len())?;
        strings.for_each(|s| {
            self.put(at, s);
            at += 1;
        });
        Ok(())
    }
}

/// Fills `fields` (`EPP_FIELD_COUNT` long), `counts` and `room` as the
/// generic `fill_fields` and `fill_lists` do, returning the number of
/// items; `None` for a kind this module does not know (the caller then
/// takes the generic path, which writes every field again).
pub(super) fn fill(
    m: &EppMessage,
    frame: Frame,
    fields: &mut [EppSpan],
    counts: &mut [u32; EPP_LIST_COUNT as usize],
    room: &mut [EppSpan],
) -> Option<Result<usize, EppResult>> {
    let mut items = Items {
        frame,
        room,
        counts: [0; EPP_LIST_COUNT as usize],
        total: 0,
    };
    // Every field absent but those the kind sets below.
    fields.fill(EppSpan::ABSENT);
    let mut set = |field: u32, s: Option<Str<'_>>| fields[field as usize] = frame.span_of(s);
    let done = match m.view_ref() {
        Stored::Command(r) => {
            let Command::Domain(DomainCommand::Create(c)) = r.command() else {
                return None;
            };
            let name = c.name();
            let contacts = c.contacts();
            let mut fill = || {
                // Lists in list order: NAMES, NAME_SERVERS, CONTACTS,
                // CONTACT_TYPES.
                let at = items.reserve(EPP_LIST_NAMES, 1)?;
                items.put(at, name);
                items.list(EPP_LIST_NAME_SERVERS, name_servers(c.ns()))?;
                let ids = items.reserve(EPP_LIST_CONTACTS, contacts.len())?;
                let types = items.reserve(EPP_LIST_CONTACT_TYPES, contacts.len())?;
                for (i, contact) in contacts.iter().enumerate() {
                    items.put(ids + i, contact.id());
                    items.put(types + i, contact.type_raw().unwrap_or(Str::new("")));
                }
                Ok::<_, EppResult>(())
            };
            let done = fill();
            set(EPP_FIELD_CL_TRID, r.cl_trid());
            set(EPP_FIELD_OBJECT_NAME, Some(name));
            set(EPP_FIELD_REGISTRANT, c.registrant());
            set(EPP_FIELD_AUTH_PASSWORD, auth_password(Some(c.auth_info())));
            done
        }
        Stored::Response(r, ResData::Domain(DomainData::Info(i))) => {
            let contacts = i.contacts();
            let hosts = i.hosts();
            let mut fill = || {
                // Lists in list order: STATUSES, NAME_SERVERS, CONTACTS,
                // HOSTS, CONTACT_TYPES.
                items.list(EPP_LIST_STATUSES, Strings::DomainObjStatuses(i.statuses()))?;
                items.list(EPP_LIST_NAME_SERVERS, name_servers(i.ns()))?;
                let ids = items.reserve(EPP_LIST_CONTACTS, contacts.len())?;
                items.list(EPP_LIST_HOSTS, Strings::Strs(hosts))?;
                let types = items.reserve(EPP_LIST_CONTACT_TYPES, contacts.len())?;
                for (n, contact) in contacts.iter().enumerate() {
                    items.put(ids + n, contact.id());
                    items.put(types + n, contact.type_raw().unwrap_or(Str::new("")));
                }
                Ok::<_, EppResult>(())
            };
            let done = fill();
            set(EPP_FIELD_CL_TRID, r.cl_trid());
            set(EPP_FIELD_SV_TRID, Some(r.sv_trid()));
            if let Some(q) = r.message_queue() {
                set(EPP_FIELD_MSGQ_ID, q.id());
                set(EPP_FIELD_MSGQ_DATE, q.date_raw());
                set(EPP_FIELD_MSGQ_MESSAGE, q.message_text());
            }
            set(EPP_FIELD_OBJECT_NAME, i.name());
            set(EPP_FIELD_ROID, i.roid());
            set(EPP_FIELD_CLIENT_ID, i.client_id());
            set(EPP_FIELD_CREATOR_ID, i.creator_id());
            set(EPP_FIELD_UPDATER_ID, i.updater_id());
            set(EPP_FIELD_CREATED, ts(i.created()));
            set(EPP_FIELD_UPDATED, ts(i.updated()));
            set(EPP_FIELD_EXPIRES, ts(i.expires()));
            set(EPP_FIELD_TRANSFERRED, ts(i.transferred()));
            set(EPP_FIELD_REGISTRANT, i.registrant());
            set(EPP_FIELD_AUTH_PASSWORD, i.password());
            done
        }
        _ => return None,
    };
    *counts = items.counts;
    Some(done.map(|()| items.total))
}

/// A timestamp's text, as the single-value accessor gives it.
fn ts(t: Option<Timestamp<'_>>) -> Option<Str<'_>> {
    t.map(|t| t.raw())
}
