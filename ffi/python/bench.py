#!/usr/bin/env python3
"""Benchmark: epp_codec against lxml (or xml.etree when lxml is missing),
extracting the same fields of the same messages (the RFC 5731 domain info
response and domain create command) into Python values; and, when the
`epptools` client (PyPI) is installed, against its response parser on the
info response.

    python ffi/python/bench.py [--quick]

Prints microseconds per message for each side and the ratio. Both sides
must agree on the values (checked before timing), and every iteration
reads the frame anew. The two sides are timed in alternation, seven
rounds each, and the best of each is kept (`measure_pair`). epp_codec reads and takes every value in one library
call (`Message.read_response_fields` / `read_command_fields`: the values
come over as one marshal object, built by `marshal.loads` in C); the time
through the single-value
accessors (a call per value) is shown too.
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

try:
    from lxml import etree

    PEER = "lxml " + ".".join(map(str, etree.LXML_VERSION[:3]))
except ImportError:  # pragma: no cover - depends on the environment
    import xml.etree.ElementTree as etree  # type: ignore[no-redef]

    PEER = "xml.etree"

try:
    from epptools.response import Response as EpptoolsResponse
except ImportError:  # pragma: no cover - optional peer
    EpptoolsResponse = None

from epp_codec import Field, List, Message

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
INFO = "rfc/5731/005-S-s3.1.2.xml"
CREATE = "rfc/5731/009-C-s3.2.1.xml"

NS = {"e": "urn:ietf:params:xml:ns:epp-1.0", "d": "urn:ietf:params:xml:ns:domain-1.0"}


def epp_info(m: Message, data: bytes) -> dict:
    """The fast path: the read and every value in one call, read by name."""
    v = m.read_response_fields(data)
    r = v.results[0]
    f = v.values
    lists = v.lists
    return {
        "code": r.code,
        "msg": r.msg,
        "name": f.object_name,
        "roid": f.roid,
        "statuses": lists.statuses,
        "registrant": f.registrant,
        "contacts": lists.contacts,
        "contact_types": lists.contact_types,
        "ns": lists.name_servers,
        "hosts": lists.hosts,
        "clID": f.client_id,
        "crID": f.creator_id,
        "crDate": f.created,
        "upID": f.updater_id,
        "upDate": f.updated,
        "exDate": f.expires,
        "trDate": f.transferred,
        "pw": f.auth_password,
        "clTRID": f.cl_trid,
        "svTRID": f.sv_trid,
    }


def epp_info_by_enum(m: Message, data: bytes) -> dict:
    """The same, each value indexed by its `Field` or `List` member: on
    Python 3.11 each member lookup runs `enum`'s `__getattr__` hook, about
    1,000 instructions (Python 3.12 dropped the hook)."""
    v = m.read_response_fields(data)
    r = v.results[0]
    f = v.values
    lists = v.lists
    return {
        "code": r.code,
        "msg": r.msg,
        "name": f[Field.OBJECT_NAME],
        "roid": f[Field.ROID],
        "statuses": lists[List.STATUSES],
        "registrant": f[Field.REGISTRANT],
        "contacts": lists[List.CONTACTS],
        "contact_types": lists[List.CONTACT_TYPES],
        "ns": lists[List.NAME_SERVERS],
        "hosts": lists[List.HOSTS],
        "clID": f[Field.CLIENT_ID],
        "crID": f[Field.CREATOR_ID],
        "crDate": f[Field.CREATED],
        "upID": f[Field.UPDATER_ID],
        "upDate": f[Field.UPDATED],
        "exDate": f[Field.EXPIRES],
        "trDate": f[Field.TRANSFERRED],
        "pw": f[Field.AUTH_PASSWORD],
        "clTRID": f[Field.CL_TRID],
        "svTRID": f[Field.SV_TRID],
    }


def epp_info_per_field(m: Message, data: bytes) -> dict:
    """The same through the single-value accessors (a call per value)."""
    m.read_response(data)
    r = m.results[0]
    f = m.field
    return {
        "code": r.code,
        "msg": r.msg,
        "name": f(Field.OBJECT_NAME),
        "roid": f(Field.ROID),
        "statuses": m.list(List.STATUSES),
        "registrant": f(Field.REGISTRANT),
        "contacts": m.list(List.CONTACTS),
        "contact_types": m.list(List.CONTACT_TYPES),
        "ns": m.list(List.NAME_SERVERS),
        "hosts": m.list(List.HOSTS),
        "clID": f(Field.CLIENT_ID),
        "crID": f(Field.CREATOR_ID),
        "crDate": f(Field.CREATED),
        "upID": f(Field.UPDATER_ID),
        "upDate": f(Field.UPDATED),
        "exDate": f(Field.EXPIRES),
        "trDate": f(Field.TRANSFERRED),
        "pw": f(Field.AUTH_PASSWORD),
        "clTRID": f(Field.CL_TRID),
        "svTRID": f(Field.SV_TRID),
    }


def peer_info(data: bytes) -> dict:
    root = etree.fromstring(data)
    resp = root.find("e:response", NS)
    result = resp.find("e:result", NS)
    inf = resp.find("e:resData/d:infData", NS)
    t = inf.findtext
    contacts = inf.findall("d:contact", NS)
    return {
        "code": int(result.get("code")),
        "msg": result.findtext("e:msg", namespaces=NS),
        "name": t("d:name", namespaces=NS),
        "roid": t("d:roid", namespaces=NS),
        "statuses": [s.get("s") for s in inf.findall("d:status", NS)],
        "registrant": t("d:registrant", namespaces=NS),
        "contacts": [c.text for c in contacts],
        "contact_types": [c.get("type") for c in contacts],
        "ns": [h.text for h in inf.findall("d:ns/d:hostObj", NS)],
        "hosts": [h.text for h in inf.findall("d:host", NS)],
        "clID": t("d:clID", namespaces=NS),
        "crID": t("d:crID", namespaces=NS),
        "crDate": t("d:crDate", namespaces=NS),
        "upID": t("d:upID", namespaces=NS),
        "upDate": t("d:upDate", namespaces=NS),
        "exDate": t("d:exDate", namespaces=NS),
        "trDate": t("d:trDate", namespaces=NS),
        "pw": t("d:authInfo/d:pw", namespaces=NS),
        "clTRID": resp.findtext("e:trID/e:clTRID", namespaces=NS),
        "svTRID": resp.findtext("e:trID/e:svTRID", namespaces=NS),
    }


def epptools_info(data: bytes) -> dict:
    """The epptools client's response parser (xml.etree underneath; it
    takes str, and its accessors search the tree by local name)."""
    r = EpptoolsResponse.from_xml(data.decode())
    contacts, types = [], []
    for role, handles in r.contacts().items():
        contacts.extend(handles)
        types.extend([role] * len(handles))
    return {
        "code": r.code(),
        "msg": r.message(),
        "name": r.object_name(),
        "roid": r.roid(),
        "statuses": r.statuses(),
        "registrant": r.registrant(),
        "contacts": contacts,
        "contact_types": types,
        "ns": r.nameservers(),
        "hosts": r.subordinate_hosts(),
        "clID": r.sponsor(),
        "crID": r.created_by(),
        "crDate": r.created_date(),
        "upID": r.updated_by(),
        "upDate": r.updated_date(),
        "exDate": r.expiry_date(),
        "trDate": r.transfer_date(),
        "pw": r.auth_info(),
        "clTRID": r.cl_trid(),
        "svTRID": r.sv_trid(),
    }


def epp_create(m: Message, data: bytes) -> dict:
    v = m.read_command_fields(data)
    f = v.values
    lists = v.lists
    return {
        "name": f.object_name,
        "ns": lists.name_servers,
        "registrant": f.registrant,
        "contacts": lists.contacts,
        "contact_types": lists.contact_types,
        "pw": f.auth_password,
        "clTRID": f.cl_trid,
    }


def epp_create_by_enum(m: Message, data: bytes) -> dict:
    v = m.read_command_fields(data)
    f = v.values
    lists = v.lists
    return {
        "name": f[Field.OBJECT_NAME],
        "ns": lists[List.NAME_SERVERS],
        "registrant": f[Field.REGISTRANT],
        "contacts": lists[List.CONTACTS],
        "contact_types": lists[List.CONTACT_TYPES],
        "pw": f[Field.AUTH_PASSWORD],
        "clTRID": f[Field.CL_TRID],
    }


def epp_create_per_field(m: Message, data: bytes) -> dict:
    m.read_command(data)
    f = m.field
    return {
        "name": f(Field.OBJECT_NAME),
        "ns": m.list(List.NAME_SERVERS),
        "registrant": f(Field.REGISTRANT),
        "contacts": m.list(List.CONTACTS),
        "contact_types": m.list(List.CONTACT_TYPES),
        "pw": f(Field.AUTH_PASSWORD),
        "clTRID": f(Field.CL_TRID),
    }


def peer_create(data: bytes) -> dict:
    root = etree.fromstring(data)
    cmd = root.find("e:command", NS)
    cr = cmd.find("e:create/d:create", NS)
    contacts = cr.findall("d:contact", NS)
    return {
        "name": cr.findtext("d:name", namespaces=NS),
        "ns": [h.text for h in cr.findall("d:ns/d:hostObj", NS)],
        "registrant": cr.findtext("d:registrant", namespaces=NS),
        "contacts": [c.text for c in contacts],
        "contact_types": [c.get("type") for c in contacts],
        "pw": cr.findtext("d:authInfo/d:pw", namespaces=NS),
        "clTRID": cmd.findtext("e:clTRID", namespaces=NS),
    }


def same(ours: dict, theirs: dict) -> bool:
    """Whether both sides took the same values: a list on one side equals
    a tuple with the same items on the other (`Fields.lists` are tuples,
    the per-field accessors and the peers give lists)."""
    def norm(d: dict) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}

    return norm(ours) == norm(theirs)


def measure(fn, number: int) -> float:
    """Best of 5 runs, in microseconds per call."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6


