"""Contacts (RFC 5733), object parts and the domain, host and contact
command writers of the C ABI (`include/epp.h`: `epp_message_contact_*`,
`epp_message_postal_info_*`, `epp_message_period`,
`epp_message_address_version`, `epp_message_name_server_*`,
`epp_message_object_field*`, `epp_write_domain_*`, `epp_write_host_*`,
`epp_write_contact_*`).

Readers take a `Message` that has read a frame; strings come out as `str`
(unescaped) or `bytes` (`*_raw`: as written); absent values are `None`.
Writers return the XML as `bytes` (4-byte header first with
`flags=WRITE_FRAMED`) and raise `EppError` on a value the RFC forbids.
"""

from __future__ import annotations

import ctypes
import enum
from ctypes import POINTER, byref, c_bool, c_size_t, c_uint32, c_void_p
from typing import NamedTuple, Optional, Sequence

from . import EppError, Message, Result, _str, _write
from ._lib import EppDateTime, EppStr, lib

__all__ = [
    "ContactField",
    "PostalField",
    "ObjectField",
    "PeriodUnit",
    "IpVersion",
    "NameServerForm",
    "Disclose",
    "PostalInfo",
    "Period",
    "HostAddress",
    "DomainContact",
    "contact_field",
    "contact_field_raw",
    "postal_info_count",
    "postal_info_field",
    "postal_info_field_raw",
    "postal_infos",
    "disclose",
    "period",
    "address_version",
    "name_server_form",
    "name_server_addresses",
    "object_field",
    "object_field_raw",
    "object_field_datetime_parts",
    "status_text",
    "status_text_raw",
    "status_lang",
    "write_domain_create",
    "write_domain_delete",
    "write_domain_renew",
    "write_domain_transfer",
    "write_domain_update",
    "write_host_check",
    "write_host_info",
    "write_host_create",
    "write_host_update",
    "write_host_delete",
    "write_contact_check",
    "write_contact_info",
    "write_contact_create",
    "write_contact_update",
    "write_contact_delete",
    "write_contact_transfer",
]


class ContactField(enum.IntEnum):
    """`EPP_CONTACT_*`."""

    VOICE = 0
    VOICE_EXTENSION = 1
    FAX = 2
    FAX_EXTENSION = 3
    EMAIL = 4
    AUTH_PASSWORD = 5


class PostalField(enum.IntEnum):
    """`EPP_POSTAL_*`."""

    TYPE = 0
    NAME = 1
    ORG = 2
    STREET_1 = 3
    STREET_2 = 4
    STREET_3 = 5
    CITY = 6
    STATE_PROVINCE = 7
    POSTAL_CODE = 8
    COUNTRY_CODE = 9


class ObjectField(enum.IntEnum):
    """`EPP_OBJECT_*`."""

    NEW_NAME = 0
    NEW_REGISTRANT = 1
    NEW_AUTH_PASSWORD = 2
    AUTH_ROID = 3
    HOSTS_FILTER = 4
    TRANSFER_STATUS = 5
    REQUESTER_ID = 6
    REQUESTED = 7
    ACTOR_ID = 8
    ACTION_DUE = 9
    TRANSFER_EXPIRES = 10
    PENDING_RESULT = 11
    PENDING_CL_TRID = 12
    PENDING_SV_TRID = 13
    PENDING_DATE = 14


class PeriodUnit(enum.IntEnum):
    """`epp_period_unit`."""

    NONE = 0
    YEARS = 1
    MONTHS = 2


class IpVersion(enum.IntEnum):
    """`epp_ip_version`."""

    NONE = 0
    V4 = 4
    V6 = 6


class NameServerForm(enum.IntEnum):
    """`epp_name_server_form`."""

    NONE = 0
    HOST_OBJECTS = 1
    HOST_ATTRIBUTES = 2


