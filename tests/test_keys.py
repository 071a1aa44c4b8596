"""Keys act where the person is looking: a count typed on a slider goes into its
field, never to a pane; a page scroll takes the focus along; Esc leaves the
"Show" row; a key means one thing on every pane."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent

from gpt4o_tui.tui.panes.pricing import PricingPane
from gpt4o_tui.tui.widgets.log_slider import LogSlider
from tests.conftest import SteadyApp

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
