"""Release edits on small WordprocessingML fixtures, asserted as exact XML."""

from __future__ import annotations

from lxml import etree

from minutes_kit.record.exemptions import load_catalogue
from minutes_kit.ooxml.stories import ParagraphText, Story
from minutes_kit.release.ledger import RedactionLedger
from minutes_kit.release.marks import MarkStyle, MaskLength, _masked, _split, _split_run, mask_text, set_run_property
from minutes_kit.release.matcher import Matcher
from minutes_kit.release.sanitise import _clean_story
from minutes_kit.release.sweep import sweep_paragraph

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'
S40 = load_catalogue().lookup("S40(2)")
BODY = Story("word/document.xml", "body")


def xml(text: str) -> etree._Element:
    return etree.fromstring(text.replace("<w:p>", f"<w:p {NS}>", 1))


def serialise(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode").replace(f" {NS}", "")


def texts(paragraph: etree._Element) -> list[etree._Element]:
    return list(paragraph.iter(f"{{{W}}}t"))


def test_replacement_across_runs_keeps_the_runs_and_their_formatting():
    paragraph = xml("<w:p><w:r><w:t>Ask Peter </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Hall now</w:t></w:r></w:p>")
    ParagraphText(paragraph).replace(4, 14, "XX")
    assert serialise(paragraph) == (
        '<w:p><w:r><w:t xml:space="preserve">Ask XX</w:t></w:r>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> now</w:t></w:r></w:p>'
    )


def test_a_line_break_and_a_tab_inside_a_replaced_span_go_with_it():
    paragraph = xml("<w:p><w:r><w:t>Ask Peter</w:t><w:br/><w:t>Hall</w:t><w:tab/><w:t>now</w:t></w:r></w:p>")
    text = ParagraphText(paragraph)
    assert text.text == "Ask Peter\nHall\tnow"
    text.replace(4, 14, "XX")
    assert serialise(paragraph) == (
        '<w:p><w:r><w:t xml:space="preserve">Ask XX</w:t><w:t xml:space="preserve"></w:t><w:tab/><w:t>now</w:t></w:r></w:p>'
    )


def test_sweep_marks_a_name_split_by_formatting_and_records_it():
    paragraph = xml("<w:p><w:r><w:t>3.1. Pe</w:t></w:r><w:r><w:t>ter Hall agreed</w:t></w:r></w:p>")
    ledger = RedactionLedger()
    sweep_paragraph(paragraph, BODY, Matcher({"Peter Hall": S40}), ledger)
    assert "".join(t.text for t in texts(paragraph)) == "3.1. \ue0001\ue001 agreed"
    [redaction] = ledger.redactions.values()
    assert (redaction.location, redaction.exemption.code, redaction.removed) == ("3.1", "S40(2)", "Peter Hall")


def test_box_mark_is_its_own_run_with_black_shading_and_white_code():
    paragraph = xml("<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Ask \ue0001\ue001 today</w:t></w:r></w:p>")
    ledger = RedactionLedger()
    ledger.add(S40, "1.1", "Peter Hall")
    ledger.redactions[1].number = 1
    [text] = texts(paragraph)
    _split_run(text, [("Ask ", None), ("", ledger.redactions[1]), (" today", None)], MarkStyle.BOX)
    assert serialise(paragraph) == (
        '<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Ask </w:t></w:r>'
        '<w:r><w:rPr><w:i/><w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/></w:rPr>'
        '<w:t xml:space="preserve"> Redacted S40(2) </w:t></w:r>'
        '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> today</w:t></w:r></w:p>'
    )


def _masked_paragraph(paragraph: etree._Element, ledger: RedactionLedger) -> str:
    """The paragraph's text with each of its text nodes' marks turned into X's, as a release does."""
    for text in texts(paragraph):
        pieces = [(piece, ledger.redactions[int(ident)] if ident else None) for piece, ident in _split(text.text)]
        text.text = _masked(text, pieces, MaskLength.FIXED)
    return "".join(text.text for text in texts(paragraph))


def test_x_marks_are_never_glued_to_the_next_word_but_stack_and_keep_punctuation():
    ledger = RedactionLedger()
    ledger.add(S40, "1.1", "Peter Hall")
    ledger.add(load_catalogue().lookup("S43"), "1.1", "12")
    ledger.add(S40, "Title block: Date", "Tuesday 12 May 2026", glue_code=False)
    cases = {
        "\ue0001\ue001 thanked everyone": "XXXXXXS40(2) thanked everyone",  # as real releases print it
        "\ue0001\ue001's team": "XXXXXXS40(2)'s team",
        "(\ue0002\ue001)": "(XXXXXXS43)",
        "\ue0001\ue001\ue0002\ue001 agreed": "XXXXXXS40(2)XXXXXXS43 agreed",  # stacked, as real releases do
        "\ue0002\ue0015 cases": "XXXXXXS43 5 cases",  # never XXXXXXS435
        "\ue0001\ue001son": "XXXXXXS40(2) son",
        "\ue0003\ue001meeting": "XXXXXX meeting",
    }
    for marked, shown in cases.items():
        paragraph = xml(f"<w:p><w:r><w:t>{marked}</w:t></w:r></w:p>")
        assert _masked_paragraph(paragraph, ledger) == shown, marked


def test_a_mark_at_the_end_of_a_run_is_not_glued_to_the_next_run():
    ledger = RedactionLedger()
    ledger.add(load_catalogue().lookup("S43"), "1.1", "12")
    glued = xml("<w:p><w:r><w:t>Raised \ue0001\ue001</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>5 cases</w:t></w:r></w:p>")
    assert _masked_paragraph(glued, ledger) == "Raised XXXXXXS43 5 cases"
    apart = xml("<w:p><w:r><w:t>Raised \ue0001\ue001</w:t><w:tab/><w:t>5 cases</w:t></w:r></w:p>")
    _masked_paragraph(apart, ledger)
    assert texts(apart)[0].text == "Raised XXXXXXS43"  # the tab stands between them


def test_run_properties_are_inserted_in_schema_order():
    run = etree.fromstring(f'<w:r {NS}><w:rPr><w:b/><w:sz w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:r>')
    set_run_property(run, "shd", fill="000000")
    set_run_property(run, "color", val="FFFFFF")
    assert [etree.QName(child).localname for child in run[0]] == ["b", "color", "sz", "shd", "lang"]


def test_masks_fixed_or_proportional():
    ledger = RedactionLedger()
    ledger.add(S40, "1.1", "Peter Hall")
    ledger.add(S40, "Title block: Date", "Tuesday 12 May 2026", glue_code=False)
    name, field = ledger.redactions[1], ledger.redactions[2]
    assert mask_text(name, MaskLength.FIXED) == "XXXXXXS40(2)"
    assert mask_text(name, MaskLength.PROPORTIONAL) == "XXXXXXXXXXS40(2)"
    assert mask_text(field, MaskLength.FIXED) == "XXXXXX"


def test_sanitising_accepts_insertions_and_drops_deletions_hidden_and_white_text():
    paragraph = xml(
        "<w:p><w:ins><w:r><w:t>kept</w:t></w:r></w:ins><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"
        '<w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>white</w:t></w:r>'
        '<w:r><w:rPr><w:color w:val="FFFFFF"/><w:shd w:fill="000000"/></w:rPr><w:t>boxed</w:t></w:r>'
        '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>shown</w:t></w:r></w:p>'
    )
    _clean_story(paragraph, invisible_styles=set())
    assert serialise(paragraph) == (
        "<w:p><w:r><w:t>kept</w:t></w:r>"
        '<w:r><w:rPr><w:color w:val="FFFFFF"/><w:shd w:fill="000000"/></w:rPr><w:t>boxed</w:t></w:r>'
        '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>shown</w:t></w:r></w:p>'
    )


def test_short_names_are_searched_for_but_short_numbers_are_not():
    ledger = RedactionLedger()
    for needle in ("Jo", "23", "£5", "Peter Hall"):
        ledger.search_for(needle, S40)
    assert list(ledger.needles) == ["Jo", "£5.00", "Peter Hall"]


def test_withheld_money_is_searched_in_every_way_it_is_written():
    ledger = RedactionLedger()
    ledger.search_for("£48,120", S40)
    assert set(ledger.needles) >= {"£48,120", "£48120", "48,120", "48120", "£48,120.00"}


def test_a_field_code_holding_a_name_goes_and_its_result_stays():
    paragraph = xml(
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD Peter Hall </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Peter Hall</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> agreed</w:t></w:r></w:p>'
    )
    ledger = RedactionLedger()
    sweep_paragraph(paragraph, BODY, Matcher({"Peter Hall": S40}), ledger)
    assert serialise(paragraph) == (
        '<w:p><w:r><w:t xml:space="preserve">\ue0001\ue001</w:t></w:r><w:r><w:t> agreed</w:t></w:r></w:p>'
    )
