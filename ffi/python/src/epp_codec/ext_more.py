"""Typed wrappers over the extension accessors (`epp_codec.ext`) for the
parts the C ABI reads in `ffi/src/ext_more.rs`: fee check commands with
their fees and credits, launch create details (code marks, mark records,
signed and encoded signed marks, notices), changePoll, addlEmail, b-dn,
maintenance, and Verisign's extensions and poll data.

Every function takes a read `Message` and an extension element index (or
`EXT_INDEX_DATA` for the data outside `<extension>`), and returns None
when that element is not of its kind. Absent strings are None."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

from . import Message
from .ext import EXT_INDEX_DATA, ExtField as F, ExtKind, ExtList as L, ext_count, ext_kind, ext_number, ext_string

__all__ = [
    "FeeAmount",
    "FeeCheckCommand",
    "fee_check_commands",
    "MarkParty",
    "MarkRecord",
    "LaunchCreateDetails",
    "launch_create",
    "mark_records",
    "ChangePoll",
    "change_poll",
    "AddlEmail",
    "addl_email",
    "Bundling",
    "bundling",
    "Verisign",
    "verisign",
    "MaintenanceItem",
    "Maintenance",
    "maintenance",
]


class _Reader:
    def __init__(self, m: Message, index: int) -> None:
        self.m, self.i = m, index

    def s(self, lst: int, item: int, f: int) -> Optional[str]:
        return ext_string(self.m, self.i, lst, item, f)

    def n(self, lst: int, item: int, f: int) -> Optional[int]:
        return ext_number(self.m, self.i, lst, item, f)

    def flag(self, lst: int, item: int, f: int) -> Optional[bool]:
        n = self.n(lst, item, f)
        return None if n is None else n != 0

    def count(self, lst: int) -> int:
        return ext_count(self.m, self.i, lst)

    def own(self, f: int) -> Optional[str]:
        return self.s(L.SELF, 0, f)


@dataclass
class FeeAmount:
    """A fee or a credit of a fee check command."""

    amount: Optional[str]
    description: Optional[str] = None
    lang: Optional[str] = None
    refundable: Optional[bool] = None
    grace_period: Optional[str] = None
    applied: Optional[str] = None


@dataclass
class FeeCheckCommand:
    """A `<fee:command>` of a `<fee:cd>`; `item` is the cd's index."""

    item: int
    name: Optional[str]
    custom_name: Optional[str]
    phase: Optional[str]
    subphase: Optional[str]
    period: Optional[int]
    period_unit: Optional[str]
    standard: Optional[bool]
    available: Optional[bool]
    fee_class: Optional[str]
    reason: Optional[str]
    reason_lang: Optional[str]
    fees: List[FeeAmount] = field(default_factory=list)
    credits: List[FeeAmount] = field(default_factory=list)


def _amount(r: _Reader, lst: int, k: int) -> FeeAmount:
    return FeeAmount(
        r.s(lst, k, F.AMOUNT),
        r.s(lst, k, F.DESCRIPTION),
        r.s(lst, k, F.LANG),
        r.flag(lst, k, F.REFUNDABLE),
        r.s(lst, k, F.GRACE_PERIOD),
        r.s(lst, k, F.APPLIED),
    )


def fee_check_commands(m: Message, index: int) -> Optional[List[FeeCheckCommand]]:
    """Every command of every cd of the `<fee:chkData>` at `index`."""
    if ext_kind(m, index) != ExtKind.FEE_DATA:
        return None
    r = _Reader(m, index)
    lst = L.FEE_CHECK_COMMANDS
    out = [
        FeeCheckCommand(
            r.n(lst, k, F.PARENT) or 0,
            r.s(lst, k, F.COMMAND),
            r.s(lst, k, F.CUSTOM_NAME),
            r.s(lst, k, F.PHASE),
            r.s(lst, k, F.SUBPHASE),
            r.n(lst, k, F.PERIOD),
            r.s(lst, k, F.PERIOD_UNIT),
            r.flag(lst, k, F.STANDARD),
            r.flag(lst, k, F.AVAILABLE),
            r.s(lst, k, F.CLASS),
            r.s(lst, k, F.REASON),
            r.s(lst, k, F.LANG),
        )
        for k in range(r.count(lst))
    ]
    for lst, attr in ((L.FEE_CHECK_FEES, "fees"), (L.FEE_CHECK_CREDITS, "credits")):
        for k in range(r.count(lst)):
            parent = r.n(lst, k, F.PARENT)
            if parent is not None and parent < len(out):
                getattr(out[parent], attr).append(_amount(r, lst, k))
    return out


