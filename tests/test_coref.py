"""Speakers and addressees to entities (the "speakers" stage), end to end with the real model."""

from __future__ import annotations

import onrecord
from onrecord.config import Settings
from onrecord.ingest.article import make_article
from onrecord.nlp import load
from onrecord.pipeline import run
from onrecord.record import Party, Quote, Role
from onrecord.stages.coref import resolve

STAGES = ("entities", "quotes", "speakers")


def record_of(text: str):
    (record,) = list(run([make_article("<text>", text)], Settings(stages=STAGES)))
    return record


def quote_with(record, words: str):
    found = [q for q in record.quotes if words in q.content.text]
    assert found, f"no quote containing {words!r} in {[q.content.text for q in record.quotes]}"
    return found[0]


def name_of(record, entity_id):
    return next((e.name for e in record.entities if e.id == entity_id), None)


def entity_at(record, words: str, nth: int = 0) -> str | None:
    """The name of the entity that has a mention at the ``nth`` occurrence of ``words`` (a mention
    of its first word), or None."""
    at = -1
    for _ in range(nth + 1):
        at = record.article.text.index(words, at + 1)
    span = (at, at + len(words.split()[0]))
    return next((e.name for e in record.entities if span in e.mentions), None)


def mentions(record, name: str, words: str) -> bool:
    """Whether the first occurrence of ``words`` (a name's first word) is a mention of the entity ``name``."""
    return entity_at(record, words) == name


def test_he_and_she_speakers_agree_with_the_person():
    record = record_of(
        "Mark Olsen met Ana Duarte at the harbour on Monday. "
        "She said that the fees would not rise. He said that the fees must rise.")
    assert name_of(record, quote_with(record, "not rise").speaker.entity) == "Ana Duarte"
    assert name_of(record, quote_with(record, "must rise").speaker.entity) == "Mark Olsen"


def test_description_as_speaker_resolves_to_the_one_person_it_fits():
    record = record_of(
        "Mark Olsen, the head of the port authority, toured the docks with Ana Duarte. "
        "“The cranes are too old,” the port chief said.")
    assert name_of(record, quote_with(record, "cranes").speaker.entity) == "Mark Olsen"


def test_title_description_as_speaker():
    record = record_of(
        "President Helena Marsh visited the flooded town on Sunday. "
        "“We will rebuild every house,” the president said.")
    assert name_of(record, quote_with(record, "rebuild").speaker.entity) == "Helena Marsh"


def test_addressee_and_speaker_by_name():
    record = record_of("“The budget is balanced,” Ana Duarte told Mark Olsen on Friday.")
    quote = quote_with(record, "balanced")
    assert name_of(record, quote.speaker.entity) == "Ana Duarte"
    assert name_of(record, quote.addressee.entity) == "Mark Olsen"


def test_speaker_after_a_long_quotation_is_the_earlier_speaker():
    record = record_of(
        "Mark Olsen spoke to the council on Tuesday. “The port is losing money. The cranes are old. "
        "The ships go to Rotterdam instead,” Olsen said. “Nobody listens,” he added.")
    assert name_of(record, quote_with(record, "Nobody listens").speaker.entity) == "Mark Olsen"


def test_first_person_inside_a_quotation_is_the_outer_speaker():
    record = record_of("“Duarte told me: ‘You will get your cranes,’” Mark Olsen said to Lisa Berg on Friday.")
    inner = [q for q in record.quotes if q.parent is not None]
    assert inner and inner[0].addressee.text == "me"
    assert name_of(record, inner[0].addressee.entity) == "Mark Olsen"


