"""The packed path (`Message.read_command_fields` / `read_response_fields`:
the read and every value in one library call) gives exactly what the read
then `Message.fields()` gives, on every corpus message, and grows its
buffers when a message needs more."""

import os
import re
from pathlib import Path

import pytest

from epp_codec import EppError, Message, Result
from epp_codec import _packed

from conftest import REPO, corpus_dir
from test_bulk import per_field
from test_dump import manifest_paths


def test_header_size_matches_the_header():
    header = Path(os.environ.get("EPP_HEADER", REPO / "include" / "epp.h")).read_text()
    assert _packed.HEADER == int(re.search(r"#define EPP_PACKED_HEADER (\d+)", header).group(1))


def snapshot(f):
    return (f.values, f.lists, f.results, f.checks)


def test_packed_agrees_with_fields_on_the_corpus():
    compared = 0
    with Message() as packed, Message() as m:
        for path in manifest_paths():
            data = (corpus_dir() / path).read_bytes()
            for fast, read in (
                (packed.read_command_fields, m.read_command),
                (packed.read_response_fields, m.read_response),
            ):
                try:
                    read(data)
                except EppError as e:
                    with pytest.raises(EppError) as got:
                        fast(data)
                    assert (got.value.result, got.value.code, got.value.offset) == (e.result, e.code, e.offset)
                    continue
                got = fast(data)
                assert snapshot(got) == snapshot(m.fields()) == snapshot(per_field(m)), path
                # The handle holds the message as after read_*.
                assert snapshot(packed.fields()) == snapshot(got)
                compared += 1
    assert compared > 250


BIG_CHECK = (
    b'<?xml version="1.0" encoding="UTF-8"?><epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>'
    b'<result code="1000"><msg>Fish &amp; chips</msg></result>'
    b'<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">'
    + b"".join(
        b'<domain:cd><domain:name avail="%d">n%d-%s.example</domain:name>%s</domain:cd>'
        % (i % 2, i, b"x" * 40, b"<domain:reason>in use</domain:reason>" if i % 2 == 0 else b"")
        for i in range(300)
    )
    + b"</domain:chkData></resData><trID><svTRID>S-1</svTRID></trID></response></epp>"
)


def test_buffers_grow_for_a_large_message():
    with Message() as m:
        got = m.read_response_fields(BIG_CHECK)
        assert got.results[0].msg == "Fish & chips"
        assert len(got.checks) == 300
        assert got.checks[1] == ("n1-" + "x" * 40 + ".example", True, None)
        assert got.checks[0].reason == "in use" and not got.checks[0].available
        m.read_response(BIG_CHECK)
        assert snapshot(got) == snapshot(m.fields())


def test_closed_handle_and_read_errors():
    m = Message()
    with pytest.raises(EppError) as e:
        m.read_command_fields(b"<epp/>")
    assert e.value.result == Result.READ_ERROR and e.value.code != 0
    m.close()
    with pytest.raises(ValueError):
        m.read_command_fields(b"<epp/>")
