"""How far a cue extends from its head, on hand-written sentences, with the shipped extent model."""

from __future__ import annotations

import pytest

import onrecord


@pytest.mark.parametrize(("text", "cue"), [
    ("The harbour master has said that the pier will reopen in May.", "has said"),
    ("“The fee is fair,” the treasurer said in a statement.", "said in a statement"),
    ("According to the ferry operator, the crossing will resume next week.", "According to"),
    # Before the learned extent, these lost their adverb ("said", "referenced", "ruled out").
    ("“We were unlucky,” the striker said sarcastically.", "said sarcastically"),
    ("The chairwoman then referenced the flood report in her speech.", "then referenced"),
    ("The board has effectively ruled out a new tender.", "has effectively ruled out"),
])
def test_cue_extent(text, cue):
    (quote,) = onrecord.extract(text).quotes
    assert quote.cue.text == cue