_DISCLOSE_FIELDS = ["flag", "name_int", "name_loc", "org_int", "org_loc", "addr_int", "addr_loc", "voice", "fax", "email"]


class _CDisclose(ctypes.Structure):
    _fields_ = [(n, c_bool) for n in _DISCLOSE_FIELDS]


class _CPeriod(ctypes.Structure):
    _fields_ = [("value", c_uint32), ("unit", c_uint32)]


class _CDomainContact(ctypes.Structure):
    _fields_ = [("contact_type", EppStr), ("id", EppStr)]


class _CDomainAddRemove(ctypes.Structure):
    _fields_ = [
        ("name_servers", POINTER(EppStr)),
        ("name_server_count", c_size_t),
        ("contacts", POINTER(_CDomainContact)),
        ("contact_count", c_size_t),
        ("statuses", POINTER(EppStr)),
        ("status_count", c_size_t),
    ]


class _CHostAddRemove(ctypes.Structure):
    _fields_ = [
        ("addresses", POINTER(EppStr)),
        ("address_count", c_size_t),
        ("statuses", POINTER(EppStr)),
        ("status_count", c_size_t),
    ]


class _CPostalInfoIn(ctypes.Structure):
    _fields_ = [
        ("info_type", c_uint32),
        ("name", EppStr),
        ("org", EppStr),
        ("streets", EppStr * 3),
        ("city", EppStr),
        ("state_province", EppStr),
        ("postal_code", EppStr),
        ("country_code", EppStr),
    ]


class _CContactDetails(ctypes.Structure):
    _fields_ = [
        ("postal_infos", POINTER(_CPostalInfoIn)),
        ("postal_info_count", c_size_t),
        ("voice", EppStr),
        ("voice_extension", EppStr),
        ("fax", EppStr),
        ("fax_extension", EppStr),
        ("email", EppStr),
        ("auth_password", EppStr),
        ("disclose", POINTER(_CDisclose)),
    ]


_h = c_void_p
_res = c_uint32
_sp = POINTER(c_void_p)
_np = POINTER(c_size_t)
_buf = ctypes.c_char_p
_W = [c_uint32, _buf, c_size_t, _np]  # flags, buf, cap, out_len

