//! Change poll messages, `urn:ietf:params:xml:ns:changePoll-1.0` (RFC 8590):
//! what the registry changed on an object without the client asking
//! (restores, UDRP, auto-renewals …), carried in a poll response.

use crate::view::command::RawElement;
use crate::view::scan::{Indexed, Lookup};
use crate::view::str::Str;
use crate::xml::Ns;

const NS: Ns = Ns::ChangePoll;

/// `<changePoll:caseId>`: the case behind a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseId<'a> {
    /// `type`: `udrp`, `urs` or `custom`.
    pub case_type: Str<'a>,
    /// `name`: the case type's name, for `custom`.
    pub name: Option<Str<'a>>,
    /// The case identifier.
    pub id: Str<'a>,
}

/// `<changePoll:changeData>`: one change the registry made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeData<'a> {
    /// `state`: `before` or `after` (`None`: absent, meaning `after`): whether
    /// the object data in the response is from before or after the change.
    pub state: Option<Str<'a>>,
    /// `<changePoll:operation>`: `create`, `delete`, `renew`, `transfer`,
    /// `update`, `restore`, `autoRenew`, `autoDelete`, `autoPurge` or `custom`.
    pub operation: Str<'a>,
    /// The `op` attribute of the operation: its name when `custom`, a
    /// sub-operation otherwise.
    pub operation_op: Option<Str<'a>>,
    /// `<changePoll:date>`: when (RFC 3339).
    pub date: Str<'a>,
    /// `<changePoll:svTRID>`: the server transaction of the change.
    pub sv_trid: Str<'a>,
    /// `<changePoll:who>`: who made it.
    pub who: Str<'a>,
    /// `<changePoll:caseId>`.
    pub case_id: Option<CaseId<'a>>,
    /// `<changePoll:reason>`.
    pub reason: Option<Str<'a>>,
    /// The `lang` of the reason.
    pub reason_lang: Option<Str<'a>>,
}

impl<'a> ChangeData<'a> {
    /// A change built by hand: operation, date, server transaction, who;
    /// no state, case or reason.
    pub const fn new(operation: &'a str, date: &'a str, sv_trid: &'a str, who: &'a str) -> Self {
        ChangeData {
            state: None,
            operation: Str::new(operation),
            operation_op: None,
            date: Str::new(date),
            sv_trid: Str::new(sv_trid),
            who: Str::new(who),
            case_id: None,
            reason: None,
            reason_lang: None,
        }
    }

    /// `<changePoll:changeData>` read tolerantly from a response extension.
    pub fn from_raw(raw: RawElement<'a>) -> Option<Self> {
        raw.is(NS, "changeData").then_some(())?;
        let element = raw.element()?;
        let e = Indexed::new(element);
        let token = |local: &str| e.child(local).map(|c| c.token());
        let operation = e.child("operation");
        let reason = e.child("reason");
        Some(ChangeData {
            state: element.attr("state").map(Str::trimmed),
            operation: operation.map(|c| c.token()).unwrap_or_default(),
            operation_op: operation.and_then(|c| c.attr("op")).map(Str::trimmed),
            date: token("date").unwrap_or_default(),
            sv_trid: token("svTRID").unwrap_or_default(),
            who: e.child("who").map(|c| c.text()).unwrap_or_default(),
            case_id: e.child("caseId").map(|c| CaseId {
                case_type: c.attr("type").map(Str::trimmed).unwrap_or_default(),
                name: c.attr("name").map(Str::trimmed),
                id: c.token(),
            }),
            reason: reason.map(|c| c.text()),
            reason_lang: reason.and_then(|c| c.attr("lang")).map(Str::trimmed),
        })
    }
}
