"""The independent leak check finds withheld text wherever a saved file hides it, says where in
words a person can act on, and refuses files it cannot read safely."""

from __future__ import annotations

import ast
import io
import shutil
import struct
import subprocess
import sys
import warnings
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_kit.archive import ArchiveLimits, read_archive
from minutes_kit.errors import ArchiveUnreadable, ArchiveUnsafe
from minutes_kit.text.folding import fold
from minutes_kit.verify import Hit, check_docx, check_file, check_pdf
from minutes_kit.verify.search import NeedleIndex

ROOT = Path(__file__).resolve().parents[2]
W_NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
NEEDLES = {"Helen Brackley": "S40(2)", "İlker Yılmaz": "S40(2)", "O'Connor": "S40(2)",
           "Hall": "S40(2)", "£48,120": "S43(2)"}
DOCUMENT = "word/document.xml"


def run(text: str, *, box: bool = False) -> str:
    properties = '<w:rPr><w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/></w:rPr>'
    return f'<w:r>{properties if box else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def document(*paragraphs: str, story: str = "document") -> str:
    body = "".join(paragraphs)
    if story == "document":
        body = f"<w:body>{body}</w:body>"
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{story} {W_NAMESPACES}>{body}</w:{story}>'


def zip_bytes(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def package(tmp_path: Path, parts: dict[str, str | bytes], name: str = "release.docx") -> Path:
    """A .docx-like zip: a plain document unless `parts` says otherwise."""
    path = tmp_path / name
    path.write_bytes(zip_bytes({DOCUMENT: document(paragraph(run("Nothing withheld here."))), **parts}))
    return path


def places(hits: list[Hit]) -> set[tuple[str, str, str, str]]:
    return {(hit.part, hit.location, hit.code, hit.needle) for hit in hits}


def png_with_text(keyword: str, text: str) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00")
    compressed = keyword.encode("latin-1") + b"\0\0" + zlib.compress(text.encode("latin-1"))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"zTXt", compressed)
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def test_a_name_split_across_runs_and_a_line_break_is_found_in_its_numbered_paragraph(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(
        paragraph(run("3.1. Apologies were received.")),
        paragraph(run("3.2. The chair thanked Hel"), run("en"), "<w:r><w:br/></w:r>", run("Brackley."))),
    })

    hits = check_docx(path, NEEDLES)

    assert places(hits) == {(DOCUMENT, "3.2", "S40(2)", "Helen Brackley")}
    assert hits[0].describe() == "word/document.xml, 3.2: text withheld under S40(2)"
    assert hits[0].describe(show=True) == "word/document.xml, 3.2: text withheld under S40(2) ('Helen Brackley')"


def test_an_unnumbered_paragraph_is_named_by_its_place_in_the_part(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(paragraph(run("Minutes")), paragraph(run("Helen Brackley")))})

    assert places(check_docx(path, NEEDLES)) == {(DOCUMENT, "paragraph 2", "S40(2)", "Helen Brackley")}



def test_a_name_deep_in_a_long_part_is_named_by_its_own_paragraph(tmp_path):
    # A part's paragraphs are searched as one text: each hit must still be put back in its paragraph.
    paragraphs = [paragraph(run(f"{number}.1. Item {number} was noted.")) for number in range(1, 41)]
    paragraphs[26] = paragraph(run("27.1. Raised by Mr "), run("Hall and agreed."))
    paragraphs[27] = paragraph(run("Thanks to Helen Brackley"))  # the 28th paragraph, unnumbered
    paragraphs[28] = paragraph(run("Hall"))  # the next starts with a name too
    path = package(tmp_path, {DOCUMENT: document(*paragraphs)})

    assert places(check_docx(path, NEEDLES)) == {
        (DOCUMENT, "27.1", "S40(2)", "Hall"),
        (DOCUMENT, "paragraph 28", "S40(2)", "Helen Brackley"),
        (DOCUMENT, "paragraph 29", "S40(2)", "Hall"),
    }


def test_a_name_does_not_run_on_from_one_paragraph_into_the_next(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(
        paragraph(run("1.1. Minutes taken by Helen")), paragraph(run("Brackley Road was closed.")),
        paragraph(run("1.2. Helen")), paragraph(run("1.3. Brackley")))})

    # No paragraph holds the name; only the part read as a whole, a paragraph to a line, shows it.
    assert places(check_docx(path, NEEDLES)) == {(DOCUMENT, "text of the part", "S40(2)", "Helen Brackley")}

