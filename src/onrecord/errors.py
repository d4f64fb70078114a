"""Errors and failures: what a user sees when one input cannot become a record."""

from __future__ import annotations

from dataclasses import dataclass


class OnrecordError(Exception):
    """Base of the errors onrecord raises on purpose, each with a message fit for one line."""


class InputError(OnrecordError):
    """An input that cannot be read as an article; ``reason`` says why in a few words."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(OnrecordError):
    """The spaCy pipeline is missing or lacks what the stages need."""


@dataclass(frozen=True)
class Failure:
    """One input that did not become a record. Batches report it and go on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def to_error(self) -> InputError:
        return InputError(self.source, self.reason)
