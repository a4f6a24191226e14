"""Boilerplate removal on the seeds and on a page written for the test."""

from pathlib import Path

from framing.ingest.boilerplate import clean_text


def kept(article):
    return {v.text for v in article.lines if v.kept}


def removed(article):
    return {v.text: v.reason for v in article.lines if not v.kept}


def test_intellinews_most_read_and_related_lists_are_removed(seed_articles):
    article = seed_articles["intellinews"]
    gone = removed(article)
    assert "Most Read" in gone
    assert "Related Content" in gone
    assert not any("RAGOZIN" in line for line in kept(article))
    assert "Warner Brothers" not in article.text
    # teaser sentences under "Related Content" look like prose but are furniture
    assert "Russia has criticised America’s decision" not in article.text
    # the article itself stays, start to end
    assert "Spanish daily newspaper El País" in article.text
    assert "Lavrov reportedly argued" in article.text


def test_nv_russian_newsletter_lines_are_removed(seed_articles):
    article = seed_articles["nv"]
    assert "Рассылка" not in article.text and "Дайджест" not in article.text
    assert any("script" in reason for text, reason in removed(article).items() if "Рассылка" in text)
    assert "Follow us on Twitter" not in article.text
    assert "temporarily occupied Ukrainian territories" in article.text
    assert "Video of day" not in article.text


def test_sputnik_page_furniture_is_removed(seed_articles):
    text = seed_articles["sputnik"].text
    for furniture in ("Subscribe", "log in or register", "Newsfeed", "AP Photo", "Stay tuned"):
        assert furniture not in text
    assert text.count("Flags of Alliance members") == 0
    assert "US-backed nationalist coup in Kiev" in text


def test_aggregator_keeps_excerpts_but_not_its_links_and_disclaimer(seed_articles):
    text = seed_articles["aggregator"].text
    assert "Read also" not in text and "James Petras" not in text
    assert "our readers" not in text
    assert "Continue reading at" not in text
    assert "These forces are not going to fight in Ukraine" in text
    assert "transparency mechanism" in text  # the third excerpt, after the "Read also" list


def test_related_section_ends_at_the_next_run_of_article_text():
    page = "\n".join(
        [
            "Troops arrive in Poland",
            "The first of 2,000 American soldiers landed in Poland on Saturday, officials said, as the alliance "
            "moved to reassure its eastern members amid fears of a Russian attack on Ukraine.",
            "Related articles",
            "Teaser headline about something else",
            "A single teaser sentence that reads just like prose but only advertises another story on the site.",
            "Another headline",
            "12 hours ago",
            "More from our correspondents",
            "The deployment is expected to last several months, according to a defence official who spoke on "
            "condition of anonymity because he was not authorised to discuss plans in public. Polish officials "
            "welcomed the decision.",
            "Allied commanders said more troops would follow within the next few weeks, once barracks and "
            "supply lines in the east were ready to receive them.",
        ]
    )
    result = clean_text(page)
    assert "Teaser" not in result.text and "teaser" not in result.text
    assert "12 hours ago" not in result.text
    assert result.text.startswith("Troops arrive in Poland\n\nThe first of 2,000")
    assert "The deployment is expected" in result.text
    assert result.text.endswith("ready to receive them.")


def test_cleaned_text_only_contains_input_lines():
    page = "Headline here\n\nSome   text\u00a0with odd   spacing that goes on for a while, as articles do.\n"
    result = clean_text(page)
    for line in result.text.split("\n\n"):
        assert line.replace(" ", "") in page.replace(" ", "").replace("\u00a0", "")


def test_cue_screen_gives_the_same_verdicts_as_trying_every_cue():
    from framing.ingest.boilerplate import _cue_screen, classify, default_cues

    lines = [
        "Related Content",
        "Read more: the strike talks",
        "Click here to subscribe",
        "The port strike entered its third day, and union leaders said talks would resume.",
        "© 2022 The Ledger",
        "Photo: Reuters/Jane Doe",
        "3 min read",
        "Share on Twitter",
        "Follow us on Telegram for updates",
    ]
    for page in sorted(Path("seeds").iterdir()) + sorted(Path("gold/extra/corpus").iterdir()):
        if page.is_file():  # every line of the raw scrapes, furniture and article text alike
            lines += [line.strip() for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
    cues = default_cues()
    screen = _cue_screen(cues)
    assert screen.anchored is not None and len(screen.rest) < len(cues)
    verdicts = [classify(line, "LATIN", cues) for line in lines]
    assert {v[0] for v in verdicts} >= {"good", "transparent", "section"}
    for line, verdict in zip(lines, verdicts, strict=True):
        assert classify(line, "LATIN", cues, screen) == verdict, line
