"""Actor discovery on text no lexicon was written for: a port strike."""

import time

import pytest

from framing.extract.discover import DiscoveredMention, discover_mentions, merge_actors

STRIKE = (
    "Port Authority chair Ana Ruiz said the strike would cost the city millions. "
    "The International Longshore and Warehouse Union (ILWU) called her offer an insult. "
    "However, Ruiz said talks would go on. Union leader Tom Bell met Ms Ruiz in Oakland on Monday. "
    "The ILWU said Bell had been patient, and the authority said it was ready to talk."
)


@pytest.fixture(scope="module")
def strike(lex) -> list[DiscoveredMention]:
    return discover_mentions(STRIKE, lex)


def by_text(mentions, text):
    return [m for m in mentions if m.text == text]


def test_a_titled_name_is_a_person_with_role_and_affiliation(strike):
    (ruiz,) = by_text(strike, "Ana Ruiz")
    assert (ruiz.actor, ruiz.kind) == ("Ana Ruiz", "person")
    assert ruiz.role == "Port Authority chair" and ruiz.affiliation == "Port Authority"
    assert STRIKE[ruiz.start : ruiz.end] == "Ana Ruiz"
    (authority,) = by_text(strike, "Port Authority")
    assert authority.kind == "organisation"


def test_surname_and_title_forms_link_to_the_full_name(strike):
    assert [m.actor for m in by_text(strike, "Ruiz")] == ["Ana Ruiz"]
    (ms,) = by_text(strike, "Ms Ruiz")
    assert ms.actor == "Ana Ruiz" and ms.title == "Ms" and ms.link == "short"
    assert [m.actor for m in by_text(strike, "Bell")] == ["Tom Bell"]


def test_a_role_word_before_a_name_gives_the_organisation_named_earlier(strike):
    (bell,) = by_text(strike, "Tom Bell")
    assert bell.role == "Union leader"
    assert bell.affiliation == "International Longshore and Warehouse Union"
    (lower,) = discover_mentions("The Dock Workers Union met. Later union leader Tom Bell spoke.")[1:2]
    assert (lower.text, lower.affiliation) == ("Tom Bell", "Dock Workers Union")


def test_an_acronym_links_to_its_expansion(strike):
    union = "International Longshore and Warehouse Union"
    assert [m.kind for m in by_text(strike, union)] == ["organisation"]
    assert [m.actor for m in by_text(strike, "ILWU")] == [union, union]


def test_sentence_initial_capitals_and_back_references(strike):
    texts = [m.text for m in strike]
    assert "However" not in texts and "The" not in texts and "Monday" not in texts
    assert [m.actor for m in by_text(strike, "the authority")] == ["Port Authority"]
    assert [m.actor for m in strike if m.link == "pronoun"] == ["Ana Ruiz"]  # "her offer"
    assert [m.kind for m in by_text(strike, "Oakland")] == ["place"]


def test_an_initial_sentence_name_is_kept():
    mentions = discover_mentions("Graham's comment only fed rumours that Winfrey would run.")
    assert [m.text for m in mentions] == ["Graham", "Winfrey"]


def test_a_lone_sentence_initial_word_the_text_writes_in_lower_case_is_no_name(lex):
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "gold" / "extra" / "corpus"
    storm = (corpus / "storm.txt").read_text(encoding="utf-8")
    assert "Storm" in storm and " storm " in storm
    assert "Storm" not in {m.actor for m in discover_mentions(storm, lex)}
    text = STRIKE + " Bell rang the bell for the last shift. Strike pay ran out before the strike ended."
    mentions = discover_mentions(text, lex)
    assert "Strike" not in {m.text for m in mentions}  # "strike" is written in lower case too
    assert [m.actor for m in mentions if m.text == "Bell"] == ["Tom Bell"] * 2  # a surname stays a name


