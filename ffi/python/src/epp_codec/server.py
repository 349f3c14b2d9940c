"""Writers for a server, through the C ABI (`include/epp.h`:
`epp_write_response_full`, `epp_write_*_response`, `epp_write_greeting`).

Every response writer takes a `ResponseIn` (results with their `<value>`
and `<extValue>` elements, `<msgQ>`, extension elements, transaction ids)
and returns the XML as `bytes` (4-byte header first with
`flags=WRITE_FRAMED`); a value the RFC forbids, or raw XML that is not one
well-formed element declaring its prefixes, raises `EppError`.
"""

from __future__ import annotations

import ctypes
from ctypes import POINTER, Structure, byref, c_bool, c_size_t, c_uint16, c_uint32, c_uint64, c_void_p
from typing import List, NamedTuple, Optional, Sequence

from . import _str, _write
from ._lib import EppStr, lib
from .objects import (
    Disclose,
    DomainContact,
    Period,
    PostalInfo,
    _CContactDetails,
    _CDomainAddRemove,
    _CDomainContact,
    _details,
    _domain_part,
    _present,
)

__all__ = [
    "ExtValueIn",
    "ResultIn",
    "MsgQIn",
    "ResponseIn",
    "CheckResultIn",
    "TransferIn",
    "PendingIn",
    "ObjectInfoIn",
    "DcpStatementIn",
    "OBJECT_DOMAIN",
    "OBJECT_HOST",
    "OBJECT_CONTACT",
    "write_response_full",
    "write_check_response",
    "write_create_response",
    "write_domain_renew_response",
    "write_transfer_response",
    "write_pending_response",
    "write_domain_info_response",
    "write_host_info_response",
    "write_contact_info_response",
    "write_greeting",
    "DsDataIn",
    "write_command_with_extensions",
    "HostAttrIn",
    "write_domain_create_host_attrs",
    "write_domain_update_host_attrs",
]

OBJECT_DOMAIN, OBJECT_HOST, OBJECT_CONTACT = 1, 2, 3


class ExtValueIn(NamedTuple):
    value: str
    reason: str
    reason_lang: Optional[str] = None


class ResultIn(NamedTuple):
    code: int
    msg: Optional[str] = None
    lang: Optional[str] = None
    values: Sequence[str] = ()
    ext_values: Sequence[ExtValueIn] = ()


class MsgQIn(NamedTuple):
    count: int
    id: str
    date: Optional[str] = None
    message: Optional[str] = None
    lang: Optional[str] = None


class ResponseIn(NamedTuple):
    results: Sequence[ResultIn]
    sv_trid: str
    cl_trid: Optional[str] = None
    msgq: Optional[MsgQIn] = None
    extensions: Sequence[str] = ()


class CheckResultIn(NamedTuple):
    name: str
    available: bool
    reason: Optional[str] = None
    reason_lang: Optional[str] = None


class TransferIn(NamedTuple):
    name: str
    status: str
    requester: str
    requested: str
    actor: str
    action_due: str
    expires: Optional[str] = None


class PendingIn(NamedTuple):
    name: str
    result: bool
    sv_trid: str
    date: str
    cl_trid: Optional[str] = None


class ObjectInfoIn(NamedTuple):
    name: str
    roid: str
    client_id: str
    statuses: Sequence[str] = ()
    creator_id: Optional[str] = None
    created: Optional[str] = None
    updater_id: Optional[str] = None
    updated: Optional[str] = None
    transferred: Optional[str] = None


class DcpStatementIn(NamedTuple):
    purposes: int
    recipients: int
    retention: int = 0
    descriptions: Sequence[str] = ()


class _CExtValueIn(Structure):
    _fields_ = [("value", EppStr), ("reason", EppStr), ("reason_lang", EppStr)]


class _CResultIn(Structure):
    _fields_ = [
        ("code", c_uint16),
        ("msg", EppStr),
        ("lang", EppStr),
        ("values", POINTER(EppStr)),
        ("value_count", c_size_t),
        ("ext_values", POINTER(_CExtValueIn)),
        ("ext_value_count", c_size_t),
    ]


