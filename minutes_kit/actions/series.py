"""Reading and checking a meeting series: a folder of records and its series.yaml."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from minutes_kit.actions.lifecycle import Meeting, replay
from minutes_kit.detection import DECISIONS_SUFFIX
from minutes_kit.errors import InputUnreadable, OwnerUnknown, SeriesInvalid
from minutes_kit.record.model import MeetingRecord
from minutes_kit.record.series import SERIES_FILE, SeriesFile
from minutes_kit.record.source import FieldPath
from minutes_kit.validation import Report, validate_file, validate_document
from minutes_kit.validation.checks import action_paths, check_registry_keys
from minutes_kit.validation.registry_names import RegistryNames, describe_keys, did_you_mean, keys_named


@dataclass(frozen=True)
class Series:
    directory: Path
    file: SeriesFile
    meetings: list[Meeting]
    """Sorted by date."""

    @property
    def inputs(self) -> list[Path]:
        return [self.directory / SERIES_FILE, *(meeting.path for meeting in self.meetings)]

    def meeting_of(self, path: Path) -> Meeting | None:
        resolved = Path(path).resolve()
        return next((meeting for meeting in self.meetings if meeting.path.resolve() == resolved), None)

    def with_series_people(self, record: MeetingRecord) -> MeetingRecord:
        """`record` with the series file laid behind it: the series registry behind its own people and
        teams, so actions raised elsewhere can name their owners, and the series' language when it gives none."""
        update: dict = {"people": {**self.file.people, **record.people}, "teams": {**self.file.teams, **record.teams}}
        if record.meeting.language is None and self.file.language is not None:
            update["meeting"] = record.meeting.model_copy(update={"language": self.file.language})
        return record.model_copy(update=update)

    def owner_key(self, written: str) -> str:
        """The key of the person or team `written` names: a key of the series registry, or the name of
        exactly one of its people and teams (compared folded: case, accents and apostrophes aside)."""
        names = RegistryNames.of(self.file.people, self.file.teams).owners
        if written in names:
            return written
        keys = keys_named(written, names)
        if len(keys) == 1:
            return keys[0]
        if keys:
            raise OwnerUnknown(f"'{written}' is the name of {len(keys)} entries of the series registry, "
                               f"{describe_keys(keys, names, 'and')}: give the key of one")
        hint = did_you_mean(written, names) or f" (keys: {', '.join(names)})"
        raise OwnerUnknown(f"'{written}' is not a key of the series registry, nor the name of a person or team "
                           f"in it{hint}")


@dataclass
class CheckedSeries:
    reports: list[Report]
    """The series file's report first, then one per record in date order."""
    series: Series | None

    def failed(self, strict: bool = False) -> bool:
        return self.series is None or any(report.failed(strict) for report in self.reports)

    def summary(self) -> str:
        errors = sum(len(report.errors) for report in self.reports)
        warnings = sum(len(report.warnings) for report in self.reports)
        return (f"series {self.reports[0].path.parent}: {len(self.reports) - 1} meetings, "
                f"{errors} error{'' if errors == 1 else 's'}, {warnings} warning{'' if warnings == 1 else 's'}")


def is_series(path: Path) -> bool:
    return Path(path, SERIES_FILE).is_file()


def record_paths(directory: Path) -> list[Path]:
    """The meeting records of a series: every YAML file in the folder except the series file and decisions files."""
    return sorted(path for pattern in ("*.yaml", "*.yml") for path in directory.glob(pattern)
                  if path.name != SERIES_FILE and not path.name.endswith(DECISIONS_SUFFIX))


