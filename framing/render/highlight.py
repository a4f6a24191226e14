"""Cut an article's cleaned text into styled segments for highlighting.

Spans nest and overlap (a loaded term inside a quotation, a hedge inside both), so the
text is cut at every span boundary and each piece carries the classes of all spans
covering it. HTML and PDF render the same segments, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.extract.features import ArticleFeatures

CLASS_LOADED = "loaded"
CLASS_MODEL = "model"  # added to CLASS_LOADED for the learned detector's finds: drawn dashed, not solid
CLASS_HEDGE = "hedge"
CLASS_ATTRIBUTION = "attribution"
CLASS_SCARE = "scare"
CLASS_QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    cls: str
    note: str = ""
    footnote: int | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    classes: tuple[str, ...]
    note: str  # hover text (HTML title)
    footnote: int | None  # number of the loaded-term footnote that ends here (PDF)


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    term: str
    category: str
    perspective: str
    neutral: str
    explanation: str


def marks_for(features: ArticleFeatures) -> tuple[list[Mark], list[Footnote]]:
    marks: list[Mark] = []
    footnotes: list[Footnote] = []
    for q in features.quotes:
        who = q.speaker or "unknown speaker"
        marks.append(Mark(q.start, q.end, CLASS_QUOTE, f"{q.kind} quote: {who} ({q.side})"))
    for h in features.hedges:
        if h.type == "attribution":
            marks.append(Mark(h.start, h.end, CLASS_ATTRIBUTION, f"attribution verb ({h.stance})"))
        elif h.type == "scare_quote":
            marks.append(Mark(h.start, h.end, CLASS_SCARE, "scare quote: quotation marks with no speaker"))
        else:
            marks.append(Mark(h.start, h.end, CLASS_HEDGE, f"{h.type}: {h.cue}"))
    for number, t in enumerate(features.loaded_terms, start=1):
        footnotes.append(Footnote(number, t.text, t.category, t.perspective, t.neutral, t.explanation))
        note = f"{t.category}, {t.perspective}: {t.explanation} Neutral: {t.neutral}."
        if t.origin == "model":
            evidence = "; ".join(t.evidence) or "none recorded"
            note = (
                f"found by the model, confidence {t.confidence:.0%}; resembles: {t.category}. {t.explanation} "
                f"Instead: {t.neutral}. Evidence: {evidence}."
            )
            marks.append(Mark(t.start, t.end, CLASS_MODEL))
        marks.append(Mark(t.start, t.end, CLASS_LOADED, note, number))
    return marks, footnotes


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Non-overlapping segments covering `text`, each with the classes of the marks over it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    by_start = sorted(marks, key=lambda m: m.start)
    active: list[Mark] = []
    result: list[Segment] = []
    k = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        while k < len(by_start) and by_start[k].start <= a:
            active.append(by_start[k])
            k += 1
        active = [m for m in active if m.end > a]
        covering = [m for m in active if m.start <= a and b <= m.end]
        classes = tuple(sorted({m.cls for m in covering}))
        notes = [m.note for m in covering if m.cls != CLASS_QUOTE and m.note] or [m.note for m in covering if m.note]
        ending = [m.footnote for m in covering if m.footnote is not None and m.end == b]
        footnote = ending[0] if ending else None
        piece = text[a:b]
        if (
            result
            and result[-1].classes == classes
            and result[-1].note == " | ".join(notes)
            and result[-1].footnote is None
        ):
            last = result.pop()
            result.append(Segment(last.text + piece, classes, last.note, footnote))
        else:
            result.append(Segment(piece, classes, " | ".join(notes), footnote))
    return result