class _CMsgQIn(Structure):
    _fields_ = [("count", c_uint64), ("id", EppStr), ("date", EppStr), ("message", EppStr), ("lang", EppStr)]


class _CResponseIn(Structure):
    _fields_ = [
        ("results", POINTER(_CResultIn)),
        ("result_count", c_size_t),
        ("msgq", POINTER(_CMsgQIn)),
        ("extensions", POINTER(EppStr)),
        ("extension_count", c_size_t),
        ("cl_trid", EppStr),
        ("sv_trid", EppStr),
    ]


class _CCheckResultIn(Structure):
    _fields_ = [("name", EppStr), ("available", c_bool), ("reason", EppStr), ("reason_lang", EppStr)]


class _CTransferIn(Structure):
    _fields_ = [(f, EppStr) for f in ("name", "status", "requester", "requested", "actor", "action_due", "expires")]


class _CPendingIn(Structure):
    _fields_ = [("name", EppStr), ("result", c_bool), ("cl_trid", EppStr), ("sv_trid", EppStr), ("date", EppStr)]


class _CObjectInfoIn(Structure):
    _fields_ = [
        ("name", EppStr),
        ("roid", EppStr),
        ("statuses", POINTER(EppStr)),
        ("status_count", c_size_t),
        ("client_id", EppStr),
        ("creator_id", EppStr),
        ("created", EppStr),
        ("updater_id", EppStr),
        ("updated", EppStr),
        ("transferred", EppStr),
    ]


class _CDomainInfoIn(Structure):
    _fields_ = [
        ("registrant", EppStr),
        ("contacts", POINTER(_CDomainContact)),
        ("contact_count", c_size_t),
        ("name_servers", POINTER(EppStr)),
        ("name_server_count", c_size_t),
        ("hosts", POINTER(EppStr)),
        ("host_count", c_size_t),
        ("expires", EppStr),
        ("auth_password", EppStr),
    ]


class _CDcpStatementIn(Structure):
    _fields_ = [
        ("purposes", c_uint32),
        ("recipients", c_uint32),
        ("recipient_descriptions", POINTER(EppStr)),
        ("recipient_description_count", c_size_t),
        ("retention", c_uint32),
    ]


class _CDcpIn(Structure):
    _fields_ = [
        ("access", c_uint32),
        ("statements", POINTER(_CDcpStatementIn)),
        ("statement_count", c_size_t),
        ("expiry_kind", c_uint32),
        ("expiry", EppStr),
    ]


class _CDsDataIn(Structure):
    _fields_ = [("key_tag", c_uint16), ("alg", ctypes.c_uint8), ("digest_type", ctypes.c_uint8), ("digest", EppStr)]


class DsDataIn(NamedTuple):
    key_tag: int
    alg: int
    digest_type: int
    digest: str


class _CHostAttrIn(Structure):
    _fields_ = [("name", EppStr), ("addresses", POINTER(EppStr)), ("address_count", c_size_t)]


class HostAttrIn(NamedTuple):
    name: str
    addresses: Sequence[str] = ()


_R = POINTER(_CResponseIn)
_np = POINTER(c_size_t)
_W = [c_uint32, ctypes.c_char_p, c_size_t, _np]

