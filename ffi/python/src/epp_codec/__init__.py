"""epp_codec: the Python binding of epp-codec, a zero-copy EPP (RFC
5730-5734) codec written in Rust, over its C ABI (ctypes, no compiler).

    from epp_codec import Message, Field, List

    with Message() as m:
        m.read_response(frame_bytes)          # raises EppError on failure
        m.field(Field.OBJECT_NAME)            # 'example.com' (str, unescaped)
        m.field_raw(Field.OBJECT_NAME)        # b'example.com' (bytes, as written)
        m.field_datetime(Field.CREATED)       # datetime with tzinfo
        m.list(List.NAME_SERVERS)             # ['ns1.example.com', ...]

Handles (`Message`, `Deframer`) are context managers; `close()` frees them
(and so does the garbage collector, as a safety net). A handle is used by
one thread at a time.

Lifetimes: `Message.read_*` keeps a reference to the `bytes` it reads (no
copy; other buffer types are copied to `bytes` first), so every value stays
valid. Every value handed out is a Python object (a copy); nothing borrowed
escapes.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import enum
import io
from ctypes import POINTER, byref, c_bool, c_char, c_size_t, c_uint16, c_uint64
from typing import Iterator, NamedTuple, Optional, Sequence, Tuple, Union

from ._lib import EppDateTime, EppFrameError, EppStr, fast, lib

# The accessors called most, bound once and without argtypes (see
# _lib.fast): arguments must be passed as the exact C types.
_field = fast.epp_message_field
_list_count = fast.epp_message_list_count
_list_item = fast.epp_message_list_item
_result_count = fast.epp_message_result_count
_result_code = fast.epp_message_result_code
_result_msg = fast.epp_message_result_msg

__all__ = [
    "Check",
    "CommandKind",
    "Deframer",
    "EppError",
    "Extension",
    "Field",
    "Fields",
    "FrameError",
    "FrameErrorKind",
    "Kind",
    "List",
    "Lists",
    "Message",
    "ObjectKind",
    "Result",
    "ResultEntry",
    "Values",
    "WRITE_FRAMED",
    "WRITE_NO_DECLARATION",
    "version",
    "write_domain_check",
    "write_domain_info",
    "write_hello",
    "write_logout",
    "write_poll_ack",
    "write_poll_request",
    "write_response",
]

Bytes = Union[bytes, bytearray, memoryview]


class Result(enum.IntEnum):
    """`epp_result`: what a library call did (stable numbers)."""

    OK = 0
    NULL_ARGUMENT = 1
    INVALID_ARGUMENT = 2
    INDEX_OUT_OF_RANGE = 3
    ABSENT = 4
    WRONG_KIND = 5
    INCOMPLETE = 6
    FRAME_INVALID = 7
    FRAME_TOO_LONG = 8
    READ_ERROR = 9
    BUFFER_TOO_SMALL = 10
    WRITE_ERROR = 11
    INVALID_UTF8 = 12
    PANIC = 13
    INVALID_VALUE = 14


class Kind(enum.IntEnum):
    """`epp_kind`: what a message handle holds."""

    NONE = 0
    COMMAND = 1
    RESPONSE = 2
    GREETING = 3
    ERROR = 4


class CommandKind(enum.IntEnum):
    """`epp_command_kind`: the command of a command message."""

    NONE = 0
    HELLO = 1
    LOGIN = 2
    LOGOUT = 3
    POLL = 4
    CHECK = 5
    INFO = 6
    CREATE = 7
    DELETE = 8
    RENEW = 9
    TRANSFER = 10
    UPDATE = 11


class ObjectKind(enum.IntEnum):
    """`epp_object`: the object a command acts on."""

    NONE = 0
    DOMAIN = 1
    HOST = 2
    CONTACT = 3
    OTHER = 4


class Field(enum.IntEnum):
    """`EPP_FIELD_*`: the string fields (see include/epp.h)."""

    CL_TRID = 0
    SV_TRID = 1
    LOGIN_CLIENT_ID = 2
    LOGIN_PASSWORD = 3
    LOGIN_NEW_PASSWORD = 4
    LOGIN_VERSION = 5
    LOGIN_LANG = 6
    POLL_MESSAGE_ID = 7
    MSGQ_ID = 8
    MSGQ_DATE = 9
    MSGQ_MESSAGE = 10
    OBJECT_NAME = 11
    ROID = 12
    CLIENT_ID = 13
    CREATOR_ID = 14
    CREATED = 15
    UPDATER_ID = 16
    UPDATED = 17
    EXPIRES = 18
    TRANSFERRED = 19
    REGISTRANT = 20
    AUTH_PASSWORD = 21
    SERVER_ID = 22
    SERVER_DATE = 23
    EMAIL = 24
    VOICE = 25
    CURRENT_EXPIRY = 26


class List(enum.IntEnum):
    """`EPP_LIST_*`: the repeated string lists (see include/epp.h)."""

    NAMES = 0
    STATUSES = 1
    STATUSES_ADD = 2
    STATUSES_REMOVE = 3
    NAME_SERVERS = 4
    CONTACTS = 5
    HOSTS = 6
    LOGIN_OBJECT_URIS = 7
    LOGIN_EXTENSION_URIS = 8
    GREETING_VERSIONS = 9
    GREETING_LANGS = 10
    GREETING_OBJECT_URIS = 11
    GREETING_EXTENSION_URIS = 12
    CONTACT_TYPES = 13
    ADDRESSES = 14
    NAME_SERVERS_ADD = 15
    NAME_SERVERS_REMOVE = 16
    CONTACTS_ADD = 17
    CONTACTS_REMOVE = 18
    ADDRESSES_ADD = 19
    ADDRESSES_REMOVE = 20


class Values(NamedTuple):
    """Every string field of a message, by name: `Fields.values`. A
    field's name is its `Field` member's name in lower case
    (`values.object_name` is `values[Field.OBJECT_NAME]`); each is a `str`,
    or None when the message has none. A tuple, so it also indexes by
    `Field` and unpacks.

    Reading by name is the fast way on every Python: on Python 3.11 each
    `Field.X` lookup runs `enum.EnumType.__getattr__`'s hook and costs
    about ten times an attribute read (3.12 dropped that hook)."""

    cl_trid: Optional[str]
    sv_trid: Optional[str]
    login_client_id: Optional[str]
    login_password: Optional[str]
    login_new_password: Optional[str]
    login_version: Optional[str]
    login_lang: Optional[str]
    poll_message_id: Optional[str]
    msgq_id: Optional[str]
    msgq_date: Optional[str]
    msgq_message: Optional[str]
    object_name: Optional[str]
    roid: Optional[str]
    client_id: Optional[str]
    creator_id: Optional[str]
    created: Optional[str]
    updater_id: Optional[str]
    updated: Optional[str]
    expires: Optional[str]
    transferred: Optional[str]
    registrant: Optional[str]
    auth_password: Optional[str]
    server_id: Optional[str]
    server_date: Optional[str]
    email: Optional[str]
    voice: Optional[str]
    current_expiry: Optional[str]


class Lists(NamedTuple):
    """Every repeated list of a message, by name: `Fields.lists`. A list's
    name is its `List` member's name in lower case (`lists.name_servers`
    is `lists[List.NAME_SERVERS]`); each is a `tuple` of `str`, `()` when
    the message has none. A tuple, so it also indexes by `List`."""

    names: Tuple[str, ...]
    statuses: Tuple[str, ...]
    statuses_add: Tuple[str, ...]
    statuses_remove: Tuple[str, ...]
    name_servers: Tuple[str, ...]
    contacts: Tuple[str, ...]
    hosts: Tuple[str, ...]
    login_object_uris: Tuple[str, ...]
    login_extension_uris: Tuple[str, ...]
    greeting_versions: Tuple[str, ...]
    greeting_langs: Tuple[str, ...]
    greeting_object_uris: Tuple[str, ...]
    greeting_extension_uris: Tuple[str, ...]
    contact_types: Tuple[str, ...]
    addresses: Tuple[str, ...]
    name_servers_add: Tuple[str, ...]
    name_servers_remove: Tuple[str, ...]
    contacts_add: Tuple[str, ...]
    contacts_remove: Tuple[str, ...]
    addresses_add: Tuple[str, ...]
    addresses_remove: Tuple[str, ...]


#: Write the 4-byte RFC 5734 length header first.
WRITE_FRAMED = 1
#: Leave out the `<?xml ...?>` declaration.
WRITE_NO_DECLARATION = 2

_OK = 0
_FRAME_INVALID = 7
_FRAME_TOO_LONG = 8
_READ_ERROR = 9
_BUFFER_TOO_SMALL = 10


class EppError(Exception):
    """A failed call: `result` (a `Result`), and after a failed read
    (`Result.READ_ERROR`) the EPP result `code` a server answers with (0
    for a response or greeting read), the byte `offset` in the frame, and
    the library's `message`."""

    def __init__(self, result: int, code: int = 0, offset: int = 0, message: str = ""):
        try:
            self.result: Union[Result, int] = Result(result)
        except ValueError:
            self.result = result
        self.code = code
        self.offset = offset
        self.message = message
        if result == _READ_ERROR:
            text = f"read error (EPP code {code}) at byte {offset}: {message}"
        else:
            text = lib.epp_result_str(result).decode()
        super().__init__(text)


