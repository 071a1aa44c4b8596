"""Hostile terminals, for real in tmux: tiny, huge, resized in a storm, without
colour, with TERM=dumb or linux, without a locale. Each time the app starts, shows
what it can, and quits cleanly on q (exit status 0, no traceback)."""

from __future__ import annotations

import shlex

import pytest

from tests.terminals import APP, SLIDES, Tmux, needs_tmux, wait_for

pytestmark = [needs_tmux, pytest.mark.slow]
SPECS = "128,000"
TOO_SMALL = "needs a terminal of at least 80×24"


def launch(tmux: Tmux, environment: str = "", width: int = 80, height: int = 24) -> None:
    """The app under `env`, then its exit status where the screen can show it."""
    tmux.start(f"env {environment} {shlex.quote(str(APP))}; echo gpt4o-tui-exit=$?; sleep 600", width, height)


def quits_cleanly(tmux: Tmux) -> None:
    tmux.keys("q")
    screen = wait_for(tmux.screen, lambda s: "gpt4o-tui-exit=" in s, "the app to exit")
    assert "gpt4o-tui-exit=0" in screen and "Traceback" not in screen, screen


@pytest.mark.parametrize(
    "environment, shows",
    [
        pytest.param("TERM=linux", SPECS, id="TERM=linux (16 colours)"),
        pytest.param("TERM=xterm-256color COLORTERM=", SPECS, id="256 colours"),
        pytest.param("TERM=dumb", SPECS, id="TERM=dumb"),
        pytest.param("NO_COLOR=1", SPECS, id="NO_COLOR"),
        pytest.param("-u LANG -u LC_ALL -u LC_CTYPE -u LC_MESSAGES", SPECS, id="no locale"),
        pytest.param("-u TERM", SPECS, id="no TERM"),
    ],
)
def test_terminal_kinds(tmux: Tmux, environment: str, shows: str) -> None:
    launch(tmux, environment)
    wait_for(tmux.screen, lambda s: shows in s, f"the Specs pane under {environment}")
    for key, text in [("2", "MMLU"), ("4", "$58.50"), ("F5", f"1 / {SLIDES}")]:
        tmux.keys(key)
        wait_for(tmux.screen, lambda s, text=text: text in s, f"{text} under {environment}")
    tmux.keys("Escape")  # alone: an escape followed at once by q would read as alt+q
    wait_for(tmux.screen, lambda s: f"1 / {SLIDES}" not in s and "$58.50" in s, "the explorer again")
    quits_cleanly(tmux)


@pytest.mark.parametrize(
    "width, height, shows",
    [
        pytest.param(1, 1, "", id="1x1"),
        pytest.param(20, 5, "80×24", id="20x5"),
        pytest.param(79, 24, TOO_SMALL, id="79x24"),
        pytest.param(500, 200, SPECS, id="500x200"),
    ],
)
def test_sizes(tmux: Tmux, width: int, height: int, shows: str) -> None:
    launch(tmux, width=width, height=height)
    wait_for(tmux.screen, lambda s: shows in s and "gpt4o-tui-exit" not in s, f"what fits in {width}×{height}")
    if width * height == 1:
        tmux.run("resize-window", "-t", "e2e", "-x", "40", "-y", "5")  # room to read the exit status
    quits_cleanly(tmux)


def test_resize_storm(tmux: Tmux) -> None:
    launch(tmux, width=120, height=40)
    wait_for(tmux.screen, lambda s: SPECS in s, "the Specs pane")
    tmux.keys("4")
    sizes = [(1, 1), (300, 100), (80, 24), (20, 5), (200, 60), (79, 23), (81, 25), (2, 40), (160, 3)] * 12
    for width, height in sizes:
        tmux.run("resize-window", "-t", "e2e", "-x", str(width), "-y", str(height))
    tmux.run("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
    wait_for(tmux.screen, lambda s: "$58.50" in s and TOO_SMALL not in s, "the Pricing pane after the storm")
    tmux.keys("Right")
    wait_for(tmux.screen, lambda s: "$63.00" in s, "the calculator still answering keys")
    quits_cleanly(tmux)
