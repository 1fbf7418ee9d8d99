"""The record model and how records are read from YAML."""

from minutes_kit.record.model import Action, AgendaItem, MeetingRecord, Paragraph, Person

__all__ = ["Action", "AgendaItem", "MeetingRecord", "Paragraph", "Person"]
