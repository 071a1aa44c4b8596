from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from gpt4o_tui.core.catalog import Catalog, default_data_dir, load
from gpt4o_tui.tui.app import Gpt4oTui
from tests.terminals import Tmux


class SteadyApp(Gpt4oTui):
    """The app with nothing that moves on its own, so screens are repeatable: no
    blinking cursor, and no pane built out of sight (each is built when first shown;
    the installed program's building ahead is tried in test_cli and the real-terminal
    tests)."""

    BUILD_AFTER = None

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load()


@pytest.fixture
def app(catalog: Catalog) -> SteadyApp:
    return SteadyApp(catalog)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped data directory, for a test to break."""
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    return target


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(f"gpt4o-e2e-{os.getpid()}-{tmp_path.name}", tmp_path / "tmux.conf")
    yield server
    server.stop()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every save runs out of space half way through its text."""
    from gpt4o_tui.core import files

    def half_then_full(descriptor: int, text: str) -> None:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text[: len(text) // 2])
            file.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write", half_then_full)


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has a settings folder of its own, empty: none reads or writes the
    settings of the person running the tests (~/.config/gpt4o-tui)."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has a cache folder of its own, empty: none reads or writes the
    validated catalog kept for the person running the tests (~/.cache/gpt4o-tui)."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the English app unless they ask for Chinese, whatever this machine's
    locale: the language follows LC_ALL, LC_MESSAGES and LANG."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
