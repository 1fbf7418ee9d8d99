"""Checks that need the whole record: people, references, dates, empty items.

Errors are what would make wrong minutes; warnings are legal but probably
wrong, and ``--strict`` makes them fail too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from minutes_kit.errors import UnknownExemption
from minutes_kit.record.exemptions import load_catalogue
from minutes_kit.record.markup import mark_problems, marked_spans
from minutes_kit.record.mentions import find_mentions
from minutes_kit.record.model import Action, ActionStatus, Classification, MeetingRecord
from minutes_kit.record.source import FieldPath
from minutes_kit.record.texts import paragraph_reference, record_texts
from minutes_kit.validation.performance_checks import check_performance
from minutes_kit.validation.placeholders import check_placeholders
from minutes_kit.validation.problems import Report
from minutes_kit.validation.registry_names import RegistryNames, did_you_mean


def check_record(record: MeetingRecord, report: Report) -> None:
    _check_people(record, report)
    _check_mentions(record, report)
    _check_marks(record, report)
    _check_actions(record, report)
    _check_action_updates(record, report)
    _check_items(record, report)
    _check_meeting(record, report)
    _check_exemption_codes(record, report)
    check_performance(record, report)
    check_placeholders(record, report)


def _unknown(key: str, record: MeetingRecord) -> str:
    hint = did_you_mean(key, RegistryNames.of(record.people, record.teams).people)
    return f"'{key}' is not in the people registry{hint}"


def _unknown_owner(key: str, record: MeetingRecord) -> str:
    """An owner or an @mention may be a person or a team."""
    hint = did_you_mean(key, RegistryNames.of(record.people, record.teams).owners)
    return f"'{key}' is not in the people registry or the teams registry{hint}"


def check_registry_keys(people: Mapping[str, object], teams: Mapping[str, object], report: Report) -> None:
    """A key names a person or a team, never both: an owner or a mention must say which."""
    for key in teams:
        if key in people:
            report.error(("teams", key), f"'{key}' is a key of both the people and the teams registries; "
                         "a key names a person or a team: rename one of them")


def _check_people(record: MeetingRecord, report: Report) -> None:
    check_registry_keys(record.people, record.teams, report)
    single = {"chair": record.chair, "notes_by": record.notes_by}
    if record.contact is not None:
        single["contact.person"] = record.contact.person
    for field, key in single.items():
        if key is not None and key not in record.people:
            report.error(tuple(field.split(".")), _unknown(key, record))
    for group in ("attendees", "observers", "apologies"):
        seen: set[str] = set()
        for index, key in enumerate(getattr(record, group)):
            if key not in record.people:
                report.error((group, index), _unknown(key, record))
            if key in seen:
                report.error((group, index), f"'{key}' is listed twice in {group}")
            seen.add(key)
    if record.chair in record.people and record.chair not in record.attendees:
        report.error(("chair",), f"the chair '{record.chair}' is not among the attendees")
    for index, key in enumerate(record.apologies):
        if key in record.attendees:
            report.warning(("apologies", index), f"'{key}' is listed both as attending and in apologies")
    for index, key in enumerate(record.observers):
        if key in record.attendees:
            report.warning(("observers", index), f"'{key}' is listed both as an attendee and an observer")
    if record.notes_by is None:
        report.warning(("notes_by",), "no note-taker is given (notes_by)")


def _check_mentions(record: MeetingRecord, report: Report) -> None:
    for path, text in record_texts(record):
        for mention in find_mentions(text):
            if mention.key not in record.people and mention.key not in record.teams:
                report.error(path, f"mention @{mention.key}: {_unknown_owner(mention.key, record)}")


def _check_marks(record: MeetingRecord, report: Report) -> None:
    """Broken marks are errors: nothing can tell which text their author meant to withhold."""
    for path, text in record_texts(record):
        for problem in mark_problems(text):
            report.error(path, problem.message)


def action_paths(record: MeetingRecord) -> Iterator[tuple[FieldPath, str, Action]]:
    for item_index, item in enumerate(record.items):
        for paragraph_index, paragraph in enumerate(item.all_paragraphs()):
            for action_index, action in enumerate(paragraph.actions):
                at = ("items", item_index, "paragraphs", paragraph_index, "actions", action_index)
                yield at, paragraph_reference(item_index, paragraph_index), action


def _check_actions(record: MeetingRecord, report: Report) -> None:
    raised_at: dict[str, str] = {}
    for at, paragraph_number, action in action_paths(record):
        if action.ref in raised_at:
            report.error(
                at + ("ref",),
                f"action reference '{action.ref}' is already used in paragraph {raised_at[action.ref]}",
            )
        raised_at.setdefault(action.ref, paragraph_number)
        for owner_index, owner in enumerate(action.owners):
            if owner not in record.people and owner not in record.teams:
                report.error(at + ("owners", owner_index), f"action owner {_unknown_owner(owner, record)}")
        if action.due is None:
            report.warning(at, f"action '{action.ref}' has no due date")
        elif action.due < record.meeting.date:
            report.error(
                at + ("due",),
                f"action '{action.ref}' is due {action.due.isoformat()}, before the meeting "
                f"on {record.meeting.date.isoformat()}",
            )


def _check_action_updates(record: MeetingRecord, report: Report) -> None:
    """What one record can tell about its updates; the series checks their references against history."""
    updated_at: dict[str, int] = {}
    for index, update in enumerate(record.action_updates):
        at: FieldPath = ("action_updates", index)
        if update.ref in updated_at:
            report.error(at + ("ref",), f"action '{update.ref}' is already updated in action_updates[{updated_at[update.ref] + 1}]")
        updated_at.setdefault(update.ref, index)
        superseding = update.status is ActionStatus.SUPERSEDED
        if superseding and update.superseded_by is None:
            report.error(at + ("status",), f"action '{update.ref}' is superseded: give superseded_by, the reference replacing it")
        if not superseding and update.superseded_by is not None:
            report.error(at + ("superseded_by",), "superseded_by is only used with status 'superseded'")
        if update.superseded_by == update.ref:
            report.error(at + ("superseded_by",), f"action '{update.ref}' cannot supersede itself")
        if update.due is not None and update.due_reason is None:
            report.error(at + ("due",), f"the revised due date of '{update.ref}' needs its reason (due_reason)")
        if update.due_reason is not None and update.due is None:
            report.error(at + ("due_reason",), "due_reason explains a revised due date: give the new date as due")
        if update.due is not None and update.due < record.meeting.date:
            report.error(at + ("due",), f"the revised due date {update.due.isoformat()} is before this meeting")
    reviewing = [index for index, item in enumerate(record.items) if item.reviews_actions]
    for index in reviewing[1:]:
        report.error(("items", index, "reviews_actions"), f"only one item reviews actions; item {reviewing[0] + 1} already does")
    if record.action_updates and not reviewing:
        report.warning(
            ("action_updates",),
            "no item has 'reviews_actions: true', so the minutes will not list the reviewed actions",
        )


def _check_items(record: MeetingRecord, report: Report) -> None:
    for index, item in enumerate(record.items):
        if not item.paragraphs and item.performance is None:
            report.error(("items", index), f"item {index + 1} '{item.title}' has no paragraphs")


def _check_meeting(record: MeetingRecord, report: Report) -> None:
    meeting = record.meeting
    if meeting.start and meeting.end and meeting.end <= meeting.start:
        report.error(("meeting", "end"), "the meeting ends before it starts")
    if meeting.descriptor is not None and meeting.classification is not Classification.OFFICIAL_SENSITIVE:
        report.error(("meeting", "descriptor"), "a descriptor is only used with OFFICIAL-SENSITIVE")
    upcoming = record.next_meeting
    if upcoming is not None and upcoming.date <= meeting.date:
        report.error(("next_meeting", "date"), "the next meeting is not after this meeting")


def _check_exemption_codes(record: MeetingRecord, report: Report) -> None:
    catalogue = load_catalogue()
    written: list[tuple[FieldPath, str]] = [
        (("people", key, "exemption"), person.exemption)
        for key, person in record.people.items()
        if person.exemption is not None
    ]
    if record.release is not None:
        written.extend((("release", "fields", name), code) for name, code in record.release.fields.items())
    for path, text in record_texts(record):
        # A mark without a code is already reported by `_check_marks`.
        written.extend((path, span.label) for span in marked_spans(text) if span.category is None and span.label)
    for path, code in written:
        try:
            catalogue.lookup(code)
        except UnknownExemption as exc:
            report.error(path, str(exc))