def test_seed_knowledge_still_groups_washington_under_us(lex):
    mentions = discover_mentions("White House officials met Ana Ruiz. Washington said little.", lex)
    seeded = {m.text: (m.actor, m.group) for m in mentions if m.link == "seed"}
    assert seeded == {"White House": ("US", "US"), "Washington": ("US", "US")}
    assert {m.group for m in mentions if m.text == "Ana Ruiz"} == {"Ana Ruiz"}  # no group: its own name


def test_corpus_merge_joins_a_surname_seen_alone_in_another_article():
    one = discover_mentions("Port Authority chair Ana Ruiz spoke. Ruiz was calm.")
    two = discover_mentions("Yesterday Ruiz walked out of the talks.")
    actors = {a.name: a for a in merge_actors([("a1", one), ("a2", two)])}
    assert "Ruiz" not in actors
    ruiz = actors["Ana Ruiz"]
    assert ruiz.mentions == 3 and ruiz.articles == {"a1", "a2"} and {"Ana Ruiz", "Ruiz"} <= ruiz.aliases
    assert ruiz.affiliations == {"Port Authority"}


def test_group_nouns_are_group_actors():
    mentions = discover_mentions("Dockworkers walked out. Officials said the dockworkers and residents were calm.")
    groups = [(m.text, m.actor) for m in mentions if m.kind == "group"]
    assert groups == [
        ("Dockworkers", "dockworkers"),
        ("Officials", "officials"),
        ("dockworkers", "dockworkers"),
        ("residents", "residents"),
    ]


def pronouns(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.actor) for m in discover_mentions(text) if m.link == "pronoun"]


def test_a_pronoun_after_a_role_resolves_to_that_role():
    assert pronouns("The senator said he would vote against the bill.") == [("he", "the senator")]
    assert pronouns("The governor thanked her staff.") == [("her", "the governor")]


def test_a_contracted_pronoun_is_a_pronoun_not_a_name():
    mentions = discover_mentions("Mayor Ana Ruiz said she's ready, and he'd agree. He's tired, Bell said.")
    assert [m.text for m in mentions if m.link == "pronoun"] == ["she", "he", "He"]  # "He's": the sentence before
    assert {m.actor for m in mentions if m.link == "pronoun"} == {"Ana Ruiz"}
    assert not any(m.actor.startswith(("He", "It", "We", "I")) for m in mentions)
    assert not discover_mentions("It's late, and I’ve heard we're done.")
    assert not discover_mentions("Don't forget the vote. (Photo) He left.")  # no "Don't", no "He" actor


def test_a_pronoun_in_a_fronted_clause_names_the_subject_after_it():
    assert pronouns("After he won the primary, Tom Bell thanked his supporters.") == [
        ("he", "Tom Bell"),
        ("his", "Tom Bell"),
    ]
    assert pronouns("In her first year, Ms Ruiz closed two depots.") == [("her", "Ruiz")]
    assert pronouns("But by 2020, after she had left the union, Ruiz ran for mayor.") == [("she", "Ruiz")]
    assert pronouns("Asked about his offer, Tom Bell smiled.") == [("his", "Tom Bell")]


def test_a_pronoun_with_no_safe_antecedent_stays_unresolved():
    assert pronouns("He said, after the vote, Ruiz would resign.") == []  # the subject is the pronoun
    assert pronouns("After his defeat, Ruiz's aides left.") == []  # a possessive is not the subject
    assert pronouns("In 2019, he accused Ruiz of lying.") == []  # the pronoun is the main subject
    assert pronouns('"After he left, Ruiz cried," Bell said.') == []  # inside a quotation


def test_they_resolves_to_a_group_named_before_it():
    assert pronouns("When dockworkers voted, they rejected the offer.") == [("they", "dockworkers")]
    assert pronouns("Tom Bell said they would strike.") == []  # no group before it: unresolved