def measure_pair(ours, theirs, number: int, rounds: int = 7) -> tuple:
    """Both sides timed in alternation, `rounds` times each, best of each
    in microseconds per call: on a shared machine whose speed drifts
    between runs minutes apart, each round sees both sides under the same
    conditions, so the ratio of the bests is not one side's luck."""
    a = b = float("inf")
    for _ in range(rounds):
        a = min(a, timeit.timeit(ours, number=number))
        b = min(b, timeit.timeit(theirs, number=number))
    return a / number * 1e6, b / number * 1e6


def run(number: int, out=sys.stdout) -> list:
    """Times every case; returns (case, epp µs, peer µs) rows."""
    rows = []
    with Message() as m:
        for case, path, ours, by_enum, per_field, theirs in [
            ("domain info response", INFO, epp_info, epp_info_by_enum, epp_info_per_field, peer_info),
            ("domain create command", CREATE, epp_create, epp_create_by_enum, epp_create_per_field, peer_create),
        ]:
            data = (CORPUS / path).read_bytes()
            mine, peer = ours(m, data), theirs(data)
            if not (same(mine, peer) and same(by_enum(m, data), peer) and same(per_field(m, data), peer)):
                raise SystemExit(f"{case}: the two sides disagree:\n{mine}\n{peer}")
            a, b = measure_pair(lambda: ours(m, data), lambda: theirs(data), number)
            e = measure(lambda: by_enum(m, data), number)
            c = measure(lambda: per_field(m, data), number)
            rows.append((case, a, b))
            print(
                f"{case:24} epp_codec {a:8.2f} µs   {PEER} {b:8.2f} µs   {b / a:5.2f}x"
                f"   (indexed by Field {e:.2f} µs, per-field accessors {c:.2f} µs)",
                file=out,
            )
        if EpptoolsResponse is not None:
            data = (CORPUS / INFO).read_bytes()
            theirs = epptools_info(data)
            if not same(epp_info(m, data), theirs):
                raise SystemExit(f"epptools disagrees:\n{theirs}\n{epp_info(m, data)}")
            a, c = measure_pair(lambda: epp_info(m, data), lambda: epptools_info(data), number)
            print(f"{'domain info response':24} epp_codec {a:8.2f} µs   epptools {c:8.2f} µs   {c / a:5.2f}x", file=out)
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="few iterations (a smoke run)")
    args = p.parse_args()
    run(20 if args.quick else 5000)


if __name__ == "__main__":
    main()
