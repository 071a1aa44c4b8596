"""A scenario that goes with its person: a workload on the command line, a scenario
file reopened to the same screen, the scenario copied through OSC 52, and files
saved where the person says."""

from __future__ import annotations

import asyncio
import base64
import json
import re
from pathlib import Path

import pytest
from textual.drivers.headless_driver import HeadlessDriver
from textual.pilot import Pilot
from textual.widgets import Input, Static

from gpt4o_tui.__main__ import _parser, _scenario, main
from gpt4o_tui.core import scenario
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.images import ImageSize
from gpt4o_tui.core.scenario import Scenario, ScenarioError
from gpt4o_tui.text.i18n import ENGLISH
from gpt4o_tui.tui.export import ExportScreen
from gpt4o_tui.tui.panes.pricing import PricingPane, clipboard_problem
from gpt4o_tui.tui.widgets.log_slider import CountSlider
from tests.conftest import SteadyApp

SIZE = (110, 40)


def from_command_line(*args: str) -> Scenario | int | None:
    return _scenario(_parser().parse_args(list(args)), ENGLISH)


async def screen_of(app: SteadyApp, pilot: Pilot[None]) -> str:
    """The screen as an SVG once it stops changing (a busy machine can still be
    drawing after the first pause), without the id Textual draws at random for each."""
    shot = ""
    for _ in range(20):
        await pilot.pause()
        again = re.sub(r"terminal-\d+", "terminal", app.export_screenshot())
        if again == shot:
            break
        shot = again
    return shot


async def opened(catalog: Catalog, found: Scenario | None) -> tuple[str, dict[str, object], str]:
    """The Pricing pane opened on a scenario: its screen, its state, its JSON export."""
    app = SteadyApp(catalog, tab="pricing", scenario=found)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.query_one(PricingPane)
        state = {
            "workload": pane.workload,
            "batch": pane.batch_api,
            "prices": pane.prices,
            "turns": pane.turns,
            "sliders": {s.id: s.value for s in app.query(CountSlider)},
        }
        return await screen_of(app, pilot), state, pane.scenario("json")


def test_a_workload_on_the_command_line_is_on_screen(catalog: Catalog) -> None:
    found = from_command_line(
        "--input-tokens",
        "2,000",
        "--cached-input-tokens",
        "1,200",
        "--output-tokens",
        "1.5k",
        "--requests-per-day",
        "250",
        "--batch",
        "--turns",
        "12",
        "--images",
        "2",
        "--image-size",
        "800x600",
        "--detail",
        "low",
    )
    assert isinstance(found, Scenario)

    async def run() -> None:
        app = SteadyApp(catalog, tab="pricing", scenario=found)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            sliders = {s.id: s.value for s in app.query(CountSlider)}
            assert sliders == {
                "input-tokens": 2000,
                "cached-input": 1200,
                "output-tokens": 1500,
                "requests": 250,
                "images": 2,
                "turns": 12,
            }
            assert str(app.query_one("#image-size-field", Input).value) == "800x600"
            pane = app.query_one(PricingPane)
            assert pane.workload == Workload(
                2000, 1500, 250, images=2, image_size=ImageSize(800, 600), detail="low", cached_input_tokens=1200
            )
            assert pane.batch_api and pane.prices == "launch"
            assert "Batch API on" in str(app.query_one("#cost-notes", Static).render())

    asyncio.run(run())


def test_without_a_workload_the_calculator_is_its_own() -> None:
    assert from_command_line() is None
    assert from_command_line("--batch") == Scenario(Workload(), batch=True)


