"""Corpus formats, manifests, outlets, and what happens with bad files."""

import json
import os
import tracemalloc

import pytest
from helpers import framing

from framing.errors import DataError, UsageError
from framing.ingest.corpus import ReadOptions, load_corpus, outlets, select_outlets

ARTICLE = (
    "NATO allies sent written replies to Moscow on Wednesday, officials said, rejecting the demand "
    "that Ukraine never join the alliance while offering talks on arms control and transparency.\n"
)


def test_seed_manifest_names_outlets_honestly(seed_articles):
    assert set(seed_articles) == {"aggregator", "unnamed", "intellinews", "sputnik", "nv"}
    assert seed_articles["sputnik"].meta.outlet_name == "Sputnik International"
    assert "RT" in seed_articles["aggregator"].meta.outlet_name
    assert seed_articles["nv"].meta.date == "2022-01-27"


def test_folder_with_yaml_manifest_and_subfolder_outlets(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.md").write_text("# Heading\n\n" + ARTICLE.replace("NATO", "**NATO**"))
    (tmp_path / "manifest.yaml").write_text(
        "- file: a.txt\n  outlet: Kyiv Independent\n  title: Replies sent\n  date: 2022-01-27\n"
        "- file: b.md\n  outlet: tass\n"
    )
    articles = load_corpus(tmp_path)
    assert outlets(articles) == {"kyiv-independent": "Kyiv Independent", "tass": "tass"}
    md = next(a for a in articles if a.outlet == "tass")
    assert "**" not in md.text and md.text.startswith("Heading\n\nNATO allies")


def test_jsonl_with_text_and_html(tmp_path):
    html = (
        "<html><head><title>Replies</title></head><body><nav>Home | World | Subscribe</nav>"
        f"<article><h1>Replies sent</h1><p>{ARTICLE}</p><p>{ARTICLE.replace('Wednesday', 'Thursday')}</p>"
        "</article><footer>© 2022 Example News. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"id": "x1", "outlet": "rt", "text": ARTICLE})
        + "\n"
        + json.dumps({"id": "x2", "outlet": "nv", "html": html})
        + "\n"
    )
    articles = load_corpus(path)
    assert [a.id for a in articles] == ["x1", "x2"]
    html_article = articles[1]
    assert "Subscribe" not in html_article.text and "All rights reserved" not in html_article.text
    assert "rejecting the demand" in html_article.text


def test_manifest_naming_a_missing_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "manifest.csv").write_text("file,outlet\na.txt,rt\nmissing.txt,nv\n")
    with pytest.raises(DataError) as err:
        load_corpus(tmp_path)
    assert err.value.where.endswith("manifest.csv:3")
    assert "missing file 'missing.txt'" in err.value.problem


def test_skip_bad_analyses_the_rest_and_lists_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(DataError, match="binary.txt"):
        load_corpus(tmp_path)
    options = ReadOptions(skip_bad=True)
    articles = load_corpus(tmp_path, options)
    assert [a.id for a in articles] == ["good"]
    assert sorted(s.source.rsplit("/", 1)[-1] for s in options.skipped) == ["binary.txt", "empty.txt"]