def validate_series(directory: Path) -> CheckedSeries:
    """Check the series file, every record, and the actions across the records; never raises for their content."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputUnreadable(f"{directory} is not a folder")
    if not is_series(directory):
        raise InputUnreadable(f"{directory} is not a meeting series: it has no {SERIES_FILE}")
    series_report, series_file = validate_document(directory / SERIES_FILE, SeriesFile)
    if series_file is not None:
        _check_series_file(series_file, series_report)
    reports = [series_report]
    meetings: list[Meeting] = []
    report_of: dict[Path, Report] = {}
    for path in record_paths(directory):
        checked = validate_file(path)
        report_of[path] = checked.report
        if checked.record is not None:
            meetings.append(Meeting(path, checked.record))
    meetings.sort(key=lambda meeting: meeting.date)
    if series_file is not None:
        _check_meetings(series_file, meetings, report_of)
    replay(meetings, problem=lambda meeting, at, message: report_of[meeting.path].error(at, message))
    # Records that could not be read come after the rest, so nothing is lost from the output.
    readable = {meeting.path for meeting in meetings}
    reports.extend(report_of[meeting.path] for meeting in meetings)
    reports.extend(report for path, report in report_of.items() if path not in readable)
    complete = series_file is not None and len(meetings) == len(report_of)
    return CheckedSeries(reports, Series(directory, series_file, meetings) if complete else None)


def load_series(directory: Path, strict: bool = False) -> Series:
    """The series in `directory`, or `SeriesInvalid` listing every problem of every file."""
    checked = validate_series(directory)
    if checked.series is None or checked.failed(strict):
        raise SeriesInvalid(checked.reports, checked.summary())
    return checked.series


def _unknown(key: str, series: SeriesFile) -> str:
    hint = did_you_mean(key, RegistryNames.of(series.people, series.teams).people)
    return f"'{key}' is not in the series registry (people in {SERIES_FILE}){hint}"


def _unknown_owner(key: str, series: SeriesFile) -> str:
    hint = did_you_mean(key, RegistryNames.of(series.people, series.teams).owners)
    return f"'{key}' is not in the series registry (people or teams in {SERIES_FILE}){hint}"


def _check_series_file(series: SeriesFile, report: Report) -> None:
    check_registry_keys(series.people, series.teams, report)
    named: list[tuple[FieldPath, str]] = [(("chair",), series.chair)]
    named += [(("attendees", index), key) for index, key in enumerate(series.attendees)]
    if series.notes_by is not None:
        named.append((("notes_by",), series.notes_by))
    if series.contact is not None:
        named.append((("contact", "person"), series.contact.person))
    for at, key in named:
        if key not in series.people:
            report.error(at, _unknown(key, series))
    if series.chair not in series.attendees:
        report.error(("chair",), f"the chair '{series.chair}' is not among the standing attendees")
    reviewing = [index for index, item in enumerate(series.standing_items) if item.reviews_actions]
    for index in reviewing[1:]:
        report.error(("standing_items", index, "reviews_actions"), "only one standing item reviews actions")


def _check_meetings(series: SeriesFile, meetings: list[Meeting], report_of: dict[Path, Report]) -> None:
    held: dict[dt.date, Path] = {}
    for meeting in meetings:
        report = report_of[meeting.path]
        record = meeting.record
        if record.meeting.series != series.id:
            report.error(("meeting", "series"), f"this record is of series '{record.meeting.series}', "
                         f"but the folder holds series '{series.id}'")
        if meeting.date in held:
            report.error(("meeting", "date"), f"{held[meeting.date].name} is also a meeting on {meeting.date.isoformat()}")
        held.setdefault(meeting.date, meeting.path)
        for key in record.people:
            if key in series.teams:
                report.error(("people", key), f"'{key}' is a team in {SERIES_FILE}; a key names a person or a team")
        for key in record.teams:
            if key in series.people:
                report.error(("teams", key), f"'{key}' is a person in {SERIES_FILE}; a key names a person or a team")
        for at, _, action in action_paths(record):
            for index, owner in enumerate(action.owners):
                if owner not in series.people and owner not in series.teams:
                    report.error(at + ("owners", index), f"action owner {_unknown_owner(owner, series)}")
