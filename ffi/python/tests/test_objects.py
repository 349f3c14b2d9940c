"""Contacts, object parts and the command writers through the Python
binding: corpus messages read field by field, and commands written then
read back strictly."""

import pytest

from epp_codec import EppError, Field, List, Message, Result, WRITE_FRAMED
from epp_codec import objects as o

from conftest import corpus_file


def read_back(xml: bytes) -> Message:
    m = Message()
    m.read_command(xml)
    return m


def test_contact_create_command():
    with Message() as m:
        m.read_command(corpus_file("rfc/5733/007-C-s3.2.1.xml"))
        assert o.contact_field(m, o.ContactField.VOICE) == "+1.7035555555"
        assert o.contact_field(m, o.ContactField.VOICE_EXTENSION) == "1234"
        assert o.contact_field(m, o.ContactField.FAX_EXTENSION) is None
        assert o.postal_infos(m) == [
            o.PostalInfo("int", "John Doe", "Example Inc.", ("123 Example Dr.", "Suite 100"), "Dulles", "VA", "20166-6503", "US")
        ]
        assert o.disclose(m) == o.Disclose(voice=True, email=True)


def test_object_parts():
    with Message() as m:
        m.read_command(corpus_file("rfc/5731/009-C-s3.2.1.xml"))
        assert o.period(m) == o.Period(2, o.PeriodUnit.YEARS)
        assert o.name_server_form(m, List.NAME_SERVERS) == o.NameServerForm.HOST_OBJECTS
        m.read_command(corpus_file("instant-epp/request/domain/create_with_host_attr.xml"))
        assert o.name_server_addresses(m, List.NAME_SERVERS, 1) == [
            o.HostAddress("177.232.12.58", o.IpVersion.V4),
            o.HostAddress("2404:6800:4001:801::200e", o.IpVersion.V6),
        ]
        m.read_command(corpus_file("rfc/5732/005-C-s3.2.1.xml"))
        assert [o.address_version(m, List.ADDRESSES, i) for i in range(3)] == [4, 4, 6]
        m.read_response(corpus_file("rfc/5731/016-S-s3.2.4.xml"))
        assert o.object_field(m, o.ObjectField.TRANSFER_STATUS) == "pending"


def test_domain_writers_round_trip():
    xml = o.write_domain_create(
        "example.com",
        "2fooBAR",
        period=o.Period(2),
        name_servers=["ns1.example.net", "ns2.example.net"],
        registrant="jd1234",
        contacts=[o.DomainContact("admin", "sh8013"), o.DomainContact("tech", "sh8014")],
        cl_trid="ABC-1",
    )
    with read_back(xml) as m:
        assert o.period(m) == o.Period(2, o.PeriodUnit.YEARS)
        assert m.list(List.CONTACT_TYPES) == ["admin", "tech"]
    with pytest.raises(EppError) as e:
        o.write_domain_create("example.com", "pw", contacts=[o.DomainContact("boss", "x")])
    assert e.value.result == Result.INVALID_ARGUMENT
    xml = o.write_domain_update(
        "example.com",
        add={"statuses": ["clientHold"], "name_servers": ["ns1.example.net"]},
        remove={"contacts": [o.DomainContact("tech", "sh8013")]},
        new_registrant="",
        new_auth_password="newpw",
        flags=WRITE_FRAMED,
    )
    with read_back(xml[4:]) as m:
        assert m.list(List.STATUSES_ADD) == ["clientHold"]
        assert o.object_field(m, o.ObjectField.NEW_REGISTRANT) == ""
        assert o.object_field(m, o.ObjectField.NEW_AUTH_PASSWORD) == "newpw"
    with read_back(o.write_domain_renew("example.com", "2000-04-03", o.Period(5, o.PeriodUnit.MONTHS))) as m:
        assert o.period(m).unit == o.PeriodUnit.MONTHS
    with read_back(o.write_domain_transfer(1, "example.com", auth_password="2fooBAR")) as m:
        assert m.transfer_op == 1
    with read_back(o.write_domain_delete("example.com")) as m:
        assert m.field(Field.OBJECT_NAME) == "example.com"


