"""One EPP session through the Python binding against a server over TLS
(the project's example server in CI: `cargo run -p epp-codec-session
--example serve`): greeting, login negotiated from the greeting, domain
check, contact create and info, host create and info, domain create,
info, renew and transfer query, poll, domain delete, hello and logout.
Prints a transcript and exits with status 1 if a response does not carry
the result code the session expects.

    python examples/session_client.py --addr 127.0.0.1:PORT --ca ca.pem
"""

from __future__ import annotations

import argparse
import sys

import epp_codec as epp
from epp_codec import objects as obj
from epp_codec.client import Client, write_login

# Object names carry a "py" prefix: the Go client runs the same session
# against the same server.
CONTACT, HOST, DOMAIN, PW = "py-c1", "ns1.py-example.net", "py-example.com", "2fooBAR"
TRANSFER_QUERY = 2  # epp_transfer_op: 1 request, 2 query, ...


def run(addr: str, ca: str, client_id: str, password: str) -> None:
    host, _, port = addr.rpartition(":")
    with Client.connect(host, int(port), ca) as c:
        g = c.message
        objects = g.list(epp.List.GREETING_OBJECT_URIS)
        print(f"S: greeting svID={g.field(epp.Field.SERVER_ID)!r} objURIs={len(objects)}")
        if not objects:
            raise RuntimeError("greeting offers no object")
        framed = epp.WRITE_FRAMED
        postal = [obj.PostalInfo("int", "John Doe", None, ("123 Example Dr.",), "Dulles", None, None, "US")]
        check(c, f"login {client_id}", write_login(client_id, password, objects, cl_trid="py-1", flags=framed), 1000)
        check(c, f"domain check {DOMAIN} example.net", epp.write_domain_check([DOMAIN, "example.net"], "py-2", framed), 1000)
        check(
            c,
            f"contact create {CONTACT}",
            obj.write_contact_create(CONTACT, postal, "jdoe@example.com", PW, voice="+1.7035555555", cl_trid="py-3", flags=framed),
            1000,
        )
        r = check(c, f"contact info {CONTACT}", obj.write_contact_info(CONTACT, cl_trid="py-4", flags=framed), 1000)
        print(f"     email {r.field(epp.Field.EMAIL)}")
        check(c, f"host create {HOST}", obj.write_host_create(HOST, cl_trid="py-5", flags=framed), 1000)
        check(c, f"host info {HOST}", obj.write_host_info(HOST, "py-6", framed), 1000)
        contacts = [obj.DomainContact("admin", CONTACT), obj.DomainContact("tech", CONTACT)]
        create = obj.write_domain_create(
            DOMAIN, PW, obj.Period(2), [HOST], CONTACT, contacts, cl_trid="py-7", flags=framed
        )
        check(c, f"domain create {DOMAIN}", create, 1000)
        r = check(c, f"domain info {DOMAIN}", epp.write_domain_info(DOMAIN, "py-8", framed), 1000)
        expires = r.field(epp.Field.EXPIRES)
        if not expires or len(expires) < 10:
            raise RuntimeError("domain info: no expiry date")
        print(f"     exDate {expires}")
        renew = obj.write_domain_renew(DOMAIN, expires[:10], obj.Period(1), "py-9", framed)
        check(c, f"domain renew {DOMAIN}", renew, 1000)
        query = obj.write_domain_transfer(TRANSFER_QUERY, DOMAIN, None, PW, "py-10", framed)
        check(c, f"domain transfer query {DOMAIN}", query, 2301)  # no transfer has been requested
        check(c, "domain info nosuch.example", epp.write_domain_info("nosuch.example", "py-11", framed), 2303)
        check(c, "poll req", epp.write_poll_request("py-12", framed), 1300)
        check(c, f"domain delete {DOMAIN}", obj.write_domain_delete(DOMAIN, "py-13", framed), 1000)
        print(f"C: hello -> greeting svDate={c.hello().field(epp.Field.SERVER_DATE)}")
        check(c, "logout", epp.write_logout("py-14", framed), 1500)


def check(c: Client, say: str, frame: bytes, want: int) -> epp.Message:
    """Sends one command; checks the first result code and the TRIDs."""
    r = c.do(frame)
    results = r.results
    if not results:
        raise RuntimeError(f"{say}: response without a result")
    code, msg = results[0]
    cl, sv = r.field(epp.Field.CL_TRID), r.field(epp.Field.SV_TRID)
    print(f"C: {say} -> {code} {msg} (clTRID {cl}, svTRID {sv})")
    for ch in r.checks:
        print(f"     {ch.name} available={ch.available}")
    if code != want:
        raise RuntimeError(f"{say}: result {code}, expected {want}")
    if not cl or not sv:
        raise RuntimeError(f"{say}: response without clTRID or svTRID")
    return r


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--addr", default="127.0.0.1:700")
    p.add_argument("--ca", required=True, help="PEM file of the CA that signed the server's certificate")
    p.add_argument("--client", default="ClientX")
    p.add_argument("--password", default="foo-BAR2")
    a = p.parse_args()
    try:
        run(a.addr, a.ca, a.client, a.password)
    except Exception as e:  # the transcript so far is printed; say why it stopped
        print(f"session_client: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
