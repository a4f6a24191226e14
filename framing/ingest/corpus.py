"""Corpora: a folder of articles with an optional manifest, a single file, or JSONL.

Reading is lazy, so a corpus of any size streams through the pipeline. It comes in two
steps: :func:`iter_sources` reads and decodes (one article at a time, cheap), and
:func:`clean_source` extracts and cleans the text (the costly part, which the engines
run in their workers); :func:`iter_articles` does both. Problems are raised as
DataError naming the file; with ``skip_bad`` they are collected instead and the rest
is still analysed.
"""

from __future__ import annotations

import json
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Protocol, TypeVar

from framing.errors import DataError, UsageError
from framing.ingest.article import Article, Metadata, Source
from framing.ingest.boilerplate import CleanResult, Cue, LineVerdict, as_given, clean_text
from framing.ingest.decode import DEFAULT_MAX_BYTES, OversizeError, decode_bytes, read_text_file
from framing.ingest.markdown import markdown_to_text
from framing.lexicon.load import read_table
from framing.resources import seeds_dir

ARTICLE_SUFFIXES = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
MANIFEST_NAMES = ("manifest.csv", "manifest.yaml", "manifest.yml")
MANIFEST_COLUMNS = ["file", "outlet", "outlet_name", "title", "date", "url", "language", "notes"]
CLEAN_MODES = ("auto", "yes", "no")
TITLE_MAX_CHARS = 200  # a title taken from the text's first line is cut here
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$")


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "unknown"


@dataclass
class Skipped:
    source: str
    problem: str


@dataclass
class ReadOptions:
    encoding: str = "utf-8"
    max_bytes: int = DEFAULT_MAX_BYTES
    skip_bad: bool = False
    clean: str = "auto"  # auto | yes | no, see :func:`cleaning_for`
    follow_symlinks: bool = False  # read links to files outside the corpus folder (off: they are skipped)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)  # read, but the user should know (an ambiguous date)


def cleaning_for(kind: str, record: bool, mode: str) -> str:
    """How one source is cleaned: files always have page furniture to remove; a JSONL text
    record was already extracted, so ``auto`` keeps its prose lines (headlines, one-sentence
    records) and removes only what is furniture on its own."""
    if mode == "no":
        return "no"
    if mode == "auto" and record and kind == "text":
        return "prose"
    return "yes"


def ambiguous_date(value: str) -> str | None:
    """Why a manifest or record date cannot be read one way (11/03/2025: 11 March or 3 November?)."""
    match = _NUMERIC_DATE.match(value)
    if not match:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if first <= 12 and second <= 12 and first != second:
        return f"date '{value.strip()}' could be day/month or month/day; write it as YYYY-MM-DD"
    return None


def default_corpus() -> Path:
    return seeds_dir()


def _text_from(raw: str, kind: str, where: str) -> tuple[str, dict[str, str]]:
    if kind == "html":
        from framing.ingest.html import extract_main_text  # trafilatura loads only for HTML pages

        return extract_main_text(raw, where)
    if kind == "markdown":
        return markdown_to_text(raw), {}
    return raw, {}


def clean_result(source: Source, cues: Sequence[Cue] | None = None) -> tuple[CleanResult, dict[str, str]]:
    """Every line's verdict, even when none is kept (``framing inspect`` shows why)."""
    text, found = _text_from(source.raw, source.kind, source.meta.source)
    cleaned = as_given(text) if source.cleaning == "no" else clean_text(text, cues, source.cleaning == "prose")
    return cleaned, found


def clean(source: Source, cues: Sequence[Cue] | None = None) -> tuple[Article, dict[str, str]]:
    """The cleaned article, and the title, date and URL found in its HTML (which fill the
    manifest's blanks in the article's metadata)."""
    meta = source.meta
    cleaned, found = clean_result(source, cues)
    if not cleaned.text.strip():
        raise DataError(meta.source, "no article text left after removing boilerplate")
    if not (meta.title or found.get("title")):  # no manifest or HTML title: a first-line heading, as a reader would
        heading = heading_title(cleaned.lines)
        if heading:
            found = {**found, "title": heading}  # found values are stored, so a store replays the same title
    return Article(with_found(meta, found), cleaned.text, cleaned.lines), found


