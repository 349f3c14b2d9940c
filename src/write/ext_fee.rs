//! fee-1.0 (RFC 8748) written: the command extensions (`<fee:check>` and
//! the transforms) and the response extensions (`<fee:chkData>` and the
//! transform results). The drafts are not written typed (read ones
//! round-trip raw).

use super::WriteError;
use super::sink::Sink;
use super::xml::XmlWriter;
use crate::view::Period;
use crate::view::Str;
use crate::view::ext::{
    Fee, FeeCheckItem, FeeCommand, FeeCommandData, FeeCredit, FeeData, FeeExtension, FeeReason,
    FeeResult, FeeTransform,
};
use crate::view::scan::List;
use crate::xml::Ns;

const P: &str = "fee";

fn start<S: Sink>(w: &mut XmlWriter<S>, local: &str) {
    w.start_q(P, local);
    w.namespace(P, Ns::Fee10.uri());
}

/// Writes a fee command extension.
pub(crate) fn write_fee<S: Sink>(
    w: &mut XmlWriter<S>,
    fee: &FeeExtension<'_>,
) -> Result<(), WriteError> {
    let (local, transform) = match fee {
        FeeExtension::Check(check) => {
            if check.commands.is_empty() {
                return Err(WriteError::Invalid {
                    element: "fee:check",
                    reason: "at least one <fee:command>",
                });
            }
            start(w, "check");
            write_currency(w, check.currency)?;
            for command in check.commands.iter() {
                write_command_start(w, &command)?;
                w.end_q(P, "command");
            }
            w.end_q(P, "check");
            return Ok(());
        }
        FeeExtension::Create(t) => ("create", t),
        FeeExtension::Renew(t) => ("renew", t),
        FeeExtension::Transfer(t) => ("transfer", t),
        FeeExtension::Update(t) => ("update", t),
    };
    write_transform(w, local, transform)
}

fn write_transform<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    t: &FeeTransform<'_>,
) -> Result<(), WriteError> {
    if t.fees.is_empty() {
        return Err(WriteError::Invalid {
            element: "fee",
            reason: "a fee command extension needs at least one <fee:fee>",
        });
    }
    start(w, local);
    write_currency(w, t.currency)?;
    write_fees(w, t.fees, t.credits)?;
    w.end_q(P, local);
    Ok(())
}

/// Writes a fee response extension.
pub(crate) fn write_fee_data<S: Sink>(
    w: &mut XmlWriter<S>,
    data: &FeeData<'_>,
) -> Result<(), WriteError> {
    let (local, result) = match data {
        FeeData::Check(check) => {
            if check.items.is_empty() {
                return Err(WriteError::Invalid {
                    element: "fee:chkData",
                    reason: "at least one <fee:cd>",
                });
            }
            start(w, "chkData");
            write_currency(w, check.currency)?;
            for item in check.items.iter() {
                write_item(w, &item)?;
            }
            w.end_q(P, "chkData");
            return Ok(());
        }
        FeeData::Create(r) => ("creData", r),
        FeeData::Renew(r) => ("renData", r),
        FeeData::Transfer(r) => ("trnData", r),
        FeeData::Update(r) => ("updData", r),
        FeeData::Delete(r) => ("delData", r),
    };
    write_result(w, local, result)
}

fn write_result<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    r: &FeeResult<'_>,
) -> Result<(), WriteError> {
    start(w, local);
    write_currency(w, r.currency)?;
    if let Some(period) = r.period {
        write_period(w, period)?;
    }
    write_fees(w, r.fees, r.credits)?;
    if let Some(balance) = r.balance {
        w.leaf_q(P, "balance", balance)?;
    }
    if let Some(limit) = r.credit_limit {
        w.leaf_q(P, "creditLimit", limit)?;
    }
    w.end_q(P, local);
    Ok(())
}

