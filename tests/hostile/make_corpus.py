"""Write a corpus of hostile inputs (generated, so no binaries are committed).

    python tests/hostile/make_corpus.py OUTDIR

Each file is a case issue 7 names; EXPECTED says what the tool must do with it:
"skip: <words in the problem>" (refused with a one-line reason) or "read" (analysed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ARTICLE = (
    "NATO allies sent written replies to Moscow on Wednesday, officials said, rejecting the demand that Ukraine "
    "never join the alliance while offering talks on arms control and transparency measures.\n\n"
    "“We remain open to dialogue,” NATO Secretary General Jens Stoltenberg told reporters in Brussels.\n"
)
XSS = '<script>alert("owned")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">click</a>'

EXPECTED: dict[str, str] = {
    "empty.txt": "skip: file is empty",
    "whitespace.txt": "skip: empty",
    "png-named-txt.txt": "skip: binary file (a PNG image)",
    "nul-bytes.txt": "skip: NUL bytes",
    "pdf-named-txt.txt": "skip: a PDF document",
    "cp1251.txt": "skip: not valid UTF-8",
    "cp1252.txt": "skip: not valid UTF-8",
    "huge.txt": "skip: over the 5.0 MB limit",
    "repeated-char.txt": "skip: no article text left",
    "only-quotes.txt": "skip: no article text left",
    "utf16-bom.txt": "read",
    "utf8-bom.txt": "read",
    "giant-sentence.txt": "read",
    "many-quotes.txt": "read",
    "xss.html": "read",
    "xss.txt": "read",
    "traversal.txt": "read",
}


def build(folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    w = {name: folder / name for name in EXPECTED}
    w["empty.txt"].write_bytes(b"")
    w["whitespace.txt"].write_bytes(b" \n\t\n  \n")
    w["png-named-txt.txt"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    w["nul-bytes.txt"].write_bytes(b"Some text\x00with\x00NUL bytes\x00inside it, as a broken export might have.")
    w["pdf-named-txt.txt"].write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    w["cp1251.txt"].write_bytes(
        ("Министерство иностранных дел России заявило, что ответы НАТО переданы послу. " * 8).encode("cp1251")
    )
    w["cp1252.txt"].write_bytes(("Le ministère a déclaré à l’agence que les réponses étaient « décevantes ». " * 8)
                                .encode("cp1252"))
    w["huge.txt"].write_bytes((ARTICLE * 30_000).encode()[:5_500_000])
    w["repeated-char.txt"].write_bytes(b"a" * 1_000_000)
    w["only-quotes.txt"].write_bytes(b'"' * 100_000)
    w["utf16-bom.txt"].write_bytes(ARTICLE.encode("utf-16"))
    w["utf8-bom.txt"].write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    sentence = "the troops moved closer to the border while officials said talks would continue and "
    w["giant-sentence.txt"].write_text(ARTICLE + sentence * 11_000 + "ended.\n", encoding="utf-8")
    w["many-quotes.txt"].write_text(
        ARTICLE + " ".join(f"“quote {i},” Kirby said, \"and {i}\"" for i in range(25_000)) + ".\n", encoding="utf-8"
    )
    w["xss.html"].write_text(
        f"<html><head><title>{XSS}</title><script>alert(3)</script></head><body><article><h1>{XSS}</h1>"
        f"<p>{ARTICLE}</p><p>{XSS} {ARTICLE}</p></article></body></html>", encoding="utf-8")
    w["xss.txt"].write_text(XSS + "\n\n" + ARTICLE + "\n\n" + XSS + " " + ARTICLE, encoding="utf-8")
    w["traversal.txt"].write_text(ARTICLE, encoding="utf-8")
    manifest = ["file,outlet,outlet_name,title,url"]
    for name in EXPECTED:
        outlet = "../../etc/passwd" if name == "traversal.txt" else "hostile"
        title = XSS.replace('"', "'") if name.startswith("xss") else name
        manifest.append(f'{name},{outlet},"{outlet}","{title}",javascript:alert(4)')
    (folder / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    (folder / "expected.json").write_text(json.dumps(EXPECTED, indent=1), encoding="utf-8")
    return EXPECTED


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile/make_corpus.py OUTDIR")
    build(Path(sys.argv[1]))
    print(f"wrote {len(EXPECTED)} hostile articles to {sys.argv[1]}")