TITLE_MAX_WORDS = 25


def heading_title(lines: Sequence[LineVerdict]) -> str:
    """The first kept line when it reads as a heading (short, no final full stop); else ""."""
    first = next((v for v in lines if v.kept), None)
    if first is None:
        return ""
    line = first.text.lstrip("#").strip()
    if len(line.split()) > TITLE_MAX_WORDS or line.endswith((".", ",", ";")):
        return ""
    return line if len(line) <= TITLE_MAX_CHARS else line[: TITLE_MAX_CHARS - 1].rstrip() + "…"


def clean_source(source: Source, cues: Sequence[Cue] | None = None) -> Article:
    return clean(source, cues)[0]


def with_found(meta: Metadata, found: dict[str, str]) -> Metadata:
    if not found:
        return meta
    return replace(
        meta,
        title=meta.title or found.get("title", ""),
        date=meta.date or found.get("date", ""),
        url=meta.url or found.get("url", ""),
    )


def skip_or_raise(exc: DataError, options: ReadOptions, source: str = "") -> None:
    """With skip_bad (and always for an over-size article) record the problem and go on."""
    if not (options.skip_bad or isinstance(exc, OversizeError)):
        raise exc
    options.skipped.append(Skipped(exc.where or source, exc.problem))


def _read_manifest(folder: Path, options: ReadOptions | None = None) -> tuple[Path | None, dict[str, dict[str, str]]]:
    for name in MANIFEST_NAMES:
        path = folder / name
        if path.is_file():
            rows = read_table(path, required=["file", "outlet"], optional=MANIFEST_COLUMNS, key=["file"])
            entries = {}
            for row in rows:
                target = folder / row["file"]
                if not target.is_file():
                    raise DataError(row.source, f"manifest names missing file '{row['file']}'")
                entries[row["file"]] = dict(row.values)
                why = ambiguous_date(row.values.get("date") or "")
                if why and options is not None:
                    options.warnings.append(Skipped(row.source, why))
            return path, entries
    return None, {}


def _metadata(path: Path, folder: Path, entry: dict[str, str] | None) -> Metadata:
    if entry:
        outlet_name = entry.get("outlet_name") or entry["outlet"]
        outlet = slugify(entry["outlet"])
    else:
        relative = path.relative_to(folder)
        outlet_name = relative.parts[0] if len(relative.parts) > 1 else path.stem
        outlet = slugify(outlet_name)
    entry = entry or {}
    return Metadata(
        id=path.stem,
        outlet=outlet,
        outlet_name=outlet_name,
        title=entry.get("title", ""),
        date=entry.get("date", ""),
        url=entry.get("url", ""),
        language=entry.get("language") or "en",
        source=str(path),
    )


def _guarded(source: str, options: ReadOptions, make: Callable[[], Source]) -> Source | None:
    try:
        return make()
    except DataError as exc:
        skip_or_raise(exc, options, source)
        return None


NOT_AN_ARTICLE = "not an article file (expected .txt, .md, .html); skipped"
LINK_OUTSIDE = "symlink to a file outside the corpus folder; skipped (--follow-symlinks reads it)"


def _article_files(folder: Path, options: ReadOptions) -> list[Path]:
    """The folder's article files, sorted; any other file (a .docx, a .pdf) is recorded as
    skipped, so the user hears of it, except manifests and hidden files and folders; so is a
    symlink to a file outside the folder, which is not read."""
    files = []
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            if path.name.startswith("."):
                continue
            outside = not path.resolve().is_relative_to(root)
            if outside and not options.follow_symlinks:  # a link out of the folder: never read what it names
                options.skipped.append(Skipped(str(path), LINK_OUTSIDE))
            else:
                files.append(path)
            continue
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if not hidden and path.name.lower() not in MANIFEST_NAMES:
            options.skipped.append(Skipped(str(path), NOT_AN_ARTICLE))
    return files