def _check(r: int) -> None:
    if r != _OK:
        raise EppError(r)


class FrameErrorKind(enum.IntEnum):
    """What was wrong with a frame header a `Deframer` refused
    (`epp_frame_error_kind`)."""

    #: A kind this binding does not name (the library may add kinds).
    OTHER = 0
    #: A total length below 4, the header's own size.
    LENGTH_TOO_SMALL = 1
    #: A total length above the deframer's maximum.
    LENGTH_TOO_LARGE = 2
    #: Printable text where the header should be: the peer wrote a message
    #: without an RFC 5734 header, such as a server's "Session limit exceeded".
    UNFRAMED_TEXT = 3


class FrameError(EppError):
    """The `EppError` a `Deframer` raises once it has refused a frame
    header (`result` is `FRAME_INVALID`, or `FRAME_TOO_LONG` for
    `LENGTH_TOO_LARGE`): its `kind` (a `FrameErrorKind`), the total
    `length` it announced (its four bytes read as a big-endian number, for
    text too), the `max` frame length in force, the four `header` bytes
    (the start of the peer's text for `UNFRAMED_TEXT`), the stream `offset`
    where it starts, and the library's `message` naming them."""

    def __init__(
        self, result: int, kind: int, length: int, max: int, header: bytes, offset: int, message: str
    ) -> None:
        super().__init__(result, 0, offset, message)
        try:
            self.kind: Union[FrameErrorKind, int] = FrameErrorKind(kind)
        except ValueError:
            self.kind = kind
        self.length = length
        self.max = max
        self.header = header
        # str(e) is the library's description, which names all of them.
        self.args = (message,)