for _name, (_restype, _argtypes) in {
    "epp_message_contact_field": (_res, [_h, c_uint32, _sp, _np]),
    "epp_message_contact_field_unescaped": (_res, [_h, c_uint32, _buf, c_size_t, _np]),
    "epp_message_contact_disclose": (_res, [_h, POINTER(_CDisclose)]),
    "epp_message_postal_info_count": (c_size_t, [_h]),
    "epp_message_postal_info_field": (_res, [_h, c_size_t, c_uint32, _sp, _np]),
    "epp_message_postal_info_field_unescaped": (_res, [_h, c_size_t, c_uint32, _buf, c_size_t, _np]),
    "epp_message_period": (_res, [_h, POINTER(_CPeriod)]),
    "epp_message_address_version": (c_uint32, [_h, c_uint32, c_size_t]),
    "epp_message_name_server_form": (c_uint32, [_h, c_uint32]),
    "epp_message_name_server_address_count": (c_size_t, [_h, c_uint32, c_size_t]),
    "epp_message_name_server_address": (_res, [_h, c_uint32, c_size_t, c_size_t, _sp, _np, POINTER(c_uint32)]),
    "epp_message_object_field": (_res, [_h, c_uint32, _sp, _np]),
    "epp_message_object_field_unescaped": (_res, [_h, c_uint32, _buf, c_size_t, _np]),
    "epp_message_object_field_datetime": (_res, [_h, c_uint32, POINTER(EppDateTime)]),
    "epp_message_status_text": (_res, [_h, c_uint32, c_size_t, _sp, _np]),
    "epp_message_status_text_unescaped": (_res, [_h, c_uint32, c_size_t, _buf, c_size_t, _np]),
    "epp_message_status_lang": (_res, [_h, c_uint32, c_size_t, _sp, _np]),
    "epp_write_domain_create": (
        _res,
        [EppStr, c_uint32, c_uint32, POINTER(EppStr), c_size_t, EppStr, POINTER(_CDomainContact), c_size_t, EppStr, EppStr]
        + _W,
    ),
    "epp_write_domain_delete": (_res, [EppStr, EppStr] + _W),
    "epp_write_domain_renew": (_res, [EppStr, EppStr, c_uint32, c_uint32, EppStr] + _W),
    "epp_write_domain_transfer": (_res, [c_uint32, EppStr, c_uint32, c_uint32, EppStr, EppStr] + _W),
    "epp_write_domain_update": (
        _res,
        [EppStr, POINTER(_CDomainAddRemove), POINTER(_CDomainAddRemove), EppStr, EppStr, EppStr] + _W,
    ),
    "epp_write_host_check": (_res, [POINTER(EppStr), c_size_t, EppStr] + _W),
    "epp_write_host_info": (_res, [EppStr, EppStr] + _W),
    "epp_write_host_delete": (_res, [EppStr, EppStr] + _W),
    "epp_write_host_create": (_res, [EppStr, POINTER(EppStr), c_size_t, EppStr] + _W),
    "epp_write_host_update": (
        _res,
        [EppStr, POINTER(_CHostAddRemove), POINTER(_CHostAddRemove), EppStr, EppStr] + _W,
    ),
    "epp_write_contact_check": (_res, [POINTER(EppStr), c_size_t, EppStr] + _W),
    "epp_write_contact_info": (_res, [EppStr, EppStr, EppStr] + _W),
    "epp_write_contact_delete": (_res, [EppStr, EppStr] + _W),
    "epp_write_contact_transfer": (_res, [c_uint32, EppStr, EppStr, EppStr] + _W),
    "epp_write_contact_create": (_res, [EppStr, POINTER(_CContactDetails), EppStr] + _W),
    "epp_write_contact_update": (
        _res,
        [EppStr, POINTER(EppStr), c_size_t, POINTER(EppStr), c_size_t, POINTER(_CContactDetails), EppStr] + _W,
    ),
}.items():
    _fn = getattr(lib, _name)
    _fn.restype = _restype
    _fn.argtypes = _argtypes


# -- reading ---------------------------------------------------------------


def _raw(call) -> Optional[bytes]:
    p, n = c_void_p(), c_size_t()
    if call(byref(p), byref(n)) != 0:
        return None
    return ctypes.string_at(p.value, n.value) if n.value else b""


def _value(raw: Optional[bytes], call) -> Optional[str]:
    if raw is None:
        return None
    if b"&" not in raw and b"\r" not in raw:
        return raw.decode()
    n = c_size_t()
    if call(None, 0, byref(n)) not in (0, int(Result.BUFFER_TOO_SMALL)):
        return None
    buf = ctypes.create_string_buffer(max(n.value, 1))
    if call(buf, len(buf), byref(n)) != 0:
        return None
    return buf.raw[: n.value].decode()


def contact_field_raw(m: Message, field: int) -> Optional[bytes]:
    """Contact field `field` (a `ContactField`) of a contact create command,
    of an update's `<contact:chg>` or of contact infData, as written."""
    h = m._handle()
    return _raw(lambda p, n: lib.epp_message_contact_field(h, field, p, n))


def contact_field(m: Message, field: int) -> Optional[str]:
    """The value of contact field `field`, or None."""
    h = m._handle()
    return _value(
        contact_field_raw(m, field), lambda b, c, n: lib.epp_message_contact_field_unescaped(h, field, b, c, n)
    )


def postal_info_count(m: Message) -> int:
    """The number of `<contact:postalInfo>`."""
    return lib.epp_message_postal_info_count(m._handle())


