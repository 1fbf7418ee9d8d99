"""A hostile template stops within its limits, with a message naming it: no traceback, no output.

Each template is rendered by the command in a child process whose address space is capped (a
safety net: without the limits these templates exhaust memory or run for minutes), and whose
peak memory is read from the kernel when it ends.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

from minutes_kit.errors import TemplateLimitExceeded
from minutes_kit.rendering.sandbox import TemplateLimits, template_environment
from tests.conftest import ROOT, SAMPLE

MIB = 1024 * 1024
ADDRESS_SPACE = 1536 * MIB
TIMEOUT = 90


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str
    peak_bytes: int
    """The child's largest resident set, as the kernel reports it when the child ends."""


def _cap_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_minutes(*arguments: str | Path, timeout: float = TIMEOUT) -> Finished:
    """`python -m minutes_kit ARGUMENTS` in a child with at most 1.5 GiB of address space, killed
    after `timeout` seconds; its exit code, output and peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(  # no other thread runs yet: preexec_fn is safe here
            [sys.executable, "-m", "minutes_kit", *map(str, arguments)],
            stdout=out, stderr=err, cwd=ROOT, preexec_fn=_cap_address_space,  # noqa: PLW1509
        )
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)  # wait4, not wait: it reports the child's usage
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Finished(child.returncode, out.read().decode(), err.read().decode(), usage.ru_maxrss * 1024)


def template_holding(path: Path, tag: str) -> Path:
    """A Word template whose one paragraph holds `tag`."""
    document = Document()
    document.add_paragraph(tag)
    document.save(path)
    return path


def assert_refused(finished: Finished, named: Path, output: Path) -> None:
    assert finished.returncode == 1, f"exit {finished.returncode}: {finished.stderr[-2000:]}"
    assert f"template {named}" in finished.stderr
    assert "Traceback" not in finished.stderr
    assert not output.exists()
    assert not [leftover.name for leftover in output.parent.iterdir() if leftover.name.startswith(f".{output.stem}.")]


BOMBS = {
    "range of a billion": (
        "{% for x in range(10**9) %}x{% endfor %}",
        "range() of 1,000,000,000 items is more than the limit of 100,000 items",
    ),
    "power with millions of digits": (
        "{{ 9**99999999 }}",
        "9 ** 99,999,999 would be a number of about 95,424,300 digits, more than the limit of 4,300 digits",
    ),
    "two nested loops of 100,000": (
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        "stopped after 20 s (the limit for rendering a template)",
    ),
    "text repeated a billion times": (
        "{{ title * 1000000000 }}",
        "would make 72,000,000,000 characters, more than the limit of 10,000,000 characters or items",
    ),
}


@pytest.mark.parametrize("tag, message", BOMBS.values(), ids=BOMBS.keys())
def test_a_template_bomb_stops_with_a_message_naming_the_template(tmp_path, tag, message):
    template = template_holding(tmp_path / "hostile.docx", tag)
    output = tmp_path / "out" / "minutes.docx"
    output.parent.mkdir()
    finished = run_minutes("render", SAMPLE, "--template", template, "-o", output)
    assert_refused(finished, template, output)
    assert message in finished.stderr
    assert finished.peak_bytes < 400 * MIB


def test_the_time_limit_covers_loops_over_anything_not_only_range():
    text = "{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}"
    with pytest.raises(TemplateLimitExceeded, match=r"stopped after 0\.5 s"):
        template_environment(TemplateLimits(seconds=0.5)).from_string(text).render()


@pytest.mark.parametrize("text", [
    "{{ 'x'|center(2000000000) }}",
    "{{ 'x'.ljust(2000000000) }}",
    "{{ '%2000000000d' % 1 }}",
    "{{ '{:>2000000000}'.format(1) }}",
    "{{ '{:>{}}'.format(1, 2000000000) }}",
    "{{ ([title * 100000] * 100000)|join }}",
    "{{ (title * 100000).replace('a', title * 1000) }}",
    "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{% set l = [1] %}{% for i in range(60) %}{% set _ = l.extend(l) %}{% endfor %}",
    "{% set ns = namespace(n=7) %}{% for i in range(60) %}{% set ns.n = ns.n * ns.n %}{% endfor %}",
    "{{ lipsum(1000000) }}",
], ids=["center", "ljust", "printf width", "format width", "format width argument", "join", "replace",
        "doubling with ~", "list growing in place", "number squared", "lipsum"])
def test_values_too_large_to_hold_are_refused_before_they_are_made(text):
    with pytest.raises(TemplateLimitExceeded, match="the limit of 10,000,000 characters or items|4,300 digits"):
        template_environment().from_string(text).render(title="Functional Assessment Services")


def test_a_value_sharing_itself_is_measured_before_it_is_printed():
    # [a, a] nested sixty deep prints 2**60 copies of a: measured, it stops at the limit.
    text = ("{% set ns = namespace(a=[1]) %}{% for i in range(60) %}{% set ns.a = [ns.a, ns.a] %}{% endfor %}"
            "{{ ns.a }}")
    with pytest.raises(TemplateLimitExceeded, match="printing a value would make more than 1,000"):
        template_environment(TemplateLimits(value_size=1000)).from_string(text).render()


def test_the_output_of_all_parts_together_is_limited():
    environment = template_environment(TemplateLimits(output_characters=1000))
    environment.from_string("{{ 'x' * 600 }}").render()
    with pytest.raises(TemplateLimitExceeded, match="stopped after writing 1,000 characters"):
        environment.from_string("{{ 'x' * 600 }}").render()


def test_ordinary_templates_render_as_before():
    text = ("{% for item in items %}{{ loop.index }}/{{ loop.length }} {{ item|upper }} {{ '%5.2f' % 3.14159 }} "
            "{{ '{:,}'.format(25000000) }} {{ (item ~ '!') * 2 }}{% else %}none{% endfor %}"
            "{% for x in range(3) if x %}{{ x }}{% endfor %}{{ [1, 2] + [3] }}{{ 2 ** 10 }}")
    rendered = template_environment().from_string(text).render(items=["a", "b"])
    assert rendered == ("1/2 A  3.14 25,000,000 a!a!2/2 B  3.14 25,000,000 b!b!"
                        "12[1, 2, 3]1024")
