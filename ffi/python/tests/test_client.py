"""The session helpers: the login writer and `Client` over a socket pair."""

import socket
import struct
import threading

import pytest

import epp_codec as epp
from epp_codec import CommandKind, EppError, Field, Kind, List, Message, Result
from epp_codec.client import MAX_LOGIN_URIS, Client, write_login

from conftest import DOMAIN_INFO_RESPONSE, corpus_file


def framed(xml: bytes) -> bytes:
    return struct.pack(">I", len(xml) + 4) + xml


def test_login_round_trip():
    objects = ["urn:ietf:params:xml:ns:domain-1.0", "urn:ietf:params:xml:ns:host-1.0"]
    out = write_login(
        "ClientX", "foo&BAR2", objects, ["urn:ietf:params:xml:ns:secDNS-1.1"],
        new_password="bar-FOO2", lang="fr", cl_trid="ABC-12345",
    )
    with Message() as m:
        m.read_command(out)
        assert m.command_kind == CommandKind.LOGIN
        assert m.field(Field.LOGIN_CLIENT_ID) == "ClientX"
        assert m.field(Field.LOGIN_PASSWORD) == "foo&BAR2"
        assert m.field(Field.LOGIN_NEW_PASSWORD) == "bar-FOO2"
        assert m.field(Field.LOGIN_LANG) == "fr"
        assert m.field(Field.CL_TRID) == "ABC-12345"
        assert m.list(List.LOGIN_OBJECT_URIS) == objects
        assert m.list(List.LOGIN_EXTENSION_URIS) == ["urn:ietf:params:xml:ns:secDNS-1.1"]
    framed_out = write_login("ClientX", "foo-BAR2", objects, flags=epp.WRITE_FRAMED)
    assert struct.unpack(">I", framed_out[:4])[0] == len(framed_out)


@pytest.mark.parametrize("objects", [[], ["urn:x"] * (MAX_LOGIN_URIS + 1)])
def test_login_refuses_bad_uri_counts(objects):
    with pytest.raises(EppError) as e:
        write_login("ClientX", "foo-BAR2", objects)
    assert e.value.result == Result.INVALID_ARGUMENT


def test_client_over_a_socket_pair():
    ours, theirs = socket.socketpair()
    greeting = framed(corpus_file("rfc/5730/002-S-s2.4.xml"))
    response = framed(corpus_file(DOMAIN_INFO_RESPONSE))

    def peer():
        with theirs:
            theirs.sendall(greeting[:3])
            theirs.sendall(greeting[3:])
            (n,) = struct.unpack(">I", theirs.recv(4, socket.MSG_WAITALL))
            theirs.recv(n - 4, socket.MSG_WAITALL)
            theirs.sendall(response[:100])
            theirs.sendall(response[100:])

    t = threading.Thread(target=peer)
    t.start()
    with Client(ours) as c:
        assert c.message.kind == Kind.GREETING
        r = c.do(epp.write_domain_info("example.com", "ABC-12345", epp.WRITE_FRAMED))
        assert r.results[0].code == 1000
        assert r.field(Field.OBJECT_NAME) == "example.com"
        t.join()
        # The peer has gone: the next command fails instead of hanging.
        with pytest.raises((ConnectionError, OSError)):
            c.do(epp.write_domain_info("example.com", "ABC-12346", epp.WRITE_FRAMED))