@dataclass
class MarkParty:
    """A mark holder (`role`: its entitlement) or contact (`role`: its
    type)."""

    holder: bool
    role: Optional[str]
    name: Optional[str]
    org: Optional[str]
    email: Optional[str]
    city: Optional[str]
    cc: Optional[str]


@dataclass
class MarkRecord:
    """A mark-1.0 trademark, treatyOrStatute or court; `mark` is the index
    of its code mark, signed mark or mark."""

    mark: int
    kind: Optional[str]
    id: Optional[str]
    name: Optional[str]
    holder_name: Optional[str]
    holder_org: Optional[str]
    jurisdiction: Optional[str]
    goods_and_services: Optional[str]
    registration_number: Optional[str] = None
    registration_date: Optional[str] = None
    expiration_date: Optional[str] = None
    application_id: Optional[str] = None
    application_date: Optional[str] = None
    reference_number: Optional[str] = None
    protection_date: Optional[str] = None
    title: Optional[str] = None
    execution_date: Optional[str] = None
    country: Optional[str] = None
    court_name: Optional[str] = None
    labels: List[Optional[str]] = field(default_factory=list)
    classes: List[Optional[str]] = field(default_factory=list)
    parties: List[MarkParty] = field(default_factory=list)


def mark_records(m: Message, index: int) -> List[MarkRecord]:
    """The mark records of the launch element at `index`."""
    r = _Reader(m, index)
    lst = L.LAUNCH_MARK_RECORDS
    out = [
        MarkRecord(
            r.n(lst, k, F.PARENT) or 0,
            *(
                r.s(lst, k, f)
                for f in (
                    F.MARK_KIND,
                    F.MARK_ID,
                    F.MARK_NAME,
                    F.HOLDER_NAME,
                    F.HOLDER_ORG,
                    F.JURISDICTION,
                    F.GOODS_AND_SERVICES,
                    F.REGISTRATION_NUMBER,
                    F.REGISTRATION_DATE,
                    F.EXPIRATION_DATE,
                    F.MARK_APPLICATION_ID,
                    F.APPLICATION_DATE,
                    F.REFERENCE_NUMBER,
                    F.PROTECTION_DATE,
                    F.TITLE,
                    F.EXECUTION_DATE,
                    F.COUNTRY,
                    F.COURT_NAME,
                )
            ),
        )
        for k in range(r.count(lst))
    ]
    for lst, attr in ((L.LAUNCH_MARK_LABELS, "labels"), (L.LAUNCH_MARK_CLASSES, "classes")):
        for k in range(r.count(lst)):
            parent = r.n(lst, k, F.PARENT)
            if parent is not None and parent < len(out):
                getattr(out[parent], attr).append(r.s(lst, k, F.TEXT))
    lst = L.LAUNCH_MARK_PARTIES
    for k in range(r.count(lst)):
        parent = r.n(lst, k, F.PARENT)
        if parent is not None and parent < len(out):
            out[parent].parties.append(
                MarkParty(
                    r.s(lst, k, F.PARTY) == "holder",
                    *(r.s(lst, k, f) for f in (F.ROLE, F.NAME, F.ORG, F.EMAIL, F.CITY, F.COUNTRY)),
                )
            )
    return out


@dataclass
class LaunchCreateDetails:
    """What a `<launch:create>` holds beyond its phase. Code marks are
    (code, validatorID), signed marks (xml, smd id, notAfter), encoded
    signed marks (encoding, data), notices (noticeID, validatorID,
    notAfter, acceptedDate)."""

    create_type: Optional[str]
    code_marks: list
    signed_marks: list
    encoded_signed_marks: list
    notices: list
    marks: List[MarkRecord]


