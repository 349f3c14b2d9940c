//! Typed extensions written: secDNS-1.1 (RFC 5910).

use super::WriteError;
use super::command::write_raw;
use super::sink::Sink;
use super::xml::XmlWriter;
use crate::view::command::Extension;
use crate::view::ext::{
    AllocationToken, ChangeData, DsData, KeyData, LoginSec, LoginSecEvent, ReportText, RgpStatus,
    RgpUpdate, SecDns, SecDnsData, SecDnsRemove, Ttl, TtlExtension,
};
use crate::view::{List, Str};
use crate::xml::Ns;

const P: &str = "secDNS";

/// Writes extensions built by hand, each in its place.
pub(crate) fn write_typed<S: Sink>(
    w: &mut XmlWriter<S>,
    extensions: &[Extension<'_>],
) -> Result<(), WriteError> {
    for extension in extensions {
        match extension {
            Extension::SecDns(SecDns::Create(data)) => write_data(w, "create", data)?,
            Extension::SecDns(SecDns::Update(update)) => {
                start(w, "update");
                if update.is_urgent() {
                    w.attr("urgent", "true")?;
                }
                match update.remove() {
                    Some(SecDnsRemove::All(all)) => {
                        w.start_q(P, "rem");
                        w.leaf_q(P, "all", Str::new(if all { "true" } else { "false" }))?;
                        w.end_q(P, "rem");
                    }
                    Some(SecDnsRemove::Records(records)) => {
                        w.start_q(P, "rem");
                        write_records(w, &records)?;
                        w.end_q(P, "rem");
                    }
                    None => {}
                }
                if let Some(add) = update.add() {
                    w.start_q(P, "add");
                    write_max_sig_life(w, add.max_sig_life())?;
                    write_records(w, &add)?;
                    w.end_q(P, "add");
                }
                if update.has_change() {
                    w.start_q(P, "chg");
                    write_max_sig_life(w, update.max_sig_life())?;
                    w.end_q(P, "chg");
                }
                w.end_q(P, "update");
            }
            Extension::SecDnsInfo(data) => write_data(w, "infData", data)?,
            Extension::Rgp(update) => write_rgp_update(w, update)?,
            Extension::RgpInfo(statuses) => write_rgp_statuses(w, "infData", statuses)?,
            Extension::RgpUpdated(statuses) => write_rgp_statuses(w, "upData", statuses)?,
            Extension::AllocationToken(token) => {
                const AT: &str = "allocationToken";
                match token {
                    AllocationToken::Token(value) => {
                        w.start_q(AT, "allocationToken");
                        w.namespace(AT, Ns::AllocationToken.uri());
                        w.text_str(*value)?;
                        w.end_q(AT, "allocationToken");
                    }
                    AllocationToken::Info => {
                        w.start_q(AT, "info");
                        w.namespace(AT, Ns::AllocationToken.uri());
                        w.end_q(AT, "info");
                    }
                }
            }
            Extension::LoginSec(login_sec) => write_login_sec(w, login_sec)?,
            Extension::LoginSecData(events) => write_login_sec_events(w, events)?,
            Extension::Raw(raw) => write_raw(w, raw)?,
            Extension::ChangePoll(change) => write_change_poll(w, change)?,
            Extension::Ttl(ttl) => write_ttl(w, ttl)?,
            Extension::Custom(custom) => w.with_dyn(|w| custom.write_extension(w))?,
            Extension::VerisignNamestore(n) => super::ext_verisign::write_namestore(w, n)?,
            Extension::VerisignNamestoreError(e) => {
                super::ext_verisign::write_namestore_error(w, e)?
            }
            Extension::VerisignSync(sync) => super::ext_verisign::write_sync(w, sync)?,
            Extension::VerisignLowBalancePoll(poll) => {
                super::ext_verisign::write_low_balance(w, poll)?
            }
            Extension::VerisignRgpPoll(poll) => super::ext_verisign::write_rgp_poll(w, poll)?,
            Extension::Fee(fee) => super::ext_fee::write_fee(w, fee)?,
            Extension::FeeData(data) => super::ext_fee::write_fee_data(w, data)?,
            Extension::Launch(launch) => super::ext_launch::write_launch(w, launch)?,
            Extension::LaunchData(data) => super::ext_launch::write_launch_data(w, data)?,
            Extension::AddlEmail(email) => super::ext_addl_email::write_addl_email(w, email)?,
            Extension::Bundling(bundling) => super::ext_bundling::write_bundling(w, bundling)?,
        }
    }
    Ok(())
}

fn start<S: Sink>(w: &mut XmlWriter<S>, local: &str) {
    w.start_q(P, local);
    w.namespace(P, Ns::SecDns11.uri());
}

fn write_data<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    data: &SecDnsData<'_>,
) -> Result<(), WriteError> {
    start(w, local);
    write_max_sig_life(w, data.max_sig_life())?;
    write_records(w, data)?;
    w.end_q(P, local);
    Ok(())
}

