"""Time expressions on hand-written sentences, anchored to Wednesday 13 March 2024."""

from __future__ import annotations

import pytest

from onrecord.stages.times import duration, find_times, number

ANCHOR = "2024-03-13"  # a Wednesday


def one(sentence: str, anchor: str | None = ANCHOR) -> tuple[str, str, str | None]:
    found = find_times(sentence, anchor)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0].text, found[0].type, found[0].value


@pytest.mark.parametrize(("sentence", "expected"), [
    # weekdays: the most recent such day, the publication day counting, unless tense or next says otherwise
    ("The council met on Monday to discuss the budget.", ("Monday", "DATE", "2024-03-11")),
    ("The mayor resigned Wednesday after a long dispute.", ("Wednesday", "DATE", "2024-03-13")),
    ("Protesters gathered outside the court on Friday.", ("Friday", "DATE", "2024-03-08")),
    ("The committee will vote on Friday.", ("Friday", "DATE", "2024-03-15")),
    ("The union plans to strike on Monday.", ("Monday", "DATE", "2024-03-18")),
    ("Talks resume next Tuesday in Geneva.", ("next Tuesday", "DATE", "2024-03-19")),
    ("She spoke to the board last Thursday.", ("last Thursday", "DATE", "2024-03-07")),
    ("The bridge reopens this coming Sunday.", ("this coming Sunday", "DATE", "2024-03-17")),
    # yesterday, today, tomorrow
    ("The ministry confirmed the figures yesterday.", ("yesterday", "DATE", "2024-03-12")),
    ("The court rules today on the appeal.", ("today", "DATE", "2024-03-13")),
    ("Ballots will be counted tomorrow.", ("tomorrow", "DATE", "2024-03-14")),
    # the generic "today" of the present
    ("Today, the sector employs forty thousand people.", ("Today", "DATE", "PRESENT_REF")),
    ("The shop is a relic in today's economy.", ("today", "DATE", "PRESENT_REF")),
    # weeks, months, years relative to publication
    ("Prices rose sharply last week.", ("last week", "DATE", "2024-W10")),
    ("The plant closed last month.", ("last month", "DATE", "2024-02")),
    ("Exports fell this year.", ("this year", "DATE", "2024")),
    ("The election is due next year.", ("next year", "DATE", "2025")),
    ("Two people were arrested earlier this month.", ("earlier this month", "DATE", "2024-03")),
    ("The road was built three years ago.", ("three years ago", "DATE", "2021")),
    ("A week or so ago, the general chose the date.", ("A week or so ago", "DATE", "2024-W10")),
    ("The clinic opened a year or two ago.", ("a year or two ago", "DATE", "PAST_REF")),
    # "later"/"earlier" count from a moment of the story, not from publication: the amount is a duration
    ("The fire broke out at dawn; three days later the village was empty.", ("three days", "DURATION", "P3D")),
    ("He left the hearing, and a few hours later the verdict came.", ("a few hours", "DURATION", "PTXH")),
    # months and days without a year
    ("The treaty was signed on Feb. 9 in Oslo.", ("Feb. 9", "DATE", "2024-02-09")),
    ("The festival opens on 2 May with a parade.", ("2 May", "DATE", "2024-05-02")),
    ("Sales slumped in January.", ("January", "DATE", "2024-01")),
    ("The vote took place in November.", ("November", "DATE", "2023-11")),
    ("The airport opened on July 4, 1998.", ("July 4, 1998", "DATE", "1998-07-04")),
    ("The company was founded in October 2011.", ("October 2011", "DATE", "2011-10")),
    # years, decades, centuries, ranges, "since"
    ("The law dates from 1987.", ("1987", "DATE", "1987")),
    ("The city boomed in the 1990s.", ("the 1990s", "DATE", "199X")),
    ("Rents doubled in the late '80s.", ("the late '80s", "DATE", "198X")),
    ("Cars of the 70s were boxy.", ("the 70s", "DATE", "197X")),
    ("The index is at its lowest since '82.", ("'82", "DATE", "1982")),
    ("The chapel was built in the 12th century.", ("the 12th century", "DATE", "11")),
    ("Its budget for 2014/2015 was cut.", ("2014/2015", "DATE", "2014/2015")),
    ("The 2019-20 season was cut short.", ("2019-20", "DATE", "2019/2020")),
    ("The mine has been closed since 2014.", ("2014", "DATE", "2014")),
    ("Output is still below pre-2008 levels.", ("pre-2008", "DATE", "2008")),
    # seasons and quarters
    ("The harvest failed last summer.", ("last summer", "DATE", "2023-SU")),
    ("Building work starts in the spring of 2025.", ("the spring of 2025", "DATE", "2025-SP")),
    ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2023-Q3")),
    ("Revenue fell in the first quarter of 2022.", ("the first quarter of 2022", "DATE", "2022-Q1")),
    ("Losses should persist through the first two quarters of 2025.", ("the first two quarters of 2025", "DATE",
                                                                        "2025-H1")),
    ("Hiring slowed in the last half of 2023.", ("the last half of 2023", "DATE", "2023-H2")),
    # times of day
    ("The fire started at 4:30 p.m. on Tuesday.", ("4:30 p.m. on Tuesday", "TIME", "2024-03-12T16:30")),
    ("Polls close at 10 p.m. tonight.", ("10 p.m. tonight", "TIME", "2024-03-13T22:00")),
    ("The storm hit the coast this morning.", ("this morning", "TIME", "2024-03-13TMO")),
    ("Shots were heard late Sunday night.", ("Sunday night", "TIME", "2024-03-10TNI")),
    ("Officials met at noon.", ("noon", "TIME", "2024-03-13T12:00")),
    # durations
    ("Investigators released an 11-minute recording.", ("11-minute", "DURATION", "PT11M")),
    ("The strike lasted three weeks.", ("three weeks", "DURATION", "P3W")),
    ("She served for 2 1/2 years on the board.", ("2 1/2 years", "DURATION", "P2Y6M")),
    ("Sales grew over the past two decades.", ("the past two decades", "DURATION", "P20Y")),
    ("The talks went on for several hours.", ("several hours", "DURATION", "PTXH")),
    ("The patient waited for nearly an hour.", ("nearly an hour", "DURATION", "PT1H")),
    # sets
    ("The market is held every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
    ("Ferries run daily between the islands.", ("daily", "SET", "P1D")),
    ("Inspectors visit twice a year.", ("twice a year", "SET", "P1Y")),
    ("The bonds pay $4 million a year in interest.", ("a year", "SET", "P1Y")),  # a rate, not a stretch of time
    ("Prices rose 8% over a year.", ("over a year", "DURATION", "P1Y")),
    ("The choir rehearses on Thursdays.", ("Thursdays", "SET", "XXXX-WXX-4")),
    # holidays and references to the present, past and future
    ("Shops were closed on Christmas Day.", ("Christmas Day", "DATE", "2023-12-25")),
    ("The bank is now under new management.", ("now", "DATE", "PRESENT_REF")),
    ("The ban was recently lifted.", ("recently", "DATE", "PAST_REF")),
    ("More cuts are planned for the near future.", ("the near future", "DATE", "FUTURE_REF")),
    ("She hopes the village will one day have a school.", ("one day", "DATE", "FUTURE_REF")),
    ("The strike lasted one day.", ("one day", "DURATION", "P1D")),
])
def test_expression(sentence, expected):
    assert one(sentence) == expected


def test_quarter_anaphora_follows_the_report():
    text = "Net income rose in the third quarter of 2023. A year earlier, the company lost money in the quarter."
    values = [(t.text, t.value) for t in find_times(text, ANCHOR)]
    assert values == [("the third quarter of 2023", "2023-Q3"), ("A year earlier", "2022-Q3"),
                      ("the quarter", "2023-Q3")]


def test_that_year_leans_on_the_last_date():
    values = [t.value for t in find_times("The dam was finished in 1962. That year the river flooded.", ANCHOR)]
    assert values == ["1962", "1962"]


def test_words_that_only_look_like_times():
    text = "Sales may fall, she said, as markets march on. The 2,000 workers earned $1,500 each and 6-year-old Ana won."
    assert find_times(text, ANCHOR) == []


def test_offsets_point_into_the_text():
    text = "Ministers met on Monday and again on Tuesday."
    for time in find_times(text, ANCHOR):
        (start, end), = time.spans
        assert text[start:end] == time.text


def test_without_an_anchor_relative_values_stay_unresolved():
    assert one("The vote is on Monday.", None) == ("Monday", "DATE", "XXXX-WXX-1")
    assert one("The law dates from 1987.", None) == ("1987", "DATE", "1987")
    text = "Ferry sinks off the coast\nMarch 13, 2024\nA ferry sank today near the port."
    assert [t.value for t in find_times(text, None)] == ["2024-03-13", "2024-03-13"]  # the dateline stands in
    values = [t.value for t in find_times("The jet flew on April 27, 2005, taking off at 08:30 UTC.", None)]
    assert values == ["2005-04-27", "2005-04-27T08:30Z"]  # a clock time still takes the day named


@pytest.mark.parametrize(("words", "value"), [("twenty-four", 24), ("a dozen", 12), ("2 1/2", 2.5), ("few", None)])
def test_number(words, value):
    assert number(words) == value


@pytest.mark.parametrize(("amount", "unit", "value"), [
    (11, "minute", "PT11M"), (3, "years", "P3Y"), (None, "day", "PXD"), (0.5, "hour", "PT30M"), (2, "decade", "P20Y"),
])
def test_duration(amount, unit, value):
    assert duration(amount, unit) == value


@pytest.mark.parametrize(("sentence", "expected"), [
    # clock times: two-digit hours, universal time marked "Z", a day after the clock read in its sentence
    ("The plane landed at 10:35 a.m. in Lisbon.", ("10:35 a.m.", "TIME", "2024-03-13T10:35")),
    ("The summit opens at 14:30 UTC.", ("14:30 UTC", "TIME", "2024-03-13T14:30Z")),
    ("Trading resumed at 0800 GMT.", ("0800 GMT", "TIME", "2024-03-13T08:00Z")),
    ("The tenants have until 9 a.m. Thursday to leave.", ("9 a.m. Thursday", "TIME", "2024-03-14T09:00")),
    # tense cues: "United" is no past tense, a put-off event lies ahead, "will be named" is future
    ("The minister will travel to the United States Friday.", ("Friday", "DATE", "2024-03-15")),
    ("The board postponed the vote until Monday.", ("Monday", "DATE", "2024-03-18")),
    ("The new chief will succeed her on Oct. 1.", ("Oct. 1", "DATE", "2024-10-01")),
    ("A new coach will be named in December.", ("December", "DATE", "2024-12")),
    ("She was shot last Oct. 23 outside her home.", ("Oct. 23", "DATE", "2023-10-23")),
    ("The two sides intend to sign the deal in February.", ("February", "DATE", "2025-02")),
    ("The two leaders meet Monday in Geneva.", ("Monday", "DATE", "2024-03-18")),
    ("The alliance decided to admit two members in June.", ("June", "DATE", "2024-06")),
    ("The offer had been due to expire on Friday.", ("Friday", "DATE", "2024-03-08")),
    ("On Friday, when she cut short her vacation plans, the embassy reopened.", ("Friday", "DATE", "2024-03-08")),
    ("The club plans to reopen the stadium on Friday.", ("Friday", "DATE", "2024-03-15")),
    ("On Tuesday, the national federation of tenant associations plans to hold a rally.",
     ("Tuesday", "DATE", "2024-03-19")),  # no cue before: the first one after, if within reach
    ("The two firms agreed in November to join forces.", ("November", "DATE", "2023-11")),
    # a modal far back in a long clause still governs: "will" beyond the near window, no cue nearer
    ("Colonel Ruth Okafor will be named commander of the new orbital research station for a mission in November.",
     ("November", "DATE", "2024-11")),
    ("Today, hundreds of pilgrims began to arrive.", ("Today", "DATE", "2024-03-13")),
    # an event named by its weekday has happened, whatever the "would" of reported speech; "will" looks ahead
    ("The firm said it would seek ways around Monday's ruling.", ("Monday", "DATE", "2024-03-11")),
    ("Voters will cast ballots in Sunday's election.", ("Sunday", "DATE", "2024-03-17")),
    ("Polls suggest the party would win Sunday's runoff election.", ("Sunday", "DATE", "2024-03-17")),
    # quarters counted as quarters, plural units with recent/coming as vague durations
    ("Profits fell for two quarters in a row.", ("two quarters", "DURATION", "P2Q")),
    ("The miner lost money in the fiscal-first quarter.", ("the fiscal-first quarter", "DATE", "2024-Q1")),
    ("The fund pays out every quarter.", ("every quarter", "SET", "P1Q")),
    ("Rents have soared in recent years.", ("recent years", "DURATION", "PXY")),
    ("Talks will continue over the next couple of years.", ("the next couple of years", "DURATION", "P2Y")),
    ("The index fell for eight trading days.", ("eight trading days", "DURATION", "P8D")),
    # seasons, parts of the day, the end of the year, the term ahead
    ("The plant reopened this past spring.", ("this past spring", "DATE", "2023-SP")),
    ("Shortages lasted well into the summer.", ("the summer", "DATE", "2023-SU")),
    ("Clouds gathered by mid afternoon.", ("mid afternoon", "TIME", "2024-03-13TAF")),
    ("Sales should recover by year-end.", ("year-end", "DATE", "2024")),
    ("The index is up 8% since year-end.", ("year-end", "DATE", "2023")),
    ("Prices may stay high in the near term.", ("the near term", "DATE", "FUTURE_REF")),
    ("The council publishes weekly figures on housing.", ("weekly", "SET", "P1W")),
])
def test_more_expressions(sentence, expected):
    assert one(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The director, 52 years old, resigned.",
    "A second group of investors joined the bid.",
    "Foreign minister Jan Kavan signed the treaty.",
    "Thousands joined the March for Life in the capital.",
    "For Poland, high noon has come.",
    'The senator spoke on ABC\'s "This Week" program.',
    "Funds hold more than a quarter of the market.",
    "The carmaker will shed 600, or about a quarter, of its dealers.",
    "Three quarters of the staff voted for the deal.",
    "Guards arrested him in the early hours of the raid.",
    "Investigators played tapes from the night the ferry sank.",
    "The new chairman is in his 50s.",
    "Highs will be in the 70s along the coast.",
    "The studio released Photo '24 for laptops.",
    "Miners gave up the night-shift bonus for nothing.",  # every alternative of a rule is bounded
])
def test_words_that_are_not_times(sentence):
    assert [(t.text, t.value) for t in find_times(sentence, ANCHOR)] == []


