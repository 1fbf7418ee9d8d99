"""Reading zip archives (Word packages and the files embedded in them) without trusting them.

A .docx is a zip built by whoever sent it. Its central directory can promise small entries that
inflate to gigabytes, hold millions of entries, or declare one size and deliver another; its XML
can declare entities that expand without end or fetch files from the network. Everything the
toolkit reads from a package comes through here, so that the Word model (`ooxml`) and the
independent leak check (`verify`) share one safety guard without sharing any way of matching text.
"""

from __future__ import annotations

import io
import lzma
import struct
import zipfile
import zlib
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from minutes_kit.errors import ArchiveUnreadable, ArchiveUnsafe, InputUnreadable

MIB = 1024 * 1024
CHUNK_SIZE = 64 * 1024
ENCRYPTED_FLAG = 0x1

# The end-of-central-directory record, read before zipfile parses the directory so that a
# directory of millions of entries is refused before it is held in memory.
END_RECORD_SIGNATURE = b"PK\x05\x06"
END_RECORD_SIZE = 22
MAX_ARCHIVE_COMMENT = 0xFFFF
END_RECORD_LAYOUT = struct.Struct("<4s4H2LH")
ZIP64_ENTRY_COUNT = 0xFFFF
ZIP64_DIRECTORY_SIZE = 0xFFFFFFFF
# Generous for a directory entry (46 bytes of header and a path); a document's average is under 100.
MAX_DIRECTORY_BYTES_PER_ENTRY = 1024

ArchiveSource = Path | str | bytes | bytearray | memoryview | BinaryIO


@dataclass(frozen=True)
class ArchiveLimits:
    """What a document may plausibly need. Word packages hold tens of entries and rarely more than
    a few tens of megabytes; the limits leave room for large embedded media and nothing more."""

    max_entries: int = 5000
    max_entry_size: int = 128 * MIB
    max_total_size: int = 512 * MIB
    max_ratio: int = 1000
    # Small entries (runs of spaces in XML) compress extremely well and can do no harm.
    ratio_applies_above: int = 1 * MIB


DEFAULT_LIMITS = ArchiveLimits()


def read_archive(source: ArchiveSource, *, limits: ArchiveLimits = DEFAULT_LIMITS,
                 name: str | None = None) -> dict[str, bytes]:
    """Every entry of the zip archive `source` (a path, the archive's bytes, or an open binary
    file), by entry name, in archive order; `name` is how messages call the archive.

    The declared entry count and sizes are checked before anything is inflated, and each entry is
    read in chunks and refused as soon as it delivers more than it declared, so no archive costs
    more memory than `limits` allow whatever its headers claim."""
    label = name or _label(source)
    with ExitStack() as stack:
        handle = _open(source, label, stack)
        _check_end_record(handle, label, limits)
        archive = stack.enter_context(_zip(handle, label))
        infos = archive.infolist()
        _check_declared(infos, label, limits)
        return {info.filename: _read_entry(archive, info, label) for info in infos}


def parse_xml(data: bytes) -> etree._Element:
    """`data` parsed as XML without resolving entities, loading a DTD, reaching the network or
    lifting libxml2's size limits: what a hostile part declares stays declared, never expanded.
    A malformed part raises lxml's `XMLSyntaxError`, which callers decide how to treat."""
    # A parser per call: lxml parsers must not be shared between threads.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser)


def _label(source: ArchiveSource) -> str:
    if isinstance(source, (str, Path)):
        return str(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "the archive"


def _open(source: ArchiveSource, label: str, stack: ExitStack) -> BinaryIO:
    if isinstance(source, (str, Path)):
        try:
            return stack.enter_context(open(source, "rb"))
        except OSError as exc:
            raise InputUnreadable(f"cannot read {label}: {exc.strerror or exc}") from exc
    if isinstance(source, (bytes, bytearray, memoryview)):
        return io.BytesIO(bytes(source))
    return source


def _zip(handle: BinaryIO, label: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ArchiveUnreadable(
            f"{label} is not a Word document or is damaged (it cannot be read as a zip archive); "
            "open it in Word and save it again as .docx") from exc


def _check_end_record(handle: BinaryIO, label: str, limits: ArchiveLimits) -> None:
    """Refuse an archive whose end record declares too many entries or too large a directory.
    A ZIP64 archive states both elsewhere; its entries are counted once zipfile has read them."""
    try:
        handle.seek(0, io.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - END_RECORD_SIZE - MAX_ARCHIVE_COMMENT))
        tail = handle.read()
        handle.seek(0)
    except OSError as exc:
        raise ArchiveUnreadable(f"cannot read {label}: {exc}; check that the file is complete") from exc
    at = tail.rfind(END_RECORD_SIGNATURE)
    if at < 0 or len(tail) - at < END_RECORD_SIZE:
        return  # not a zip: zipfile says so, with its reason
    _, _, _, _, entries, directory_size, _, _ = END_RECORD_LAYOUT.unpack_from(tail, at)
    if entries != ZIP64_ENTRY_COUNT and entries > limits.max_entries:
        raise _too_many_entries(label, entries, limits)
    if (directory_size != ZIP64_DIRECTORY_SIZE
            and directory_size > limits.max_entries * MAX_DIRECTORY_BYTES_PER_ENTRY):
        raise ArchiveUnsafe(f"{label} is refused: its directory of entries is {directory_size:,} bytes, "
                            f"more than {limits.max_entries} entries need")


def _too_many_entries(label: str, entries: int, limits: ArchiveLimits) -> ArchiveUnsafe:
    return ArchiveUnsafe(f"{label} is refused: it holds {entries:,} entries, more than the limit of "
                         f"{limits.max_entries:,}")


def _check_declared(infos: list[zipfile.ZipInfo], label: str, limits: ArchiveLimits) -> None:
    if len(infos) > limits.max_entries:
        raise _too_many_entries(label, len(infos), limits)
    seen: set[str] = set()
    total = 0
    for info in infos:
        entry = info.filename
        if entry in seen:
            # Readers disagree about which of two same-named entries counts; one could hide a leak.
            raise ArchiveUnsafe(f"{label} is refused: it holds two entries named {entry}")
        seen.add(entry)
        if info.flag_bits & ENCRYPTED_FLAG:
            raise ArchiveUnreadable(f"{label} cannot be read: its entry {entry} is encrypted; "
                                    "remove the password in Word and save it again")
        if info.file_size > limits.max_entry_size:
            raise ArchiveUnsafe(f"{label} is refused: its entry {entry} declares {info.file_size:,} bytes, "
                                f"more than the limit of {limits.max_entry_size:,} bytes per entry")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_applies_above and ratio > limits.max_ratio:
            raise ArchiveUnsafe(f"{label} is refused: its entry {entry} inflates {ratio:,.0f} times, "
                                f"more than the limit of {limits.max_ratio:,} to 1")
        total += info.file_size
        if total > limits.max_total_size:
            raise ArchiveUnsafe(f"{label} is refused: its entries declare more than the limit of "
                                f"{limits.max_total_size:,} bytes in total")


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    """The entry's bytes, refused the moment they pass the declared size: the declared sizes were
    checked against the limits, so this bounds every entry and the total alike."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK_SIZE):
                size += len(chunk)
                if size > info.file_size:
                    raise ArchiveUnsafe(f"{label} is refused: its entry {info.filename} inflates past the "
                                        f"{info.file_size:,} bytes it declares")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError,
            RuntimeError, OSError, ValueError) as exc:
        raise ArchiveUnreadable(f"{label} is damaged: its entry {info.filename} cannot be read ({exc}); "
                                "open it in Word and save it again") from exc
    return b"".join(chunks)
