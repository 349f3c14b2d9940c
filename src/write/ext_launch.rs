//! launch-1.0 (RFC 8334) written, with its marks (mark-1.0, RFC 7848):
//! signed marks are written back verbatim, as raw elements.

use super::WriteError;
use super::command::write_raw;
use super::sink::Sink;
use super::xml::XmlWriter;
use crate::view::ext::{
    ClaimsNotice, EncodedSignedMark, Launch, LaunchApplication, LaunchData, LaunchMarks,
    LaunchPhase, LaunchStatus, Mark, MarkAddress, MarkParty, MarkRecord, ValidatorToken,
};
use crate::view::{List, Str};
use crate::xml::Ns;

const L: &str = "launch";
const M: &str = "mark";
const SMD: &str = "smd";

fn start<S: Sink>(w: &mut XmlWriter<S>, local: &str) {
    w.start_q(L, local);
    w.namespace(L, Ns::Launch.uri());
}

/// A launch command extension.
pub(crate) fn write_launch<S: Sink>(
    w: &mut XmlWriter<S>,
    launch: &Launch<'_>,
) -> Result<(), WriteError> {
    match launch {
        Launch::Check(check) => {
            start(w, "check");
            if let Some(t) = check.check_type {
                w.attr("type", t.as_str())?;
            }
            if let Some(phase) = &check.phase {
                write_phase(w, phase)?;
            }
            w.end_q(L, "check");
        }
        Launch::Info(info) => {
            start(w, "info");
            if let Some(include) = info.include_mark {
                w.attr("includeMark", if include { "true" } else { "false" })?;
            }
            write_phase(w, &info.phase)?;
            if let Some(id) = info.application_id {
                w.leaf_q(L, "applicationID", id)?;
            }
            w.end_q(L, "info");
        }
        Launch::Create(create) => {
            start(w, "create");
            if let Some(t) = create.create_type {
                w.attr("type", t.as_str())?;
            }
            write_phase(w, &create.phase)?;
            match create.marks {
                LaunchMarks::None => {}
                LaunchMarks::CodeMarks(code_marks) => {
                    for code_mark in code_marks.iter() {
                        w.start_q(L, "codeMark");
                        if let Some(code) = &code_mark.code {
                            write_validator_token(w, "code", code)?;
                        }
                        if let Some(mark) = &code_mark.mark {
                            write_mark(w, mark)?;
                        }
                        w.end_q(L, "codeMark");
                    }
                }
                LaunchMarks::SignedMarks(signed) => {
                    for s in signed.iter() {
                        write_raw(w, &s.raw())?;
                    }
                }
                LaunchMarks::EncodedSignedMarks(encoded) => {
                    for e in encoded.iter() {
                        write_encoded_signed_mark(w, &e)?;
                    }
                }
            }
            for notice in create.notices.iter() {
                write_notice(w, &notice)?;
            }
            w.end_q(L, "create");
        }
        Launch::Update(app) => write_application(w, "update", app)?,
        Launch::Delete(app) => write_application(w, "delete", app)?,
    }
    Ok(())
}

/// A launch response extension.
pub(crate) fn write_launch_data<S: Sink>(
    w: &mut XmlWriter<S>,
    data: &LaunchData<'_>,
) -> Result<(), WriteError> {
    match data {
        LaunchData::CheckData(check) => {
            if check.results.is_empty() {
                return Err(WriteError::Invalid {
                    element: "launch:chkData",
                    reason: "at least one <launch:cd>",
                });
            }
            start(w, "chkData");
            if let Some(phase) = &check.phase {
                write_phase(w, phase)?;
            }
            for cd in check.results.iter() {
                w.start_q(L, "cd");
                w.start_q(L, "name");
                w.attr("exists", if cd.exists { "1" } else { "0" })?;
                w.text_str(cd.name)?;
                w.end_q(L, "name");
                for key in cd.claim_keys.iter() {
                    write_validator_token(w, "claimKey", &key)?;
                }
                w.end_q(L, "cd");
            }
            w.end_q(L, "chkData");
        }
        LaunchData::CreateData(app) => write_application(w, "creData", app)?,
        LaunchData::InfoData(info) => {
            start(w, "infData");
            write_phase(w, &info.phase)?;
            if let Some(id) = info.application_id {
                w.leaf_q(L, "applicationID", id)?;
            }
            if let Some(status) = &info.status {
                write_status(w, status)?;
            }
            for mark in info.marks.iter() {
                write_mark(w, &mark)?;
            }
            w.end_q(L, "infData");
        }
    }
    Ok(())
}