def test_resolve_maps_first_and_second_person_to_the_outer_parties():
    record = record_of("Mark Olsen told Lisa Berg that I and you had won.")
    olsen, berg = (next(e.id for e in record.entities if e.name == name) for name in ("Mark Olsen", "Lisa Berg"))
    outer = Quote(id="q1", kind="direct", content=Role(text="x", spans=[(0, 1)]),
                  speaker=Party(text="Mark Olsen", spans=[(0, 10)], entity=olsen),
                  addressee=Party(text="Lisa Berg", spans=[(16, 25)], entity=berg))
    doc = load(Settings().model, None)(record.article.text)
    i, you = record.article.text.index(" I ") + 1, record.article.text.index("you")
    assert resolve(i, i + 1, record, doc, clusters=[], outer=outer) == olsen
    assert resolve(you, you + 3, record, doc, clusters=[], outer=outer) == berg
    assert resolve(i, i + 1, record, doc, clusters=[], outer=None) is None


def test_she_after_a_spokeswoman_is_the_spokeswoman_not_the_president_she_spoke_of():
    record = record_of(
        "President Elena Marsh met the envoy on Monday. Marsh's spokeswoman, Ana Duarte, told reporters "
        "that the president was disappointed. She said the government would publish its own proposal.")
    assert name_of(record, quote_with(record, "its own proposal").speaker.entity) == "Ana Duarte"


def test_he_inside_someones_words_is_not_the_speaker():
    record = record_of(
        "Prime Minister Tomas Reyes described his call with the strikers. "
        "“He told me: ‘Look, Tomas, we are not moving until the contracts are signed,’” Reyes said.")
    (inner,) = [q for q in record.quotes if q.parent is not None]
    assert inner.content.text.rstrip(",") == "Look, Tomas, we are not moving until the contracts are signed"
    assert inner.speaker.text == "He" and name_of(record, inner.speaker.entity) != "Tomas Reyes"
    assert name_of(record, inner.addressee.entity) == "Tomas Reyes"


def test_a_name_in_apposition_after_an_of_phrase_names_the_speaker():
    record = record_of("The head of the Corvane Group, Pavel Strand, said on Saturday that his fighters lacked ammunition.")
    assert name_of(record, quote_with(record, "lacked ammunition").speaker.entity) == "Pavel Strand"


def test_an_abbreviated_title_is_the_role_a_later_description_names():
    record = record_of(
        "Gov. Teresa Lindqvist met the port workers on Monday, and Sen. Marcus Whitfield joined her at the docks. "
        "\"We will not let this port close,\" the governor said. The senator said he would ask for federal money.")
    assert name_of(record, quote_with(record, "port close").speaker.entity) == "Teresa Lindqvist"
    assert name_of(record, quote_with(record, "federal money").speaker.entity) == "Marcus Whitfield"


def test_she_or_her_in_someones_own_words_is_not_the_speaker():
    record = record_of(
        "Sen. Tavish Whitfield met Dr. Elena Sokolova, a geologist, on Monday. Sokolova said the route crossed two "
        "fault lines.\n\nWhitfield later told reporters: \"Dr. Sokolova said to me, 'You will regret this if you "
        "ignore the faults.' I believe her.\"")
    text = record.article.text
    her = text.index("her.\"")
    owners = [e.name for e in record.entities if (her, her + 3) in e.mentions]
    assert owners == ["Elena Sokolova"]


def test_a_speaker_described_first_and_named_later_is_that_person():
    record = record_of(
        "A senior official at the transport ministry said the rail tender had been rigged.\n\n"
        "The official, later identified as deputy director Kasia Nowak, told investigators that she had seen "
        "the bids.\n\nA spokesman for the ministry said the claim was false. The spokesman, Daniel Reyes, "
        "added that the tender would stand.")
    assert name_of(record, quote_with(record, "rigged").speaker.entity) == "Kasia Nowak"
    assert name_of(record, quote_with(record, "seen the bids").speaker.entity) == "Kasia Nowak"
    assert name_of(record, quote_with(record, "claim was false").speaker.entity) == "Daniel Reyes"


