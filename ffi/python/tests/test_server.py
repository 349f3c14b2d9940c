"""The server writers through the Python binding, read back with the
tolerant reader."""

import pytest

from epp_codec import EppError, Field, List, Message, WRITE_FRAMED
from epp_codec import details as d
from epp_codec import objects as o
from epp_codec import server as s

OK = s.ResponseIn(results=[s.ResultIn(1000)], sv_trid="SRV-1", cl_trid="ABC-1")
DATE = "2026-01-01T00:00:00Z"


def read(xml: bytes) -> Message:
    m = Message()
    m.read_response(xml)
    return m


def test_full_response_round_trips():
    r = s.ResponseIn(
        results=[
            s.ResultIn(2004, values=['<obj:e xmlns:obj="urn:example:obj">25</obj:e>']),
            s.ResultIn(
                2005,
                msg="Erreur",
                lang="fr",
                ext_values=[s.ExtValueIn('<obj:f xmlns:obj="urn:example:obj">x</obj:f>', "a & b", "fr")],
            ),
        ],
        sv_trid="SRV-1",
        msgq=s.MsgQIn(4, "12", DATE, "hello", "fr"),
        extensions=['<ex:x xmlns:ex="urn:example:ext"/>'],
    )
    with read(s.write_response_full(r)) as m:
        assert [x.code for x in m.results] == [2004, 2005]
        assert d.result_msg_lang(m, 1) == "fr"
        assert len(d.result_values(m, 0)) == 1
        assert d.result_ext_values(m, 1)[0].reason == "a & b"
        assert m.msgq_count == 4
        assert d.msgq_lang(m) == "fr"
        assert m.field(Field.MSGQ_ID) == "12"
        assert len(m.extensions) == 1
    with pytest.raises(EppError):
        s.write_response_full(s.ResponseIn([s.ResultIn(2004, values=["<a><b></a>"])], "S"))


def test_res_data_writers_round_trip():
    items = [s.CheckResultIn("example.com", True), s.CheckResultIn("example.net", False, "In use", "en")]
    for obj in (s.OBJECT_DOMAIN, s.OBJECT_HOST, s.OBJECT_CONTACT):
        with read(s.write_check_response(OK, obj, items)) as m:
            assert [c.name for c in m.checks] == ["example.com", "example.net"]
            assert d.check_reason_lang(m, 1) == "en"
        expires = DATE if obj == s.OBJECT_DOMAIN else None
        with read(s.write_create_response(OK, obj, "x1", DATE, expires)) as m:
            assert m.field(Field.OBJECT_NAME) == "x1"
        with read(s.write_pending_response(OK, obj, s.PendingIn("x1", True, "S-9", DATE))) as m:
            assert m.field(Field.OBJECT_NAME) == "x1"
    with read(s.write_domain_renew_response(OK, "example.com", DATE, flags=WRITE_FRAMED)[4:]) as m:
        assert m.field(Field.EXPIRES) == DATE
    t = s.TransferIn("c1", "pending", "A", DATE, "B", DATE)
    with read(s.write_transfer_response(OK, s.OBJECT_CONTACT, t)) as m:
        assert m.field(Field.OBJECT_NAME) == "c1"
    info = s.ObjectInfoIn("example.com", "D1-REP", "ClientX", ["ok"], "ClientY", DATE)
    xml = s.write_domain_info_response(
        OK, info, registrant="jd1", contacts=[o.DomainContact("admin", "sh8013")], name_servers=["ns1.example.com"]
    )
    with read(xml) as m:
        assert m.field(Field.ROID) == "D1-REP"
        assert m.list_len(List.CONTACTS) == 1
    with read(s.write_host_info_response(OK, info._replace(name="ns1.example.com"), ["192.0.2.1"])) as m:
        assert m.list_len(List.ADDRESSES) == 1
    postal = [o.PostalInfo("int", "John", None, ["1 Main St"], "Dulles", None, None, "US")]
    with read(s.write_contact_info_response(OK, info._replace(name="c1"), postal, "j@example.com")) as m:
        assert m.field(Field.EMAIL) == "j@example.com"


def test_greeting_round_trips():
    xml = s.write_greeting(
        "Example",
        DATE,
        ["1.0"],
        ["en", "fr"],
        ["urn:ietf:params:xml:ns:domain-1.0"],
        d.DcpAccess.PERSONAL,
        [s.DcpStatementIn(d.PURPOSE_ADMIN, d.RECIPIENT_OURS, d.DcpRetention.LEGAL, ["Resellers"])],
        expiry_kind=d.DcpExpiryKind.RELATIVE,
        expiry="P1M",
    )
    with Message() as m:
        m.read_greeting(xml)
        assert d.dcp_access(m) == d.DcpAccess.PERSONAL
        (st,) = d.dcp_statements(m)
        assert st.descriptions == ["Resellers"] and st.retention == d.DcpRetention.LEGAL
        assert d.dcp_expiry(m) == (d.DcpExpiryKind.RELATIVE, "P1M")
        assert m.list_len(List.GREETING_LANGS) == 2


def test_command_extensions_round_trip():
    create = o.write_domain_create("example.com", auth_password="2fooBAR", cl_trid="ABC-1")
    token = (
        '<allocationToken:allocationToken xmlns:allocationToken="urn:ietf:params:xml:ns:allocationToken-1.0">'
        "abc</allocationToken:allocationToken>"
    )
    xml = s.write_command_with_extensions(create, [token], [s.DsDataIn(12345, 3, 1, "49FD46E6C4B45C55D4AC")])
    with Message() as m:
        m.read_command(xml)
        assert [e.namespace for e in m.extensions] == [
            "urn:ietf:params:xml:ns:allocationToken-1.0",
            "urn:ietf:params:xml:ns:secDNS-1.1",
        ]
    with pytest.raises(EppError):
        s.write_command_with_extensions(create, ["<a:b/>"])


def test_host_attribute_writers_round_trip():
    hosts = [s.HostAttrIn("ns1.example.com", ["192.0.2.2", "2001:db8::1"]), s.HostAttrIn("ns2.example.net")]
    with Message() as m:
        m.read_command(s.write_domain_create_host_attrs("example.com", "2fooBAR", hosts, cl_trid="ABC-1"))
        assert o.name_server_form(m, List.NAME_SERVERS) == o.NameServerForm.HOST_ATTRIBUTES
        addrs = o.name_server_addresses(m, List.NAME_SERVERS, 0)
        assert [a.address for a in addrs] == ["192.0.2.2", "2001:db8::1"]
        xml = s.write_domain_update_host_attrs(
            "example.com", hosts[:1], hosts[1:], add={"statuses": ["clientHold"]}, cl_trid="ABC-2"
        )
        m.read_command(xml)
        assert m.list_len(List.NAME_SERVERS_ADD) == 1
        assert m.list_len(List.NAME_SERVERS_REMOVE) == 1
        assert m.list_len(List.STATUSES_ADD) == 1
