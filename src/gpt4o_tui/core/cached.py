"""A catalog validated once, then started from: `load()` imports pydantic, validates
every file with it and cross-checks them (about 150 ms with the import); the catalog
it made, plain dataclasses, is kept in the user's cache folder, under a key made of
the data files' bytes, the data directory's name, gpt4o-tui's and Python's versions
and the source of the entries themselves. A start whose files hash to the same key
reads it back (under a millisecond) and never imports pydantic; any change to a
file, another `--data`, another version, or a cache that is missing, corrupt or
unreadable means `load()` again, which refuses a broken file with the same one-line `DataError`.

Only a catalog `load()` accepted is ever written, so nothing read back here was not
validated. The cache folder is the user's own ($XDG_CACHE_HOME, else ~/.cache), as
writable to them as the code itself. `kept()` does the same for anything else made
at every start from files that rarely change (the message catalog, text/i18n.py).
Nothing here imports Textual."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from gpt4o_tui import __version__
from gpt4o_tui.core import catalog as catalog_module
from gpt4o_tui.core import files
from gpt4o_tui.core.catalog import FILES, MAX_FILE_BYTES, Catalog, default_data_dir, load

FILE_NAME = "catalog.pickle"
T = TypeVar("T")


def folder(environ: Mapping[str, str] | None = None) -> Path:
    """gpt4o-tui's cache folder, under $XDG_CACHE_HOME (or ~/.cache)."""
    return files.user_folder("XDG_CACHE_HOME", ".cache", os.environ if environ is None else environ)


def digest(*parts: bytes) -> str:
    """A key for `kept()`: a SHA-256 of gpt4o-tui's and Python's versions and `parts`
    (the bytes of everything that is kept depends on), each part told apart."""
    made = hashlib.sha256()
    for part in (__version__.encode(), sys.version.encode(), *parts):
        made.update(len(part).to_bytes(8, "big") + part)
    return made.hexdigest()


def key(data_dir: Path) -> str | None:
    """What the cached catalog must have been made from; None where a file cannot be
    read as it is (missing, not a regular file, too large): `load()` says what is wrong."""
    parts = [str(data_dir).encode(), str(data_dir.resolve()).encode(), Path(catalog_module.__file__).read_bytes()]
    for name in FILES:
        path = data_dir / name
        try:
            if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
                return None
            parts += [name.encode(), path.read_bytes()]
        except OSError:
            return None
    return digest(*parts)


def catalog(data_dir: Path | None = None, environ: Mapping[str, str] | None = None) -> Catalog:
    """The catalog of `data_dir` (the shipped data where None), from the cache when its
    files are those it was made from, else validated by `load()` and cached. Raises
    DataError as `load()` does."""
    data_dir = default_data_dir() if data_dir is None else data_dir
    made_from = key(data_dir) if data_dir.is_dir() else None
    if made_from is None:
        return load(data_dir)
    return kept(FILE_NAME, made_from, lambda: load(data_dir), Catalog, environ)


def kept(
    name: str, made_from: str, make: Callable[[], T], kind: type[T], environ: Mapping[str, str] | None = None
) -> T:
    """What `make()` makes, read back from the cache folder's file `name` when it was
    made from `made_from` (a digest of everything it depends on), else made and kept
    there. Only what `make()` returned is ever written; a failing `make()` raises, and
    nothing is kept."""
    try:
        file = folder(environ) / name
    except (RuntimeError, KeyError):  # no home folder to keep it in (HOME unset, no passwd entry)
        return make()
    found = _read(file, made_from, kind)
    if found is not None:
        return found
    made = make()
    _write(file, made_from, made)
    return made


def _read(file: Path, made_from: str, kind: type[T]) -> T | None:
    try:
        stored = pickle.loads(file.read_bytes())
    except Exception:  # missing, unreadable, truncated, or written by other code: made again
        return None
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == made_from and isinstance(stored[1], kind):
        return stored[1]
    return None


def _write(file: Path, made_from: str, made: object) -> None:
    """Whole or not at all, and quietly not where the cache folder cannot be written:
    the next start validates again."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(pickle.dumps((made_from, made), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, file)
    except OSError:
        pass
    finally:
        Path(temporary).unlink(missing_ok=True)
