"""Main text of an HTML page, by trafilatura (a maintained extractor, not regexes)."""

from __future__ import annotations

from pathlib import Path

import trafilatura

from framing.errors import DataError


def extract_main_text(html: str, where: str | Path) -> tuple[str, dict[str, str]]:
    """(main text, metadata found in the page: title, date, url)."""
    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,  # a paragraph shared by many articles (or an identical page) must stay in each
    )
    if not text or not text.strip():
        raise DataError(where, "no article text found in the HTML page")
    meta: dict[str, str] = {}
    found = trafilatura.extract_metadata(html)
    if found is not None:
        for key in ("title", "date", "url", "sitename"):
            value = getattr(found, key, None)
            if value:
                meta[key] = str(value)
    return text, meta
