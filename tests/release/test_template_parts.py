"""A user template carrying a withheld name in every kind of part a Word package can hold.

The template (`hostile.every_part_template`) renders `hostile.RECORD` and holds "Peter Hall",
withheld under S40(2), in printer settings (UTF-16 at an odd offset), a shown PNG's text chunks
and alt text, the package thumbnail, an XML comment and a processing instruction in the body, an
altChunk, custom XML, comments, people, the glossary, ActiveX, an embedded object, a VBA project,
custom properties, a MERGEFIELD and its result, a bookmark's name and two hyperlink targets. Each
release is read by the attacker's oracle (`oracle.py`), which shares no code with the toolkit."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from minutes_kit.cli import app
from tests.release.hostile import (
    MAILTO, PART_NAME, RECORD, STAFF_PAGE, WITHHELD, every_part_template, png_text_chunks, split_field_paragraph,
    template_with_body_xml,
)
from tests.release.oracle import leaks, reader_fold, visible_text

DROPPED_KINDS = {
    # kind: what an audit line naming it may say (part name or kind), matched case-insensitively
    "thumbnail": ("thumbnail",),
    "printer settings": ("printersettings", "printer settings"),
    "custom XML": ("customxml/item1.xml", "custom xml"),
    "custom properties": ("docprops/custom.xml", "custom properties"),
    "altChunk": ("afchunk", "altchunk"),
    "ActiveX": ("activex",),
    "embedded object": ("oleobject", "embedded object"),
    "glossary": ("glossary",),
    "comments": ("comments.xml",),
    "people": ("people.xml",),
    "VBA": ("vbaproject", "vba"),
}
"""Every kind of part the template carries that a release must leave behind."""
PARTS_WITH_THE_NAME = [
    "word/printerSettings/printerSettings1.bin", "word/media/image1.png", "docProps/thumbnail.jpeg",
    "word/document.xml", "word/afchunk.htm", "customXml/item1.xml", "word/comments.xml", "word/people.xml",
    "word/glossary/document.xml", "word/activeX/activeX1.xml", "word/embeddings/oleObject1.bin",
    "word/vbaProject.bin", "docProps/custom.xml",
]
MASK = "XXXXXXS40(2)"


def _no_findings(record: Path) -> str:
    """A current decisions file with nothing to decide, so the tests need no spaCy."""
    return f"record_sha256: {hashlib.sha256(record.read_bytes()).hexdigest()}\nfindings: []\n"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return every_part_template(tmp_path_factory.mktemp("template") / "every-part.docx")


@pytest.fixture(scope="module")
def released(tmp_path_factory, template) -> Path:
    from typer.testing import CliRunner

    result, output = release_with(CliRunner(), tmp_path_factory.mktemp("every-part"), template)
    assert result.exit_code == 0, result.output
    return output


def release_with(runner, folder: Path, template: Path):
    """`hostile.RECORD` released with `template` (its decisions file current, so no scan runs)."""
    record = folder / "estates.yaml"
    record.write_text(RECORD, encoding="utf-8")
    (folder / "estates.decisions.yaml").write_text(_no_findings(record), encoding="utf-8")
    output = folder / "release.docx"
    return runner.invoke(app, ["release", str(record), "-o", str(output), "--template", str(template)]), output


def _parts(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_the_template_carries_the_name_in_every_part(template):
    """The fixture is what it claims: the oracle reads the name in each hiding place before release."""
    found = leaks(template, [PART_NAME])[PART_NAME]
    assert sorted(set(PARTS_WITH_THE_NAME) - set(found)) == []
    printer = _parts(template)["word/printerSettings/printerSettings1.bin"]
    assert printer.find(PART_NAME.encode("utf-16-le")) % 2 == 1
    relationships = _parts(template)["word/_rels/document.xml.rels"].decode()
    assert MAILTO in relationships and STAFF_PAGE in relationships


def test_the_release_exits_0_and_no_withheld_string_is_in_any_part(released):
    assert leaks(released, WITHHELD) == {}
    assert leaks(released, ["Peter_Hall", "peter-hall", "Photo of Peter Hall", MAILTO, STAFF_PAGE]) == {}


def test_the_template_text_around_the_name_stays(released):
    text = visible_text(released)
    assert reader_fold(f"Estates review with {MASK}") in text
    assert reader_fold("Site notes follow.") in text
    assert reader_fold("Questions: email the estates officer or see the staff page") in text


def test_the_picture_is_released_without_its_text_chunks(released):
    document = Document(released)
    assert len(document.inline_shapes) == 1
    images = {name: data for name, data in _parts(released).items() if name.startswith("word/media/")}
    assert len(images) == 1
    (data,) = images.values()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert png_text_chunks(data) == []
    assert b"IDAT" in data  # the pixels stay
    description = document.inline_shapes[0]._inline.docPr.get("descr", "")
    assert "peter" not in description.casefold() and "hall" not in description.casefold()


def test_the_audit_log_lists_every_kind_of_part_left_behind(released):
    dropped = json.loads(released.with_suffix(".audit.json").read_text(encoding="utf-8"))["dropped_parts"]
    assert isinstance(dropped, list) and all(isinstance(entry, str) for entry in dropped)
    lowered = [entry.casefold() for entry in dropped]
    missing = [kind for kind, words in DROPPED_KINDS.items()
               if not any(word in entry for entry in lowered for word in words)]
    assert missing == [], dropped
    # What an author named the parts is not the removed text, but the log never holds the name itself.
    assert not any("peter" in entry for entry in lowered)


def test_no_part_left_behind_is_released(released):
    names = set(_parts(released))
    for kept_out in ("word/printerSettings/printerSettings1.bin", "docProps/thumbnail.jpeg", "word/afchunk.htm",
                     "customXml/item1.xml", "word/comments.xml", "word/people.xml", "word/glossary/document.xml",
                     "word/activeX/activeX1.xml", "word/embeddings/oleObject1.bin", "word/vbaProject.bin",
                     "docProps/custom.xml"):
        assert kept_out not in names
    body = _parts(released)["word/document.xml"]
    for reference in (b"altChunk", b"w:control", b"w:object", b"commentReference", b"<!--", b"<?minutes"):
        assert reference not in body


def test_no_private_use_mark_remains_in_any_part(released):
    holding = [name for name, data in _parts(released).items()
               if "\ue000".encode() in data or "\ue001".encode() in data]
    assert holding == []


def test_the_schedule_has_rows_for_the_link_targets_bookmark_and_image_description(released):
    with released.with_suffix(".redactions.csv").open(encoding="utf-8", newline="") as schedule:
        rows = list(csv.DictReader(schedule))
    locations = [row["location"] for row in rows]
    assert sum("link target" in location.casefold() for location in locations) >= 2, locations
    assert any("bookmark" in location.casefold() for location in locations), locations
    assert any("image description" in location.casefold() for location in locations), locations
    assert all(row["code"] == "S40(2)" for row in rows)
    assert not [row for row in rows if "peter" in " ".join(row.values()).casefold()]
    numbers = [int(row["number"]) for row in rows]
    assert numbers == list(range(1, len(rows) + 1))


def test_the_merge_field_result_shows_as_a_redaction_and_its_code_is_gone(released):
    paragraphs = [paragraph.text for paragraph in Document(released).paragraphs]
    assert f"Addressee: {MASK} (merged)" in paragraphs
    body = _parts(released)["word/document.xml"].decode("utf-8")
    instructions = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", body)
    assert not [code for code in instructions if "MERGEFIELD" in code.upper() and "PETER" in code.upper()]
    assert not [code for code in instructions if re.search(r"peter|hall", code, re.IGNORECASE)]
    assert "Peter_Hall" not in body


def test_the_hyperlinks_keep_their_text_but_not_their_targets(released):
    relationships = _parts(released)["word/_rels/document.xml.rels"].decode("utf-8")
    assert "mailto:" not in relationships and "/staff/" not in relationships
    assert "Questions: email the estates officer or see the staff page" in [
        paragraph.text for paragraph in Document(released).paragraphs]


SPLIT_FIELD_CODES = {
    # Word writes a field code in several w:instrText runs when it was typed or edited in more than one go.
    "inside the first name": ([" MERGEFIELD Pe", "ter Hall "], PART_NAME),
    "before an underscore": ([" MERGEFIELD Peter", "_Hall "], PART_NAME),
    "between the words": ([" MERGEFIELD Peter ", "Hall "], PART_NAME),
    "inside a mailto target": ([' HYPERLINK "mailto:peter.', 'hall@example.gov.uk" '], "write to the officer"),
}


@pytest.mark.parametrize("pieces, result", SPLIT_FIELD_CODES.values(), ids=SPLIT_FIELD_CODES.keys())
def test_a_field_code_split_over_runs_goes_like_a_whole_one(runner, tmp_path, pieces, result):
    template = template_with_body_xml(tmp_path / "split-field.docx", split_field_paragraph(pieces, result))
    outcome, output = release_with(runner, tmp_path, template)
    assert outcome.exit_code == 0, outcome.output
    assert leaks(output, WITHHELD) == {}
    shown = MASK if result == PART_NAME else result
    assert f"Addressee: {shown} (merged)" in [paragraph.text for paragraph in Document(output).paragraphs]
    body = _parts(output)["word/document.xml"].decode("utf-8")
    assert not re.search(r"peter|hall", "".join(re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", body)),
                         re.IGNORECASE)


MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"


@pytest.mark.parametrize("runs", [["Peter Hall"], ["Peter ", "Hall"]], ids=["one run", "two runs"])
def test_a_name_in_office_math_text_is_withheld(runner, tmp_path, runs):
    math_runs = "".join(f"<m:r><m:t xml:space=\"preserve\">{text}</m:t></m:r>" for text in runs)
    body = (f'<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:m="{MATH}">'
            f'<w:r><w:t xml:space="preserve">Formula: </w:t></w:r><m:oMath>{math_runs}</m:oMath></w:p>')
    template = template_with_body_xml(tmp_path / "math.docx", body)
    outcome, output = release_with(runner, tmp_path, template)
    assert outcome.exit_code == 0, outcome.output
    assert leaks(output, WITHHELD) == {}
    assert reader_fold("Formula: ") in visible_text(output)


def test_verify_release_finds_nothing(runner, released):
    record = released.parent / "estates.yaml"
    result = runner.invoke(app, ["verify-release", str(released), str(record)])
    assert result.exit_code == 0, result.output


def test_the_release_opens_in_libreoffice_and_its_pdf_holds_no_name(office, released, tmp_path):
    from minutes_kit.rendering.pdf import convert_to_pdf

    pdf = tmp_path / "release.pdf"
    convert_to_pdf(released, pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    folded = reader_fold(text)
    assert reader_fold(MASK) in folded  # it opened and rendered the minutes
    assert "Addressee:" in text
    for secret in WITHHELD:
        assert reader_fold(secret) not in folded
    assert "peter" not in folded
