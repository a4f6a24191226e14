"""Readers for the public datasets in ``../shared/datasets/`` (formats and pitfalls: its README).

Each reader turns one dataset into :class:`Example` values: a text, the gold spans in it
(character offsets), the group that cross-validation must keep together (BABE's article
link, PTC's and SFU's document) and, for BABE, the sentence label. The files are read
where they lie and never copied into the project: several licences forbid it.
"""

from __future__ import annotations

import ast
import csv
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from framing.errors import DataError

ENV_VAR = "FRAMING_DATASETS"
LOADED_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
DOUBT_TECHNIQUES = ("Doubt",)
_EDGE = "\"'“”‘’.,;:!?()[]"


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    gold: tuple[tuple[int, int], ...]
    group: str
    label: str = ""  # BABE: "Biased" or "Non-biased"
    unlocated: tuple[str, ...] = field(default=(), compare=False)  # gold words not found in the text


def default_root() -> Path:
    """``$FRAMING_DATASETS``, else ``shared/datasets`` beside the checkout (where CI and developers have it)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return Path(__file__).resolve().parents[3] / "shared" / "datasets"


def dataset_dir(name: str, root: Path | None = None) -> Path | None:
    """The dataset's folder, or None when it is not on this machine (a PyPI install has none)."""
    folder = (root or default_root()) / name
    return folder if folder.is_dir() else None


def _locate(words: list[str], text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Each listed word as a whole word, case-insensitively, at its first occurrence not used yet."""
    spans: list[tuple[int, int]] = []
    missing: list[str] = []
    for raw in words:
        word = str(raw).strip().strip(_EDGE).strip()
        if not word:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        for m in pattern.finditer(text):
            if (m.start(), m.end()) not in spans:
                spans.append((m.start(), m.end()))
                break
        else:
            missing.append(word)
    return sorted(spans), missing


def babe(folder: Path) -> list[Example]:
    """BABE SG2: one example per sentence, gold = its `biased_words`, group = its article link."""
    path = folder / "final_labels_SG2.csv"
    if not path.is_file():
        raise DataError(path, "BABE file final_labels_SG2.csv not found")
    examples = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter=";"), start=2):
            try:
                words = ast.literal_eval(row["biased_words"] or "[]")
            except (ValueError, SyntaxError):
                raise DataError(f"{path}:{number}", "biased_words is not a list") from None
            text = row["text"]
            spans, missing = _locate(list(words), text)
            examples.append(
                Example(f"babe-{number}", text, tuple(spans), row["news_link"], row["label_bias"], tuple(missing))
            )
    return examples


def ptc(folder: Path, techniques: tuple[str, ...] = LOADED_TECHNIQUES) -> list[Example]:
    """PTC training articles with the spans of the chosen techniques (end exclusive), group = article."""
    base = folder / "datasets"
    labels = base / "train-task2-TC.labels"
    if not labels.is_file():
        raise DataError(labels, "PTC labels file not found")
    gold: dict[str, set[tuple[int, int]]] = {}
    for line in labels.read_text(encoding="utf-8").splitlines():
        article, technique, start, end = line.split("\t")
        gold.setdefault(article, set())
        if technique in techniques:
            gold[article].add((int(start), int(end)))
    examples = []
    for path in sorted((base / "train-articles").glob("article*.txt")):  # articles with no labels count too
        article = path.stem.removeprefix("article")
        with path.open(encoding="utf-8", newline="") as handle:  # newline="": the offsets count \r\n as two
            text = handle.read()
        examples.append(Example(f"ptc-{article}", text, tuple(sorted(gold.get(article, ()))), article))
    return examples


def ptc_halves(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """PTC's articles split in two by id (sorted; even places, odd places): a development half on
    which the detector's rules after the model were chosen, and a test half they were only measured on."""
    ordered = sorted(examples, key=lambda e: e.id)
    return ordered[0::2], ordered[1::2]


def _sfu_sentence(sentence: ET.Element) -> tuple[str, list[tuple[int, int]]]:
    """Words joined by spaces; every speculation cue element becomes one gold span."""
    words: list[str] = []
    cues: list[tuple[int, int]] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        for child in element:
            if child.tag == "W":
                word = (child.text or "").strip()
                if word:
                    if words:
                        length += 1
                    words.append(word)
                    length += len(word)
            elif child.tag == "cue" and child.get("type") == "speculation":
                start = length + (1 if words else 0)
                walk(child)
                if length > start:
                    cues.append((start, length))
            else:
                walk(child)

    walk(sentence)
    return " ".join(words), cues


def sfu(folder: Path) -> list[Example]:
    """SFU reviews, one example per review (its sentences joined by spaces), gold = speculation cues."""
    files = sorted(folder.glob("*/*.xml"))
    if not files:
        raise DataError(folder, "no SFU review XML files found")
    examples = []
    for path in files:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise DataError(path, f"malformed XML ({exc})") from None
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        offset = 0
        for sentence in root.iter("SENTENCE"):
            text, cues = _sfu_sentence(sentence)
            if not text:
                continue
            if parts:
                offset += 1
            spans += [(offset + a, offset + b) for a, b in cues]
            parts.append(text)
            offset += len(text)
        name = f"{path.parent.name}/{path.stem}"
        examples.append(Example(f"sfu-{name}", " ".join(parts), tuple(spans), name))
    return examples


def mpqa_strong(folder: Path, pos: tuple[str, ...] = ()) -> Iterator[tuple[str, bool]]:
    """(word, stemmed) for each strong-subjective MPQA clue, optionally of the given parts of speech."""
    path = folder / "subjclueslen1-HLTEMNLP05.tff"
    if not path.is_file():
        raise DataError(path, "MPQA subjectivity clues not found")
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = dict(part.split("=", 1) for part in line.split() if "=" in part)
        if fields.get("type") != "strongsubj" or "word1" not in fields:
            continue
        if pos and fields.get("pos1") not in pos:
            continue
        yield fields["word1"], fields.get("stemmed1") == "y"


def hedge_words(folder: Path) -> list[str]:
    """Islam, Xiao and Mercer's hedge word list (comment lines start with #)."""
    path = folder / "hedging-lrec_hedge_words.txt"
    if not path.is_file():
        raise DataError(path, "hedge word list not found")
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Target:
    """One NewsMTSC target: its span in the sentence and the annotated polarity toward it."""

    start: int
    end: int
    mention: str
    polarity: str  # negative | neutral | positive


@dataclass(frozen=True)
class TargetSentence:
    id: str
    text: str
    targets: tuple[Target, ...]


NEWSMTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
NEWSMTSC_SPLITS = ("train", "devtest_mt", "devtest_rw")


def newsmtsc(folder: Path, split: str) -> list[TargetSentence]:
    """One NewsMTSC split (`train`, `devtest_mt`, `devtest_rw`): sentences with their targets.

    ``to`` is end-exclusive in the files (``sentence[from:to] == mention``), whatever the readme says.
    """
    import json

    path = folder / f"{split}.jsonl"
    if not path.is_file():
        raise DataError(path, "NewsMTSC split not found")
    out = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["sentence_normalized"]
                targets = tuple(
                    Target(int(t["from"]), int(t["to"]), t["mention"], NEWSMTSC_POLARITY[float(t["polarity"])])
                    for t in record["targets"]
                )
            except (ValueError, KeyError, TypeError):
                raise DataError(f"{path}:{number}", "not a NewsMTSC record (sentence_normalized, targets)") from None
            out.append(TargetSentence(record.get("primary_gid", f"{split}-{number}"), text, targets))
    return out
