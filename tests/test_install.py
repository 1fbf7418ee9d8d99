"""The package carries its data: built, installed in a fresh environment and run from elsewhere.

One build makes the sdist and, from that sdist, the wheel (what `python -m build` does by
default), so both are shown to hold the data. The build runs on a copy of the source tree: a
checkout's `minutes_kit.egg-info/SOURCES.txt` from an earlier build would otherwise put files in
the package that `pyproject.toml` no longer ships, and nothing is written into the checkout.

The fresh environment gets the wheel, installed without its dependencies, and sees the project
environment's site-packages, for the dependencies, through a `.pth` file. A directory a `.pth`
file adds has its own `.pth` files ignored, so the project's editable install of minutes_kit is
not active there: the copy imported is the wheel's, which the test checks.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import warnings
import zipfile
from pathlib import Path

import pytest
from build import BuildBackendException, ProjectBuilder
from pyproject_hooks import quiet_subprocess_runner

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DATA_FILES = {
    "minutes_kit/data/exemptions.yaml",
    "minutes_kit/data/policies/default.yaml",
    "minutes_kit/data/policies/contract-performance.yaml",
    "minutes_kit/data/detection/not_a_person_words.txt",
    "minutes_kit/data/detection/role_words.txt",
    "minutes_kit/data/detection/non_person_endings.txt",
    "minutes_kit/data/detection/non_person_openers.txt",
    "minutes_kit/data/detection/structure.yaml",
    "minutes_kit/data/detection/calibration.yaml",
    "minutes_kit/templates/minutes.docx",
    "minutes_kit/templates/action_log.docx",
    "minutes_kit/templates/action_plan.docx",
    "minutes_kit/templates/foi_response.docx",
}
# What is not source: environments, caches, build output and what .gitignore leaves out.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "*.egg-info", "build", "dist", "out", "__pycache__", ".pytest_cache", ".hypothesis",
)


def _run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    )
    return result


def _can_build_here(source: Path) -> bool:
    """Whether this environment has the build backend and all it asks for, so that the build can
    run here (`--no-isolation`) rather than fetch a build environment from the package index."""
    builder = ProjectBuilder(source, runner=quiet_subprocess_runner)
    try:
        with warnings.catch_warnings():  # what an unusable backend says does not matter here
            warnings.simplefilter("ignore")
            return not builder.check_dependencies("sdist") and not builder.check_dependencies("wheel")
    except BuildBackendException:  # no backend here, or one that cannot answer
        return False


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """The sdist and the wheel built from it."""
    work = tmp_path_factory.mktemp("build")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    isolation = ["--no-isolation"] if _can_build_here(source) else []
    _run([sys.executable, "-m", "build", *isolation, "--outdir", work / "dist", source], cwd=work)
    (sdist,) = (work / "dist").glob("*.tar.gz")
    (wheel,) = (work / "dist").glob("*.whl")
    return sdist, wheel


@pytest.fixture(scope="module")
def installed(built, tmp_path_factory) -> Path:
    """The `bin` folder of a fresh environment holding the wheel."""
    venv = tmp_path_factory.mktemp("install") / "venv"
    assert not venv.resolve().is_relative_to(ROOT)
    _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=venv.parent)
    python = venv / "bin" / "python"
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                        cwd=venv).stdout.strip())
    # The project environment's packages, for the dependencies (and for pip, which the fresh one lacks).
    project = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (purelib / "project-environment.pth").write_text("".join(f"{path}\n" for path in project), encoding="utf-8")
    # --ignore-installed: the project's own minutes-kit, seen through the .pth file, is not this one.
    _run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--ignore-installed",
          "--disable-pip-version-check", built[1]], cwd=venv)
    return venv / "bin"


def test_the_sdist_holds_the_data(built):
    sdist, _ = built
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert DATA_FILES <= names, sorted(DATA_FILES - names)


def test_the_wheel_holds_the_data(built):
    _, wheel = built
    names = set(zipfile.ZipFile(wheel).namelist())
    assert DATA_FILES <= names, sorted(DATA_FILES - names)


def test_the_installed_package_is_the_wheels_and_reads_its_own_data(installed, tmp_path):
    venv = installed.parent
    probe = (
        "import json, minutes_kit\n"
        "from minutes_kit.record.exemptions import DATA_DIR\n"
        "from minutes_kit.rendering.docx import TEMPLATES_DIR\n"
        "print(json.dumps([minutes_kit.__file__, str(DATA_DIR), str(TEMPLATES_DIR)]))"
    )
    paths = json.loads(_run([installed / "python", "-c", probe], cwd=tmp_path).stdout)
    for path in paths:
        assert Path(path).resolve().is_relative_to(venv.resolve()), paths


def test_the_installed_command_runs_from_another_folder(installed, tmp_path):
    minutes = installed / "minutes"
    for name in ("contract-performance-group.yaml", "contract-performance-group.decisions.yaml"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    shutil.copytree(SAMPLES / "series" / "estates-steering-group", tmp_path / "series")
    record = "contract-performance-group.yaml"

    _run([minutes, "validate", record, "series"], cwd=tmp_path)
    _run([minutes, "render", record, "-o", "minutes.docx"], cwd=tmp_path)
    _run([minutes, "release", record, "-o", "release.docx", "--by", "test"], cwd=tmp_path)
    register = _run([minutes, "actions", "series", "--as-of", "2026-08-20", "--format", "json"], cwd=tmp_path)
    _run([minutes, "action-log", "series", "-o", "log.docx", "--as-of", "2026-08-20"], cwd=tmp_path)

    for output in ("minutes.docx", "release.docx", "release.redactions.csv", "release.audit.json", "log.docx"):
        assert (tmp_path / output).stat().st_size > 0, output
    assert json.loads(register.stdout)["actions"]
    # The sample names its policy; the release found it among the installed package's data.
    audit = json.loads((tmp_path / "release.audit.json").read_text(encoding="utf-8"))
    assert audit["policy"] == "contract-performance"
    assert Path(audit["policy_path"]).resolve().is_relative_to(installed.parent.resolve()), audit["policy_path"]
