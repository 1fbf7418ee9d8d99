import pytest

from minutes_kit.schemas import SCHEMAS, schema_file_name, schema_text
from tests.conftest import ROOT


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_checked_in_schema_matches_the_model(name):
    checked_in = (ROOT / "schemas" / schema_file_name(name)).read_text(encoding="utf-8")
    assert checked_in == schema_text(name), f"schemas/{schema_file_name(name)} is stale: run `make schema`"


def test_every_checked_in_schema_is_generated():
    assert sorted(path.name for path in (ROOT / "schemas").glob("*.json")) == sorted(map(schema_file_name, SCHEMAS))


def test_schema_command_writes_every_schema_into_a_folder(runner, tmp_path):
    from minutes_kit.cli import app

    result = runner.invoke(app, ["schema", "--into", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in SCHEMAS:
        assert (tmp_path / schema_file_name(name)).read_text(encoding="utf-8") == schema_text(name)
    series = runner.invoke(app, ["schema", "series"])
    assert series.exit_code == 0 and '"title": "minutes-kit series file (series.yaml)"' in series.stdout
    unknown = runner.invoke(app, ["schema", "agenda"])
    assert unknown.exit_code == 2 and f"'agenda' is not a schema; choose from {', '.join(SCHEMAS)}" in " ".join(
        unknown.stderr.replace("│", " ").split())


def test_sample_points_editors_at_the_schema():
    first_line = (ROOT / "samples" / "contract-performance-group.yaml").read_text().splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schemas/meeting.schema.json"
