from docx import Document
from typer.testing import CliRunner

from minutes_kit.actions.register import minutes_source
from minutes_kit.cli import app
from tests.conftest import ROOT
from tests.release.helpers import parts_holding

RECORD = ROOT / "samples" / "series" / "estates-steering-group" / "2026-08-11.yaml"


def test_release_of_a_series_meeting_withholds_the_owners_of_reviewed_actions(tmp_path):
    output = tmp_path / "release.docx"
    result = CliRunner().invoke(app, ["release", str(RECORD), "-o", str(output)])
    assert result.exit_code == 0, result.output
    record, _, _ = minutes_source(RECORD)
    withheld = [person.name for person in record.people.values() if not person.disclosable]
    assert withheld and {name: parts_holding(output, name) for name in withheld} == {name: [] for name in withheld}
    reviewed = next(t for t in Document(output).tables if t.rows[0].cells[-1].text == "Update")
    owners = [row.cells[2].text for row in reviewed.rows[1:]]
    assert owners and all(owner.startswith("XXXXXXS40(2)") for owner in owners)
    assert CliRunner().invoke(app, ["verify-release", str(output), str(RECORD)]).exit_code == 0
