"""A refused frame header raises `FrameError`: what was wrong and where."""

import io
import struct

import pytest

from epp_codec import Deframer, EppError, FrameError, FrameErrorKind, Result


def framed(xml: bytes) -> bytes:
    return struct.pack(">I", len(xml) + 4) + xml


def test_unframed_text_is_shown_with_its_offset():
    first = framed(b"<epp><greeting/></epp>")
    at = len(first)
    with Deframer() as d:
        with pytest.raises(FrameError) as info:
            d.push(first + b"Session limit exceeded\r\n")
        e = info.value
        assert isinstance(e, EppError)
        assert e.result == Result.FRAME_INVALID
        assert e.kind == FrameErrorKind.UNFRAMED_TEXT
        assert e.header == b"Sess"
        assert e.length == struct.unpack(">I", b"Sess")[0]
        assert e.max == 1 << 20
        assert e.offset == at
        want = f'peer sent text without an EPP frame header: "Sess\u2026", at stream offset {at}'
        assert e.message == want and str(e) == want
        # The frame before the text comes out, then the same error.
        assert d.next() == b"<epp><greeting/></epp>"
        with pytest.raises(FrameError) as again:
            d.next()
        assert (again.value.kind, again.value.offset, str(again.value)) == (e.kind, at, want)


def test_length_errors_name_the_length_the_limit_and_the_offset():
    stream = framed(b"<a/>") + framed(b"x" * 60)
    at = len(stream)
    with Deframer(64) as d:
        r = io.BytesIO(stream + struct.pack(">I", 1000) + b"<epp>")
        with pytest.raises(FrameError) as info:
            while d.fill(r):
                pass
        e = info.value
        assert e.result == Result.FRAME_TOO_LONG
        assert (e.kind, e.length, e.max, e.header, e.offset) == (
            FrameErrorKind.LENGTH_TOO_LARGE,
            1000,
            64,
            b"\0\0\x03\xe8",
            at,
        )
        assert str(e) == (
            "EPP frame header announces a total length of 1000 octets, "
            f"above the limit of 64, at stream offset {at}"
        )
    with Deframer() as d:
        stream = framed(b"<b/>") + b"\0\0\0\2"
        with pytest.raises(FrameError) as info:
            for b in stream:
                d.push(bytes([b]))
        e = info.value
        assert e.result == Result.FRAME_INVALID
        assert (e.kind, e.length, e.max, e.header, e.offset) == (
            FrameErrorKind.LENGTH_TOO_SMALL,
            2,
            1 << 20,
            b"\0\0\0\2",
            8,
        )
        assert "at stream offset 8" in str(e)

