"""Locked screens: every pane at 80x24 and 120x40 in English and in Chinese, the calculator after moves,
a refused value, help, and a terminal that is too small."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.tui import themes
from tests.conftest import SteadyApp

# About 3 s each: every pane at two sizes in two languages is a walk through every screen.
pytestmark = pytest.mark.slow

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
PANES = {"specs": "1", "benchmarks": "2", "safety": "3", "pricing": "4"}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("pane", list(PANES))
def test_pane(snap_compare, catalog: Catalog, pane: str, size: tuple[int, int]) -> None:
    assert snap_compare(SteadyApp(catalog), press=[PANES[pane]], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_pricing_after_slider_moves(snap_compare, catalog: Catalog, size: tuple[int, int]) -> None:
    """Input up two stops, output up a decade, requests down one stop: 800 / 2,000 / 8,000."""
    keys = ["4", "right", "right", "tab", "tab", "tab", "tab", "shift+right", "tab", "tab", "left"]
    assert snap_compare(SteadyApp(catalog), press=keys, terminal_size=size)


def test_pricing_refuses_a_typed_value(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog), press=["4", "tab", *"abc", "enter"], terminal_size=(80, 24))


def test_pricing_request_beyond_context(snap_compare, catalog: Catalog) -> None:
    keys = ["4", "tab", *"16k", "enter", "tab", "tab", "tab", "tab", "tab", *"1,000", "enter"]
    assert snap_compare(SteadyApp(catalog), press=keys, terminal_size=(80, 24))


def test_benchmarks_mathvista_where_a_peer_wins(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog), press=["2", *["down"] * 7], terminal_size=(80, 24))


def test_safety_evaluation_keeps_its_caveat(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog), press=["3", "down", "down"], terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, catalog: Catalog, size: tuple[int, int]) -> None:
    assert snap_compare(SteadyApp(catalog), press=["4", "question_mark"], terminal_size=size)


def test_too_small(snap_compare, catalog: Catalog) -> None:
    async def settle(pilot: Pilot) -> None:
        await pilot.pause()

    assert snap_compare(SteadyApp(catalog), terminal_size=(60, 20), run_before=settle)


BENCHMARK_VIEWS = {
    "grouped": ["2", "g"],
    "sorted": ["2", "g", "s"],
    "frontier": ["2", "f"],
    "explanation": ["2", "i"],
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", list(BENCHMARK_VIEWS))
def test_benchmark_view(snap_compare, catalog: Catalog, view: str, size: tuple[int, int]) -> None:
    assert snap_compare(SteadyApp(catalog), press=BENCHMARK_VIEWS[view], terminal_size=size)


@pytest.mark.parametrize("view", [*BENCHMARK_VIEWS, "mathvista-frontier"])
def test_benchmark_view_without_colour(
    snap_compare, catalog: Catalog, view: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shapes, signs and labels carry the meaning when colour is gone."""
    monkeypatch.setenv("NO_COLOR", "1")
    keys = BENCHMARK_VIEWS.get(view, ["2", "f", *["down"] * 7])
    assert snap_compare(SteadyApp(catalog), press=keys, terminal_size=(80, 24))


def test_pricing_with_batch_api(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog), press=["4", "b"], terminal_size=(80, 24))


def test_pricing_claims_checked(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog), press=["4", *["down"] * 11], terminal_size=(80, 24))


def test_pricing_with_a_preset(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog), press=["4", "w", "down", "down", "down", "enter"], terminal_size=(80, 24))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES)
def test_calculator_with_images(snap_compare, catalog: Catalog, lang: str, size: tuple[int, int]) -> None:
    """The receipt preset carries a receipt scan: the image controls, the totals with
    image tokens, and the line saying how one image compares (scrolled to it at 80×24)."""
    keys = ["4", "w", "down", "down", "down", "enter", *(["pagedown"] if size == (80, 24) else [])]
    assert snap_compare(SteadyApp(catalog, lang=lang), press=keys, terminal_size=size)


def test_pricing_latest_known_prices(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog), press=["4", "l"], terminal_size=(80, 24))


def test_pricing_history_timeline(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog), press=["4", "pagedown", "pagedown", "pagedown"], terminal_size=(80, 24))


def test_pricing_counts_the_seeds_chinese(snap_compare, catalog: Catalog) -> None:
    async def count_sample(pilot: Pilot) -> None:
        await pilot.press("4")
        pilot.app.query_one("#sample").value = "seed-zh"
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.query_one("#pricing-pane").scroll_to_widget(pilot.app.query_one("#text"), animate=False)
        await pilot.pause()

    assert snap_compare(SteadyApp(catalog), terminal_size=(80, 24), run_before=count_sample)


def test_pricing_conversations(snap_compare, catalog: Catalog) -> None:
    async def open_conversations(pilot: Pilot) -> None:
        await pilot.press("4")
        pilot.app.query_one("#turns LogSlider").focus()
        await pilot.press("shift+right", "right")
        await pilot.pause()
        conversation = pilot.app.query_one("#conversation")
        pilot.app.query_one("#pricing-pane").scroll_to_widget(conversation, animate=False, top=True)
        await pilot.pause()

    assert snap_compare(SteadyApp(catalog), terminal_size=(80, 24), run_before=open_conversations)