def postal_info_field_raw(m: Message, index: int, field: int) -> Optional[bytes]:
    """Field `field` (a `PostalField`) of postal information `index`, as written."""
    h = m._handle()
    return _raw(lambda p, n: lib.epp_message_postal_info_field(h, index, field, p, n))


def postal_info_field(m: Message, index: int, field: int) -> Optional[str]:
    """The value of field `field` of postal information `index`, or None."""
    h = m._handle()
    return _value(
        postal_info_field_raw(m, index, field),
        lambda b, c, n: lib.epp_message_postal_info_field_unescaped(h, index, field, b, c, n),
    )


class PostalInfo(NamedTuple):
    """A `<contact:postalInfo>`, read or to write (`type` "int" or "loc")."""

    type: str = "int"
    name: Optional[str] = None
    org: Optional[str] = None
    streets: tuple = ()
    city: Optional[str] = None
    state_province: Optional[str] = None
    postal_code: Optional[str] = None
    country_code: Optional[str] = None


def postal_infos(m: Message) -> list:
    """Every `<contact:postalInfo>` as a `PostalInfo`."""
    out = []
    for i in range(postal_info_count(m)):
        f = lambda k: postal_info_field(m, i, k)  # noqa: E731
        streets = tuple(s for s in (f(PostalField.STREET_1), f(PostalField.STREET_2), f(PostalField.STREET_3)) if s is not None)
        out.append(
            PostalInfo(
                f(PostalField.TYPE) or "int",
                f(PostalField.NAME),
                f(PostalField.ORG),
                streets,
                f(PostalField.CITY),
                f(PostalField.STATE_PROVINCE),
                f(PostalField.POSTAL_CODE),
                f(PostalField.COUNTRY_CODE),
            )
        )
    return out


class Disclose(NamedTuple):
    """A `<contact:disclose>`: the flag and the elements it applies to."""

    flag: bool = False
    name_int: bool = False
    name_loc: bool = False
    org_int: bool = False
    org_loc: bool = False
    addr_int: bool = False
    addr_loc: bool = False
    voice: bool = False
    fax: bool = False
    email: bool = False


def disclose(m: Message) -> Optional[Disclose]:
    """The `<contact:disclose>`, or None."""
    d = _CDisclose()
    if lib.epp_message_contact_disclose(m._handle(), byref(d)) != 0:
        return None
    return Disclose(*(bool(getattr(d, n)) for n in _DISCLOSE_FIELDS))


class Period(NamedTuple):
    """A registration period: `value` (1 to 99) `unit`s."""

    value: int
    unit: PeriodUnit = PeriodUnit.YEARS


def period(m: Message) -> Optional[Period]:
    """The `<period>` of a domain create, renew or transfer command, or None."""
    p = _CPeriod()
    if lib.epp_message_period(m._handle(), byref(p)) != 0:
        return None
    return Period(p.value, PeriodUnit(p.unit))


def address_version(m: Message, lst: int, index: int) -> IpVersion:
    """The IP version of item `index` of an address list (`List.ADDRESSES`,
    `ADDRESSES_ADD`, `ADDRESSES_REMOVE`)."""
    return IpVersion(lib.epp_message_address_version(m._handle(), lst, index))


def name_server_form(m: Message, lst: int) -> NameServerForm:
    """How name server list `lst` gives its servers."""
    return NameServerForm(lib.epp_message_name_server_form(m._handle(), lst))


class HostAddress(NamedTuple):
    """A `<domain:hostAddr>`."""

    address: str
    version: IpVersion


def name_server_addresses(m: Message, lst: int, index: int) -> list:
    """The addresses of name server `index` of list `lst` (a host attribute)."""
    h = m._handle()
    out = []
    for a in range(lib.epp_message_name_server_address_count(h, lst, index)):
        v = c_uint32()
        raw = _raw(lambda p, n: lib.epp_message_name_server_address(h, lst, index, a, p, n, byref(v)))
        if raw is not None:
            out.append(HostAddress(raw.decode(), IpVersion(v.value)))
    return out


