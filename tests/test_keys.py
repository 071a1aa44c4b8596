"""Keys act where the person is looking: a count typed on a slider goes into its
field, never to a pane; a page scroll takes the focus along; Esc leaves the
"Show" row; a key means one thing on every pane."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable

from rich.console import Console
from textual import events
from textual.binding import Binding
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static, TabbedContent, TextArea

from gpt4o_tui.tui.app import HelpScreen, palette_bindings
from gpt4o_tui.tui.panes.benchmarks import BenchmarksPane
from gpt4o_tui.tui.panes.pricing import PricingPane
from gpt4o_tui.tui.widgets.frontier_chart import FrontierChart
from gpt4o_tui.tui.widgets.log_slider import LogSlider
from gpt4o_tui.tui.widgets.model_toggles import ModelToggles
from tests.conftest import SteadyApp
from tests.test_messages import our_bindings

Scenario = Callable[[SteadyApp, Pilot], Awaitable[None]]


def drive(app: SteadyApp, scenario: Scenario, size: tuple[int, int] = (80, 24)) -> None:
    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)
            assert app._exception is None

    asyncio.run(run())


def burst(app: SteadyApp, *keys: str) -> None:
    """Several keys in one read, none waiting for the one before (as tests/test_bursts.py)."""
    for key in keys:
        app.post_message(events.Key(key, {"enter": "\r"}.get(key, key if len(key) == 1 else None)))


def test_a_digit_on_a_slider_starts_typing_its_count(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        slider = app.query_one("#input-tokens LogSlider", LogSlider)
        field = app.query_one("#input-tokens Input", Input)
        assert app.focused is slider
        await pilot.press("2")
        assert app.query_one(TabbedContent).active == "pricing", "a digit on a slider is no pane switch"
        assert app.focused is field
        assert (field.value, field.cursor_position, field.selected_text) == ("2", 1, "")
        await pilot.press(*"000")
        assert field.value == "2000"
        await pilot.press("enter")
        assert pane.workload.input_tokens == 2_000 and field.value == "2,000"
        assert app.focused is slider
        await pilot.press("9", "escape")
        assert field.value == "2,000" and pane.workload.input_tokens == 2_000
        assert app.focused is slider, "esc cancels back to the slider"

    drive(app, scenario)


def test_letters_typed_after_a_digit_go_to_the_field_not_to_keys(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        await pilot.press(*"1.5k", "enter")
        assert pane.workload.input_tokens == 1_500
        assert app.query_one(TabbedContent).active == "pricing"
        assert pane.batch_api is False and pane.prices == "launch"
        await pilot.press("k", "z")  # not keys on a slider: nothing happens
        assert pane.workload.input_tokens == 1_500 and app.query_one(TabbedContent).active == "pricing"
        assert isinstance(app.focused, LogSlider)
        await pilot.press("b")  # a documented Pricing key on a slider stays a key
        assert pane.batch_api is True

    drive(app, scenario)


def test_a_count_typed_on_a_slider_in_one_read(app: SteadyApp) -> None:
    """A real terminal can deliver `2000⏎` in one read: every key has reached the
    slider before the field has the focus, and each must still land in the field."""

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        burst(app, *"2000", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "pricing"
        assert pane.workload.input_tokens == 2_000
        burst(app, *"1.5kb")
        await pilot.pause()
        assert app.query_one("#input-tokens Input", Input).value == "1.5kb"
        assert pane.batch_api is False, "a letter typed into the count is no Batch key"
        assert app.query_one(TabbedContent).active == "pricing"

    drive(app, scenario)


def test_a_page_scroll_takes_the_focus_along(app: SteadyApp) -> None:
    """PgDn used to scroll the Pricing pane away from the focused slider, and End
    then set its input to 128,000 out of sight."""

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        view = pane.scrollable_content_region

        def focus_on_screen() -> bool:
            focused = app.focused
            return focused is pane or (focused is not None and view.contains_region(focused.region))

        for key in ["pagedown", "end", "pageup", "pageup", "pageup", "pageup", "pagedown", "pagedown"]:
            await pilot.press(key)
            await pilot.pause()
            assert focus_on_screen(), f"after {key} the focus is on {app.focused!r}, out of view"
            assert pane.workload.input_tokens == 500, f"{key} changed a slider out of view"
        await pilot.press("pageup", "pageup", "pageup", "pageup", "pageup")
        await pilot.pause()
        assert pane.scroll_y == 0 and focus_on_screen()

    drive(app, scenario)


def test_escape_leaves_the_show_row_for_the_chart(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("2")
        for view, chart in [("table", "scores"), ("grouped", "grouped-view"), ("frontier", "frontier")]:
            app.query_one(BenchmarksPane).view = view
            await pilot.press("m")
            assert isinstance(app.focused, ModelToggles)
            await pilot.press("escape")
            assert app.focused is not None and app.focused.id == chart, f"{view}: the focus is on {app.focused!r}"
        await pilot.press("m", "escape", "down")
        assert app.query_one(BenchmarksPane).selected == "gpqa", "↑/↓ choose a benchmark again"

    drive(app, scenario, size=(120, 40))


def test_a_hidden_model_is_never_the_delta_peer(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("2", "g")
        pane = app.query_one(BenchmarksPane)
        header = app.query_one("#grouped-header")
        assert pane.peer == "gemini-1.5-flash"
        await pilot.press("m", "right", "space", "escape")  # hide Flash, the peer
        assert pane.peer == "claude-3-haiku"
        assert "4o mini − Haiku" in str(header.render())
        await pilot.press("m", "right", "right", "space", "escape")  # hide GPT-3.5 Turbo
        await pilot.press("p")
        assert pane.peer == "gpt-4o", "p skips the hidden 3.5 Turbo"
        await pilot.press("p")
        assert pane.peer == "claude-3-haiku", "p skips the hidden Flash"
        await pilot.press("m", "left", "space", "right", "right", "space")  # the row's cursor was on 3.5 Turbo
        assert pane.hidden == {"gemini-1.5-flash", "claude-3-haiku", "gpt-3.5-turbo", "gpt-4o"}
        assert pane.peer == "", "no peer is shown: no Δ against a hidden one"
        assert "no peer shown" in str(header.render())
        assert "Δ" not in str(app.query_one("#group-mmlu").render())
        await pilot.press("escape", "p")
        assert pane.peer == ""
        await pilot.press("m", "left", "left", "space")  # show Haiku again
        assert pane.peer == "claude-3-haiku"
        assert "Δ" in str(app.query_one("#group-mmlu").render())

    drive(app, scenario, size=(120, 40))


def test_the_frontier_says_its_prices_with_two_models_of_about_one_price(app: SteadyApp) -> None:
    """Gemini 1.5 Flash and Claude 3 Haiku alone cost about the same at launch
    ($0.525 and $0.50 per 1M at 3:1): no $1 or $3 falls between them, and the
    price axis had no label at all."""

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("2", "f", "m", "space", *["right", "right", "right", "space"], "right", "space", "escape")
        pane = app.query_one(BenchmarksPane)
        assert pane.visible == ["gemini-1.5-flash", "claude-3-haiku"]
        for mix in range(4):
            lines = app.query_one(FrontierChart).render().plain.splitlines()
            prices = lines[-1].split()
            assert len(prices) >= 2 and all(p.startswith("$") for p in prices), (mix, lines[-2:])
            assert lines[-2].count("┬") == len(prices)
            await pilot.press("x")

    drive(app, scenario)


def test_a_letter_key_means_one_thing_on_every_pane() -> None:
    """`e` was Explain on Benchmarks and Export on Pricing. Every letter or digit
    bound in the explorer (the app's keys, each pane's and its widgets') now has
    one meaning wherever it works."""
    from gpt4o_tui.tui.app import Gpt4oTui, pane_type, pane_widgets
    from gpt4o_tui.tui.panes import PANES

    meanings: dict[str, set[str]] = {}
    owners = [Gpt4oTui, *(pane_type(p.id) for p in PANES), *(w for p in PANES for w in pane_widgets(p))]
    for owner in owners:
        for binding in owner.__dict__.get("BINDINGS", []):
            for key in binding.key.split(","):
                if len(key) == 1:
                    meanings.setdefault(key, set()).add(binding.id or binding.action)
    assert meanings["e"] == {"pricing.export"} and meanings["i"] == {"benchmarks.explain"}
    clashes = {key: ids for key, ids in meanings.items() if len(ids) > 1}
    assert not clashes, clashes


def test_i_is_explain_on_benchmarks_and_e_export_on_pricing(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        from gpt4o_tui.tui.export import ExportScreen

        await pilot.press("2", "i")
        pane = app.query_one(BenchmarksPane)
        assert pane.view == "explain"
        await pilot.press("e")
        assert pane.view == "explain" and not isinstance(app.screen, ExportScreen), "e is not a Benchmarks key"
        await pilot.press("4", "e")
        assert isinstance(app.screen, ExportScreen)

    drive(app, scenario)


def test_the_help_says_a_digit_on_a_slider_types_a_count(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        from rich.console import Console

        from gpt4o_tui.tui.app import HelpScreen

        await pilot.press("4", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen._keys_table(app.language))
        keys = console.export_text()
        assert "0-9" in keys and "On a slider: start typing a count in its field" in keys
        rows = {" ".join(line.split()[:1]): " ".join(line.split()[1:]) for line in keys.splitlines()}
        assert rows["i"] == "Explain view" and rows["e"] == "Save this scenario as Markdown or JSON"

    drive(app, scenario)


# -- the palette and the help say every key ------------------------------------------


def test_every_key_of_the_app_and_its_panes_is_a_palette_command_named_by_its_footer_word(catalog) -> None:
    for code in ("en", "zh"):
        app = SteadyApp(catalog, lang=code)
        titles = [c.title for c in app.get_system_commands(app.screen_stack[0] if app.screen_stack else None)]
        bindings = palette_bindings()
        assert {b.id for _, b in bindings} >= {
            "app.present",
            "app.screenshot",
            "pricing.workload",
            "pricing.latest",
            "benchmarks.grouped",
            "benchmarks.frontier",
            "benchmarks.explain",
            "benchmarks.view",
            "benchmarks.sort",
            "benchmarks.peer",
            "benchmarks.mix",
            "benchmarks.models",
        }
        for _, binding in bindings:
            word = app.language(f"key.{binding.id}").casefold()
            assert any(word in title.casefold() for title in titles), (code, binding.id, word)


def test_the_footer_s_word_typed_in_the_palette_finds_its_command_first(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        for word, wanted in (("deck", "Deck: present"), ("svg", "SVG: save"), ("mix", "Mix: the next")):
            await pilot.press("ctrl+p")
            await pilot.press(*word)
            await pilot.pause(0.3)
            palette = app.screen
            assert isinstance(palette, CommandPalette)
            options = palette.query_one(OptionList)
            assert options.option_count and str(options.get_option_at_index(0).prompt).startswith(wanted), word
            await pilot.press("escape")
            await pilot.pause()

    drive(app, scenario)


def test_a_benchmarks_palette_command_shows_its_pane_and_acts_in_it(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        frontier = next(c for c in app.get_system_commands(app.screen) if c.title == "Frontier view")
        await frontier.callback()
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "benchmarks"
        assert app.query_one(BenchmarksPane).view == "frontier"

    drive(app, scenario)


def test_the_help_lists_every_key_including_the_palette_and_safety_s_list(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        console = Console(file=io.StringIO(), width=160)
        console.print(help_screen._keys_table(app.language))
        help_text = console.file.getvalue()
        shown = {key for line in help_text.splitlines() if line.startswith("  ") for key in line.split()}
        for binding in (b for b in our_bindings() if b.id):  # ours; Textual's have no id
            for key in binding.key.split(","):
                assert app.get_key_display(Binding(key, "")) in shown, (binding.id, key)
        assert "^p" in shown and "Open the command palette" in help_text
        assert "Choose a measure" in help_text and "Scroll the specs" in help_text

    drive(app, scenario, size=(120, 40))


# -- the token counter keeps what was typed --------------------------------------------


def test_a_sample_never_loses_the_person_s_text_and_the_box_stays_in_view(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        area = app.query_one("#text", TextArea)
        area.focus()
        await pilot.press(*"my own prompt")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The live count grew above the box: the box is still on screen, whole.
        assert pane.scrollable_content_region.contains_region(area.region)
        select = app.query_one("#sample", Select)
        select.value = "seed-zh"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert area.text != "my own prompt"
        assert "Your own text is kept" in str(app.query_one("#token-counts", Static).render())
        select.value = Select.NULL  # "Your text"
        await pilot.pause()
        assert area.text == "my own prompt"
        assert pane.own_text == "my own prompt"
        select.value = "seed-zh"
        await pilot.pause()
        area.focus()
        await pilot.press("end", "!")  # an edited sample is the person's own text now
        await pilot.pause()
        edited = area.text
        assert select.value is Select.NULL and "!" in edited and pane.own_text == edited
        select.value = "seed-en"
        await pilot.pause()
        select.value = Select.NULL
        await pilot.pause()
        assert area.text == edited

    drive(app, scenario)


def test_in_the_text_box_letters_are_text_and_esc_gives_the_keys_back(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        area = app.query_one("#text", TextArea)
        area.focus()
        await pilot.press(*"bq")
        await pilot.pause()
        assert area.text == "bq" and not pane.batch_api and app.is_running
        shown = {active.binding.id: active.binding.description for active in app.active_bindings.values()}
        assert shown.get("text.leave") == "Back", "the footer says Esc leaves the box"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.query_one("#sample", Select) and area.text == "bq"
        await pilot.press("b")
        await pilot.pause()
        assert pane.batch_api, "b is Batch again once the box is left"

    drive(app, scenario)
