"""Remove web-page furniture from plain-text scrapes by scoring lines.

The method follows jusText (Pomikálek 2011): each line (paragraph) is first classed on
its own as *good* (long, sentence-like, many function words), *bad* (a cue of page
furniture, another script than the article's, a date stamp, a numbered list item, a
repeat of boilerplate) or *short* (a heading or fragment that could be either). Then
context decides:

1. A *section cue* ("Related Content", "Most Read", "Follow us on ...") opens a block of
   furniture that runs until the next run of good lines of at least ``SECTION_END_WORDS``
   words or two paragraphs: teaser sentences under a "Related" heading look like prose,
   but come one at a time between headlines.
2. A short line is kept when the nearest decided line after it is good and the nearest
   decided line before it is good (or the start of the page): that keeps headings and
   sub-headings inside the article and drops stray fragments next to furniture. Bad
   lines that stand alone (a date, a photo credit) are transparent to this look-up.

The cue patterns are data (``lexicons/boilerplate_cues.csv``), not the seeds' lines.
Every verdict keeps its reason, so ``framing inspect`` can show what was removed and why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from framing.errors import DataError
from framing.lexicon.load import read_table
from framing.lexicon.matcher import REGEX_TIMEOUT, BoundedPattern, compile_regex
from framing.resources import lexicon_dir
from framing.text import ENGLISH_STOP_WORDS, MONTH_PATTERN, build_analyzer

GOOD_MIN_WORDS = 12
GOOD_LONG_WORDS = 25
GOOD_MIN_STOPWORD_DENSITY = 0.2
SECTION_END_WORDS = 50
NEAR_DUPLICATE_NGRAM = 8

# The project's words without numbers: a date stamp or a price list is not prose.
_analyze_words = build_analyzer(lowercase=False, numbers="drop")


@lru_cache(maxsize=8192)
def _words(line: str) -> tuple[str, ...]:
    """The words of a line (cached: several rules judge the same line, each asking for them)."""
    return tuple(_analyze_words(line))
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")

_DAYS = r"mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
_DATE_WORDS = re.compile(
    rf"\b(?:{MONTH_PATTERN}|{_DAYS}|am|pm|gmt|utc|date|updated|published|posted)\b\.?|[\d:/.,\-–|]+",
    re.IGNORECASE,
)
_ISO_DATE_START = re.compile(r"^(?:date\s+)?\d{4}-\d{2}-\d{2}\b", re.I)
_RELATIVE_TIME = re.compile(r"^\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•·])\s+")
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\b")
_URL_OR_EMAIL = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$", re.I)
_TERMINAL = tuple(".!?:\"”’')»…")


@dataclass(frozen=True, slots=True)
class Cue:
    pattern: BoundedPattern  # a regex whose every search is bounded in time
    scope: str  # line | section
    weight: int
    note: str


@dataclass(frozen=True, slots=True)
class LineVerdict:
    number: int  # 1-based line number in the source text
    text: str  # the line, whitespace-normalised
    kept: bool
    reason: str


@dataclass(frozen=True, slots=True)
class CleanResult:
    text: str
    lines: tuple[LineVerdict, ...]

    @property
    def removed(self) -> list[LineVerdict]:
        return [v for v in self.lines if not v.kept]


def load_cues(path: Path | None = None) -> list[Cue]:
    path = path or lexicon_dir() / "boilerplate_cues.csv"
    rows = read_table(
        path,
        required=["pattern", "scope", "weight"],
        optional=["note"],
        allowed={"scope": ["line", "section"]},
        key=["pattern"],
    )
    cues = []
    for row in rows:
        try:
            weight = int(row["weight"])
        except ValueError:
            raise DataError(row.source, f"weight '{row['weight']}' is not a whole number") from None
        cues.append(Cue(compile_regex(row["pattern"], row.source), row["scope"], weight, row["note"]))
    return cues


@lru_cache(maxsize=1)
def default_cues() -> tuple[Cue, ...]:
    return tuple(load_cues())


def normalise_line(line: str) -> str:
    """Unicode NFC, odd spaces to plain spaces, trimmed; nothing else is changed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", line)).strip()


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "?"


# Deletes the ASCII letters: an ASCII line's letter count is its length less the translated length.
_NO_ASCII_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_DIGIT = re.compile(r"[0-9]")


