"""Typed extension parts of the C ABI (`include/epp.h`:
`epp_message_ext_kind`, `epp_message_ext_count`, `epp_message_ext_string`,
`epp_message_ext_number`): secDNS-1.1, rgp-1.0, allocationToken-1.0,
ttl-1.0, loginSec-1.0, fee and launch-1.0 elements of a message's
`<extension>`, read by (element index, list, item, field)."""

from __future__ import annotations

import ctypes
import enum
from ctypes import POINTER, byref, c_size_t, c_uint32, c_uint64, c_void_p
from typing import Optional

from . import Message
from .objects import _raw, _value
from ._lib import lib

__all__ = ["ExtKind", "ExtList", "EXT_FIELD_LAST", "ExtField", "ext_kind", "ext_count", "ext_number", "ext_string", "ext_string_raw", "EXT_INDEX_DATA"]


class ExtKind(enum.IntEnum):
    """`epp_ext_kind`."""

    NONE = 0
    RAW = 1
    SEC_DNS_CREATE = 2
    SEC_DNS_UPDATE = 3
    SEC_DNS_INFO = 4
    RGP_UPDATE = 5
    RGP_STATUSES = 6
    ALLOCATION_TOKEN = 7
    ALLOCATION_TOKEN_INFO = 8
    TTL = 9
    LOGIN_SEC = 10
    LOGIN_SEC_DATA = 11
    FEE = 12
    FEE_DATA = 13
    LAUNCH = 14
    LAUNCH_DATA = 15
    CHANGE_POLL = 16
    ADDL_EMAIL = 17
    BUNDLING = 18
    MAINTENANCE_INFO = 19
    MAINTENANCE_ITEM = 20
    MAINTENANCE_LIST = 21
    VERISIGN_NAMESTORE = 22
    VERISIGN_NAMESTORE_ERROR = 23
    VERISIGN_SYNC = 24
    VERISIGN_LOW_BALANCE = 25
    VERISIGN_RGP_POLL = 26


class ExtList(enum.IntEnum):
    """`EPP_EXT_LIST_*`."""

    SELF = 0
    DS_DATA = 1
    KEY_DATA = 2
    REMOVE_DS_DATA = 3
    REMOVE_KEY_DATA = 4
    RGP_STATUSES = 5
    TTLS = 6
    FEES = 7
    CREDITS = 8
    FEE_CHECK_ITEMS = 9
    FEE_COMMANDS = 10
    LOGIN_SEC_EVENTS = 11
    LAUNCH_CHECK_RESULTS = 12
    FEE_CHECK_COMMANDS = 13
    FEE_CHECK_FEES = 14
    FEE_CHECK_CREDITS = 15
    LAUNCH_CODE_MARKS = 16
    LAUNCH_MARK_RECORDS = 17
    LAUNCH_SIGNED_MARKS = 18
    LAUNCH_ENCODED_SIGNED_MARKS = 19
    LAUNCH_NOTICES = 20
    MAINTENANCE_TYPES = 21
    MAINTENANCE_SYSTEMS = 22
    MAINTENANCE_DESCRIPTIONS = 23
    MAINTENANCE_TLDS = 24
    MAINTENANCE_LIST_ITEMS = 25
    BUNDLE_NAMES = 26
    LAUNCH_MARK_LABELS = 27
    LAUNCH_MARK_CLASSES = 28
    LAUNCH_MARK_PARTIES = 29