fn write_max_sig_life<S: Sink>(
    w: &mut XmlWriter<S>,
    seconds: Option<u32>,
) -> Result<(), WriteError> {
    if let Some(seconds) = seconds {
        write_number(w, "maxSigLife", seconds)?;
    }
    Ok(())
}

fn write_number<S: Sink>(w: &mut XmlWriter<S>, local: &str, n: u32) -> Result<(), WriteError> {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    let text = core::str::from_utf8(&digits[i..]).unwrap_or("0");
    w.leaf_q(P, local, Str::new(text))
}

fn write_records<S: Sink>(w: &mut XmlWriter<S>, data: &SecDnsData<'_>) -> Result<(), WriteError> {
    let (ds, keys) = (data.ds_data(), data.key_data());
    if ds.is_empty() == keys.is_empty() {
        return Err(WriteError::Invalid {
            element: "secDNS",
            reason: "DS data or key data: one of them, not both",
        });
    }
    write_ds(w, ds)?;
    for key in keys.iter() {
        write_key(w, &key)?;
    }
    Ok(())
}

fn write_ds<S: Sink>(w: &mut XmlWriter<S>, ds: List<'_, DsData<'_>>) -> Result<(), WriteError> {
    for d in ds.iter() {
        w.start_q(P, "dsData");
        write_number(w, "keyTag", d.key_tag().unwrap_or_default().into())?;
        write_number(w, "alg", d.alg().unwrap_or_default().into())?;
        write_number(w, "digestType", d.digest_type().unwrap_or_default().into())?;
        w.leaf_q(P, "digest", d.digest())?;
        if let Some(key) = d.key_data() {
            write_key(w, &key)?;
        }
        w.end_q(P, "dsData");
    }
    Ok(())
}

fn write_key<S: Sink>(w: &mut XmlWriter<S>, key: &KeyData<'_>) -> Result<(), WriteError> {
    w.start_q(P, "keyData");
    write_number(w, "flags", key.flags().unwrap_or_default().into())?;
    write_number(w, "protocol", key.protocol().unwrap_or_default().into())?;
    write_number(w, "alg", key.alg().unwrap_or_default().into())?;
    w.leaf_q(P, "pubKey", key.public_key())?;
    w.end_q(P, "keyData");
    Ok(())
}

// ----- rgp-1.0 (RFC 3915) -----

const RGP: &str = "rgp";