for _name, _argtypes in {
    "epp_write_response_full": [_R],
    "epp_write_check_response": [_R, c_uint32, POINTER(_CCheckResultIn), c_size_t],
    "epp_write_create_response": [_R, c_uint32, EppStr, EppStr, EppStr],
    "epp_write_domain_renew_response": [_R, EppStr, EppStr],
    "epp_write_transfer_response": [_R, c_uint32, POINTER(_CTransferIn)],
    "epp_write_pending_response": [_R, c_uint32, POINTER(_CPendingIn)],
    "epp_write_domain_info_response": [_R, POINTER(_CObjectInfoIn), POINTER(_CDomainInfoIn)],
    "epp_write_host_info_response": [_R, POINTER(_CObjectInfoIn), POINTER(EppStr), c_size_t],
    "epp_write_contact_info_response": [_R, POINTER(_CObjectInfoIn), POINTER(_CContactDetails)],
    "epp_write_greeting": [EppStr, EppStr]
    + [POINTER(EppStr), c_size_t] * 4
    + [POINTER(_CDcpIn)],
    "epp_write_domain_create_host_attrs": [
        EppStr,
        c_uint32,
        c_uint32,
        POINTER(_CHostAttrIn),
        c_size_t,
        EppStr,
        POINTER(_CDomainContact),
        c_size_t,
        EppStr,
        EppStr,
    ],
    "epp_write_domain_update_host_attrs": [
        EppStr,
        POINTER(_CDomainAddRemove),
        POINTER(_CHostAttrIn),
        c_size_t,
        POINTER(_CDomainAddRemove),
        POINTER(_CHostAttrIn),
        c_size_t,
        EppStr,
        EppStr,
        EppStr,
    ],
    "epp_write_command_with_extensions": [
        ctypes.c_char_p,
        c_size_t,
        POINTER(EppStr),
        c_size_t,
        POINTER(_CDsDataIn),
        c_size_t,
    ],
}.items():
    _fn = getattr(lib, _name)
    _fn.restype = c_uint32
    _fn.argtypes = _argtypes + _W


class _Keep:
    """Holds every ctypes object a call's structures point to."""

    def __init__(self):
        self.items: List[object] = []

    def str(self, s: Optional[str]) -> EppStr:
        e = _str(s)
        self.items.append(e)
        return e

    def array(self, ctype, items: list):
        arr = (ctype * max(len(items), 1))(*items)
        self.items.append(arr)
        return ctypes.cast(arr, POINTER(ctype)) if items else None, len(items)

    def strs(self, items: Sequence[str]):
        return self.array(EppStr, [self.str(s) for s in items])


def _response(r: ResponseIn, k: _Keep):
    results = []
    for res in r.results:
        values, nv = k.strs(res.values)
        ext = [_CExtValueIn(k.str(e.value), k.str(e.reason), k.str(e.reason_lang)) for e in res.ext_values]
        exts, ne = k.array(_CExtValueIn, ext)
        results.append(_CResultIn(res.code, k.str(res.msg), k.str(res.lang), values, nv, exts, ne))
    arr, n = k.array(_CResultIn, results)
    q = None
    if r.msgq is not None:
        q = _CMsgQIn(r.msgq.count, k.str(r.msgq.id), k.str(r.msgq.date), k.str(r.msgq.message), k.str(r.msgq.lang))
        k.items.append(q)
    ext, ne = k.strs(r.extensions)
    c = _CResponseIn(arr, n, ctypes.pointer(q) if q is not None else None, ext, ne, k.str(r.cl_trid), k.str(r.sv_trid))
    k.items.append(c)
    return byref(c)


def _call(name: str, build, flags: int) -> bytes:
    k = _Keep()
    args = build(k)
    fn = getattr(lib, name)
    out = _write(lambda b, c, n: fn(*args, flags, b, c, n))
    del k
    return out


def write_response_full(r: ResponseIn, flags: int = 0) -> bytes:
    """A response without `<resData>`."""
    return _call("epp_write_response_full", lambda k: (_response(r, k),), flags)


def write_check_response(r: ResponseIn, obj: int, items: Sequence[CheckResultIn], flags: int = 0) -> bytes:
    """A check response of `obj` (`OBJECT_DOMAIN`, `_HOST`, `_CONTACT`)."""

    def build(k):
        cs = [_CCheckResultIn(k.str(i.name), i.available, k.str(i.reason), k.str(i.reason_lang)) for i in items]
        arr, n = k.array(_CCheckResultIn, cs)
        return (_response(r, k), obj, arr, n)

    return _call("epp_write_check_response", build, flags)


