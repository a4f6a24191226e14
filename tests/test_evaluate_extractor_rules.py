"""The general extractor rules added while measuring against the gold set (issue 8), each on a small written text."""

from __future__ import annotations


def hedge_words(features) -> list[str]:
    return [h.text for h in features.hedges if h.type == "modal"]


def test_would_of_reported_speech_is_not_a_hedge_but_a_hypothetical_would_is(analyse):
    reported = analyse("The minister said the plant would close in March.")
    assert hedge_words(reported) == []
    hypothetical = analyse("Without new orders the plant would close in March.")
    assert hedge_words(hypothetical) == ["would"]


def test_progressive_calling_on_is_active_speech_with_a_speaker(analyse):
    features = analyse("At the same time, Washington is calling on Moscow to withdraw troops from the border.")
    quote = next(q for q in features.quotes if q.kind == "indirect")
    assert quote.text.startswith("Moscow to withdraw troops")
    assert quote.side == "US government"


def test_a_topic_or_a_charge_is_not_reported_content(analyse):
    topic = analyse("NATO specifically writes about exchanging information about military drills with Russia.")
    assert [q for q in topic.quotes if q.kind == "indirect"] == []
    charge = analyse("The ministry expelled eight diplomats after accusing them of being intelligence officers.")
    assert [q for q in charge.quotes if q.kind == "indirect"] == []
    number = analyse("The Pentagon said about 2,000 soldiers will be sent to Poland this week.")
    assert [q.text for q in number.quotes] == ["about 2,000 soldiers will be sent to Poland this week"]


def test_speakers_of_different_sides_speaking_together_are_other(analyse):
    features = analyse("Western leaders and Ukrainian authorities say Russia has moved 100,000 troops to the border.")
    (quote,) = features.quotes
    assert quote.speaker == "Western leaders and Ukrainian authorities" and quote.side == "other"
    same_side = analyse("Blinken and Biden said the talks would continue next week in Geneva.")
    assert same_side.quotes[0].side == "US government"


def test_a_cue_can_report_a_clause_and_then_a_quotation(analyse):
    features = analyse(
        "Pentagon spokesman John Kirby assured that the troop movements do not mean an attack is certain, "
        "but “if he invades, there will be consequences”."
    )
    kinds = sorted(q.kind for q in features.quotes)
    assert kinds == ["direct", "indirect"]
    assert {q.speaker for q in features.quotes} == {"John Kirby"}


def test_proposed_and_requested_report_speech(analyse):
    proposed = analyse("Stoltenberg also proposed that Russia and NATO should reopen their offices.")
    assert [q.speaker for q in proposed.quotes] == ["Jens Stoltenberg"]
    requested = analyse("In December, Russia requested that the US and NATO reply in writing to its proposals.")
    assert [q.side for q in requested.quotes] == ["Russian government"]
