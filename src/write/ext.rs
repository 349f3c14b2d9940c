//! Typed extensions written: secDNS-1.1 (RFC 5910).

use super::WriteError;
use super::command::write_raw;
use super::sink::Sink;
use super::xml::XmlWriter;
use crate::view::command::Extension;
use crate::view::ext::{DsData, KeyData, SecDns, SecDnsData, SecDnsRemove};
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
            Extension::Raw(raw) => write_raw(w, raw)?,
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
