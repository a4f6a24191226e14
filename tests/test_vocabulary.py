"""Sides, perspectives, groups and categories are read from lexicons/vocabulary.csv, and the score columns follow."""

import shutil

import pytest

from framing.errors import DataError
from framing.lexicon.bundle import ACTOR_GROUPS, GROUP_SIDE, SIDES, load_lexicons
from framing.lexicon.vocabulary import load_vocabulary
from framing.resources import lexicon_dir
from framing.score.profile import SCORE_NAMES, score_definitions


def test_shipped_vocabulary_gives_the_seed_lists():
    vocab = load_vocabulary(lexicon_dir() / "vocabulary.csv")
    assert SIDES == ["US government", "NATO", "Russian government", "Ukrainian government", "EU", "media", "other"]
    assert ACTOR_GROUPS == ["US", "NATO", "Russia", "Ukraine", "EU", "other"]
    assert GROUP_SIDE["Russia"] == "Russian government"
    assert vocab.balance_sides == ("US government", "NATO", "Russian government", "Ukrainian government", "other")
    assert vocab.to_balance["media"] == "other"
    assert "loaded_cat_delegitimising_label_per_1k" in SCORE_NAMES


def test_a_new_side_adds_its_score_columns():
    vocab = load_vocabulary(lexicon_dir() / "vocabulary.csv").with_sides(["dockworkers", "port authority"])
    names = [s.name for s in score_definitions(vocab)]
    assert "quote_share_dockworkers" in names and "quote_share_port_authority" in names
    assert "actor_sentiment_port_authority" in names
    assert "quote_share_dockworkers" not in SCORE_NAMES


def _copy_lexicons(tmp_path):
    folder = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), folder)
    return folder


def test_group_with_unknown_side_names_file_and_line(tmp_path):
    folder = _copy_lexicons(tmp_path)
    path = folder / "vocabulary.csv"
    path.write_text(path.read_text(encoding="utf-8") + "group,Dockers,union side,,\n", encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    with pytest.raises(DataError) as err:
        load_lexicons(folder=folder)
    assert err.value.where == f"{path}:{len(lines)}"
    assert "group 'Dockers' needs a side" in err.value.problem


def test_a_lexicon_value_missing_from_the_vocabulary_is_refused(tmp_path):
    folder = _copy_lexicons(tmp_path)
    path = folder / "vocabulary.csv"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if line != "category,euphemism,,,"]
    kept = [line for line in kept if not line.startswith("category,euphemism,")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_lexicons(folder=folder)
    assert "unknown category 'euphemism'" in err.value.problem
    assert err.value.where.startswith(str(folder / "loaded_terms.csv") + ":")