class ExtField(enum.IntEnum):
    """`EPP_EXT_*` (include/epp.h says which are numbers, which strings)."""

    MAX_SIG_LIFE = 0
    URGENT = 1
    REMOVE_ALL = 2
    KEY_TAG = 3
    ALG = 4
    DIGEST_TYPE = 5
    DIGEST = 6
    FLAGS = 7
    PROTOCOL = 8
    KEY_ALG = 9
    PUBLIC_KEY = 10
    RESTORE_OP = 11
    STATUS = 12
    LANG = 13
    TEXT = 14
    TOKEN = 15
    RECORD_TYPE = 16
    CUSTOM = 17
    SECONDS = 18
    MIN = 19
    DEFAULT = 20
    MAX = 21
    CURRENCY = 22
    AMOUNT = 23
    DESCRIPTION = 24
    REFUNDABLE = 25
    GRACE_PERIOD = 26
    APPLIED = 27
    BALANCE = 28
    CREDIT_LIMIT = 29
    OBJECT_ID = 30
    AVAILABLE = 31
    CLASS = 32
    COMMAND = 33
    PHASE = 34
    PHASE_NAME = 35
    APPLICATION_ID = 36
    NAME = 37
    EXISTS = 38
    USER_AGENT_APP = 39
    USER_AGENT_TECH = 40
    USER_AGENT_OS = 41
    PASSWORD = 42
    NEW_PASSWORD = 43
    EVENT_TYPE = 44
    LEVEL = 45
    PARENT = 46
    CUSTOM_NAME = 47
    SUBPHASE = 48
    PERIOD = 49
    PERIOD_UNIT = 50
    STANDARD = 51
    REASON = 52
    OBJECT_ELEMENT = 53
    CODE = 54
    VALIDATOR_ID = 55
    MARK_KIND = 56
    MARK_ID = 57
    MARK_NAME = 58
    HOLDER_NAME = 59
    HOLDER_ORG = 60
    JURISDICTION = 61
    GOODS_AND_SERVICES = 62
    XML = 63
    ENCODING = 64
    DATA = 65
    NOTICE_ID = 66
    NOT_AFTER = 67
    ACCEPTED_DATE = 68
    CREATE_TYPE = 69
    STATE = 70
    OPERATION = 71
    OPERATION_TYPE = 72
    DATE = 73
    SV_TRID = 74
    WHO = 75
    CASE_ID = 76
    CASE_TYPE = 77
    CASE_NAME = 78
    SUB_PRODUCT = 79
    ERROR_CODE = 80
    EXP_MONTH_DAY = 81
    REGISTRAR_NAME = 82
    CREDIT_THRESHOLD = 83
    THRESHOLD_TYPE = 84
    AVAILABLE_CREDIT = 85
    REQUEST_DATE = 86
    REPORT_DUE_DATE = 87
    MAINTENANCE_ID = 88
    POLL_TYPE = 89
    ENVIRONMENT = 90
    ENVIRONMENT_NAME = 91
    START = 92
    END = 93
    DETAIL = 94
    CONNECTION = 95
    IMPLEMENTATION = 96
    CREATED = 97
    UPDATED = 98
    HOST = 99
    IMPACT = 100
    CONTENT_TYPE = 101
    EMAIL = 102
    PRIMARY = 103
    U_LABEL = 104
    BUNDLE_DATA = 105
    PARTY = 106
    ROLE = 107
    ORG = 108
    CITY = 109
    COUNTRY = 110
    REGISTRATION_NUMBER = 111
    REGISTRATION_DATE = 112
    EXPIRATION_DATE = 113
    MARK_APPLICATION_ID = 114
    APPLICATION_DATE = 115
    REFERENCE_NUMBER = 116
    PROTECTION_DATE = 117
    TITLE = 118
    EXECUTION_DATE = 119
    COURT_NAME = 120


EXT_FIELD_LAST = 120

EXT_INDEX_DATA = 4294967295
"""`EPP_EXT_INDEX_DATA`: the element index of the data outside `<extension>`
(maintenance-1.0 `<infData>`, Verisign poll data, `<maint:info>`)."""

for _name, (_restype, _argtypes) in {
    "epp_message_ext_kind": (c_uint32, [c_void_p, c_size_t]),
    "epp_message_ext_count": (c_size_t, [c_void_p, c_size_t, c_uint32]),
    "epp_message_ext_number": (c_uint32, [c_void_p, c_size_t, c_uint32, c_size_t, c_uint32, POINTER(c_uint64)]),
    "epp_message_ext_string": (
        c_uint32,
        [c_void_p, c_size_t, c_uint32, c_size_t, c_uint32, POINTER(c_void_p), POINTER(c_size_t)],
    ),
    "epp_message_ext_string_unescaped": (
        c_uint32,
        [c_void_p, c_size_t, c_uint32, c_size_t, c_uint32, ctypes.c_char_p, c_size_t, POINTER(c_size_t)],
    ),
}.items():
    _fn = getattr(lib, _name)
    _fn.restype = _restype
    _fn.argtypes = _argtypes


def ext_kind(m: Message, index: int) -> ExtKind:
    """What extension element `index` is."""
    return ExtKind(lib.epp_message_ext_kind(m._handle(), index))


def ext_count(m: Message, index: int, lst: int) -> int:
    """The number of items of list `lst` of extension element `index`."""
    return lib.epp_message_ext_count(m._handle(), index, lst)


def ext_number(m: Message, index: int, lst: int, item: int, field: int) -> Optional[int]:
    """Number field `field` of an extension item, or None."""
    n = c_uint64()
    if lib.epp_message_ext_number(m._handle(), index, lst, item, field, byref(n)) != 0:
        return None
    return n.value


def ext_string_raw(m: Message, index: int, lst: int, item: int, field: int) -> Optional[bytes]:
    """String field `field` of an extension item, as written, or None."""
    h = m._handle()
    return _raw(lambda p, n: lib.epp_message_ext_string(h, index, lst, item, field, p, n))


def ext_string(m: Message, index: int, lst: int, item: int, field: int) -> Optional[str]:
    """The value of string field `field` of an extension item, or None."""
    h = m._handle()
    return _value(
        ext_string_raw(m, index, lst, item, field),
        lambda b, c, n: lib.epp_message_ext_string_unescaped(h, index, lst, item, field, b, c, n),
    )