def _iter_folder(folder: Path, options: ReadOptions) -> Iterator[Source]:
    manifest_path, manifest = _read_manifest(folder, options)
    files = _article_files(folder, options)
    if not files:
        raise DataError(folder, f"no articles found (looked for {', '.join(sorted(ARTICLE_SUFFIXES))} files)")
    stems = Counter(p.stem for p in files)
    for path in files:
        relative = path.relative_to(folder).as_posix()
        entry = manifest.get(relative)
        if manifest_path is not None and entry is None:
            # With a manifest, outlets are what it says; an unlisted file would become an outlet of its own.
            options.skipped.append(Skipped(str(path), f"not listed in {manifest_path.name}, so its outlet is unknown"))
            continue
        meta = _metadata(path, folder, entry)
        if stems[path.stem] > 1:  # a.txt and a.html, or sputnik/a.txt and nv/a.txt: keep ids unique
            meta = replace(meta, id=relative)
        kind = ARTICLE_SUFFIXES[path.suffix.lower()]

        def make(path=path, meta=meta, kind=kind) -> Source:
            raw = read_text_file(path, options.encoding, options.max_bytes)
            return Source(meta, raw, kind, cleaning_for(kind, False, options.clean))

        source = _guarded(str(path), options, make)
        if source is not None:
            yield source


_SKIP_CHUNK = 1 << 20  # the rest of an over-size JSONL line is read and dropped this much at a time
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _not_regular(path: Path) -> str | None:
    """Why `path` cannot be read as a file (a FIFO would block forever, a device never ends)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read file ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return None
    what = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device or special file"
    return f"not a regular file ({what}); refusing to read it"


def _read_line(handle: BinaryIO, max_bytes: int) -> tuple[bytes, int | None]:
    """The next line (b"" at the end), and None; or, for a line over `max_bytes` (not
    counting its newline), b"\\n" and the line's size: the rest of it is read in chunks
    and dropped, so an endless line costs no more memory than the limit."""
    line = handle.readline(max_bytes + 1)
    if len(line) <= max_bytes or line.endswith(b"\n"):
        return line, None
    size = len(line)
    while not line.endswith(b"\n"):
        line = handle.readline(_SKIP_CHUNK)
        if not line:
            break
        size += len(line)
    return b"\n", size


def _iter_jsonl(path: Path, options: ReadOptions) -> Iterator[Source]:
    problem = _not_regular(path)
    if problem:
        raise DataError(path, problem)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise DataError(path, f"cannot read file ({exc.strerror or exc})") from None
    with handle:
        number = 0
        while True:
            line, oversize = _read_line(handle, options.max_bytes)
            if not line:
                break
            number += 1
            where = f"{path}:{number}"
            if oversize is not None:
                limit = f"{options.max_bytes / 1e6:.1f} MB limit per article"
                skip_or_raise(OversizeError(where, f"record is {oversize / 1e6:.1f} MB, over the {limit}"), options)
                continue
            if not line.strip():
                continue

            def make(line=line, where=where, number=number) -> Source:
                try:
                    record = json.loads(decode_bytes(line, where, options.encoding))
                except json.JSONDecodeError as exc:
                    raise DataError(where, f"not valid JSON ({exc.msg})") from None
                except RecursionError:
                    raise DataError(where, "not valid JSON (nested too deeply)") from None
                if not isinstance(record, dict):
                    raise DataError(where, "record is not a JSON object")
                source = _source_from_record(record, where, f"{path.stem}-{number}")
                why = ambiguous_date(source.meta.date)
                if why:
                    options.warnings.append(Skipped(where, why))
                return replace(source, cleaning=cleaning_for(source.kind, True, options.clean))

            source = _guarded(where, options, make)
            if source is not None:
                yield source


def _no_lone_surrogates(value: str) -> str:
    """JSON's "\\ud83d" escape decodes to a lone surrogate, which no UTF-8 output can encode."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def _source_from_record(record: dict, where: str, default_id: str) -> Source:
    html, text = record.get("html"), record.get("text")
    if not isinstance(html, str | None) or not isinstance(text, str | None):
        raise DataError(where, "'text' and 'html' must be strings")
    if not (text or html):
        raise DataError(where, "record has no 'text' or 'html'")

    def field_(name: str, default: str = "") -> str:
        return _no_lone_surrogates(str(record.get(name) or default))

    outlet_name = field_("outlet_name") or field_("outlet", "unknown")
    meta = Metadata(
        id=field_("id", default_id),
        outlet=slugify(field_("outlet") or outlet_name),
        outlet_name=outlet_name,
        title=field_("title"),
        date=field_("date"),
        url=field_("url"),
        language=field_("language", "en"),
        source=where,
    )
    return Source(meta, _no_lone_surrogates(text or html or ""), "text" if text else "html")


