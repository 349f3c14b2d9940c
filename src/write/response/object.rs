//! Pieces of response data the object mappings share (RFC 5731–5733 §3):
//! check results, pending-action and transfer data, and the writing of
//! them under any object prefix.

use crate::view::Str;
use crate::view::response::object::TransferStatus;
use crate::write::WriteError;
use crate::write::sink::Sink;
use crate::write::xml::XmlWriter;
use crate::xml::Ns;

/// One result of a check (`<cd>`): the name or id, whether it is
/// available, and why not.
#[derive(Clone, Copy, Debug)]
pub struct CheckResult<'a> {
    /// The name (domain, host) or id (contact) checked.
    pub name: Str<'a>,
    /// `avail`.
    pub available: bool,
    /// `<reason>`, usually given when not available.
    pub reason: Option<Str<'a>>,
    /// `<reason lang>`, when not English.
    pub reason_lang: Option<Str<'a>>,
}

impl<'a> CheckResult<'a> {
    /// `name` is available.
    pub const fn available(name: &'a str) -> Self {
        CheckResult {
            name: Str::new(name),
            available: true,
            reason: None,
            reason_lang: None,
        }
    }

    /// `name` is not available, for `reason`.
    pub const fn unavailable(name: &'a str, reason: &'a str) -> Self {
        CheckResult {
            name: Str::new(name),
            available: false,
            reason: Some(Str::new(reason)),
            reason_lang: None,
        }
    }
}

/// `<panData>`: the outcome of an action that was pending.
#[derive(Clone, Copy, Debug)]
pub struct PendingResult<'a> {
    /// The object's name or id.
    pub name: Str<'a>,
    /// `paResult`: whether the action succeeded.
    pub result: bool,
    /// `<paTRID><clTRID>` of the command that started it.
    pub cl_trid: Option<Str<'a>>,
    /// `<paTRID><svTRID>`.
    pub sv_trid: Str<'a>,
    /// `<paDate>`: when it completed (RFC 3339).
    pub date: Str<'a>,
}

/// `<trnData>`: the state of a transfer.
#[derive(Clone, Copy, Debug)]
pub struct TransferResult<'a> {
    /// The object's name or id.
    pub name: Str<'a>,
    /// `<trStatus>`.
    pub status: TransferStatus,
    /// `<reID>`: the client that requested it.
    pub requester: Str<'a>,
    /// `<reDate>`.
    pub requested: Str<'a>,
    /// `<acID>`: the client that must act.
    pub actor: Str<'a>,
    /// `<acDate>`: when action is due.
    pub action_due: Str<'a>,
    /// `<exDate>`: the new expiry (domains only; ignored for contacts).
    pub expires: Option<Str<'a>>,
}

/// Opens `<prefix:element xmlns:prefix="…">`.
pub(super) fn start_data<S: Sink>(w: &mut XmlWriter<S>, prefix: &str, element: &str, ns: Ns) {
    w.start_q(prefix, element);
    w.namespace(prefix, ns.uri());
}

/// `<prefix:chkData>` with one `<prefix:cd>` per result; the checked
/// value is `<prefix:{name}>` (`name` or `id`).
pub(super) fn write_check<S: Sink>(
    w: &mut XmlWriter<S>,
    prefix: &str,
    ns: Ns,
    name: &str,
    results: &[CheckResult<'_>],
) -> Result<(), WriteError> {
    if results.is_empty() {
        return Err(WriteError::Invalid {
            element: "chkData",
            reason: "a check result needs at least one <cd>",
        });
    }
    start_data(w, prefix, "chkData", ns);
    for cd in results {
        w.start_q(prefix, "cd");
        w.start_q(prefix, name);
        w.attr("avail", if cd.available { "1" } else { "0" })?;
        w.text_str(cd.name)?;
        w.end_q(prefix, name);
        if let Some(reason) = cd.reason {
            w.start_q(prefix, "reason");
            if let Some(lang) = cd.reason_lang {
                w.attr_str("lang", lang)?;
            }
            w.text_str(reason)?;
            w.end_q(prefix, "reason");
        }
        w.end_q(prefix, "cd");
    }
    w.end_q(prefix, "chkData");
    Ok(())
}

/// `<prefix:panData>`.
pub(super) fn write_pending<S: Sink>(
    w: &mut XmlWriter<S>,
    prefix: &str,
    ns: Ns,
    name: &str,
    pending: &PendingResult<'_>,
) -> Result<(), WriteError> {
    start_data(w, prefix, "panData", ns);
    w.start_q(prefix, name);
    w.attr("paResult", if pending.result { "1" } else { "0" })?;
    w.text_str(pending.name)?;
    w.end_q(prefix, name);
    w.start_q(prefix, "paTRID");
    if let Some(cl_trid) = pending.cl_trid {
        w.leaf("clTRID", cl_trid)?;
    }
    w.leaf("svTRID", pending.sv_trid)?;
    w.end_q(prefix, "paTRID");
    w.leaf_q(prefix, "paDate", pending.date)?;
    w.end_q(prefix, "panData");
    Ok(())
}

/// `<prefix:trnData>`; `with_expiry` for domains.
pub(super) fn write_transfer<S: Sink>(
    w: &mut XmlWriter<S>,
    prefix: &str,
    ns: Ns,
    name: &str,
    transfer: &TransferResult<'_>,
    with_expiry: bool,
) -> Result<(), WriteError> {
    start_data(w, prefix, "trnData", ns);
    w.leaf_q(prefix, name, transfer.name)?;
    w.leaf_q(prefix, "trStatus", Str::new(transfer.status.as_str()))?;
    w.leaf_q(prefix, "reID", transfer.requester)?;
    w.leaf_q(prefix, "reDate", transfer.requested)?;
    w.leaf_q(prefix, "acID", transfer.actor)?;
    w.leaf_q(prefix, "acDate", transfer.action_due)?;
    if with_expiry {
        if let Some(expires) = transfer.expires {
            w.leaf_q(prefix, "exDate", expires)?;
        }
    }
    w.end_q(prefix, "trnData");
    Ok(())
}

/// `<prefix:{local}>` when there is a value.
pub(super) fn optional<S: Sink>(
    w: &mut XmlWriter<S>,
    prefix: &str,
    local: &str,
    value: Option<Str<'_>>,
) -> Result<(), WriteError> {
    match value {
        Some(value) => w.leaf_q(prefix, local, value),
        None => Ok(()),
    }
}
