"""Quoted sources on stories the lexicons know nothing about: patterns, speakers, types and affiliations.

Every sentence here is written for the tests (a port strike, a storm, a court case, a budget).
"""

from __future__ import annotations

import json

from framing.extract.sources import SPEAKER_TYPES, affiliation_of, describe
from framing.spans import Quote


def quotes(analyse, text):
    return analyse(text).quotes


def one(analyse, text):
    (quote,) = quotes(analyse, text)
    return quote


# -- indirect patterns -------------------------------------------------------------------------


def test_said_that_and_said_without_that(analyse):
    first, second = quotes(
        analyse,
        "Port chief Ana Ruiz said that the cranes would restart on Monday.\n\n"
        "Dock worker Sam Okafor said the night shifts had been cut without notice.",
    )
    assert (first.kind, first.text, first.speaker) == ("indirect", "the cranes would restart on Monday", "Ana Ruiz")
    assert (second.text, second.speaker) == ("the night shifts had been cut without notice", "Sam Okafor")


def test_according_to_and_told_reporters(analyse):
    first, second = quotes(
        analyse,
        "Ten ships are waiting outside the harbour, according to the shipping association.\n\n"
        "Mayor Lena Brandt told reporters that the city would open two shelters.",
    )
    assert first.text == "Ten ships are waiting outside the harbour"
    assert first.speaker == "the shipping association" and first.speaker_type == "organisation"
    assert second.text == "the city would open two shelters" and second.speaker == "Lena Brandt"
    assert second.speaker_type == "official"


def test_added_argued_warned_that(analyse):
    found = quotes(
        analyse,
        "Union leader Ana Ruiz argued that the offer ignored inflation. "
        "She warned that the strike could spread to other ports. "
        "She added that members would vote again on Friday.",
    )
    assert [q.cue for q in found] == ["argued", "warned", "added"]
    assert {q.speaker for q in found} == {"Ana Ruiz"}


def test_speaker_after_the_reported_clause(analyse):
    quote = one(analyse, "The committee is two million dollars short, said former governor Ed Rendell.")
    assert quote.text == "The committee is two million dollars short"
    assert quote.speaker == "Ed Rendell"


def test_archive_double_apostrophe_quotation(analyse):
    quote = one(analyse, "''We now live in a world where shows never die,'' said Peter Rice, chairman of Fox Networks.")
    assert quote.kind == "direct" and quote.speaker == "Peter Rice"
    assert quote.affiliation == "Fox Networks" and quote.speaker_type == "organisation"


def test_quotation_continues_into_the_next_paragraph(analyse):
    first, second = quotes(
        analyse,
        "“We have waited two years for a fair offer,” said Dana Whitfield, the union’s regional secretary.\n\n"
        "“Our members keep this port running through every storm and every shortage.”",
    )
    assert first.speaker == second.speaker == "Dana Whitfield"


# -- speakers ------------------------------------------------------------------------------------


def test_apposition_after_the_name_gives_role_and_affiliation(analyse):
    quote = one(analyse, "Tom Reyes, a steward for the dockers’ union, said the pickets would stay until Friday.")
    assert quote.speaker == "Tom Reyes"
    assert quote.text == "the pickets would stay until Friday"
    assert quote.affiliation == "the dockers’ union" and quote.speaker_type == "organisation"


def test_role_phrase_as_the_speaker(analyse):
    quote = one(analyse, "The terminal will stay closed all week, said a spokesperson for the port authority.")
    assert quote.speaker == "a spokesperson for the port authority"
    assert quote.affiliation == "the port authority" and quote.speaker_type == "official"


def test_title_then_name_apposition(analyse):
    quote = one(analyse, "Its chairman, Pavel Nemec, said the count was being carried out by the book.")
    assert quote.speaker == "Pavel Nemec"


def test_person_named_after_the_body_they_speak_for(analyse):
    quote = one(analyse, "Economist Jane Park of the University of Leeds said wages would fall this year.")
    assert quote.speaker == "Jane Park"
    assert quote.speaker_type == "expert" and quote.affiliation == "the University of Leeds"


def test_group_speaker_is_not_shortened_to_the_place(analyse):
    quote = one(analyse, "Officials in Lisbon said talks could still avert a strike.")
    assert quote.speaker == "Officials in Lisbon"
    assert quote.speaker_type == "anonymous"  # unnamed officials: a source a reader cannot identify


def test_party_code_in_brackets_stays_with_the_name(analyse):
    quote = one(analyse, "Sen. Rand Paul (R-Ky.) said the spending bill was far too large.")
    assert quote.speaker == "Sen. Rand Paul"
    assert quote.affiliation == "Republican Party"


# -- pronouns ---------------------------------------------------------------------------------