def test_the_night_of_a_date_leaves_the_date():
    values = [(t.text, t.value) for t in find_times("He was shot on the night of Friday, March 8.", ANCHOR)]
    assert values == [("Friday, March 8", "2024-03-08")]


def test_the_day_and_that_day_lean_on_the_last_day():
    text = "Shares fell on Monday. The index lost 2% to end the day at 4,000, and recovered later in the day."
    assert [(t.text, t.value) for t in find_times(text, ANCHOR)] == [
        ("Monday", "2024-03-11"), ("the day", "2024-03-11"), ("later in the day", "2024-03-11")]
    text = "The dam broke on March 2, 2020. Earlier that day, engineers had warned the town."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2020-03-02", "2020-03-02"]
    assert find_times("In many ways, the day belonged to the visitors.", ANCHOR) == []


def test_the_latest_period_is_the_quarter_just_reported():
    text = "The brewer said there were no one-off gains in the latest period."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2023-Q4"]
    text = "Revenue rose 4% in the quarter to $2.3 billion."  # "to" an amount, not "a quarter to five"
    assert [t.value for t in find_times(text, ANCHOR)] == ["2023-Q4"]


def test_that_quarter_is_the_quarter_named_before():
    text = "Revenue fell in the second quarter of 2022. In that quarter, costs rose."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2022-Q2", "2022-Q2"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a deadline in a clause without tense looks ahead; "this year through May" is a span, not a deadline
    ("The ferry company's plan is to cut its debt by February.", ("February", "DATE", "2025-02")),
    ("Loans to the club are extended through January, the bank said.", ("January", "DATE", "2025-01")),
])
def test_deadlines_look_ahead(sentence, expected):
    assert one(sentence) == expected