def test_the_workload_flags_are_parsed_and_refused_as_cost_does(capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("1.5x", "-3", "2.5"):
        with pytest.raises(SystemExit) as app_exit:
            main(["--input-tokens", bad])
        app_said = capsys.readouterr().err
        with pytest.raises(SystemExit) as cost_exit:
            main(["cost", "--input-tokens", bad, "--output-tokens", "1", "--requests-per-day", "1"])
        cost_said = capsys.readouterr().err
        assert app_exit.value.code == cost_exit.value.code == 2
        assert app_said.count("\n") == 1
        assert (
            app_said.split("--input-tokens: ")[1].split(" (see")[0]
            == cost_said.split("--input-tokens: ")[1].split(" (see")[0]
        )
    # The calculator's sliders end at GPT-4o mini's own limits: past one is said, not clamped.
    with pytest.raises(SystemExit):
        main(["--output-tokens", "20k"])
    assert (
        capsys.readouterr().err
        == "gpt4o-tui: argument --output-tokens: must be from 1 to 16,384 (see gpt4o-tui --help)\n"
    )


def test_an_export_reopens_to_the_same_screen(catalog: Catalog, tmp_path: Path) -> None:
    """Everything the calculator has: a typed workload with images, Batch, the latest
    prices and the conversation's turns, saved through the dialog and reopened."""
    target = tmp_path / "mine.json"

    async def export() -> str:
        app = SteadyApp(catalog, tab="pricing")
        async with app.run_test(size=SIZE) as pilot:
            pane = app.query_one(PricingPane)
            pane.workload = Workload(3300, 900, 4200, images=3, image_size=ImageSize(2048, 1536), detail="auto")
            pane.batch_api, pane.prices, pane.turns = True, "latest known", 35
            await pilot.pause()
            shown = await screen_of(app, pilot)
            await pilot.press("e")
            app.screen.query_one("#export-path", Input).value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, ExportScreen)
            return shown

    before = asyncio.run(export())
    reopened = from_command_line("--scenario", str(target))
    assert reopened == Scenario(
        Workload(3300, 900, 4200, images=3, image_size=ImageSize(2048, 1536), detail="auto"),
        batch=True,
        prices="latest known",
        turns=35,
    )
    after, _, again = asyncio.run(opened(catalog, reopened))
    assert after == before
    assert again == target.read_text(encoding="utf-8")  # and it exports the same file again


def test_every_preset_reopens_to_the_same_screen(catalog: Catalog) -> None:
    for preset in catalog.presets:
        from gpt4o_tui.core.costs import preset_workload

        first, state, exported = asyncio.run(opened(catalog, Scenario(preset_workload(preset))))
        second, state_again, _ = asyncio.run(opened(catalog, scenario.parse(exported)))
        assert (second, state_again) == (first, state), preset.id


def test_flags_go_over_the_scenario_file(tmp_path: Path) -> None:
    file = tmp_path / "s.json"
    file.write_text(json.dumps({"workload": {"input_tokens": 100, "output_tokens": 50, "requests_per_day": 7}}))
    found = from_command_line("--scenario", str(file), "--output-tokens", "60", "--batch")
    assert found == Scenario(Workload(100, 60, 7), batch=True)


@pytest.mark.parametrize(
    ("workload", "said"),
    [
        ("not json", "is not JSON (Expecting value: line 1 column 1 (char 0))"),
        ("[]", 'has no "workload": it is not a scenario exported by gpt4o-tui'),
        ({"output_tokens": 1, "requests_per_day": 1}, "has no workload.input_tokens"),
        (
            {"input_tokens": "lots", "output_tokens": 1, "requests_per_day": 1},
            "gives workload.input_tokens as 'lots', not a whole number",
        ),
        (
            {"input_tokens": 500, "output_tokens": 99999, "requests_per_day": 1},
            "has a workload.output_tokens that cannot be taken: must be from 1 to 16,384",
        ),
        (
            {"input_tokens": 500, "output_tokens": 1, "requests_per_day": 1, "days": 7},
            "covers 7 days; the calculator prices a month of 30 days (gpt4o-tui cost --days prices any number)",
        ),
        (
            {"input_tokens": 500, "output_tokens": 1, "requests_per_day": 1, "image_size": "big"},
            "has a workload.image_size that cannot be taken: 'big' is not a size (e.g. 1024x768)",
        ),
        (
            {"input_tokens": 500, "output_tokens": 1, "requests_per_day": 1, "detail": "max"},
            "gives workload.detail as 'max'; it can be low, high, auto",
        ),
        (
            {"input_tokens": 500, "output_tokens": 1, "requests_per_day": 1, "batch": "yes"},
            "gives workload.batch as 'yes'; it can be true, false",
        ),
        (
            {"input_tokens": 500, "output_tokens": 1, "requests_per_day": 1, "prices": "tomorrow"},
            "gives workload.prices as 'tomorrow'; it can be launch, latest known, today",
        ),
    ],
)
def test_a_bad_scenario_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workload: object, said: str
) -> None:
    file = tmp_path / "s.json"
    file.write_text(workload if isinstance(workload, str) else json.dumps({"workload": workload}))
    assert main(["--scenario", str(file)]) == 2
    assert capsys.readouterr().err == f"gpt4o-tui: cannot reopen {file}: it {said}\n"


