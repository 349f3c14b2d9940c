//! Contact commands (RFC 5733) written with the `contact:` prefix.

use super::super::WriteError;
use super::super::sink::Sink;
use super::super::xml::XmlWriter;
use super::{AuthInfoNames, end_object, start_object, write_auth_info, write_leaves};
use crate::view::command::contact::{ContactCommand, Disclose, IntLoc, Phone, PostalInfo, Status};
use crate::view::{AuthInfo, List, Verb};
use crate::xml::Ns;

const AUTH_INFO: AuthInfoNames = AuthInfoNames {
    auth_info: "contact:authInfo",
    pw: "contact:pw",
    ext: "contact:ext",
    null: "contact:null",
};

pub(super) fn write<S: Sink>(
    w: &mut XmlWriter<S>,
    command: &ContactCommand<'_>,
) -> Result<(), WriteError> {
    match command {
        ContactCommand::Check(check) => {
            if check.ids().is_empty() {
                return Err(WriteError::Invalid {
                    element: "contact:check",
                    reason: "a check needs at least one id",
                });
            }
            start_object(w, Verb::Check, "contact:check", Ns::Contact)?;
            write_leaves(w, "contact:id", check.ids())?;
            end_object(w, Verb::Check, "contact:check");
        }
        ContactCommand::Info(info) => {
            start_object(w, Verb::Info, "contact:info", Ns::Contact)?;
            w.leaf("contact:id", info.id())?;
            write_optional_auth_info(w, info.auth_info())?;
            end_object(w, Verb::Info, "contact:info");
        }
        ContactCommand::Transfer { op, transfer } => {
            let verb = Verb::Transfer(*op);
            start_object(w, verb, "contact:transfer", Ns::Contact)?;
            w.leaf("contact:id", transfer.id())?;
            write_optional_auth_info(w, transfer.auth_info())?;
            end_object(w, verb, "contact:transfer");
        }
        ContactCommand::Delete(delete) => {
            start_object(w, Verb::Delete, "contact:delete", Ns::Contact)?;
            w.leaf("contact:id", delete.id())?;
            end_object(w, Verb::Delete, "contact:delete");
        }
        ContactCommand::Create(create) => {
            if create.postal_infos().is_empty() {
                return Err(WriteError::Invalid {
                    element: "contact:create",
                    reason: "a contact needs postal information (int or loc)",
                });
            }
            start_object(w, Verb::Create, "contact:create", Ns::Contact)?;
            w.leaf("contact:id", create.id())?;
            write_postal_infos(w, create.postal_infos())?;
            write_phone(w, "contact:voice", create.voice())?;
            write_phone(w, "contact:fax", create.fax())?;
            w.leaf("contact:email", create.email())?;
            write_auth_info(w, &AUTH_INFO, &create.auth_info())?;
            write_disclose(w, create.disclose())?;
            end_object(w, Verb::Create, "contact:create");
        }
        ContactCommand::Update(update) => {
            start_object(w, Verb::Update, "contact:update", Ns::Contact)?;
            w.leaf("contact:id", update.id())?;
            if let Some(add) = update.add() {
                write_statuses(w, "contact:add", add)?;
            }
            if let Some(remove) = update.remove() {
                write_statuses(w, "contact:rem", remove)?;
            }
            if let Some(change) = update.change() {
                w.start("contact:chg");
                write_postal_infos(w, change.postal_infos())?;
                write_phone(w, "contact:voice", change.voice())?;
                write_phone(w, "contact:fax", change.fax())?;
                if let Some(email) = change.email() {
                    w.leaf("contact:email", email)?;
                }
                write_optional_auth_info(w, change.auth_info())?;
                write_disclose(w, change.disclose())?;
                w.end("contact:chg");
            }
            end_object(w, Verb::Update, "contact:update");
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

pub(crate) fn write_postal_infos<S: Sink>(
    w: &mut XmlWriter<S>,
    postal_infos: List<'_, PostalInfo<'_>>,
) -> Result<(), WriteError> {
    for info in postal_infos.iter() {
        w.start("contact:postalInfo");
        w.attr("type", info.info_type().as_str())?;
        if let Some(name) = info.name() {
            w.leaf("contact:name", name)?;
        }
        if let Some(org) = info.org() {
            w.leaf("contact:org", org)?;
        }
        if let Some(address) = info.address() {
            w.start("contact:addr");
            for street in address.streets().iter() {
                w.leaf("contact:street", street.0)?;
            }
            w.leaf("contact:city", address.city())?;
            if let Some(sp) = address.state_province() {
                w.leaf("contact:sp", sp)?;
            }
            if let Some(pc) = address.postal_code() {
                w.leaf("contact:pc", pc)?;
            }
            w.leaf("contact:cc", address.country_code())?;
            w.end("contact:addr");
        }
        w.end("contact:postalInfo");
    }
    Ok(())
}

pub(crate) fn write_phone<S: Sink>(
    w: &mut XmlWriter<S>,
    name: &str,
    phone: Option<Phone<'_>>,
) -> Result<(), WriteError> {
    let Some(phone) = phone else { return Ok(()) };
    w.start(name);
    if let Some(x) = phone.extension() {
        w.attr_str("x", x)?;
    }
    w.text_str(phone.number())?;
    w.end(name);
    Ok(())
}

fn write_int_loc<S: Sink>(
    w: &mut XmlWriter<S>,
    name: &str,
    forms: IntLoc,
) -> Result<(), WriteError> {
    for (given, form) in [(forms.int, "int"), (forms.loc, "loc")] {
        if given {
            w.start(name);
            w.attr("type", form)?;
            w.end(name);
        }
    }
    Ok(())
}

pub(crate) fn write_disclose<S: Sink>(
    w: &mut XmlWriter<S>,
    disclose: Option<Disclose>,
) -> Result<(), WriteError> {
    let Some(d) = disclose else { return Ok(()) };
    w.start("contact:disclose");
    w.attr("flag", if d.flag { "1" } else { "0" })?;
    write_int_loc(w, "contact:name", d.name)?;
    write_int_loc(w, "contact:org", d.org)?;
    write_int_loc(w, "contact:addr", d.addr)?;
    for (given, name) in [
        (d.voice, "contact:voice"),
        (d.fax, "contact:fax"),
        (d.email, "contact:email"),
    ] {
        if given {
            w.empty(name);
        }
    }
    w.end("contact:disclose");
    Ok(())
}

fn write_statuses<S: Sink>(
    w: &mut XmlWriter<S>,
    name: &str,
    statuses: List<'_, Status<'_>>,
) -> Result<(), WriteError> {
    w.start(name);
    for status in statuses.iter() {
        w.start("contact:status");
        w.attr("s", status.value().as_str())?;
        if let Some(lang) = status.lang() {
            w.attr_str("lang", lang)?;
        }
        w.text_str(status.text())?;
        w.end("contact:status");
    }
    w.end(name);
    Ok(())
}
