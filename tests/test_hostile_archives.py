"""Zip bombs given where a Word file is expected: refused through the guarded archive reader
before anything inflates them, in bounded memory, with a message naming the file.

A bomb here is a file of about 1 MB holding an entry that inflates to 1 GiB: the deflate stream
of one MiB of zeros, flushed so that it stands alone, repeated 1024 times. Building it takes
well under a second; inflating it would take a gigabyte.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document

from minutes_kit.errors import TemplateError
from minutes_kit.rendering import docx as rendering
from tests.conftest import SAMPLE
from tests.rendering.test_template_limits import MIB, run_minutes

GIB = 1024 * MIB
DOS_DATE = (2026 - 1980) << 9 | 1 << 5 | 1  # 1 January 2026
LOCAL_HEADER = struct.Struct("<4s5H3L2H")
DIRECTORY_ENTRY = struct.Struct("<4s6H3L5H2L")
END_RECORD = struct.Struct("<4s4H2LH")


def _deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _inflating_to(size: int, fill: bytes) -> tuple[bytes, int]:
    """A raw deflate stream of `size` bytes of `fill` (a multiple of 1 MiB), and their CRC-32."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = fill * MIB
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)  # stands alone: repeatable
    crc = 0
    for _ in range(size // MIB):
        crc = zlib.crc32(chunk, crc)
    return block * (size // MIB) + zlib.compressobj(9, zlib.DEFLATED, -15).flush(), crc


def write_zip(path: Path, entries: list[tuple[str, bytes, int, int]]) -> Path:
    """A zip of `entries` (name, deflated bytes, CRC-32, declared size), written by hand so that
    a declared size can be anything."""
    directory = b""
    with open(path, "wb") as file:
        for name, data, crc, size in entries:
            offset = file.tell()
            encoded = name.encode()
            file.write(LOCAL_HEADER.pack(b"PK\x03\x04", 20, 0, zipfile.ZIP_DEFLATED, 0, DOS_DATE,
                                         crc, len(data), size, len(encoded), 0) + encoded)
            file.write(data)
            directory += DIRECTORY_ENTRY.pack(b"PK\x01\x02", 20, 20, 0, zipfile.ZIP_DEFLATED, 0, DOS_DATE,
                                              crc, len(data), size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
        start = file.tell()
        file.write(directory)
        file.write(END_RECORD.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), start, 0))
    return path


def one_entry_of_zeros(path: Path) -> Path:
    data, crc = _inflating_to(GIB, b"\0")
    return write_zip(path, [("zeros.bin", data, crc, GIB)])


def word_document_of_a_gibibyte(path: Path, *, declared: int | None = None) -> Path:
    """A real Word document whose main part is 1 GiB of spaces: declared honestly, or as `declared`."""
    plain = path.with_name("plain.docx")
    Document().save(plain)
    entries = []
    with zipfile.ZipFile(plain) as package:
        for info in package.infolist():
            if info.filename == "word/document.xml":
                data, crc = _inflating_to(GIB, b" ")
                entries.append((info.filename, data, crc, GIB if declared is None else declared))
            else:
                content = package.read(info)
                entries.append((info.filename, _deflated(content), zlib.crc32(content), len(content)))
    return write_zip(path, entries)


BOMBS = {
    "one entry of 1 GiB of zeros": one_entry_of_zeros,
    "a Word document whose main part is 1 GiB": word_document_of_a_gibibyte,
    "a Word document whose 1 GiB main part declares 20 KB": lambda path: word_document_of_a_gibibyte(
        path, declared=20_000),
}


@pytest.fixture(params=BOMBS.values(), ids=BOMBS.keys())
def bomb(request, tmp_path) -> Path:
    path = request.param(tmp_path / "bomb.docx")
    assert path.stat().st_size < 2 * MIB
    return path


def test_the_bombs_are_what_they_claim(tmp_path):
    path = word_document_of_a_gibibyte(tmp_path / "bomb.docx")
    with zipfile.ZipFile(path) as package, package.open("word/document.xml") as part:
        assert part.read(MIB) == b" " * MIB
        assert package.getinfo("word/document.xml").file_size == GIB


def test_a_zip_bomb_as_template_is_refused_before_it_is_read(bomb, tmp_path):
    output = tmp_path / "out" / "minutes.docx"
    output.parent.mkdir()
    finished = run_minutes("render", SAMPLE, "--template", bomb, "-o", output)
    assert finished.returncode == 1, finished.stderr[-2000:]
    assert f"template {bomb}" in finished.stderr
    assert "Traceback" not in finished.stderr
    assert "refused" in finished.stderr or "is not a Word .docx file" in finished.stderr
    assert finished.peak_bytes < 300 * MIB
    assert list(output.parent.iterdir()) == []


def test_the_message_says_what_was_exceeded(tmp_path):
    bomb = word_document_of_a_gibibyte(tmp_path / "bomb.docx")
    finished = run_minutes("render", SAMPLE, "--template", bomb, "-o", tmp_path / "out.docx")
    assert (f"template {bomb} is refused: its entry word/document.xml declares 1,073,741,824 bytes, "
            "more than the limit of 134,217,728 bytes per entry") in finished.stderr


def test_verify_release_refuses_a_zip_bomb_naming_it(bomb):
    # The leak check reads the file through minutes_kit.archive.read_archive, which has limits.
    finished = run_minutes("verify-release", bomb, SAMPLE)
    assert finished.returncode == 1, finished.stderr[-2000:]
    assert f"error: {bomb} is" in finished.stderr
    assert "refused" in finished.stderr or "damaged" in finished.stderr
    assert "Traceback" not in finished.stderr
    assert finished.peak_bytes < 300 * MIB


def test_the_template_is_checked_before_python_docx_opens_it(tmp_path, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("python-docx was given the bomb")

    monkeypatch.setattr(rendering, "DocxTemplate", never)
    bomb = one_entry_of_zeros(tmp_path / "bomb.docx")
    with pytest.raises(TemplateError, match="its entry zeros.bin declares 1,073,741,824 bytes") as raised:
        rendering.open_template(bomb)
    assert raised.value.__cause__ is not None
