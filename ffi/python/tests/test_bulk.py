"""The bulk path (`Message.fields()`) agrees with the single-value
accessors on every value of every corpus message, read each way."""

import os
import re
from pathlib import Path

import pytest

from epp_codec import EppError, Field, Fields, List, Lists, Message, Result, Values
from epp_codec import _bulk

from conftest import DOMAIN_CREATE, DOMAIN_INFO_RESPONSE, REPO, corpus_dir, corpus_file
from test_dump import manifest_paths


def per_field(m: Message) -> Fields:
    values = [m.field(f) for f in range(_bulk.FIELD_COUNT)]
    lists = [m.list(l) for l in range(_bulk.LIST_COUNT)]
    response = m.kind == 2
    return Fields(values, lists, m.results if response else [], m.checks if response else [])


def test_counts_match_the_header():
    header = Path(os.environ.get("EPP_HEADER", REPO / "include" / "epp.h")).read_text()
    last_field = int(re.search(r"#define EPP_FIELD_LAST (\d+)", header).group(1))
    last_list = int(re.search(r"#define EPP_LIST_LAST (\d+)", header).group(1))
    assert _bulk.FIELD_COUNT == last_field + 1 == len(Field)
    assert _bulk.LIST_COUNT == last_list + 1 == len(List)


def test_values_and_lists_are_named_as_field_and_list():
    assert Values._fields == tuple(f.name.lower() for f in Field)
    assert Lists._fields == tuple(l.name.lower() for l in List)
    assert [int(f) for f in Field] == list(range(len(Field)))
    assert [int(l) for l in List] == list(range(len(List)))
    # The constructor takes any sequences and gives tuples.
    f = Fields([None] * len(Field), [["a"]] + [[]] * (len(List) - 1), [], [])
    assert type(f.values) is Values and type(f.lists) is Lists
    assert f.lists.names == ("a",) and f.lists.hosts == ()


def test_fields_agree_with_single_values_on_the_corpus():
    compared = 0
    with Message() as m:
        for path in manifest_paths():
            data = (corpus_dir() / path).read_bytes()
            for read in (m.read_command, m.read_response, m.read_greeting):
                try:
                    read(data)
                except EppError:
                    with pytest.raises(EppError) as e:
                        m.fields()
                    assert e.value.result == Result.WRONG_KIND
                    continue
                bulk, want = m.fields(), per_field(m)
                assert (bulk.values, bulk.lists, bulk.results, bulk.checks) == (
                    want.values,
                    want.lists,
                    want.results,
                    want.checks,
                ), path
                compared += 1
    assert compared >= 250


def test_fields_of_the_info_response():
    with Message() as m:
        with pytest.raises(EppError):
            m.fields()
        m.read_response(corpus_file(DOMAIN_INFO_RESPONSE))
        f = m.fields()
        assert f.field(Field.OBJECT_NAME) == "example.com"
        assert f.values[Field.LOGIN_CLIENT_ID] is None
        assert f.list(List.CONTACT_TYPES) == ("admin", "tech")
        # By name: the same values, the Values and Lists being tuples.
        assert f.values.object_name == "example.com" and f.values.login_client_id is None
        assert f.lists.contact_types == ("admin", "tech") and f.lists.names == ()
        assert f.values[Field.ROID] == f.values.roid == "EXAMPLE1-REP"
        assert f.results[0].code == 1000 and f.results[0].msg == "Command completed successfully"
        assert f.checks == []
        m.read_command(corpus_file(DOMAIN_CREATE))
        # A snapshot: still valid after the next read.
        assert f.field(Field.CL_TRID) == "ABC-12345"
        assert m.fields().results == []


def test_escapes_detached_values_non_ascii_and_growth():
    resp = (
        '<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><response>'
        '<result code="1000"><msg>Fish &amp; chips — ok</msg></result>'
        '<resData><domain:chkData xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">'
        '<domain:cd><domain:name avail="1">é.example</domain:name></domain:cd>'
        '<domain:cd><domain:name avail="0">b.example</domain:name><domain:reason>In use</domain:reason></domain:cd>'
        "</domain:chkData></resData>"
        "<trID><clTRID>A&lt;B-ü</clTRID><svTRID>S-1</svTRID></trID></response></epp>"
    ).encode()
    with Message() as m:
        m.read_response(resp)
        f = m.fields()
        assert f.field(Field.CL_TRID) == "A<B-ü"
        assert f.field(Field.SV_TRID) == "S-1"
        assert f.results[0].msg == "Fish & chips — ok"
        assert [(c.name, c.available, c.reason) for c in f.checks] == [
            ("é.example", True, None),
            ("b.example", False, "In use"),
        ]
        m.read_command(corpus_file("rfc/5732/009-C-s3.2.5.xml"))
        assert m.fields().list(List.STATUSES_ADD) == ("clientUpdateProhibited",)
        names = [f"n{i}.example" for i in range(64)]
        check = (
            '<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><check>'
            '<domain:check xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">'
            + "".join(f"<domain:name>{n}</domain:name>" for n in names)
            + "</domain:check></check><clTRID>ABC-1</clTRID></command></epp>"
        )
        m.read_command(check.encode())
        assert m.fields().list(List.NAMES) == tuple(names)
