"""Marked spans: any length, over lines, and broken marks reported without letting their text out."""

from __future__ import annotations

import time

import pytest

from minutes_kit.record.markup import Marked, MarkProblem, Plain, mark_problems, marked_spans, segments

LONG = " ".join(f"figure{number:04d}" for number in range(1000))


def _plain_text(text: str) -> str:
    return "".join(segment.text for segment in segments(text) if isinstance(segment, Plain))


def test_a_long_mark_is_one_span_with_its_text_whole():
    text = f"Paid [[S43: {LONG}]] in May."
    assert len(LONG) >= 10_000
    started = time.perf_counter()
    parsed = list(segments(text))
    assert time.perf_counter() - started < 0.5
    assert parsed == [Plain("Paid "), Marked("S43", LONG, 5, len(text) - len(" in May.")), Plain(" in May.")]
    assert mark_problems(text) == []


def test_many_marks_and_unclosed_openings_are_scanned_in_one_pass():
    # Each unclosed ``[[`` would make a search for its ``]]`` read to the end of the text.
    text = "[[" * 50_000 + "]]" * 20_000
    started = time.perf_counter()
    problems = mark_problems(text)
    assert time.perf_counter() - started < 2
    assert problems[0].offset == 0 and len(problems) > 1


def test_a_mark_may_span_lines():
    text = "The figures were:\n[[S43: £12,345 for May\nand £6,789 for June\n]]\nagreed."
    [span] = marked_spans(text)
    assert (span.label, span.text) == ("S43", "£12,345 for May\nand £6,789 for June")
    assert mark_problems(text) == []
    assert "£" not in _plain_text(text)


def test_label_and_text_are_stripped_as_written_around_them():
    [span] = marked_spans("[[ section 40(2) :   Tomasz Nowak  ]]")
    assert (span.label, span.text) == ("section 40(2)", "Tomasz Nowak")


def test_single_brackets_belong_to_the_text():
    assert list(segments("[[S43: see [1]]]")) == [Marked("S43", "see [1", 0, 15), Plain("]")]
    assert mark_problems("[[S43: see [1]]]") == []


def test_nested_mark_is_reported_at_the_inner_opening():
    text = "Costs [[S43: £1 [[S41: advice]] £2]] agreed."
    [problem] = mark_problems(text)
    assert problem.offset == text.index("[[S41")
    assert "cannot be nested" in problem.message


@pytest.mark.parametrize("text", [
    "Costs [[S43: £1 [[S41: advice]] £2]] agreed.",
    "Costs [[S43: £1 [[S41: advice]] £2 [[S40(2): Ann]] £3]] agreed.",
    "Costs [[S43: £1 [[S41: [[S40(2): advice]] more]] £2]] agreed.",
])
def test_nested_marks_are_one_outer_span_and_nothing_inside_is_plain(text):
    [span] = marked_spans(text)
    assert span.label == "S43"
    assert (span.start, span.end) == (text.index("[["), text.index(" agreed."))
    assert "[" not in span.text and "]" not in span.text and "S41" not in span.text
    assert _plain_text(text) == "Costs  agreed."


def test_nested_mark_keeps_the_inner_text_in_the_outer_span():
    [span] = marked_spans("[[S43: a [[S41: b]] c]]")
    assert span.text == "a b c"


def test_unclosed_mark_withholds_everything_after_it():
    text = "Paid [[S43: £12,345 and the rest of the paragraph"
    assert mark_problems(text) == [MarkProblem(5, "'[[S43:' is never closed with ]]")]
    assert list(segments(text)) == [Plain("Paid "), Marked("S43", "£12,345 and the rest of the paragraph", 5, len(text))]


def test_stray_closing_is_reported_and_stays_in_the_text():
    text = "Paid £12,345]] in May."
    assert mark_problems(text) == [MarkProblem(text.index("]]"), "']]' closes no mark")]
    assert list(segments(text)) == [Plain(text)]


@pytest.mark.parametrize("text", ["[[£12,345]]", "[[: £12,345]]", "[[S4\n3: £12,345]]"])
def test_mark_without_a_code_is_reported_and_its_text_still_marked(text):
    assert mark_problems(text) == [MarkProblem(0, "[[...]] needs a code and a colon: [[S43: text]]")]
    [span] = segments(text)
    assert isinstance(span, Marked) and span.label == "" and "12,345" in span.text


def test_well_formed_text_has_no_problems():
    assert mark_problems("@ab paid [[S43: £12,345]] and [[#money: £1]]; see note [2].") == []
