"""The leak check: search a finished file for every withheld string.

It reads the file afresh, part by part, independently of how the release was
built: XML text (each node, and each part's text joined so that a name split
across runs is still found), every attribute (relationship targets included,
URL-decoded), properties, and the raw bytes of any other part. A PDF is read
through pdftotext.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from minutes_kit.errors import MinutesError
from minutes_kit.record.exemptions import Exemption
from minutes_kit.release.needles import NeedleSet


@dataclass(frozen=True)
class Leak:
    part: str
    where: str
    exemption: Exemption

    def __str__(self) -> str:
        return f"{self.part} ({self.where}) still holds text withheld under {self.exemption.code}"


class LeakCheckUnavailable(MinutesError):
    """The file cannot be searched (not a Word package or PDF, or pdftotext is missing)."""


def find_leaks(path: Path, needles: Mapping[str, Exemption]) -> list[Leak]:
    """Every part of the file at `path` that still holds a withheld string."""
    search = NeedleSet(needles)
    if path.suffix.lower() == ".pdf":
        haystacks: Iterator[tuple[str, str, str]] = iter([("PDF", "page text", pdf_text(path))])
        return _leaks(search, haystacks)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise LeakCheckUnavailable(f"cannot search {path}: not a Word document ({exc})") from None
    with archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    return _leaks(search, ((name, where, text) for name, blob in parts.items() for where, text in _haystacks(name, blob)))


def _leaks(search: NeedleSet[Exemption], haystacks: Iterator[tuple[str, str, str]]) -> list[Leak]:
    leaks: dict[tuple[str, str], Leak] = {}
    for part, where, text in haystacks:
        found = search.search(text)
        if found is not None:
            leaks.setdefault((part, where), Leak(part, where, found))
    return list(leaks.values())


def _haystacks(name: str, blob: bytes) -> Iterator[tuple[str, str]]:
    if name.endswith((".xml", ".rels")):
        try:
            root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
        except etree.XMLSyntaxError:
            root = None
        if root is not None:
            texts = list(root.itertext())
            paragraphs = [element for element in root.iter(etree.Element) if etree.QName(element).localname == "p"]
            # Runs join up within a paragraph; paragraphs, and other elements, are kept apart.
            yield "text", "\n".join("".join(paragraph.itertext()) for paragraph in paragraphs)
            yield "text", "\n".join(texts)
            yield "text", "".join(texts)
            # NUL keeps values apart: it is neither a word character nor whitespace.
            targets = [v for e in root.iter(etree.Element) for k, v in e.attrib.items() if k == "Target"]
            others = [v for e in root.iter(etree.Element) for k, v in e.attrib.items() if k != "Target"]
            for label, values in (("relationship target", targets), ("attribute", others)):
                yield label, "\0".join(values)
                yield label, "\0".join(unquote(value) for value in values)
            return
    yield "content", blob.decode("utf-8", errors="ignore")
    yield "content", blob.decode("utf-16-le", errors="ignore")


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        raise LeakCheckUnavailable("pdftotext (poppler-utils) is needed to check a PDF; install poppler-utils")
    result = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise LeakCheckUnavailable(f"pdftotext could not read {path}: {result.stderr.strip()}")
    return result.stdout
