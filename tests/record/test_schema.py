from minutes_kit.record.schema import meeting_schema_text
from tests.conftest import ROOT


def test_checked_in_schema_matches_the_model():
    checked_in = (ROOT / "schemas" / "meeting.schema.json").read_text(encoding="utf-8")
    assert checked_in == meeting_schema_text(), "schemas/meeting.schema.json is stale: run `make schema`"


def test_sample_points_editors_at_the_schema():
    first_line = (ROOT / "samples" / "contract-performance-group.yaml").read_text().splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schemas/meeting.schema.json"
