"""The packed path: a read and every value of the message in ONE ctypes
call, the values handed over in one buffer.

The library writes them as one object in Python's marshal format
(`epp_message_read_command_pymarshal` / `_response_pymarshal`):
`marshal.loads` then builds every string, list and tuple in C, and Python
only wraps the result tuples and check tuples in their named types. The
values are already unescaped by the library.

Should this Python's marshal not read the few codes the library writes
(checked once, at import: they have not changed since Python 3.4), the
binding uses the NUL-separated layout instead (`epp_message_packed`: one
decode, one split, one `tolist()` of the table, and loops only over what
the message has). A NUL cannot stand in an XML value, so that split is
exact (the library refuses with `Result.INVALID_VALUE` otherwise, and the
binding then takes the span path, `epp_codec._bulk`).
"""

from __future__ import annotations

import ctypes
import marshal
from ctypes import byref, c_size_t, c_uint32, c_void_p
from typing import TYPE_CHECKING

from . import Check, EppError, Lists, ResultEntry, Values
from ._bulk import FIELD_COUNT, LIST_COUNT, Bulk, Fields, _EppBulk, _u32_view, take

from ._lib import fast

if TYPE_CHECKING:  # pragma: no cover
    from . import Message

#: EPP_PACKED_HEADER of include/epp.h (the tests check).
HEADER = 4

_OK = 0
_READ_ERROR = 9
_BUFFER_TOO_SMALL = 10
_INVALID_VALUE = 14

_new = tuple.__new__
_new_object = object.__new__
_loads = marshal.loads


def _marshal_reads_the_library_codes() -> bool:
    """Whether `marshal.loads` reads what `epp_message_pymarshal` writes:
    a small and a long tuple, a list, None, True, False, int, ASCII and
    UTF-8 str."""
    sample = (
        b")\x07[\x01\x00\x00\x00NTFi\xe8\x03\x00\x00"
        b"a\x01\x00\x00\x00xu\x02\x00\x00\x00\xc3\xa9(\x01\x00\x00\x00N"
    )
    try:
        return _loads(sample) == ([None], True, False, 1000, "x", "\u00e9", (None,))
    except (ValueError, EOFError, TypeError):  # pragma: no cover - a future Python
        return False


#: Whether the marshal layout is used (else the NUL-separated one).
MARSHAL = _marshal_reads_the_library_codes()
_packed_call = fast.epp_message_pymarshal if MARSHAL else fast.epp_message_packed
if MARSHAL:
    read_command = fast.epp_message_read_command_pymarshal
    read_response = fast.epp_message_read_response_pymarshal
else:  # pragma: no cover - a future Python
    read_command = fast.epp_message_read_command_packed
    read_response = fast.epp_message_read_response_packed


class _EppPacked(ctypes.Structure):
    """`epp_packed`: the span arrays, the text and the table."""

    _fields_ = [
        ("bulk", _EppBulk),
        ("text", c_void_p),
        ("text_cap", c_size_t),
        ("table", c_void_p),
        ("table_cap", c_size_t),
        ("text_len", c_size_t),
        ("table_len", c_size_t),
    ]


class Packed:
    """A message handle's buffers for the packed calls, reused across
    reads."""

    __slots__ = ("c", "ref", "spans", "text", "table", "table_mv", "frame_len")

    def __init__(self) -> None:
        self.c = _EppPacked()
        self.ref = byref(self.c)
        # The frame length argument, set before each call: cheaper than a
        # new c_size_t per call (ctypes looks up its type code on creation).
        self.frame_len = c_size_t()
        # The span arrays: the library's scratch (Bulk keeps them alive).
        self.spans = Bulk()
        self.c.bulk = self.spans.c
        self.grow_text(2048, 128)

    def grow_text(self, text: int, table: int) -> None:
        """Makes the text and table hold at least this much."""
        c = self.c
        if text > c.text_cap or not c.text:
            self.text = ctypes.create_string_buffer(text)
            c.text, c.text_cap = ctypes.addressof(self.text), text
        if table > c.table_cap or not c.table:
            self.table = (c_uint32 * table)()
            self.table_mv = _u32_view(self.table)
            c.table, c.table_cap = ctypes.addressof(self.table), table

    def grow(self) -> None:
        """Grows what the last call said was too small."""
        b, c = self.spans, self.c
        b.grow(c.bulk.items_len, c.bulk.results_len, c.bulk.checks_len)
        c.bulk = b.c
        self.grow_text(c.text_len, c.table_len)