def _ascii_letters(line: str) -> int:
    return len(line) - len(line.translate(_NO_ASCII_LETTERS))


def _main_script(lines: Sequence[str]) -> str:
    counts: dict[str, int] = {}
    for line in lines:
        if line.isascii():  # every ASCII letter is LATIN: count them at once (same counts, same key order)
            letters = _ascii_letters(line)
            if letters:
                counts["LATIN"] = counts.get("LATIN", 0) + letters
            continue
        for run in _LETTER_RUNS.findall(line):  # text order kept, so ties break as before
            if run.isascii():
                counts["LATIN"] = counts.get("LATIN", 0) + len(run)
            elif run.isalpha():
                script = _script(run)
                counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "LATIN"


# A run of ASCII letters (all LATIN), or one other character that may be a letter of any script.
_LETTER_RUNS = re.compile(r"[A-Za-z]+|[^\x00-\x7f]")


def _share_in_script(line: str, script: str) -> float:
    if line.isascii():
        if not _ascii_letters(line):
            return 1.0
        return 1.0 if script == "LATIN" else 0.0
    letters = [ch for ch in line if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for ch in letters if _script(ch) == script) / len(letters)


def _is_date_line(line: str) -> bool:
    """A date stamp, alone or with a few words after an ISO date ("date 2022-02-03 ...")."""
    if _ISO_DATE_START.match(line) and len(line.split()) < 8:
        return True
    has_digit = bool(_ASCII_DIGIT.search(line)) if line.isascii() else any(ch.isdigit() for ch in line)
    return has_digit and not _words(_DATE_WORDS.sub(" ", line))


def _is_short_sentence(line: str) -> bool:
    """A short statement ("Kirby declined to comment."), unlike a headline or a teaser question."""
    return len(_words(line)) >= 4 and bool(_STATEMENT_END.search(line))


_STATEMENT_END = re.compile(r"[.…][”\"’')]?$|[,.][”\"’'][^”\"’']{1,60}[.]$")


def _is_prose(line: str) -> bool:
    """A sentence rather than a link title: several words, function words among them, a final stop.
    ("2. The minister said the plan would fail." is prose; "2. Five things to know" is not.)"""
    words = _words(line)
    stop_density = sum(1 for w in words if w.lower() in ENGLISH_STOP_WORDS) / max(1, len(words))
    return len(words) >= 4 and stop_density >= GOOD_MIN_STOPWORD_DENSITY and bool(_STATEMENT_END.search(line))


_MENU_SEPARATORS = re.compile(r"\s+[|·•>›»]\s+|\s*[|·•›»]\s*")
MENU_ITEM_WORDS = 4


