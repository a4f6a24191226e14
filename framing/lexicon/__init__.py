"""Lexicons: reviewable data files in ``lexicons/`` and the matcher that finds their entries."""

from framing.lexicon.load import Row, read_table
from framing.lexicon.matcher import Entry, Match, PhraseMatcher

__all__ = ["Entry", "Match", "PhraseMatcher", "Row", "read_table"]