fn write_rgp_update<S: Sink>(
    w: &mut XmlWriter<S>,
    update: &RgpUpdate<'_>,
) -> Result<(), WriteError> {
    w.start_q(RGP, "update");
    w.namespace(RGP, Ns::Rgp.uri());
    w.start_q(RGP, "restore");
    w.attr("op", update.op().as_str())?;
    if let Some(report) = update.report_data() {
        w.start_q(RGP, "report");
        // Read content (text or XML) is written as it was; text built by hand is escaped.
        let content =
            |w: &mut XmlWriter<S>, local: &str, text: Str<'_>| -> Result<(), WriteError> {
                w.start_q(RGP, local);
                match report.raw_content(local) {
                    Some(raw) => w.raw(raw),
                    None => w.text_str(text)?,
                }
                w.end_q(RGP, local);
                Ok(())
            };
        content(w, "preData", report.pre_data())?;
        content(w, "postData", report.post_data())?;
        w.leaf_q(RGP, "delTime", report.deleted())?;
        w.leaf_q(RGP, "resTime", report.restored())?;
        write_report_text(
            w,
            "resReason",
            &report.reason(),
            report.raw_content("resReason"),
        )?;
        for statement in report.statements().iter() {
            write_report_text(w, "statement", &statement, None)?;
        }
        if let Some(other) = report.other() {
            content(w, "other", other)?;
        }
        w.end_q(RGP, "report");
    }
    w.end_q(RGP, "restore");
    w.end_q(RGP, "update");
    Ok(())
}

fn write_report_text<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    text: &ReportText<'_>,
    raw: Option<&str>,
) -> Result<(), WriteError> {
    w.start_q(RGP, local);
    if let Some(lang) = text.lang {
        w.attr_str("lang", lang)?;
    }
    match raw {
        Some(raw) => w.raw(raw),
        None => w.text_str(text.text)?,
    }
    w.end_q(RGP, local);
    Ok(())
}

fn write_rgp_statuses<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    statuses: &[RgpStatus<'_>],
) -> Result<(), WriteError> {
    if statuses.is_empty() {
        return Err(WriteError::Invalid {
            element: "rgp",
            reason: "grace-period data needs at least one rgpStatus",
        });
    }
    w.start_q(RGP, local);
    w.namespace(RGP, Ns::Rgp.uri());
    for status in statuses {
        w.start_q(RGP, "rgpStatus");
        w.attr_str("s", status.raw)?;
        if let Some(lang) = status.lang {
            w.attr_str("lang", lang)?;
        }
        w.text_str(status.text)?;
        w.end_q(RGP, "rgpStatus");
    }
    w.end_q(RGP, local);
    Ok(())
}

// ----- loginSec-1.0 (RFC 8807) -----

const LS: &str = "loginSec";

fn write_login_sec<S: Sink>(
    w: &mut XmlWriter<S>,
    login_sec: &LoginSec<'_>,
) -> Result<(), WriteError> {
    w.start_q(LS, "loginSec");
    w.namespace(LS, Ns::LoginSec.uri());
    if let Some(ua) = login_sec.user_agent {
        w.start_q(LS, "userAgent");
        for (local, part) in [("app", ua.app), ("tech", ua.tech), ("os", ua.os)] {
            if let Some(part) = part {
                w.leaf_q(LS, local, part)?;
            }
        }
        w.end_q(LS, "userAgent");
    }
    for (local, pw) in [
        ("pw", login_sec.password),
        ("newPW", login_sec.new_password),
    ] {
        if let Some(pw) = pw {
            let shown = if w.redacting() {
                Str::new(super::REDACTED)
            } else {
                pw
            };
            w.leaf_q(LS, local, shown)?;
        }
    }
    w.end_q(LS, "loginSec");
    Ok(())
}