def test_host_writers_round_trip():
    with read_back(o.write_host_check(["ns1.example.com", "ns2.example.com"])) as m:
        assert len(m.list(List.NAMES)) == 2
    with read_back(o.write_host_create("ns1.example.com", ["192.0.2.2", "::1"])) as m:
        assert o.address_version(m, List.ADDRESSES, 1) == o.IpVersion.V6
    xml = o.write_host_update(
        "ns1.example.com",
        add={"addresses": ["192.0.2.22"], "statuses": ["clientUpdateProhibited"]},
        remove={"addresses": ["::1"]},
        new_name="ns2.example.com",
    )
    with read_back(xml) as m:
        assert o.object_field(m, o.ObjectField.NEW_NAME) == "ns2.example.com"
        assert m.list(List.ADDRESSES_REMOVE) == ["::1"]
    for write in (o.write_host_info, o.write_host_delete):
        with read_back(write("ns1.example.com")) as m:
            assert m.field(Field.OBJECT_NAME) == "ns1.example.com"
    with pytest.raises(EppError):
        o.write_host_create("ns1.example.com", ["not-an-ip"])


def test_contact_writers_round_trip():
    info = o.PostalInfo("int", "John Doe", "Example & Co.", ("123 Example Dr.", "Suite 100"), "Dulles", "VA", "20166-6503", "US")
    xml = o.write_contact_create(
        "sh8013",
        [info],
        "jdoe@example.com",
        "2fooBAR",
        voice="+1.7035555555",
        voice_extension="1234",
        disclose=o.Disclose(voice=True, email=True),
        cl_trid="ABC-12345",
    )
    with read_back(xml) as m:
        assert o.postal_infos(m) == [info]
        assert o.disclose(m) == o.Disclose(voice=True, email=True)
    xml = o.write_contact_update(
        "sh8013",
        add_statuses=["clientDeleteProhibited"],
        change={"postal": [o.PostalInfo("loc", org="Other")], "email": "new@example.com"},
    )
    with read_back(xml) as m:
        assert o.postal_info_field(m, 0, o.PostalField.ORG) == "Other"
        assert o.postal_info_field(m, 0, o.PostalField.TYPE) == "loc"
        assert o.contact_field(m, o.ContactField.EMAIL) == "new@example.com"
    with read_back(o.write_contact_check(["sh8013", "sah8013"])) as m:
        assert m.list(List.NAMES) == ["sh8013", "sah8013"]
    with read_back(o.write_contact_info("sh8013", "2fooBAR")) as m:
        assert m.field(Field.AUTH_PASSWORD) == "2fooBAR"
    with read_back(o.write_contact_transfer(2, "sh8013")) as m:
        assert m.transfer_op == 2
    with read_back(o.write_contact_delete("sh8013")) as m:
        assert m.field(Field.OBJECT_NAME) == "sh8013"


def test_typed_extensions():
    from epp_codec import ext as x

    with Message() as m:
        m.read_command(corpus_file("ext/examples/5910/004-C-s5.2.1.xml"))
        assert x.ext_kind(m, 0) == x.ExtKind.SEC_DNS_CREATE
        assert x.ext_number(m, 0, x.ExtList.SELF, 0, x.ExtField.MAX_SIG_LIFE) == 604800
        assert x.ext_number(m, 0, x.ExtList.DS_DATA, 0, x.ExtField.KEY_TAG) == 12345
        assert x.ext_string(m, 0, x.ExtList.DS_DATA, 0, x.ExtField.DIGEST) == "49FD46E6C4B45C55D4AC"
        assert x.ext_string(m, 0, x.ExtList.DS_DATA, 0, x.ExtField.KEY_TAG) is None
        assert x.ext_kind(m, 1) == x.ExtKind.NONE
