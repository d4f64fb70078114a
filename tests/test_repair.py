from onrecord.repair import repair


def test_mojibake_is_fixed_and_curly_quotes_kept():
    broken = "â€œItâ€™s the cafÃ© on Quay Street,â€\x9d she said."
    assert repair(broken) == "“It’s the café on Quay Street,” she said."


def test_paragraph_broken_mid_sentence_is_rejoined():
    text = "The count was halted after the minister\n\nannounced a recount in three districts."
    assert repair(text) == "The count was halted after the minister announced a recount in three districts."


def test_single_line_break_mid_sentence_is_rejoined():
    assert repair("Votes were counted by\nhand in the north.") == "Votes were counted by hand in the north."


def test_real_paragraph_breaks_stay():
    text = "The count ended at noon.\n\nthe results follow below.\n\nOfficials then Left"
    # After a full stop, and before a capital letter, a break is a real paragraph break.
    assert repair(text) == text
    assert repair("“We are done.”\n\nshe said later") == "“We are done.”\n\nshe said later"


def test_quote_closed_after_comma_continues_into_next_paragraph():
    assert repair("“We will stay,”\n\nshe said.") == "“We will stay,” she said."


def test_whitespace_is_normalised():
    text = "  Tabs\tand\u00a0non-breaking   spaces \r\n\r\n\r\n\r\nNext\u200b paragraph. "
    assert repair(text) == "Tabs and non-breaking spaces\n\nNext paragraph."


def test_soft_hyphens_removed_without_touching_apostrophes():
    assert repair("rock ’n’ roll in the ’90s, the min\u00adister’s view") == "rock ’n’ roll in the ’90s, the minister’s view"