def test_a_relative_pronoun_speaker_is_the_noun_it_hangs_on():
    record = record_of(
        "Mark Olsen, who said the cranes were too old, toured the docks on Monday.")
    assert name_of(record, quote_with(record, "too old").speaker.entity) == "Mark Olsen"


def test_a_role_description_the_model_tagged_as_a_proper_noun_still_resolves():
    record = record_of(
        "Finance Minister Oleg Tamm and Environment Minister Saara Lepp clashed over the carbon tax on Monday. "
        "Prime Minister Kaja Rebane said both ministers would present plans in May. "
        "\"I asked them to find a middle road,\" the prime minister said.")
    assert name_of(record, quote_with(record, "middle road").speaker.entity) == "Kaja Rebane"


def test_them_after_a_plural_noun_is_not_an_organisation_named_earlier():
    record = record_of(
        "The Water Research Institute published a report in May. Its director, Naomi Achebe, said the dams were "
        "silting up.\n\nDaniel Jordan told supporters in the capital that he would build ten dams. "
        "\"You will have water,\" he told them.")
    quote = quote_with(record, "have water")
    assert quote.addressee.text == "them" and quote.addressee.entity is None


def test_a_description_the_next_sentence_names_is_that_person():
    record = record_of(
        "Mark Olsen and Ana Duarte failed to agree on the levy. The president said on Wednesday that he hoped "
        "the two sides would find a compromise. President Jonas Reval added that he would meet both.")
    assert name_of(record, quote_with(record, "compromise").speaker.entity) == "Jonas Reval"


def test_an_untagged_acronym_after_a_tagged_full_name_joins_it_and_names_the_speaker():
    record = record_of(
        "The national rail operator, Nordbahn, warned that it would cut services. "
        "The largest union, the Railway Workers' Federation (RWF), said its members had voted for action.")
    union = next(e for e in record.entities if e.name == "Railway Workers' Federation")
    assert "RWF" in union.aliases
    assert quote_with(record, "voted for action").speaker.entity == union.id


def test_an_addressee_named_in_apposition_after_the_span_is_that_person():
    record = record_of(
        "Judge Irene Castell said the police had offered no evidence. \"You have had twenty days,\" she told the "
        "prosecutor, Miguel Santos.")
    quote = quote_with(record, "twenty days")
    assert name_of(record, quote.speaker.entity) == "Irene Castell"
    assert name_of(record, quote.addressee.entity) == "Miguel Santos"


def test_a_surname_a_man_and_his_wife_share_goes_to_the_one_its_pronoun_names():
    record = record_of(
        "A judge ordered the release of the journalist Tomas Ferrer on Monday. His wife, Clara Ferrer, wept as the "
        "ruling was read. \"He lost weight,\" Mrs. Ferrer said.\n\nFerrer himself spoke briefly on the steps. "
        "\"I thank the judge,\" he said.")
    assert name_of(record, quote_with(record, "thank the judge").speaker.entity) == "Tomas Ferrer"
    assert name_of(record, quote_with(record, "lost weight").speaker.entity) == "Clara Ferrer"
    assert mentions(record, "Tomas Ferrer", "Ferrer himself")


def test_the_ministry_is_no_union_named_just_before():
    record = record_of(
        "The Velsa Press Union had campaigned for the journalist's release. "
        "The interior ministry said in a statement that the arrest had been lawful.")
    assert quote_with(record, "lawful").speaker.entity is None


def test_a_surname_the_parse_took_for_a_common_noun_and_the_congresswoman_resolve():
    record = record_of(
        "Senator Harold Greaves announced on Friday that he would retire. His likely successor, Rep. Anna "
        "Kowalczyk, praised him. \"He taught me everything,\" the congresswoman said.\n\n"
        "Greaves told the newspaper last year that the report was nonsense.")
    assert name_of(record, quote_with(record, "taught me").speaker.entity) == "Anna Kowalczyk"
    assert mentions(record, "Harold Greaves", "Greaves told")


