from pathlib import Path

import pytest

from framing.errors import DataError
from framing.ingest.decode import decode_bytes, read_text_file


def test_utf8_and_bom_marked_utf16_decode():
    assert decode_bytes("Kyiv – “quoted”".encode(), "a.txt") == "Kyiv – “quoted”"
    assert decode_bytes("Київ і Kyiv".encode("utf-16"), "b.txt") == "Київ і Kyiv"
    assert decode_bytes(b"\xef\xbb\xbfHello", "c.txt") == "Hello"


def test_windows_1251_is_rejected_with_a_guess_or_decoded_on_request():
    data = (
        "Министерство иностранных дел России заявило, что ответы НАТО были переданы "
        "российскому послу в Брюсселе в среду вечером. "
    ).encode("cp1251") * 3
    with pytest.raises(DataError) as err:
        decode_bytes(data, "ru.txt")
    assert err.value.where == "ru.txt"
    assert "not valid UTF-8" in err.value.problem and "--encoding auto" in err.value.problem
    assert decode_bytes(data, "ru.txt", encoding="auto").startswith("Министерство")
    assert decode_bytes(data, "ru.txt", encoding="cp1251").startswith("Министерство")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"%PDF-1.7\n...", "binary file (a PDF document)"),
        (b"\x89PNG\r\n\x1a\nrest", "a PNG image"),
        (b"text\x00with\x00nul", "contains NUL bytes"),
        (b"   \n\t\n", "file is empty"),
    ],
)
def test_binary_and_empty_input_is_refused(data, problem):
    with pytest.raises(DataError, match="x.bin") as err:
        decode_bytes(data, "x.bin")
    assert problem in err.value.problem


def test_size_limit_and_empty_file(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    with pytest.raises(DataError, match="over the 0.0 MB limit"):
        read_text_file(big, max_bytes=100)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(DataError, match="empty.txt: file is empty"):
        read_text_file(empty)


def test_control_characters_refuse_a_file_only_beyond_one_percent():
    seed = sorted(Path("seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    text = seed.replace("\n", "\r\n").replace(" ", "\t", 50) + "\f"  # layout controls are ordinary text
    assert decode_bytes(text.encode("utf-8"), "a.txt") == text
    n = len(text) // 100
    assert decode_bytes((text + "\x1b" * (n // 2)).encode("utf-8"), "b.txt")  # under 1%: kept
    for control in ("\x07", "\x0b", "\x1b", "\x7f", "\x85"):  # C0, vertical tab, DEL and C1 controls
        with pytest.raises(DataError, match=r"binary file \(control characters\)"):
            decode_bytes((text + control * (2 * n)).encode("utf-8"), "c.txt")