def object_field_raw(m: Message, field: int) -> Optional[bytes]:
    """Object field `field` (an `ObjectField`), as written."""
    h = m._handle()
    return _raw(lambda p, n: lib.epp_message_object_field(h, field, p, n))


def object_field(m: Message, field: int) -> Optional[str]:
    """The value of object field `field`, or None."""
    h = m._handle()
    return _value(object_field_raw(m, field), lambda b, c, n: lib.epp_message_object_field_unescaped(h, field, b, c, n))


def object_field_datetime_parts(m: Message, field: int) -> Optional[EppDateTime]:
    """Date-time object field `field` (`REQUESTED`, `ACTION_DUE`,
    `TRANSFER_EXPIRES`, `PENDING_DATE`) as the C struct, or None when
    absent. Raises `EppError` (`Result.INVALID_VALUE`) when not RFC 3339."""
    d = EppDateTime()
    r = lib.epp_message_object_field_datetime(m._handle(), field, byref(d))
    if r == Result.ABSENT:
        return None
    if r != 0:
        raise EppError(r)
    return d


def status_text_raw(m: Message, lst: int, index: int) -> Optional[bytes]:
    """The text of status `index` of list `lst` (`List.STATUSES`,
    `STATUSES_ADD`, `STATUSES_REMOVE`) as written, or None without one."""
    h = m._handle()
    return _raw(lambda p, n: lib.epp_message_status_text(h, lst, index, p, n))


def status_text(m: Message, lst: int, index: int) -> Optional[str]:
    """The value of the text of status `index` of list `lst`, or None."""
    h = m._handle()
    return _value(
        status_text_raw(m, lst, index), lambda b, c, n: lib.epp_message_status_text_unescaped(h, lst, index, b, c, n)
    )


def status_lang(m: Message, lst: int, index: int) -> Optional[str]:
    """The lang attribute of status `index` of list `lst`, or None."""
    h = m._handle()
    raw = _raw(lambda p, n: lib.epp_message_status_lang(h, lst, index, p, n))
    return None if raw is None else raw.decode()


# -- writing ---------------------------------------------------------------


class DomainContact(NamedTuple):
    """A domain contact to write: `type` is "admin", "billing" or "tech"."""

    type: str
    id: str


def _strs(items: Sequence[str]):
    strs = [_str(s) for s in items]
    return (EppStr * max(len(strs), 1))(*strs), len(strs)


def _contacts(items: Sequence[DomainContact]):
    cs = [_CDomainContact(_str(c.type), _str(c.id)) for c in items]
    arr = (_CDomainContact * max(len(cs), 1))(*cs)
    arr._keep = cs  # type: ignore[attr-defined]
    return arr, len(cs)


def _period(p: Optional[Period]):
    return (0, 0) if p is None else (p.value, int(p.unit))


def _present(s: Optional[str]) -> EppStr:
    """Like `_str`, but "" is an empty string, not absent."""
    if s == "":
        e = EppStr(b"", 0)
        return e
    return _str(s)


