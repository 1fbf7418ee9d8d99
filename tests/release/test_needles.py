from minutes_kit.release.needles import NeedleSet

NEEDLES = NeedleSet({"Peter Hall": "name", "Mr Hall": "titled", "£4,250": "money"})


def found(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], value) for start, end, value in NEEDLES.spans(text)]


def test_whole_words_only():
    assert found("Hallam Street and Mr Hallam; Peter Halls") == []


def test_case_line_breaks_and_repeated_spaces_do_not_hide_a_name():
    assert found("PETER\n  hall and mr   HALL") == [("PETER\n  hall", "name"), ("mr   HALL", "titled")]


def test_money_is_found_inside_punctuation_but_not_inside_a_longer_number():
    assert found("(£4,250) and £4,2500") == [("£4,250", "money")]


def test_the_longest_needle_wins():
    both = NeedleSet({"Hall": "short", "Hall Green": "long"})
    text = "the Hall Green depot"
    assert [(text[start:end], v) for start, end, v in both.spans(text)] == [("Hall Green", "long")]


def test_text_whose_lower_case_changes_length_is_still_searched():
    dotted = NeedleSet({"Peter Hall": "name"})
    text = "İstanbul office: PETER HALL"
    assert [(text[start:end], v) for start, end, v in dotted.spans(text)] == [("PETER HALL", "name")]


def test_masking_replaces_every_needle():
    assert NEEDLES.mask("mailto:mr.x and Mr Hall, peter hall", "XX") == "mailto:mr.x and XX, XX"
