"""An attacker's reading of a released file, written for the tests and independently of the
toolkit: it imports nothing from minutes_kit, folds text its own way and searches its own way.

Every zip entry is read as bytes and decoded as UTF-8 and as UTF-16 at both byte
alignments; XML is also read with its tags removed (line breaks and tabs as spaces, so a
name broken by them joins up) and URL-decoded; compressed PNG text chunks are inflated.
"""

from __future__ import annotations

import re
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote_plus

BREAKS = re.compile(rb"<w:(?:br|cr|tab)\b[^>]*/>")
TAG = re.compile(r"<[^>]+>")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def reader_fold(text: str) -> str:
    """What a reader takes for the same text: no case, accents, invisible characters, odd
    apostrophes or hyphens, and one space for any run of whitespace."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    text = text.casefold().replace("ı", "i")
    text = re.sub(r"[’‘ʼ′`´]", "'", text)
    text = re.sub(r"[‐‑‒–—―−]", "-", text)
    return re.sub(r"\s+", " ", text)


def _png_texts(data: bytes) -> list[str]:
    texts, position = [], len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"zTXt":
            texts.append(zlib.decompress(body.split(b"\0", 1)[1][1:]).decode("latin-1"))
        elif kind in (b"tEXt", b"iTXt"):
            texts.append(body.decode("utf-8", errors="ignore"))
        position += 12 + length
    return texts


def readings(data: bytes) -> list[str]:
    """Every way an attacker could read one entry."""
    found = [data.decode("utf-8", errors="ignore")]
    for offset in (0, 1):
        found += [data[offset:].decode("utf-16-le", errors="ignore"), data[offset:].decode("utf-16-be", errors="ignore")]
    if data.lstrip().startswith(b"<"):
        joined = BREAKS.sub(b" ", data).decode("utf-8", errors="ignore")
        found.append(TAG.sub("", joined))
        found.append(unquote_plus(TAG.sub(" ", joined)))
    if data.startswith(PNG_SIGNATURE):
        found += _png_texts(data)
    if data.startswith(b"PK\x03\x04"):
        import io

        with zipfile.ZipFile(io.BytesIO(data)) as nested:
            for name in nested.namelist():
                found += readings(nested.read(name))
    return found


def leaks(docx: Path, secrets: list[str]) -> dict[str, list[str]]:
    """For each secret still readable anywhere in the file, the entries holding it."""
    found: dict[str, list[str]] = {}
    with zipfile.ZipFile(docx) as package:
        entries = {name: [reader_fold(text) for text in readings(package.read(name))] for name in package.namelist()}
    for secret in secrets:
        pattern = re.compile(rf"(?<![^\W_]){re.escape(reader_fold(secret))}(?![^\W_])")
        parts = [name for name, texts in entries.items() if any(pattern.search(text) for text in texts)]
        if parts:
            found[secret] = parts
    return found


def visible_text(docx: Path) -> str:
    """The body's text as a reader sees it, folded."""
    with zipfile.ZipFile(docx) as package:
        return reader_fold(TAG.sub("", BREAKS.sub(b" ", package.read("word/document.xml")).decode()))
