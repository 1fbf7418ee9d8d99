"""Writing outputs safely: atomically, never over an input, and readable by whoever may read a new file.

An output is written to a temporary file beside it, then renamed into place. The temporary file
is created with the mode any new file gets (0666 less the umask, and a directory's default ACL),
not mkstemp's private 0600, which the rename would carry to the output: minutes written on a
shared drive must open for the colleagues who share it. An output that replaces a file keeps that
file's mode. Every failure of the file system is an `OutputError` naming the output.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from minutes_kit.errors import OutputError

NEW_FILE_MODE = 0o666
"""What a new file asks for; the umask (or a default ACL) takes away what the user withholds."""
TEMPORARY_NAME_ATTEMPTS = 100


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
    An `OSError` while the block writes the temporary file, or while it is put in place, is an
    `OutputError` naming `target`.
    """
    target = Path(target)
    guard_output(target, inputs)
    if not overwrite and target.exists():
        raise OutputError(f"{target} already exists; it is never overwritten")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = _new_temporary(target)
    except OSError as exc:
        raise OutputError(_cannot_write(target, exc)) from exc
    try:
        try:
            yield temporary
        except OSError as exc:
            raise OutputError(_cannot_write(target, exc)) from exc
        if overwrite:
            _replace(temporary, target)
        else:
            _link_new(temporary, target)
    finally:
        _remove(temporary)


def _cannot_write(target: Path, exc: OSError) -> str:
    return f"cannot write {target}: {exc.strerror or exc}"


def _new_temporary(target: Path) -> Path:
    """A new empty file beside `target`, created (exclusively) with the mode any new file gets."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(TEMPORARY_NAME_ATTEMPTS):
        temporary = target.parent / f".{target.stem}.{secrets.token_hex(4)}{target.suffix}"
        try:
            os.close(os.open(temporary, flags, NEW_FILE_MODE))
        except FileExistsError:
            continue
        return temporary
    raise FileExistsError(f"no unused temporary name beside {target}")


def _replace(temporary: Path, target: Path) -> None:
    """Rename `temporary` to `target`; a file it replaces keeps its mode."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = None  # nothing to replace (or nothing we may look at): the new file's own mode stands
    try:
        if mode is not None:
            _keep_mode(temporary, mode)
        os.replace(temporary, target)
    except OSError as exc:
        raise OutputError(_cannot_write(target, exc)) from exc


def _keep_mode(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except PermissionError:
        pass  # a file system without modes (a CIFS share, FAT): the file gets the share's


def _link_new(temporary: Path, target: Path) -> None:
    """Give `temporary` the name `target` unless that name exists: a link, unlike a rename, never replaces.

    On a file system without hard links (EPERM, ENOTSUP, EXDEV: FAT, many network shares) the
    file is copied into a `target` created exclusively instead: still never over an existing
    file, though a reader could see it half-written."""
    try:
        os.link(temporary, target)
        return
    except FileExistsError as exc:
        raise OutputError(f"{target} already exists; it is never overwritten") from exc
    except OSError:
        pass
    try:
        created = open(target, "xb")  # noqa: SIM115 - removed below if the copy fails
    except FileExistsError as exc:
        raise OutputError(f"{target} already exists; it is never overwritten") from exc
    except OSError as exc:
        raise OutputError(_cannot_write(target, exc)) from exc
    try:
        with created, open(temporary, "rb") as source:
            shutil.copyfileobj(source, created)
    except OSError as exc:
        _remove(target)  # ours: created above, and not complete
        raise OutputError(_cannot_write(target, exc)) from exc


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # gone already; or left behind, which must not hide the error that matters


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, as audit logs, decisions files and manifests record it."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