def test_the_same_period_a_year_before():
    text = "Exports rose 12% in February compared with the same month a year earlier."
    assert [(t.text, t.value) for t in find_times(text, ANCHOR)] == [
        ("February", "2024-02"), ("the same month a year earlier", "2023-02")]
    text = "Profit doubled in the third quarter of 2023 from the same period last year."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2023-Q3", "2022-Q3"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # clock times in words, the week around a date, "-long" adjectives, a month modified and given its year
    ("The convoy will set off at 5 in the morning.", ("5 in the morning", "TIME", "2024-03-13T05:00")),
    ("The bells rang at nine at night.", ("nine at night", "TIME", "2024-03-13T21:00")),
    ("Lessons start at eight o'clock sharp.", ("eight o'clock", "TIME", "2024-03-13T08:00")),
    ("The trial is likely to open the week of April 8.", ("the week of April 8", "DATE", "2024-W15")),
    ("Nurses held a day-long strike.", ("day-long", "DURATION", "P1D")),
    ("It was the index's worst single-day fall.", ("single-day", "DURATION", "P1D")),
    ("The town ended its years-long feud with the mill.", ("years-long", "DURATION", "PXY")),
    ("The two clans settled their decades-long quarrel.", ("decades-long", "DURATION", "PXY")),  # years, not PXDE
    ("The plant was sold in late January this year.", ("late January this year", "DATE", "2024-01")),
])
def test_written_out_and_combined(sentence, expected):
    assert one(sentence) == expected


