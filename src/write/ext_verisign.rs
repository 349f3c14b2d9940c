//! Verisign's extensions written: namestoreExt-1.1, sync-1.0 and the
//! low-balance and restore poll messages.

use super::WriteError;
use super::sink::Sink;
use super::xml::XmlWriter;
use crate::view::ext::{LowBalancePoll, Namestore, NamestoreError, RgpPoll, SyncUpdate};
use crate::xml::Ns;

const NAMESTORE: &str = "namestoreExt";

pub(crate) fn write_namestore<S: Sink>(
    w: &mut XmlWriter<S>,
    namestore: &Namestore<'_>,
) -> Result<(), WriteError> {
    w.start_q(NAMESTORE, "namestoreExt");
    w.namespace(NAMESTORE, Ns::VerisignNamestoreExt.uri());
    w.leaf_q(NAMESTORE, "subProduct", namestore.sub_product)?;
    w.end_q(NAMESTORE, "namestoreExt");
    Ok(())
}

pub(crate) fn write_namestore_error<S: Sink>(
    w: &mut XmlWriter<S>,
    error: &NamestoreError<'_>,
) -> Result<(), WriteError> {
    w.start_q(NAMESTORE, "nsExtErrData");
    w.namespace(NAMESTORE, Ns::VerisignNamestoreExt.uri());
    w.start_q(NAMESTORE, "msg");
    if let Some(code) = error.code {
        w.attr_str("code", code)?;
    }
    w.text_str(error.message)?;
    w.end_q(NAMESTORE, "msg");
    w.end_q(NAMESTORE, "nsExtErrData");
    Ok(())
}

pub(crate) fn write_sync<S: Sink>(
    w: &mut XmlWriter<S>,
    sync: &SyncUpdate<'_>,
) -> Result<(), WriteError> {
    const P: &str = "sync";
    w.start_q(P, "update");
    w.namespace(P, Ns::VerisignSync.uri());
    w.leaf_q(P, "expMonthDay", sync.exp_month_day)?;
    w.end_q(P, "update");
    Ok(())
}

pub(crate) fn write_low_balance<S: Sink>(
    w: &mut XmlWriter<S>,
    poll: &LowBalancePoll<'_>,
) -> Result<(), WriteError> {
    const P: &str = "lowbalance-poll";
    w.start_q(P, "pollData");
    w.namespace(P, Ns::VerisignLowBalancePoll.uri());
    w.leaf_q(P, "registrarName", poll.registrar_name)?;
    w.leaf_q(P, "creditLimit", poll.credit_limit)?;
    w.start_q(P, "creditThreshold");
    w.attr_str("type", poll.threshold_type)?;
    w.text_str(poll.credit_threshold)?;
    w.end_q(P, "creditThreshold");
    w.leaf_q(P, "availableCredit", poll.available_credit)?;
    w.end_q(P, "pollData");
    Ok(())
}

pub(crate) fn write_rgp_poll<S: Sink>(
    w: &mut XmlWriter<S>,
    poll: &RgpPoll<'_>,
) -> Result<(), WriteError> {
    const P: &str = "rgp-poll";
    w.start_q(P, "pollData");
    w.namespace(P, Ns::VerisignRgpPoll.uri());
    w.leaf_q(P, "name", poll.name)?;
    w.start_q(P, "rgpStatus");
    w.attr_str("s", poll.status)?;
    w.end_q(P, "rgpStatus");
    w.leaf_q(P, "reqDate", poll.request_date)?;
    w.leaf_q(P, "reportDueDate", poll.report_due_date)?;
    w.end_q(P, "pollData");
    Ok(())
}
