"""The shipped lexicons load, are big enough, and bad lexicon files are reported by line."""

import pytest

from framing.errors import DataError
from framing.lexicon.bundle import CATEGORIES, LOADED_COLUMNS, LOADED_OPTIONAL, load_lexicons
from framing.lexicon.load import read_table
from framing.resources import lexicon_dir


def test_shipped_lexicons_load(lex):
    assert lex.loaded.size >= 60 + 20  # conflict lexicon plus general intensifiers
    assert len(lex.version) == 16


def test_conflict_lexicon_covers_both_sides():
    rows = read_table(lexicon_dir() / "loaded_terms.csv", LOADED_COLUMNS, LOADED_OPTIONAL)
    perspectives = {r["perspective"] for r in rows}
    assert len(rows) >= 60
    assert {"pro-Kremlin", "pro-Ukraine"} <= perspectives
    assert all(r["neutral"] and r["explanation"] for r in rows)


def test_every_lexicon_has_a_header_comment():
    for path in lexicon_dir().glob("*.csv"):
        assert path.read_text(encoding="utf-8").startswith("#"), path.name


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_category_is_reported_with_file_and_line(tmp_path):
    path = write(
        tmp_path,
        "mine.csv",
        "# my terms\nterm,category,perspective,neutral,explanation\n"
        "junta,delegitimising label,pro-Kremlin,government,Calls a government a junta.\n"
        "thugs,insult,any,people,Insults.\n",
    )
    with pytest.raises(DataError) as err:
        read_table(path, LOADED_COLUMNS, ["match"], {"category": CATEGORIES})
    assert err.value.where == f"{path}:4"
    assert "unknown category 'insult'" in err.value.problem


def test_duplicates_empty_phrases_and_extra_fields(tmp_path):
    dup = write(
        tmp_path,
        "dup.csv",
        "term,category,perspective,neutral,explanation\n"
        "regime,dysphemism,any,government,x\nRegime,dysphemism,any,government,y\n",
    )
    with pytest.raises(DataError, match="duplicate entry 'regime'"):
        read_table(dup, LOADED_COLUMNS, key=["term"])
    empty = write(tmp_path, "empty.csv", "term,category,perspective,neutral,explanation\n,dysphemism,any,a,b\n")
    with pytest.raises(DataError, match="empty 'term'"):
        read_table(empty, LOADED_COLUMNS)
    extra = write(
        tmp_path,
        "extra.csv",
        "term,category,perspective,neutral,explanation\n"
        "junta,dysphemism,any,government,calls it a junta, which is rude\n",
    )
    with pytest.raises(DataError, match="extra.csv:2: row has 6 fields"):
        read_table(extra, LOADED_COLUMNS)


def test_user_lexicon_in_yaml_is_used(tmp_path):
    path = write(
        tmp_path,
        "extra.yaml",
        "entries:\n  - term: heroic defenders\n    category: subjective\n"
        "    perspective: pro-Ukraine\n    neutral: soldiers\n    explanation: Praises one side.\n",
    )
    lex = load_lexicons(extra=[path])
    assert any(e == "heroic defenders" for e in _phrases(lex))


def _phrases(lex):
    from framing.text import Doc

    return [m.entry.phrase for m in lex.loaded.find(Doc("The heroic defenders held."))]


def test_bad_user_regex_is_rejected(tmp_path):
    path = write(
        tmp_path, "bad.csv", "term,match,category,perspective,neutral,explanation\n(x+)+y,regex,subjective,any,x,y\n"
    )
    with pytest.raises(DataError, match=r"bad.csv:2: regex .* nests quantifiers"):
        load_lexicons(extra=[path])


BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{chr(c)}: &{chr(c)} [{','.join(['*' + chr(c - 1)] * 9)}]\n" for c in range(ord("b"), ord("j")))
    + "entries: [*i]\n"
)


@pytest.mark.parametrize("name", ["bomb.yaml", "manifest.yaml"])
def test_yaml_alias_bomb_is_refused_quickly(tmp_path, name):
    import subprocess
    import sys

    path = tmp_path / name
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert len(BILLION_LAUGHS) < 1000
    code = (
        "import sys\nfrom framing.errors import DataError\nfrom framing.lexicon.load import read_table\n"
        "try:\n    read_table(sys.argv[1], ['term'])\nexcept DataError as exc:\n    print(exc.message)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    assert f"{name}:2: YAML aliases" in lines[0]


def test_general_lexicon_flags_words_that_dismiss_a_process_as_fake(lex):
    from framing.extract.loaded import lexicon_terms
    from framing.text import Doc

    text = (
        "The opposition called the vote a farce and the count a sham. The mayor said the audit "
        "was a charade, a travesty of justice, a fiasco and a witch-hunt; his allies spoke of a witch hunt."
    )
    found = {t.text: t.category for t in lexicon_terms(Doc(text), lex)}
    verdicts = ["farce", "sham", "charade", "travesty", "fiasco"]  # like "nonsense", "absurd": verdicts
    assert {w: found.get(w) for w in verdicts} == dict.fromkeys(verdicts, "subjective")
    # a harsh name in place of the neutral one ("investigation")
    assert found.get("witch-hunt") == found.get("witch hunt") == "dysphemism"
    assert not lexicon_terms(Doc("The vote was counted again and the audit found no errors."), lex)


def test_general_lexicon_flags_intensifiers_and_the_ransom_idiom(lex):
    from framing.extract.loaded import lexicon_terms
    from framing.text import Doc

    text = (
        "The minister said strikers were holding the railways to ransom; "
        "the offer was wholly unfair, a full-blown insult."
    )
    found = {t.text: t.category for t in lexicon_terms(Doc(text), lex)}
    assert found == {
        "holding the railways to ransom": "dysphemism",
        "wholly": "intensifier",
        "full-blown": "intensifier",
    }
    assert not lexicon_terms(Doc("The kidnappers held the boy for ransom until the family paid."), lex)
