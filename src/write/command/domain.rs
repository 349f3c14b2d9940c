//! Domain commands (RFC 5731) written with the `domain:` prefix.

use core::fmt::Write as _;

use super::super::WriteError;
use super::super::sink::Sink;
use super::super::xml::XmlWriter;
use super::{AuthInfoNames, end_object, start_object, write_auth_info, write_leaves};
use crate::view::command::domain::{
    AddRemove, Contact, DomainCommand, NameServers, RegistrantChange, Status,
};
use crate::view::{AuthInfo, IpVersion, List, Period, PeriodUnit, Str, Verb};
use crate::xml::Ns;

const AUTH_INFO: AuthInfoNames = AuthInfoNames {
    auth_info: "domain:authInfo",
    pw: "domain:pw",
    ext: "domain:ext",
    null: "domain:null",
};

pub(super) fn write<S: Sink>(
    w: &mut XmlWriter<S>,
    command: &DomainCommand<'_>,
) -> Result<(), WriteError> {
    match command {
        DomainCommand::Check(check) => {
            if check.names().is_empty() {
                return Err(WriteError::Invalid {
                    element: "domain:check",
                    reason: "a check needs at least one name",
                });
            }
            start_object(w, Verb::Check, "domain:check", Ns::Domain)?;
            write_leaves(w, "domain:name", check.names())?;
            end_object(w, Verb::Check, "domain:check");
        }
        DomainCommand::Info(info) => {
            start_object(w, Verb::Info, "domain:info", Ns::Domain)?;
            w.start("domain:name");
            if let Some(hosts) = info.hosts_raw() {
                w.attr_str("hosts", hosts)?;
            }
            w.text_str(info.name())?;
            w.end("domain:name");
            write_optional_auth_info(w, info.auth_info())?;
            end_object(w, Verb::Info, "domain:info");
        }
        DomainCommand::Create(create) => {
            start_object(w, Verb::Create, "domain:create", Ns::Domain)?;
            w.leaf("domain:name", create.name())?;
            write_period(w, create.period(), create.period_raw())?;
            if let Some(ns) = create.ns() {
                write_name_servers(w, ns)?;
            }
            if let Some(registrant) = create.registrant() {
                w.leaf("domain:registrant", registrant)?;
            }
            write_contacts(w, create.contacts())?;
            write_auth_info(w, &AUTH_INFO, &create.auth_info())?;
            end_object(w, Verb::Create, "domain:create");
        }
        DomainCommand::Delete(delete) => {
            start_object(w, Verb::Delete, "domain:delete", Ns::Domain)?;
            w.leaf("domain:name", delete.name())?;
            end_object(w, Verb::Delete, "domain:delete");
        }
        DomainCommand::Renew(renew) => {
            start_object(w, Verb::Renew, "domain:renew", Ns::Domain)?;
            w.leaf("domain:name", renew.name())?;
            let raw = renew.current_expiry_raw();
            if raw.raw().is_empty() {
                let mut text: heapless::String<32> = heapless::String::new();
                // A Date is at most 16 characters ("9999-12-31+14:00").
                let _ = write!(text, "{}", renew.current_expiry());
                w.leaf_text("domain:curExpDate", &text)?;
            } else {
                w.leaf("domain:curExpDate", raw)?;
            }
            write_period(w, renew.period(), renew.period_raw())?;
            end_object(w, Verb::Renew, "domain:renew");
        }
        DomainCommand::Transfer { op, transfer } => {
            let verb = Verb::Transfer(*op);
            start_object(w, verb, "domain:transfer", Ns::Domain)?;
            w.leaf("domain:name", transfer.name())?;
            write_period(w, transfer.period(), transfer.period_raw())?;
            write_optional_auth_info(w, transfer.auth_info())?;
            end_object(w, verb, "domain:transfer");
        }
        DomainCommand::Update(update) => {
            start_object(w, Verb::Update, "domain:update", Ns::Domain)?;
            w.leaf("domain:name", update.name())?;
            if let Some(add) = update.add() {
                write_add_remove(w, "domain:add", &add)?;
            }
            if let Some(remove) = update.remove() {
                write_add_remove(w, "domain:rem", &remove)?;
            }
            if let Some(change) = update.change() {
                w.start("domain:chg");
                match change.registrant() {
                    Some(RegistrantChange::Set(registrant)) => {
                        w.leaf("domain:registrant", registrant)?;
                    }
                    Some(RegistrantChange::Remove) => w.empty("domain:registrant"),
                    None => {}
                }
                write_optional_auth_info(w, change.auth_info())?;
                w.end("domain:chg");
            }
            end_object(w, Verb::Update, "domain:update");
        }
    }
    Ok(())
}