def write_create_response(
    r: ResponseIn, obj: int, name: str, created: str, expires: Optional[str] = None, flags: int = 0
) -> bytes:
    """A create response of `obj`; `expires` for domains only."""
    return _call(
        "epp_write_create_response",
        lambda k: (_response(r, k), obj, k.str(name), k.str(created), k.str(expires)),
        flags,
    )


def write_domain_renew_response(r: ResponseIn, name: str, expires: Optional[str] = None, flags: int = 0) -> bytes:
    """A domain renew response."""
    return _call(
        "epp_write_domain_renew_response", lambda k: (_response(r, k), k.str(name), k.str(expires)), flags
    )


def write_transfer_response(r: ResponseIn, obj: int, t: TransferIn, flags: int = 0) -> bytes:
    """A transfer response of a domain or contact."""

    def build(k):
        c = _CTransferIn(*(k.str(v) for v in t))
        k.items.append(c)
        return (_response(r, k), obj, byref(c))

    return _call("epp_write_transfer_response", build, flags)


def write_pending_response(r: ResponseIn, obj: int, p: PendingIn, flags: int = 0) -> bytes:
    """A response with `<panData>` of `obj`."""

    def build(k):
        c = _CPendingIn(k.str(p.name), p.result, k.str(p.cl_trid), k.str(p.sv_trid), k.str(p.date))
        k.items.append(c)
        return (_response(r, k), obj, byref(c))

    return _call("epp_write_pending_response", build, flags)


def _info(i: ObjectInfoIn, k: _Keep):
    statuses, n = k.strs(i.statuses)
    c = _CObjectInfoIn(
        k.str(i.name),
        k.str(i.roid),
        statuses,
        n,
        k.str(i.client_id),
        k.str(i.creator_id),
        k.str(i.created),
        k.str(i.updater_id),
        k.str(i.updated),
        k.str(i.transferred),
    )
    k.items.append(c)
    return byref(c)