def test_bad_jsonl_line_names_the_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": ARTICLE, "outlet": "rt"}) + "\n{not json\n")
    with pytest.raises(DataError) as err:
        load_corpus(path)
    assert err.value.where == f"{path}:2" and "not valid JSON" in err.value.problem


def test_unknown_outlet_lists_the_real_ones(seed_articles):
    with pytest.raises(UsageError, match=r"unknown outlet 'rt' \(available: aggregator, intellinews, nv"):
        select_outlets(list(seed_articles.values()), ["rt"])


def test_paragraph_shared_by_many_html_pages_is_kept_in_every_one(tmp_path):
    shared = (
        "The ministry said the talks would continue next week in Geneva, where delegations from both "
        "sides are expected to discuss arms control, troop movements and confidence-building measures."
    )

    def own(n):  # long enough that trafilatura does not fall back to a second extractor
        return "".join(f"<p>{ARTICLE.replace('Wednesday', f'day {n}-{k}')}</p>" for k in range(6))

    for n in range(5):
        (tmp_path / f"page{n}.html").write_text(
            f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
            f"{own(n)}<p>{shared}</p></article></body></html>"
        )
    articles = load_corpus(tmp_path)
    assert len(articles) == 5
    assert all("confidence-building measures" in a.text for a in articles)


def test_identical_html_pages_are_all_read(tmp_path):
    page = f"<html><body><article><h1>Replies</h1><p>{ARTICLE}</p></article></body></html>"
    for n in range(5):
        (tmp_path / f"copy{n}.html").write_text(page)
    articles = load_corpus(tmp_path)
    assert len(articles) == 5
    assert all("rejecting the demand" in a.text for a in articles)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("name", ["feed.jsonl", "feed.txt"])
def test_a_fifo_given_as_the_corpus_is_refused_at_once(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = framing("analyze", str(fifo), timeout=30)
    assert result.returncode == 3, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"framing: error: {fifo}: not a regular file")


def test_deeply_nested_jsonl_line_is_a_data_error(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(DataError) as err:
        load_corpus(path)
    assert err.value.where == f"{path}:1"
    assert "not valid JSON" in err.value.problem or "not a JSON object" in err.value.problem


def test_oversize_jsonl_line_is_skipped_without_reading_it_whole(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w") as out:
        out.write(json.dumps({"id": "a", "outlet": "rt", "text": ARTICLE}) + "\n")
        out.write(json.dumps({"id": "huge", "outlet": "rt", "text": "word " * 4_000_000}) + "\n")
        out.write(json.dumps({"id": "c", "outlet": "nv", "text": ARTICLE}) + "\n")
    options = ReadOptions(max_bytes=100_000)
    tracemalloc.start()
    try:
        articles = load_corpus(path, options)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.id for a in articles] == ["a", "c"]
    assert [s.source for s in options.skipped] == [f"{path}:2"]
    assert "over the 0.1 MB limit per article" in options.skipped[0].problem
    assert peak < 8_000_000  # the 20 MB line was never held in memory


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_lone_surrogate_in_jsonl_does_not_break_output(tmp_path, fmt):
    path = tmp_path / "s.jsonl"
    text = json.dumps(ARTICLE)[1:-1]
    path.write_text(
        '{"id": "s\\ud83d", "outlet": "rt\\udc00", "title": "Replies \\ud83d", "text": "'
        + text
        + ' \\ud83d end"}\n'
        + json.dumps({"id": "t", "outlet": "nv", "text": ARTICLE})
        + "\n"
    )
    result = framing("analyze", "--format", fmt, str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "\ufffd" in result.stdout or "\\ufffd" in result.stdout


def test_lone_surrogates_are_replaced_in_text_and_metadata(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "x", "outlet": "rt", "title": "T \\udc00", "text": "' + ARTICLE.strip() + ' \\ud83d"}\n')
    (article,) = load_corpus(path)
    assert article.meta.title == "T \ufffd" and article.text.endswith("\ufffd")
    article.text.encode("utf-8")


NOT_ARTICLE = "not an article file (expected .txt, .md, .html); skipped"


def test_non_article_files_in_a_folder_are_listed_as_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04 word")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "paper.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "manifest.csv").write_text("file,outlet\na.txt,rt\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n")
    options = ReadOptions()
    articles = load_corpus(tmp_path, options)
    assert [a.id for a in articles] == ["a"]
    assert [(s.source, s.problem) for s in options.skipped] == [
        (str(tmp_path / "report.docx"), NOT_ARTICLE),
        (str(tmp_path / "sub" / "paper.pdf"), NOT_ARTICLE),
    ]
    result = framing("analyze", "--format", "csv", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert f"framing: warning: skipped {tmp_path / 'report.docx'}: {NOT_ARTICLE}" in result.stderr
    assert "manifest" not in result.stderr and ".DS_Store" not in result.stderr and ".git" not in result.stderr


def test_symlink_to_a_file_outside_the_corpus_is_skipped_not_read(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    (outside / "secret.txt").write_text(ARTICLE.replace("NATO", "SECRET"))
    (corpus / "b.txt").symlink_to(outside / "secret.txt")
    (corpus / "c.txt").symlink_to("../outside/secret.txt")
    (corpus / "inside.txt").symlink_to("a.txt")  # a link that stays in the folder is read as usual
    options = ReadOptions()
    articles = load_corpus(corpus, options)
    assert [a.id for a in articles] == ["a", "inside"]
    assert all("SECRET" not in a.text for a in articles)
    problem = "symlink to a file outside the corpus folder; skipped (--follow-symlinks reads it)"
    assert [(s.source, s.problem) for s in options.skipped] == [
        (str(corpus / "b.txt"), problem),
        (str(corpus / "c.txt"), problem),
    ]
    result = framing("analyze", "--format", "csv", str(corpus))
    assert result.returncode == 0, result.stderr
    assert f"framing: warning: skipped {corpus / 'b.txt'}: {problem}" in result.stderr
    followed = load_corpus(corpus, ReadOptions(follow_symlinks=True))
    assert [a.id for a in followed] == ["a", "b", "c", "inside"] and "SECRET" in followed[1].text
    result = framing("analyze", "--format", "csv", str(corpus), "--follow-symlinks")
    assert result.returncode == 0 and "skipped" not in result.stderr and result.stdout.count("\n") == 5