fn write_login_sec_events<S: Sink>(
    w: &mut XmlWriter<S>,
    events: &[LoginSecEvent<'_>],
) -> Result<(), WriteError> {
    if events.is_empty() {
        return Err(WriteError::Invalid {
            element: "loginSec:loginSecData",
            reason: "login security data needs at least one event",
        });
    }
    w.start_q(LS, "loginSecData");
    w.namespace(LS, Ns::LoginSec.uri());
    for event in events {
        w.start_q(LS, "event");
        w.attr_str("type", event.event_type)?;
        if let Some(name) = event.name {
            w.attr_str("name", name)?;
        }
        w.attr_str("level", event.level)?;
        for (attr, value) in [
            ("exDate", event.expires),
            ("value", event.value),
            ("duration", event.duration),
            ("lang", event.lang),
        ] {
            if let Some(value) = value {
                w.attr_str(attr, value)?;
            }
        }
        w.text_str(event.text)?;
        w.end_q(LS, "event");
    }
    w.end_q(LS, "loginSecData");
    Ok(())
}

// ----- changePoll-1.0 (RFC 8590) -----

fn write_change_poll<S: Sink>(
    w: &mut XmlWriter<S>,
    change: &ChangeData<'_>,
) -> Result<(), WriteError> {
    const CP: &str = "changePoll";
    w.start_q(CP, "changeData");
    w.namespace(CP, Ns::ChangePoll.uri());
    if let Some(state) = change.state {
        w.attr_str("state", state)?;
    }
    w.start_q(CP, "operation");
    if let Some(op) = change.operation_op {
        w.attr_str("op", op)?;
    }
    w.text_str(change.operation)?;
    w.end_q(CP, "operation");
    w.leaf_q(CP, "date", change.date)?;
    w.leaf_q(CP, "svTRID", change.sv_trid)?;
    w.leaf_q(CP, "who", change.who)?;
    if let Some(case) = change.case_id {
        w.start_q(CP, "caseId");
        w.attr_str("type", case.case_type)?;
        if let Some(name) = case.name {
            w.attr_str("name", name)?;
        }
        w.text_str(case.id)?;
        w.end_q(CP, "caseId");
    }
    if let Some(reason) = change.reason {
        w.start_q(CP, "reason");
        if let Some(lang) = change.reason_lang {
            w.attr_str("lang", lang)?;
        }
        w.text_str(reason)?;
        w.end_q(CP, "reason");
    }
    w.end_q(CP, "changeData");
    Ok(())
}

// ----- ttl-1.0 (RFC 9803) -----

fn write_ttl<S: Sink>(w: &mut XmlWriter<S>, ttl: &TtlExtension<'_>) -> Result<(), WriteError> {
    const T: &str = "ttl";
    let (local, list) = match ttl {
        TtlExtension::Create(list) => ("create", list),
        TtlExtension::Update(list) => ("update", list),
        TtlExtension::InfoData(list) => ("infData", list),
        TtlExtension::Info { policy } => {
            w.start_q(T, "info");
            w.namespace(T, Ns::Ttl.uri());
            if *policy {
                w.attr("policy", "true")?;
            }
            w.end_q(T, "info");
            return Ok(());
        }
    };
    if list.is_empty() {
        return Err(WriteError::Invalid {
            element: "ttl",
            reason: "at least one <ttl:ttl>",
        });
    }
    w.start_q(T, local);
    w.namespace(T, Ns::Ttl.uri());
    for t in list.iter() {
        write_one_ttl(w, &t)?;
    }
    w.end_q(T, local);
    Ok(())
}

fn write_one_ttl<S: Sink>(w: &mut XmlWriter<S>, t: &Ttl<'_>) -> Result<(), WriteError> {
    let mut digits = [0u8; 10];
    w.start_q("ttl", "ttl");
    w.attr_str("for", t.record_type)?;
    if let Some(custom) = t.custom {
        w.attr_str("custom", custom)?;
    }
    for (name, value) in [("min", t.min), ("default", t.default), ("max", t.max)] {
        if let Some(value) = value {
            w.attr(name, decimal(value, &mut digits))?;
        }
    }
    if let Some(seconds) = t.seconds {
        w.text(decimal(seconds, &mut digits))?;
    }
    w.end_q("ttl", "ttl");
    Ok(())
}

fn decimal(mut n: u32, buf: &mut [u8; 10]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    core::str::from_utf8(&buf[i..]).unwrap_or("0")
}