def test_an_object_pronoun_is_not_the_subject_of_its_own_verb():
    assert pronouns("Tom Bell praised him on Monday.") == []
    assert pronouns("Ms Ruiz told her on Monday.") == []
    assert pronouns("Ms Ruiz thanked her staff.") == [("her", "Ruiz")]  # a possessive
    assert pronouns("Ms Ruiz asked the union to back her.") == [("her", "Ruiz")]
    assert pronouns("Ruiz's aides praised him.") == [("him", "Ruiz")]


def test_a_relative_pronoun_right_after_a_person_is_that_person():
    assert pronouns("Port Authority chair Ana Ruiz, who backs the strike, spoke.") == [("who", "Ana Ruiz")]
    assert pronouns("The president, whose plan failed, left.") == [("whose", "the president")]
    assert pronouns("Dockworkers who struck were fired.") == []  # a group, not a person
    assert pronouns("Ms Ruiz's aide, who left, spoke.") == []  # the aide, not Ruiz


def test_a_pronoun_skips_a_person_of_the_other_title_gender_and_a_name_used_as_a_modifier():
    assert pronouns("Ms Ruiz met Mr. Bell, and she left.") == [("she", "Ruiz")]
    assert pronouns("Tom Bell said the Ruiz campaign had called him.") == [("him", "Tom Bell")]
    assert pronouns("An African-American voter said he would stay.") == []
    assert pronouns("WASHINGTON -- He said the vote was close.") == []  # a dateline


def test_an_aside_a_relative_object_and_a_quotation_change_the_antecedent():
    assert pronouns("Tom Bell, who criticized Ana Ruiz in May, has his own plan.") == [
        ("who", "Tom Bell"),
        ("his", "Tom Bell"),
    ]
    assert pronouns("Bell thanked Ana Ruiz, whom he called a friend.") == [("whom", "Ana Ruiz"), ("he", "Bell")]
    assert pronouns("Tom Bell said: “He never called us.”") == []


def test_the_speaker_after_a_quotation_is_not_a_person_it_names():
    assert pronouns("“Tom Bell must resign,” she said.") == []
    assert pronouns("Ana Ruiz spoke. “We will win,” she said.") == [("she", "Ana Ruiz")]
    assert pronouns('Ruiz said: "Bell is wrong," she added.') == [("she", "Ruiz")]


def test_a_role_of_several_words_after_the_is_one_role_actor():
    mentions = discover_mentions("Vice President Ana Ruiz spoke. The vice president said she was tired.")
    assert [(m.text, m.actor) for m in mentions] == [
        ("Vice President Ana Ruiz", "Ana Ruiz"),
        ("The vice president", "Ana Ruiz"),
        ("she", "Ana Ruiz"),
    ]
    assert pronouns("The attorney general said he would act.") == [("he", "the attorney general")]
    assert [m.actor for m in discover_mentions("The former governor's aides left.")] == ["the former governor"]
    assert [m.actor for m in discover_mentions("Vice Media cut staff.")] == ["Vice Media"]


def test_pronoun_resolution_does_not_reread_a_run_on_text():
    start = time.perf_counter()
    discover_mentions('Ruiz said "we won," he said. ' * 2000 + "he " * 20000)
    assert time.perf_counter() - start < 10  # about 1 s; reading back to the start for each pronoun took minutes


def _regex_words(text: str) -> list[tuple[int, int, str]]:
    from framing.extract.discover import _WORD_RE

    return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials and J. R. R. Tolkien met Mr. King in the U.S.A. on Monday.",
        "The U.S.-backed plan, x-B. AB.C. and A.B were read; Q.\nR. S.T.U.V",
    ],
)
def test_words_from_the_tokens_are_the_word_regex_matches(text):
    """Discovery takes its words from the text module's tokens, merging initials ("U.S.", "J."):
    the same words, with the same offsets, as its own word regex finds."""
    from framing.extract.discover import _words
    from framing.text import Doc

    assert [(w.start, w.end, w.text) for w in _words(text, Doc(text))] == _regex_words(text)


