"""The response details and data collection policy part of the
cross-language dump (see ffi/examples/dump_fields.rs, dump_details),
through `epp_codec.details`."""

from dump_objects import _esc, _fmt_date, _opt

from epp_codec import EppError, Message, Result
from epp_codec import details as d


def dump_details(m: Message) -> list:
    out = []
    for i in range(len(m.results)):
        lang = d.result_msg_lang(m, i)
        if lang is not None:
            out.append(f"result_lang\t{i}\t{_esc(lang)}")
        for j, v in enumerate(d.result_values(m, i)):
            out.append(f"result_value\t{i}\t{j}\t{_esc(v)}")
        for j, e in enumerate(d.result_ext_values(m, i)):
            out.append(f"result_ext_value\t{i}\t{j}\t{_opt(e.value)}\t{_opt(e.reason)}\t{_opt(e.reason_lang)}")
    lang = d.msgq_lang(m)
    if lang is not None:
        out.append("msgq_lang\t" + _esc(lang))
    xml = d.msgq_xml(m)
    if xml is not None:
        out.append("msgq_xml\t" + _esc(xml))
    for i in range(len(m.checks)):
        lang = d.check_reason_lang(m, i)
        if lang is not None:
            out.append(f"check_lang\t{i}\t{_esc(lang)}")
    access = d.dcp_access(m)
    if access != d.DcpAccess.ABSENT:
        out.append(f"dcp_access\t{int(access)}")
    for i, s in enumerate(d.dcp_statements(m)):
        out.append(f"dcp_statement\t{i}\t{s.purposes}\t{s.recipients}\t{int(s.retention)}")
        for k, text in enumerate(s.descriptions):
            out.append(f"dcp_rec_desc\t{i}\t{k}\t{_esc(text)}")
    form, new_form = d.auth_info_form(m), d.new_auth_info_form(m)
    if form or new_form:
        out.append(
            f"auth_info\t{int(form)}\t{int(new_form)}\t{_opt(d.auth_info_ext(m))}\t{_opt(d.new_auth_info_ext(m))}"
        )
    expiry = d.dcp_expiry(m)
    if expiry is not None:
        out.append(f"dcp_expiry\t{int(expiry[0])}\t{_esc(expiry[1])}")
        try:
            dt = d.dcp_expiry_datetime_parts(m)
            if dt is not None:
                out.append("dcp_expiry_date\t" + _fmt_date(dt))
        except EppError as e:
            assert e.result == Result.INVALID_VALUE
            out.append("dcp_expiry_date\tinvalid")
    return out