def launch_create(m: Message, index: int) -> Optional[LaunchCreateDetails]:
    """The details of the launch command extension at `index` (empty lists
    for a launch command other than a create)."""
    if ext_kind(m, index) != ExtKind.LAUNCH:
        return None
    r = _Reader(m, index)

    def rows(lst: int, *fields: int) -> list:
        return [tuple(r.s(lst, k, f) for f in fields) for k in range(r.count(lst))]

    return LaunchCreateDetails(
        r.own(F.CREATE_TYPE),
        rows(L.LAUNCH_CODE_MARKS, F.CODE, F.VALIDATOR_ID),
        rows(L.LAUNCH_SIGNED_MARKS, F.XML, F.MARK_ID, F.NOT_AFTER),
        rows(L.LAUNCH_ENCODED_SIGNED_MARKS, F.ENCODING, F.DATA),
        rows(L.LAUNCH_NOTICES, F.NOTICE_ID, F.VALIDATOR_ID, F.NOT_AFTER, F.ACCEPTED_DATE),
        mark_records(m, index),
    )


@dataclass
class ChangePoll:
    """A changePoll-1.0 `<changeData>` (RFC 8590)."""

    state: Optional[str]
    operation: Optional[str]
    operation_type: Optional[str]
    date: Optional[str]
    sv_trid: Optional[str]
    who: Optional[str]
    case_id: Optional[str]
    case_type: Optional[str]
    case_name: Optional[str]
    reason: Optional[str]
    reason_lang: Optional[str]


def change_poll(m: Message, index: int) -> Optional[ChangePoll]:
    """The `<changePoll:changeData>` at `index`."""
    if ext_kind(m, index) != ExtKind.CHANGE_POLL:
        return None
    r = _Reader(m, index)
    return ChangePoll(
        *(
            r.own(f)
            for f in (
                F.STATE,
                F.OPERATION,
                F.OPERATION_TYPE,
                F.DATE,
                F.SV_TRID,
                F.WHO,
                F.CASE_ID,
                F.CASE_TYPE,
                F.CASE_NAME,
                F.REASON,
                F.LANG,
            )
        )
    )


@dataclass
class AddlEmail:
    """An addlEmail-1.0 `<addlEmail>` (RFC 9873)."""

    email: Optional[str]
    primary: Optional[bool]


def addl_email(m: Message, index: int) -> Optional[AddlEmail]:
    """The `<addlEmail:addlEmail>` at `index`."""
    if ext_kind(m, index) != ExtKind.ADDL_EMAIL:
        return None
    r = _Reader(m, index)
    return AddlEmail(r.own(F.EMAIL), r.flag(L.SELF, 0, F.PRIMARY))


@dataclass
class Bundling:
    """A b-dn element (RFC 9095): the rdn (name, uLabel), which response
    element it is (None for a create) and the bundle's names."""

    rdn: tuple
    data: Optional[str]
    names: list


def bundling(m: Message, index: int) -> Optional[Bundling]:
    """The b-dn element at `index`."""
    if ext_kind(m, index) != ExtKind.BUNDLING:
        return None
    r = _Reader(m, index)
    lst = L.BUNDLE_NAMES
    return Bundling(
        (r.own(F.NAME), r.own(F.U_LABEL)),
        r.own(F.BUNDLE_DATA),
        [(r.s(lst, k, F.NAME), r.s(lst, k, F.U_LABEL)) for k in range(r.count(lst))],
    )


@dataclass
class Verisign:
    """One of Verisign's elements; `kind` says which, the fields of the
    others are None."""

    kind: ExtKind
    sub_product: Optional[str]
    error_code: Optional[str]
    error_message: Optional[str]
    exp_month_day: Optional[str]
    registrar_name: Optional[str]
    credit_limit: Optional[str]
    credit_threshold: Optional[str]
    threshold_type: Optional[str]
    available_credit: Optional[str]
    name: Optional[str]
    rgp_status: Optional[str]
    request_date: Optional[str]
    report_due_date: Optional[str]


