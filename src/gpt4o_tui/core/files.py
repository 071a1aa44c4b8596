"""Saving a file whole or not at all. The text goes to a temporary file beside the
target, which then takes the target's name: a full disk or a failed write leaves
the target as it was, and no half-written file behind. Nothing here imports Textual."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path


def user_folder(variable: str, fallback: str, environ: Mapping[str, str]) -> Path:
    """gpt4o-tui's folder under an XDG base directory: $variable, or ~/fallback where it
    is unset, empty or relative (as the XDG Base Directory specification says)."""
    base = environ.get(variable, "")
    home = Path(base) if base and Path(base).is_absolute() else Path.home() / fallback
    return home / "gpt4o-tui"


def save(path: Path, text: str, *, replace: bool) -> None:
    """Write `text` to `path`. With replace=False an existing file is never touched:
    FileExistsError is raised instead. Other failures raise OSError."""
    mode = _mode_for(path) if replace else _new_file_mode()
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        os.fchmod(descriptor, mode)  # mkstemp makes it 0600, private to its owner
        _write(descriptor, text)
        if replace:
            os.replace(temporary, path)
        else:
            _link_if_new(Path(temporary), path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """The mode an existing file has, kept when it is replaced; a new file's otherwise."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return _new_file_mode()


def _new_file_mode() -> int:
    """What open() would give a new file: 0666 less the umask (0644 under 022)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _write(descriptor: int, text: str) -> None:
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)


def _link_if_new(temporary: Path, path: Path) -> None:
    """Give the finished file its name only if the name is free (atomically, where
    the file system has hard links)."""
    try:
        os.link(temporary, path)
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        with path.open("x", encoding="utf-8") as file:
            file.write(temporary.read_text(encoding="utf-8"))