pub(crate) fn write_optional_auth_info<S: Sink>(
    w: &mut XmlWriter<S>,
    auth_info: Option<AuthInfo<'_>>,
) -> Result<(), WriteError> {
    match auth_info {
        Some(auth_info) => write_auth_info(w, &AUTH_INFO, &auth_info),
        None => Ok(()),
    }
}

/// `<domain:period unit="y">2</domain:period>`: the number as written when
/// read, formatted when built by hand.
fn write_period<S: Sink>(
    w: &mut XmlWriter<S>,
    period: Option<Period>,
    raw: Option<Str<'_>>,
) -> Result<(), WriteError> {
    let Some(period) = period else { return Ok(()) };
    let unit = Str::new(match period.unit {
        PeriodUnit::Years => "y",
        PeriodUnit::Months => "m",
    });
    let hundreds: [u8; 3];
    let value = match raw {
        Some(raw) => raw,
        // 1–99 by the schema.
        None if period.value < 100 => Str::new(two_digits(period.value)),
        None => {
            let v = period.value;
            hundreds = [b'0' + v / 100, b'0' + v / 10 % 10, b'0' + v % 10];
            Str::new(core::str::from_utf8(&hundreds).unwrap_or("0"))
        }
    };
    w.leaf_with_attr("domain:period", "unit", unit, value)
}

/// `value` (0–99) in decimal without leading zeros.
fn two_digits(value: u8) -> &'static str {
    const DIGITS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
    let at = usize::from(value % 100) * 2;
    let skip = usize::from(value % 100 < 10);
    DIGITS.get(at + skip..at + 2).unwrap_or("0")
}

pub(crate) fn write_name_servers<S: Sink>(
    w: &mut XmlWriter<S>,
    ns: NameServers<'_>,
) -> Result<(), WriteError> {
    w.start("domain:ns");
    match ns {
        NameServers::HostObjs(names) => write_leaves(w, "domain:hostObj", names)?,
        NameServers::HostAttrs(hosts) => {
            for host in hosts.iter() {
                w.start("domain:hostAttr");
                w.leaf("domain:hostName", host.name())?;
                for address in host.addresses().iter() {
                    w.start("domain:hostAddr");
                    match address.version_raw() {
                        Some(raw) => w.attr_str("ip", raw)?,
                        None if address.version() == IpVersion::V6 => w.attr("ip", "v6")?,
                        None => {}
                    }
                    w.text_str(address.raw())?;
                    w.end("domain:hostAddr");
                }
                w.end("domain:hostAttr");
            }
        }
    }
    w.end("domain:ns");
    Ok(())
}

pub(crate) fn write_contacts<S: Sink>(
    w: &mut XmlWriter<S>,
    contacts: List<'_, Contact<'_>>,
) -> Result<(), WriteError> {
    for contact in contacts.iter() {
        match (contact.type_raw(), contact.contact_type()) {
            (Some(raw), _) => w.leaf_with_attr("domain:contact", "type", raw, contact.id())?,
            (None, Some(t)) => {
                w.leaf_with_attr("domain:contact", "type", Str::new(t.as_str()), contact.id())?;
            }
            (None, None) => w.leaf("domain:contact", contact.id())?,
        }
    }
    Ok(())
}

pub(crate) fn write_statuses<S: Sink>(
    w: &mut XmlWriter<S>,
    statuses: List<'_, Status<'_>>,
) -> Result<(), WriteError> {
    for status in statuses.iter() {
        w.start("domain:status");
        w.attr_str("s", status.raw())?;
        if let Some(lang) = status.lang() {
            w.attr_str("lang", lang)?;
        }
        w.text_str(status.text())?;
        w.end("domain:status");
    }
    Ok(())
}

fn write_add_remove<S: Sink>(
    w: &mut XmlWriter<S>,
    name: &str,
    add_remove: &AddRemove<'_>,
) -> Result<(), WriteError> {
    w.start(name);
    if let Some(ns) = add_remove.ns() {
        write_name_servers(w, ns)?;
    }
    write_contacts(w, add_remove.contacts())?;
    write_statuses(w, add_remove.statuses())?;
    w.end(name);
    Ok(())
}
