"""What the command line prints: one-line messages and progress bars on stderr, and the default
output format (a table for a person at a terminal, JSON Lines for a program)."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

stderr = Console(stderr=True)


def say(message: str, progress: Progress | None = None) -> None:
    """One line on stderr (above the progress bar when there is one), never wrapped."""
    (progress.console if progress else stderr).print(message, markup=False, highlight=False, soft_wrap=True)


def fail(message: str) -> typer.Exit:
    """Say ``onrecord: error: message`` and return the exit to raise."""
    say(f"onrecord: error: {message}")
    return typer.Exit(1)


def for_people() -> bool:
    """Whether stdout is a terminal: tables for a person, JSON Lines for a program."""
    return sys.stdout.isatty()


class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f} articles/s" if task.speed else "", style="progress.data.speed")


def progress(total: int | None = None) -> Progress | None:
    """Articles done, rate (and time left when ``total`` is known) on stderr; None when no person
    is watching, so that logs and pipes stay clean."""
    if not stderr.is_terminal:
        return None
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
               TimeElapsedColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    return Progress(*columns, console=stderr, transient=True)
