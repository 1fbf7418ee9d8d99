"""Reading a released package the way an attacker would: every zip part, as bytes and as text,
without the toolkit's own leak checker."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path


def part_texts(docx: Path) -> dict[str, str]:
    """Each part's raw content and, for XML, its text with tags removed (so split runs join up)."""
    texts = {}
    with zipfile.ZipFile(docx) as package:
        for name in package.namelist():
            raw = package.read(name).decode("utf-8", errors="ignore")
            texts[name] = raw + "\n" + re.sub(r"<[^>]+>", "", raw)
    return texts


def parts_holding(docx: Path, secret: str) -> list[str]:
    """The parts in which `secret` can still be read, ignoring case and spacing."""
    pattern = re.compile(r"\s*".join(re.escape(ch) for ch in secret.replace(" ", "")), re.IGNORECASE)
    return [name for name, text in part_texts(docx).items() if pattern.search(text)]


def body_text(docx: Path) -> str:
    with zipfile.ZipFile(docx) as package:
        return re.sub(r"<[^>]+>", "", package.read("word/document.xml").decode())