def test_words_of_the_seed_articles_are_the_word_regex_matches_and_initial_after_a_break():
    """A word is initial when a sentence starts, or a line, quotation, colon, dash, bullet or bracket
    comes, between the word before and it (read here gap by gap, as the definition says)."""
    from pathlib import Path

    from framing.extract.discover import _BREAK_RE, _words
    from framing.text import Doc

    for path in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Doc(text)
        words = _words(text, doc)
        assert [(w.start, w.end, w.text) for w in words] == _regex_words(text), path.name
        sentence_starts = [start for start, _ in doc.sentences]
        for before, w in zip(words, words[1:], strict=False):
            expected = any(before.end <= s <= w.start for s in sentence_starts) or bool(
                _BREAK_RE.search(text[before.end : w.start])
            )
            assert w.initial == expected, (path.name, w.text, w.start)
        assert words[0].initial


def test_a_sentence_initial_word_news_writes_in_lower_case_is_no_name_unless_it_speaks(lex):
    from pathlib import Path

    election = (Path(__file__).resolve().parents[1] / "gold" / "extra" / "corpus" / "election.txt").read_text("utf-8")
    assert "Turnout appears" in election and "International observers" in election
    names = {m.text for m in discover_mentions(election, lex)}
    assert "Turnout" not in names and "International" not in names  # "turnout", "international observers"
    mentions = discover_mentions("Young said the count was fair. Senator Don Young spoke later.", lex)
    assert [(m.text, m.actor) for m in mentions][0] == ("Young", "Don Young")  # a speech verb: a speaker
    republicans = discover_mentions("Republican voters stayed home.", lex)
    assert [m.text for m in republicans] == ["Republican", "voters"]  # usually capitalised: kept


def test_company_head_words_make_organisations(lex):
    mentions = discover_mentions("Greystone Estates denied it. Hutchison Ports said the strike cost it.", lex)
    assert [(m.text, m.kind) for m in mentions] == [
        ("Greystone Estates", "organisation"),
        ("Hutchison Ports", "organisation"),
    ]


def test_an_analysis_seed_actors_give_the_same_mentions_as_matching_again(lex, seed_articles):
    from framing.extract.features import analyze_article
    from framing.text import Doc

    for article in seed_articles.values():
        f = analyze_article(article, lex)
        assert f.actor_mentions  # the seeds do name the story's actors
        doc = Doc(f.text, _sentences=[(s.start, s.end) for s in f.sentences])
        assert discover_mentions(f.text, lex, doc, f.actor_mentions) == discover_mentions(f.text, lex, doc)


def test_laws_and_events_are_no_actors_and_place_words_make_places(lex):
    text = (
        "The Trump Justice Department defended the Affordable Care Act in Cook County. "
        "Ruiz said the Democratic National Convention would open on Wall Street, and she left."
    )
    found = [(m.text, m.kind) for m in discover_mentions(text, lex)]
    assert ("Justice Department", "organisation") in found and ("Trump", "name") in found  # not "Ms Department"
    assert not any("Act" in t or "Convention" in t for t, _ in found)  # a law and an event: no mention
    assert ("Cook County", "place") in found and ("Wall Street", "place") in found
    (she,) = [m for m in discover_mentions(text, lex) if m.text == "she"]
    assert she.actor == "Ruiz"  # never the convention


def test_a_title_case_headline_running_into_names_is_cut_at_words_news_never_capitalises(lex):
    texts = {m.text for m in discover_mentions("Hillary Clinton Caught Lying About Emails. Andy Lack left.", lex)}
    assert "Hillary Clinton" in texts and "Andy Lack" in texts  # a two-word name keeps a common surname
    assert not any("Caught" in t or "Lying" in t for t in texts)
    split = [m.text for m in discover_mentions("Rubio Takes Minnesota", lex)]
    assert split == ["Rubio", "Minnesota"]
    whole = [(m.text, m.kind) for m in discover_mentions("The Civic Alliance met Human Rights Watch.", lex)]
    assert whole == [("Civic Alliance", "organisation"), ("Human Rights Watch", "organisation")]  # head words stay
