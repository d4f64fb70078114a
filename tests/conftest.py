from __future__ import annotations

from pathlib import Path

import pytest

from onrecord import ingest
from onrecord.config import Settings
from onrecord.errors import Failure
from onrecord.record import Article

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def settings() -> Settings:
    return Settings()


def read_one(path: Path, settings: Settings | None = None) -> Article | Failure:
    (result,) = list(ingest.read([path], settings or Settings()))
    return result


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# Hand-written for these tests: a short English report long enough for language detection.
REPORT = (
    "The harbour commission voted on Tuesday to delay the new fee schedule until the spring. "
    "Commissioner Ruth Alvang said the port could not absorb another increase this year, and the "
    "shipping companies welcomed the decision in a short statement."
)