def _manifest_entry(path: Path, options: ReadOptions) -> dict[str, str] | None:
    """The row for one article file in the manifest beside it, so `framing inspect FILE` shows
    the outlet and title the corpus run would; a broken manifest is a warning here, not a stop."""
    try:
        _, manifest = _read_manifest(path.parent, options)
    except DataError as exc:
        options.warnings.append(Skipped(exc.where or str(path.parent), f"{exc.problem}; manifest not used"))
        return None
    return manifest.get(path.name)


def iter_sources(corpus: Path | str | None = None, options: ReadOptions | None = None) -> Iterator[Source]:
    """Sources (read, not yet cleaned) of a corpus, one at a time. No corpus means the seed articles."""
    options = options or ReadOptions()
    path = Path(corpus) if corpus is not None else default_corpus()
    if not path.exists():
        raise UsageError(path, "no such file or folder")
    if path.is_dir():
        yield from _iter_folder(path, options)
    elif path.suffix.lower() == ".jsonl":
        yield from _iter_jsonl(path, options)
    elif path.suffix.lower() in ARTICLE_SUFFIXES:
        problem = _not_regular(path)
        if problem:
            raise DataError(path, problem)
        meta = _metadata(path, path.parent, _manifest_entry(path, options))
        kind = ARTICLE_SUFFIXES[path.suffix.lower()]
        cleaning = cleaning_for(kind, False, options.clean)
        source = _guarded(
            str(path),
            options,
            lambda: Source(meta, read_text_file(path, options.encoding, options.max_bytes), kind, cleaning),
        )
        if source is not None:
            yield source
    else:
        raise UsageError(path, "not a corpus (expected a folder, a .jsonl file or a .txt/.md/.html article)")


def iter_articles(corpus: Path | str | None = None, options: ReadOptions | None = None) -> Iterator[Article]:
    """Cleaned articles of a corpus, one at a time. No corpus means the embedded seed articles."""
    options = options or ReadOptions()
    for source in iter_sources(corpus, options):
        try:
            yield clean_source(source)
        except DataError as exc:
            skip_or_raise(exc, options, source.meta.source)


def load_corpus(corpus: Path | str | None = None, options: ReadOptions | None = None) -> list[Article]:
    options = options or ReadOptions()
    articles = list(iter_articles(corpus, options))
    if not articles:
        why = ""
        if options.skipped:
            first = options.skipped[0]
            why = f" ({len(options.skipped)} skipped; first: {first.source}: {first.problem})"
        raise DataError(corpus or default_corpus(), f"no readable articles in the corpus{why}")
    return articles


class _FromOutlet(Protocol):
    """An article or its features: anything that knows its outlet and metadata."""

    @property
    def outlet(self) -> str: ...

    @property
    def meta(self) -> Metadata: ...


def outlets(articles: Sequence[_FromOutlet]) -> dict[str, str]:
    """slug -> display name, in first-seen order."""
    found: dict[str, str] = {}
    for article in articles:
        found.setdefault(article.outlet, article.meta.outlet_name)
    return found


_Outlet = TypeVar("_Outlet", bound=_FromOutlet)


def select_outlets(articles: Sequence[_Outlet], slugs: list[str]) -> list[_Outlet]:
    """Articles of the named outlets; an unknown slug is a usage error listing the real ones."""
    known = outlets(articles)
    for slug in slugs:
        if slug not in known:
            raise UsageError(None, f"unknown outlet '{slug}' (available: {', '.join(sorted(known))})")
    return [a for a in articles if a.outlet in slugs]