def write_domain_create(
    name: str,
    auth_password: str,
    period: Optional[Period] = None,
    name_servers: Sequence[str] = (),
    registrant: Optional[str] = None,
    contacts: Sequence[DomainContact] = (),
    cl_trid: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A `<domain:create>`."""
    ns, nn = _strs(name_servers)
    cs, cn = _contacts(contacts)
    pv, pu = _period(period)
    args = (_str(name), pv, pu, ns, nn, _str(registrant), cs, cn, _str(auth_password), _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_domain_create(*args, b, c, n))


def write_domain_delete(name: str, cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """A `<domain:delete>`."""
    args = (_str(name), _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_domain_delete(*args, b, c, n))


def write_domain_renew(
    name: str, current_expiry: str, period: Optional[Period] = None, cl_trid: Optional[str] = None, flags: int = 0
) -> bytes:
    """A `<domain:renew>` (`current_expiry` is `YYYY-MM-DD`)."""
    pv, pu = _period(period)
    args = (_str(name), _str(current_expiry), pv, pu, _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_domain_renew(*args, b, c, n))


def write_domain_transfer(
    op: int,
    name: str,
    period: Optional[Period] = None,
    auth_password: Optional[str] = None,
    cl_trid: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A `<transfer op="…"><domain:transfer>` (`op` 1 request … 5 cancel)."""
    pv, pu = _period(period)
    args = (op, _str(name), pv, pu, _str(auth_password), _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_domain_transfer(*args, b, c, n))


def _domain_part(part: Optional[dict]):
    if part is None:
        return None, []
    ns, nn = _strs(part.get("name_servers", ()))
    cs, cn = _contacts(part.get("contacts", ()))
    st, sn = _strs(part.get("statuses", ()))
    c = _CDomainAddRemove(
        ctypes.cast(ns, POINTER(EppStr)), nn, ctypes.cast(cs, POINTER(_CDomainContact)), cn, ctypes.cast(st, POINTER(EppStr)), sn
    )
    return byref(c), [c, ns, cs, st]


def write_domain_update(
    name: str,
    add: Optional[dict] = None,
    remove: Optional[dict] = None,
    new_registrant: Optional[str] = None,
    new_auth_password: Optional[str] = None,
    cl_trid: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A `<domain:update>`: `add` and `remove` are dicts of `name_servers`,
    `contacts` (`DomainContact`s) and `statuses`; `new_registrant` ""
    removes the registrant."""
    a, keep_a = _domain_part(add)
    r, keep_r = _domain_part(remove)
    args = (_str(name), a, r, _present(new_registrant), _str(new_auth_password), _str(cl_trid), flags)
    out = _write(lambda b, c, n: lib.epp_write_domain_update(*args, b, c, n))
    del keep_a, keep_r
    return out


def write_host_check(names: Sequence[str], cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """A `<host:check>` of `names` (1 to 64)."""
    arr, count = _strs(names)
    args = (arr, count, _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_host_check(*args, b, c, n))


def write_host_info(name: str, cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """A `<host:info>`."""
    args = (_str(name), _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_host_info(*args, b, c, n))


def write_host_delete(name: str, cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """A `<host:delete>`."""
    args = (_str(name), _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_host_delete(*args, b, c, n))


def write_host_create(name: str, addresses: Sequence[str] = (), cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """A `<host:create>` with `addresses` (IPv4 or IPv6 literals)."""
    arr, count = _strs(addresses)
    args = (_str(name), arr, count, _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_host_create(*args, b, c, n))


def _host_part(part: Optional[dict]):
    if part is None:
        return None, []
    ad, an = _strs(part.get("addresses", ()))
    st, sn = _strs(part.get("statuses", ()))
    c = _CHostAddRemove(ctypes.cast(ad, POINTER(EppStr)), an, ctypes.cast(st, POINTER(EppStr)), sn)
    return byref(c), [c, ad, st]


def write_host_update(
    name: str,
    add: Optional[dict] = None,
    remove: Optional[dict] = None,
    new_name: Optional[str] = None,
    cl_trid: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A `<host:update>`: `add` and `remove` are dicts of `addresses` and `statuses`."""
    a, keep_a = _host_part(add)
    r, keep_r = _host_part(remove)
    args = (_str(name), a, r, _str(new_name), _str(cl_trid), flags)
    out = _write(lambda b, c, n: lib.epp_write_host_update(*args, b, c, n))
    del keep_a, keep_r
    return out


def write_contact_check(ids: Sequence[str], cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """A `<contact:check>` of `ids` (1 to 64)."""
    arr, count = _strs(ids)
    args = (arr, count, _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_contact_check(*args, b, c, n))


def write_contact_info(id: str, auth_password: Optional[str] = None, cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """A `<contact:info>`."""
    args = (_str(id), _str(auth_password), _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_contact_info(*args, b, c, n))


def write_contact_delete(id: str, cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """A `<contact:delete>`."""
    args = (_str(id), _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_contact_delete(*args, b, c, n))


def write_contact_transfer(
    op: int, id: str, auth_password: Optional[str] = None, cl_trid: Optional[str] = None, flags: int = 0
) -> bytes:
    """A `<transfer op="…"><contact:transfer>` (`op` 1 request … 5 cancel)."""
    args = (op, _str(id), _str(auth_password), _str(cl_trid), flags)
    return _write(lambda b, c, n: lib.epp_write_contact_transfer(*args, b, c, n))


def _details(
    postal: Sequence[PostalInfo],
    voice: Optional[str],
    voice_extension: Optional[str],
    fax: Optional[str],
    fax_extension: Optional[str],
    email: Optional[str],
    auth_password: Optional[str],
    disclose: Optional[Disclose],
):
    infos = []
    for p in postal:
        if p.type not in ("int", "loc"):
            raise EppError(int(Result.INVALID_ARGUMENT))
        streets = [_str(s) for s in p.streets[:3]] + [_str(None)] * (3 - len(p.streets[:3]))
        infos.append(
            _CPostalInfoIn(
                0 if p.type == "int" else 1,
                _str(p.name),
                _str(p.org),
                (EppStr * 3)(*streets),
                _str(p.city),
                _str(p.state_province),
                _str(p.postal_code),
                _str(p.country_code),
            )
        )
    arr = (_CPostalInfoIn * max(len(infos), 1))(*infos)
    d = _CDisclose(*disclose) if disclose is not None else None
    c = _CContactDetails(
        ctypes.cast(arr, POINTER(_CPostalInfoIn)),
        len(infos),
        _str(voice),
        _str(voice_extension),
        _str(fax),
        _str(fax_extension),
        _str(email),
        _str(auth_password),
        ctypes.pointer(d) if d is not None else None,
    )
    return c, [arr, d, infos]


def write_contact_create(
    id: str,
    postal: Sequence[PostalInfo],
    email: str,
    auth_password: str,
    voice: Optional[str] = None,
    voice_extension: Optional[str] = None,
    fax: Optional[str] = None,
    fax_extension: Optional[str] = None,
    disclose: Optional[Disclose] = None,
    cl_trid: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A `<contact:create>` with 1 or 2 postal informations."""
    c, keep = _details(postal, voice, voice_extension, fax, fax_extension, email, auth_password, disclose)
    args = (_str(id), byref(c), _str(cl_trid), flags)
    out = _write(lambda b, cap, n: lib.epp_write_contact_create(*args, b, cap, n))
    del keep
    return out


def write_contact_update(
    id: str,
    add_statuses: Sequence[str] = (),
    remove_statuses: Sequence[str] = (),
    change: Optional[dict] = None,
    cl_trid: Optional[str] = None,
    flags: int = 0,
) -> bytes:
    """A `<contact:update>`: `change` (None: no `<chg>`) is a dict of
    `postal` (`PostalInfo`s, every part optional), `voice`,
    `voice_extension`, `fax`, `fax_extension`, `email`, `auth_password`,
    `disclose`."""
    a, an = _strs(add_statuses)
    r, rn = _strs(remove_statuses)
    chg, keep = None, []
    if change is not None:
        c, keep = _details(
            change.get("postal", ()),
            change.get("voice"),
            change.get("voice_extension"),
            change.get("fax"),
            change.get("fax_extension"),
            change.get("email"),
            change.get("auth_password"),
            change.get("disclose"),
        )
        keep.append(c)
        chg = byref(c)
    args = (_str(id), a, an, r, rn, chg, _str(cl_trid), flags)
    out = _write(lambda b, cap, n: lib.epp_write_contact_update(*args, b, cap, n))
    del keep
    return out
