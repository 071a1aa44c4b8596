"""What gpt4o-tui remembers between runs: the settings file read, written whole,
left alone when broken, and always below a flag on the command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gpt4o_tui.__main__ import main
from gpt4o_tui.core import settings
from gpt4o_tui.core.settings import Settings, SettingsError
from gpt4o_tui.text.i18n import ENGLISH
from gpt4o_tui.tui import app as app_module

CHOICES = {"theme": ("dark", "light"), "lang": ("en", "zh"), "tab": ("specs", "pricing")}


def test_the_file_is_under_xdg_config_home_or_dot_config(tmp_path: Path) -> None:
    assert settings.path({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "gpt4o-tui" / "settings.toml"
    # Unset, empty or relative: ~/.config, as the XDG Base Directory specification says.
    for environ in ({}, {"XDG_CONFIG_HOME": ""}, {"XDG_CONFIG_HOME": "relative"}):
        assert settings.path(environ) == Path.home() / ".config" / "gpt4o-tui" / "settings.toml"


def test_the_tests_never_see_the_real_config(own_settings: Path) -> None:
    assert settings.path() == own_settings / "gpt4o-tui" / "settings.toml"


def test_settings_round_trip(tmp_path: Path) -> None:
    file = tmp_path / "deep" / "settings.toml"
    assert settings.read(file, CHOICES) == Settings()  # no file yet: nothing remembered
    settings.write(file, Settings(theme="light", lang="zh", tab="pricing"))
    assert settings.read(file, CHOICES) == Settings(theme="light", lang="zh", tab="pricing")
    assert [p.name for p in file.parent.iterdir()] == ["settings.toml"]  # no temporary left behind


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (b"theme = 'light", "settings.not_toml"),
        (b"\xff\xfe", "settings.not_utf8"),
        (b"theme = 'purple'", "settings.bad_value"),
        (b"theme = 3", "settings.bad_value"),
        (b"colour = 'light'", "settings.unknown_name"),
        (b"[theme]\nname = 'light'", "settings.bad_value"),
    ],
)
def test_a_broken_file_says_why(tmp_path: Path, text: bytes, key: str) -> None:
    file = tmp_path / "settings.toml"
    file.write_bytes(text)
    with pytest.raises(SettingsError) as raised:
        settings.read(file, CHOICES)
    assert raised.value.said.key == key
    assert "\n" not in ENGLISH.say(raised.value.said)


def test_an_unreadable_file_says_why(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").mkdir()  # a folder where the file should be
    with pytest.raises(SettingsError) as raised:
        settings.read(tmp_path / "settings.toml", CHOICES)
    assert raised.value.said.key == "settings.cannot_read"


def test_remember_keeps_only_what_changed_and_never_a_broken_file(tmp_path: Path) -> None:
    file = tmp_path / "settings.toml"
    settings.write(file, Settings(theme="light"))
    # Started on a flag's dark (the file said light), left on dark: the file keeps light.
    assert settings.remember(file, Settings("dark", "en", "specs"), Settings("dark", "en", "pricing"), CHOICES)
    assert settings.read(file, CHOICES) == Settings(theme="light", tab="pricing")
    file.write_text("theme = 'light\n")
    before = file.read_bytes(), os.stat(file).st_mtime_ns
    assert not settings.remember(file, Settings("dark", "en", "specs"), Settings("light", "zh", "pricing"), CHOICES)
    assert (file.read_bytes(), os.stat(file).st_mtime_ns) == before


class Started:
    """The app main() would run, not run: its arguments kept, and, as a person
    would, a theme, language and pane chosen inside it before it ends."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, **inside: str) -> None:
        self.apps: list[app_module.Gpt4oTui] = []

        def run(app: app_module.Gpt4oTui) -> None:
            self.apps.append(app)
            self.at_start = app.settings
            if "theme" in inside:
                app.theme = inside["theme"]
            if "lang" in inside:
                app.set_reactive(app_module.Gpt4oTui.language, app_module.i18n.language(inside["lang"]))
            if "tab" in inside:
                app.last_tab = inside["tab"]
            app._return_code = 0  # it ended as a person ends it (a crash is not remembered)

        monkeypatch.setattr(app_module.Gpt4oTui, "run", run)


