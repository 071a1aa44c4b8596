"""What gpt4o-tui remembers between runs: the theme, the language and the last
pane, in a TOML file under the XDG config directory. Nothing here imports Textual
or holds words: a file that cannot be taken is a `SettingsError` with a message key.

The file is the person's: one that cannot be read whole is left exactly as it is,
and a new one replaces it only whole (written beside it, then renamed)."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from gpt4o_tui.core import files
from gpt4o_tui.core.counts import Said

FILE_NAME = "settings.toml"


@dataclass(frozen=True)
class Settings:
    """Each field is a name from the choices it is checked against; None is unset."""

    theme: str | None = None
    lang: str | None = None
    tab: str | None = None

    def over(self, below: Settings) -> Settings:
        """These settings, each unset one taken from `below`."""
        return Settings(
            **{
                f.name: getattr(self, f.name) if getattr(self, f.name) is not None else getattr(below, f.name)
                for f in fields(Settings)
            }
        )

    def changes(self, since: Settings) -> dict[str, str]:
        """The fields set here that differ from `since`."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(Settings)
            if getattr(self, f.name) is not None and getattr(self, f.name) != getattr(since, f.name)
        }


NAMES = tuple(f.name for f in fields(Settings))


class SettingsError(ValueError):
    """A settings file that cannot be taken, and why."""

    def __init__(self, key: str, **values: Any) -> None:
        self.said = Said(key, values)
        super().__init__(key)


def path(environ: Mapping[str, str] | None = None) -> Path:
    """The settings file, in gpt4o-tui's folder under $XDG_CONFIG_HOME (or ~/.config)."""
    return files.user_folder("XDG_CONFIG_HOME", ".config", os.environ if environ is None else environ) / FILE_NAME


def read(file: Path, choices: Mapping[str, tuple[str, ...]]) -> Settings:
    """The settings in `file`; none where there is no file. Raises SettingsError for a
    file that cannot be read, is not TOML, or holds a name or value not in `choices`."""
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        raise SettingsError("settings.cannot_read", reason=error.strerror or str(error)) from None
    try:
        table = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SettingsError("settings.not_utf8") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError("settings.not_toml", reason=str(error)) from None
    for name, value in table.items():
        if name not in NAMES:
            raise SettingsError("settings.unknown_name", name=name, known=", ".join(NAMES))
        known = choices[name]
        if not isinstance(value, str) or value not in known:
            raise SettingsError("settings.bad_value", name=name, value=str(value)[:40], known=", ".join(known))
    return replace(Settings(), **table)


def write(file: Path, settings: Settings) -> None:
    """Save `settings` whole, or leave the file as it was. Raises OSError."""
    file.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        f"{f.name} = {json.dumps(getattr(settings, f.name))}"
        for f in fields(Settings)
        if getattr(settings, f.name) is not None
    ]
    files.save(file, "\n".join(lines) + "\n", replace=True)


def remember(file: Path, started: Settings, ended: Settings, choices: Mapping[str, tuple[str, ...]]) -> bool:
    """Keep what a person changed during a run (`ended` against `started`) over what
    the file holds now. A file that cannot be taken is left as it is: False."""
    changed = ended.changes(started)
    if not changed:
        return True
    try:
        kept = read(file, choices)
    except SettingsError:
        return False
    write(file, replace(kept, **changed))
    return True
