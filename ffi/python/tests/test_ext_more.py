"""The typed extension wrappers of epp_codec.ext_more over corpus messages."""

from conftest import corpus_file

from epp_codec import Message
from epp_codec import ext_more as xm
from epp_codec.ext import EXT_INDEX_DATA, ExtKind


def read(rel: str, command: bool = False) -> Message:
    m = Message()
    (m.read_command if command else m.read_response)(corpus_file(rel))
    return m


def test_fee_check_commands():
    with read("ext/examples/8748/004-S-s5.1.1.xml") as m:
        cmds = xm.fee_check_commands(m, 0)
        assert cmds is not None and len(cmds) >= 5
        c = cmds[0]
        assert (c.item, c.name, c.period, c.period_unit, c.fee_class) == (0, "create", 2, "y", None)
        assert c.fees == [xm.FeeAmount("10.00", "Registration Fee", None, True, "P5D", None)]
        assert cmds[-1].item == 2 and cmds[-1].reason.startswith("Only 1 year")
        assert xm.fee_check_commands(m, 1) is None


def test_launch_create():
    with read("ext/examples/8334/012-C-s3.3.1.xml", True) as m:
        d = xm.launch_create(m, 0)
        assert d is not None and len(d.code_marks) == 3
        assert d.code_marks[0][1] == "sample1" and d.code_marks[0][0].strip() == "49FD46E6C4B45C55D4AC"
        assert d.code_marks[1][1] is None
        assert d.create_type is None and d.marks == []
    with read("ext/examples/8334/017-C-s3.3.2.xml", True) as m:
        d = xm.launch_create(m, 0)
        assert [n[1] for n in d.notices] == ["tmch", "custom-tmch"]
    with read("ext/examples/8334/018-C-s3.3.3.xml", True) as m:
        assert xm.launch_create(m, 0).create_type == "application"


def test_change_poll():
    with read("ext/examples/8590/001-S-s3.1.2.xml") as m:
        c = xm.change_poll(m, 0)
        assert c == xm.ChangePoll(
            "before", "update", None, "2013-10-22T14:25:57.0Z", "12345-XYZ",
            "URS Admin", "urs123", "urs", None, "URS Lock", None,
        )
        assert xm.addl_email(m, 0) is None


def test_verisign():
    with read("instant-epp/response/poll/poll_low_balance.xml") as m:
        v = xm.verisign(m, EXT_INDEX_DATA)
        assert v.kind == ExtKind.VERISIGN_LOW_BALANCE
        assert (v.registrar_name, v.credit_limit, v.credit_threshold, v.threshold_type, v.available_credit) == (
            "Foobar, Inc.",
            "0",
            "500",
            "FIXED",
            "491.31",
        )
    with read("instant-epp/response/poll/poll_rgp_restore.xml") as m:
        v = xm.verisign(m, EXT_INDEX_DATA)
        assert (v.name, v.rgp_status, v.request_date) == ("EXAMPLE.COM", "pendingRestore", "2024-05-22T21:17:58Z")
    with read("instant-epp/request/extensions/consolidate.xml", True) as m:
        assert xm.verisign(m, 0).exp_month_day == "--05-31"
    with read("instant-epp/response/extensions/namestore.xml") as m:
        assert any((v := xm.verisign(m, i)) and v.sub_product == "com" for i in range(len(m.extensions)))


def test_maintenance():
    with read("ext/examples/9167/002-S-s4.1.1.1.xml") as m:
        d = xm.maintenance(m)
        assert d.kind == ExtKind.MAINTENANCE_ITEM and not d.is_list
        it = d.item
        assert it.id == "2e6df9b0-4092-4491-bcc8-9fb2166dcee6"
        assert (it.environment, it.start, it.reason) == ("production", "2021-12-30T06:00:00Z", "planned")
        assert it.connection is False
        assert it.types == [("Routine Maintenance", "en")]
        assert it.systems == [("EPP", "epp.registry.example", "full")]
        assert len(it.descriptions) == 2 and it.tlds == ["example", "test"]
    with read("ext/examples/9167/004-S-s4.1.1.2.xml") as m:
        d = xm.maintenance(m)
        assert d.is_list and len(d.items) == 2 and d.items[0].id
    with read("ext/examples/9167/001-C-s4.1.1.1.xml", True) as m:
        d = xm.maintenance(m)
        assert d.kind == ExtKind.MAINTENANCE_INFO and d.item.id
    with read("ext/examples/8590/001-S-s3.1.2.xml") as m:
        assert xm.maintenance(m) is None


def test_bundling():
    with read("ext/examples/9095/002-S-s6.1.2.xml") as m:
        b = xm.bundling(m, 0)
        assert b.data == "infData" and b.rdn == ("xn--fsq270a.example", "实例.example")
        assert b.names == [("xn--fsqz41a.example", "實例.example")]


def launch_create_with(marks: str) -> bytes:
    return (
        '<epp xmlns="urn:ietf:params:xml:ns:epp-1.0"><command><create>'
        '<domain:create xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"><domain:name>example.test</domain:name>'
        "<domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo></domain:create></create><extension>"
        '<launch:create xmlns:launch="urn:ietf:params:xml:ns:launch-1.0"><launch:phase>sunrise</launch:phase>'
        + marks
        + "</launch:create></extension><clTRID>ABC-12345</clTRID></command></epp>"
    ).encode()


def test_mark_records():
    smd = corpus_file("ext/examples/7848/001-D-s2.3.xml").decode()
    signed = smd[smd.index("<smd:signedMark") :].strip()
    mark = signed[signed.index("<mark:mark") :]
    mark = mark[: mark.index("</mark:mark>") + len("</mark:mark>")]
    code = f'<launch:codeMark><launch:code validatorID="v1">ABC-1</launch:code>{mark}</launch:codeMark>'
    for marks in (code, signed):
        with Message() as m:
            m.read_command(launch_create_with(marks))
            d = xm.launch_create(m, 0)
            assert len(d.marks) == 1
            r = d.marks[0]
            assert (r.kind, r.name, r.holder_org, r.registration_number) == (
                "trademark",
                "Test & Validate",
                "Ag corporation",
                "1234",
            )
            assert len(r.labels) == 10 and r.classes == ["15"]
            assert [p.holder for p in r.parties] == [True, False]
            assert r.parties[0].role == "owner" and r.parties[1].name == "Tony Holland"
            if marks is signed:
                assert d.signed_marks[0][0].startswith("<smd:signedMark")
                assert d.signed_marks[0][1] == "0000001751376056503931-65535"
            else:
                assert d.code_marks == [("ABC-1", "v1")]