def test_parts_of_days_and_days_after_a_named_one():
    text = "The ship docked on March 4. The crew went ashore the next morning."
    assert [(t.text, t.value) for t in find_times(text, ANCHOR)] == [
        ("March 4", "2024-03-04"), ("the next morning", "2024-03-05TMO")]
    text = "The archive burned in June 2019. Staff saved what they could that same day."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2019-06", "2019-06-XX"]


def test_the_year_does_not_lean_on_a_target_year():
    text = "The brewer aims to double its share by 2030. It forecast higher profit for the full year."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2030", "2024"]
    text = "Sales in 2019 were weak, and profit fell for the full year."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2019", "2019"]


def test_the_weekend_early_in_the_week_is_the_one_just_gone():
    monday = "2024-03-11"
    assert one("Rescuers over the weekend became more hopeful.", monday) == ("the weekend", "DATE", "2024-W10-WE")
    assert one("The fair will open over the weekend.", monday) == ("the weekend", "DATE", "2024-W11-WE")
    assert one("Crowds are expected over the weekend.", "2024-03-14") == ("the weekend", "DATE", "2024-W11-WE")


def test_the_day_in_focus_survives_a_month_or_year_named_since():
    text = "Shares rose on Friday, though jobs fell in March to the fewest since 1983. The index ended the day higher."
    assert [(t.text, t.value) for t in find_times(text, ANCHOR)] == [
        ("Friday", "2024-03-08"), ("March", "2024-03"), ("1983", "1983"), ("the day", "2024-03-08")]
    text = "Rescuers reached the village on Monday morning and left at 4 p.m."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2024-03-11TMO", "2024-03-11T16:00"]


