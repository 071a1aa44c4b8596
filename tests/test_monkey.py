"""Hostile keys, pastes, clicks and resizes: a seeded monkey on every pane, and the
typed values people get wrong. No exception, no hang, no wrong figure; the app
still answers q at the end."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from gpt4o_tui.core import costs
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.text import report
from gpt4o_tui.tui.panes import TABS
from gpt4o_tui.tui.panes.pricing import PricingPane
from tests.conftest import SteadyApp
from tests.test_app import drive, totals

ACTIONS_PER_PANE = 2000
# Each pane's actions in this many runs of their own seed: shorter tests, which the
# two workers of `make test` share out more evenly.
RUNS_PER_PANE = 2
# Every key the app or a widget answers, and then some. Not q, ctrl+q, ctrl+c
# (they quit, which the end of each run checks), nor ctrl+p (the palette can run
# Quit too), nor 1-4 (each run stays on its pane; the switch has its own tests).
KEYS = [
    *"abcdefghijklmnoprstuvwxyz",
    *"ABCDEFGHIJKLMNOPRSTUVWXYZ",
    *"05789,.-+kKmM ",
    "up",
    "down",
    "left",
    "right",
    "shift+left",
    "shift+right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "space",
    "backspace",
    "delete",
    "question_mark",
    "f5",
    "ctrl+s",
    "ctrl+a",
    "ctrl+e",
    "ctrl+z",
    "f1",
    "insert",
]
PASTES = [
    "",
    "1e30",
    "-5",
    "１２３",
    "٣٤٥",
    "1,5,0,0",
    "NaN",
    "∞",
    "2M" * 50,
    "\x00\x1b[31m",
    "🦜" * 300,
    "GPT-4o mini 价格是每百万输入 token 15 美分。\n" * 40,
    "\t\n\r",
    "9" * 5000,
]


CHARACTERS = {"space": " ", "question_mark": "?", "tab": "\t", "enter": "\r", "escape": "\x1b"}


def key_event(key: str) -> events.Key:
    """The event a terminal's keypress becomes."""
    return events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None))


async def monkey(app: SteadyApp, pilot: Pilot, seed: int, actions: int) -> dict[str, int]:
    """Keys and pastes arrive in bursts, as from a held key or a fast typist, with a
    pause for the app to catch up after every few; clicks and resizes one at a time."""
    dice = random.Random(seed)
    done = {"keys": 0, "pastes": 0, "clicks": 0, "resizes": 0}
    for action in range(actions):
        roll = dice.random()
        if roll < 0.88:
            app.post_message(key_event(dice.choice(KEYS)))
            done["keys"] += 1
        elif roll < 0.93:
            app.post_message(events.Paste(dice.choice(PASTES)))
            done["pastes"] += 1
        elif roll < 0.99:
            width, height = app.size
            await pilot.click(offset=(dice.randrange(max(1, width)), dice.randrange(max(1, height))))
            done["clicks"] += 1
        else:
            await pilot.resize_terminal(dice.choice([1, 20, 79, 80, 120, 200]), dice.choice([1, 5, 23, 24, 40, 60]))
            done["resizes"] += 1
        if action % 16 == 15:
            await pilot.pause()
    await pilot.pause()
    return done


async def quit_with_q(app: SteadyApp, pilot: Pilot) -> None:
    """What a person does to leave: back out of anything open, out of a text box, q."""
    await pilot.resize_terminal(120, 40)
    for _ in range(4):
        await pilot.press("escape")
    for _ in range(20):
        if not isinstance(app.focused, (Input, TextArea)):
            break
        await pilot.press("tab")
    await pilot.press("q")
    await pilot.pause()
    assert not app.is_running, f"q did not quit; focus was on {app.focused!r}, screen {app.screen!r}"


@pytest.mark.slow
@pytest.mark.parametrize("run", range(RUNS_PER_PANE))
@pytest.mark.parametrize("tab", list(TABS))
def test_monkey(catalog: Catalog, tab: str, run: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # where ctrl+s and the export dialog write
    seed = sum(map(ord, tab)) + 7919 * run
    actions = ACTIONS_PER_PANE // RUNS_PER_PANE

    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        done = await monkey(app, pilot, seed, actions)
        assert sum(done.values()) == actions
        if tab == "pricing":
            # A click may have left for another tab, and an L then dropped the pane
            # until it is shown again (keeping its workload): show it.
            await app.action_show_tab("pricing")
            await pilot.pause()
            pane = app.query_one(PricingPane)
            results = costs.monthly(pane.priced, pane.workload, pane.batch_api)
            places = report.column_places(results, results[0]).total
            expected = {r.model.id: app.language.total(r, cell=True, places=places) for r in results}
            assert totals(app) == expected, "the totals on screen are the workload's, whatever was pressed"
        await quit_with_q(app, pilot)

    drive(SteadyApp(catalog, tab=tab), scenario)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "1e30",
        "-5",
        "-0",
        "0",
        "abc",
        "1.5.5",
        "12,34",
        "１２３",
        "٣٤٥",
        "५००",
        "1_000",
        "99999999999999999999999999999999",
        "1." + "0" * 4999 + "1",
        "0x1F",
        "NaN",
        "inf",
        "½",
        "5 00",
        "1.0000000001k",
        "Paste of a paragraph: GPT-4o mini costs 15 cents per million input tokens.",
    ],
    ids=lambda typed: repr(typed) if len(typed) < 30 else f"{typed[:8]!r}…{len(typed)} characters",
)
def test_a_bad_count_is_refused_and_the_last_good_value_kept(catalog: Catalog, typed: str) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "tab")
        field = app.query_one("#input-tokens Input", Input)
        assert app.focused is field
        before = totals(app)
        field.value = typed
        await pilot.press("enter")
        error = str(app.query_one("#input-tokens .count-error", Static).render())
        assert "kept 500" in error and len(error) < 120, error
        assert field.value == "500"
        assert app.query_one(PricingPane).workload == Workload()
        assert totals(app) == before

    drive(SteadyApp(catalog), scenario, size=(80, 24))


def test_a_pasted_paragraph_in_a_field_is_refused(catalog: Catalog) -> None:
    async def scenario(app: SteadyApp, pilot: Pilot) -> None:
        await pilot.press("4", "tab", "tab", "tab", "tab", "tab")
        field = app.query_one("#output-tokens Input", Input)
        assert app.focused is field
        app.post_message(events.Paste(PASTES[11]))
        await pilot.pause()
        await pilot.press("enter")
        assert "kept 200" in str(app.query_one("#output-tokens .count-error", Static).render())
        assert app.query_one(PricingPane).workload.output_tokens == 200

    drive(SteadyApp(catalog), scenario, size=(80, 24))
