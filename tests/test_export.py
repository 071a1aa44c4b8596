"""Exporting the calculator's scenario: right figures, nothing overwritten unasked,
a failed write said and survived."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from gpt4o_tui.__main__ import main
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.tui.export import ExportScreen
from gpt4o_tui.tui.panes.pricing import PricingPane
from tests.conftest import SteadyApp


def export(catalog: Catalog, path: Path, answer: str | None = None) -> tuple[SteadyApp, str]:
    """Open the export dialog in Pricing, save to `path`, answer y/n if asked."""

    async def run() -> tuple[SteadyApp, str]:
        app = SteadyApp(catalog)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("4", "right", "b", "e")
            field = app.screen.query_one("#export-path", Input)
            field.value = str(path)
            await pilot.press("enter")
            if answer:
                await pilot.press(answer)
            await pilot.pause()
            message = ""
            if isinstance(app.screen, ExportScreen):
                message = str(app.screen.query_one("#export-message", Static).render())
            assert app.is_running
            return app, message

    return asyncio.run(run())


def test_json_export_matches_the_cost_command(
    catalog: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "scenario.json"
    export(catalog, target)
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["workload"]["prices"] == "launch" and saved["workload"]["batch"] is True
    assert (
        main(
            [
                "cost",
                "--input-tokens",
                "600",
                "--output-tokens",
                "200",
                "--requests-per-day",
                "10000",
                "--batch",
                "--format",
                "json",
            ]
        )
        == 0
    )
    from_command = json.loads(capsys.readouterr().out)
    assert saved["results"] == from_command["results"]


def test_markdown_export(catalog: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "scenario.md"
    export(catalog, target)
    text = target.read_text(encoding="utf-8")
    assert "| GPT-4o mini | $0.075/$0.300 | batch | $31.50 | — |" in text
    assert "- prices: launch, Batch API where a model offers it" in text


def test_an_existing_file_is_kept_unless_the_answer_is_yes(catalog: Catalog, tmp_path: Path) -> None:
    target = tmp_path / "mine.md"
    target.write_text("my notes", encoding="utf-8")
    _, message = export(catalog, target, answer="n")
    assert target.read_text(encoding="utf-8") == "my notes"
    assert "Kept the existing file" in message
    export(catalog, target, answer="y")
    assert target.read_text(encoding="utf-8").startswith("# gpt4o-tui scenario")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_a_read_only_folder_is_said_not_crashed_on_as_a_user(catalog: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    _, message = export(catalog, folder / "scenario.md")
    assert "Could not save" in message


def test_a_missing_folder_is_said_not_crashed_on(catalog: Catalog, tmp_path: Path) -> None:
    _, message = export(catalog, tmp_path / "no" / "such" / "scenario.md")
    assert "Could not save" in message and "Nothing was written" in message


def test_a_full_disk_keeps_the_file_being_replaced(catalog: Catalog, tmp_path: Path, full_disk: None) -> None:
    existing = tmp_path / "scenario.md"
    existing.write_text("my notes", encoding="utf-8")
    _, message = export(catalog, existing, answer="y")
    assert "Could not save" in message and "No space left on device" in message
    assert existing.read_text(encoding="utf-8") == "my notes"
    assert [p.name for p in tmp_path.iterdir()] == ["scenario.md"], "no half-written file is left behind"


def test_an_unknown_format_is_asked_about(catalog: Catalog, tmp_path: Path) -> None:
    _, message = export(catalog, tmp_path / "scenario.txt")
    assert "does not end in .md or .json" in message
    assert not (tmp_path / "scenario.txt").exists()


def test_markdown_export_says_when_a_peer_is_cheaper(catalog: Catalog, tmp_path: Path) -> None:
    async def run() -> str:
        app = SteadyApp(catalog)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("4", "l")
            return app.query_one(PricingPane).scenario("markdown")

    text = asyncio.run(run())
    assert "| Gemini 1.5 Flash | $0.075/$0.300 | standard | $29.25 | costs $29.25 more |" in text
    assert "- prices: latest known, standard" in text


def test_a_name_too_long_for_the_file_system_is_said(catalog: Catalog, tmp_path: Path) -> None:
    _, message = export(catalog, tmp_path / ("x" * 300 + ".md"))
    assert message.startswith("Could not save") and "File name too long" in message


def test_the_home_of_a_user_that_does_not_exist_is_said(catalog: Catalog) -> None:
    _, message = export(catalog, Path("~gpt4o-tui-no-such-user/scenario.md"))
    assert message == (
        "~gpt4o-tui-no-such-user/scenario.md names the home folder of a user this computer "
        "does not have. Nothing was written."
    )


def test_overwriting_keeps_the_file_s_mode_and_a_new_file_gets_the_usual_one(catalog: Catalog, tmp_path: Path) -> None:
    before = os.umask(0o022)
    try:
        fresh = tmp_path / "new.md"
        export(catalog, fresh)
        assert fresh.stat().st_mode & 0o777 == 0o644
        shared = tmp_path / "shared.md"
        shared.write_text("old", encoding="utf-8")
        shared.chmod(0o664)
        export(catalog, shared, answer="y")
        assert shared.read_text(encoding="utf-8") != "old"
        assert shared.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(before)