@pytest.mark.parametrize("written", ["İLKER YILMAZ", "ilker yilmaz", "İlker Yılmaz", "ILKER YıLMAZ"])
def test_a_turkish_name_is_found_in_capitals_and_without_its_dots(tmp_path, written):
    path = package(tmp_path, {DOCUMENT: document(paragraph(run(f"Noted by {written}.")))})

    assert places(check_docx(path, NEEDLES)) == {(DOCUMENT, "paragraph 1", "S40(2)", "İlker Yılmaz")}


def test_a_curly_apostrophe_is_the_apostrophe_withheld(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(paragraph(run("Ms O’Connor joined.")))})

    assert places(check_docx(path, NEEDLES)) == {(DOCUMENT, "paragraph 1", "S40(2)", "O'Connor")}


def test_invisible_characters_inside_a_name_do_not_hide_it(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(paragraph(run("Hel\u00aden Brack\u200bley attended.")))})

    assert places(check_docx(path, NEEDLES)) == {(DOCUMENT, "paragraph 1", "S40(2)", "Helen Brackley")}


def test_a_name_in_an_xml_comment_or_processing_instruction_is_found(tmp_path):
    path = package(tmp_path, {
        DOCUMENT: document(paragraph(run("Clean."), "<!-- drafted by Helen Brackley -->")),
        "word/settings.xml": '<?xml version="1.0"?><?mso-author İlker Yılmaz?><settings/>',
    })

    assert places(check_docx(path, NEEDLES)) == {
        (DOCUMENT, "XML comment", "S40(2)", "Helen Brackley"),
        ("word/settings.xml", "processing instruction", "S40(2)", "İlker Yılmaz"),
    }


@pytest.mark.parametrize(("part", "content", "location"), [
    ("word/_rels/document.xml.rels",
     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
     '<Relationship Id="rId9" Type="hyperlink" Target="https://intranet/people/Helen%20Brackley" '
     'TargetMode="External"/></Relationships>', "relationship target"),
    (DOCUMENT, document('<w:p><w:hyperlink w:tooltip="Helen+Brackley">' + run("profile") + "</w:hyperlink></w:p>"),
     "attribute w:tooltip"),
    (DOCUMENT, document('<w:p><w:bookmarkStart w:id="0" w:name="helen_brackley"/>' + run("Item") + "</w:p>"),
     "attribute w:name"),
])
def test_a_name_encoded_in_an_attribute_is_found(tmp_path, part, content, location):
    path = package(tmp_path, {part: content})

    assert places(check_docx(path, NEEDLES)) == {(part, location, "S40(2)", "Helen Brackley")}


def test_utf16_text_at_an_odd_offset_in_a_binary_part_is_found(tmp_path):
    printer = "word/printerSettings/printerSettings1.bin"
    settings_bytes = b"\x07" + "Helen Brackley".encode("utf-16-le") + b"\x00" * 33
    path = package(tmp_path, {printer: settings_bytes})

    assert places(check_docx(path, NEEDLES)) == {(printer, "bytes (UTF-16-LE)", "S40(2)", "Helen Brackley")}


def test_full_width_utf16_text_in_a_binary_part_is_found(tmp_path):
    # No character of the decoded text is a needle's first letter until it is folded.
    printer = "word/printerSettings/printerSettings1.bin"
    path = package(tmp_path, {printer: b"\x07\x00" + "ＨＥＬＥＮ ＢＲＡＣＫＬＥＹ".encode("utf-16-le")})

    assert places(check_docx(path, NEEDLES)) == {(printer, "bytes (UTF-16-LE)", "S40(2)", "Helen Brackley")}


def test_a_name_in_a_compressed_png_text_chunk_is_found(tmp_path):
    image = "word/media/image1.png"
    path = package(tmp_path, {image: png_with_text("Author", "Helen Brackley")})

    assert places(check_docx(path, NEEDLES)) == {(image, "PNG text chunk", "S40(2)", "Helen Brackley")}


def test_a_name_in_an_embedded_document_is_found_and_named_by_both_parts(tmp_path):
    embedded = zip_bytes({DOCUMENT: document(paragraph(run("1.1. Salary £48,120 agreed.")))})
    path = package(tmp_path, {"word/embeddings/Microsoft_Word_Document.docx": embedded})

    assert places(check_docx(path, NEEDLES)) == {
        ("word/embeddings/Microsoft_Word_Document.docx!word/document.xml", "1.1", "S43(2)", "£48,120")}


def test_zips_nested_beyond_the_limit_are_refused_rather_than_passed_unread(tmp_path):
    nested = zip_bytes({"note.txt": "Helen Brackley"})
    for depth in range(4):
        nested = zip_bytes({f"level{depth}.zip": nested})
    path = package(tmp_path, {"word/embeddings/package.zip": nested})

    with pytest.raises(ArchiveUnsafe, match="more than 3 deep"):
        check_docx(path, NEEDLES)


