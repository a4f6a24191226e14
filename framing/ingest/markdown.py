"""Markdown to plain prose: drop markup that is not words a reader sees."""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)([^*_\n]+?)(?<=\S)\1")
_QUOTE_MARK = re.compile(r"^\s{0,3}>\s?", re.M)


def markdown_to_text(md: str) -> str:
    text = _IMAGE.sub("", md)
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub("", text)
    text = _QUOTE_MARK.sub("", text)
    return _EMPHASIS.sub(r"\2", text)
