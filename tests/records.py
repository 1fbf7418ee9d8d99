"""The small record the tests start from: a two-person group with one item."""

TEST_GROUP = """\
meeting:
  series: LPG-TEST
  title: Test Group
  date: 2026-07-14
  location: Room 4
  classification: OFFICIAL-SENSITIVE
  status: final
people:
  ab: {name: Ann Bishop, organisation: Department}
  cd: {name: Colin Drew, organisation: Supplier}
chair: ab
attendees: [ab, cd]
notes_by: cd
items:
  - title: Welcome
    paragraphs:
      - "@ab opened the meeting."
"""
