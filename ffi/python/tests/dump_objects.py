"""The contact and object part of the cross-language dump (see
ffi/examples/dump_fields.rs, dump_objects), through `epp_codec.objects`."""

from epp_codec import EppError, List, Message, Result
from epp_codec import ext as x
from epp_codec import objects as o


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _opt(s) -> str:
    if s is None:
        return "\\-"
    return _esc(s.decode() if isinstance(s, bytes) else s)


_OBJECT_DATES = {
    o.ObjectField.REQUESTED,
    o.ObjectField.ACTION_DUE,
    o.ObjectField.TRANSFER_EXPIRES,
    o.ObjectField.PENDING_DATE,
}


def _fmt_date(d) -> str:
    s = f"{d.year:04}-{d.month:02}-{d.day:02}T{d.hour:02}:{d.minute:02}:{d.second:02}.{d.nanosecond // 1000:06}"
    if d.has_offset:
        off = d.offset_minutes
        sign = "-" if off < 0 else "+"
        off = abs(off)
        s += f"{sign}{off // 60:02}:{off % 60:02}"
    return s


def dump_objects(m: Message) -> list:
    out = []
    for f in o.ContactField:
        raw = o.contact_field_raw(m, f)
        if raw is not None:
            out.append(f"contact\t{int(f)}\t{_opt(raw)}\t{_opt(o.contact_field(m, f))}")
    for i in range(o.postal_info_count(m)):
        for f in o.PostalField:
            raw = o.postal_info_field_raw(m, i, f)
            if raw is not None:
                out.append(f"postal\t{i}\t{int(f)}\t{_opt(raw)}\t{_opt(o.postal_info_field(m, i, f))}")
    d = o.disclose(m)
    if d is not None:
        out.append("disclose\t" + "".join("1" if b else "0" for b in d))
    p = o.period(m)
    if p is not None:
        out.append(f"period\t{p.value}\t{int(p.unit)}")
    for lst in (List.ADDRESSES, List.ADDRESSES_ADD, List.ADDRESSES_REMOVE):
        for i in range(m.list_len(lst)):
            out.append(f"address_version\t{int(lst)}\t{i}\t{int(o.address_version(m, lst, i))}")
    for lst in (List.NAME_SERVERS, List.NAME_SERVERS_ADD, List.NAME_SERVERS_REMOVE):
        form = o.name_server_form(m, lst)
        if form == o.NameServerForm.NONE:
            continue
        out.append(f"ns_form\t{int(lst)}\t{int(form)}")
        for i in range(m.list_len(lst)):
            for a, addr in enumerate(o.name_server_addresses(m, lst, i)):
                out.append(f"ns_address\t{int(lst)}\t{i}\t{a}\t{_esc(addr.address)}\t{int(addr.version)}")
    for f in o.ObjectField:
        raw = o.object_field_raw(m, f)
        if raw is not None:
            out.append(f"object\t{int(f)}\t{_opt(raw)}\t{_opt(o.object_field(m, f))}")
            if f in _OBJECT_DATES:
                try:
                    d = o.object_field_datetime_parts(m, f)
                    out.append(f"object_date\t{int(f)}\t{_fmt_date(d)}")
                except EppError as e:
                    assert e.result == Result.INVALID_VALUE
                    out.append(f"object_date\t{int(f)}\tinvalid")
    for lst in (List.STATUSES, List.STATUSES_ADD, List.STATUSES_REMOVE):
        for i in range(m.list_len(lst)):
            lang, raw = o.status_lang(m, lst, i), o.status_text_raw(m, lst, i)
            if lang is None and raw is None:
                continue
            out.append(f"status\t{int(lst)}\t{i}\t{_opt(lang)}\t{_opt(raw)}\t{_opt(o.status_text(m, lst, i))}")
    # The data outside <extension> the ext accessors type too.
    data = [] if x.ext_kind(m, x.EXT_INDEX_DATA) in (x.ExtKind.NONE, x.ExtKind.RAW) else [x.EXT_INDEX_DATA]
    for i in [*range(len(m.extensions)), *data]:
        out.append(f"ext_kind\t{i}\t{int(x.ext_kind(m, i))}")
        for lst in x.ExtList:
            for item in range(x.ext_count(m, i, lst)):
                for f in range(x.EXT_FIELD_LAST + 1):
                    n = x.ext_number(m, i, lst, item, f)
                    if n is not None:
                        out.append(f"ext_number\t{i}\t{int(lst)}\t{item}\t{f}\t{n}")
                    raw = x.ext_string_raw(m, i, lst, item, f)
                    if raw is not None:
                        value = x.ext_string(m, i, lst, item, f)
                        out.append(f"ext_string\t{i}\t{int(lst)}\t{item}\t{f}\t{_opt(raw)}\t{_opt(value)}")
    return out