def test_pronoun_resolves_to_the_last_named_speaker(analyse):
    first, second = quotes(
        analyse,
        "Union leader Ana Ruiz said the strike would go on. Later she said talks had failed.",
    )
    assert second.speaker == "Ana Ruiz" and second.speaker_text == "she"
    assert second.affiliation == first.affiliation == "Union"


def test_pronoun_resolves_to_a_name_that_was_not_a_speaker(analyse):
    quote = one(analyse, "Ana Ruiz visited the docks on Monday. She said the workers deserved better pay.")
    assert quote.speaker == "Ana Ruiz" and quote.speaker_text == "She"


def test_unresolvable_pronoun_keeps_the_quote_with_no_name(analyse):
    quote = one(analyse, "The focus should be on the schools rather than the buildings, he said.")
    assert quote.text == "The focus should be on the schools rather than the buildings"
    assert (quote.speaker, quote.speaker_text, quote.side) == ("", "he", "unknown")


# -- anonymous sources, documents --------------------------------------------------------------


def test_official_who_asked_not_to_be_named_is_anonymous(analyse):
    quote = one(analyse, "An official who asked not to be named said the talks had collapsed on Sunday night.")
    assert quote.text == "the talks had collapsed on Sunday night"
    assert quote.speaker_type == "anonymous"
    assert quote.cue == "said"  # "asked not to be named" is a request for anonymity, not a statement


def test_condition_of_anonymity_marks_the_source(analyse):
    quote = one(
        analyse,
        "Two people familiar with the plans, speaking on condition of anonymity, said the depot would close.",
    )
    assert quote.speaker_type == "anonymous"


def test_poll_is_a_document(analyse):
    quote = one(analyse, "Support for the strike has fallen to 41 percent, according to a new survey.")
    assert quote.speaker_type == "document"


# -- types, affiliations and sides ---------------------------------------------------------------


def test_describe_types_from_role_words():
    assert describe("Maria Lopez", "Maria Lopez", "a resident of the harbour district", "other", "").speaker_type == (
        "citizen"
    )
    assert describe("Helen Marsh", "Helen Marsh", "Justice", "other", "").speaker_type == "official"
    assert describe("Greystone Estates", "Greystone Estates", "", "other", "").speaker_type == "organisation"
    assert describe("Sam Okafor", "Sam Okafor", "", "other", "").speaker_type == "unknown"
    assert describe("", "he", "", "unknown", "").speaker_type == "unknown"
    assert {describe("x", "x", r, "other", "").speaker_type for r in ("", "professor")} <= set(SPEAKER_TYPES)


def test_affiliation_from_possessive_premodifier_and_preposition():
    assert affiliation_of("Color of Change's executive director", "") == "Color of Change"
    assert affiliation_of("Port Authority chair", "") == "Port Authority"
    assert affiliation_of("the chief executive of Showtime", "") == "Showtime"
    assert affiliation_of("a Republican who became governor", "") == ""


def test_affiliated_speaker_is_never_side_unknown(analyse):
    first, second = quotes(
        analyse,
        "Dock worker Sam Okafor, a member of the Harbour Workers Union, said the shifts were unsafe.\n\n"
        "The union would not sign, he said.",
    )
    assert first.affiliation == "the Harbour Workers Union"
    assert all(q.side != "unknown" for q in (first, second))


def test_old_quote_records_load_with_defaults():
    record = {
        "start": 0,
        "end": 4,
        "text": "x",
        "kind": "direct",
        "speaker": "A B",
        "speaker_text": "A B",
        "side": "other",
        "cue": "said",
        "n_words": 1,
    }
    quote = Quote(**json.loads(json.dumps(record)))
    assert (quote.speaker_type, quote.affiliation) == ("unknown", "")
    assert Quote(**quote.to_dict()) == quote


def test_question_mark_ends_the_sentence_before_the_verb(analyse):
    first, second = quotes(
        analyse, "“Who will pay for the repairs?” Ana Ruiz asked. “Not the workers, that much is certain.”"
    )
    assert first.speaker == second.speaker == "Ana Ruiz"
    assert first.cue == "asked"


def test_name_and_colon_at_the_start_of_a_paragraph(analyse):
    text = "Port strike enters second week\n\nAna Ruiz: the port will not reopen until the cranes are safe.\n\n"
    (quote,) = quotes(analyse, text + "The strike began on Monday.")
    assert (quote.speaker, quote.cue) == ("Ana Ruiz", ":")
    assert quote.text == "the port will not reopen until the cranes are safe"
    assert (
        quotes(analyse, "Port strike\n\nWatch: the cranes come down in two minutes.\n\nThe strike began on Monday.")
        == []
    )
