"""What kind of file a user gave as a Word document, told from its content, never its name.

A .docx is a zip (first bytes ``PK\\x03\\x04``) whose main document part has the WordprocessingML
content type. Other files arrive under the same name or beside it: a Word 97-2003 .doc and a
password-protected .docx are both OLE compound files; an OpenDocument text is a zip whose first
entry, ``mimetype``, says so; a .docm is a .docx whose main part is macro-enabled. Each is refused
with what to do about it.
"""

from __future__ import annotations

from pathlib import Path

from minutes_kit.errors import ArchiveUnreadable, InputUnreadable, NotAWordDocument
from minutes_kit.ooxml.constants import CT_MAIN_DOCUMENT, CT_MAIN_DOCUMENT_MACRO_ENABLED
from minutes_kit.ooxml.package import Package
from minutes_kit.ooxml.stories import main_document

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
"""An OLE compound file: a Word 97-2003 document, or any Office document saved with a password."""
SIGNATURE_LENGTH = max(len(ZIP_SIGNATURE), len(OLE_SIGNATURE))
ODF_MIMETYPE_ENTRY = "mimetype"
ODF_MIMETYPE_PREFIX = b"application/vnd.oasis.opendocument"

SAVE_AS_DOCX = "open it in Word and save it as .docx"
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
"""The stream an encrypted Office document (an OLE compound file, like a .doc) holds."""
ENCRYPTION_SEARCH_BYTES = 4 << 20


def is_office_file(path: Path) -> bool:
    """Whether `path` holds an Office file (a zip or an OLE compound file) rather than text: the
    commands that take a record or a Word document choose by this."""
    return _first_bytes(path).startswith((ZIP_SIGNATURE, OLE_SIGNATURE))


def open_word_document(path: Path) -> Package:
    """The package of the Word document (.docx) at `path`, read through the guarded zip reader.

    Raises `NotAWordDocument` for a .doc, a password-protected or macro-enabled document and an
    OpenDocument text, `ArchiveUnreadable` for a damaged zip and `ArchiveUnsafe` for one built to
    exhaust memory, each with a message naming the file and what to do."""
    path = Path(path)
    head = _first_bytes(path)
    if head.startswith(OLE_SIGNATURE):
        if _encrypted(path):
            raise NotAWordDocument(
                f"{path} is an encrypted (password-protected) Word document, which cannot be read: open it in Word, "
                "remove its password (File > Info > Protect Document) and save it as .docx")
        raise NotAWordDocument(f"{path} is a Word 97-2003 document (.doc), which cannot be read; {SAVE_AS_DOCX}")
    if not head.startswith(ZIP_SIGNATURE):
        raise NotAWordDocument(f"{path} is not a Word document; {SAVE_AS_DOCX}")
    try:
        package = Package(path)
    except ArchiveUnreadable as exc:
        raise NotAWordDocument(f"{path} is damaged or incomplete ({exc}): {SAVE_AS_DOCX} again, or copy it "
                               "again from where it came from") from exc
    if ODF_MIMETYPE_ENTRY in package.names() and package.blob(ODF_MIMETYPE_ENTRY).startswith(ODF_MIMETYPE_PREFIX):
        raise NotAWordDocument(f"{path} is an OpenDocument file (.odt), not a Word document; {SAVE_AS_DOCX}")
    main = main_document(package)
    kind = package.content_type(main) if main is not None and main in package.names() else None
    if kind == CT_MAIN_DOCUMENT_MACRO_ENABLED:
        raise NotAWordDocument(f"{path} is a macro-enabled Word document (.docm); open it in Word and save it "
                               "as .docx (without macros)")
    if kind != CT_MAIN_DOCUMENT:
        raise NotAWordDocument(f"{path} is a zip archive but not a Word document; {SAVE_AS_DOCX}")
    return package


def _encrypted(path: Path) -> bool:
    """Whether an OLE compound file holds the stream an encrypted Office document has; its
    directory sits near the start of such a file, so only the first bytes are read."""
    try:
        with open(path, "rb") as handle:
            return ENCRYPTION_STREAM in handle.read(ENCRYPTION_SEARCH_BYTES)
    except OSError as exc:
        raise InputUnreadable(f"cannot read {path}: {exc.strerror or exc}") from exc


def _first_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(SIGNATURE_LENGTH)
    except OSError as exc:
        raise InputUnreadable(f"cannot read {path}: {exc.strerror or exc}") from exc
