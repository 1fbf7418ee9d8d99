from pathlib import Path

import datetime as dt
import pytest

from minutes_kit.errors import RecordSyntaxError
from minutes_kit.record.source import parse_source

HERE = Path("record.yaml")


def test_positions_point_at_each_key_and_list_entry():
    _, document = parse_source("meeting:\n  title: Board\nattendees:\n  - ab\n  - cd\n", HERE)
    assert document.positions[("meeting", "title")] == (2, 3)
    assert document.position(("attendees", 1)).line == 5
    assert document.position(("meeting", "date")).line == 1  # missing: reported at its parent


def test_times_stay_text_and_yes_no_stay_words():
    # YAML 1.1 would read 10:30 as 630 and "no" as false.
    data, _ = parse_source("start: 10:30\norganisation: no\nflag: true\n", HERE)
    assert data == {"start": "10:30", "organisation": "no", "flag": True}


def test_dates_are_dates_and_impossible_dates_stay_text():
    data, _ = parse_source("a: 2026-07-14\nb: 2026-02-30\n", HERE)
    assert data == {"a": dt.date(2026, 7, 14), "b": "2026-02-30"}


def test_duplicate_keys_are_recorded_with_their_line():
    _, document = parse_source("title: A\ndate: 2026-01-01\ntitle: B\n", HERE)
    [(path, position)] = document.duplicate_keys
    assert path == ("title",) and position.line == 3


def test_syntax_error_gives_line_column_and_quoting_hint():
    with pytest.raises(RecordSyntaxError) as caught:
        parse_source("items:\n  - @ab opened the meeting\n", HERE)
    assert (caught.value.position.line, caught.value.position.column) == (2, 5)
    assert "must be put in quotes" in caught.value.message


def test_unsafe_tags_are_refused():
    with pytest.raises(RecordSyntaxError) as caught:
        parse_source("a: !!python/object/apply:os.system ['true']\n", HERE)
    assert caught.value.position.line == 1
