"""A --sides file groups a new story's actors and speakers; a malformed one is one line naming file and line."""

import json

import pytest

from framing.errors import DataError
from framing.extract.discover import discover_mentions
from framing.score.profile import outlet_profiles, quote_balance
from framing.sides import apply_sides, group_mentions, load_sides
from tests.helpers import framing

STRIKE = (
    "Port Authority chair Ana Ruiz said the strike would cost the city millions. "
    '"We cannot pay what the union asks," Ruiz said. '
    "The International Longshore and Warehouse Union (ILWU) rejected her offer. "
    'Union leader Tom Bell was angry. "This offer is an insult to every worker," Bell said.\n'
)
SIDES = """# sides for the port strike
port management:
  actors: [Port Authority]
dockworkers:
  actors: [International Longshore and Warehouse Union]
  speakers: [Tom Bell]
"""


def write(tmp_path, text, name="sides.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_sides_file_groups_discovered_actors(tmp_path):
    sides = load_sides(write(tmp_path, SIDES))
    groups = {m.text: m.group for m in group_mentions(discover_mentions(STRIKE), sides)}
    assert groups["Port Authority"] == "port management"
    assert groups["Ana Ruiz"] == "port management"  # by her affiliation
    assert groups["ILWU"] == "dockworkers"  # the acronym resolves to the union
    assert groups["Tom Bell"] == "dockworkers"


def test_quotes_take_the_sides_and_the_profile_gains_their_columns(tmp_path, analyse):
    features = apply_sides([analyse(STRIKE)], load_sides(write(tmp_path, SIDES)))
    sides = {(q.kind, q.speaker_text, q.side) for q in features[0].quotes}
    assert sides == {
        ("indirect", "Ana Ruiz", "port management"),
        ("direct", "Ruiz", "port management"),  # the surname, resolved to Ana Ruiz of the Port Authority
        ("direct", "Bell", "dockworkers"),  # the surname, resolved to Tom Bell, a listed speaker
    }
    profile = outlet_profiles(features, n_boot=100).iloc[0]
    assert profile["quote_share_dockworkers"] == pytest.approx(1 / 3)
    assert profile["quote_share_port_management"] == pytest.approx(2 / 3)
    balance = quote_balance(features)
    assert set(balance["side"]) >= {"dockworkers", "port management", "unknown"}


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("dockworkers:\n  actors: [ILWU]\n  members: [Tom Bell]\n", 3, "unknown key 'members'"),
        ("a:\n  actors: [ILWU]\nb:\n  actors: [ilwu]\n", 4, "'ilwu' is under side 'b' and side 'a' (line 2)"),
        ("dockworkers: [ILWU]\n", 1, "must map to actors"),
        ("dockworkers:\n  actors: [ILWU\n", 3, "malformed YAML"),
    ],
)
def test_a_malformed_sides_file_names_file_and_line(tmp_path, text, line, problem):
    path = write(tmp_path, text)
    with pytest.raises(DataError) as err:
        load_sides(path)
    assert err.value.where == f"{path}:{line}"
    assert problem in err.value.problem


def test_the_command_line_reports_a_bad_sides_file_in_one_line(tmp_path):
    path = write(tmp_path, "dockworkers:\n  actors: [ILWU]\n  members: [Tom Bell]\n")
    result = framing("profile", "--sides", str(path), "--n-boot", "100")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith(
            f"{path}:3: unknown key 'members' under side 'dockworkers' (expected: actors, speakers, affiliations)"
        )
    )


def test_analyze_with_sides_gives_quotes_the_users_sides(tmp_path):
    corpus = tmp_path / "strike"
    corpus.mkdir()
    (corpus / "gazette.txt").write_text(STRIKE, encoding="utf-8")
    path = write(tmp_path, SIDES)
    result = framing("analyze", str(corpus), "--format", "json", "--sides", str(path))
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert sorted(q["side"] for q in record["quotes"]) == ["dockworkers", "port management", "port management"]
    refused = framing("analyze", str(corpus), "--store", str(tmp_path / "s.db"), "--sides", str(path))
    assert refused.returncode == 2 and "--sides" in refused.stderr and "Traceback" not in refused.stderr