def test_a_forecast_quarter_is_not_the_one_reported():
    text = ("Profit fell in the third quarter of 2023. Analysts expect losses to continue into the second quarter. "
            "Profit was higher in the year-ago period.")
    assert [t.value for t in find_times(text, ANCHOR)] == ["2023-Q3", "2024-Q2", "2022-Q3"]
    text = "Sales rose in the fourth quarter of 2023. The firm will cut jobs in the first quarter. A year ago, it hired."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2023-Q4", "2024-Q1", "2022-Q4"]


@pytest.mark.parametrize(("sentence", "expected"), [
    # the day (week) of a streak is the one being reported: the day last named, else the publication day
    ("Shares fell on Monday for a third straight day.", ["2024-03-11", "2024-03-11"]),
    ("Today is the ninth day of the siege.", ["2024-03-13", "2024-03-13"]),
    ("Exports grew for a fifth week in a row.", ["2024-W11"]),
    ("He pledged to act on his first day in office.", []),
])
def test_the_day_of_a_streak(sentence, expected):
    assert [t.value for t in find_times(sentence, ANCHOR)] == expected


def test_a_headline_weekday_does_not_join_the_dateline():
    text = "Markets to stay shut until Friday\nMarch 13, 2024\nTraders waited."
    assert [(t.text, t.value) for t in find_times(text, ANCHOR)] == [
        ("Friday", "2024-03-15"), ("March 13, 2024", "2024-03-13")]
    assert one("The port will remain closed until Friday.") == ("Friday", "DATE", "2024-03-15")


