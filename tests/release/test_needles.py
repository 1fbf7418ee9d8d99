from minutes_kit.release.needles import NeedleSet

NEEDLES = NeedleSet.of({"Peter Hall": "name", "Mr Hall": "titled", "£4,250": "money"})


def found(text: str) -> list[tuple[str, str]]:
    return [(match.group(0), value) for match, value in NEEDLES.finditer(text)]


def test_whole_words_only():
    assert found("Hallam Street and Mr Hallam; Peter Halls") == []


def test_case_line_breaks_and_repeated_spaces_do_not_hide_a_name():
    assert found("PETER\n  hall and mr   HALL") == [("PETER\n  hall", "name"), ("mr   HALL", "titled")]


def test_money_is_found_inside_punctuation_but_not_inside_a_longer_number():
    assert found("(£4,250) and £4,2500") == [("£4,250", "money")]


def test_the_longest_needle_wins():
    both = NeedleSet.of({"Hall": "short", "Hall Green": "long"})
    assert [(m.group(0), v) for m, v in both.finditer("the Hall Green depot")] == [("Hall Green", "long")]