def _file(own_settings: Path) -> Path:
    return own_settings / "gpt4o-tui" / "settings.toml"


def test_the_app_starts_as_it_was_left(monkeypatch: pytest.MonkeyPatch, own_settings: Path) -> None:
    first = Started(monkeypatch, theme="high-contrast", lang="zh", tab="safety")
    assert main([]) == 0
    assert first.at_start == Settings("dark", "en", "specs")
    assert settings.read(
        _file(own_settings), {"theme": ("high-contrast",), "lang": ("zh",), "tab": ("safety",)}
    ) == Settings("high-contrast", "zh", "safety")
    second = Started(monkeypatch)
    assert main([]) == 0
    assert second.at_start == Settings("high-contrast", "zh", "safety")
    assert second.apps[0].first_tab == "safety"


def test_a_flag_wins_over_the_file_and_is_not_remembered(monkeypatch: pytest.MonkeyPatch, own_settings: Path) -> None:
    settings.write(_file(own_settings), Settings("light", "zh", "benchmarks"))
    started = Started(monkeypatch)
    assert main(["--theme", "terminal", "--lang", "en", "--tab", "pricing"]) == 0
    assert started.at_start == Settings("terminal", "en", "pricing")
    assert _file(own_settings).read_text() == 'theme = "light"\nlang = "zh"\ntab = "benchmarks"\n'


def test_a_workload_opens_on_pricing_without_changing_the_remembered_pane(
    monkeypatch: pytest.MonkeyPatch, own_settings: Path
) -> None:
    settings.write(_file(own_settings), Settings(tab="benchmarks"))
    started = Started(monkeypatch)
    assert main(["--input-tokens", "2k"]) == 0
    assert started.at_start.tab == "pricing"
    assert settings.read(_file(own_settings), {"tab": ("benchmarks",)}) == Settings(tab="benchmarks")


def test_a_broken_file_is_one_line_and_the_defaults(
    monkeypatch: pytest.MonkeyPatch, own_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = _file(own_settings)
    file.parent.mkdir(parents=True)
    file.write_text("theme = 'light'\ntab = 'nowhere'\n")
    started = Started(monkeypatch, theme="light", tab="pricing")
    assert main([]) == 0
    assert started.at_start == Settings("dark", "en", "specs")
    said = capsys.readouterr().err
    assert said == (
        f"gpt4o-tui: ignoring the settings in {file}: it sets tab to 'nowhere'; it can be "
        "specs, benchmarks, safety, pricing. Starting with the defaults; the file is left as it is.\n"
    )
    assert file.read_text() == "theme = 'light'\ntab = 'nowhere'\n"


def test_no_config_neither_reads_nor_writes(monkeypatch: pytest.MonkeyPatch, own_settings: Path) -> None:
    settings.write(_file(own_settings), Settings(theme="light"))
    started = Started(monkeypatch, theme="terminal", tab="pricing")
    assert main(["--no-config"]) == 0
    assert started.at_start.theme == "dark"
    assert _file(own_settings).read_text() == 'theme = "light"\n'


@pytest.mark.usefixtures("full_disk")
def test_a_settings_file_that_cannot_be_written_is_one_line(
    monkeypatch: pytest.MonkeyPatch, own_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Started(monkeypatch, theme="light")
    assert main([]) == 0
    assert (
        capsys.readouterr().err
        == f"gpt4o-tui: could not save the settings to {_file(own_settings)}: {os.strerror(28)}\n"
    )
    assert list((own_settings / "gpt4o-tui").iterdir()) == []  # nothing half-written left
