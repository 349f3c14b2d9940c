"""Cross-language agreement: the Rust dumper's output (ffi/examples/
dump_fields.rs, whose doc comment gives the format) produced again through
the Python API, compared line for line."""

import os
import subprocess

from epp_codec import EppError, Field, List, Message, Result

from conftest import REPO, corpus_dir
from dump_details import dump_details
from dump_objects import dump_objects

DATE_FIELDS = {Field.MSGQ_DATE, Field.CREATED, Field.UPDATED, Field.EXPIRES, Field.TRANSFERRED, Field.SERVER_DATE}


def esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def opt(s) -> str:
    if s is None:
        return "\\-"
    return esc(s.decode() if isinstance(s, bytes) else s)


def fmt_date(d) -> str:
    s = f"{d.year:04}-{d.month:02}-{d.day:02}T{d.hour:02}:{d.minute:02}:{d.second:02}.{d.nanosecond // 1000:06}"
    if d.has_offset:
        off = d.offset_minutes
        sign = "-" if off < 0 else "+"
        off = abs(off)
        s += f"{sign}{off // 60:02}:{off % 60:02}"
    return s


def dump_message(m: Message) -> list:
    out = []
    for f in Field:
        raw = m.field_raw(f)
        if raw is None:
            continue
        out.append(f"field\t{int(f)}\t{opt(raw)}\t{opt(m.field(f))}")
        if f in DATE_FIELDS:
            try:
                d = m.field_datetime_parts(f)
                out.append(f"date\t{int(f)}\t{fmt_date(d)}")
            except EppError as e:
                assert e.result == Result.INVALID_VALUE
                out.append(f"date\t{int(f)}\tinvalid")
    for lst in List:
        for i in range(m.list_len(lst)):
            out.append(f"list\t{int(lst)}\t{i}\t{opt(m.list_item_raw(lst, i))}\t{opt(m.list_item(lst, i))}")
    for i, r in enumerate(m.results):
        out.append(f"result\t{i}\t{r.code}\t{opt(m.result_msg_raw(i))}\t{opt(r.msg)}")
    if m.msgq_count is not None:
        out.append(f"msgq_count\t{m.msgq_count}")
    if m.res_data_kind:
        out.append(f"res_data\t{m.res_data_kind}\t{opt(m.res_data_xml)}")
    for i, c in enumerate(m.checks):
        out.append(f"check\t{i}\t{esc(c.name)}\t{int(c.available)}\t{opt(c.reason)}")
    for i, e in enumerate(m.extensions):
        out.append(f"extension\t{i}\t{esc(e.namespace)}\t{esc(e.xml)}")
    out.extend(dump_objects(m))
    out.extend(dump_details(m))
    return out


def manifest_paths() -> list:
    lines = (corpus_dir() / "MANIFEST.tsv").read_text().splitlines()
    col = lines[0].split("\t").index("path")
    paths = [l.split("\t")[col] for l in lines[1:] if l.strip()]
    assert len(paths) >= 290, "corpus looks truncated"
    return paths


def python_dump() -> list:
    lines = []
    with Message() as m:
        readers = [("command", m.read_command), ("response", m.read_response), ("greeting", m.read_greeting)]
        for path in manifest_paths():
            data = (corpus_dir() / path).read_bytes()
            for name, read in readers:
                out = []
                try:
                    read(data)
                except EppError as e:
                    if e.result != Result.READ_ERROR:
                        out.append(f"read\tfail\t{int(e.result)}")
                    else:
                        out.append(f"read\terror\t{e.code}\t{e.offset}\t{esc(e.message)}")
                        if name == "command":
                            try:
                                xml = m.write_error_response("SV-DUMP")
                            except EppError:
                                xml = None
                            out.append(f"error_response\t{opt(xml)}")
                else:
                    out.append(
                        f"read\tok\t{int(m.kind)}\t{int(m.command_kind)}\t{int(m.object)}\t{m.poll_op}\t{m.transfer_op}"
                    )
                    out.extend(dump_message(m))
                lines.extend(f"{path}\t{name}\t{l}" for l in out)
    return lines


def rust_dump() -> list:
    path = os.environ.get("EPP_RUST_DUMP")
    if path:
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "epp-codec-ffi", "--example", "dump_fields"],
        cwd=REPO,
        check=True,
        stdout=subprocess.PIPE,
    ).stdout
    return out.decode().splitlines()


def test_dump_agrees_with_rust():
    want = rust_dump()
    got = python_dump()
    for i, (w, g) in enumerate(zip(want, got)):
        assert w == g, f"line {i + 1} differs"
    assert len(want) == len(got)
    assert len({l.split("\t", 1)[0] for l in got}) == len(manifest_paths())