def test_the_previous_weekday_counts_from_the_day_in_focus():
    text = "Shares closed lower on Friday, overnight losses weighing, down 4% from the previous Friday."
    assert [(t.text, t.value) for t in find_times(text, ANCHOR)] == [
        ("Friday", "2024-03-08"), ("overnight", "2024-03-13TNI"), ("the previous Friday", "2024-03-01")]
    text = "The talks broke off on Monday, March 4, and resumed the following Thursday."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2024-03-04", "2024-03-07"]


def test_a_year_earlier_after_the_nine_months_is_a_year():
    text = ("Profit rose in the third quarter of 2023. In the first nine months, the brewer earned $40 million, up "
            "from $31 million a year earlier; costs in the 2022 period were lower. In the fourth quarter, sales fell "
            "from a year ago.")
    assert [(t.text, t.value) for t in find_times(text, ANCHOR)] == [
        ("the third quarter of 2023", "2023-Q3"), ("the first nine months", "P9M"), ("a year earlier", "2022"),
        ("the 2022 period", "2022"), ("the fourth quarter", "2023-Q4"), ("a year ago", "2022-Q4")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a holiday's week is the calendar week holding it; the tense picks the occurrence
    ("Hotels will be full during Easter week.", [("Easter week", "DATE", "2024-W13")]),
    ("The choir toured the coast in Christmas week 2019.", [("Christmas week 2019", "DATE", "2019-W52")]),
    ("Canvassers will knock on every door until Election Day.", [("Election Day", "DATE", "2024-11-05")]),
    ("Turnout on Election Day 2020 broke records.", [("Election Day 2020", "DATE", "2020-11-03")]),
    ("The queues on election day were short.", []),
    # the second day of "April 24 and 25" is a date of its own, in the month and year of the first
    ("The ministers meet on April 24 and 25 in Lisbon.",
     [("April 24", "DATE", "2024-04-24"), ("25", "DATE", "2024-04-25")]),
    ("The ballots were cast on Oct. 3 or 4, 1999, officials said.",
     [("Oct. 3", "DATE", "1999-10-03"), ("4, 1999", "DATE", "1999-10-04")]),
    ("By March 3 and 5 goals later the match was over.", [("March 3", "DATE", "2024-03-03")]),
    # an index named with a number is no year
    ("The Russell 2000 index of small companies fell 3%.", []),
])
def test_holiday_weeks_second_days_and_index_names(sentence, expected):
    assert [(t.text, t.type, t.value) for t in find_times(sentence, ANCHOR)] == expected


@pytest.mark.parametrize(("sentence", "value"), [
    # the present perfect reaches up to now: a deadline after it lies ahead, after the simple past behind
    ("The airline has warned that it could run out of cash by January.", "2025-01"),
    ("The airline warned that it could run out of cash by January.", "2024-01"),
])
def test_a_deadline_after_the_present_perfect_lies_ahead(sentence, value):
    assert one(sentence)[2] == value


def test_a_wire_dateline_dates_the_story():
    # filed on Tuesday 12 March, published on the 13th: "tomorrow" is the 13th
    text = "OSLO, March 12 (Norpress) --\n\nThe fishing ministry will publish the quotas tomorrow."
    assert [(t.text, t.value) for t in find_times(text, ANCHOR)] == [("March 12", "2024-03-12"), ("tomorrow", "2024-03-13")]
    # a dateline far from publication is a date in the story, not the filing day
    text = "OSLO, March 2 (Norpress) --\n\nThe fishing ministry will publish the quotas tomorrow."
    assert [t.value for t in find_times(text, ANCHOR)][-1] == "2024-03-14"
    # after a state, and with its year
    text = "Quota day\nTARNOW, Ky., March 12 (Norpress) —\n\nThe fishing ministry will publish the quotas tomorrow."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2024-03-12", "2024-03-13"]
    text = "OSLO, March 11, 2024 (Norpress) - The fishing ministry will publish the quotas tomorrow."
    assert [t.value for t in find_times(text, ANCHOR)] == ["2024-03-11", "2024-03-12"]


@pytest.mark.parametrize(("sentence", "value"), [
    # the generic "today" opens a quotation as it opens a sentence; the cue after it is no report of a day
    ("“Today, a harbour pilot earns less than a bus driver,” the union leader said.", "PRESENT_REF"),
    ("\"Today, the old mill stands empty,\" Ruth Ekland told the council.", "PRESENT_REF"),
    ("“Today, we voted against the budget,” she said.", "2024-03-13"),
])
def test_the_generic_today_at_the_start_of_a_quotation(sentence, value):
    assert one(sentence)[2] == value


