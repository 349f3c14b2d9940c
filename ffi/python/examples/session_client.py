"""One EPP session through the Python binding against a server over TLS
(the project's example server in CI: `cargo run -p epp-codec-session
--example serve`): greeting, login negotiated from the greeting, domain
check and info, poll, hello and logout. Prints a transcript and exits with
status 1 if a response does not carry the result code the session expects.

    python examples/session_client.py --addr 127.0.0.1:PORT --ca ca.pem
"""

from __future__ import annotations

import argparse
import sys

import epp_codec as epp
from epp_codec.client import Client, write_login


def run(addr: str, ca: str, client_id: str, password: str) -> None:
    host, _, port = addr.rpartition(":")
    with Client.connect(host, int(port), ca) as c:
        g = c.message
        objects = g.list(epp.List.GREETING_OBJECT_URIS)
        print(f"S: greeting svID={g.field(epp.Field.SERVER_ID)!r} objURIs={len(objects)}")
        if not objects:
            raise RuntimeError("greeting offers no object")
        framed = epp.WRITE_FRAMED
        steps = [
            (f"login {client_id}", write_login(client_id, password, objects, cl_trid="py-1", flags=framed), 1000),
            (
                "domain check example.com example.net",
                epp.write_domain_check(["example.com", "example.net"], "py-2", framed),
                1000,
            ),
            ("domain info nosuch.example", epp.write_domain_info("nosuch.example", "py-3", framed), 2303),
            ("poll req", epp.write_poll_request("py-4", framed), 1300),
        ]
        for say, frame, want in steps:
            check(c, say, frame, want)
        print(f"C: hello -> greeting svDate={c.hello().field(epp.Field.SERVER_DATE)}")
        check(c, "logout", epp.write_logout("py-5", framed), 1500)


def check(c: Client, say: str, frame: bytes, want: int) -> None:
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
