//! Registry maintenance (RFC 9167) written: the `<maint:info>` command and
//! the `<maint:infData>` of an info response or a poll message.

use super::WriteError;
use super::command::start_verb;
use super::sink::Sink;
use super::xml::XmlWriter;
use crate::view::Verb;
use crate::view::ext::{
    MaintenanceData, MaintenanceId, MaintenanceInfo, MaintenanceItem, MaintenanceListItem,
};
use crate::view::{List, ListItem, Str};
use crate::xml::Ns;

const P: &str = "maint";

/// `<info><maint:info>…</maint:info></info>`.
pub(super) fn write_info<S: Sink>(
    w: &mut XmlWriter<S>,
    info: &MaintenanceInfo<'_>,
) -> Result<(), WriteError> {
    start_verb(w, Verb::Info)?;
    w.start_q(P, "info");
    w.namespace(P, Ns::Maintenance.uri());
    match info {
        MaintenanceInfo::Item(id) => write_id(w, id)?,
        MaintenanceInfo::List => {
            w.start_q(P, "list");
            w.end_q(P, "list");
        }
    }
    w.end_q(P, "info");
    w.end(Verb::Info.as_str());
    Ok(())
}

/// `<maint:infData>` in `<resData>`.
pub(super) fn write_data<S: Sink>(
    w: &mut XmlWriter<S>,
    data: &MaintenanceData<'_>,
) -> Result<(), WriteError> {
    w.start_q(P, "infData");
    w.namespace(P, Ns::Maintenance.uri());
    match data {
        MaintenanceData::Item(item) => write_item(w, item)?,
        MaintenanceData::List(items) => {
            w.start_q(P, "list");
            for item in items.iter() {
                write_list_item(w, &item)?;
            }
            w.end_q(P, "list");
        }
    }
    w.end_q(P, "infData");
    Ok(())
}

fn write_id<S: Sink>(w: &mut XmlWriter<S>, id: &MaintenanceId<'_>) -> Result<(), WriteError> {
    w.start_q(P, "id");
    if let Some(name) = id.name {
        w.attr_str("name", name)?;
    }
    if let Some(lang) = id.lang {
        w.attr_str("lang", lang)?;
    }
    w.text_str(id.id)?;
    w.end_q(P, "id");
    Ok(())
}

fn optional<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    value: Option<Str<'_>>,
) -> Result<(), WriteError> {
    match value {
        Some(value) => w.leaf_q(P, local, value),
        None => Ok(()),
    }
}

fn write_list_item<S: Sink>(
    w: &mut XmlWriter<S>,
    item: &MaintenanceListItem<'_>,
) -> Result<(), WriteError> {
    w.start_q(P, "listItem");
    write_id(w, &item.id)?;
    w.leaf_q(P, "start", item.start)?;
    w.leaf_q(P, "end", item.end)?;
    w.leaf_q(P, "crDate", item.created)?;
    optional(w, "upDate", item.updated)?;
    w.end_q(P, "listItem");
    Ok(())
}

fn write_item<S: Sink>(w: &mut XmlWriter<S>, item: &MaintenanceItem<'_>) -> Result<(), WriteError> {
    if item.systems.is_empty() {
        return Err(WriteError::Invalid {
            element: "maint:systems",
            reason: "a maintenance item affects at least one system",
        });
    }
    w.start_q(P, "item");
    write_id(w, &item.id)?;
    for t in item.types.iter() {
        w.start_q(P, "type");
        if let Some(lang) = t.lang {
            w.attr_str("lang", lang)?;
        }
        w.text_str(t.text)?;
        w.end_q(P, "type");
    }
    optional(w, "pollType", item.poll_type)?;
    w.start_q(P, "systems");
    for system in item.systems.iter() {
        w.start_q(P, "system");
        w.leaf_q(P, "name", system.name)?;
        optional(w, "host", system.host)?;
        w.leaf_q(P, "impact", system.impact)?;
        w.end_q(P, "system");
    }
    w.end_q(P, "systems");
    w.start_q(P, "environment");
    w.attr_str("type", item.environment.env_type)?;
    if let Some(name) = item.environment.name {
        w.attr_str("name", name)?;
    }
    w.end_q(P, "environment");
    w.leaf_q(P, "start", item.start)?;
    w.leaf_q(P, "end", item.end)?;
    w.leaf_q(P, "reason", item.reason)?;
    optional(w, "detail", item.detail)?;
    for d in item.descriptions.iter() {
        w.start_q(P, "description");
        if let Some(lang) = d.lang {
            w.attr_str("lang", lang)?;
        }
        if let Some(content_type) = d.content_type {
            w.attr_str("type", content_type)?;
        }
        w.text_str(d.text)?;
        w.end_q(P, "description");
    }
    write_wrapped(w, "tlds", "tld", item.tlds)?;
    if let Some(intervention) = item.intervention {
        let boolean = |b: bool| Str::new(if b { "true" } else { "false" });
        w.start_q(P, "intervention");
        w.leaf_q(P, "connection", boolean(intervention.connection))?;
        w.leaf_q(P, "implementation", boolean(intervention.implementation))?;
        w.end_q(P, "intervention");
    }
    w.leaf_q(P, "crDate", item.created)?;
    optional(w, "upDate", item.updated)?;
    w.end_q(P, "item");
    Ok(())
}

/// `<maint:outer>` around one `<maint:inner>` per value; nothing when empty.
fn write_wrapped<'a, S: Sink, T: ListItem<'a> + Into<Str<'a>>>(
    w: &mut XmlWriter<S>,
    outer: &str,
    inner: &str,
    values: List<'a, T>,
) -> Result<(), WriteError> {
    if values.is_empty() {
        return Ok(());
    }
    w.start_q(P, outer);
    for value in values.iter() {
        w.leaf_q(P, inner, value.into())?;
    }
    w.end_q(P, outer);
    Ok(())
}