def test_a_plan_in_the_present_passive_lies_ahead():
    from onrecord.config import DEFAULT_MODEL
    from onrecord.nlp import load

    text = "The final reading is scheduled for Monday. The ferry was scheduled for Monday but sank."
    found = find_times(text, ANCHOR, load(DEFAULT_MODEL)(text))
    assert [t.value for t in found] == ["2024-03-18", "2024-03-11"]


@pytest.mark.parametrize(("sentence", "value"), [
    # a quarter ahead in the future tense is the next such one; the quarter results are reported on has gone by
    ("The ministry says spending will fall in the fourth quarter.", "2024-Q4"),
    ("The shipyard will reopen in the first quarter.", "2024-Q1"),
    ("Spending fell in the fourth quarter.", "2023-Q4"),
    ("The brewer expects to report a fourth-quarter loss.", "2023-Q4"),
])
def test_a_quarter_ahead_in_the_future_tense(sentence, value):
    assert one(sentence)[2] == value


@pytest.mark.parametrize(("sentence", "value"), [
    # the present of a scheduled event points ahead; a past tense, a negated past or a headline's present does not
    ("Voters go to the polls on Sunday.", "2024-03-17"),
    ("The runoff is on Sunday.", "2024-03-17"),
    ("The republic holds a snap election on Sunday.", "2024-03-17"),
    ("The summit takes place on Friday in Oslo.", "2024-03-15"),
    ("The summit opens on Tuesday.", "2024-03-19"),
    ("The envoys said on Tuesday that the talks are over.", "2024-03-12"),
    ("Voters went to the polls on Sunday.", "2024-03-10"),
    ("The summit did not take place on Friday.", "2024-03-08"),
    ("The delegates met on Monday.", "2024-03-11"),
    ("Storm floods harbour town on Sunday", "2024-03-10"),
    ("The effect of Monday's debate is still small.", "2024-03-11"),  # the event is told of, not scheduled
])
def test_a_scheduled_event_in_the_present_lies_ahead(sentence, value):
    assert one(sentence)[2] == value


