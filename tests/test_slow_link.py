"""A slow link: over SSH the app does not animate, no key writes more than 25 KB at
80×24, and what it writes draws exactly the screen Textual would have drawn."""

from __future__ import annotations

import time

import pyte
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.tui.app import Gpt4oTui, animation_level
from gpt4o_tui.tui.panes import TABS
from gpt4o_tui.tui.sgr import Restyler
from tests.terminals import TERMINAL_ENV, Pty

SSH = {"SSH_CONNECTION": "192.0.2.1 50000 192.0.2.2 22"}
LIMIT = 25_000  # bytes one key may write at 80×24 over SSH


@pytest.mark.parametrize(
    ("environ", "asked", "level"),
    [
        ({}, None, None),  # Textual's own default
        (SSH, None, "none"),
        ({"SSH_TTY": "/dev/pts/3"}, None, "none"),
        ({"SSH_CLIENT": "192.0.2.1 50000 22"}, None, "none"),
        ({**SSH, "TEXTUAL_ANIMATIONS": "full"}, None, None),  # asked for in Textual's own words
        ({"TEXTUAL_ANIMATIONS": "none"}, None, None),  # Textual reads it itself
        (SSH, True, "full"),
        ({}, False, "none"),
        ({"TEXTUAL_ANIMATIONS": "full"}, False, "none"),
    ],
)
def test_the_animation_level(environ: dict[str, str], asked: bool | None, level: str | None) -> None:
    assert animation_level(environ, asked) == level


