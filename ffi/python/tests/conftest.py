"""Shared by the tests: where the corpus and the repository are."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def corpus_dir() -> Path:
    env = os.environ.get("EPP_CORPUS_DIR")
    d = Path(env) if env else REPO.parent / "shared" / "corpus"
    if not (d / "MANIFEST.tsv").is_file():
        pytest.fail(f"EPP corpus not found at {d} (set EPP_CORPUS_DIR)")
    return d


def corpus_file(rel: str) -> bytes:
    return (corpus_dir() / rel).read_bytes()


DOMAIN_INFO_RESPONSE = "rfc/5731/005-S-s3.1.2.xml"
DOMAIN_CREATE = "rfc/5731/009-C-s3.2.1.xml"
