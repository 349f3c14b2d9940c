"""The bulk path: every value of a message through one ctypes call
(`epp_message_bulk`), the strings cut out of the frame in Python.

A ctypes call costs more than the library's work for many fields, so
`Message.fields()` takes them all at once as spans (offset, length, flags)
into the frame, reads the spans with one `memoryview.tolist()` per array,
and slices the frame: a `str` slice of the decoded frame when the frame is
ASCII (byte offsets are then character offsets), else a `bytes` slice
decoded on its own. A span whose flags say the value differs from its text
(references to expand, or a constant of the library) goes through the
single-value `*_unescaped` accessor, when the snapshot is taken.
"""

from __future__ import annotations

import ctypes
from ctypes import byref, c_size_t, c_uint32, c_void_p
from itertools import accumulate
from typing import TYPE_CHECKING, List as ListT, Optional, Sequence, Tuple

# Imported by the package after these are defined (see __init__.py).
from . import Check, EppError, Lists, ResultEntry, Values
from ._lib import fast, lib

if TYPE_CHECKING:  # pragma: no cover
    from . import Message

#: EPP_FIELD_COUNT and EPP_LIST_COUNT of include/epp.h (the tests check).
FIELD_COUNT = 27
LIST_COUNT = 21

_PRESENT = 1  # EPP_SPAN_PRESENT: exactly this flag means "the text is the value"
_OK = 0
_WRONG_KIND = 5
_BUFFER_TOO_SMALL = 10
_CHECK_UNKNOWN = 2  # EPP_CHECK_AVAILABLE_UNKNOWN

_bulk_call = fast.epp_message_bulk
_new = tuple.__new__


def _u32_view(buf) -> memoryview:
    """A memoryview of a ctypes uint32 array whose tolist() gives ints."""
    return memoryview(buf).cast("B").cast("I")


class Fields:
    """Every value of a message, taken at once by `Message.fields()`: a
    snapshot of plain Python values, valid after the next read.

    `values` is every field (a `Values`): `values.object_name`, or
    `values[Field.OBJECT_NAME]`, is that field as `str`, or None when
    absent, as `Message.field` gives it; `field(f)` is the same. `lists` is
    every list (a `Lists`): `lists.name_servers`, or
    `lists[List.NAME_SERVERS]`, is that list as a `tuple` of `str` (the
    items `Message.list` gives as a `list`; a snapshot is immutable, and
    the empty tuple costs nothing to make); `list(l)` is the same.
    `results` is every `<result>` of a response (`[]` for other messages);
    `checks` every entry of a check response, names and reasons raw, as
    `Message.checks` gives them. The constructor takes any sequences, in
    `Field` and `List` order.
    """

    __slots__ = ("values", "lists", "results", "checks")

    def __init__(self, values: Sequence, lists: Sequence, results: list, checks: list) -> None:
        self.values = values if type(values) is Values else _new(Values, values)
        self.lists = lists if type(lists) is Lists else _new(Lists, map(tuple, lists))
        self.results = results
        self.checks = checks

    def field(self, field: int) -> Optional[str]:
        """Field `field`, or None when the message has none."""
        return self.values[field]

    def list(self, lst: int) -> Tuple[str, ...]:
        """List `lst` (`()` when the message has none)."""
        return self.lists[lst]

    def __repr__(self) -> str:
        return f"Fields(values={self.values!r}, lists={self.lists!r}, results={self.results!r}, checks={self.checks!r})"


class _EppBulk(ctypes.Structure):
    """`epp_bulk`: the arrays `epp_message_bulk` fills, and their lengths."""

    _fields_ = [
        ("fields", c_void_p),
        ("fields_cap", c_size_t),
        ("counts", c_void_p),
        ("counts_cap", c_size_t),
        ("items", c_void_p),
        ("items_cap", c_size_t),
        ("results", c_void_p),
        ("results_cap", c_size_t),
        ("checks", c_void_p),
        ("checks_cap", c_size_t),
        ("items_len", c_size_t),
        ("results_len", c_size_t),
        ("checks_len", c_size_t),
    ]