def test_export_asks_before_overwriting(snap_compare, catalog: Catalog) -> None:
    # The dialog shows the full path: one the snapshot shows the same on every machine.
    folder = Path("/tmp/gpt4o-tui-export-snapshot")
    folder.mkdir(exist_ok=True)
    existing = folder / "scenario.md"
    existing.write_text("mine", encoding="utf-8")

    async def ask(pilot: Pilot) -> None:
        await pilot.press("4", "e")
        pilot.app.screen.query_one("#export-path").value = "scenario.md"
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(SteadyApp(catalog, output_dir=folder), terminal_size=(80, 24), run_before=ask)


@pytest.mark.parametrize("theme", themes.NAMES)
def test_theme(snap_compare, catalog: Catalog, theme: str) -> None:
    """Each theme on the busiest screen: the calculator's table and its notes."""
    assert snap_compare(SteadyApp(catalog, theme=theme), press=["4"], terminal_size=(80, 24))


def test_theme_grouped_bars_high_contrast(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog, theme="high-contrast"), press=["2", "g"], terminal_size=(80, 24))


def test_slide_price_at_80x24(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog, present=True), terminal_size=(80, 24))


def test_slide_workload_on_a_light_projector(snap_compare, catalog: Catalog) -> None:
    keys = ["space"] * 4
    assert snap_compare(SteadyApp(catalog, present=True, theme="light"), press=keys, terminal_size=(120, 40))


async def _then_and_now(pilot: Pilot) -> None:
    """The last slide, once the deck has read today's prices."""
    while not pilot.app.screen.today_read:
        await pilot.pause(0.05)
    await pilot.press("end")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=["80x24", "120x40", "200x60"])
def test_slide_then_and_now(snap_compare, catalog: Catalog, size: tuple[int, int]) -> None:
    assert snap_compare(SteadyApp(catalog, present=True), terminal_size=size, run_before=_then_and_now)


def test_slide_then_and_now_in_chinese(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog, lang="zh", present=True), terminal_size=(80, 24), run_before=_then_and_now)


def test_deck_too_small(snap_compare, catalog: Catalog) -> None:
    async def settle(pilot: Pilot) -> None:
        await pilot.pause()

    assert snap_compare(SteadyApp(catalog, present=True), terminal_size=(70, 20), run_before=settle)


# 中文: every pane, the benchmark views, the calculator's lower half, help and the deck.


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("pane", list(PANES))
def test_pane_in_chinese(snap_compare, catalog: Catalog, pane: str, size: tuple[int, int]) -> None:
    assert snap_compare(SteadyApp(catalog, lang="zh"), press=[PANES[pane]], terminal_size=size)


@pytest.mark.parametrize("view", ["grouped", "frontier", "explanation"])
def test_benchmark_view_in_chinese(snap_compare, catalog: Catalog, view: str) -> None:
    assert snap_compare(SteadyApp(catalog, lang="zh"), press=BENCHMARK_VIEWS[view], terminal_size=(80, 24))


def test_pricing_in_chinese_beyond_a_models_limits(snap_compare, catalog: Catalog) -> None:
    """Long context and can't-run notes, in Chinese, with the columns still aligned."""
    keys = ["4", "end", "tab", "tab", "tab", "tab", "end", "b"]
    assert snap_compare(SteadyApp(catalog, lang="zh"), press=keys, terminal_size=(80, 24))


def test_safety_monitoring_in_chinese_breaks_between_characters(snap_compare, catalog: Catalog) -> None:
    """Stage 5 at 80x24: the measure's line is full to its last character and the next
    starts 性。, never 。; the tag [openai-launch, seed] stays whole."""
    keys = ["3", "down", "down", "down", "down"]
    assert snap_compare(SteadyApp(catalog, lang="zh"), press=keys, terminal_size=(80, 24))


def test_pricing_in_chinese_claims_and_history(snap_compare, catalog: Catalog) -> None:
    async def scroll_down(pilot: Pilot) -> None:
        await pilot.press("4")
        pilot.app.query_one("#pricing-pane").scroll_to_widget(pilot.app.query_one("#claims"), animate=False, top=True)
        await pilot.pause()

    assert snap_compare(SteadyApp(catalog, lang="zh"), terminal_size=(80, 24), run_before=scroll_down)


def test_help_in_chinese(snap_compare, catalog: Catalog) -> None:
    assert snap_compare(SteadyApp(catalog, lang="zh"), press=["4", "question_mark"], terminal_size=(120, 40))


@pytest.mark.parametrize("slide", [1, 5])
def test_slide_in_chinese(snap_compare, catalog: Catalog, slide: int) -> None:
    keys = ["space"] * (slide - 1)
    assert snap_compare(SteadyApp(catalog, lang="zh", present=True), press=keys, terminal_size=(80, 24))


def test_switched_to_chinese_mid_calculation(snap_compare, catalog: Catalog) -> None:
    """The calculator as it was (a preset, batch prices, the field in focus), in Chinese."""
    keys = ["4", "w", "down", "down", "enter", "b", "right", "L"]
    assert snap_compare(SteadyApp(catalog), press=keys, terminal_size=(80, 24))
