"""The rendered minutes, read back with python-docx as a reader would see them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from minutes_kit.rendering import render_minutes
from minutes_kit.rendering.context import join_names, long_date, minutes_context, short_date
from minutes_kit.rendering.docx import MINUTES_TEMPLATE, check_template_variables, open_template
from tests.conftest import SAMPLE, title_block


def _body_paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_title_block_lists_the_meeting_and_people_in_order(sample_docx, sample_record):
    block = title_block(Document(sample_docx))
    people = sample_record.people
    assert block["Title:"] == [sample_record.meeting.title]
    assert block["Date:"] == [long_date(sample_record.meeting.date)]
    assert block["Location:"] == [sample_record.meeting.location]
    assert block["Chair:"][0].startswith(people[sample_record.chair].name)
    assert [line.split(",")[0] for line in block["Attendees:"]] == [people[k].name for k in sample_record.attendees]
    assert all(people[k].organisation in line for k, line in zip(sample_record.attendees, block["Attendees:"]))
    assert [line.split(",")[0] for line in block["Apologies:"]] == [people[k].name for k in sample_record.apologies]
    assert block["Notes taken by:"][0].startswith(people[sample_record.notes_by].name)


def test_items_and_paragraphs_are_numbered_as_visible_text(sample_docx, sample_record):
    texts = _body_paragraphs(Document(sample_docx))
    headings = [t for t in texts if re.match(r"^\d+\.\t", t)]
    assert headings == [f"{n}.\t{item.title}" for n, item in enumerate(sample_record.items, start=1)]
    for n, item in enumerate(sample_record.items, start=1):
        numbers = [t.split("\t")[0] for t in texts if t.startswith(f"{n}.") and re.match(r"^\d+\.\d+\.\t", t)]
        lots = len(item.performance.lots) if item.performance else 0
        assert numbers == [f"{n}.{p}." for p in range(1, len(item.paragraphs) + lots + 1)]


def test_mentions_render_as_names(sample_docx, sample_record):
    text = "\n".join(_body_paragraphs(Document(sample_docx)))
    assert "@" not in text.replace(sample_record.contact.email or "", "")
    assert f"1.1.\t{sample_record.people[sample_record.chair].name}" in text


def test_each_action_appears_in_its_paragraph_and_in_the_log(sample_docx, sample_record):
    document = Document(sample_docx)
    texts = _body_paragraphs(document)
    log = document.tables[-1]
    assert [c.text for c in log.rows[0].cells] == ["Ref", "Action", "Owner", "Raised", "Due"]
    rows = [[c.text for c in row.cells] for row in log.rows[1:]]
    actions = sample_record.actions()
    assert len(actions) >= 4 and len(rows) == len(actions)
    for (raised, action), row in zip(actions, rows):
        paragraph = next(t for t in texts if t.startswith(f"{raised}.\t"))
        assert f"took an action to {action.text.rstrip('.')} ({action.ref})." in paragraph
        owner_names = [sample_record.people[k].name for k in action.owners]
        assert all(name in paragraph for name in owner_names)
        assert row == [action.ref, action.text.rstrip("."), join_names(owner_names), raised, short_date(action.due)]


def test_marking_is_in_header_and_footer_with_page_fields(sample_docx, sample_record):
    section = Document(sample_docx).sections[0]
    assert not section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "OFFICIAL-SENSITIVE COMMERCIAL"
    assert section.footer.paragraphs[0].text == "OFFICIAL-SENSITIVE COMMERCIAL"
    footer_xml = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer_xml and 'w:instr="NUMPAGES"' in footer_xml


def test_no_template_tags_are_left_and_special_characters_survive(sample_docx):
    with zipfile.ZipFile(sample_docx) as package:
        xml = "".join(package.read(name).decode() for name in package.namelist() if name.endswith(".xml"))
    assert "{{" not in xml and "{%" not in xml and "%}" not in xml
    assert "&amp;" in xml  # the sample has '&' in item titles: escaped, so the file stays valid XML


def test_rendering_is_stable(tmp_path, sample_record):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    render_minutes(sample_record, first)
    render_minutes(sample_record, second)
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


@pytest.mark.parametrize("status, marking", [("draft", "OFFICIAL-SENSITIVE COMMERCIAL – DRAFT"),
                                             ("final", "OFFICIAL-SENSITIVE COMMERCIAL")])
def test_draft_status_puts_draft_on_every_page(tmp_path, sample_record, status, marking):
    record = sample_record.model_copy(
        update={"meeting": sample_record.meeting.model_copy(update={"status": status})}
    )
    output = tmp_path / "minutes.docx"
    render_minutes(record, output)
    section = Document(output).sections[0]
    assert section.header.paragraphs[0].text == marking
    assert section.footer.paragraphs[0].text == marking


def test_sample_is_at_least_as_large_as_a_real_meeting(sample_record):
    organisations = {sample_record.people[k].organisation for k in sample_record.attendees}
    assert len(sample_record.items) >= 6
    assert len(sample_record.attendees) >= 10 and len(organisations) >= 3
    assert len(sample_record.actions()) >= 4
    assert Path(SAMPLE).stat().st_size > 12_000


def test_shipped_template_uses_only_provided_variables(sample_record):
    check_template_variables(open_template(MINUTES_TEMPLATE), MINUTES_TEMPLATE, minutes_context(sample_record))
