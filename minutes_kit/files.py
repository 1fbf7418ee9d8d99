"""Writing outputs safely: atomically, and never over an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from minutes_kit.errors import OutputError


def guard_output(target: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output path that is one of the inputs (or a directory)."""
    resolved = Path(target).resolve()
    for source in inputs:
        if Path(source).resolve() == resolved:
            raise OutputError(f"refusing to write {target}: it is an input of this command")
    if resolved.is_dir():
        raise OutputError(f"cannot write {target}: it is a directory")


@contextmanager
def atomic_output(target: Path, inputs: Iterable[Path] = (), *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `target`; it replaces `target` only if the block succeeds.

    With `overwrite=False` an existing `target` is an error, even one created while the block ran.
    """
    target = Path(target)
    guard_output(target, inputs)
    if not overwrite and target.exists():
        raise OutputError(f"{target} already exists; it is never overwritten")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=target.suffix)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    os.close(handle)
    try:
        yield Path(temporary)
        if overwrite:
            os.replace(temporary, target)
        else:
            _link_new(Path(temporary), target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _link_new(temporary: Path, target: Path) -> None:
    """Give `temporary` the name `target` unless that name exists: a link, unlike a rename, never replaces."""
    try:
        os.link(temporary, target)
    except FileExistsError as exc:
        raise OutputError(f"{target} already exists; it is never overwritten") from exc