def test_a_missing_scenario_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--scenario", str(tmp_path / "gone.json")]) == 2
    assert (
        capsys.readouterr().err
        == f"gpt4o-tui: cannot reopen {tmp_path / 'gone.json'}: it cannot be read (No such file or directory)\n"
    )


def test_scenario_errors_are_keys() -> None:
    with pytest.raises(ScenarioError) as raised:
        scenario.parse('{"workload": {}}')
    assert raised.value.said.key == "scenario.missing"


# -- copy -----------------------------------------------------------------------------


def test_copy_writes_the_markdown_through_osc_52(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sequence a terminal takes: ESC ] 52 ; c ; base64 BEL, with the Markdown
    the export would save; and the notice says how it went and where else it is."""
    monkeypatch.setattr(HeadlessDriver, "is_headless", property(lambda driver: False))
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.delenv("TERM_PROGRAM", raising=False)

    async def run() -> None:
        app = SteadyApp(catalog, tab="pricing")
        async with app.run_test(size=SIZE) as pilot:
            written: list[str] = []
            driver = app._driver
            assert driver is not None
            monkeypatch.setattr(driver, "write", written.append)
            await pilot.press("b", "c")
            await pilot.pause()
            markdown = app.query_one(PricingPane).scenario("markdown")
            assert "| GPT-4o mini | $0.075/$0.300 | batch |" in markdown
            assert f"\x1b]52;c;{base64.b64encode(markdown.encode()).decode()}\a" in written
            notice = list(app._notifications)[-1]
            assert notice.title == "Copied"
            assert "OSC 52" in notice.message and "press e to export" in notice.message

    asyncio.run(run())


def test_without_a_terminal_copy_points_to_export(catalog: Catalog) -> None:
    async def run() -> None:
        app = SteadyApp(catalog, tab="pricing", lang="zh")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c")
            await pilot.pause()
            notice = list(app._notifications)[-1]
            assert notice.title == "未复制" and "按 e" in notice.message

    asyncio.run(run())


def test_what_is_known_not_to_take_osc_52() -> None:
    assert clipboard_problem(True, {}) == "copy.headless"
    assert clipboard_problem(False, {"TERM_PROGRAM": "Apple_Terminal"}) == "copy.apple_terminal"
    assert clipboard_problem(False, {"TERM_PROGRAM": "iTerm.app"}) is None


def test_copy_is_a_key_and_a_palette_command_of_the_same_word(catalog: Catalog) -> None:
    async def run() -> None:
        app = SteadyApp(catalog)
        async with app.run_test(size=SIZE):
            names = [c.title for c in app.get_system_commands(app.screen)]
            assert "Copy scenario" in names
            assert any(b.id == "pricing.copy" and b.key == "c" for b in PricingPane.BINDINGS)

    asyncio.run(run())


# -- where files go ---------------------------------------------------------------------


def test_output_dir_is_where_export_and_screenshots_go(catalog: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "talk"
    folder.mkdir()
    args = _parser().parse_args(["--output-dir", str(folder)])
    assert args.output_dir == folder

    async def run() -> None:
        app = SteadyApp(catalog, tab="pricing", output_dir=folder)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            field = app.screen.query_one("#export-path", Input)
            assert field.value == str(folder / "gpt4o-tui-scenario.md")
            full = app.screen.query_one("#export-full-path", Static)
            assert str(full.render()) == f"Saves as {folder / 'gpt4o-tui-scenario.md'}"
            field.value = "other.json"  # a name alone goes in the same folder
            await pilot.pause()
            assert str(full.render()) == f"Saves as {folder / 'other.json'}"
            await pilot.press("enter")
            await pilot.pause()
            assert (folder / "other.json").is_file()
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.pause()
            assert [p.suffix for p in folder.glob("gpt4o-tui-pricing-*.svg")] == [".svg"]

    asyncio.run(run())


def test_output_dir_must_be_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--output-dir", str(tmp_path / "nowhere")])
    assert raised.value.code == 2
    assert capsys.readouterr().err == (
        f"gpt4o-tui: argument --output-dir: '{tmp_path / 'nowhere'}' is not a folder (see gpt4o-tui --help)\n"
    )
