"""Bytes to text, refusing what is not text instead of decoding it as garbage.

Scraped corpora mix encodings. UTF-8 (with or without BOM) and BOM-marked UTF-16/32
are decoded; anything else is rejected by default with the encoding a detector
guesses, because silently decoding Windows-1251 Cyrillic as Latin-1 corrupts every
word. `encoding="auto"` accepts the detector's guess instead.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from framing.errors import DataError

DEFAULT_MAX_BYTES = 5_000_000  # 5 MB, as the --max-size option counts them

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
)


def _looks_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"binary file ({what}), not a text article"
    if b"\x00" in data[:65536]:
        return "binary file (contains NUL bytes), not a text article"
    return None


# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; tab, line feed, form feed and
# carriage return are ordinary in text. One regex scan instead of a category lookup per character.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def decode_bytes(data: bytes, where: str | Path, encoding: str = "utf-8") -> str:
    """Decode one article's bytes; raise DataError naming `where` if it is not usable text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise DataError(where, f"starts with a {codec} byte-order mark but is not valid {codec}") from None
            return _checked(text, where)
    binary = _looks_binary(data)
    if binary:
        raise DataError(where, binary)
    if encoding not in ("utf-8", "auto"):
        try:
            return _checked(data.decode(encoding), where)
        except (UnicodeDecodeError, LookupError) as exc:
            raise DataError(where, f"cannot decode as {encoding} ({exc.__class__.__name__})") from None
    try:
        return _checked(data.decode("utf-8"), where)
    except UnicodeDecodeError:
        pass
    guess = _guess_encoding(data)
    if encoding == "auto" and guess:
        return _checked(data.decode(guess, errors="strict"), where)
    hint = f" (looks like {guess})" if guess else ""
    raise DataError(where, f"not valid UTF-8 text{hint}; re-save it as UTF-8 or use --encoding auto")


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    try:
        data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return best.encoding.replace("_", "-")


def _checked(text: str, where: str | Path) -> str:
    if _control_ratio(text) > 0.01:
        raise DataError(where, "binary file (control characters), not a text article")
    if not text.strip():
        raise DataError(where, "file is empty (no text)")
    return text


class OversizeError(DataError):
    """An article over the size limit: skipped with a warning rather than stopping the run."""


def read_text_file(path: Path, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    try:
        size = path.stat().st_size
        if size == 0:
            raise DataError(path, "file is empty")
        if size > max_bytes:
            limit = f"{max_bytes / 1e6:.1f} MB limit per article"
            raise OversizeError(path, f"file is {size / 1e6:.1f} MB, over the {limit}")
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(path, f"cannot read file ({exc.strerror or exc})") from None
    return decode_bytes(data, path, encoding)