fn write_item<S: Sink>(w: &mut XmlWriter<S>, item: &FeeCheckItem<'_>) -> Result<(), WriteError> {
    w.start_q(P, "cd");
    if let Some(available) = item.available {
        w.attr("avail", if available { "1" } else { "0" })?;
    }
    w.start_q(P, "objID");
    if let Some(element) = item.object_element {
        w.attr_str("element", element)?;
    }
    w.text_str(item.object_id)?;
    w.end_q(P, "objID");
    if let Some(class) = item.class {
        w.leaf_q(P, "class", class)?;
    }
    for command in item.commands.iter() {
        write_command_data(w, &command)?;
    }
    if let Some(reason) = item.reason {
        write_reason(w, &reason)?;
    }
    w.end_q(P, "cd");
    Ok(())
}

fn write_command_data<S: Sink>(
    w: &mut XmlWriter<S>,
    data: &FeeCommandData<'_>,
) -> Result<(), WriteError> {
    write_command_start_with(w, &data.command, data.standard)?;
    write_fees(w, data.fees, data.credits)?;
    if let Some(reason) = data.reason {
        write_reason(w, &reason)?;
    }
    w.end_q(P, "command");
    Ok(())
}

fn write_command_start<S: Sink>(
    w: &mut XmlWriter<S>,
    command: &FeeCommand<'_>,
) -> Result<(), WriteError> {
    write_command_start_with(w, command, None)
}

/// `<fee:command name=…>` (with `standard`, for a response's) and its
/// period; the caller writes the rest and the end tag.
fn write_command_start_with<S: Sink>(
    w: &mut XmlWriter<S>,
    command: &FeeCommand<'_>,
    standard: Option<bool>,
) -> Result<(), WriteError> {
    w.start_q(P, "command");
    w.attr_str("name", command.name)?;
    for (name, value) in [
        ("customName", command.custom_name),
        ("phase", command.phase),
        ("subphase", command.subphase),
    ] {
        if let Some(value) = value {
            w.attr_str(name, value)?;
        }
    }
    if let Some(standard) = standard {
        w.attr("standard", if standard { "1" } else { "0" })?;
    }
    if let Some(period) = command.period {
        write_period(w, period)?;
    }
    Ok(())
}

fn write_currency<S: Sink>(
    w: &mut XmlWriter<S>,
    currency: Option<Str<'_>>,
) -> Result<(), WriteError> {
    if let Some(currency) = currency {
        w.leaf_q(P, "currency", currency)?;
    }
    Ok(())
}

fn write_period<S: Sink>(w: &mut XmlWriter<S>, period: Period) -> Result<(), WriteError> {
    let mut digits = [0u8; 3];
    let mut n = period.value;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + n % 10;
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    w.start_q(P, "period");
    w.attr("unit", period.unit.as_str())?;
    w.text(core::str::from_utf8(&digits[i..]).unwrap_or("1"))?;
    w.end_q(P, "period");
    Ok(())
}

fn write_fees<S: Sink>(
    w: &mut XmlWriter<S>,
    fees: List<'_, Fee<'_>>,
    credits: List<'_, FeeCredit<'_>>,
) -> Result<(), WriteError> {
    for fee in fees.iter() {
        w.start_q(P, "fee");
        if let Some(description) = fee.description {
            w.attr_str("description", description)?;
        }
        if let Some(lang) = fee.lang {
            w.attr_str("lang", lang)?;
        }
        if let Some(refundable) = fee.refundable {
            w.attr("refundable", if refundable { "1" } else { "0" })?;
        }
        if let Some(grace) = fee.grace_period {
            w.attr_str("grace-period", grace)?;
        }
        if let Some(applied) = fee.applied {
            w.attr_str("applied", applied)?;
        }
        w.text_str(fee.amount)?;
        w.end_q(P, "fee");
    }
    for credit in credits.iter() {
        w.start_q(P, "credit");
        if let Some(description) = credit.description {
            w.attr_str("description", description)?;
        }
        if let Some(lang) = credit.lang {
            w.attr_str("lang", lang)?;
        }
        w.text_str(credit.amount)?;
        w.end_q(P, "credit");
    }
    Ok(())
}

fn write_reason<S: Sink>(w: &mut XmlWriter<S>, reason: &FeeReason<'_>) -> Result<(), WriteError> {
    w.start_q(P, "reason");
    if let Some(lang) = reason.lang {
        w.attr_str("lang", lang)?;
    }
    w.text_str(reason.text)?;
    w.end_q(P, "reason");
    Ok(())
}
