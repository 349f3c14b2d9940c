"""Loads libepp and declares the C ABI's functions (include/epp.h) for ctypes."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from ctypes import POINTER, c_bool, c_char, c_char_p, c_int16, c_size_t, c_uint8, c_uint16, c_uint32, c_uint64, c_void_p
from pathlib import Path

_NAMES = {"darwin": "libepp.dylib", "win32": "epp.dll"}


def _candidates() -> list[str]:
    """Where the library may be, in the order tried."""
    env = os.environ.get("EPP_LIB")
    if env:
        return [env]
    name = _NAMES.get(sys.platform, "libepp.so")
    here = Path(__file__).resolve().parent
    found = [str(here / name)]
    # An editable install from the repository: ffi/python/src/epp_codec -> target/release.
    for parent in here.parents:
        candidate = parent / "target" / "release" / name
        if candidate.exists():
            found.append(str(candidate))
            break
    system = ctypes.util.find_library("epp")
    if system:
        found.append(system)
    found.append(name)
    return found


def _load() -> ctypes.CDLL:
    errors = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            errors.append(f"{path}: not found")
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append(f"{path}: {e}")
    raise ImportError("epp_codec: cannot load libepp (set EPP_LIB): " + "; ".join(errors))


lib = _load()


class EppStr(ctypes.Structure):
    """`epp_str`: a borrowed UTF-8 string passed into the library."""

    _fields_ = [("ptr", c_char_p), ("len", c_size_t)]


class EppDateTime(ctypes.Structure):
    """`epp_datetime`: a date-time field, field by field."""

    _fields_ = [
        ("year", c_uint16),
        ("month", c_uint8),
        ("day", c_uint8),
        ("hour", c_uint8),
        ("minute", c_uint8),
        ("second", c_uint8),
        ("has_offset", c_bool),
        ("nanosecond", c_uint32),
        ("offset_minutes", c_int16),
    ]


class EppFrameError(ctypes.Structure):
    """`epp_frame_error`: the frame header a deframer refused, and where."""

    _fields_ = [
        ("kind", c_uint32),
        ("length", c_uint32),
        ("max", c_uint32),
        ("header", c_uint8 * 4),
        ("offset", c_uint64),
    ]


handle = c_void_p
res = c_uint32
cstr_out = POINTER(c_void_p)  # addresses: sliced out of the frame in Python
size_out = POINTER(c_size_t)
frame_in = c_char_p  # bytes are passed without a copy
buf_out = c_char_p  # a ctypes string buffer

_SIGNATURES = {
    "epp_version": (c_char_p, []),
    "epp_result_str": (c_char_p, [c_uint32]),
    "epp_deframer_new": (res, [c_uint32, POINTER(handle)]),
    "epp_deframer_free": (None, [handle]),
    "epp_deframer_push": (res, [handle, frame_in, c_size_t]),
    "epp_deframer_read_buf": (res, [handle, POINTER(POINTER(c_char)), size_out]),
    "epp_deframer_commit": (res, [handle, c_size_t]),
    "epp_deframer_next": (res, [handle, POINTER(POINTER(c_char)), size_out]),
    "epp_deframer_needed": (c_size_t, [handle]),
    "epp_deframer_error": (res, [handle, POINTER(EppFrameError)]),
    "epp_deframer_error_message": (res, [handle, cstr_out, size_out]),
    "epp_message_new": (res, [POINTER(handle)]),
    "epp_message_free": (None, [handle]),
    "epp_message_read_command": (res, [handle, frame_in, c_size_t]),
    "epp_message_read_response": (res, [handle, frame_in, c_size_t]),
    "epp_message_read_greeting": (res, [handle, frame_in, c_size_t]),
    "epp_message_kind": (c_uint32, [handle]),
    "epp_message_command_kind": (c_uint32, [handle]),
    "epp_message_object": (c_uint32, [handle]),
    "epp_message_poll_op": (c_uint32, [handle]),
    "epp_message_transfer_op": (c_uint32, [handle]),
    "epp_message_field": (res, [handle, c_uint32, cstr_out, size_out]),
    "epp_message_field_unescaped": (res, [handle, c_uint32, buf_out, c_size_t, size_out]),
    "epp_message_field_datetime": (res, [handle, c_uint32, POINTER(EppDateTime)]),
    "epp_message_list_count": (c_size_t, [handle, c_uint32]),
    "epp_message_list_item": (res, [handle, c_uint32, c_size_t, cstr_out, size_out]),
    "epp_message_list_item_unescaped": (res, [handle, c_uint32, c_size_t, buf_out, c_size_t, size_out]),
    "epp_message_result_count": (c_size_t, [handle]),
    "epp_message_result_code": (res, [handle, c_size_t, POINTER(c_uint16)]),
    "epp_message_result_msg": (res, [handle, c_size_t, cstr_out, size_out]),
    "epp_message_result_msg_unescaped": (res, [handle, c_size_t, buf_out, c_size_t, size_out]),
    "epp_message_msgq_count": (res, [handle, POINTER(c_uint64)]),
    "epp_message_res_data_kind": (c_uint32, [handle]),
    "epp_message_res_data_xml": (res, [handle, cstr_out, size_out]),
    "epp_message_check_count": (c_size_t, [handle]),
    "epp_message_check_name": (res, [handle, c_size_t, cstr_out, size_out]),
    "epp_message_check_available": (res, [handle, c_size_t, POINTER(c_bool)]),
    "epp_message_check_reason": (res, [handle, c_size_t, cstr_out, size_out]),
    "epp_message_extension_count": (c_size_t, [handle]),
    "epp_message_extension_namespace": (res, [handle, c_size_t, cstr_out, size_out]),
    "epp_message_extension_xml": (res, [handle, c_size_t, cstr_out, size_out]),
    "epp_message_fields": (res, [handle, c_void_p, c_size_t, size_out]),
    "epp_message_lists": (res, [handle, c_void_p, c_size_t, c_void_p, c_size_t, size_out]),
    "epp_message_results": (res, [handle, c_void_p, c_size_t, size_out]),
    "epp_message_checks": (res, [handle, c_void_p, c_size_t, size_out]),
    "epp_message_bulk": (res, [handle, c_void_p]),
    "epp_message_error_code": (c_uint16, [handle]),
    "epp_message_error_offset": (c_size_t, [handle]),
    "epp_message_error_message": (res, [handle, cstr_out, size_out]),
    "epp_write_error_response": (res, [handle, EppStr, EppStr, c_uint32, buf_out, c_size_t, size_out]),
    "epp_write_response": (res, [c_uint16, EppStr, EppStr, EppStr, c_uint32, buf_out, c_size_t, size_out]),
    "epp_write_hello": (res, [c_uint32, buf_out, c_size_t, size_out]),
    "epp_write_login": (
        res,
        [EppStr, EppStr, EppStr, EppStr, POINTER(EppStr), c_size_t, POINTER(EppStr), c_size_t, EppStr, c_uint32, buf_out, c_size_t, size_out],
    ),
    "epp_write_logout": (res, [EppStr, c_uint32, buf_out, c_size_t, size_out]),
    "epp_write_poll_request": (res, [EppStr, c_uint32, buf_out, c_size_t, size_out]),
    "epp_write_poll_ack": (res, [EppStr, EppStr, c_uint32, buf_out, c_size_t, size_out]),
    "epp_write_domain_check": (res, [POINTER(EppStr), c_size_t, EppStr, c_uint32, buf_out, c_size_t, size_out]),
    "epp_write_domain_info": (res, [EppStr, EppStr, c_uint32, buf_out, c_size_t, size_out]),
}

for _name, (_restype, _argtypes) in _SIGNATURES.items():
    _fn = getattr(lib, _name)
    _fn.restype = _restype
    _fn.argtypes = _argtypes

# The hot accessors again, from a second handle on the same library with
# no argtypes: ctypes' per-argument conversion costs more than the call
# into the library (0.9 µs against 0.3 µs per field on the benchmark
# machine). Callers pass exactly the C types: the handle as a c_void_p,
# uint32 arguments as Python ints, size_t ones as c_size_t, out-pointers
# through byref.
fast = ctypes.CDLL(lib._name)
for _name in (
    "epp_message_field",
    "epp_message_list_item",
    "epp_message_result_code",
    "epp_message_result_msg",
):
    getattr(fast, _name).restype = res
fast.epp_message_list_count.restype = c_size_t
# The bulk accessors (epp_codec._bulk), called the same way: arrays of
# uint32 for the spans, c_size_t for the capacities.
for _name in (
    "epp_message_fields",
    "epp_message_lists",
    "epp_message_results",
    "epp_message_checks",
    "epp_message_bulk",
    # The packed calls (epp_codec._packed): the handle, the frame as bytes,
    # its length as c_size_t, the epp_packed struct through byref.
    "epp_message_packed",
    "epp_message_read_command_packed",
    "epp_message_read_response_packed",
    # The same values as one Python marshal object (same arguments).
    "epp_message_pymarshal",
    "epp_message_read_command_pymarshal",
    "epp_message_read_response_pymarshal",
):
    getattr(fast, _name).restype = res
fast.epp_message_result_count.restype = c_size_t
