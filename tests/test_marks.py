"""Quotation-mark pairing on the cases real news throws at it (sentences written for these tests)."""

from onrecord.stages.marks import find_quotations


def quoted(text):
    return [([text[s:e] for s, e in q.spans], q.depth) for q in find_quotations(text)]


def test_interrupted_quotation_is_two_quotations():
    assert quoted("“We will win,” she said, “and win big.”") == [(["We will win,"], 0), (["and win big."], 0)]


def test_nesting_and_brackets():
    text = "“The mayor told me: ‘Listen, Dan, we are done.’ That was all,” Smith said."
    assert quoted(text) == [(["The mayor told me: ‘Listen, Dan, we are done.’ That was all,"], 0),
                            (["Listen, Dan, we are done."], 1)]
    assert quoted("“Bob [short for “Robert”] called,” she said.") == [
        (["Bob [short for “Robert”] called,"], 0), (["Robert"], 1)]


def test_apostrophes_are_not_quotation_marks():
    text = "It’s the minister’s view since the ’90s, rock ’n’ roll and the ministers’ union: “no”."
    assert quoted(text) == [(["no"], 0)]


def test_paragraphs_reopening_one_quotation():
    text = "“The first part runs on.\n\n“The second part too.\n\n“The last part ends here.” He left."
    assert quoted(text) == [(["The first part runs on.", "The second part too.", "The last part ends here."], 0)]


def test_unbalanced_marks_still_yield_what_can_be_paired():
    text = "He said “we will go and then ‘never again. Bye.\n\nLater “a second one” came. A stray ” mark."
    assert quoted(text) == [(["we will go and then ‘never again. Bye."], 0), (["a second one"], 0)]


def test_a_quotation_never_closed_ends_before_the_attribution_ending_its_paragraph():
    text = "The talks went on.\n\n\"The offer is final, Barros said later.\n\nThe union left."
    assert quoted(text) == [(["The offer is final"], 0)]
    # without an attribution it runs to the end of the paragraph, as before
    assert quoted("He said: “we go on and on.\n\nLater that day.") == [(["we go on and on."], 0)]


def test_straight_and_guillemet_marks():
    assert quoted('She called it "a disaster" and said \'no\' to it.') == [(["a disaster"], 0), (["no"], 0)]
    assert quoted("«Nous resterons», dit-il, „Wir bleiben“ sagte sie.") == [(["Nous resterons"], 0), (["Wir bleiben"], 0)]


def test_straight_single_quotation_inside_straight_double():
    text = "\"He rang and said: 'Rosa, we stay,'\" she said. \"'Enough,' I told him.\""
    assert quoted(text) == [(["He rang and said: 'Rosa, we stay,'"], 0), (["Rosa, we stay,"], 1),
                            (["'Enough,' I told him."], 0), (["Enough,"], 1)]


def test_two_apostrophes_typed_as_a_double_mark():
    text = "''You'd pay cash,'' he said. ''It runs on.\n\n''And ends with a 'maybe.' ''"
    assert quoted(text) == [(["You'd pay cash,"], 0), (["It runs on.", "And ends with a 'maybe.'"], 0),
                            (["maybe."], 1)]


def test_a_straight_mark_opening_inside_another_ends_the_unclosed_one():
    text = 'The mayor said "we will not go back. The council met on Monday. "It was a disaster," Ana Duarte said.'
    found = find_quotations(text)
    assert [(text[q.start:q.end], q.parent is None) for q in found] == [
        ("we will not go back. The council met on Monday.", True), ("It was a disaster,", True)]


def test_a_paragraph_reopens_a_quotation_only_with_the_same_style_of_mark():
    # a story block-quotes another with straight marks never closed, and quotes its own speakers in curly ones
    text = ("The paper wrote:\n\n\"The rally began late. The crowd was restless.\n\n"
            "\"Then the lights went out.\n\n“I was there,” she said, smiling.")
    assert quoted(text) == [(["The rally began late. The crowd was restless.", "Then the lights went out."], 0),
                            (["I was there,"], 0)]


def test_an_unclosed_quotation_stops_at_an_inverted_attribution_ending_its_paragraph():
    text = "“The offer is final, said Barros.\n\nTalks resume Monday."
    (quotation,) = find_quotations(text)
    assert [text[s:e] for s, e in quotation.spans] == ["The offer is final"]


def test_inch_marks_after_a_number_are_not_quotation_marks():
    text = 'The doctor says Cole is 6\'3" tall, owns a 12" knife and is "very fit." "He stands 6\'3" and he is strong," Ray said.'
    assert quoted(text) == [(["very fit."], 0), (['He stands 6\'3" and he is strong,'], 0)]
    # a quotation that ends on a number still closes there
    assert quoted('The vote was "5 to 4" on Monday.') == [(["5 to 4"], 0)]


def test_the_marks_of_a_markup_tag_left_in_the_text_quote_no_one():
    text = ('<post data-author="the rate is worse" data-note=\'rated true\'>Okafor said the rate “is 51 percent.”'
            '</post> She said "no".')
    assert quoted(text) == [(["is 51 percent."], 0), (["no"], 0)]
