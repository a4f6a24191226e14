"""PolNeAR: quoted and reported speech in election news, read from its brat standoff files.

PolNeAR (Newell, Margolin & Ruths 2018) annotates every *attribution* in 1,008 news articles:
a source ("Trump"), a cue ("said") and a content span (what was said or believed), in brat
standoff (``data/<split>/attributions/<name>_<annotator>.ann`` beside ``data/<split>/text/<name>.txt``).
Its gold is broader than quotation: reported beliefs ("he figures that ...") count too, so the
content spans are split by shape into the three kinds framing reports:

* **direct**: the content is one quotation, opening and closing with quotation marks;
* **partial**: quotation marks inside a content that is not wholly quoted;
* **indirect**: no quotation marks at all.

Articles annotated by several people keep the first annotator (sorted by id) as gold; the others
give the human agreement figure. The dataset's licence does not allow shipping it: it is read
where it lies and nothing from it is copied into the project.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from framing.errors import DataError

SPLITS = ("train", "dev", "test")
KINDS = ("direct", "partial", "indirect")
_OPEN = "\"“‘'«„"
_CLOSE = "\"”’'»“"
_DOUBLE = '"“”«»„'
_TEXT_BOUND = re.compile(r"^(?P<type>[\w-]+) (?P<spans>\d+ \d+(?:;\d+ \d+)*)$")
_ID = re.compile(r"^[TE]\d+$")
_EDGE = " \t\n.,;:!?)(—–-"

Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: where its content, source and cue are, and the content's kind."""

    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    kind: str
    source_text: str


@dataclass(frozen=True)
class Annotated:
    """One article as one annotator annotated it."""

    name: str
    split: str
    annotator: str
    text: str
    attributions: tuple[Attribution, ...]


def content_kind(fragments: list[str]) -> str:
    """direct / partial / indirect from where the quotation marks are in the content's text."""
    joined = " ".join(f.strip(_EDGE) for f in fragments).strip(_EDGE)
    if not joined:
        return "indirect"
    first, last = fragments[0].strip(_EDGE), fragments[-1].strip(_EDGE)
    if first[:1] in _OPEN and last[-1:] in _CLOSE and (first[:1] in _DOUBLE or last[-1:] in _DOUBLE):
        return "direct"
    if any(ch in _DOUBLE for ch in joined):
        return "partial"
    return "indirect"


def _spans(field: str, path: Path, number: int, length: int) -> tuple[str, tuple[Span, ...]]:
    m = _TEXT_BOUND.match(field)
    if not m:
        raise DataError(f"{path}:{number}", f"not a brat text-bound annotation: {field!r}")
    numbers = [int(x) for x in re.split(r"[ ;]", m.group("spans"))]
    spans = tuple((numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2))
    if any(not 0 <= a <= b <= length for a, b in spans):
        raise DataError(f"{path}:{number}", "span offsets outside the article text")
    return m.group("type"), spans


def read_ann(path: Path, text: str) -> list[Attribution]:
    """The attributions of one ``.ann`` file (events ``Attribution`` and ``Attribution-no-source``)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, f"cannot read annotation file ({exc})") from None
    bound: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        parts = line.split("\t")
        if len(parts) < 2 or not _ID.match(parts[0]):
            continue  # a covered text with a line break in it runs on to the next line
        if parts[0].startswith("T"):
            bound[parts[0]] = _spans(parts[1], path, number, len(text))
        elif parts[0].startswith("E"):
            events.append((number, parts[1]))
    found: list[Attribution] = []
    for number, event in events:
        roles: dict[str, str] = {}
        for arg in event.split():
            role, _, ref = arg.partition(":")
            roles[role] = ref
        if not any(r.startswith("Attribution") for r in roles):
            continue
        unknown = [ref for ref in roles.values() if ref not in bound]
        if unknown:
            raise DataError(f"{path}:{number}", f"event names an undefined annotation {unknown[0]}")
        content = bound[roles["Content"]][1] if "Content" in roles else ()
        if not content:
            continue
        source = bound[roles["Source"]][1] if "Source" in roles else ()
        cue = bound[roles["Cue"]][1] if "Cue" in roles else ()
        kind = content_kind([text[a:b] for a, b in content])
        source_text = " ".join(text[a:b] for a, b in source)
        found.append(Attribution(content, source, cue, kind, source_text))
    return found


def articles(folder: Path, splits: tuple[str, ...] = SPLITS) -> dict[str, list[Annotated]]:
    """Per article name, its annotations (first annotator first), over the chosen splits.

    ``folder`` is the dataset folder (holding ``data/``) or its ``data/`` folder itself.
    """
    data = folder / "data" if (folder / "data").is_dir() else folder
    result: dict[str, list[Annotated]] = {}
    for split in splits:
        ann_dir, text_dir = data / split / "attributions", data / split / "text"
        if not ann_dir.is_dir() or not text_dir.is_dir():
            raise DataError(data / split, "PolNeAR split folder with attributions/ and text/ not found")
        for path in sorted(ann_dir.glob("*.ann")):
            name, _, annotator = path.stem.rpartition("_")
            text_path = text_dir / f"{name}.txt"
            if not name or not text_path.is_file():
                raise DataError(path, f"no article text {text_path.name} for this annotation file")
            with text_path.open(encoding="utf-8", newline="") as handle:  # offsets count every character
                text = handle.read()
            result.setdefault(name, []).append(Annotated(name, split, annotator, text, tuple(read_ann(path, text))))
    return result
