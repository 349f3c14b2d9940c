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


def test_marshal_is_in_use_and_both_layouts_agree():
    """This Python reads the library's marshal object (so `read_*_fields`
    takes that path), and the NUL-separated layout, the fallback, gives the
    same values for every corpus message."""
    from epp_codec._lib import fast

    assert _packed.MARSHAL
    compared = 0
    with Message() as m:
        for path in manifest_paths():
            data = (corpus_dir() / path).read_bytes()
            for read in (m.read_command, m.read_response, m.read_greeting):
                try:
                    read(data)
                except EppError:
                    continue
                p = m._packed or _packed.Packed()
                m._packed = p
                layouts = []
                for call, unpack in (
                    (fast.epp_message_pymarshal, _packed.unmarshal),
                    (fast.epp_message_packed, _packed.unpack),
                ):
                    r = call(m._hv, p.ref)
                    while r == 10:  # BUFFER_TOO_SMALL: grow as read_*_fields does
                        p.grow()
                        r = call(m._hv, p.ref)
                    assert r == 0, (path, r)
                    layouts.append(snapshot(unpack(p)))
                assert layouts[0] == layouts[1], path
                values, lists, results, checks = layouts[0]
                assert len(values) == 27 and len(lists) == 21
                assert all(v is None or type(v) is str for v in values)
                assert all(type(s) is str for lst in lists for s in lst)
                assert all(type(r).__name__ == "ResultEntry" for r in results)
                assert all(type(c).__name__ == "Check" and type(c.available) is bool for c in checks)
                compared += 1
    assert compared > 280


def test_non_ascii_values_come_through_marshal():
    data = (
        '<?xml version="1.0" encoding="UTF-8"?><epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>'
        '<result code="1000"><msg lang="de">Befehl erfolgreich ausgeführt</msg></result>'
        "<trID><clTRID>Ä&amp;Ö</clTRID><svTRID>S-€</svTRID></trID></response></epp>"
    ).encode()
    with Message() as m:
        got = m.read_response_fields(data)
        assert got.results == [(1000, "Befehl erfolgreich ausgeführt")]
        assert "Ä&Ö" in got.values and "S-€" in got.values
        m.read_response(data)
        assert snapshot(got) == snapshot(m.fields())
