"""Behaviour, driven through Textual's pilot as a person would use the keys and mouse."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from decimal import Decimal

import pytest
from rich.console import Console
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Input, OptionList, Select, Static, TabbedContent, TextArea

from gpt4o_tui.core import compare
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.tui.app import HelpScreen
from gpt4o_tui.tui.panes.benchmarks import BenchmarksPane
from gpt4o_tui.tui.panes.pricing import PricingPane
from gpt4o_tui.tui.widgets.cell_table import CellTable
from gpt4o_tui.tui.widgets.footer import SteadyFooter
from gpt4o_tui.tui.widgets.frontier_chart import FrontierChart
from gpt4o_tui.tui.widgets.log_slider import LogSlider
from gpt4o_tui.tui.widgets.model_toggles import ModelToggles
from gpt4o_tui.tui.widgets.score_bars import ScoreBars
from tests.conftest import SteadyApp

Scenario = Callable[[SteadyApp, Pilot], Awaitable[None]]


def drive(app: SteadyApp, scenario: Scenario, size: tuple[int, int] = (120, 40)) -> None:
    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(run())


def totals(app: SteadyApp) -> dict[str, str]:
    table = app.query_one("#totals", CellTable)
    return {row: str(table.cell(row, "total")) for row in table.row_keys}


def in_pane(app: SteadyApp, pane_id: str) -> bool:
    pane = app.query_one(f"#{pane_id}-pane")
    return app.focused is pane or app.focused in pane.query("*")


def test_number_keys_switch_panes_and_move_focus_into_them(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        tabs = app.query_one(TabbedContent)
        assert tabs.active == "specs" and in_pane(app, "specs")
        # Pricing last: on its slider a digit starts a typed count (tests/test_keys.py).
        for key, pane in [("2", "benchmarks"), ("3", "safety"), ("1", "specs"), ("3", "safety"), ("4", "pricing")]:
            await pilot.press(key)
            assert tabs.active == pane
            assert in_pane(app, pane), f"focus stayed outside {pane}: {app.focused}"
        assert isinstance(app.focused, LogSlider)
        assert app.focused.parent and app.focused.parent.parent is app.query_one("#input-tokens")

    drive(app, scenario)


def test_clicking_a_tab_switches_and_focuses_the_pane(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.click("#--content-tab-safety")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "safety"
        assert isinstance(app.focused, OptionList)

    drive(app, scenario)


def test_a_slider_step_changes_every_total_in_one_go(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        before = totals(app)
        assert before["gpt-4o-mini"] == "$58.50"
        await pilot.press("right")
        after = totals(app)
        assert app.query_one(PricingPane).workload == Workload(input_tokens=600)
        assert all(after[m] != before[m] for m in before), (before, after)
        assert after["gpt-4o-mini"] == "$63.00"  # 600 x $0.15 + 200 x $0.60 per 1M, x 300,000
        await pilot.press("shift+left")
        assert app.query_one(PricingPane).workload.input_tokens == 60
        assert app.query_one("#input-tokens Input", Input).value == "60"

    drive(app, scenario)


def test_every_slider_drives_its_own_field(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "tab", "tab", "tab", "tab", "right", "tab", "tab", "shift+right")
        pane = app.query_one(PricingPane)
        assert pane.workload == Workload(output_tokens=250, requests_per_day=100_000)
        assert totals(app)["gpt-4o-mini"] == "$675.00"  # 500 x $0.15 + 250 x $0.60 per 1M, x 3,000,000
        await pilot.press("end")
        assert pane.workload.requests_per_day == 1_000_000
        await pilot.press("r")
        assert pane.workload == Workload()

    drive(app, scenario)


def test_a_typed_bad_value_is_refused_with_a_message(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "tab")
        field = app.query_one("#input-tokens Input", Input)
        assert app.focused is field
        error = app.query_one("#input-tokens .count-error", Static)
        for typed, message in [
            ("abc", "'abc' is not a count"),
            ("999999", "must be from 10 to 128,000"),
            ("0", "must be from 10"),
        ]:
            field.value = ""
            await pilot.press(*typed, "enter")
            assert message in str(error.render()), typed
            assert error.display
            assert field.value == "500"
            assert app.query_one(PricingPane).workload.input_tokens == 500
        assert app.focused is field, "a refused value keeps the field focused for another try"
        field.value = ""
        await pilot.press(*"1.5k", "enter")
        assert app.query_one(PricingPane).workload.input_tokens == 1500
        assert field.value == "1,500"
        assert not error.display
        assert app.focused is app.query_one("#input-tokens LogSlider"), "a taken value returns to the slider"

    drive(app, scenario)


def test_escape_leaves_a_field_without_taking_it(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "tab")
        field = app.query_one("#input-tokens Input", Input)
        field.value = ""
        await pilot.press(*"90000", "escape")
        assert field.value == "500"
        assert app.query_one(PricingPane).workload.input_tokens == 500
        assert app.focused is app.query_one("#input-tokens LogSlider")
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running

    drive(app, scenario)


def test_digits_typed_into_a_field_stay_in_the_field(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "tab")
        field = app.query_one("#input-tokens Input", Input)
        field.value = ""
        await pilot.press("1", "2", "q")
        assert app.query_one(TabbedContent).active == "pricing"
        assert field.value == "12q"
        assert app.is_running

    drive(app, scenario)


def test_clicking_and_dragging_a_slider(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        slider = app.query_one("#requests LogSlider", LogSlider)
        width = slider.content_size.width
        await pilot.click(slider, offset=(0, 0))
        assert slider.value == 1 and app.focused is slider
        await pilot.click(slider, offset=(width - 1, 0))
        assert slider.value == 1_000_000
        await pilot.mouse_down(slider, offset=(0, 0))
        await pilot.hover(slider, offset=(width // 2, 0))
        await pilot.mouse_up(slider, offset=(width // 2, 0))
        assert slider.value == 1_000
        assert app.query_one(PricingPane).workload.requests_per_day == 1_000

    drive(app, scenario)


def test_requests_beyond_context_say_so(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "tab", *"16k", "enter", "tab", "tab", "tab", "tab", "tab", *"1,000", "enter")
        assert totals(app)["gpt-3.5-turbo"] == "can't run"
        notes = str(app.query_one("#cost-notes", Static).render())
        assert "GPT-3.5 Turbo can't run it: 16,000 + 1,000 tokens exceed its 16,385-token context window." in notes

    drive(app, scenario)


def test_arrows_choose_the_benchmark_and_its_chart(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("2")
        pane = app.query_one(BenchmarksPane)
        bars = app.query_one("#bars", ScoreBars)
        assert pane.selected == "mmlu"
        await pilot.press(*["down"] * 7)
        assert pane.selected == "mathvista"
        rows = {row.name: row for row in bars.rows}
        assert rows["GPT-3.5 Turbo"].score is None, "n/a, never 0"
        assert "█" not in str(bars.render()).splitlines()[3]
        assert (rows["Gemini 1.5 Flash"].score, rows["GPT-4o mini"].score) == (Decimal("58.4"), Decimal("56.7"))
        await pilot.press("up")
        assert pane.selected == "mmmu"

    drive(app, scenario)


def shown_in_charts(app: SteadyApp) -> tuple[set[str], set[str]]:
    """Model names in the grouped MMLU chart, and labels on the frontier plot."""
    grouped = {row.name for row in app.query_one("#bars-mmlu", ScoreBars).rows}
    plot = app.query_one(FrontierChart).plot
    assert plot is not None
    return grouped, {point.label for point in plot.points}


def test_hiding_a_model_removes_it_from_chart_and_frontier(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("2", "g")
        grouped, frontier = shown_in_charts(app)
        assert "GPT-4o" in grouped and "GPT-4o" in frontier
        await pilot.press("m", *["right"] * 4, "space")  # the fifth toggle: GPT-4o
        grouped, frontier = shown_in_charts(app)
        assert "GPT-4o" not in grouped and "GPT-4o" not in frontier
        assert len(grouped) == 4
        pane = app.query_one(BenchmarksPane)
        assert pane.hidden == {"gpt-4o"}
        assert "gpt-4o" not in [
            p.model_id
            for p in compare.frontier(compare.points(app.catalog, pane.benchmark, pane.visible, compare.MIXES[0]))
        ]
        await pilot.press("space")
        grouped, frontier = shown_in_charts(app)
        assert "GPT-4o" in grouped and "GPT-4o" in frontier

    drive(app, scenario)


def test_clicking_a_model_toggle_hides_it(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("2", "f")
        toggles = app.query_one(ModelToggles)
        start, _ = toggles._spans()[1]  # Flash
        await pilot.click(toggles, offset=(start + 1, 0))
        assert app.query_one(BenchmarksPane).hidden == {"gemini-1.5-flash"}
        _, frontier = shown_in_charts(app)
        assert "Flash" not in frontier
        assert "Hidden: Flash" in str(app.query_one("#frontier-words", Static).render())

    drive(app, scenario)


def test_views_sort_peer_and_mix_keys(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("2")
        pane = app.query_one(BenchmarksPane)
        switcher = app.query_one("#views", ContentSwitcher)
        for key, view in [("g", "grouped"), ("f", "frontier"), ("i", "explain"), ("v", "table")]:
            await pilot.press(key)
            assert pane.view == view and switcher.current == f"{view}-view"
            assert app.focused is not None and app.focused in pane.query("*")
        await pilot.press("g", "s")
        assert pane.sort_key == "average"
        order = [row.name for row in app.query_one("#bars-mmlu", ScoreBars).rows]
        assert order == ["GPT-4o", "GPT-4o mini", "Gemini 1.5 Flash", "Claude 3 Haiku", "GPT-3.5 Turbo"]
        title = str(app.query_one("#group-mathvista", Static).render())
        assert "Δ −1.7 ▼" in title, "the loss to Flash shows as plainly as a win"
        await pilot.press("p")
        assert pane.peer == "claude-3-haiku"
        assert "Δ +10.3 ▲" in str(app.query_one("#group-mathvista", Static).render())
        await pilot.press("f", "x")
        assert pane.mix == 1
        assert "1 in : 1 out" in str(app.query_one("#frontier-header", Static).render())

    drive(app, scenario)


def test_safety_pipeline_shows_each_stage_and_the_caveat(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("3")
        detail = app.query_one("#measure-detail", Static)
        assert "Stage 1 of 5 · Pre-training" in str(detail.render())
        await pilot.press("down", "down")
        shown = str(detail.render())
        assert "Stage 3 of 5 · Evaluation" in shown
        assert "The 70+ external experts red-teamed GPT-4o, not GPT-4o mini itself." in shown

    drive(app, scenario)


def test_help_opens_and_closes(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark", "q")
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running

    drive(app, scenario)


def test_every_action_is_in_the_command_palette(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for expected in (
            "Go to Specs",
            "Go to Benchmarks",
            "Go to Safety",
            "Go to Pricing",
            "Help: keys",
            "Batch API prices on/off",
            "Reset calculator",
            "Quit",
        ):
            assert expected in titles
        await pilot.press("4", "right")
        reset = next(c for c in app.get_system_commands(app.screen) if c.title == "Reset calculator")
        await reset.callback()
        await pilot.pause()
        assert app.query_one(PricingPane).workload == Workload()
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)

    drive(app, scenario)


def test_too_small_terminal_says_what_it_needs(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        message = app.query_one("#too-small", Static)
        assert message.display
        assert "at least 80×24; this one is 60×20" in str(message.render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not message.display
        assert app.query_one(TabbedContent).display

    drive(app, scenario, size=(60, 20))


def test_q_quits(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running

    drive(app, scenario)


def test_help_scrolls_from_the_keyboard_on_a_small_terminal(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        keys = app.screen.query_one("#help")
        assert app.focused is keys
        await pilot.press("end")
        assert keys.scroll_y > 0

    drive(app, scenario, size=(80, 24))


def test_batch_halves_prices_where_offered(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        toggle = next(c for c in app.get_system_commands(app.screen) if c.title == "Batch API prices on/off")
        await toggle.callback()  # from the palette, before the Pricing pane was ever shown
        await pilot.pause()
        pane = app.query_one(PricingPane)
        assert pane.batch_api
        shown = totals(app)
        assert (shown["gpt-4o-mini"], shown["gpt-4o"], shown["gemini-1.5-flash"]) == ("$29.25", "$825.00", "$115.50")
        notes = str(app.query_one("#cost-notes", Static).render())
        assert "no batch price, so standard: Flash, Haiku." in notes
        assert shown["gpt-3.5-turbo"] == "$82.50"  # its own Batch API price, $0.25 / $0.75
        await pilot.press("b")
        assert not pane.batch_api and totals(app)["gpt-4o-mini"] == "$58.50"

    drive(app, scenario)


def test_a_preset_sets_the_sliders_and_a_slider_leaves_it(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "w", "down", "down", "enter")  # Custom, Support chatbot, Code-base Q&A
        pane = app.query_one(PricingPane)
        assert pane.workload == Workload(100_000, 1_000, 200)
        assert app.query_one("#preset", Select).value == "code-base-qa"
        assert "Assumed: a 100,000-token code base" in str(app.query_one("#assumption", Static).render())
        assert app.focused is app.query_one("#input-tokens LogSlider")
        await pilot.press("right")
        assert pane.workload.input_tokens == 120_000
        assert app.query_one("#preset", Select).value == Select.NULL
        assert "Custom workload" in str(app.query_one("#assumption", Static).render())

    drive(app, scenario)


def test_latest_known_prices_and_back(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "l")
        shown = totals(app)
        assert shown["gemini-1.5-flash"] == "$29.25" and shown["gpt-4o-mini"] == "$58.50"
        table = app.query_one("#totals", CellTable)
        assert str(table.cell("gemini-1.5-flash", "saving")) == "costs $29.25 more"
        assert "Latest known prices" in str(app.query_one("#cost-notes", Static).render())
        timeline = str(app.query_one("#timeline", Static).render())
        assert "2024-07-18 ● GPT-4o mini launches" in timeline and "2024-08-08 ● Gemini 1.5 Flash" in timeline
        assert "2024-10-01 ○ GPT-4o mini: Prompt caching" in timeline
        await pilot.press("l")  # today's prices, then back to launch
        assert "genai-prices" in str(app.query_one("#cost-notes", Static).render())
        await pilot.press("l")
        assert totals(app)["gemini-1.5-flash"] == "$115.50"

    drive(app, scenario)


def test_counting_a_texts_tokens_in_the_pane(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        app.query_one("#sample", Select).value = "seed-zh"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        counts = str(app.query_one("#token-counts", Static).render())
        assert "GPT-4o mini 89 tokens" in counts and "GPT-3.5 Turbo 127 tokens" in counts
        assert "29.9% fewer tokens" in counts
        area = app.query_one("#text", TextArea)
        area.load_text("")
        area.focus()
        await pilot.press(*"hello world")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "11 characters: GPT-4o mini 2 tokens" in str(app.query_one("#token-counts", Static).render())

    drive(app, scenario)


def test_conversations_grow_and_say_where_the_context_runs_out(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        app.query_one("#turns LogSlider").focus()
        await pilot.press("end")
        await pilot.pause()
        assert app.query_one(PricingPane).turns == 200
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.query_one("#conversation", Static).content)
        shown = console.export_text()
        assert "200 turns of a 500-token message and a 200-token reply" in shown
        turbo = next(line for line in shown.splitlines() if "GPT-3.5 Turbo" in line)
        assert "stops at turn 24" in turbo and turbo.rstrip().endswith("turn 24")
        mini = next(line for line in shown.splitlines() if "GPT-4o mini " in line)
        assert mini.rstrip().endswith("turn 183")  # 128,000 // 700 + 1

    drive(app, scenario)


def test_reset_brings_back_the_whole_starting_calculator(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "right", "b", "l")
        pane = app.query_one(PricingPane)
        pane.turns = 50
        await pilot.press("r")
        assert (pane.workload, pane.batch_api, pane.prices, pane.turns) == (Workload(), False, "launch", 20)
        assert totals(app)["gemini-1.5-flash"] == "$115.50"

    drive(app, scenario)


def test_focus_comes_back_after_the_terminal_was_too_small(app: SteadyApp) -> None:
    """Found by the resize storm: hiding the panes took the focus, and after the
    terminal grew again no key reached the calculator."""

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "tab", "tab", "tab", "tab")
        slider = app.query_one("#output-tokens LogSlider")
        assert app.focused is slider
        for width, height in [(20, 5), (1, 1), (79, 40), (120, 40)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
        assert app.focused is slider
        await pilot.press("right")
        assert app.query_one(PricingPane).workload.output_tokens == 250

    drive(app, scenario)


def test_no_slider_step_makes_a_column_of_the_totals_jump(app: SteadyApp) -> None:
    """Each column is as wide as its widest text-only figure at the prices shown: a
    person sliding from the smallest workload to the largest sees the figures change
    in place, never the table widen (a relayout every time a figure gained a digit)."""

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        table = app.query_one("#totals", CellTable)

        def width() -> int:
            return table.get_content_width(table.size, table.size)

        start = width()
        for slider in ("requests", "input-tokens", "output-tokens", "requests", "input-tokens"):
            app.query_one(f"#{slider} LogSlider").focus()
            for key in ("home", "right", "pageup", "end", "left", "end"):
                await pilot.press(key)
                assert width() == start, (slider, key, totals(app))
        assert totals(app)["gpt-4o"] == "can't run"  # the largest prompt and reply: too big for GPT-4o
        app.query_one(PricingPane).query_one("#calculator").prices = "latest known"  # type: ignore[attr-defined]
        await pilot.pause()
        assert width() >= start

    drive(app, scenario, size=(80, 24))


def test_the_footer_is_rebuilt_once_for_a_burst_of_binding_changes_and_never_for_the_same_keys(
    app: SteadyApp,
) -> None:
    """Textual's Footer rebuilds every key after every change of bindings; gpt4o-tui's
    rebuilds once after a burst, only when what it shows differs, and still follows
    each real change (here the language, and the text box's own Esc)."""

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        footer = app.query_one(SteadyFooter)
        rebuilds = []
        recompose = footer.recompose

        async def counted() -> None:
            rebuilds.append(footer_words(app))
            await recompose()

        footer.recompose = counted  # type: ignore[method-assign]
        for _ in range(5):
            app.screen.refresh_bindings()
        await pilot.pause()
        assert rebuilds == []  # the same keys: nothing to rebuild
        await pilot.press("L")
        await pilot.pause()
        assert 1 <= len(rebuilds) <= 2
        assert "中文" not in footer_words(app) and "English" in footer_words(app)
        await pilot.press("4")
        await pilot.pause()
        app.query_one("#text", TextArea).focus()
        await pilot.pause()
        assert "返回" in footer_words(app)

    drive(app, scenario)


def test_the_first_frame_drawn_has_the_footers_keys(app: SteadyApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual's Footer shows no key until the first change of bindings, which comes
    after the first frame: a person starting gpt4o-tui saw an empty footer, then its
    keys a frame later (more bytes, a later complete screen). The keys are in the
    first frame drawn, and they are the keys of the pane on screen."""
    drawn: list[str] = []
    refresh = Screen._compositor_refresh

    def recorded(screen: Screen) -> None:
        if screen.query(SteadyFooter):
            drawn.append(footer_words(screen.app))  # type: ignore[arg-type]
        refresh(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", recorded)

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.pause()

    drive(app, scenario)
    assert drawn, "no frame was drawn"
    assert all(word in drawn[0] for word in ("Theme", "Help", "Quit", "中文", "Deck")), drawn[0]
    assert drawn[0] == drawn[-1]


def footer_words(app: SteadyApp) -> str:
    return " ".join(str(key.render()) for key in app.query_one(SteadyFooter).query("FooterKey"))
