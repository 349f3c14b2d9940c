//! Host commands (RFC 5732) written with the `host:` prefix.

use super::super::WriteError;
use super::super::sink::Sink;
use super::super::xml::XmlWriter;
use super::{end_object, start_object, write_leaves};
use crate::view::Verb;
use crate::view::command::host::{AddRemove, Address, HostCommand, Status};
use crate::view::{IpVersion, List};
use crate::xml::Ns;

pub(super) fn write<S: Sink>(
    w: &mut XmlWriter<S>,
    command: &HostCommand<'_>,
) -> Result<(), WriteError> {
    match command {
        HostCommand::Check(check) => {
            if check.names().is_empty() {
                return Err(WriteError::Invalid {
                    element: "host:check",
                    reason: "a check needs at least one name",
                });
            }
            start_object(w, Verb::Check, "host:check", Ns::Host)?;
            write_leaves(w, "host:name", check.names())?;
            end_object(w, Verb::Check, "host:check");
        }
        HostCommand::Info(info) => {
            start_object(w, Verb::Info, "host:info", Ns::Host)?;
            w.leaf("host:name", info.name())?;
            end_object(w, Verb::Info, "host:info");
        }
        HostCommand::Create(create) => {
            start_object(w, Verb::Create, "host:create", Ns::Host)?;
            w.leaf("host:name", create.name())?;
            write_addresses(w, create.addresses())?;
            end_object(w, Verb::Create, "host:create");
        }
        HostCommand::Delete(delete) => {
            start_object(w, Verb::Delete, "host:delete", Ns::Host)?;
            w.leaf("host:name", delete.name())?;
            end_object(w, Verb::Delete, "host:delete");
        }
        HostCommand::Update(update) => {
            start_object(w, Verb::Update, "host:update", Ns::Host)?;
            w.leaf("host:name", update.name())?;
            write_add_remove(w, "host:add", &update.add())?;
            write_add_remove(w, "host:rem", &update.remove())?;
            if let Some(new_name) = update.new_name() {
                w.start("host:chg");
                w.leaf("host:name", new_name)?;
                w.end("host:chg");
            }
            end_object(w, Verb::Update, "host:update");
        }
    }
    Ok(())
}

pub(crate) fn write_addresses<S: Sink>(
    w: &mut XmlWriter<S>,
    addresses: List<'_, Address<'_>>,
) -> Result<(), WriteError> {
    for address in addresses.iter() {
        w.start("host:addr");
        if address.has_version_attribute() {
            w.attr(
                "ip",
                match address.version() {
                    IpVersion::V4 => "v4",
                    IpVersion::V6 => "v6",
                },
            )?;
        }
        w.text_str(address.raw())?;
        w.end("host:addr");
    }
    Ok(())
}

pub(crate) fn write_statuses<S: Sink>(
    w: &mut XmlWriter<S>,
    statuses: List<'_, Status<'_>>,
) -> Result<(), WriteError> {
    for status in statuses.iter() {
        w.start("host:status");
        w.attr("s", status.value().as_str())?;
        if let Some(lang) = status.lang() {
            w.attr_str("lang", lang)?;
        }
        w.text_str(status.text())?;
        w.end("host:status");
    }
    Ok(())
}

fn write_add_remove<S: Sink>(
    w: &mut XmlWriter<S>,
    name: &str,
    add_remove: &AddRemove<'_>,
) -> Result<(), WriteError> {
    if !add_remove.is_present() {
        return Ok(());
    }
    w.start(name);
    write_addresses(w, add_remove.addresses())?;
    write_statuses(w, add_remove.statuses())?;
    w.end(name);
    Ok(())
}