class Bulk:
    """A message handle's arrays for `epp_message_bulk`, reused across
    reads (spans are read as flat uint32 arrays: offset, length, flags)."""

    __slots__ = ("c", "ref", "fields", "fields_mv", "counts", "counts_mv", "items", "items_mv",
                 "results", "results_mv", "checks", "checks_mv")

    def __init__(self) -> None:
        self.c = _EppBulk()
        self.ref = byref(self.c)
        self.fields = (c_uint32 * (3 * FIELD_COUNT))()
        self.fields_mv = _u32_view(self.fields)
        self.counts = (c_uint32 * LIST_COUNT)()
        self.counts_mv = _u32_view(self.counts)
        self.c.fields, self.c.fields_cap = ctypes.addressof(self.fields), FIELD_COUNT
        self.c.counts, self.c.counts_cap = ctypes.addressof(self.counts), LIST_COUNT
        self.grow(32, 4, 8)

    def grow(self, items: int, results: int, checks: int) -> None:
        """Makes the arrays hold at least this many of each."""
        c = self.c
        if items > c.items_cap or not c.items:
            self.items = (c_uint32 * (3 * items))()
            self.items_mv = _u32_view(self.items)
            c.items, c.items_cap = ctypes.addressof(self.items), items
        if results > c.results_cap or not c.results:
            self.results = (c_uint32 * (4 * results))()
            self.results_mv = _u32_view(self.results)
            c.results, c.results_cap = ctypes.addressof(self.results), results
        if checks > c.checks_cap or not c.checks:
            self.checks = (c_uint32 * (7 * checks))()
            self.checks_mv = _u32_view(self.checks)
            c.checks, c.checks_cap = ctypes.addressof(self.checks), checks


def _raise(r: int) -> None:
    raise EppError(r)


def _unescaped(m: "Message", call) -> Optional[str]:
    """The value of one flagged span, through its `*_unescaped` accessor."""
    h = m._h
    return m._unescaped(lambda b, c, n: call(h, b, c, n))


def take(m: "Message") -> Fields:
    """`Message.fields()`: see there."""
    b: Bulk = m._bulk
    h = m._hv
    frame = m._frame
    text = m._text
    if text is None:
        # One decode per read; on an ASCII frame, str offsets are byte offsets.
        decoded = frame.decode("utf-8", "surrogateescape")
        text = decoded if len(decoded) == len(frame) else False
        m._text = text

    c = b.c
    r = _bulk_call(h, b.ref)
    if r == _BUFFER_TOO_SMALL:
        b.grow(c.items_len, c.results_len, c.checks_len)
        r = _bulk_call(h, b.ref)
    if r != _OK:
        _raise(r)
    sp = b.fields_mv.tolist()
    flags = sp[2::3]
    if text is not False:
        values = [text[o : o + n] if f == 1 else None for o, n, f in zip(sp[0::3], sp[1::3], flags)]
    else:
        values = [frame[o : o + n].decode() if f == 1 else None for o, n, f in zip(sp[0::3], sp[1::3], flags)]
    if max(flags) > _PRESENT:
        for i, f in enumerate(flags):
            if f > _PRESENT:
                values[i] = _unescaped(m, lambda h, b, c, n, i=i: lib.epp_message_field_unescaped(h, i, b, c, n))

    total = c.items_len
    counts = b.counts_mv.tolist()
    if total:
        isp = b.items_mv.tolist()
        iflags = isp[2 : 3 * total : 3]
        ioffs = isp[0 : 3 * total : 3]
        if text is not False:
            items = [text[o : o + n] for o, n in zip(ioffs, isp[1 : 3 * total : 3])]
        else:
            items = [frame[o : o + n].decode() for o, n in zip(ioffs, isp[1 : 3 * total : 3])]
        starts = list(accumulate(counts, initial=0))
        if max(iflags) > _PRESENT:
            for i, f in enumerate(iflags):
                if f > _PRESENT:
                    lst = next(l for l in range(LIST_COUNT) if starts[l] <= i < starts[l + 1])
                    j = i - starts[lst]
                    items[i] = _unescaped(
                        m, lambda h, b, c, n, lst=lst, j=j: lib.epp_message_list_item_unescaped(h, lst, j, b, c, n)
                    )
        lists = [tuple(items[s:e]) for s, e in zip(starts, starts[1:])]
    else:
        lists = ((),) * LIST_COUNT

    results: list = []
    checks: list = []
    if c.results_len:
        n = c.results_len
        if n:
            rs = b.results_mv.tolist()
            for i in range(n):
                code, o, ln, f = rs[4 * i : 4 * i + 4]
                if f == _PRESENT:
                    msg = text[o : o + ln] if text is not False else frame[o : o + ln].decode()
                elif f:
                    msg = _unescaped(m, lambda h, b, c, n, i=i: lib.epp_message_result_msg_unescaped(h, i, b, c, n))
                else:
                    msg = None
                results.append(ResultEntry(code, msg))
    if c.checks_len:
        n = c.checks_len
        if n:
            cs = b.checks_mv.tolist()
            for i in range(n):
                no, nl, _nf, ro, rl, rf, avail = cs[7 * i : 7 * i + 7]
                # Raw, as Message.checks gives them.
                name = frame[no : no + nl].decode()
                reason = frame[ro : ro + rl].decode() if rf else None
                checks.append(Check(name, avail == 1, reason))
    return Fields(values, lists, results, checks)
