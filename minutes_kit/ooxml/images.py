"""Images rewritten to hold their pixels and nothing else.

A picture in minutes is released for what it shows, but PNG and JPEG files also carry text no
reader sees: PNG text chunks (the author, a comment, the software), EXIF with the camera owner and
GPS position, XMP with the editing history, an ICC profile's description, a JPEG comment, a JFIF
thumbnail of the picture before it was cropped, and whatever was appended after the end of the
image. Each function keeps an allow-list of the structures a decoder needs and drops the rest,
and returns None for a file it cannot follow to its end: an image the release cannot read is an
image it cannot vouch for, so the caller leaves it out.
"""

from __future__ import annotations

import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_CHUNK_OVERHEAD = 12
"""A chunk's length, type and CRC, four bytes each, around its data."""
PNG_HEADER = b"IHDR"
PNG_HEADER_LENGTH = 13
PNG_DATA = b"IDAT"
PNG_END = b"IEND"
PNG_KEPT = {PNG_HEADER, b"PLTE", PNG_DATA, PNG_END, b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"pHYs", b"bKGD"}
"""Chunks that decide how the pixels look; text, time stamps, ICC profiles and EXIF are not among them."""

JPEG_MARKER = 0xFF
JPEG_START = 0xD8
JPEG_END = 0xD9
JPEG_RESTARTS = range(0xD0, 0xD8)
"""Restart markers sit inside entropy-coded data and carry no length."""
JPEG_STANDALONE = {0x01, *JPEG_RESTARTS}
"""Markers without a length field (TEM and the restarts); any may appear between segments."""
JPEG_START_OF_SCAN = 0xDA
JPEG_APP0 = 0xE0
JPEG_APP14 = 0xEE
JPEG_TABLES = {0xDB, 0xC4, 0xCC, 0xDD}
"""Quantisation and Huffman tables, arithmetic-coding conditioning and the restart interval (DQT,
DHT, DAC, DRI): the decoder needs them and they hold numbers only."""
JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
"""Start of frame, every coding process (SOF0..SOF15 without DHT, JPG and DAC)."""
JPEG_METADATA = {*range(0xE0, 0xF0), 0xFE}
"""APP0..APP15 and COM: dropped unless the APP0 or APP14 segment is one a decoder reads (below)."""
JFIF_IDENTIFIER = b"JFIF\x00"
JFIF_FIELDS = 9
"""Version, density units and densities, and the thumbnail's width and height, after the identifier."""
ADOBE_IDENTIFIER = b"Adobe"
ADOBE_LENGTH = 12
"""Identifier, version, two flag words and the colour transform: what tells CMYK from YCCK."""


def strip_png(data: bytes) -> bytes | None:
    """The PNG with only the chunks in `PNG_KEPT`, or None unless it is a whole, well-formed PNG.

    Every chunk's CRC is checked so that a damaged or crafted file is refused rather than guessed
    at; anything after IEND, where a file can hide a second file, is not copied.
    """
    if not data.startswith(PNG_SIGNATURE):
        return None
    kept = [PNG_SIGNATURE]
    offset = len(PNG_SIGNATURE)
    seen_data = False
    while offset + PNG_CHUNK_OVERHEAD <= len(data):
        (length,) = struct.unpack_from(">I", data, offset)
        kind = data[offset + 4:offset + 8]
        end = offset + PNG_CHUNK_OVERHEAD + length
        if end > len(data) or not kind.isalpha():
            return None
        (crc,) = struct.unpack_from(">I", data, end - 4)
        if zlib.crc32(data[offset + 4:end - 4]) != crc:
            return None
        if offset == len(PNG_SIGNATURE) and (kind != PNG_HEADER or length != PNG_HEADER_LENGTH):
            return None
        if kind in PNG_KEPT:
            kept.append(data[offset:end])
        seen_data = seen_data or kind == PNG_DATA
        if kind == PNG_END:
            return b"".join(kept) if seen_data else None
        offset = end
    return None


def strip_jpeg(data: bytes) -> bytes | None:
    """The JPEG with only SOI, a JFIF APP0 without its thumbnail, an Adobe APP14, the tables, the
    frame and scan headers, the entropy-coded data and EOI; or None unless every segment up to EOI
    is one the allow-list knows.

    A marker outside both lists (a hierarchical or extension segment) refuses the whole image:
    dropping a segment the decoder needs would release a broken picture, keeping one we cannot
    read would release what we have not checked.
    """
    if data[:2] != bytes((JPEG_MARKER, JPEG_START)):
        return None
    kept = [data[:2]]
    offset = 2
    seen_frame = seen_scan = False
    while offset < len(data):
        if data[offset] != JPEG_MARKER:
            return None
        while offset < len(data) and data[offset] == JPEG_MARKER:  # fill bytes may pad a marker
            offset += 1
        if offset >= len(data):
            return None
        marker = data[offset]
        offset += 1
        if marker == JPEG_END:
            kept.append(bytes((JPEG_MARKER, JPEG_END)))
            return b"".join(kept) if seen_frame and seen_scan else None
        if marker in JPEG_STANDALONE:
            kept.append(bytes((JPEG_MARKER, marker)))
            continue
        if offset + 2 > len(data):
            return None
        (length,) = struct.unpack_from(">H", data, offset)
        payload = data[offset + 2:offset + length]
        if length < 2 or len(payload) != length - 2:
            return None
        offset += length
        if marker == JPEG_APP0 and payload.startswith(JFIF_IDENTIFIER):
            if len(payload) < len(JFIF_IDENTIFIER) + JFIF_FIELDS:
                return None
            kept.append(_segment(JPEG_APP0, _jfif_without_thumbnail(payload)))
        elif marker == JPEG_APP14 and payload.startswith(ADOBE_IDENTIFIER) and len(payload) >= ADOBE_LENGTH:
            kept.append(_segment(JPEG_APP14, payload[:ADOBE_LENGTH]))
        elif marker in JPEG_METADATA:
            continue
        elif marker in JPEG_TABLES or marker in JPEG_FRAMES:
            seen_frame = seen_frame or marker in JPEG_FRAMES
            kept.append(_segment(marker, payload))
        elif marker == JPEG_START_OF_SCAN:
            seen_scan = True
            scan_end = _end_of_entropy_coded_data(data, offset)
            kept.append(_segment(marker, payload) + data[offset:scan_end])
            offset = scan_end
        else:
            return None
    return None


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((JPEG_MARKER, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _jfif_without_thumbnail(payload: bytes) -> bytes:
    """The JFIF header with a 0x0 thumbnail: the embedded thumbnail can show the picture before it
    was cropped or painted over."""
    fields = payload[len(JFIF_IDENTIFIER):len(JFIF_IDENTIFIER) + JFIF_FIELDS]
    return JFIF_IDENTIFIER + fields[:-2] + b"\x00\x00"


def _end_of_entropy_coded_data(data: bytes, offset: int) -> int:
    """Where the scan starting at `offset` ends: at the first marker that is neither a stuffed zero
    byte (FF 00), a fill byte nor a restart marker; the end of `data` if there is none."""
    while True:
        found = data.find(JPEG_MARKER, offset)
        if found < 0 or found + 1 >= len(data):
            return len(data)
        following = data[found + 1]
        if following == 0x00 or following in JPEG_RESTARTS:
            offset = found + 2
        elif following == JPEG_MARKER:
            offset = found + 1
        else:
            return found
