"""The record's free text, walked in one place: validation checks it (mentions, marks), the scan
reads it for personal data, and the context builders name where it prints with the same
paragraph references."""

from __future__ import annotations

from collections.abc import Iterator

from minutes_kit.record.model import MeetingRecord
from minutes_kit.record.performance import Performance
from minutes_kit.record.source import FieldPath


def paragraph_reference(item_index: int, paragraph_index: int) -> str:
    """``3.2``: where the second paragraph of the third item prints (indexes count from 0)."""
    return f"{item_index + 1}.{paragraph_index + 1}"


def record_texts(record: MeetingRecord) -> Iterator[tuple[FieldPath, str]]:
    """Every free-text field, which may mention people and mark spans, with its path in the file."""
    yield ("meeting", "title"), record.meeting.title
    yield ("meeting", "location"), record.meeting.location
    for item_index, item in enumerate(record.items):
        yield ("items", item_index, "title"), item.title
        for paragraph_index, entry in enumerate(item.paragraphs):
            at: FieldPath = ("items", item_index, "paragraphs", paragraph_index)
            if isinstance(entry, str):
                yield at, entry
                continue
            yield at + ("text",), entry.text
            for action_index, action in enumerate(entry.actions):
                yield at + ("actions", action_index, "text"), action.text
    for index, update in enumerate(record.action_updates):
        for field in ("note", "due_reason"):
            if getattr(update, field):
                yield ("action_updates", index, field), getattr(update, field)
    if record.next_meeting and record.next_meeting.location:
        yield ("next_meeting", "location"), record.next_meeting.location
    yield from performance_texts(record)


def performance_sections(record: MeetingRecord) -> Iterator[tuple[FieldPath, Performance]]:
    for index, item in enumerate(record.items):
        if item.performance is not None:
            yield ("items", index, "performance"), item.performance


def performance_texts(record: MeetingRecord) -> Iterator[tuple[FieldPath, str]]:
    """Record text in performance sections that reaches the minutes, with its path."""
    for at, performance in performance_sections(record):
        for lot_index, lot in enumerate(performance.lots):
            lot_at = at + ("lots", lot_index)
            yield lot_at + ("name",), lot.name
            for group in ("measures", "stock", "trends"):
                for entry_index, entry in enumerate(getattr(lot, group)):
                    yield lot_at + (group, entry_index, "name"), entry.name
                    yield lot_at + (group, entry_index, "counted"), entry.counted