fn write_phase<S: Sink>(w: &mut XmlWriter<S>, phase: &LaunchPhase<'_>) -> Result<(), WriteError> {
    w.start_q(L, "phase");
    if let Some(name) = phase.name {
        w.attr_str("name", name)?;
    }
    w.text_str(phase.value)?;
    w.end_q(L, "phase");
    Ok(())
}

fn write_application<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    app: &LaunchApplication<'_>,
) -> Result<(), WriteError> {
    start(w, local);
    write_phase(w, &app.phase)?;
    w.leaf_q(L, "applicationID", app.application_id)?;
    w.end_q(L, local);
    Ok(())
}

fn write_validator_token<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    token: &ValidatorToken<'_>,
) -> Result<(), WriteError> {
    w.start_q(L, local);
    if let Some(id) = token.validator_id {
        w.attr_str("validatorID", id)?;
    }
    w.text_str(token.value)?;
    w.end_q(L, local);
    Ok(())
}

fn write_notice<S: Sink>(
    w: &mut XmlWriter<S>,
    notice: &ClaimsNotice<'_>,
) -> Result<(), WriteError> {
    w.start_q(L, "notice");
    write_validator_token(w, "noticeID", &notice.id)?;
    w.leaf_q(L, "notAfter", notice.not_after)?;
    w.leaf_q(L, "acceptedDate", notice.accepted_date)?;
    w.end_q(L, "notice");
    Ok(())
}

fn write_status<S: Sink>(
    w: &mut XmlWriter<S>,
    status: &LaunchStatus<'_>,
) -> Result<(), WriteError> {
    w.start_q(L, "status");
    w.attr_str("s", status.value)?;
    if let Some(name) = status.name {
        w.attr_str("name", name)?;
    }
    if let Some(lang) = status.lang {
        w.attr_str("lang", lang)?;
    }
    if !status.text.is_empty() {
        w.text_str(status.text)?;
    }
    w.end_q(L, "status");
    Ok(())
}

fn write_encoded_signed_mark<S: Sink>(
    w: &mut XmlWriter<S>,
    e: &EncodedSignedMark<'_>,
) -> Result<(), WriteError> {
    w.start_q(SMD, "encodedSignedMark");
    w.namespace(SMD, Ns::SignedMark.uri());
    if let Some(encoding) = e.encoding {
        w.attr_str("encoding", encoding)?;
    }
    w.text_str(e.data)?;
    w.end_q(SMD, "encodedSignedMark");
    Ok(())
}

/// `<mark:mark>`, declaring its namespace.
pub(crate) fn write_mark<S: Sink>(w: &mut XmlWriter<S>, mark: &Mark<'_>) -> Result<(), WriteError> {
    w.start_q(M, "mark");
    w.namespace(M, Ns::Mark.uri());
    for list in [mark.trademarks, mark.treaties_or_statutes, mark.courts] {
        for record in list.iter() {
            write_record(w, &record)?;
        }
    }
    w.end_q(M, "mark");
    Ok(())
}

fn optional<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    value: Option<Str<'_>>,
) -> Result<(), WriteError> {
    match value {
        Some(value) => w.leaf_q(M, local, value),
        None => Ok(()),
    }
}