def _is_menu(line: str) -> bool:
    """A row of short items between separators: "Ledger | Subscribe | Sign in", "Home > News > Local".

    Three items or more, none longer than a few words, and no sentence punctuation: a headline
    with one "|" ("Strike ends | Port reopens") has two items and stays a heading.
    """
    if line.endswith((".", "!", "?", ",")) or not _MENU_SEPARATORS.search(line):
        return False
    items = [item for item in _MENU_SEPARATORS.split(line) if item.strip()]
    return len(items) >= 3 and all(len(item.split()) <= MENU_ITEM_WORDS for item in items)


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped paragraphs (e.g. e-mail or Markdown at 72 columns) into one line each.

    A page is taken as hard-wrapped when most of its longer lines stop short of a
    sentence end at a similar width; otherwise every line is already a paragraph.
    """
    long_lines = [ln for ln in lines if len(ln) >= 40]
    if len(long_lines) < 4:
        return lines
    open_ended = sum(1 for ln in long_lines if not ln.rstrip().endswith(_TERMINAL))
    widths = sorted(len(ln) for ln in long_lines)
    if open_ended / len(long_lines) < 0.5 or widths[-1] > 120:
        return lines
    out: list[str] = []
    block: list[str] = []
    for line in lines + [""]:
        if line.strip():
            block.append(line.strip())
        else:
            if block:
                out.append(" ".join(block))
                block = []
            out.append("")
    return out[:-1]


def _has_top_level_alternation(pattern: str) -> bool:
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a character class: skip to its closing bracket
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


_NOT_JOINABLE = re.compile(r"\(\?(?!P<)[a-zA-Z^=-]|\(\?P=|\\[1-9]|\\g<")  # inline flags, back-references


@dataclass(frozen=True, slots=True)
class _CueScreen:
    """The cues that can only match at a line's start (``^...``, no top-level ``|``) joined into one
    regex: most lines start with none of them, and one search tells so. ``rest`` are the other
    cues, in file order; when the joined search fails, only they can match."""

    anchored: Any  # compiled ^(?:a|b|...), or None when the cues cannot be joined safely
    rest: tuple[Cue, ...]


@lru_cache(maxsize=16)
def _screen_for(patterns: tuple[str, ...], cues: tuple[Cue, ...]) -> _CueScreen:
    anchored = [p.startswith("^") and not _has_top_level_alternation(p) for p in patterns]
    if not any(anchored) or any(_NOT_JOINABLE.search(p) for p in patterns):
        return _CueScreen(None, cues)
    joined = "^(?:" + "|".join(f"(?:{p[1:]})" for p, a in zip(patterns, anchored, strict=True) if a) + ")"
    try:
        compiled = regex.compile(joined, regex.IGNORECASE | regex.V0)
    except (regex.error, ValueError, OverflowError):
        return _CueScreen(None, cues)
    return _CueScreen(compiled, tuple(c for c, a in zip(cues, anchored, strict=True) if not a))


def _cue_screen(cues: Sequence[Cue]) -> _CueScreen:
    cues = tuple(cues)
    return _screen_for(tuple(c.pattern.pattern for c in cues), cues)


def _cues_to_try(line: str, cues: Sequence[Cue], screen: _CueScreen | None) -> Sequence[Cue]:
    """The cues that may match the line, in file order (the same first match as trying them all)."""
    if screen is None or screen.anchored is None:
        return cues
    try:
        hit = screen.anchored.search(line, timeout=REGEX_TIMEOUT) is not None
    except TimeoutError:
        hit = True  # each cue's own bounded search decides, as without the screen
    return cues if hit else screen.rest


def classify(line: str, main_script: str, cues: Sequence[Cue], screen: _CueScreen | None = None) -> tuple[str, str]:
    """First-pass class of one line on its own: (good|bad|short|section|transparent, reason).
    ``screen`` (from ``_cue_screen(cues)``) only makes trying the cues faster."""
    if _share_in_script(line, main_script) < 0.5:
        return "bad", f"not in the article's script ({main_script.title()})"
    for cue in _cues_to_try(line, cues, screen):
        if cue.pattern.search(line):
            if cue.scope == "section":
                return "section", f"opens a boilerplate section ({cue.note or cue.pattern.pattern})"
            return "transparent", f"boilerplate cue ({cue.note or cue.pattern.pattern})"
    if _RELATIVE_TIME.match(line):
        return "bad", "relative time stamp"
    if _is_date_line(line):
        return "transparent", "date or time stamp"
    if _BYLINE.match(line) and len(line.split()) <= 10:
        return "transparent", "byline"
    if _URL_OR_EMAIL.match(line):
        return "bad", "bare link or address"
    words = _words(line)
    if len(words) < 2 and not line.endswith(_TERMINAL):
        return "short", "fragment"
    if _is_menu(line):
        return "transparent", "navigation menu or breadcrumb"
    if _LIST_ITEM.match(line) and len(words) < 15 and not _is_prose(_LIST_ITEM.sub("", line, count=1)):
        return "bad", "numbered or bulleted link list item"
    stop_density = sum(1 for w in words if w.lower() in ENGLISH_STOP_WORDS) / max(1, len(words))
    sentence_like = line.endswith(_TERMINAL) or len(words) >= GOOD_LONG_WORDS
    if len(words) >= GOOD_MIN_WORDS and sentence_like and stop_density >= GOOD_MIN_STOPWORD_DENSITY:
        return "good", "article text"
    return "short", "short line (heading or fragment)"


PROSE_MIN_WORDS = 3  # with keep_prose, a short line of this many words is a sentence or headline, kept


def as_given(raw: str) -> CleanResult:
    """The text with nothing removed (``--clean no``): lines normalised, blank ones dropped."""
    lines = [(i + 1, normalise_line(line)) for i, line in enumerate(raw.splitlines())]
    verdicts = tuple(LineVerdict(n, line, True, "kept as given (--clean no)") for n, line in lines if line)
    return CleanResult("\n\n".join(v.text for v in verdicts), verdicts)


def clean_text(raw: str, cues: Sequence[Cue] | None = None, keep_prose: bool = False) -> CleanResult:
    """Cleaned article text (kept lines joined by blank lines) and a verdict for every line.

    ``keep_prose`` is for text that was already extracted from its page (a JSONL record):
    furniture cues, dates, links and repeats are still removed, but a short line of a few
    words -- a one-sentence record, a headline without a final stop -- is kept instead of
    being judged by its neighbours, which a one-line record does not have.
    """
    cues = default_cues() if cues is None else cues
    lines = _unwrap([normalise_line(line) for line in raw.splitlines()])
    numbered = [(i + 1, line) for i, line in enumerate(lines) if line]
    main_script = _main_script([line for _, line in numbered])

    classes: list[str] = []
    reasons: list[str] = []
    bad_ngrams: set[tuple[str, ...]] = set()
    seen: set[str] = set()
    screen = _cue_screen(cues)
    for _, line in numbered:
        cls, reason = classify(line, main_script, cues, screen)
        words = [w.lower() for w in _words(line)]
        grams = _ngrams(words, NEAR_DUPLICATE_NGRAM)
        key = " ".join(words)
        if cls in ("good", "short") and key and key in seen:
            cls, reason = "bad", "repeats an earlier line"
        elif cls in ("good", "short") and grams & bad_ngrams:
            cls, reason = "bad", "repeats text of a boilerplate line"
        seen.add(key)
        if cls not in ("good", "short"):
            bad_ngrams |= grams
        classes.append(cls)
        reasons.append(reason)

    _apply_sections(numbered, classes, reasons)
    if keep_prose:
        for i, (_, line) in enumerate(numbered):
            if classes[i] == "short" and len(_words(line)) >= PROSE_MIN_WORDS:
                classes[i], reasons[i] = "good", "prose line of an extracted record (--clean auto)"
    _resolve_short(classes, reasons, [_is_short_sentence(line) for _, line in numbered])

    verdicts = tuple(
        LineVerdict(number, line, classes[i] == "good", reasons[i]) for i, (number, line) in enumerate(numbered)
    )
    text = "\n\n".join(v.text for v in verdicts if v.kept)
    return CleanResult(text, verdicts)


def _apply_sections(numbered: list[tuple[int, str]], classes: list[str], reasons: list[str]) -> None:
    i = 0
    while i < len(classes):
        if classes[i] != "section":
            i += 1
            continue
        opener = numbered[i][1]
        j = i + 1
        while j < len(classes):
            run_end, run_words = j, 0
            while run_end < len(classes) and classes[run_end] == "good":
                run_words += len(_words(numbered[run_end][1]))
                run_end += 1
            if run_words >= SECTION_END_WORDS or run_end - j >= 2:
                break
            for k in range(j, max(run_end, j + 1)):
                if classes[k] == "section":
                    reasons[k] = reasons[k].replace("opens", "continues")
                else:
                    reasons[k] = f"inside boilerplate section opened by '{opener[:40]}'"
                classes[k] = "bad"
            j = max(run_end, j + 1)
        classes[i] = "bad"
        i = j


def _resolve_short(classes: list[str], reasons: list[str], sentence_like: list[bool]) -> None:
    def nearest(indices: range) -> str | None:
        for k in indices:
            if classes[k] != "transparent" and classes[k] != "short":
                return classes[k]
        return None

    resolved = list(classes)
    for i, cls in enumerate(classes):
        if cls == "short":
            before = nearest(range(i - 1, -1, -1))
            after = nearest(range(i + 1, len(classes)))
            if after == "good" and before in (None, "good"):
                resolved[i] = "good"
                reasons[i] = "heading next to article text"
            elif sentence_like[i] and before in (None, "good") and after in (None, "good"):
                resolved[i] = "good"
                reasons[i] = "short paragraph next to article text"
            else:
                resolved[i] = "bad"
                reasons[i] = f"{reasons[i]}, not next to article text"
        elif cls == "transparent":
            resolved[i] = "bad"
    classes[:] = resolved
