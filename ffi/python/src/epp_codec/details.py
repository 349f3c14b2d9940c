"""Response details and the greeting's data collection policy, through the
C ABI (`include/epp.h`: `epp_message_result_msg_lang`,
`epp_message_result_value*`, `epp_message_result_ext_value*`,
`epp_message_msgq_lang`, `epp_message_msgq_xml`,
`epp_message_check_reason_lang`, `epp_message_dcp_*`).

Readers take a `Message` that has read a frame; raw XML comes out as
`str` as written, text unescaped; absent values are `None`.
"""

from __future__ import annotations

import ctypes
import enum
from ctypes import POINTER, Structure, byref, c_size_t, c_uint32, c_void_p
from typing import List, NamedTuple, Optional

from . import EppError, Message, Result
from ._lib import EppDateTime, lib

__all__ = [
    "DcpAccess",
    "DcpRetention",
    "DcpExpiryKind",
    "DcpStatement",
    "ExtValue",
    "result_msg_lang",
    "result_values",
    "result_ext_values",
    "msgq_lang",
    "msgq_xml",
    "check_reason_lang",
    "dcp_access",
    "dcp_statements",
    "dcp_expiry",
    "dcp_expiry_datetime_parts",
    "AuthInfoForm",
    "auth_info_form",
    "new_auth_info_form",
    "auth_info_ext",
    "new_auth_info_ext",
]


class DcpAccess(enum.IntEnum):
    """`EPP_DCP_ACCESS_*`."""

    ABSENT = 0
    ALL = 1
    NO_ACCESS = 2
    NULL = 3
    PERSONAL = 4
    PERSONAL_AND_OTHER = 5
    OTHER = 6
    UNKNOWN = 7


class DcpRetention(enum.IntEnum):
    """`EPP_DCP_RETENTION_*`."""

    ABSENT = 0
    BUSINESS = 1
    INDEFINITE = 2
    LEGAL = 3
    NO_RETENTION = 4
    STATED = 5
    UNKNOWN = 6


class DcpExpiryKind(enum.IntEnum):
    """`EPP_DCP_EXPIRY_KIND_*`."""

    ABSENT = 0
    ABSOLUTE = 1
    RELATIVE = 2


PURPOSE_ADMIN, PURPOSE_CONTACT, PURPOSE_PROVISIONING, PURPOSE_OTHER = 1, 2, 4, 8
RECIPIENT_OTHER, RECIPIENT_OURS, RECIPIENT_PUBLIC, RECIPIENT_SAME, RECIPIENT_UNRELATED = 1, 2, 4, 8, 16


class ExtValue(NamedTuple):
    """One `<extValue>`: the `<value>` element as written, the reason
    (unescaped) and its language."""

    value: Optional[str]
    reason: Optional[str]
    reason_lang: Optional[str]


class DcpStatement(NamedTuple):
    """One `<statement>`: `PURPOSE_*` and `RECIPIENT_*` bits, the retention
    and the `<ours><recDesc>` descriptions as written."""

    purposes: int
    recipients: int
    retention: DcpRetention
    descriptions: List[str]


class _CStatement(Structure):
    _fields_ = [("purposes", c_uint32), ("recipients", c_uint32), ("retention", c_uint32)]


_h = c_void_p
_res = c_uint32
_sp = POINTER(c_void_p)
_np = POINTER(c_size_t)

for _name, (_restype, _argtypes) in {
    "epp_message_result_msg_lang": (_res, [_h, c_size_t, _sp, _np]),
    "epp_message_result_value_count": (c_size_t, [_h, c_size_t]),
    "epp_message_result_value": (_res, [_h, c_size_t, c_size_t, _sp, _np]),
    "epp_message_result_ext_value_count": (c_size_t, [_h, c_size_t]),
    "epp_message_result_ext_value": (_res, [_h, c_size_t, c_size_t, _sp, _np]),
    "epp_message_result_ext_value_reason": (_res, [_h, c_size_t, c_size_t, _sp, _np]),
    "epp_message_result_ext_value_reason_unescaped": (
        _res,
        [_h, c_size_t, c_size_t, ctypes.c_char_p, c_size_t, _np],
    ),
    "epp_message_result_ext_value_reason_lang": (_res, [_h, c_size_t, c_size_t, _sp, _np]),
    "epp_message_msgq_lang": (_res, [_h, _sp, _np]),
    "epp_message_msgq_xml": (_res, [_h, _sp, _np]),
    "epp_message_check_reason_lang": (_res, [_h, c_size_t, _sp, _np]),
    "epp_message_dcp_access": (c_uint32, [_h]),
    "epp_message_dcp_statement_count": (c_size_t, [_h]),
    "epp_message_dcp_statement": (_res, [_h, c_size_t, POINTER(_CStatement)]),
    "epp_message_dcp_recipient_description_count": (c_size_t, [_h, c_size_t]),
    "epp_message_dcp_recipient_description": (_res, [_h, c_size_t, c_size_t, _sp, _np]),
    "epp_message_dcp_expiry": (_res, [_h, POINTER(c_uint32), _sp, _np]),
    "epp_message_dcp_expiry_datetime": (_res, [_h, POINTER(EppDateTime)]),
    "epp_message_auth_info_form": (c_uint32, [_h]),
    "epp_message_new_auth_info_form": (c_uint32, [_h]),
    "epp_message_auth_info_ext": (_res, [_h, _sp, _np]),
    "epp_message_new_auth_info_ext": (_res, [_h, _sp, _np]),
}.items():
    _fn = getattr(lib, _name)
    _fn.restype = _restype
    _fn.argtypes = _argtypes


