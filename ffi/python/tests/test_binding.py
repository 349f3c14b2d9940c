import datetime as dt
import io
import struct

import pytest

import epp_codec
from epp_codec import CommandKind, Deframer, EppError, Field, Kind, List, Message, ObjectKind, Result

from conftest import DOMAIN_CREATE, DOMAIN_INFO_RESPONSE, corpus_file


def framed(xml: bytes) -> bytes:
    return struct.pack(">I", len(xml) + 4) + xml


def test_version():
    assert "." in epp_codec.version()


def test_domain_info_response():
    with Message() as m:
        m.read_response(corpus_file(DOMAIN_INFO_RESPONSE))
        assert m.kind == Kind.RESPONSE
        assert m.res_data_kind == 2
        assert m.results == [(1000, "Command completed successfully")]
        assert m.field(Field.OBJECT_NAME) == "example.com"
        assert m.field_raw(Field.ROID) == b"EXAMPLE1-REP"
        assert m.field(Field.LOGIN_CLIENT_ID) is None
        assert m.list(List.CONTACT_TYPES) == ["admin", "tech"]
        assert m.list(List.HOSTS) == ["ns1.example.com", "ns2.example.com"]
        assert m.field_datetime(Field.CREATED) == dt.datetime(1999, 4, 3, 22, tzinfo=dt.timezone.utc)
        assert m.field_datetime(Field.MSGQ_DATE) is None
        assert m.msgq_count is None
        assert m.field(Field.SV_TRID) == "54322-XYZ"


def test_command_and_escapes():
    with Message() as m:
        m.read_command(bytearray(corpus_file(DOMAIN_CREATE)))  # copied to bytes
        assert (m.command_kind, m.object) == (CommandKind.CREATE, ObjectKind.DOMAIN)
        assert m.list(List.NAME_SERVERS) == ["ns1.example.net", "ns2.example.net"]
        xml = (
            b'<?xml version="1.0" encoding="UTF-8"?><epp xmlns="urn:ietf:params:xml:ns:epp-1.0">'
            b"<command><logout/><clTRID>A&amp;B&#233;</clTRID></command></epp>"
        )
        m.read_command(xml)
        assert m.field_raw(Field.CL_TRID) == b"A&amp;B&#233;"
        assert m.field(Field.CL_TRID) == "A&B\u00e9"


def test_read_error_and_error_response():
    with Message() as m:
        with pytest.raises(EppError) as info:
            m.read_command(corpus_file(DOMAIN_INFO_RESPONSE))
        e = info.value
        assert e.result == Result.READ_ERROR and e.code == 2001 and e.offset > 0 and e.message
        assert m.kind == Kind.ERROR
        out = m.write_error_response("SV-1", "CL-1", epp_codec.WRITE_FRAMED)
        assert struct.unpack(">I", out[:4])[0] == len(out)
        m.read_response(out[4:])
        assert m.results[0].code == 2001
        assert m.field(Field.CL_TRID) == "CL-1"


def test_writers_round_trip():
    with Message() as m:
        m.read_command(epp_codec.write_hello())
        assert m.command_kind == CommandKind.HELLO
        m.read_command(epp_codec.write_logout("CL-2"))
        assert m.command_kind == CommandKind.LOGOUT
        m.read_command(epp_codec.write_poll_request())
        assert m.poll_op == 1
        m.read_command(epp_codec.write_poll_ack("12345", "CL-3", epp_codec.WRITE_NO_DECLARATION))
        assert (m.poll_op, m.field(Field.POLL_MESSAGE_ID)) == (2, "12345")
        names = ["example.com", "example.net", "a" * 60 + ".org"] * 10
        m.read_command(epp_codec.write_domain_check(names, "CL-4"))  # longer than the first buffer
        assert m.list(List.NAMES) == names
        m.read_command(epp_codec.write_domain_info("example.com"))
        assert m.command_kind == CommandKind.INFO
        m.read_response(epp_codec.write_response(1000, "SV-5", "CL-5"))
        assert m.results == [(1000, "Command completed successfully")]
    with pytest.raises(EppError):
        epp_codec.write_domain_check([])
    with pytest.raises(EppError):
        epp_codec.write_response(1000, "")


def test_deframer():
    stream = framed(corpus_file(DOMAIN_CREATE)) + framed(corpus_file(DOMAIN_INFO_RESPONSE))
    with Deframer() as d:
        frames = []
        for b in stream:
            d.push(bytes([b]))
            frames.extend(d)
        assert [f[:5] for f in frames] == [b"<?xml", b"<?xml"] and d.needed == 4
        r = io.BytesIO(stream)
        got = []
        while d.fill(r):
            got.extend(d)
        assert got == frames
        with pytest.raises(EppError) as info:
            d.push(b"\0\0\0\2")
        assert info.value.result == Result.FRAME_INVALID
    with Deframer(64) as d:
        with pytest.raises(EppError) as info:
            d.push(b"\0\0\1\0")
        assert info.value.result == Result.FRAME_TOO_LONG


def test_closed_handles():
    m = Message()
    m.close()
    m.close()
    with pytest.raises(ValueError):
        m.read_command(b"")
    d = Deframer()
    d.close()
    d.close()