def read(m: "Message", call, data) -> Fields:
    """`Message.read_*_fields`: reads `data` with `call` (`read_command` or
    `read_response` of this module) and returns every value."""
    if m._h is None:
        m._handle()  # raises: the handle is closed
    frame = data if type(data) is bytes else bytes(data)
    # The handle borrows the frame until the next read: keep it alive.
    m._frame = frame
    m._base = None
    m._text = None
    p = m._packed
    if p is None:
        p = m._packed = Packed()
    n = p.frame_len
    n.value = len(frame)
    r = call(m._hv, frame, n, p.ref)
    if r:
        if r == _READ_ERROR:
            raise m._read_error()
        if r == _BUFFER_TOO_SMALL:
            # The message is read: grow (twice at most: the span arrays
            # first, then the text, whose size needs the spans) and pack.
            for _ in range(2):
                p.grow()
                r = _packed_call(m._hv, p.ref)
                if r != _BUFFER_TOO_SMALL:
                    break
        if r == _INVALID_VALUE:
            return take(m)
        if r != _OK:
            raise EppError(r)
    if not MARSHAL:  # pragma: no cover - a future Python
        return unpack(p)
    return unmarshal(p)


def unmarshal(p: Packed) -> Fields:
    """The values of the last successful marshal call, as `Fields`: one
    `marshal.loads` (it reads the object at the start of the buffer and
    ignores the rest), then the results and checks wrapped in their named
    tuples (what their generated `__new__` does, without its frame), and
    the `Fields` made as its `__init__` makes it, written out: a Python
    call fewer on the path every `read_*_fields` takes."""
    values, lists, results, checks = _loads(p.text)
    if results:
        results = [_new(ResultEntry, r) for r in results]
    if checks:
        checks = [_new(Check, c) for c in checks]
    f = _new_object(Fields)
    f.values = _new(Values, values)
    f.lists = _new(Lists, lists)
    f.results = results
    f.checks = checks
    return f


def unpack(p: Packed) -> Fields:
    """The values of the last successful packed call, as `Fields`.

    Written for CPython's costs (every bytecode counts at this scale): the
    table comes out as one list, the text as one split; loops run only over
    what the message has."""
    c = p.c
    t = p.table_mv[: c.table_len].tolist()
    # Slicing the ctypes array copies into a bytes object: cheaper than a
    # memoryview slice and str(..., "utf-8").
    parts = p.text[: c.text_len].decode().split("\0")
    nf, nl, nr, nc = t[0], t[1], t[2], t[3]
    values = [None] * FIELD_COUNT
    k = HEADER + nf
    for i, s in zip(t[HEADER:k], parts):
        values[i] = s
    lists = [()] * LIST_COUNT
    at = nf
    if nl:
        e = k + 2 * nl
        pairs = iter(t[k:e])
        for lst, n in zip(pairs, pairs):
            lists[lst] = tuple(parts[at : at + n])
            at += n
        k = e
    # NamedTuples made with tuple.__new__: what their generated __new__
    # does, without its Python frame.
    results = []
    if nr:
        results = [
            _new(ResultEntry, (t[i], parts[at + j] if t[i + 1] else None))
            for j, i in enumerate(range(k, k + 2 * nr, 2))
        ]
        at += nr
        k += 2 * nr
    checks = []
    if nc:
        checks = [
            _new(Check, (parts[at + 2 * j], t[i] == 1, parts[at + 2 * j + 1] if t[i + 1] else None))
            for j, i in enumerate(range(k, k + 2 * nc, 2))
        ]
    return Fields(values, lists, results, checks)