def test_only_whole_words_are_withheld(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(
        paragraph(run("Hallam Street office; the Town Hall's roof.")),
        paragraph(run("Budget £48,1200 and 148,120 units.")),
        paragraph(run("Fees of £48,120.")))})

    assert places(check_docx(path, NEEDLES)) == {
        (DOCUMENT, "paragraph 1", "S40(2)", "Hall"),
        (DOCUMENT, "paragraph 3", "S43(2)", "£48,120"),
    }


def test_a_word_in_a_longer_word_is_not_withheld(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(paragraph(run("Hallam Street, budget £48,1200.")))})

    assert check_docx(path, NEEDLES) == []


def test_a_bare_number_counts_in_prose_but_not_as_a_width_or_a_count(tmp_path):
    path = package(tmp_path, {
        DOCUMENT: document(
            '<w:tbl><w:tblGrid><w:gridCol w:w="900"/></w:tblGrid><w:tr><w:tc>'
            + paragraph(run("4.1. Agreed: 900 for the survey.")) + "</w:tc></w:tr></w:tbl>",
            '<w:p><w:r><w:drawing><wp:docPr xmlns:wp="urn:wp" id="1" name="chart" descr="Budget £900"/>'
            "</w:drawing></w:r></w:p>"),
        "docProps/app.xml": "<Properties><Characters>900</Characters></Properties>",
    })

    assert places(check_docx(path, {"£900": "S43", "900": "S43"})) == {
        (DOCUMENT, "4.1", "S43", "900"),
        (DOCUMENT, "attribute descr", "S43", "£900"),
    }


def test_a_private_use_mark_left_by_the_release_is_reported(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(paragraph(run("2.4. Reported by \ue0007")))})

    hits = check_docx(path, NEEDLES)

    assert places(hits) == {(DOCUMENT, "2.4", "", "\ue000")}
    assert hits[0].kind == "private-use mark"
    assert "U+E000" in hits[0].describe()


def test_empty_needles_are_ignored(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(paragraph(run("Anything at all.")))})

    assert check_docx(path, {"\u200b": "S40(2)", "  ": "S40(2)"}) == []


def test_more_redactions_on_the_page_than_rows_in_the_schedule_is_reported(tmp_path):
    path = package(tmp_path, {
        DOCUMENT: document(
            paragraph(run("1.1. Raised by XXXXXXS40(2) and XXXXXXXXXXS43(2).")),
            paragraph(run("Date: XXXXXX"), run("S38")),  # a whole field: its code is not glued on
            paragraph(run("1.2. Seen by"), run(" S40(2) ", box=True)),
            # Word saves a text box twice; only one copy is on the page.
            "<w:p><w:r><mc:AlternateContent><mc:Choice/><mc:Fallback>"
            + paragraph(run("XXXXXXS40(2)")) + "</mc:Fallback></mc:AlternateContent></w:r></w:p>"),
        "word/header1.xml": document(paragraph(run("Copy for XXXS40(2)")), story="hdr"),
    })

    assert check_docx(path, {}, schedule_rows=4, codes=["S40(2)", "S43(2)", "S43"]) == []
    hits = check_docx(path, {}, schedule_rows=3, codes=["S40(2)", "S43(2)", "S43"])
    assert [hit.describe() for hit in hits] == [
        "word/document.xml, 4 redactions in the document, 3 in the schedule: redaction without a schedule row"]


def test_a_box_saying_redacted_and_its_code_counts_as_a_redaction(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(
        paragraph(run("1.1. Seen by"), run(" Redacted S40(2) ", box=True)),
        paragraph(run("Date:S38"), run(" Redacted S38 ", box=True)),
        paragraph(run("1.2. Not a box:"), run(" Redacted remarks ", box=True)))})

    assert check_docx(path, {}, schedule_rows=2, codes=["S40(2)", "S38"]) == []
    assert [hit.kind for hit in check_docx(path, {}, schedule_rows=1, codes=["S40(2)", "S38"])] == [
        "redaction without a schedule row"]


def test_the_codes_of_the_needles_count_as_redaction_codes(tmp_path):
    path = package(tmp_path, {DOCUMENT: document(paragraph(run("XXXXXXS40(2)")))})

    assert [hit.kind for hit in check_docx(path, NEEDLES, schedule_rows=0)] == ["redaction without a schedule row"]


