"""One EPP session through the Python binding against a server over TLS
(the project's example server in CI: `cargo run -p epp-codec-session
--example serve`): greeting, login negotiated from the greeting, domain
check, contact create and info, host create and info, domain create, info
and renew; then a second registrar logs in on its own connection and
requests a transfer of the domain, which the sponsor queries, finds in its
poll queue, acks and rejects, and the requester reads and acks the
rejection from its own queue; then domain info of a missing name, domain
delete, hello and logout. Every response must carry the result code the
session expects, echo the clTRID sent and carry an svTRID, and the values
read through the binding (check results, infData, renData, trnData, msgQ)
must be those the server meant. Prints a transcript and exits with status
1 at the first response that is not.

    python examples/session_client.py --addr 127.0.0.1:PORT --ca ca.pem
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any, Callable, NamedTuple, Optional

import epp_codec as epp
from epp_codec import objects as obj
from epp_codec.client import Client, write_login
from epp_codec.objects import ObjectField

# Object names carry a "py" prefix: the Go client runs the same session
# against the same server.
CONTACT, HOST, DOMAIN, PW = "py-c1", "ns1.py-example.net", "py-example.com", "2fooBAR"
# epp_transfer_op and EPP_RES_DATA_KIND_DOMAIN_TRANSFER, which the binding
# passes through without naming them.
TRANSFER_REQUEST, TRANSFER_QUERY, TRANSFER_REJECT = 1, 2, 4
DOMAIN_TRANSFER_DATA = 6
PENDING = dt.timedelta(days=5)  # the server's TRANSFER_PENDING_DAYS
FRAMED = epp.WRITE_FRAMED


class Session:
    """One connection of one registrar; its clTRIDs are PREFIX-1, PREFIX-2, ..."""

    def __init__(self, client: Client, who: str, prefix: str) -> None:
        self.client, self.who, self.prefix, self.sent = client, who, prefix, 0

    def do(self, say: str, want: int, write: Callable[[str], bytes]) -> epp.Message:
        """Writes a command with the next clTRID, sends it and checks the
        first result code is `want`, that the response echoes that clTRID
        and that it has an svTRID. The message is valid until the next one."""
        self.sent += 1
        sent = f"{self.prefix}-{self.sent}"
        r = self.client.do(write(sent))
        results = r.results
        if not results:
            raise RuntimeError(f"{say}: response without a result")
        code, msg = results[0]
        cl, sv = r.field(epp.Field.CL_TRID), r.field(epp.Field.SV_TRID)
        print(f"{self.who}: {say} -> {code} {msg} (clTRID {cl}, svTRID {sv})")
        expect(say, "result", code, want)
        expect(say, "clTRID", cl, sent)
        expect(say, "svTRID present", bool(sv), True)
        return r


class Transfer(NamedTuple):
    """A domain `<trnData>` as the binding reads it, dates as written."""

    name: Optional[str]
    status: Optional[str]
    requester: Optional[str]
    requested: Optional[str]
    actor: Optional[str]
    action_due: Optional[str]
    expires: Optional[str]


def read_transfer(r: epp.Message) -> Transfer:
    f = lambda k: obj.object_field(r, k)  # noqa: E731
    return Transfer(
        r.field(epp.Field.OBJECT_NAME),
        f(ObjectField.TRANSFER_STATUS),
        f(ObjectField.REQUESTER_ID),
        f(ObjectField.REQUESTED),
        f(ObjectField.ACTOR_ID),
        f(ObjectField.ACTION_DUE),
        f(ObjectField.TRANSFER_EXPIRES),
    )


def object_moment(r: epp.Message, field: int) -> dt.datetime:
    """Date-time object field `field`, parsed by the binding."""
    d = obj.object_field_datetime_parts(r, field)
    if d is None:
        raise RuntimeError(f"no {ObjectField(field).name}")
    tz = dt.timezone(dt.timedelta(minutes=d.offset_minutes)) if d.has_offset else None
    return dt.datetime(d.year, d.month, d.day, d.hour, d.minute, d.second, d.nanosecond // 1000, tzinfo=tz)


def moment(r: epp.Message, field: int) -> dt.datetime:
    """Date-time field `field`, parsed by the binding."""
    d = r.field_datetime(field)
    if d is None:
        raise RuntimeError(f"no {epp.Field(field).name}")
    return d


def plus_year(d: dt.datetime) -> dt.datetime:
    """`d` one year later, as the server counts it: 29 February becomes 28
    February in a year that has none."""
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return d.replace(year=d.year + 1, day=28)


def expect(say: str, what: str, got: Any, want: Any) -> None:
    if got != want:
        raise RuntimeError(f"{say}: {what} {got!r}, expected {want!r}")


def run(addr: str, ca: str, sponsor: tuple[str, str], requester: tuple[str, str]) -> None:
    host, _, port = addr.rpartition(":")
    with Client.connect(host, int(port), ca) as c:
        g = c.message
        objects = g.list(epp.List.GREETING_OBJECT_URIS)
        print(f"S: greeting svID={g.field(epp.Field.SERVER_ID)!r} objURIs={len(objects)}")
        if not objects:
            raise RuntimeError("greeting offers no object")
        x = Session(c, sponsor[0], "py-X")

        def login(s: Session, who: tuple[str, str]) -> None:
            s.do(f"login {who[0]}", 1000, lambda cl: write_login(who[0], who[1], objects, cl_trid=cl, flags=FRAMED))

        login(x, sponsor)
        r = x.do(f"domain check {DOMAIN} example.net", 1000, lambda cl: epp.write_domain_check([DOMAIN, "example.net"], cl, FRAMED))
        checks = [(ch.name, ch.available) for ch in r.checks]
        print(f"     {checks}")
        expect("domain check", "results", checks, [(DOMAIN, True), ("example.net", True)])

        postal = obj.PostalInfo("int", "John Doe", None, ("123 Example Dr.",), "Dulles", None, None, "US")
        x.do(
            f"contact create {CONTACT}",
            1000,
            lambda cl: obj.write_contact_create(
                CONTACT, [postal], "jdoe@example.com", PW, voice="+1.7035555555", cl_trid=cl, flags=FRAMED
            ),
        )
        r = x.do(f"contact info {CONTACT}", 1000, lambda cl: obj.write_contact_info(CONTACT, cl_trid=cl, flags=FRAMED))
        email = obj.contact_field(r, obj.ContactField.EMAIL)
        print(f"     email {email}")
        expect("contact info", "id", r.field(epp.Field.OBJECT_NAME), CONTACT)
        expect("contact info", "clID", r.field(epp.Field.CLIENT_ID), sponsor[0])
        expect("contact info", "email", email, "jdoe@example.com")
        expect("contact info", "voice", obj.contact_field(r, obj.ContactField.VOICE), "+1.7035555555")
        expect("contact info", "authInfo", obj.contact_field(r, obj.ContactField.AUTH_PASSWORD), PW)
        expect("contact info", "postalInfo", obj.postal_infos(r), [postal])

        x.do(f"host create {HOST}", 1000, lambda cl: obj.write_host_create(HOST, cl_trid=cl, flags=FRAMED))
        r = x.do(f"host info {HOST}", 1000, lambda cl: obj.write_host_info(HOST, cl, FRAMED))
        expect("host info", "name", r.field(epp.Field.OBJECT_NAME), HOST)
        expect("host info", "clID", r.field(epp.Field.CLIENT_ID), sponsor[0])

        contacts = [obj.DomainContact("admin", CONTACT), obj.DomainContact("tech", CONTACT)]
        r = x.do(
            f"domain create {DOMAIN}",
            1000,
            lambda cl: obj.write_domain_create(DOMAIN, PW, obj.Period(2), [HOST], CONTACT, contacts, cl_trid=cl, flags=FRAMED),
        )
        expires = moment(r, epp.Field.EXPIRES)
        expect("domain create", "name", r.field(epp.Field.OBJECT_NAME), DOMAIN)
        expect("domain create", "exDate year", expires.year, moment(r, epp.Field.CREATED).year + 2)

        r = x.do(f"domain info {DOMAIN}", 1000, lambda cl: epp.write_domain_info(DOMAIN, cl, FRAMED))
        ex_date = r.field(epp.Field.EXPIRES) or ""
        print(f"     exDate {ex_date}")
        expect("domain info", "name", r.field(epp.Field.OBJECT_NAME), DOMAIN)
        expect("domain info", "clID", r.field(epp.Field.CLIENT_ID), sponsor[0])
        expect("domain info", "registrant", r.field(epp.Field.REGISTRANT), CONTACT)
        expect("domain info", "exDate", moment(r, epp.Field.EXPIRES), expires)
        expect("domain info", "contacts", r.list(epp.List.CONTACTS), [CONTACT, CONTACT])
        expect("domain info", "ns", r.list(epp.List.NAME_SERVERS), [HOST])

        r = x.do(f"domain renew {DOMAIN}", 1000, lambda cl: obj.write_domain_renew(DOMAIN, ex_date[:10], obj.Period(1), cl, FRAMED))
        renewed_text = r.field(epp.Field.EXPIRES)
        renewed = moment(r, epp.Field.EXPIRES)
        expect("domain renew", "exDate", renewed, plus_year(expires))

        # A second registrar, on its own connection, requests a transfer
        # with the domain's authInfo; the sponsor must act within PENDING.
        with Client.connect(host, int(port), ca) as c2:
            y = Session(c2, requester[0], "py-Y")
            login(y, requester)
            r = y.do(
                f"domain transfer request {DOMAIN}",
                1001,
                lambda cl: obj.write_domain_transfer(TRANSFER_REQUEST, DOMAIN, obj.Period(1), PW, cl, FRAMED),
            )
            pending = read_transfer(r)
            print(f"     {pending}")
            say = "transfer request"
            expect(say, "name", pending.name, DOMAIN)
            expect(say, "trStatus", pending.status, "pending")
            expect(say, "reID", pending.requester, requester[0])
            expect(say, "acID", pending.actor, sponsor[0])
            re_date, ac_date = object_moment(r, ObjectField.REQUESTED), object_moment(r, ObjectField.ACTION_DUE)
            expect(say, "acDate - reDate", ac_date - re_date, PENDING)
            # Pending, exDate is the expiry the transfer would give: one more year.
            expect(say, "exDate", object_moment(r, ObjectField.TRANSFER_EXPIRES), plus_year(renewed))

            r = x.do(
                f"domain transfer query {DOMAIN}",
                1000,
                lambda cl: obj.write_domain_transfer(TRANSFER_QUERY, DOMAIN, None, PW, cl, FRAMED),
            )
            expect("transfer query", "trnData", read_transfer(r), pending)

            # The sponsor finds the request in its queue, acks it, and the
            # queue is empty.
            r = x.do("poll req", 1301, lambda cl: epp.write_poll_request(cl, FRAMED))
            check_poll_message("poll req", r, "Transfer requested.", pending.requested, pending)
            ack(x, r.field(epp.Field.MSGQ_ID) or "")
            x.do("poll req", 1300, lambda cl: epp.write_poll_request(cl, FRAMED))

            # The sponsor rejects: the domain keeps its expiry, and the
            # requester is told through its own queue.
            r = x.do(
                f"domain transfer reject {DOMAIN}",
                1000,
                lambda cl: obj.write_domain_transfer(TRANSFER_REJECT, DOMAIN, None, None, cl, FRAMED),
            )
            rejected = read_transfer(r)
            print(f"     {rejected}")
            want = pending._replace(status="clientRejected", action_due=rejected.action_due, expires=renewed_text)
            expect("transfer reject", "trnData", rejected, want)
            rejected_at = object_moment(r, ObjectField.ACTION_DUE)
            expect("transfer reject", "acDate between reDate and the old acDate", re_date <= rejected_at < ac_date, True)
            r = y.do("poll req", 1301, lambda cl: epp.write_poll_request(cl, FRAMED))
            check_poll_message("poll req", r, "Transfer rejected.", rejected.action_due, rejected)
            ack(y, r.field(epp.Field.MSGQ_ID) or "")
            y.do("logout", 1500, lambda cl: epp.write_logout(cl, FRAMED))

        x.do("domain info nosuch.example", 2303, lambda cl: epp.write_domain_info("nosuch.example", cl, FRAMED))
        x.do(f"domain delete {DOMAIN}", 1000, lambda cl: obj.write_domain_delete(DOMAIN, cl, FRAMED))
        print(f"C: hello -> greeting svDate={c.hello().field(epp.Field.SERVER_DATE)}")
        x.do("logout", 1500, lambda cl: epp.write_logout(cl, FRAMED))


def ack(s: Session, message_id: str) -> None:
    """Acks `message_id` and checks the queue it leaves is empty."""
    r = s.do(f"poll ack {message_id}", 1000, lambda cl: epp.write_poll_ack(message_id, cl, FRAMED))
    expect("poll ack", "msgQ count", r.msgq_count, 0)
    expect("poll ack", "msgQ id", r.field(epp.Field.MSGQ_ID), message_id)


def check_poll_message(say: str, r: epp.Message, text: str, q_date: Optional[str], t: Transfer) -> None:
    """Checks a 1301 response holds the only message of the queue, queued
    at `q_date`, saying `text` about transfer `t`."""
    mid, when, msg = r.field(epp.Field.MSGQ_ID), r.field(epp.Field.MSGQ_DATE), r.field(epp.Field.MSGQ_MESSAGE)
    print(f"     msgQ count={r.msgq_count} id={mid} qDate={when} msg={msg!r}")
    expect(say, "msgQ count", r.msgq_count, 1)
    expect(say, "msgQ id present", bool(mid), True)
    expect(say, "qDate", when, q_date)
    expect(say, "msg", msg, text)
    expect(say, "resData kind", r.res_data_kind, DOMAIN_TRANSFER_DATA)
    expect(say, "trnData", read_transfer(r), t)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--addr", default="127.0.0.1:700")
    p.add_argument("--ca", required=True, help="PEM file of the CA that signed the server's certificate")
    p.add_argument("--client", default="ClientX", help="registrar client id (creates the objects)")
    p.add_argument("--password", default="foo-BAR2")
    p.add_argument("--peer", default="ClientY", help="second registrar's client id (requests the transfer)")
    p.add_argument("--peer-password", default="bar-FOO2")
    a = p.parse_args()
    try:
        run(a.addr, a.ca, (a.client, a.password), (a.peer, a.peer_password))
    except Exception as e:  # the transcript so far is printed; say why it stopped
        print(f"session_client: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
