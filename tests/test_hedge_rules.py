"""The context rules of the hedge extractor (framing/extract/epistemic.py; scope argued in docs/hedges.md).

Sentences are the project's own, written for these tests.
"""

from __future__ import annotations

import pytest

from framing.evaluation.hedge_scope import cue_in_scope, restrict
from framing.extract.hedges import find_hedges
from framing.text import Doc


def _hedges(text: str, lex) -> list[tuple[str, str]]:
    return [(h.text, h.type) for h in find_hedges(Doc(text), lex) if h.type in ("hedge", "evidential", "modal")]


@pytest.mark.parametrize(
    "text, cue",
    [
        ("I think the talks will fail.", "think"),
        ("We do not believe the figures.", "believe"),
        ("I always thought the deal was close.", "thought"),
        ("You'd think the ministry would answer.", "think"),
        ("One might expect a quick reply from Moscow.", "expect"),
        ("The ferry should arrive by Friday.", "should"),
        ("The minister must have known about the leak.", "must have"),
        ("Some voters might like the plan.", "might"),  # possibility of liking, not "would like" (volition)
    ],
)
def test_epistemic_readings_are_hedges(text, cue, lex):
    assert cue in [t for t, _ in _hedges(text, lex)]


@pytest.mark.parametrize(
    "text, word",
    [
        ("NATO believes the talks will fail.", "believes"),  # someone else's belief, not the writer's hedge
        ("Do you think the talks will fail?", "think"),  # a question, not a hedge
        ("The port has all the features you would expect.", "expect"),  # object relative: no claim hedged
        ("All sides should aim for cooperation.", "should"),  # duty
        ("The union would like to meet on Monday.", "would"),  # volition
        ("He said the troops would not be sent.", "would"),  # the tense of reported speech
    ],
)
def test_other_readings_are_not(text, word, lex):
    assert word not in [t for t, _ in _hedges(text, lex)]


def test_scope_keeps_news_hedges_and_sets_conditionals_and_duty_aside():
    assert all(cue_in_scope(c) for c in ("might", "I 'd", "seems", "reportedly", "do n't think"))
    assert not any(cue_in_scope(c) for c in ("if", "or", "can", "should", "must", "hope"))
    text = "If it rains it might flood ; it should be fine ."
    gold = [(0, 2), (15, 20), (32, 38)]  # if, might, should: only "might" is in scope
    predicted = [(15, 20), (32, 38), (42, 46)]  # might (right), should (set aside), fine (a false alarm)
    inside, kept = restrict(text, gold, predicted)
    assert inside == [(15, 20)]
    assert kept == [(15, 20), (42, 46)]