def test_an_entry_declaring_a_huge_size_is_refused_before_it_is_read(tmp_path):
    data = bytearray(zip_bytes({DOCUMENT: document(), "word/media/bomb.bin": b"tiny"}))
    directory = data.rindex(b"PK\x01\x02")  # the last entry's central directory header
    struct.pack_into("<I", data, directory + 24, 200 * 1024 * 1024)  # its uncompressed size
    path = tmp_path / "bomb.docx"
    path.write_bytes(bytes(data))

    with pytest.raises(ArchiveUnsafe, match=r"bomb\.docx.*word/media/bomb\.bin.*limit"):
        check_docx(path, NEEDLES)


def test_an_entry_that_inflates_a_thousandfold_is_refused(tmp_path):
    path = package(tmp_path, {"word/media/zeros.bin": b"\0" * (10 * 1024 * 1024)})

    with pytest.raises(ArchiveUnsafe, match="zeros.bin inflates .* times"):
        check_docx(path, NEEDLES)


def test_an_archive_with_too_many_entries_is_refused():
    data = zip_bytes({f"part{number}.xml": "<a/>" for number in range(6)})

    with pytest.raises(ArchiveUnsafe, match="6 entries"):
        read_archive(io.BytesIO(data), limits=ArchiveLimits(max_entries=5))
    assert len(read_archive(data)) == 6


def test_an_encrypted_entry_is_unreadable_and_says_what_to_do(tmp_path):
    data = bytearray(zip_bytes({DOCUMENT: document()}))
    directory = data.rindex(b"PK\x01\x02")
    struct.pack_into("<H", data, directory + 8, 1)  # the "encrypted" flag
    path = tmp_path / "locked.docx"
    path.write_bytes(bytes(data))

    with pytest.raises(ArchiveUnreadable, match=r"locked\.docx.*encrypted.*remove the password"):
        check_docx(path, NEEDLES)


def test_two_entries_of_one_name_are_refused(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns of the duplicate it writes
        data = zip_bytes({DOCUMENT: document()})
        buffer = io.BytesIO(data)
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.writestr(DOCUMENT, document(paragraph(run("Helen Brackley"))))

    with pytest.raises(ArchiveUnsafe, match="two entries named word/document.xml"):
        read_archive(buffer.getvalue(), name="twice.docx")


def test_a_file_that_is_not_a_zip_is_unreadable_and_says_what_to_do(tmp_path):
    path = tmp_path / "minutes.docx"
    path.write_text("These are not minutes.")

    with pytest.raises(ArchiveUnreadable, match=r"minutes\.docx.*save it again") as raised:
        check_file(path, NEEDLES)
    assert isinstance(raised.value.__cause__, zipfile.BadZipFile)


def pdf_with_pages(*pages: str) -> bytes:
    """A minimal PDF with one line of Helvetica text per page."""
    font = len(pages) * 2 + 3
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
                   b" ".join(b"%d 0 R" % (3 + 2 * index) for index in range(len(pages))), len(pages))]
    for index, text in enumerate(pages):
        stream = b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, 4 + 2 * index))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    output = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return output + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_a_pdf_is_checked_page_by_page(tmp_path):
    path = tmp_path / "release.pdf"
    path.write_bytes(pdf_with_pages("Minutes of the meeting", "Thanks to Helen Brackley"))

    assert places(check_pdf(path, NEEDLES)) == {("PDF page 2", "text", "S40(2)", "Helen Brackley")}
    assert places(check_file(path, NEEDLES)) == {("PDF page 2", "text", "S40(2)", "Helen Brackley")}


FORBIDDEN = ("minutes_kit.release", "minutes_kit.ooxml", "minutes_kit.detection", "minutes_kit.rendering")
ALLOWED_OWN = ("minutes_kit.text.folding", "minutes_kit.archive", "minutes_kit.errors", "minutes_kit.verify")