def _text(call) -> Optional[str]:
    p, n = c_void_p(), c_size_t()
    if call(byref(p), byref(n)) != 0:
        return None
    return ctypes.string_at(p.value, n.value).decode() if n.value else ""


def _unescaped(raw: Optional[str], call) -> Optional[str]:
    if raw is None or ("&" not in raw and "\r" not in raw):
        return raw
    n = c_size_t()
    if call(None, 0, byref(n)) not in (0, int(Result.BUFFER_TOO_SMALL)):
        return None
    buf = ctypes.create_string_buffer(max(n.value, 1))
    if call(buf, n.value, byref(n)) != 0:
        return None
    return buf.raw[: n.value].decode()


def result_msg_lang(m: Message, index: int) -> Optional[str]:
    """The `lang` of result `index`'s `<msg>` (None: English)."""
    h = m._handle()
    return _text(lambda p, n: lib.epp_message_result_msg_lang(h, index, p, n))


def result_values(m: Message, index: int) -> List[str]:
    """The `<value>` elements of result `index`, each as written."""
    h = m._handle()
    count = lib.epp_message_result_value_count(h, index)
    return [_text(lambda p, n: lib.epp_message_result_value(h, index, j, p, n)) or "" for j in range(count)]


def result_ext_values(m: Message, index: int) -> List[ExtValue]:
    """The `<extValue>` elements of result `index`."""
    h = m._handle()
    out = []
    for j in range(lib.epp_message_result_ext_value_count(h, index)):
        value = _text(lambda p, n: lib.epp_message_result_ext_value(h, index, j, p, n))
        raw = _text(lambda p, n: lib.epp_message_result_ext_value_reason(h, index, j, p, n))
        reason = _unescaped(
            raw, lambda b, c, n: lib.epp_message_result_ext_value_reason_unescaped(h, index, j, b, c, n)
        )
        lang = _text(lambda p, n: lib.epp_message_result_ext_value_reason_lang(h, index, j, p, n))
        out.append(ExtValue(value, reason, lang))
    return out


def msgq_lang(m: Message) -> Optional[str]:
    """The `lang` of `<msgQ><msg>`."""
    h = m._handle()
    return _text(lambda p, n: lib.epp_message_msgq_lang(h, p, n))


def msgq_xml(m: Message) -> Optional[str]:
    """The content of `<msgQ><msg>` as written, markup included."""
    h = m._handle()
    return _text(lambda p, n: lib.epp_message_msgq_xml(h, p, n))


def check_reason_lang(m: Message, index: int) -> Optional[str]:
    """The `lang` of check result `index`'s `<reason>`."""
    h = m._handle()
    return _text(lambda p, n: lib.epp_message_check_reason_lang(h, index, p, n))


def dcp_access(m: Message) -> DcpAccess:
    """The greeting's `<dcp><access>` (`ABSENT` when none)."""
    return DcpAccess(lib.epp_message_dcp_access(m._handle()))


def dcp_statements(m: Message) -> List[DcpStatement]:
    """The `<statement>`s of the greeting's data collection policy."""
    h = m._handle()
    out = []
    for i in range(lib.epp_message_dcp_statement_count(h)):
        s = _CStatement()
        if lib.epp_message_dcp_statement(h, i, byref(s)) != 0:
            continue
        descriptions = [
            _text(lambda p, n: lib.epp_message_dcp_recipient_description(h, i, d, p, n)) or ""
            for d in range(lib.epp_message_dcp_recipient_description_count(h, i))
        ]
        out.append(DcpStatement(s.purposes, s.recipients, DcpRetention(s.retention), descriptions))
    return out


def dcp_expiry(m: Message):
    """The policy's `<expiry>` as `(DcpExpiryKind, text)`, or None."""
    h = m._handle()
    kind = c_uint32()
    text = _text(lambda p, n: lib.epp_message_dcp_expiry(h, byref(kind), p, n))
    return None if text is None else (DcpExpiryKind(kind.value), text)


def dcp_expiry_datetime_parts(m: Message) -> Optional[EppDateTime]:
    """The absolute expiry as the C struct, or None. Raises `EppError`
    (`Result.INVALID_VALUE`) when it is not RFC 3339."""
    d = EppDateTime()
    r = lib.epp_message_dcp_expiry_datetime(m._handle(), byref(d))
    if r == Result.ABSENT:
        return None
    if r != 0:
        raise EppError(r)
    return d


class AuthInfoForm(enum.IntEnum):
    """`EPP_AUTH_INFO_FORM_*`."""

    NONE = 0
    PASSWORD = 1
    EXT = 2
    NULL = 3


def auth_info_form(m: Message) -> AuthInfoForm:
    """The form of the `<authInfo>` of a domain or contact create, info or
    transfer command, or of domain or contact infData."""
    return AuthInfoForm(lib.epp_message_auth_info_form(m._handle()))


def new_auth_info_form(m: Message) -> AuthInfoForm:
    """The form of an update's new `<authInfo>`."""
    return AuthInfoForm(lib.epp_message_new_auth_info_form(m._handle()))


def auth_info_ext(m: Message) -> Optional[str]:
    """The `<ext>` form of `auth_info_form`'s `<authInfo>`, raw."""
    h = m._handle()
    return _text(lambda p, n: lib.epp_message_auth_info_ext(h, p, n))


def new_auth_info_ext(m: Message) -> Optional[str]:
    """The `<ext>` form of an update's new `<authInfo>`, raw."""
    h = m._handle()
    return _text(lambda p, n: lib.epp_message_new_auth_info_ext(h, p, n))
