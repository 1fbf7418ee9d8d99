"""A small record released once per module, and request files answering it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutes_kit.cli import app
from tests.records import TEST_GROUP

# Ann Bishop and Colin Drew are withheld under S40(2) by the default policy; the sum under S43.
RECORD = TEST_GROUP.replace('      - "@ab opened the meeting."\n', (
    '      - "@ab opened the meeting."\n'
    '      - "The supplier was paid [[S43: £48,120]] for the quarter."\n'))
WITHHELD_SUM = "£48,120"

# Line numbers matter: the tests name them in the errors they expect.
REQUEST = """\
reference: FOI2026/01234
received: 2026-12-18
sent: 2027-01-14
requester:
  name: Rowan Pike
  address: [14 Orchard Row, Leeds, LS2 7QT]
  email: r.pike@example.com
request: |
  Please send me the minutes of the Test Group held in 2026.
  Include the figures discussed.
releases:
  - ../out/group.release.audit.json
contact: {team: Information Rights Team, email: foi@example.gov.uk, address: [PO Box 12, Leeds, LS1 4AB]}
public_interest:
  S43:
    for: [Transparency about how public money is spent on the contract.]
    against: [Disclosure would harm the supplier's position in the retender.]
"""


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    """A folder holding out/group.release.* (and its audit log) and requests/, where tests write
    request files."""
    folder = tmp_path_factory.mktemp("foi")
    record = folder / "group.yaml"
    record.write_text(RECORD, encoding="utf-8")
    result = CliRunner().invoke(app, ["release", str(record), "-o", str(folder / "out" / "group.release.docx")])
    assert result.exit_code == 0, result.output
    (folder / "requests").mkdir()
    return folder


@pytest.fixture
def write_request(released, request):
    """Write a request file (REQUEST, or the text given) into the requests folder, named after the test."""

    def write(text: str = REQUEST) -> Path:
        path = released / "requests" / (re.sub(r"[^\w.-]+", "-", request.node.name) + ".yaml")
        path.write_text(text, encoding="utf-8")
        return path

    return write