def test_the_app_over_ssh_does_not_animate(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    for name, value in SSH.items():
        monkeypatch.setenv(name, value)
    assert Gpt4oTui(catalog).animation_level == "none"
    assert Gpt4oTui(catalog, animation=True).animation_level == "full"


def cells(data: str, width: int = 80, height: int = 24) -> list[list[tuple[object, ...]]]:
    """Every cell as a terminal emulator draws it: character, colours, attributes."""
    screen = pyte.Screen(width, height)
    pyte.Stream(screen).feed(data)
    attributes = ("data", "fg", "bg", "bold", "italics", "underscore", "strikethrough", "reverse", "blink")
    return [[tuple(getattr(screen.buffer[y][x], a) for a in attributes) for x in range(width)] for y in range(height)]


def frames(catalog: Catalog) -> list[str]:
    """Each pane's whole screen at 80×24 as Textual writes it to a terminal."""
    import asyncio

    async def take() -> list[str]:
        app = Gpt4oTui(catalog)
        drawn = []
        async with app.run_test(size=(80, 24)) as pilot:
            console = Console(color_system="truecolor", force_terminal=True, width=80)
            for tab in TABS:
                await app.action_show_tab(tab)
                await pilot.pause()
                drawn.append(app.screen._compositor.render_update(full=True).render_segments(console))
        return drawn

    return asyncio.run(take())


def test_every_pane_is_drawn_the_same_in_about_half_the_bytes(catalog: Catalog) -> None:
    for frame in frames(catalog):
        restyled = Restyler()(frame)
        assert cells(restyled) == cells(frame)
        assert len(restyled.encode()) < 0.7 * len(frame.encode())


STYLES = st.lists(
    st.sampled_from(
        ["1", "2", "3", "4", "7", "9", "21", "53", "31", "38;5;200", "38;2;1;2;3", "44", "48;2;9;9;9", "39"]
    ),
    max_size=4,
).map(";".join)
PIECES = st.one_of(
    STYLES.map(lambda codes: f"\x1b[{codes}m"),
    st.just("\x1b[0m"),
    st.text(alphabet="ab ━●中", min_size=1, max_size=6),
    st.builds(lambda y, x: f"\x1b[{y};{x}H", st.integers(1, 6), st.integers(1, 20)),
    st.sampled_from(["\r", "\n", "\x1b[2C", "\x1b[K", "\x1b7", "\x1b8", "\x1b[?25l", "\x1b[4:3m", "\x1b[m"]),
)


@given(st.lists(st.lists(PIECES, max_size=30), min_size=1, max_size=3))
def test_any_output_draws_the_same(writes: list[list[str]]) -> None:
    """Styles, text, moves, erasing, saving and restoring the cursor, codes it does not
    know, over several writes: the same cells, and the same style left at the end."""
    restyle = Restyler()
    original = ["".join(pieces) for pieces in writes]
    restyled = [restyle(w) for w in original]
    screen_a, screen_b = pyte.Screen(20, 6), pyte.Screen(20, 6)
    stream_a, stream_b = pyte.Stream(screen_a), pyte.Stream(screen_b)
    for before, after in zip(original, restyled, strict=True):
        stream_a.feed(before)
        stream_b.feed(after)
        assert screen_a.buffer == screen_b.buffer
        assert screen_a.cursor.attrs == screen_b.cursor.attrs  # each write ends in the style asked for


def test_a_style_is_said_as_a_change() -> None:
    restyle = Restyler()
    bg, fg = "48;2;18;18;18", "38;2;224;224;224"
    assert restyle("\x1b[4m") == "\x1b[4m"  # the terminal's style is not known yet: as it came
    assert restyle("\x1b[0m") == "\x1b[0m"  # known from here
    assert restyle(f"\x1b[{bg}m \x1b[0m\x1b[{bg}m \x1b[0m") == f"\x1b[{bg}m  \x1b[0m"
    assert restyle(f"\x1b[1;{fg};{bg}mA\x1b[0m\x1b[{fg};{bg}mb\x1b[0m") == f"\x1b[1;{fg};{bg}mA\x1b[22mb\x1b[0m"
    # 22 ends both bold and dim: dim is said again.
    assert restyle("\x1b[1;2;31mx\x1b[0m\x1b[2;31my") == "\x1b[1;2;31mx\x1b[22;2my"
    # After an escape that may change the style (restoring the cursor), a style comes
    # as it came, and after a reset it is said in full.
    assert restyle("\x1b[1mx\x1b8\x1b[1my") == "\x1b[1mx\x1b8\x1b[1my"
    assert restyle("\x1b[0m\x1b[1mz") == "\x1b[0;1mz"
    assert restyle("\x1b[5;1H\x1b[5;9Hz") == "\x1b[5;9Hz"  # only the last of several moves


def per_key(pty: Pty, keys: list[bytes], quiet: float = 0.75) -> list[int]:
    """What each key made the app write, once it had been quiet for a while."""
    written = []
    for key in keys:
        before = len(pty.output)
        pty.write(key)
        deadline = time.monotonic() + 30
        while len(pty.output) == before and time.monotonic() < deadline:
            pty.read(0.05)
        while True:
            size = len(pty.output)
            pty.read(quiet)
            if len(pty.output) == size:
                break
        written.append(len(pty.output) - before)
    return written


END, HOME, PAGE_DOWN, PAGE_UP = b"\x1b[F", b"\x1b[H", b"\x1b[6~", b"\x1b[5~"
# Every pane's first visit, its scrolling keys, a slider step, the language and the deck.
KEYS = [
    END,
    HOME,
    PAGE_DOWN,
    b"2",
    b"v",
    b"3",
    END,
    b"4",
    b"\x1b[C",
    PAGE_DOWN,
    PAGE_DOWN,
    END,
    HOME,
    b"1",
    b"L",
    b"\x1b[15~",
    b" ",
]


def over_ssh(*flags: str) -> Pty:
    """The real program in a pseudo-terminal at 80×24, as if reached over SSH."""
    shell = {k: v for k, v in TERMINAL_ENV.items() if not k.startswith(("TEXTUAL", "SSH_")) and k != "NO_COLOR"}
    pty = Pty("--no-config", *flags, width=80, height=24, env={**shell, **SSH, "COLORTERM": "truecolor"})
    pty.wait_for("^p")
    pty.read(0.5)
    return pty


@pytest.mark.slow
def test_over_ssh_no_key_writes_more_than_25_kb() -> None:
    """By default over SSH every key writes at most 25 KB, scrolling included."""
    pty = over_ssh()
    try:
        written = list(zip((k.decode() for k in KEYS), per_key(pty, KEYS), strict=True))
        assert pty.process.poll() is None, pty.text()[-2000:]
    finally:
        pty.close()
    assert max(size for _, size in written) <= LIMIT, written


@pytest.mark.slow
def test_asked_to_animate_over_ssh_scrolling_writes_far_more() -> None:
    """Why animation is off over SSH: asked for, one End on Specs writes every frame
    of a smooth scroll."""
    pty = over_ssh("--animation")
    try:
        [written] = per_key(pty, [END])
        assert pty.process.poll() is None, pty.text()[-2000:]
    finally:
        pty.close()
    assert written > 4 * LIMIT, written
