"""The shared finding type: a span of the cleaned text with attributes.

Every extractor returns spans with character offsets into the *cleaned* text, so
highlighting, exercises, evaluation and storage all point at the same characters
and can never disagree about where a finding is.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

_SCALARS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """``dataclasses.asdict(self)``, without its deep copy where every value is immutable
        (scalars, tuples of scalars): records are made for every finding of every article."""
        cls = type(self)
        names = _FIELD_NAMES.get(cls)
        if names is None:
            names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
        out: dict[str, Any] = {}
        for name in names:
            value = getattr(self, name)
            kind = type(value)
            if kind in _SCALARS or (kind is tuple and all(type(v) in _SCALARS for v in value)):
                out[name] = value
            else:
                return asdict(self)
        return out


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    index: int
    compound: float
    pos: float
    neu: float
    neg: float


@dataclass(frozen=True, slots=True)
class LoadedTerm(Span):
    term: str  # the lexicon entry that matched, as written in the lexicon
    category: str
    perspective: str
    neutral: str
    explanation: str
    lexicon: str  # file the entry came from (stem), e.g. "loaded_terms"
    quoted: bool = False  # inside a quotation: the speaker's words, not the outlet's
    origin: str = "lexicon"  # "lexicon" (an entry of a lexicon file) or "model" (the learned detector)
    confidence: float = 1.0  # the model's probability; 1.0 for lexicon entries
    evidence: tuple[str, ...] = ()  # model finds: the features that fired most, e.g. "w=slammed (+1.20)"


@dataclass(frozen=True, slots=True)
class Hedge(Span):
    cue: str  # lexicon cue that matched
    type: str  # hedge | evidential | modal | attribution | scare_quote
    stance: str  # for attribution verbs: neutral | doubting | presupposing | strong


@dataclass(frozen=True, slots=True)
class Quote(Span):
    kind: str  # direct | partial | indirect
    speaker: str  # resolved name or body ("John Kirby", "the Pentagon"); "" if unknown
    speaker_text: str  # the words in the text that name the speaker
    side: str  # US government | NATO | Russian government | ... | other | unknown
    cue: str  # the attribution verb or phrase ("said", "according to")
    n_words: int
    # Added for sources on any story; defaults keep older JSON and stores loading.
    speaker_type: str = "unknown"  # official | organisation | expert | citizen | anonymous | document | unknown
    affiliation: str = ""  # the body the text ties the speaker to ("the port authority"), "" if none given
    # What the cue reports (the "class" column of attribution_verbs.csv): speech ("said", "according to") or a
    # belief, intention, position, evidence or refusal attributed to the speaker ("believes", "hopes to", "supports").
    cue_class: str = "speech"


@dataclass(frozen=True, slots=True)
class ActorMention(Span):
    actor: str
    group: str
    sentence: int  # index of the sentence the mention is in
