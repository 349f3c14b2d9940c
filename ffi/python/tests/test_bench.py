"""The benchmark script runs (a few iterations) and both sides agree."""

import importlib.util
import io
from pathlib import Path


def test_bench_runs():
    path = Path(__file__).resolve().parents[1] / "bench.py"
    spec = importlib.util.spec_from_file_location("epp_bench", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = io.StringIO()
    rows = bench.run(3, out)
    assert len(rows) == 2 and all(a > 0 and b > 0 for _, a, b in rows)
    assert "epp_codec" in out.getvalue()