def verisign(m: Message, index: int) -> Optional[Verisign]:
    """The Verisign element at `index` (`EXT_INDEX_DATA` for poll data)."""
    kind = ext_kind(m, index)
    if not ExtKind.VERISIGN_NAMESTORE <= kind <= ExtKind.VERISIGN_RGP_POLL:
        return None
    r = _Reader(m, index)
    return Verisign(
        kind,
        *(
            r.own(f)
            for f in (
                F.SUB_PRODUCT,
                F.ERROR_CODE,
                F.TEXT,
                F.EXP_MONTH_DAY,
                F.REGISTRAR_NAME,
                F.CREDIT_LIMIT,
                F.CREDIT_THRESHOLD,
                F.THRESHOLD_TYPE,
                F.AVAILABLE_CREDIT,
                F.NAME,
                F.STATUS,
                F.REQUEST_DATE,
                F.REPORT_DUE_DATE,
            )
        ),
    )


@dataclass
class MaintenanceItem:
    """A maintenance `<item>`, or a `<listItem>` (id, name, lang and
    dates only). `types` and `descriptions` are (text, lang[, type]),
    `systems` (name, host, impact)."""

    id: Optional[str]
    name: Optional[str]
    lang: Optional[str]
    poll_type: Optional[str] = None
    environment: Optional[str] = None
    environment_name: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    reason: Optional[str] = None
    detail: Optional[str] = None
    created: Optional[str] = None
    updated: Optional[str] = None
    connection: Optional[bool] = None
    implementation: Optional[bool] = None
    types: list = field(default_factory=list)
    systems: list = field(default_factory=list)
    descriptions: list = field(default_factory=list)
    tlds: list = field(default_factory=list)


@dataclass
class Maintenance:
    """maintenance-1.0 data (RFC 9167): the `<maint:info>` command (`item`
    holds its id; `is_list` for `<maint:list/>`) or an `<infData>`."""

    kind: ExtKind
    item: MaintenanceItem
    items: List[MaintenanceItem]
    is_list: bool


def maintenance(m: Message) -> Optional[Maintenance]:
    """The maintenance data of the message (at `EXT_INDEX_DATA`)."""
    kind = ext_kind(m, EXT_INDEX_DATA)
    if not ExtKind.MAINTENANCE_INFO <= kind <= ExtKind.MAINTENANCE_LIST:
        return None
    r = _Reader(m, EXT_INDEX_DATA)

    def item(lst: int, k: int) -> MaintenanceItem:
        s = lambda f: r.s(lst, k, f)  # noqa: E731
        return MaintenanceItem(
            s(F.MAINTENANCE_ID),
            s(F.NAME),
            s(F.LANG),
            s(F.POLL_TYPE),
            s(F.ENVIRONMENT),
            s(F.ENVIRONMENT_NAME),
            s(F.START),
            s(F.END),
            s(F.REASON),
            s(F.DETAIL),
            s(F.CREATED),
            s(F.UPDATED),
            r.flag(lst, k, F.CONNECTION),
            r.flag(lst, k, F.IMPLEMENTATION),
        )

    it = item(L.SELF, 0)
    lst = L.MAINTENANCE_TYPES
    it.types = [(r.s(lst, k, F.TEXT), r.s(lst, k, F.LANG)) for k in range(r.count(lst))]
    lst = L.MAINTENANCE_SYSTEMS
    it.systems = [(r.s(lst, k, F.NAME), r.s(lst, k, F.HOST), r.s(lst, k, F.IMPACT)) for k in range(r.count(lst))]
    lst = L.MAINTENANCE_DESCRIPTIONS
    it.descriptions = [
        (r.s(lst, k, F.TEXT), r.s(lst, k, F.LANG), r.s(lst, k, F.CONTENT_TYPE)) for k in range(r.count(lst))
    ]
    it.tlds = [r.s(L.MAINTENANCE_TLDS, k, F.TEXT) for k in range(r.count(L.MAINTENANCE_TLDS))]
    items = [item(L.MAINTENANCE_LIST_ITEMS, k) for k in range(r.count(L.MAINTENANCE_LIST_ITEMS))]
    is_list = kind == ExtKind.MAINTENANCE_LIST or (kind == ExtKind.MAINTENANCE_INFO and it.id is None)
    return Maintenance(kind, it, items, is_list)