def imported_modules(source: Path, package_name: str) -> set[str]:
    """Every module `source` imports, relative imports resolved; `from a import b` yields a.b."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(), filename=str(source))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package_name.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(filter(None, (base, node.module)))
            modules.update(f"{module}.{alias.name}" for alias in node.names)
    return modules


def test_the_leak_check_imports_nothing_of_the_release_it_checks():
    sources = [*sorted((ROOT / "minutes_kit" / "verify").glob("*.py")), ROOT / "minutes_kit" / "archive.py"]
    for source in sources:
        for module in imported_modules(source, "minutes_kit.verify"):
            top = module.split(".")[0]
            assert not module.startswith(FORBIDDEN), f"{source.name} imports {module}"
            if top == "minutes_kit":
                assert module.startswith(ALLOWED_OWN), f"{source.name} imports {module}"
            else:
                assert top in sys.stdlib_module_names or top in ("lxml", "__future__"), f"{source.name} imports {module}"


def test_importing_the_leak_check_loads_none_of_the_release():
    probe = "import sys, minutes_kit.verify; print(sorted(m for m in sys.modules if m.startswith('minutes_kit')))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout

    assert not any(f"'{module}" in loaded for module in FORBIDDEN), loaded


LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZİıßéÉ’'‑"
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
WORDS = st.text(alphabet=LETTERS, min_size=2, max_size=9).filter(lambda word: sum(map(str.isalpha, word)) >= 2)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(WORDS, min_size=1, max_size=3), data=st.data())
def test_a_name_however_typed_and_split_into_runs_is_found(tmp_path, words, data):
    name = " ".join(words)
    typed = list(name)
    for position in data.draw(st.lists(st.integers(0, len(name)), max_size=4), label="invisible at"):
        typed.insert(position, data.draw(st.sampled_from(INVISIBLE)))
    text = f"The panel thanked {''.join(typed)} for the report."
    cuts = sorted(set(data.draw(st.lists(st.integers(1, len(text) - 1), max_size=6), label="run breaks")))
    runs = [run(text[start:end]) for start, end in zip([0, *cuts], [*cuts, len(text)])]
    path = package(tmp_path, {DOCUMENT: document(paragraph(*runs))})

    hits = check_docx(path, {name: "S40(2)"})

    assert (DOCUMENT, "paragraph 1", "S40(2)", name) in places(hits)


def naive_find(text: str, needle: str) -> bool:
    """The definition the index must meet: the folded needle somewhere in the folded text, with no
    letter or digit against a letter or digit at either end."""
    haystack, folded = fold(text), fold(needle).strip()
    start = haystack.find(folded)
    while folded and start >= 0:
        end = start + len(folded)
        left = not folded[0].isalnum() or start == 0 or not haystack[start - 1].isalnum()
        right = not folded[-1].isalnum() or end == len(haystack) or not haystack[end].isalnum()
        if left and right:
            return True
        start = haystack.find(folded, start + 1)
    return False


SMALL_TEXT = st.text(alphabet="ab1 .-'£_", max_size=30)
# Characters that fold into others: a text of them may hold a needle none of its characters starts.
FOLDING_TEXT = st.text(alphabet="ab1 .-£_ＡＢßİıé⁴㍲\u00ad\u3000", max_size=30)


def assert_index_finds_every_whole_word_occurrence(text: str, needles: list[str]) -> None:
    """Every needle found occurs; every needle that occurs is found, or holds one that is found
    (a needle inside another at word boundaries is searched for in its place)."""
    found = {needle.written for needle in NeedleIndex(dict.fromkeys(needles, "S40(2)")).find(text)}

    distinct = {fold(needle).strip(): needle for needle in reversed(needles)}
    occurring = {needle for needle in distinct.values() if naive_find(text, needle)}
    assert found <= occurring
    assert all(any(fold(shown).strip() in fold(needle) for shown in found) for needle in occurring)


@settings(max_examples=300)
@given(text=SMALL_TEXT, needles=st.lists(SMALL_TEXT, max_size=6))
def test_the_word_index_finds_exactly_the_whole_word_occurrences(text, needles):
    assert_index_finds_every_whole_word_occurrence(text, needles)


@settings(max_examples=300)
@given(text=FOLDING_TEXT, needles=st.lists(FOLDING_TEXT, max_size=6))
def test_the_word_index_finds_what_folding_makes_of_any_character(text, needles):
    assert_index_finds_every_whole_word_occurrence(text, needles)


@pytest.mark.parametrize("people", [4, 40])
def test_every_first_word_a_text_holds_is_found_however_many_there_are(people):
    names = [f"Name{number} Surname" for number in range(people)]
    text = " ".join(f"{name}." for name in names[::2]) + " xName1 Surname, Name3 Surnames, Name5_Surname"

    found = [needle.written for needle in NeedleIndex(dict.fromkeys(names, "S40(2)")).find(text)]

    assert found == names[::2]


def test_a_bare_number_in_the_document_title_is_a_hit_but_not_in_a_width(tmp_path):
    core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Invoice 48120</dc:title></cp:coreProperties>')
    body = (f'<w:document {W_NAMESPACES}><w:body><w:tbl><w:tblGrid><w:gridCol w:w="48120"/></w:tblGrid>'
            '</w:tbl></w:body></w:document>')
    path = tmp_path / "titled.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("docProps/core.xml", core)
        archive.writestr("word/document.xml", body)
    hits = check_docx(path, {"48120": "S43"})
    assert [(hit.part, hit.location) for hit in hits] == [("docProps/core.xml", "element dc:title")]
