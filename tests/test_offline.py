"""Nothing leaves the machine: a full session, and every command, with socket
connections and name lookups refused. Any attempt is recorded and fails the test,
even one the code would have survived."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from textual.pilot import Pilot

from gpt4o_tui.__main__ import main
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.tui.panes.pricing import PricingPane
from tests.conftest import SteadyApp
from tests.test_app import drive, totals


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(what: str):  # type: ignore[no-untyped-def]
        def refused(*args: object, **kwargs: object) -> None:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"{what}: the network is blocked in this test")

        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_the_blocking_works(no_network: list[str]) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80))
    assert no_network == ["create_connection(('example.org', 80),)"]
    no_network.clear()


def test_a_full_session_offline(
    catalog: Catalog, no_network: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("2", "down", "v", "v", "s", "p", "v", "x", "v", "m", "right", "space", "escape")
        await pilot.press("3", "down", "down")
        await pilot.press(
            "4", "right", "tab", "tab", "tab", "tab", "shift+right", "b", "l", "l"
        )  # batch, today's prices
        pane = app.query_one(PricingPane)
        assert pane.prices == "today"
        await pilot.press("o", *"gpt-5-mini", "enter")  # the picker: a model priced today
        await pilot.pause()
        assert "openai:gpt-5-mini" in pane.others
        for sample in catalog.samples:  # the tokenizer loads its vocabularies
            app.query_one("#sample").value = sample.id
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.pause()
        assert "tokens" in str(app.query_one("#token-counts").render())
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(tmp_path / "scenario.json")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "scenario.json").exists()
        saved = (tmp_path / "scenario.json").read_text(encoding="utf-8")
        assert '"prices": "today"' in saved and "openai:gpt-5-mini" in saved
        await pilot.press("ctrl+s", "f5", "space", "space", "escape", "t", "t", "question_mark", "escape")
        await pilot.pause()
        assert pane.batch_api and totals(app)["gpt-4o-mini"].startswith("$")
        await pilot.press("q")

    drive(SteadyApp(catalog), scenario)
    assert no_network == [], f"tried to reach the network: {no_network}"


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["cost", "--input-tokens", "1.5k", "--output-tokens", "300", "--requests-per-day", "2M", "--format", "json"],
        [
            "cost",
            "--input-tokens",
            "500",
            "--output-tokens",
            "200",
            "--requests-per-day",
            "10k",
            "--prices",
            "today",
            "--model",
            "gpt-4o-mini",
            "--model",
            "gpt-5-mini",
            "--model",
            "anthropic:claude-haiku-4-5",
            "--cached-input-tokens",
            "100",
            "--format",
            "json",
        ],
        ["tokens", "--sample", "seed-zh"],
        ["tokens", "价格是每百万输入 token 15 美分"],
        ["--version"],
    ],
)
def test_every_command_offline(argv: list[str], no_network: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        assert main(argv) == 0
    except SystemExit as exit_:  # --version
        assert exit_.code == 0
    assert capsys.readouterr().out
    assert no_network == []


def test_screenshots_offline(no_network: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screenshots", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*.svg"))) == 11
    assert no_network == []
