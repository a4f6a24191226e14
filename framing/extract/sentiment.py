"""VADER sentiment per sentence; article scores are means over sentences.

VADER (Hutto and Gilbert 2014) is tuned for short texts: fed a whole article its
compound score saturates near +1 or -1, so the article score is the mean of its
sentences' compound scores instead.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.extract.vader_fast import VADER_RELEASE, FastSentimentIntensityAnalyzer
from framing.spans import Sentence
from framing.text import Doc


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """VADER, as framing.extract.vader_fast computes it: the library's scores, 3.5-4.5x faster per sentence.

    The fast analyzer mirrors one release's source; under any other release the library's own
    class is used, so the scores are always the installed VADER's.
    """
    if version("vaderSentiment") == VADER_RELEASE:
        return FastSentimentIntensityAnalyzer()
    return SentimentIntensityAnalyzer()


def score_sentences(doc: Doc) -> list[Sentence]:
    vader = analyzer()
    sentences = []
    for index, (start, end) in enumerate(doc.sentences):
        text = doc.text[start:end]
        s = vader.polarity_scores(text)
        sentences.append(Sentence(start, end, text, index, s["compound"], s["pos"], s["neu"], s["neg"]))
    return sentences


def article_sentiment(sentences: list[Sentence]) -> dict[str, float]:
    if not sentences:
        return {"compound": 0.0, "pos": 0.0, "neu": 0.0, "neg": 0.0, "n_sentences": 0}
    n = len(sentences)
    return {
        "compound": round(sum(s.compound for s in sentences) / n, 4),
        "pos": round(sum(s.pos for s in sentences) / n, 4),
        "neu": round(sum(s.neu for s in sentences) / n, 4),
        "neg": round(sum(s.neg for s in sentences) / n, 4),
        "n_sentences": n,
    }
