"""Media-literacy classroom exercises built from a corpus: worksheets and answer keys.

The pipeline stays one-way: :mod:`excerpts` cuts readable whole-sentence passages out of
the cleaned text of :class:`~framing.extract.features.ArticleFeatures`, :mod:`pairing`
matches passages on the same sub-topic across outlets, :mod:`exercises` turns them into
items with questions and keyed answers, and :mod:`sheets` renders HTML and PDF.
"""

from framing.classroom.exercises import KINDS, LEVELS, Exercise, build_exercise
from framing.classroom.sheets import render_html, render_pdf, write_exercise

__all__ = ["KINDS", "LEVELS", "Exercise", "build_exercise", "render_html", "render_pdf", "write_exercise"]