def version() -> str:
    """The library version, such as "0.1.0"."""
    return lib.epp_version().decode()


class ResultEntry(NamedTuple):
    """One `<result>` of a response."""

    code: int
    msg: Optional[str]


class Check(NamedTuple):
    """One `<cd>` entry of a check response."""

    name: str
    available: bool
    reason: Optional[str]


class Extension(NamedTuple):
    """One element of a message's `<extension>` (raw XML)."""

    namespace: str
    xml: str


# The bulk path needs ResultEntry, Check and EppError, defined above.
from . import _bulk  # noqa: E402
from ._bulk import Fields  # noqa: E402
from . import _packed  # noqa: E402

_DATE_FIELDS = frozenset(
    {Field.MSGQ_DATE, Field.CREATED, Field.UPDATED, Field.EXPIRES, Field.TRANSFERRED, Field.SERVER_DATE}
)


class Message:
    """A reusable message handle: read a frame, then its fields.

    Values come out as `str` (unescaped: references expanded), `bytes`
    (`*_raw`: as written in the frame), `int` and `datetime`. Absent
    fields are `None`.
    """

    def __init__(self) -> None:
        h = ctypes.c_void_p()
        _check(lib.epp_message_new(byref(h)))
        self._h: Optional[int] = h.value
        self._hv = ctypes.c_void_p(h.value)  # for the fast accessors
        self._frame: bytes = b""
        self._base = 0  # the frame's address, to slice spans out of it
        self._ptr = ctypes.c_void_p()
        self._len = c_size_t()
        # Reused by every accessor: building a byref per call costs more
        # than the call into the library.
        self._pp = byref(self._ptr)
        self._pn = byref(self._len)
        self._scratch = ctypes.create_string_buffer(256)
        # For fields(): its arrays, and the frame decoded once per read.
        self._bulk = _bulk.Bulk()
        self._text = None
        # For read_*_fields(): made at the first use.
        self._packed = None

    def close(self) -> None:
        """Frees the handle. Calling it again does nothing."""
        if self._h is not None:
            lib.epp_message_free(self._h)
            self._h = None
            self._hv = ctypes.c_void_p()  # NULL: the ABI checks it
            self._frame = b""

    def __enter__(self) -> "Message":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # at interpreter exit the library may be gone
            pass

    def _handle(self) -> int:
        if self._h is None:
            raise ValueError("epp_codec.Message is closed")
        return self._h

    def _read(self, fn, data: Bytes) -> None:
        h = self._handle()
        frame = data if type(data) is bytes else bytes(data)
        # The handle borrows the frame until the next read: keep it alive.
        self._frame = frame
        self._base = None  # found when first needed (see _frame_base)
        self._text = None
        r = fn(h, frame, len(frame))
        if r == _READ_ERROR:
            raise self._read_error()
        _check(r)

    def _frame_base(self) -> int:
        """The address of the frame (to slice spans out of it): looked up
        once per read, at the first accessor that needs it — the lookup
        costs about a microsecond, which the packed path never pays."""
        base = self._base
        if base is None:
            base = self._base = ctypes.cast(self._frame, ctypes.c_void_p).value or 0
        return base

    def _read_error(self) -> EppError:
        h = self._h
        msg = ""
        if lib.epp_message_error_message(h, self._pp, self._pn) == _OK:
            msg = ctypes.string_at(self._ptr.value, self._len.value).decode("utf-8", "replace")
        return EppError(_READ_ERROR, lib.epp_message_error_code(h), lib.epp_message_error_offset(h), msg)

    def read_command(self, data: Bytes) -> None:
        """Reads `data` (one frame's XML, without the 4-byte header) as a
        command, strictly, as a server must. Raises `EppError` with
        `result == Result.READ_ERROR`, the EPP `code` to answer with and the
        `offset`; `write_error_response` then writes the answer."""
        self._read(lib.epp_message_read_command, data)

    def read_response(self, data: Bytes) -> None:
        """Reads `data` as a response, tolerantly, as a client must."""
        self._read(lib.epp_message_read_response, data)

    def read_command_fields(self, data: Bytes) -> Fields:
        """`read_command(data)` then `fields()`, in one call into the
        library (the fastest way to every value of a command): the values
        come over packed into one buffer, already unescaped. Raises as
        `read_command` does."""
        return _packed.read(self, _packed.read_command, data)

    def read_response_fields(self, data: Bytes) -> Fields:
        """`read_response(data)` then `fields()`, in one call into the
        library (see `read_command_fields`)."""
        return _packed.read(self, _packed.read_response, data)

    def read_greeting(self, data: Bytes) -> None:
        """Reads `data` as a greeting, tolerantly."""
        self._read(lib.epp_message_read_greeting, data)

    @property
    def kind(self) -> Kind:
        """What the handle holds."""
        return Kind(lib.epp_message_kind(self._handle()))

    @property
    def command_kind(self) -> CommandKind:
        """The command of a command message (`CommandKind.NONE` otherwise)."""
        return CommandKind(lib.epp_message_command_kind(self._handle()))

    @property
    def object(self) -> ObjectKind:
        """The object a command acts on."""
        return ObjectKind(lib.epp_message_object(self._handle()))

    @property
    def poll_op(self) -> int:
        """The op of a poll command: 0 none, 1 req, 2 ack."""
        return lib.epp_message_poll_op(self._handle())

    @property
    def transfer_op(self) -> int:
        """The op of a transfer command: 0 none, 1 request, 2 query, 3
        approve, 4 reject, 5 cancel."""
        return lib.epp_message_transfer_op(self._handle())

    def fields(self) -> Fields:
        """Every value of the message at once — its fields, lists, and a
        response's results and check entries — as a `Fields` snapshot of
        `str` values (valid after the next read). The fast path when a
        program reads more than a few values: a handful of library calls in
        all, where the single-value accessors make one call per value.
        Raises `EppError` (`Result.WRONG_KIND`) when the handle holds no
        message."""
        self._handle()
        return _bulk.take(self)

    # -- strings -----------------------------------------------------------

    def _span(self, r: int) -> Optional[bytes]:
        """The span an accessor just stored, copied out of the frame (a
        slice of the bytes object: cheaper than a ctypes copy)."""
        if r != _OK:
            return None
        off, n = (self._ptr.value or 0) - self._frame_base(), self._len.value
        if 0 <= off and off + n <= len(self._frame):
            return self._frame[off : off + n]
        return ctypes.string_at(self._ptr.value, n)

    def _unescaped(self, call) -> Optional[str]:
        for _ in range(2):
            n = c_size_t()
            r = call(self._scratch, len(self._scratch), byref(n))
            if r == _OK:
                return self._scratch.raw[: n.value].decode()
            if r != _BUFFER_TOO_SMALL:
                return None
            self._scratch = ctypes.create_string_buffer(n.value + 1)
        return None

    def field_raw(self, field: int) -> Optional[bytes]:
        """Field `field` (a `Field`) as written in the frame, or None."""
        return self._span(_field(self._hv, field, self._pp, self._pn))

    def field(self, field: int) -> Optional[str]:
        """The value of field `field` (references expanded, line ends
        normalized), or None when the message has no such field."""
        if _field(self._hv, field, self._pp, self._pn):
            return None
        # _span inlined: this is the accessor called most.
        off, n = (self._ptr.value or 0) - self._frame_base(), self._len.value
        frame = self._frame
        raw = frame[off : off + n] if 0 <= off and off + n <= len(frame) else self._span(_OK)
        if b"&" not in raw and b"\r" not in raw:
            return raw.decode()
        h = self._h
        return self._unescaped(lambda b, c, n: lib.epp_message_field_unescaped(h, field, b, c, n))

    def field_datetime_parts(self, field: int) -> Optional[EppDateTime]:
        """Date-time field `field` as the C struct (every part, leap second
        and nanoseconds included), or None when absent. Raises `EppError`
        (`Result.INVALID_VALUE`) when its text is not RFC 3339."""
        d = EppDateTime()
        r = lib.epp_message_field_datetime(self._handle(), field, byref(d))
        if r == Result.ABSENT:
            return None
        _check(r)
        return d

    def field_datetime(self, field: int) -> Optional[_dt.datetime]:
        """Date-time field `field` (`Field.CREATED`, `UPDATED`, `EXPIRES`,
        `TRANSFERRED`, `MSGQ_DATE`, `SERVER_DATE`) as a `datetime`: aware
        when the text gave an offset, naive otherwise; microseconds (the
        nanoseconds truncated); a leap second becomes :59. None when absent."""
        d = self.field_datetime_parts(field)
        if d is None:
            return None
        tz = _dt.timezone(_dt.timedelta(minutes=d.offset_minutes)) if d.has_offset else None
        return _dt.datetime(
            d.year, d.month, d.day, d.hour, d.minute, min(d.second, 59), d.nanosecond // 1000, tzinfo=tz
        )

    def list_len(self, lst: int) -> int:
        """The number of items of list `lst` (a `List`)."""
        return _list_count(self._hv, lst)

    def list_item_raw(self, lst: int, index: int) -> Optional[bytes]:
        """Item `index` of list `lst` as written, or None past the end."""
        return self._span(_list_item(self._hv, lst, c_size_t(index), self._pp, self._pn))

    def list_item(self, lst: int, index: int) -> Optional[str]:
        """The value of item `index` of list `lst`, or None past the end."""
        raw = self.list_item_raw(lst, index)
        if raw is None:
            return None
        if b"&" not in raw and b"\r" not in raw:
            return raw.decode()
        h = self._h
        return self._unescaped(lambda b, c, n: lib.epp_message_list_item_unescaped(h, lst, index, b, c, n))

    def list(self, lst: int) -> list:
        """Every value of list `lst` (`[]` when the message has none)."""
        h, pp, pn, span = self._hv, self._pp, self._pn, self._span
        out = []
        for i in range(_list_count(h, lst)):
            raw = span(_list_item(h, lst, c_size_t(i), pp, pn))
            if raw is not None and b"&" not in raw and b"\r" not in raw:
                out.append(raw.decode())
            else:
                out.append(self.list_item(lst, i))
        return out

    # -- responses ---------------------------------------------------------

    def result_msg_raw(self, index: int) -> Optional[bytes]:
        """The `<msg>` of result `index` as written."""
        return self._span(lib.epp_message_result_msg(self._handle(), index, self._pp, self._pn))

    @property
    def results(self) -> list:
        """Every `<result>` of a response, as `ResultEntry(code, msg)`."""
        h, hv, pp, pn = self._h, self._hv, self._pp, self._pn
        out = []
        code = c_uint16()
        pcode = byref(code)
        for i in range(_result_count(hv)):
            ci = c_size_t(i)
            if _result_code(hv, ci, pcode) != _OK:
                continue
            raw = self._span(_result_msg(hv, ci, pp, pn))
            if raw is not None and (b"&" in raw or b"\r" in raw):
                msg = self._unescaped(lambda b, c, n, i=i: lib.epp_message_result_msg_unescaped(h, i, b, c, n))
            else:
                msg = None if raw is None else raw.decode()
            out.append(ResultEntry(code.value, msg))
        return out

    @property
    def msgq_count(self) -> Optional[int]:
        """The count of a response's `<msgQ>`, or None without one."""
        c = c_uint64()
        if lib.epp_message_msgq_count(self._handle(), byref(c)) != _OK:
            return None
        return c.value

    @property
    def res_data_kind(self) -> int:
        """What the first child of `<resData>` is (`EPP_RES_DATA_KIND_*`)."""
        return lib.epp_message_res_data_kind(self._handle())

    @property
    def res_data_xml(self) -> Optional[str]:
        """The raw XML of the first child of `<resData>`."""
        raw = self._span(lib.epp_message_res_data_xml(self._handle(), self._pp, self._pn))
        return None if raw is None else raw.decode()

    @property
    def checks(self) -> list:
        """Every entry of a check response, as `Check(name, available, reason)`."""
        h = self._handle()
        out = []
        avail = c_bool()
        for i in range(lib.epp_message_check_count(h)):
            name = self._span(lib.epp_message_check_name(h, i, self._pp, self._pn))
            lib.epp_message_check_available(h, i, byref(avail))
            reason = self._span(lib.epp_message_check_reason(h, i, self._pp, self._pn))
            out.append(
                Check((name or b"").decode(), bool(avail.value), None if reason is None else reason.decode())
            )
        return out

    @property
    def extensions(self) -> list:
        """Every element of the message's `<extension>`, as
        `Extension(namespace, xml)`."""
        h = self._handle()
        out = []
        for i in range(lib.epp_message_extension_count(h)):
            ns = self._span(lib.epp_message_extension_namespace(h, i, self._pp, self._pn))
            xml = self._span(lib.epp_message_extension_xml(h, i, self._pp, self._pn))
            out.append(Extension((ns or b"").decode(), (xml or b"").decode()))
        return out

    # -- after a failed read ----------------------------------------------

    @property
    def error_code(self) -> int:
        """After a failed command read: the EPP result code to answer with."""
        return lib.epp_message_error_code(self._handle())

    @property
    def error_offset(self) -> int:
        """After a failed read: the byte offset where the error was found."""
        return lib.epp_message_error_offset(self._handle())

    def write_error_response(self, sv_trid: str, cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
        """The error response answering the failed command read this
        handle holds: result code and text, the offending element in
        `<extValue>` when it can be, and the transaction ids."""
        h = self._handle()
        sv, cl = _str(sv_trid), _str(cl_trid)
        return _write(lambda b, c, n: lib.epp_write_error_response(h, sv, cl, flags, b, c, n))


class Deframer:
    """Splits a byte stream into RFC 5734 frames (4-byte big-endian length,
    header included, then the XML). Iterating yields each complete frame's
    payload as `bytes` (a copy)."""

    def __init__(self, max_frame_len: int = 0) -> None:
        h = ctypes.c_void_p()
        _check(lib.epp_deframer_new(max_frame_len, byref(h)))
        self._h: Optional[int] = h.value

    def close(self) -> None:
        """Frees the deframer. Calling it again does nothing."""
        if self._h is not None:
            lib.epp_deframer_free(self._h)
            self._h = None

    def __enter__(self) -> "Deframer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def _handle(self) -> int:
        if self._h is None:
            raise ValueError("epp_codec.Deframer is closed")
        return self._h

    def _check(self, r: int) -> None:
        """`_check`, raising a `FrameError` with the details of a framing
        error (`epp_deframer_error`)."""
        if r == _OK:
            return
        if r in (_FRAME_INVALID, _FRAME_TOO_LONG):
            h = self._handle()
            fe = EppFrameError()
            if lib.epp_deframer_error(h, byref(fe)) == _OK:
                p, n = ctypes.c_void_p(), c_size_t()
                message = lib.epp_result_str(r).decode()
                if lib.epp_deframer_error_message(h, byref(p), byref(n)) == _OK:
                    message = ctypes.string_at(p.value, n.value).decode("utf-8", "replace")
                raise FrameError(r, fe.kind, fe.length, fe.max, bytes(fe.header), fe.offset, message)
        raise EppError(r)

    def push(self, data: Bytes) -> None:
        """Appends received bytes. Raises `FrameError` (an `EppError`:
        `FRAME_INVALID`, `FRAME_TOO_LONG`) on a bad header, saying what and
        where, and so does every later call; frames before it can still be
        taken out."""
        data = data if type(data) is bytes else bytes(data)
        self._check(lib.epp_deframer_push(self._handle(), data, len(data)))

    def fill(self, stream: io.RawIOBase) -> int:
        """Reads once from `stream` (anything with `readinto`) straight into
        the deframer's buffer and commits what it got; returns the count (0
        at the end of the stream). Raises `FrameError` as `push` does."""
        h = self._handle()
        area, room = POINTER(c_char)(), c_size_t()
        self._check(lib.epp_deframer_read_buf(h, byref(area), byref(room)))
        view = (ctypes.c_char * room.value).from_address(ctypes.addressof(area.contents))
        got = stream.readinto(memoryview(view).cast("B")) or 0
        if got:
            self._check(lib.epp_deframer_commit(h, got))
        return got

    def next(self) -> Optional[bytes]:
        """The next complete frame's payload, or None when none is complete
        yet. Raises `FrameError` once the frames before a bad header are out."""
        p, n = POINTER(c_char)(), c_size_t()
        r = lib.epp_deframer_next(self._handle(), byref(p), byref(n))
        if r == Result.INCOMPLETE:
            return None
        self._check(r)
        return ctypes.string_at(p, n.value)

    def __iter__(self) -> Iterator[bytes]:
        while True:
            frame = self.next()
            if frame is None:
                return
            yield frame

    @property
    def needed(self) -> int:
        """How many more bytes complete the next frame."""
        return lib.epp_deframer_needed(self._handle())


# -- writers ---------------------------------------------------------------


def _str(s: Optional[str]) -> EppStr:
    """An `epp_str` for the call (None or "" is absent). The encoded bytes
    live in the returned struct's `_keep` so ctypes' pointer stays valid."""
    if not s:
        return EppStr(None, 0)
    b = s.encode()
    e = EppStr(b, len(b))
    e._keep = b  # type: ignore[attr-defined]
    return e


def _write(call) -> bytes:
    buf = ctypes.create_string_buffer(1024)
    for _ in range(2):
        n = c_size_t()
        r = call(buf, len(buf), byref(n))
        if r == _OK:
            return buf.raw[: n.value]
        if r != _BUFFER_TOO_SMALL:
            raise EppError(r)
        buf = ctypes.create_string_buffer(n.value)
    raise EppError(_BUFFER_TOO_SMALL)


def write_response(code: int, sv_trid: str, cl_trid: Optional[str] = None, msg: Optional[str] = None, flags: int = 0) -> bytes:
    """A response with one result `code` (1000 to 2999); `msg` None for the
    RFC 5730 text of the code."""
    m, cl, sv = _str(msg), _str(cl_trid), _str(sv_trid)
    return _write(lambda b, c, n: lib.epp_write_response(code, m, cl, sv, flags, b, c, n))


def write_hello(flags: int = 0) -> bytes:
    """`<hello/>`."""
    return _write(lambda b, c, n: lib.epp_write_hello(flags, b, c, n))


def write_logout(cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """`<logout/>`."""
    cl = _str(cl_trid)
    return _write(lambda b, c, n: lib.epp_write_logout(cl, flags, b, c, n))


def write_poll_request(cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """`<poll op="req"/>`."""
    cl = _str(cl_trid)
    return _write(lambda b, c, n: lib.epp_write_poll_request(cl, flags, b, c, n))


def write_poll_ack(message_id: str, cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """`<poll op="ack" msgID="..."/>`."""
    mid, cl = _str(message_id), _str(cl_trid)
    return _write(lambda b, c, n: lib.epp_write_poll_ack(mid, cl, flags, b, c, n))


def write_domain_check(names: Sequence[str], cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """A `<domain:check>` of `names` (1 to 64)."""
    strs = [_str(n) for n in names]
    arr = (EppStr * max(len(strs), 1))(*strs)
    cl = _str(cl_trid)
    return _write(lambda b, c, n: lib.epp_write_domain_check(arr, len(strs), cl, flags, b, c, n))


def write_domain_info(name: str, cl_trid: Optional[str] = None, flags: int = 0) -> bytes:
    """A `<domain:info>` of `name`."""
    nm, cl = _str(name), _str(cl_trid)
    return _write(lambda b, c, n: lib.epp_write_domain_info(nm, cl, flags, b, c, n))
