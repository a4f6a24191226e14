"""Speaker and clause rules for quotes on any story (issue 17), each on a sentence written for the test."""

from tests.helpers import quotes_of


def test_an_opening_participle_has_no_speaker_and_the_clause_follows_the_verb(analyse):
    f = analyse("Asked about the pension reform on Monday, the union leader said she would vote against it.")
    (quote,) = quotes_of(f)
    assert quote.cue == "said"
    assert quote.text == "she would vote against it"
    assert quote.speaker_text.strip() == "the union leader"


def test_a_determiner_that_inside_the_reported_clause_is_not_a_complementiser(analyse):
    f = analyse("Mayor Lena Brandt said she was not going to jump to that conclusion about the ferry.")
    (quote,) = quotes_of(f)
    assert quote.text == "she was not going to jump to that conclusion about the ferry"


def test_after_comma_speaker_verb_a_clause_is_reported_but_a_time_or_place_is_not(analyse):
    before = analyse("The ferry will not sail this winter, the harbour master said on Tuesday.")
    assert [q.text for q in quotes_of(before)] == ["The ferry will not sail this winter"]
    after = analyse("Asked about the pension reform, she said the union had her vote.")
    assert [q.text for q in quotes_of(after)] == ["the union had her vote"]


def test_a_conjunction_before_the_subject_is_not_part_of_the_speaker(analyse):
    f = analyse("The harbour is deep, and engineers say it may be years before a new crane is built.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "engineers"
    assert quote.text == "it may be years before a new crane is built"


def test_a_verb_after_but_shares_the_subject_of_the_sentence(analyse):
    f = analyse("The union leader refused to take questions but said there was no meeting planned with the mayor.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "The union leader"
    assert quote.text == "there was no meeting planned with the mayor"


def test_a_share_of_people_in_a_poll_is_the_speaker(analyse):
    f = analyse("In the survey of dock workers, about 47 percent said they would accept the new contract.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "about 47 percent"
    assert quote.text == "they would accept the new contract"


def test_a_subordinator_ends_the_stretch_before_the_speaker(analyse):
    f = analyse("The governor vetoed the ferry bill because she said it was far too expensive.")
    (quote,) = quotes_of(f)
    assert quote.speaker_text.strip() == "she"
    assert quote.text == "it was far too expensive"


def test_party_and_state_in_brackets_are_not_the_speaker(analyse):
    f = analyse(
        "Rep. Tom Hale (D-Ore.), ranking member of the transport committee, said he fully supports the compromise."
    )
    (quote,) = quotes_of(f)
    assert quote.speaker == "Rep. Tom Hale"
    assert quote.text == "he fully supports the compromise"


def test_a_verb_and_colon_before_a_quotation_attribute_it_and_adding_continues_it(analyse):
    f = analyse(
        "The union met on Monday.\n\n"
        "In a statement, Ana Ruiz said: “The port was highly successful when it was run by the city,” "
        "adding that its trade had doubled."
    )
    direct, indirect = quotes_of(f, "direct"), quotes_of(f, "indirect")
    assert [(q.speaker, q.cue) for q in direct] == [("Ana Ruiz", "said")]
    assert [(q.speaker, q.speaker_text, q.text) for q in indirect] == [
        ("Ana Ruiz", "Ana Ruiz", "its trade had doubled")
    ]


def test_a_quotation_continuing_another_is_named_by_the_same_words(analyse):
    f = analyse(
        "Ana Ruiz runs the ferry union.\n\n"
        "“We will not sail until the pay is fixed,” she said. “The boats can wait another week.”"
    )
    first, second = quotes_of(f, "direct")
    assert (first.speaker, first.speaker_text) == ("Ana Ruiz", "she")
    assert (second.speaker, second.speaker_text) == ("Ana Ruiz", "she")


def test_a_verb_after_and_shares_the_subject_of_the_verb_before_it(analyse):
    f = analyse("Ana Ruiz, who has led the union for years, came to the meeting late and admitted that she was tired.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Ana Ruiz"
    assert quote.text == "she was tired"


def test_an_opening_adverbial_or_dateline_is_not_the_subject_a_participle_shares(analyse):
    f = analyse("In an interview with the BBC, Ana Ruiz kept up her attack on the board, saying the plan would fail.")
    assert [(q.speaker, q.text) for q in quotes_of(f)] == [("Ana Ruiz", "the plan would fail")]
    f = analyse("LISBON — Tom Hale kept up his attack on the board, saying the plan would fail.")
    assert [(q.speaker, q.text) for q in quotes_of(f)] == [("Tom Hale", "the plan would fail")]


def test_a_name_and_any_verb_closing_a_quotation_name_its_speaker(analyse):
    f = analyse("The ferry was late.\n\n“You know what they said? Ask him,” Hale continued. “He knows the tides.”")
    assert [(q.speaker, q.cue) for q in quotes_of(f, "direct")] == [("Hale", "continued"), ("Hale", "continued")]
    f = analyse("The ferry was late.\n\n“Who pays for the boats?” Mrs. Ruiz said.")
    assert [q.speaker for q in quotes_of(f, "direct")] == ["Mrs. Ruiz"]


def test_a_sentence_ending_in_a_colon_or_a_dash_signature_names_the_speaker_of_a_quotation(analyse):
    f = analyse(
        "The ferry was late.\n\nOn Monday, Ruiz made this comment to the harbour workers in her long speech:\n\n"
        "“The boats are old. Nobody checks.”"
    )
    assert [(q.speaker, q.cue) for q in quotes_of(f, "direct")] == [("Ruiz", ":")]
    f = analyse("The ferry was late.\n\n“The boats are old and nobody checks them.” ― Ana Ruiz.\n\nOthers disagree.")
    assert [(q.speaker, q.cue) for q in quotes_of(f, "direct")] == [("Ana Ruiz", "—")]


def test_after_a_closing_quotation_any_verb_puts_its_speaker_after_it(analyse):
    f = analyse("The ferry was late.\n\n“Our ideas of success are different,” agrees Ana Ruiz, a union steward.")
    assert [q.speaker for q in quotes_of(f, "direct")] == ["Ana Ruiz"]
    f = analyse("The ferry was late.\n\n“If anything goes wrong, the board will hide it,” wrote one commenter.")
    assert [q.speaker for q in quotes_of(f, "direct")] == ["one commenter"]


def test_a_but_before_the_quotation_does_not_share_a_subject_with_the_verb_after_it(analyse):
    f = analyse("The ferry was late. But “if you are critical of the board, forget it,” said Hale.")
    assert [q.speaker for q in quotes_of(f, "direct")] == ["Hale"]


def test_a_reported_belief_intention_position_or_finding_is_a_quote_with_its_cue_class(analyse):
    cases = {
        "The harbour master believes the ferry will sail again by the spring.": "belief",
        "The union leader hopes to reach a deal with the port before the winter.": "intention",
        "The dock workers' union supports a shorter working week for crane drivers.": "position",
        "A survey of local shop owners shows that most of them expect fewer visitors.": "evidence",
        "The port operator declined to comment on the delays to the crane repairs.": "refusal",
    }
    for sentence, cue_class in cases.items():
        (quote,) = quotes_of(analyse(sentence))
        assert quote.kind == "indirect" and quote.cue_class == cue_class, sentence
    (said,) = quotes_of(analyse("The harbour master said the ferry would sail again by the spring."))
    assert said.cue_class == "speech"


def test_a_stance_word_after_an_article_is_a_noun_and_reports_nothing(analyse):
    assert quotes_of(analyse("The plan to widen the harbour road was dropped after the storm in March.")) == []
    assert quotes_of(analyse("Residents watched the show from the pier until the rain came down hard.")) == []


def test_a_refusal_counts_only_when_speaking_is_refused(analyse):
    assert quotes_of(analyse("The port operator refused to repair the crane before the winter storms.")) == []
    (quote,) = quotes_of(analyse("The port operator refused to say when the crane would be repaired."))
    assert quote.cue_class == "refusal" and quote.speaker == "The port operator"


def test_a_passive_stance_verb_reports_nothing(analyse):
    assert quotes_of(analyse("The new ferry is not expected to sail before the end of the harbour works.")) == []
    assert quotes_of(analyse("The new quay was opposed by the fishermen of the northern villages.")) == []
    assert quotes_of(analyse("The harbour plan would cost the town more than the new quay.")) == []


def test_a_belief_inside_reported_speech_belongs_to_the_speaker(analyse):
    (quote,) = quotes_of(analyse("The mayor said the fishermen believe the new quay will bring more tourists."))
    assert quote.speaker == "The mayor" and quote.cue == "said"


def test_a_quotation_is_linked_to_a_verb_of_saying_before_a_belief_verb(analyse):
    f = analyse("Residents want a new bridge. “We have waited long enough,” the mayor told the council.")
    (direct,) = quotes_of(f, "direct")
    assert direct.speaker == "the mayor" and direct.cue == "told"


def test_a_short_phrase_near_a_belief_verb_stays_a_scare_quote(analyse):
    f = analyse('The judge spoke after the firm gave tenants "wholly inadequate" notice and had not considered it.')
    assert [q.text for q in quotes_of(f, "partial")] == []


def test_a_reported_belief_ends_where_a_verb_of_saying_takes_over(analyse):
    f = analyse("Unless the council plans more buses, the drivers say, the town will run out of parking by summer.")
    plans = [q for q in quotes_of(f) if q.cue == "plans"]
    assert all("the drivers say" not in q.text for q in plans)


def test_a_wish_or_position_is_a_quoted_source_but_not_an_attribution_hedge(analyse):
    hoped = analyse("The union leader hopes to reach a deal with the port before the winter.")
    assert quotes_of(hoped) and not [h for h in hoped.hedges if h.type == "attribution"]
    believed = analyse("The harbour master believes the ferry will sail again by the spring.")
    assert [h.cue for h in believed.hedges if h.type == "attribution"] == ["believe"]


def test_talking_about_or_pointing_to_something_reports_the_speaker(analyse):
    (talked,) = quotes_of(analyse("The harbour master talked about the cost of dredging the northern channel."))
    assert talked.speaker == "The harbour master" and talked.cue == "talked about"
    (pointed,) = quotes_of(analyse("The union leader pointed to the long delays at the container terminal."))
    assert pointed.cue == "pointed to"


def test_an_expressed_view_is_reported_but_an_expressed_willingness_is_an_act(analyse):
    (view,) = quotes_of(analyse("The harbour master expressed concern that the ferry would not run in winter."))
    assert view.cue == "expressed concern"
    assert quotes_of(analyse("The port operator expressed a willingness to reopen the northern terminal.")) == []


def test_a_two_word_clause_is_reported(analyse):
    (quote,) = quotes_of(analyse("The ferry was late again. Last winter, most islanders said the same."))
    assert quote.text == "the same" and quote.speaker == "most islanders"


def test_a_dash_aside_or_a_trailing_time_before_the_verb_is_not_the_speaker(analyse):
    f = analyse("Tom Hale — who is listed as a captain but no longer sails — told reporters he would not appeal.")
    assert [q.speaker for q in quotes_of(f)] == ["Tom Hale"]
    f = analyse("Rep. Tom Hale (D-Ore.) last month joked to the mayor that the ferry was cursed.")
    assert [(q.speaker, q.text) for q in quotes_of(f)] == [("Rep. Tom Hale", "the ferry was cursed")]


def test_a_wire_dateline_and_an_opening_there_are_not_the_speaker(analyse):
    f = analyse("PORTO, Aug 31 (Wire) - The union leader, Ana Ruiz, toured the pier, saying the ferry was safe.")
    assert [(q.speaker, q.text) for q in quotes_of(f)] == [("Ana Ruiz", "the ferry was safe")]
    f = analyse("LISBON ― The port authority announced on Tuesday that the ferry would run.")
    assert [q.speaker for q in quotes_of(f)] == ["The port authority"]
    f = analyse("There, the harbour chairman Tom Hale declined to name the captains but said one was new.")
    assert [q.speaker for q in quotes_of(f)] == ["Tom Hale"]


def test_an_opening_adverbial_is_skipped_for_the_subject_of_a_quotation_without_a_verb(analyse):
    f = analyse(
        "The port was closed.\n\nIn an address early on Friday morning, Jens Stoltenberg condemned the "
        "“attack whose violent nature cannot be denied by anyone.”"
    )
    assert [q.speaker for q in quotes_of(f, "direct")] == ["Jens Stoltenberg"]
    f = analyse("The port was closed.\n\n“You know, it happens, right?” Hale went on, as if he did not hear her.")
    assert [(q.speaker, q.cue) for q in quotes_of(f, "direct")] == [("Hale", "went on")]


def test_an_unresolved_pronoun_speaks_on_in_the_next_quotation(analyse):
    f = analyse("Saving the ferry was hard work.\n\n“I could do it cheaper,” he said. “I found the bank.”")
    assert [q.speaker_text for q in quotes_of(f, "direct")] == ["he", "he"]


def test_a_position_can_be_one_name_and_public_praise_or_condemnation_is_reported(analyse):
    (endorsed,) = quotes_of(analyse("The dock workers' union endorsed Brandt."))
    assert endorsed.text == "Brandt" and endorsed.cue_class == "position"
    (condemned,) = quotes_of(analyse("The harbour master condemned the late closure of the northern terminal."))
    assert condemned.speaker == "The harbour master" and condemned.cue == "condemned"


def test_thanks_and_recommendations_are_reported(analyse):
    (thanked,) = quotes_of(analyse("The mayor thanked the volunteers who cleared the harbour after the storm."))
    assert thanked.speaker == "The mayor" and thanked.cue == "thanked"
    (recommended,) = quotes_of(analyse("The inspector recommended that the northern pier be closed until spring."))
    assert recommended.cue == "recommended"


def test_a_relative_pronoun_subject_stands_for_the_phrase_before_it(analyse):
    f = analyse("The mayor met the dock workers' union, which has long backed a new ferry for the island.")
    (backed,) = [q for q in quotes_of(f) if q.cue == "backed"]
    assert backed.speaker == "the dock workers' union" and backed.speaker_text == "which"
    f = analyse("Lena Brandt, who believes the pier can be saved, met the engineers on Monday.")
    (believes,) = [q for q in quotes_of(f) if q.cue == "believes"]
    assert believes.speaker == "Lena Brandt" and believes.speaker_text == "who"


def test_an_opening_gerund_phrase_has_the_subject_of_the_sentence(analyse):
    f = analyse("Two years after backing Lena Brandt, the dock workers' union is weighing the field again.")
    (backing,) = [q for q in quotes_of(f) if q.cue == "backing"]
    assert backing.speaker.strip() == "the dock workers' union"


def test_the_subject_of_a_question_follows_its_auxiliary(analyse):
    f = analyse("The ferry is late again. So do the islanders believe the new pier will ever be built?")
    (believe,) = [q for q in quotes_of(f) if q.cue == "believe"]
    assert believe.speaker.strip() == "the islanders"


def test_i_in_a_transcript_line_is_the_speaker_of_the_line(analyse):
    f = analyse("HALE: Well, I think the harbour needs a second crane before the winter.")
    (think,) = [q for q in quotes_of(f) if q.cue == "think"]
    assert think.speaker == "Hale" and think.speaker_text == "I"


def test_as_x_put_it_names_the_speaker_of_the_quotation(analyse):
    f = analyse("The crane is old. As the harbour master put it, “the crane is older than the pier it stands on.”")
    (quote,) = quotes_of(f, "direct")
    assert quote.speaker.strip() == "the harbour master" and quote.cue == "put it"


def test_the_subject_of_a_clause_after_where_is_its_speaker(analyse):
    f = analyse("Tom Hale campaigned in a port town where polls show Ana Ruiz slightly ahead of him.")
    (show,) = [q for q in quotes_of(f) if q.cue == "show"]
    assert show.speaker.strip() == "polls"


def test_a_record_of_evidence_is_the_source_and_a_name_inside_it_is_not(analyse):
    f = analyse("A new Hale County poll shows that Ana Ruiz leads the race for the harbour seat.")
    (shows,) = [q for q in quotes_of(f) if q.cue == "shows"]
    assert shows.speaker == "A new Hale County poll"


def test_a_relative_that_stands_for_the_phrase_before_it(analyse):
    f = analyse("Ana Ruiz is the one union leader that has long backed the strike at the port.")
    (backed,) = [q for q in quotes_of(f) if q.cue == "backed"]
    assert backed.speaker_text == "that" and backed.speaker == "the one union leader"


def test_he_stands_for_a_person_not_for_a_newspaper_named_after_him(analyse):
    f = analyse("Joe Biden spoke to The Washington Post on Monday. He said the pier would close in the spring.")
    (said,) = [q for q in quotes_of(f) if q.cue == "said"]
    assert said.speaker == "Joe Biden"


def test_an_auxiliary_after_but_is_no_subject_of_its_own(analyse):
    f = analyse("The dockers returned to work on Monday but don't want the new contract signed before spring.")
    (want,) = [q for q in quotes_of(f) if q.cue == "want"]
    assert want.speaker.strip() == "The dockers"


def test_a_relative_pronoun_reaches_its_verb_across_a_contraction_or_a_time(analyse):
    f = analyse("Lena Brandt, who’d previously endorsed Tom Hale, met the engineers at the pier.")
    (endorsed,) = [q for q in quotes_of(f) if q.cue == "endorsed"]
    assert endorsed.speaker == "Lena Brandt" and endorsed.speaker_text == "who"
    f = analyse("Lena Brandt, who on Tuesday endorsed Tom Hale, met the engineers at the pier.")
    (endorsed,) = [q for q in quotes_of(f) if q.cue == "endorsed"]
    assert endorsed.speaker == "Lena Brandt" and endorsed.speaker_text == "who"


def test_an_infinitive_after_a_comma_has_the_subject_of_the_sentence(analyse):
    f = analyse("Lena Brandt spoke at the pier, breaking with the mayor, to argue that the ferry should stay.")
    (argue,) = [q for q in quotes_of(f) if q.cue == "argue"]
    assert argue.speaker == "Lena Brandt"
    f = analyse("And after backing Tom Hale for years, the dock workers' union is weighing the field again.")
    (backing,) = [q for q in quotes_of(f) if q.cue == "backing"]
    assert backing.speaker.strip() == "the dock workers' union"


def test_a_participle_after_a_comma_is_reported_by_its_agent(analyse):
    f = analyse("The ferry plan, first proposed by Lena Brandt, would link the island to the port.")
    (proposed,) = [q for q in quotes_of(f) if q.cue == "proposed"]
    assert proposed.speaker == "Lena Brandt"


def test_a_possessive_pronoun_holding_a_position_stands_for_a_person(analyse):
    f = analyse("Joe Biden spoke at the pier on Monday. His support for the dockers was clear.")
    (support,) = [q for q in quotes_of(f) if q.cue == "support"]
    assert support.speaker == "Joe Biden" and support.speaker_text == "His"


def test_a_report_in_an_opening_subordinate_clause_ends_before_the_main_clause(analyse):
    f = analyse("While Lena Brandt pledged to keep the ferry running, Tom Hale insisted that the pier must close.")
    pledged, insisted = [q for q in quotes_of(f) if q.cue in {"pledged", "insisted"}]
    assert pledged.speaker == "Lena Brandt" and "Hale" not in pledged.text
    assert insisted.speaker == "Tom Hale" and insisted.text == "the pier must close"


def test_a_contrasting_report_with_its_own_subject_is_not_part_of_the_first(analyse):
    f = analyse("Lena Brandt said the ferry would keep running, but Tom Hale insisted that the pier must close.")
    said, insisted = [q for q in quotes_of(f) if q.cue in {"said", "insisted"}]
    assert said.text == "the ferry would keep running"
    assert insisted.speaker == "Tom Hale"
    f = analyse("Lena Brandt said the ferry would keep running, and Tom Hale insisted that the pier must close.")
    said = next(q for q in quotes_of(f) if q.cue == "said")
    assert said.text == "the ferry would keep running"


def test_a_place_inside_an_aside_after_the_subject_is_not_the_speaker(analyse):
    f = analyse("Mayor Lena Brandt, speaking at a rally in Dunmore, a mill town, said the ferry would run again.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Lena Brandt"
    assert quote.text == "the ferry would run again"
    g = analyse("Ana Ruiz, who lost her job at the dock in Harwick, Ontario, in May 2015, said the union had failed.")
    (quote,) = quotes_of(g)
    assert quote.speaker == "Ana Ruiz"


def test_a_report_in_an_opening_verbal_phrase_has_the_subject_of_the_main_clause(analyse):
    for text in (
        "In describing the new ferry timetable, Mayor Lena Brandt said it was a fair deal for the islands.",
        "Having announced that the ferry would run again, Mayor Lena Brandt walked down to the harbour.",
        "Continuing to argue that the ferry was too slow, Mayor Lena Brandt turned to the harbour board.",
    ):
        quotes = quotes_of(analyse(text))
        assert quotes and all(q.speaker == "Lena Brandt" for q in quotes), (text, [(q.speaker, q.cue) for q in quotes])
    f = analyse("Having announced that the ferry would run again, Mayor Lena Brandt walked down to the harbour.")
    assert [q.text for q in quotes_of(f)] == ["the ferry would run again"]


def test_adverbs_or_a_verb_chain_before_a_later_verb_share_the_subject_of_the_sentence(analyse):
    for text in (
        "The harbour master blamed the weather for the delay, and continued to insist that the ferry was safe.",
        "The harbour master backed the plan last year, but now said the ferry was too costly.",
    ):
        quotes = [q for q in quotes_of(analyse(text)) if "ferry" in q.text]
        assert quotes and all(q.speaker == "The harbour master" for q in quotes), [(q.speaker, q.cue) for q in quotes]


def test_a_pronoun_reporting_after_and_or_but_is_a_report_of_its_own(analyse):
    f = analyse("Mayor Lena Brandt said the ferry would keep running, and she added that the pier would reopen in May.")
    said, added = [q for q in quotes_of(f) if q.cue in {"said", "added"}]
    assert said.text == "the ferry would keep running"
    assert added.speaker_text == "she" and added.speaker == "Lena Brandt"
    assert added.text == "the pier would reopen in May"
    f = analyse("Tom Hale said the strike was over, but he warned that the dockers could walk out again.")
    warned = next(q for q in quotes_of(f) if q.cue == "warned")
    assert warned.speaker_text == "he" and warned.text == "the dockers could walk out again"
    # a belief after the pronoun may still be part of what the first speaker said
    f = analyse("Tom Hale said the plan could bring voters back, and he wants the union to back it.")
    said = next(q for q in quotes_of(f) if q.cue == "said")
    assert "wants" in said.text


def test_a_participle_after_a_comma_and_adverb_or_after_by_has_the_subject_of_its_clause(analyse):
    for text in (
        "“We will not close the pier,” Lena Brandt told reporters, before insisting that the ferry was safe.",
        "Lena Brandt stayed away from the ceremony, later explaining that she had been ill.",
        "Lena Brandt won over the dockers by promising that the pier would stay open.",
    ):
        quotes = [q for q in quotes_of(analyse(text)) if q.cue.endswith("ing")]
        assert quotes and all(q.speaker == "Lena Brandt" for q in quotes), (text, [(q.speaker, q.cue) for q in quotes])


def test_names_before_a_role_noun_are_the_people_of_that_name_not_the_name(analyse):
    f = analyse("After the talks, NATO leaders promised the Soviet president that the alliance would not expand.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "NATO leaders"
    f = analyse("Harbour Authority officials said the ferry would not run on Sunday.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Harbour Authority officials"


def test_a_quotation_closed_with_a_mark_of_the_other_style_ends_there(analyse):
    f = analyse('“We were clear about the pier on a number of occasions," Lena Brandt continued. The ferry left.')
    (quote,) = quotes_of(f)
    assert quote.speaker == "Lena Brandt" and quote.text.endswith('occasions,"')
    f = analyse('"The strike is over for now,” Tom Hale said. “The dockers will be back on Monday.”')
    first, second = quotes_of(f)
    assert first.text == '"The strike is over for now,”' and first.speaker == "Tom Hale"
    assert second.text == "“The dockers will be back on Monday.”" and second.speaker == "Tom Hale"
    # a curly quotation inside a straight one keeps the straight closer
    f = analyse('"I read “we will win,” and I believed it," Tom Hale said.')
    (quote,) = quotes_of(f)
    assert quote.text == '"I read “we will win,” and I believed it,"' and quote.speaker == "Tom Hale"


def test_a_verb_outside_the_lexicon_next_to_a_quotation_names_its_speaker(analyse):
    f = analyse("During the first debate, Lena Brandt cracked, “I'm a moderate who likes to get the ferry running.”")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Lena Brandt" and quote.cue == "cracked"
    f = analyse("''Silly boys acting like they own the pier,'' scoffed Ana Ruiz, 22, who founded the group in 2014.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Ana Ruiz" and quote.cue == "scoffed"
    f = analyse("“Is the ferry safe? Nobody knows,” reacted Tom Hale.\n\nEarlier Sunday, Tom Hale visited the pier.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Tom Hale"


def test_a_perfect_auxiliary_between_the_subject_and_the_verb_is_not_part_of_the_speaker(analyse):
    f = analyse("Rabbi Tom Hale, the founder of the Harbour Centre in Dunmore, has said that the ferry must run.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Rabbi Tom Hale" and quote.text == "the ferry must run"
    f = analyse("Sen. Ana Ruiz (D-Ore.) has long argued that the pier must stay open.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Sen. Ana Ruiz"
    f = analyse("Some dockers have suggested that the strike could end in May.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Some dockers" and quote.text == "the strike could end in May"


def test_an_accusation_of_a_noun_phrase_is_a_charge_not_a_statement(analyse):
    f = analyse("Both unions have frequently accused each other of provocative tactics at the pier.")
    assert quotes_of(f) == []


def test_a_modal_or_progressive_auxiliary_before_the_verb_is_not_part_of_the_speaker(analyse):
    f = analyse("Lena Brandt, the harbour master, would only say that the ferry was safe.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Lena Brandt" and quote.text == "the ferry was safe"
    f = analyse("Many dockers are now insisting that the pier stay open.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Many dockers"
    # a passive with an adverb in it still reports nothing
    assert quotes_of(analyse("An effort to win the dockers over is also expected to begin soon.")) == []


def test_a_bracket_and_comma_or_an_aside_and_adverb_before_the_verb_leave_the_subject_the_speaker(analyse):
    f = analyse("After winning the port vote on Tuesday, Gov. Lena Brandt (D-Ore.), said the ferry would run again.")
    (quote,) = quotes_of(f)
    assert quote.speaker == "Gov. Lena Brandt"
    f = analyse("Tom Hale and the dockers, in fact, even insist that the pier will reopen in May.")
    (quote,) = quotes_of(f)
    assert quote.speaker != "even" and "Tom Hale" in quote.speaker
    f = analyse("Lena Brandt spoke for an hour on Friday, not once suggesting that the ferry had been sold.")
    (quote,) = [q for q in quotes_of(f) if q.cue == "suggesting"]
    assert quote.speaker == "Lena Brandt"


def test_a_contrasting_clause_with_a_common_noun_subject_is_a_report_of_its_own(analyse):
    f = analyse("Harbour officials deny any link to the strike, but critics point to the pay cuts of last spring.")
    deny, point = [q for q in quotes_of(f) if q.cue in {"deny", "point to"}]
    assert deny.text == "any link to the strike" and deny.speaker == "Harbour officials"
    assert point.speaker == "critics"
    # a verb with no subject of its own after "but" continues the same report
    f = analyse("Lena Brandt said the port was ready to keep talking with the union, but would respond to any strike.")
    (said,) = quotes_of(f)
    assert said.text.endswith("would respond to any strike")


def test_a_participle_after_a_determiner_describes_a_noun_and_reports_nothing(analyse):
    f = analyse(
        "The observers noted irregularities in several districts, including the alleged presence of party "
        "officials in polling booths. The union criticised its proposed merger with the port authority."
    )
    assert [(q.speaker, q.cue) for q in quotes_of(f)] == [("The observers", "noted"), ("The union", "criticised")]
    verb = analyse("The observers alleged that party officials were present in polling booths.")
    assert [(q.speaker, q.cue) for q in quotes_of(verb)] == [("The observers", "alleged")]
