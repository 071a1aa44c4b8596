"""Keys that arrive together: a real terminal, a loaded machine or an SSH link
delivers several keys in one read, and the app gets them all before it has
finished with the first. Each key here is posted without waiting for the one
before it, as the driver does with one read of several bytes."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot

from gpt4o_tui.tui import themes
from gpt4o_tui.tui.app import HelpScreen
from gpt4o_tui.tui.panes.safety import SafetyPane
from tests.conftest import SteadyApp

Scenario = Callable[[SteadyApp, Pilot], Awaitable[None]]


def drive(app: SteadyApp, scenario: Scenario) -> None:
    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await scenario(app, pilot)
            await pilot.pause()
            assert app.is_running and app._exception is None

    asyncio.run(run())


def burst(app: SteadyApp, *keys: str) -> None:
    """Several keys in one read: posted at once, none waiting for the one before."""
    for key in keys:
        character = {"enter": "\r"}.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


async def until(pilot: Pilot, settled: Callable[[], bool], timeout: float = 10.0) -> None:
    """Pause until `settled()` holds. A pane is built in the handler of the tab's
    activation, a message posted while the keys are handled: on a loaded machine
    one pause can return before it has run, though the app gets there."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await pilot.pause()
    while not settled() and loop.time() < deadline:
        await pilot.pause(0.02)


async def palette_with(pilot: Pilot, text: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.press(*text)
    await pilot.pause(0.3)  # the palette's search runs in a worker


def test_a_tab_key_twice_in_one_read_from_a_fresh_start(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        for key, tab in (("3", "safety"), ("2", "benchmarks"), ("4", "pricing")):
            burst(app, key, key)

            def focused_in_pane(tab: str = tab) -> bool:
                panes = app.query(f"#{tab}-pane")
                return bool(panes) and (app.focused is panes.first() or app.focused in panes.first().query("*"))

            await until(pilot, focused_in_pane)
            assert app.query_one("TabbedContent").active == tab
            assert focused_in_pane(), f"the focus is on {app.focused!r}, not in the {tab} pane"

    drive(app, scenario)


def test_two_tabs_asked_for_in_the_same_read(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        burst(app, "4", "3", "4", "3", "2", "2")
        await pilot.pause()
        assert app.query_one("TabbedContent").active == "benchmarks"

    drive(app, scenario)


def test_enter_three_times_in_the_palette_runs_the_command_once(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await palette_with(pilot, "help")
        burst(app, "enter", "enter", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)
        assert len(app.screen_stack) == 2

    drive(app, scenario)


def test_a_burst_in_the_palette_over_help_leaves_help_open(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        before = app.theme
        await palette_with(pilot, "theme")
        burst(app, "enter", "enter", "enter", "enter")
        await pilot.pause(0.3)
        assert app.theme == themes.next_name(before), "the command ran more than once"
        assert isinstance(app.screen, HelpScreen)

    drive(app, scenario)


def test_a_double_click_on_a_command(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        before = app.theme
        await palette_with(pilot, "theme")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        commands = palette.query_one("CommandList")
        commands.highlighted = 0
        commands.action_select()
        commands.action_select()
        await pilot.pause(0.3)
        assert app.theme == themes.next_name(before)
        assert len(app.screen_stack) == 1

    drive(app, scenario)


def test_a_tab_asked_for_as_the_app_quits(app: SteadyApp) -> None:
    """A click on a tab and on Quit in one read: the pane's build finds its tab gone."""

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await app.query_one("TabPane#pricing").remove()
        assert await app._built("pricing") is None
        await app._run_in_pane("pricing", "reset")

    drive(app, scenario)


def test_the_palette_closed_and_opened_again_in_one_read(app: SteadyApp) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+p")
        burst(app, "escape", "ctrl+p", "escape", "ctrl+p")
        await pilot.pause(0.3)
        assert len(app.screen_stack) <= 2

    drive(app, scenario)


def test_a_click_reported_outside_the_screen_with_the_palette_open(app: SteadyApp) -> None:
    """A click sent before the terminal shrank arrives after: it lies off the screen."""

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+p")
        palette = app.screen
        palette.post_message(events.Click(None, 130, 45, 0, 0, 1, False, False, False, screen_x=130, screen_y=45))
        await pilot.pause()
        assert app.screen is palette

    drive(app, scenario)


def test_the_palette_s_list_paged_before_it_is_laid_out_or_after_it_is_gone(app: SteadyApp) -> None:
    """Page up as a search's results arrive, and a search finishing as the palette closes."""
    from textual.command import CommandList
    from textual.widgets.option_list import Option

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+p")
        palette = app.screen
        commands = palette.query_one(CommandList)
        commands.clear_options().add_options([Option(f"command {n}") for n in range(30)])
        commands.highlighted = 3
        palette._action_command_list("page_up")  # before the list has been laid out again
        await commands.remove()
        palette._list_visible = not palette._list_visible
        await pilot.pause()

    drive(app, scenario)


def test_a_key_still_bubbling_when_quit_closed_the_screens_is_dropped(app: SteadyApp) -> None:
    """Under load, a key forwarded to a widget can come back up to the app after a
    Quit in the same read has closed every screen."""

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.exit()
            await pilot.pause()
        assert not app.screen_stack
        late = events.Key("x", "x")
        late._set_forwarded()
        await app._dispatch_message(late)

    asyncio.run(run())
    assert app._exception is None


def test_keys_after_a_tab_in_the_same_read_act_in_that_tab(app: SteadyApp) -> None:
    """`3↓↓` typed fast: the arrows move Safety's list, not the pane left behind."""

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        burst(app, "3", "down", "down")
        await pilot.pause()
        assert app.query_one(SafetyPane).stage == 2
        burst(app, "2", "3", "down")  # built already: shown and focused at once too
        await pilot.pause()
        assert app.query_one("TabbedContent").active == "safety"
        assert app.query_one(SafetyPane).stage == 3

    drive(app, scenario)