def test_the_centre_and_the_trust_stand_for_the_body_named_last():
    record = record_of(
        "The European Centre for Disease Prevention and Control (ECDC) published new figures last week. "
        "The centre said Romania and Italy were the worst hit.\n\n"
        "The Eastgate Medical Trust runs four hospitals. The trust said it would invest twelve million pounds.")
    assert name_of(record, quote_with(record, "worst hit").speaker.entity) == (
        "European Centre for Disease Prevention and Control")
    assert name_of(record, quote_with(record, "twelve million").speaker.entity) == "Eastgate Medical Trust"


def test_a_scandinavian_first_name_tells_a_man_from_the_she_who_answers():
    record = onrecord.extract(
        "Mayor Helena Brandt met the press on Friday.\n\nThe council's auditor, Rasmus Tell, said the fund "
        "paid out too much.\n\n“Are you asking as a journalist?” she asked.")
    quote = next(q for q in record.quotes if "journalist" in q.content.text)
    names = {e.id: e.name for e in record.entities}
    assert names.get(quote.speaker.entity) != "Rasmus Tell"


def test_first_and_second_person_in_quoted_words_are_the_speaker_and_the_one_spoken_to():
    text = ("“I told the board I would stay, and you know it,” Ana Duarte told Mark Olsen. "
            "“We will appeal,” the Harbour Workers Union said in a statement.")
    record = record_of(text)
    assert entity_at(record, "I") == "Ana Duarte"
    assert entity_at(record, "I", 1) == "Ana Duarte"
    assert entity_at(record, "you") == "Mark Olsen"
    assert entity_at(record, "We") == "Harbour Workers Union"  # a body's "we" is the body


def test_a_person_s_we_and_words_of_an_inner_quotation_are_not_the_outer_speaker():
    text = "“We were close. Then she said: ‘I am done,’” Ana Duarte said of her former deputy Eva Lind."
    record = record_of(text)
    assert entity_at(record, "We") is None  # a person's "we" is a group
    assert entity_at(record, "I") != "Ana Duarte"  # the inner quotation's "I" is the deputy's


def test_the_one_told_is_not_the_teller():
    text = ("Mark Olsen, the head of the port authority, met Mayor Ana Duarte and her deputy Jonas Berg on "
            "Thursday. The port chief later told him that the board was divided.")
    record = record_of(text)
    quote = quote_with(record, "the board was divided")
    assert name_of(record, quote.speaker.entity) == "Mark Olsen"
    assert name_of(record, quote.addressee.entity) == "Jonas Berg"
    assert entity_at(record, "him") == "Jonas Berg"


def test_a_pronoun_after_someone_described_but_never_named_is_not_a_person_named_long_before():
    text = ("The mayor, Petra Lind, accused the council of “playing games”. “We have waited long enough,” Lind told "
            "reporters. “Every winter we fill sandbags and pray.”\n\n"
            "The council's leader, Ivo Marsh, rejected the charge. He said the cost had doubled.\n\n"
            "Marsh later recounted a call he had with the regional governor. “She told me: ‘Ivo, if you wait, "
            "the money goes to Carlow.’ I said we would rather lose it than waste it,” he said.")
    record = record_of(text)
    (inner,) = [q for q in record.quotes if q.parent]
    assert inner.speaker.text == "She" and inner.speaker.entity is None  # the governor, whom no one names
    assert name_of(record, inner.addressee.entity) == "Ivo Marsh"
    assert name_of(record, quote_with(record, "rather lose it").speaker.entity) == "Ivo Marsh"
    # with no one described in between, the woman named before is still the one
    record = record_of("The mayor, Petra Lind, spoke first. Ivo Marsh rejected the plan. He said it cost too much. "
                       "Marsh left early. “She told me: ‘We are done.’ I agreed,” he said.")
    (inner,) = [q for q in record.quotes if q.parent]
    assert name_of(record, inner.speaker.entity) == "Petra Lind"
