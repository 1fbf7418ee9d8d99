"""The action register: the state of every action of a series as of a date.

Outstanding actions are open, in progress or complete (done, awaiting the
group's agreement to close); closed, dropped and superseded actions have left
the register. Overdue means due before the as-of date while open or in
progress. "Closed since the last meeting" counts the actions closed at the
latest meeting held on or before the as-of date, since that is where the
group closed them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pathlib import Path

from minutes_kit.actions.lifecycle import ActionState, Meeting, replay
from minutes_kit.actions.series import Series, is_series, load_series
from minutes_kit.errors import InputUnreadable
from minutes_kit.record.model import Action, ActionStatus, MeetingRecord
from minutes_kit.rendering.context import MinutesContextBuilder, short_date
from minutes_kit.validation import load_record


@dataclass(frozen=True)
class Register:
    series: Series
    as_of: dt.date
    actions: list[ActionState]
    """In the order raised."""

    @property
    def last_meeting(self) -> dt.date | None:
        held = [meeting.date for meeting in self.series.meetings if meeting.date <= self.as_of]
        return held[-1] if held else None

    @property
    def outstanding(self) -> list[ActionState]:
        return [action for action in self.actions if not action.status.is_closed]

    @property
    def closed(self) -> list[ActionState]:
        return [action for action in self.actions if action.status.is_closed]

    @property
    def overdue(self) -> list[ActionState]:
        return [action for action in self.actions if action.overdue(self.as_of)]

    @property
    def closed_at_last_meeting(self) -> list[ActionState]:
        last = self.last_meeting
        return [action for action in self.closed if last is not None and action.closed_on == last]

    def summary(self) -> str:
        last = self.last_meeting
        since = f"since the last meeting ({short_date(last)})" if last else "since the last meeting (none held yet)"
        return (f"As of {short_date(self.as_of)}: {len(self.outstanding)} open, {len(self.overdue)} overdue, "
                f"{len(self.closed_at_last_meeting)} closed {since}")

    def select(
        self,
        *,
        open_only: bool = False,
        overdue_only: bool = False,
        owner: str | None = None,
        status: ActionStatus | None = None,
    ) -> list[ActionState]:
        """The actions passing every filter given."""
        return [
            action
            for action in self.actions
            if (not open_only or not action.status.is_closed)
            and (not overdue_only or action.overdue(self.as_of))
            and (owner is None or owner in action.owners)
            and (status is None or action.status is status)
        ]


def compute_register(series: Series, as_of: dt.date) -> Register:
    return Register(series, as_of, list(replay(series.meetings, until=as_of).values()))


def action_location(action: ActionState) -> str:
    """Where an action's text appears in a series output, as a release schedule would name it."""
    return f"Action {action.ref}"


def series_builder(series: Series) -> MinutesContextBuilder | None:
    """The text gateway for series-wide outputs: the latest record, with the whole series registry.

    None when the series has no meetings yet (and so no actions to write about).
    """
    if not series.meetings:
        return None
    return MinutesContextBuilder(series.with_series_people(series.meetings[-1].record))


def status_label(action: ActionState, as_of: dt.date) -> str:
    label = action.status.describe(action.superseded_by)
    return f"{label} – OVERDUE" if action.overdue(as_of) else label


def reviewed_by(series: Series, meeting: Meeting) -> dict[str, Action]:
    """The actions `meeting` reviews, by reference, as they stand after it: what its minutes list."""
    wanted = {update.ref for update in meeting.record.action_updates}
    states = replay(series.meetings, until=meeting.date)
    return {
        ref: Action(ref=ref, owners=state.owners, text=state.text, due=state.due)
        for ref, state in states.items()
        if ref in wanted
    }


LoadedSeries = dict[tuple[Path, bool], Series]
"""Series already loaded by one command, by folder and strictness: a batch of a series' records
loads the series once, not once a record."""


def minutes_source(path: Path, strict: bool = False,
                   loaded: LoadedSeries | None = None) -> tuple[MeetingRecord, dict[str, Action], list[Path]]:
    """A record to render or release: with its series' registry and reviewed actions when it belongs to one."""
    if is_series(Path(path).parent):
        return series_minutes(path, strict, loaded)
    return load_record(path, strict=strict), {}, [Path(path)]


def series_minutes(path: Path, strict: bool = False,
                   loaded: LoadedSeries | None = None) -> tuple[MeetingRecord, dict[str, Action], list[Path]]:
    """A record of a series ready to render: the record with the series registry, the actions it reviews, the inputs."""
    folder = Path(path).parent
    key = (folder.resolve(), strict)
    series = loaded.get(key) if loaded is not None else None
    if series is None:
        series = load_series(folder, strict)
        if loaded is not None:
            loaded[key] = series
    meeting = series.meeting_of(path)
    if meeting is None:
        raise InputUnreadable(f"{path} is not a meeting record of the series in {series.directory}")
    return series.with_series_people(meeting.record), reviewed_by(series, meeting), series.inputs
