"""Quote extraction and speaker resolution on short texts written for the tests."""

from tests.helpers import quotes_of


def test_said_after_quote_and_title_before_name(analyse):
    f = analyse(
        "Pentagon spokesman John Kirby spoke on Monday about the deployment of troops to Europe.\n\n"
        "“We will defend every inch of allied territory,” Kirby told reporters on Monday afternoon."
    )
    quote = quotes_of(f, "direct")[0]
    assert quote.text == "“We will defend every inch of allied territory,”"
    assert (quote.speaker, quote.side, quote.cue) == ("John Kirby", "US government", "told")


def test_unknown_name_gets_side_from_title_and_short_name_resolves(analyse):
    f = analyse(
        "Ukrainian Foreign Minister Olena Testova said that Kyiv would not accept any deal made without it.\n\n"
        "“Nothing about Ukraine without Ukraine,” Testova said."
    )
    indirect = quotes_of(f, "indirect")[0]
    assert indirect.speaker == "Olena Testova" and indirect.side == "Ukrainian government"
    assert indirect.text == "Kyiv would not accept any deal made without it"
    direct = quotes_of(f, "direct")[0]
    assert direct.speaker == "Olena Testova" and direct.side == "Ukrainian government"


def test_according_to_and_reported_clause_before_the_speaker(analyse):
    f = analyse(
        "Russia has moved more tanks to the border, according to the Ministry of Defense of Ukraine.\n\n"
        "The talks will resume next week, the Kremlin said on Friday."
    )
    first, second = quotes_of(f, "indirect")
    assert first.text == "Russia has moved more tanks to the border"
    assert first.side == "Ukrainian government"
    assert second.text == "The talks will resume next week"
    assert second.side == "Russian government"


def test_pronoun_refers_back_to_the_last_person(analyse):
    f = analyse(
        "Russian Foreign Minister Sergey Lavrov met his counterpart in Geneva on Friday for two hours.\n\n"
        "He said the Western replies ignored Moscow's main concerns about security in Europe."
    )
    quote = quotes_of(f, "indirect")[0]
    assert quote.speaker == "Sergey Lavrov" and quote.side == "Russian government"
    assert quote.text.startswith("the Western replies ignored")


def test_short_unattributed_quote_is_a_scare_quote_not_a_source(analyse):
    f = analyse("The country held a “referendum” in the occupied region under the eyes of soldiers.")
    assert f.quotes == []
    assert [h.text for h in f.hedges if h.type == "scare_quote"] == ["“referendum”"]


def test_partial_quote_with_a_verb_is_attributed(analyse):
    f = analyse("Russia criticised the deployment of 2,000 more troops, calling the move “destructive”.")
    partial = quotes_of(f, "partial")
    assert partial and partial[0].text == "“destructive”"
    assert partial[0].side == "Russian government"


def test_apostrophes_are_not_quotes(analyse):
    f = analyse("Moscow’s demands and NATO’s reply were discussed at the allies’ meeting in Brussels on Friday.")
    assert f.quotes == []
    assert not [h for h in f.hedges if h.type == "scare_quote"]