fn leaves<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    values: List<'_, Str<'_>>,
) -> Result<(), WriteError> {
    for value in values.iter() {
        w.leaf_q(M, local, value)?;
    }
    Ok(())
}

fn write_record<S: Sink>(w: &mut XmlWriter<S>, r: &MarkRecord<'_>) -> Result<(), WriteError> {
    use crate::view::ext::MarkKind;
    if r.holders.is_empty() {
        return Err(WriteError::Invalid {
            element: "mark:holder",
            reason: "a mark record needs at least one holder",
        });
    }
    let local = r.kind.as_str();
    w.start_q(M, local);
    w.leaf_q(M, "id", r.id)?;
    w.leaf_q(M, "markName", r.mark_name)?;
    for holder in r.holders.iter() {
        write_party(w, "holder", "entitlement", &holder)?;
    }
    for contact in r.contacts.iter() {
        write_party(w, "contact", "type", &contact)?;
    }
    match r.kind {
        MarkKind::Trademark => {
            optional(w, "jurisdiction", r.jurisdiction)?;
            leaves(w, "class", r.classes)?;
            leaves(w, "label", r.labels)?;
            w.leaf_q(M, "goodsAndServices", r.goods_and_services)?;
            optional(w, "apId", r.application_id)?;
            optional(w, "apDate", r.application_date)?;
            optional(w, "regNum", r.registration_number)?;
            optional(w, "regDate", r.registration_date)?;
            optional(w, "exDate", r.expiration_date)?;
        }
        MarkKind::TreatyOrStatute => {
            for p in r.protections.iter() {
                w.start_q(M, "protection");
                w.leaf_q(M, "cc", p.cc)?;
                optional(w, "region", p.region)?;
                leaves(w, "ruling", p.rulings)?;
                w.end_q(M, "protection");
            }
            leaves(w, "label", r.labels)?;
            w.leaf_q(M, "goodsAndServices", r.goods_and_services)?;
            optional(w, "refNum", r.reference_number)?;
            optional(w, "proDate", r.protection_date)?;
            optional(w, "title", r.title)?;
            optional(w, "execDate", r.execution_date)?;
        }
        MarkKind::Court => {
            leaves(w, "label", r.labels)?;
            w.leaf_q(M, "goodsAndServices", r.goods_and_services)?;
            optional(w, "refNum", r.reference_number)?;
            optional(w, "proDate", r.protection_date)?;
            optional(w, "cc", r.country)?;
            leaves(w, "region", r.regions)?;
            optional(w, "courtName", r.court_name)?;
        }
    }
    w.end_q(M, local);
    Ok(())
}

fn write_party<S: Sink>(
    w: &mut XmlWriter<S>,
    local: &str,
    role_attribute: &str,
    party: &MarkParty<'_>,
) -> Result<(), WriteError> {
    w.start_q(M, local);
    if let Some(role) = party.role {
        w.attr_str(role_attribute, role)?;
    }
    optional(w, "name", party.name)?;
    optional(w, "org", party.org)?;
    write_address(w, &party.address)?;
    for (name, phone) in [("voice", party.voice), ("fax", party.fax)] {
        if let Some(phone) = phone {
            w.start_q(M, name);
            if let Some(x) = phone.extension() {
                w.attr_str("x", x)?;
            }
            w.text_str(phone.number())?;
            w.end_q(M, name);
        }
    }
    optional(w, "email", party.email)?;
    w.end_q(M, local);
    Ok(())
}

fn write_address<S: Sink>(w: &mut XmlWriter<S>, a: &MarkAddress<'_>) -> Result<(), WriteError> {
    w.start_q(M, "addr");
    leaves(w, "street", a.street)?;
    w.leaf_q(M, "city", a.city)?;
    optional(w, "sp", a.sp)?;
    optional(w, "pc", a.pc)?;
    w.leaf_q(M, "cc", a.cc)?;
    w.end_q(M, "addr");
    Ok(())
}
