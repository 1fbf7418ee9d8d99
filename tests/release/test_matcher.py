"""The sweep's matcher: withheld strings found in folded text, as whole words."""

from __future__ import annotations

from minutes_kit.release.matcher import Matcher

NEEDLES = Matcher({"Peter Hall": "name", "Mr Hall": "titled", "£4,250": "money", "O'Connor": "apostrophe"})


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(text[start:end], value) for start, end, value in matcher.spans(text)]


def test_whole_words_only():
    assert found(NEEDLES, "Hallam Street and Mr Hallam; Peter Halls") == []


def test_case_line_breaks_and_repeated_spaces_do_not_hide_a_name():
    assert found(NEEDLES, "PETER\n  hall and mr   HALL") == [("PETER\n  hall", "name"), ("mr   HALL", "titled")]


def test_money_is_found_inside_punctuation_but_not_inside_a_longer_number():
    assert found(NEEDLES, "(£4,250) and £4,2500") == [("£4,250", "money")]


def test_the_longest_needle_wins():
    both = Matcher({"Hall": "short", "Hall Green": "long"})
    assert found(both, "the Hall Green depot") == [("Hall Green", "long")]


def test_dotted_capitals_curly_apostrophes_and_invisible_characters_do_not_hide_a_name():
    dotted = Matcher({"İlker Yılmaz": "name"})
    assert found(dotted, "İstanbul office: ILKER YILMAZ") == [("ILKER YILMAZ", "name")]
    assert found(NEEDLES, "Ms O’Connor and Pe\u200bter\u00a0Hall’s team") == [
        ("O’Connor", "apostrophe"), ("Pe\u200bter\u00a0Hall", "name")]


def test_a_needle_of_ten_thousand_characters_is_one_literal():
    long = "lorem ipsum " * 833
    matcher = Matcher({long: "long", "Peter Hall": "name"})
    assert [value for _, _, value in matcher.spans(f"before {long} after")] == ["long"]


def test_masking_replaces_every_needle():
    assert NEEDLES.mask("mailto:mr.x and Mr Hall, peter hall", "XX") == "mailto:mr.x and XX, XX"
