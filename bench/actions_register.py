"""Register speed: a generated series of up to 500 meetings and 5,000 actions.

    .venv/bin/python bench/actions_register.py

Writes series of 50, 100, 200 and 500 monthly meetings (ten actions raised at
each; each action updated at the next meeting, most re-dated or closed at the
one after, some superseded or dropped) to a temporary folder, then times what
`minutes actions SERIES_DIR` does: read and validate every record, check the
series, replay the actions and list the register. Reports the median of
several runs per size (goal: under 2 s at 500 meetings) and how time grows,
and the whole-process time of the command at 500 meetings.
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from minutes_kit.actions.listing import ListFormat, format_register
from minutes_kit.actions.register import compute_register
from minutes_kit.actions.series import load_series

SIZES = (50, 100, 200, 500)
ACTIONS_PER_MEETING = 10
RUNS = 3
OWNERS = ["ab", "cd", "ef", "gh", "ij", "kl"]

SERIES = """\
id: BENCH
title: Generated Steering Group
classification: OFFICIAL-SENSITIVE
location: Room 1
people:
{people}
chair: ab
attendees: [{attendees}]
notes_by: cd
standing_items:
  - title: Action Points
    reviews_actions: true
  - title: Business
"""


def _people() -> str:
    return "\n".join(f"  {key}: {{name: Person {key.upper()}, organisation: Department}}" for key in OWNERS)


def _meeting_date(index: int) -> dt.date:
    return dt.date(2000, 1, 1) + dt.timedelta(days=28 * index)


def _record(index: int) -> str:
    date = _meeting_date(index)
    lines = [
        "meeting:",
        "  series: BENCH",
        "  title: Generated Steering Group",
        f"  date: {date.isoformat()}",
        "  location: Room 1",
        "  classification: OFFICIAL-SENSITIVE",
        "  status: final",
        "people:",
        _people(),
        "chair: ab",
        f"attendees: [{', '.join(OWNERS)}]",
        "notes_by: cd",
        "items:",
        "  - title: Action Points",
        "    reviews_actions: true",
        "    paragraphs:",
        "      - \"@ab took the group through the outstanding actions.\"",
        "  - title: Business",
        "    paragraphs:",
    ]
    for number in range(1, ACTIONS_PER_MEETING + 1):
        owner = OWNERS[(index + number) % len(OWNERS)]
        lines += [
            f"      - text: \"@{owner} reported on workstream {number}, which is behind its plan for the quarter.\"",
            "        actions:",
            f"          - owners: [{owner}]",
            f"            text: send the revised plan for workstream {number} to members",
            f"            due: {(date + dt.timedelta(days=21)).isoformat()}",
        ]
    updates = []
    if index >= 1:
        previous = _meeting_date(index - 1)
        for number in range(1, ACTIONS_PER_MEETING + 1):
            updates += [f"  - ref: BENCH-{previous:%y%m%d}-{number:02d}", "    status: in progress",
                        "    note: Work has started."]
            if number % 3 == 0:
                updates += [f"    due: {(date + dt.timedelta(days=28)).isoformat()}", "    due_reason: waiting for figures"]
    if index >= 2:
        earlier = _meeting_date(index - 2)
        for number in range(1, ACTIONS_PER_MEETING + 1):
            if number == 10:
                continue  # left open: the register keeps a tail of outstanding, overdue actions
            status = "superseded" if number == 9 else "dropped" if number == 8 else "closed"
            updates += [f"  - ref: BENCH-{earlier:%y%m%d}-{number:02d}", f"    status: {status}", "    note: Agreed."]
            if status == "superseded":
                updates.append(f"    superseded_by: BENCH-{date:%y%m%d}-01")
    if updates:
        lines += ["action_updates:", *updates]
    return "\n".join(lines) + "\n"


def generate(folder: Path, meetings: int) -> Path:
    folder.mkdir(parents=True)
    (folder / "series.yaml").write_text(SERIES.format(people=_people(), attendees=", ".join(OWNERS)), encoding="utf-8")
    for index in range(meetings):
        (folder / f"{_meeting_date(index).isoformat()}.yaml").write_text(_record(index), encoding="utf-8")
    return folder


def time_register(folder: Path) -> tuple[float, int]:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        series = load_series(folder)
        register = compute_register(series, _meeting_date(10_000))
        format_register(register, register.select(open_only=True), ListFormat.TABLE)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), len(register.actions)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as work:
        results = []
        for size in SIZES:
            folder = generate(Path(work, f"series-{size}"), size)
            seconds, actions = time_register(folder)
            results.append((size, actions, seconds))
            print(f"{size:4d} meetings, {actions:5d} actions: {seconds:.3f} s (median of {RUNS})")
        base_size, _, base_seconds = results[0]
        for size, _, seconds in results[1:]:
            print(f"  {size // base_size}x the meetings -> {seconds / base_seconds:.1f}x the time")
        largest = results[-1]
        print(f"goal under 2 s at {largest[0]} meetings: {'met' if largest[2] < 2 else 'NOT met'}")
        last = _meeting_date(SIZES[-1] - 1).isoformat()
        command = [str(Path(sys.executable).with_name("minutes")), "actions", str(Path(work, f"series-{SIZES[-1]}")), "--open",
                   "--as-of", last]
        started = time.perf_counter()
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        print(f"`minutes actions` as a process at {SIZES[-1]} meetings: {time.perf_counter() - started:.2f} s "
              f"(exit {finished.returncode}); {finished.stdout.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