@pytest.mark.parametrize(("sentence", "expected"), [
    # quarters and halves by their codes; a half without its year is one of the year of publication
    ("Revenue rose in Q3.", [("Q3", "2023-Q3")]),
    ("The carmaker's Q1 deliveries beat forecasts.", [("Q1", "2024-Q1")]),
    ("The fund lost money in Q4 2023.", [("Q4 2023", "2023-Q4")]),
    ("Orders peaked in Q2 of 2021.", [("Q2 of 2021", "2021-Q2")]),
    ("Output rose in H2 2022.", [("H2 2022", "2022-H2")]),
    ("Margins improved in the second half of 2022.", [("the second half of 2022", "2022-H2")]),
    ("Costs will fall in the first half of next year.", [("the first half of next year", "2025-H1")]),
    ("Last year's second half was weak.", [("Last year's second half", "2023-H2")]),
    ("Profit rose in the first half of the year.", [("the first half of the year", "2024-H1")]),
    ("First-half profit is up 8%.", [("First-half", "2024-H1")]),
    ("Exports should pick up during the second half.", [("the second half", "2024-H2")]),
    ("Sales dropped in the second half.", [("the second half", "2023-H2")]),  # gone by, so last year's
    # not quarters or halves of a year: a car, a virus, a chemical, a game, an hour, a decade
    ("She drives an Audi Q3.", []),
    ("The vaccine protects against H1N1.", []),
    ("Hydrogen (H2) is light.", []),
    ("Rovers scored twice in the second half.", []),
    ("“The Super Bowl is dull so far,” he wrote during the first half.", []),
    ("Nobody spoke in the last half hour.", []),
    ("In the first half of the concert, the band played old songs.", []),
])
def test_quarter_and_half_codes(sentence, expected):
    assert [(t.text, t.value) for t in find_times(sentence, ANCHOR)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # working days and weekends as sets, in the place of the weekday number
    ("The ferry sails every weekday.", ("every weekday", "SET", "XXXX-WXX-WD")),
    ("Each weekend the square fills with stalls.", ("Each weekend", "SET", "XXXX-WXX-WE")),
    ("The archive is open on weekdays.", ("weekdays", "SET", "XXXX-WXX-WD")),
    ("She swims every weekday morning.", ("every weekday morning", "SET", "XXXX-WXX-WDTMO")),
    # a winter over the turn of a year is one expression, valued by the year it begins in
    ("The reservoir froze in the winter of 2019-20.", ("the winter of 2019-20", "DATE", "2019-WI")),
    ("Flu cases peaked in winter 2019/20.", ("winter 2019/20", "DATE", "2019-WI")),
])
def test_week_parts_and_winters_over_the_new_year(sentence, expected):
    assert one(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # "now that ..." still speaks of the present; "now-defunct" is part of an adjective
    ("Now that the bridge is open, the ferry will stop.", [("Now", "PRESENT_REF")]),
    ("The pier belonged to the now-defunct rail company.", []),
])
def test_now_that_is_the_present(sentence, expected):
    assert [(t.text, t.value) for t in find_times(sentence, ANCHOR)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a time before a plan in the simple past is when the plan was made; before a present plan, what it is for
    ("On Friday, the council planned to close the library.", [("Friday", "2024-03-08")]),
    ("On Monday, the board postponed the vote until Thursday.", [("Monday", "2024-03-11"), ("Thursday", "2024-03-14")]),
    ("On Friday, the council plans to close the library.", [("Friday", "2024-03-15")]),
    ("The council planned to close the library on Friday.", [("Friday", "2024-03-15")]),
])
def test_a_plan_made_on_the_day(sentence, expected):
    assert [(t.text, t.value) for t in find_times(sentence, ANCHOR)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the unit before (after) the last date named, written after its noun; "last year" is a date named
    ("Ferry traffic fell in 2021, and more than the year previous.", [("2021", "2021"), ("the year previous", "2020")]),
    ("Rents rose 4% last year, after 6% the year before.", [("last year", "2023"), ("the year before", "2022")]),
    ("The mill shut in May 2022 and reopened the month after.", [("May 2022", "2022-05"), ("the month after", "2022-06")]),
    # counted from an event, or with no date named before: not resolvable
    ("The mill shut the year before the flood.", []),
    ("The year before, nobody came.", []),
])
def test_the_unit_before_the_last_date(sentence, expected):
    assert [(t.text, t.value) for t in find_times(sentence, ANCHOR)] == expected


@pytest.mark.parametrize(("sentence", "value"), [
    # reported speech: a plan in the past under "said" is the speaker's present plan, still ahead
    ("The official said that the vote was planned for early May.", "2024-05"),
    # a day between a reporting verb and what it reports is the report's, not the past perfect's
    ("Police said on Wednesday they had arrested two men.", "2024-03-13"),
    ("The company said Monday it will close the plant.", "2024-03-11"),
    # a bound or a point of reference is no day before the story's own ("until", "as of")
    ("Up until Wednesday, officials had described him as a witness.", "2024-03-13"),
    ("As of Wednesday evening, the family still had not signed the agreement.", "2024-03-13TEV"),
    # a passive participle takes its tense from its auxiliaries: the modal of what lies ahead, the present perfect
    ("The new rate would be paid on a date in January.", "2025-01"),
    ("The transaction should be completed in October.", "2024-10"),
    ("The lenders have extended the loans through January.", "2025-01"),
    # an infinitive in the past has no tense of its own: the plan overtaken, the offer extended
    ("The offer had been scheduled to expire at midnight Friday.", "2024-03-08T24:00"),
    ("The bidders extended their offers to buy the company Friday.", "2024-03-08"),
    # the bound of a state that holds now lies ahead, though a participle ("closed") looks like a past
    ("The museum is closed until Friday.", "2024-03-15"),
    ("The council has kept the bridge closed until Friday.", "2024-03-15"),
    ("The council kept the bridge closed until Friday.", "2024-03-08"),
])
def test_the_tense_of_the_governing_verb_in_the_parse(sentence, value):
    from onrecord.config import DEFAULT_MODEL
    from onrecord.nlp import load

    found = find_times(sentence, ANCHOR, load(DEFAULT_MODEL)(sentence))
    assert [t.value for t in found] == [value]
