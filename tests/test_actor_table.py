"""The actor table: discovered actors per outlet, with the sentiment toward them and bootstrap intervals."""

import json

from framing.extract.features import analyze_article
from framing.ingest.article import Article, Metadata
from framing.ingest.boilerplate import clean_text
from framing.score.actor_table import actor_table
from framing.sides import load_sides
from tests.helpers import framing

PRAISE = (
    "Port Authority chair Ana Ruiz won praise for a fair and generous offer. "
    "Union leader Tom Bell was blamed for the chaos and accused of lying. "
    "Ruiz was thanked by grateful residents. Bell was booed by angry crowds."
)


def analysed(lex, outlet, text):
    cleaned = clean_text(text)
    return analyze_article(Article(Metadata(id=outlet, outlet=outlet, outlet_name=outlet), cleaned.text), lex)


def test_actor_table_merges_mentions_and_scores_toward_each_actor(lex, tmp_path):
    features = [analysed(lex, "gazette", PRAISE), analysed(lex, "herald", "Yesterday Ruiz walked out of the talks.")]
    table = actor_table(features, n_boot=200)
    rows = {(r.outlet, r.actor): r for r in table.itertuples()}
    ruiz, bell = rows[("gazette", "Ana Ruiz")], rows[("gazette", "Tom Bell")]
    assert (ruiz.mentions, bell.mentions) == (2, 2)
    assert ruiz.mean_sentiment > bell.mean_sentiment
    assert ruiz.lo <= ruiz.mean_sentiment <= ruiz.hi and ruiz.flag  # 2 mentions: too few, flagged
    assert rows[("herald", "Ana Ruiz")].mentions == 1  # "Ruiz" alone, merged with the gazette's Ana Ruiz
    path = tmp_path / "sides.yaml"
    path.write_text("dockworkers:\n  speakers: [Tom Bell]\n", encoding="utf-8")
    grouped = actor_table(features, n_boot=200, sides=load_sides(path))
    assert set(grouped[grouped.actor == "Tom Bell"].group) == {"dockworkers"}
    assert set(grouped[grouped.actor == "Ana Ruiz"].group) == {"Ana Ruiz"}  # no side names her: her own name


def test_profile_json_has_the_discovered_actors(tmp_path):
    corpus = tmp_path / "strike"
    corpus.mkdir()
    (corpus / "gazette.txt").write_text(PRAISE + "\n", encoding="utf-8")
    result = framing("profile", str(corpus), "--format", "json", "--n-boot", "100")
    assert result.returncode == 0, result.stderr
    actors = {r["actor"] for r in json.loads(result.stdout)["discovered_actors"]}
    assert {"Ana Ruiz", "Tom Bell", "Port Authority"} <= actors


def test_the_report_model_lists_each_outlets_actors(lex):
    from framing.render.model import build_model

    features = [analysed(lex, "gazette", PRAISE), analysed(lex, "herald", "Ana Ruiz said nothing to Tom Bell.")]
    model = build_model(features, pairs=[(["gazette"], ["herald"])])
    gazette = next(o for o in model.outlets if o.slug == "gazette")
    assert {a["actor"] for a in gazette.actors} >= {"Ana Ruiz", "Tom Bell"}
    assert all(" to " in a["interval"] for a in gazette.actors)
