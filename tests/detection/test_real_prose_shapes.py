"""The detector on the shapes of real public-sector prose (issue 15): each kind of false finding it
must not make and each kind of name it must not miss, in short texts written for these tests; and
the decisions file of `minutes scan` listing the likely findings first."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from minutes_kit.cli import app
from minutes_kit.detection.decisions import decisions_path
from minutes_kit.detection.detect import find_personal_data, registry_of


def _people(*texts: str) -> list[str]:
    """The PERSON findings in `texts`, taken as one document."""
    found = find_personal_data(list(texts), [registry_of([])] * len(texts))
    return [text[span.start:span.end] for text, spans in zip(texts, found) for span in spans if span.category == "PERSON"]


@pytest.mark.parametrize("text", [
    # reference labels
    "The amendment to Minute No 18 was agreed and Appendix D was withdrawn.",
    "Members noted Annex G and Schedule Two of the contract.",
    # organisations, one-word ones too
    "Referrals to Hollybank Care and Sunrise Links doubled in the quarter.",
    "The support contract with Tidemark Homes was extended for a year.",
    # programmes, services and documents
    "The Healing Rooms service and the Internal Audit Charter were both approved.",
    "Claimants of Universal Credit were signposted to the Learning Hub.",
    "The briefing covered the State Pension Age and the Warm Homes Grant.",
    # roles
    "The Ward Councillor and the Public Governor were invited to respond.",
    "Work Coaches and the Staff Side Representative met on Tuesday.",
    "A Carer described the discharge from the unit.",
    # roads, rooms and wards
    "Residents of Heathfield Drive and Esplanade Parade were written to.",
    "Two patients on Foxglove Ward were moved to the day unit.",
    # headings in capitals
    "ITEMS FOR DECISION",
    "MATTERS FOR NOTING AND ITEMS FOR INFORMATION",
    # ratings and honorifics
    "The service was rated Requires Improvement at its last visit.",
    "The award was presented on behalf of His Majesty by the Lord-Lieutenant.",
    # fragments of metrics
    "Agency use rose in the HP FTE lines; No Pay costs and Rework Cases also rose.",
])
def test_what_real_prose_names_that_is_not_a_person_is_not_found(text):
    assert _people(text) == []


@pytest.mark.parametrize(("text", "names"), [
    # an attendance line where a name runs into a job title
    ("PRESENT:\nMr K Fenwick Chief Operating Officer\nDr S Mbatha Medical Director",
     ["Mr K Fenwick", "Dr S Mbatha"]),
    # title, initial and surname in a comma list
    ("In attendance: Ms R Ackerley, Director of Nursing; Mr P McAndrew, Head of Estates",
     ["Ms R Ackerley", "Mr P McAndrew"]),
    # a salutation
    ("Dear Imelda Strachan,", ["Imelda Strachan"]),
    # a contact line
    ("Contact: Bernard Quayle Scrutiny Officer, telephone 01632 960 555", ["Bernard Quayle"]),
    # after The Rt Hon
    ("A reply from The Rt Hon Marcus Ellwood MP was noted.", ["Marcus Ellwood"]),
    # surnames after a plural title
    ("Councillors Fenn and Ashdown asked for a site visit.", ["Fenn", "Ashdown"]),
    ("Apologies were received from Councillors T Gorringe, M Pask and B Oyelowo.", ["T Gorringe", "M Pask", "B Oyelowo"]),
    # names in capitals
    ("PRESENT\nLUCINDA HARGREAVE (CHAIR)\nMR N OKAFOR - DIRECTOR OF RESOURCES", ["LUCINDA HARGREAVE", "MR N OKAFOR"]),
    # a lower-case surname in a list
    ("Attendees: Tobias marchetti (pharmacist), Wren (OT)", ["Tobias marchetti", "Wren"]),
    # a job used as a title
    ("Nurse Eimear Costigan led the handover.", ["Eimear Costigan"]),
    # a signature: a name alone above a job title
    ("Hestia Rowlands\nInformation Governance Officer", ["Hestia Rowlands"]),
])
def test_names_in_the_shapes_of_minutes_and_letters_are_found(text, names):
    assert _people(text) == names


def test_a_first_name_alone_is_found_where_the_document_names_the_person_in_full():
    attendance = "Present: Magdalena Orzel (Chair), Cosmo Patterdale"
    later = "Magdalena asked that the figures be checked; Patterdale agreed."
    assert _people(attendance, later) == ["Magdalena Orzel", "Cosmo Patterdale", "Magdalena", "Patterdale"]


def test_a_lone_word_is_not_taken_for_a_name_found_in_another_document():
    texts = ["Present: Magdalena Orzel (Chair)", "Magdalena asked that the figures be checked."]
    found = find_personal_data(texts, [registry_of([])] * 2, documents=[1, 2])
    assert [texts[1][span.start:span.end] for span in found[1]] != ["Magdalena"]


def test_anonymous_salutations_name_nobody():
    assert _people("Dear Sir or Madam,", "Dear Colleagues,") == []


RECORD = """\
meeting:
  series: QPC
  title: Quality and performance
  date: 2026-03-11
  location: Room 4, Civic Offices
  classification: OFFICIAL-SENSITIVE
  status: final
people:
  cb: {name: Carys Bevan, role: Head of Quality, organisation: Trust, disclosable: true}
chair: cb
attendees: [cb]
notes_by: cb
items:
  - title: Complaints
    paragraphs:
      - "Queries about the complaint went to 0113 496 0871 before Mrs Pelham wrote to @cb."
      - "Leontyne Vasquez reported on the audit and Mrs Pelham thanked her."
"""


def test_the_decisions_file_lists_the_likelier_findings_first(runner, tmp_path):
    record = tmp_path / "quality.yaml"
    record.write_text(RECORD, encoding="utf-8")
    result = runner.invoke(app, ["scan", str(record)])
    assert result.exit_code == 0, result.output
    findings = yaml.safe_load(decisions_path(record).read_text(encoding="utf-8"))["findings"]
    texts = [finding["text"] for finding in findings]
    confidences = [finding["confidence"] for finding in findings]
    assert {"0113 496 0871", "Mrs Pelham", "Leontyne Vasquez"} <= set(texts)
    assert confidences == sorted(confidences, reverse=True)
    # The telephone number comes first in the record, but a titled name is a surer finding.
    assert texts.index("Mrs Pelham") < texts.index("0113 496 0871")


def test_the_calibration_ships_with_the_package():
    from minutes_kit.detection.calibration import CALIBRATION_FILE, calibration

    assert Path(CALIBRATION_FILE).is_file()
    table = calibration()
    assert {"titled", "attendance", "model", "run"} <= set(table)
    assert all(0 < confidence < 1 for confidence in table.values())