def write_domain_info_response(
    r: ResponseIn,
    info: ObjectInfoIn,
    registrant: Optional[str] = None,
    contacts: Sequence[DomainContact] = (),
    name_servers: Sequence[str] = (),
    hosts: Sequence[str] = (),
    expires: Optional[str] = None,
    auth_password: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A domain info response."""

    def build(k):
        cs, nc = k.array(_CDomainContact, [_CDomainContact(k.str(c.type), k.str(c.id)) for c in contacts])
        ns, nn = k.strs(name_servers)
        hs, nh = k.strs(hosts)
        d = _CDomainInfoIn(k.str(registrant), cs, nc, ns, nn, hs, nh, k.str(expires), k.str(auth_password))
        k.items.append(d)
        return (_response(r, k), _info(info, k), byref(d))

    return _call("epp_write_domain_info_response", build, flags)


def write_host_info_response(r: ResponseIn, info: ObjectInfoIn, addresses: Sequence[str] = (), flags: int = 0) -> bytes:
    """A host info response."""

    def build(k):
        a, n = k.strs(addresses)
        return (_response(r, k), _info(info, k), a, n)

    return _call("epp_write_host_info_response", build, flags)


def write_contact_info_response(
    r: ResponseIn,
    info: ObjectInfoIn,
    postal: Sequence[PostalInfo],
    email: str,
    voice: Optional[str] = None,
    voice_extension: Optional[str] = None,
    fax: Optional[str] = None,
    fax_extension: Optional[str] = None,
    auth_password: Optional[str] = None,
    disclose: Optional[Disclose] = None,
    flags: int = 0,
) -> bytes:
    """A contact info response (`info.name` is the contact id)."""

    def build(k):
        c, keep = _details(postal, voice, voice_extension, fax, fax_extension, email, auth_password, disclose)
        k.items.extend([c, keep])
        return (_response(r, k), _info(info, k), byref(c))

    return _call("epp_write_contact_info_response", build, flags)


def write_greeting(
    server_id: str,
    server_date: str,
    versions: Sequence[str],
    langs: Sequence[str],
    object_uris: Sequence[str],
    access: int,
    statements: Sequence[DcpStatementIn],
    extension_uris: Sequence[str] = (),
    expiry_kind: int = 0,
    expiry: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A greeting with its data collection policy (`access`, `retention`
    and `expiry_kind` are `details.DcpAccess`, `DcpRetention` and
    `DcpExpiryKind` values)."""

    def build(k):
        st = []
        for s in statements:
            d, n = k.strs(s.descriptions)
            st.append(_CDcpStatementIn(s.purposes, s.recipients, d, n, s.retention))
        arr, n = k.array(_CDcpStatementIn, st)
        dcp = _CDcpIn(access, arr, n, expiry_kind, k.str(expiry))
        k.items.append(dcp)
        lists = [k.strs(x) for x in (versions, langs, object_uris, extension_uris)]
        return (k.str(server_id), k.str(server_date), *[v for pair in lists for v in pair], byref(dcp))

    return _call("epp_write_greeting", build, flags)


def write_command_with_extensions(
    command: bytes, extensions: Sequence[str] = (), ds_data: Sequence[DsDataIn] = (), flags: int = 0
) -> bytes:
    """`command` (one unframed command, as the command writers write it)
    again with `extensions` (each one well-formed XML element) and, for a
    domain create, a `<secDNS:create>` with `ds_data`."""

    def build(k):
        e, n = k.strs(extensions)
        ds = [_CDsDataIn(d.key_tag, d.alg, d.digest_type, k.str(d.digest)) for d in ds_data]
        arr, nd = k.array(_CDsDataIn, ds)
        return (command, len(command), e, n, arr, nd)

    return _call("epp_write_command_with_extensions", build, flags)


def _host_attrs(hosts: Sequence[HostAttrIn], k: _Keep):
    items = []
    for h in hosts:
        a, n = k.strs(h.addresses)
        items.append(_CHostAttrIn(k.str(h.name), a, n))
    return k.array(_CHostAttrIn, items)


def write_domain_create_host_attrs(
    name: str,
    auth_password: str,
    hosts: Sequence[HostAttrIn],
    period: Optional[Period] = None,
    registrant: Optional[str] = None,
    contacts: Sequence[DomainContact] = (),
    cl_trid: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A `<domain:create>` whose name servers are host attributes."""

    def build(k):
        h, n = _host_attrs(hosts, k)
        cs, nc = k.array(_CDomainContact, [_CDomainContact(k.str(c.type), k.str(c.id)) for c in contacts])
        pv, pu = (0, 0) if period is None else (period.value, int(period.unit))
        return (k.str(name), pv, pu, h, n, k.str(registrant), cs, nc, k.str(auth_password), k.str(cl_trid))

    return _call("epp_write_domain_create_host_attrs", build, flags)


def write_domain_update_host_attrs(
    name: str,
    add_hosts: Sequence[HostAttrIn] = (),
    remove_hosts: Sequence[HostAttrIn] = (),
    add: Optional[dict] = None,
    remove: Optional[dict] = None,
    new_registrant: Optional[str] = None,
    new_auth_password: Optional[str] = None,
    cl_trid: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A `<domain:update>` adding and removing host attributes; `add` and
    `remove` are dicts of `contacts` and `statuses` (as for
    `objects.write_domain_update`, without `name_servers`)."""

    def build(k):
        ah, an = _host_attrs(add_hosts, k)
        rh, rn = _host_attrs(remove_hosts, k)
        a, keep_a = _domain_part(add)
        r, keep_r = _domain_part(remove)
        k.items.extend([keep_a, keep_r])
        return (
            k.str(name),
            a,
            ah,
            an,
            r,
            rh,
            rn,
            _present(new_registrant),
            k.str(new_auth_password),
            k.str(cl_trid),
        )

    return _call("epp_write_domain_update_host_attrs", build, flags)
