"""A monkey on the installed program in a real pseudo-terminal: what a person's
terminal, a loaded machine or an SSH link delivers, several keys to a read or one,
the palette, the deck, pastes of text and of bytes that are not text, mouse reports
and resizes. Seeded, and bounded in actions and in time. The program must never
die, never show a traceback, and must quit with status 0 on ctrl+q at the end."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from tests.terminals import Pty

SEEDS = (1, 2, 3)
ACTIONS = 160  # a seed's most; it stops sooner once SECONDS have passed
SECONDS = 7.0

KEYS = [
    *"1234",
    *"1234",
    *"abcdefghijklmnoprstuvwxyz",
    *"ABCDEFGHIJKLMNOPRSTUVWXYZ",
    *"05789,.-+kKmM ?",
    "\x1b[A",
    "\x1b[B",
    "\x1b[C",
    "\x1b[D",
    "\x1b[1;2C",
    "\x1b[1;2D",
    "\x1b[H",
    "\x1b[F",
    "\x1b[5~",
    "\x1b[6~",
    "\t",
    "\x1b[Z",
    "\r",
    "\x1b",
    "\x7f",
    "\x1b[3~",
    "\x1b[15~",
    "\x13",
    "\x01",
    "\x05",
    "\x03",
]
# The palette's commands, by what a person would start typing.
COMMANDS = ["help", "go to sa", "go to pr", "go to be", "theme", "deck", "lang", "reset", "batch", "screen", ""]
TEXT_PASTES = ["1e30", "-5", "１２３", "NaN", "∞", "🦜" * 200, "GPT-4o mini 价格\n" * 20, "9" * 3000, "\x1b[31m"]


def burst(dice: random.Random) -> str:
    """Several keys in one write: a fast typist, or a held key (the same one again)."""
    if dice.random() < 0.4:
        return dice.choice(KEYS) * dice.randint(2, 6)
    return "".join(dice.choice(KEYS) for _ in range(dice.randint(2, 8)))


def paste(dice: random.Random) -> bytes:
    if dice.random() < 0.5:
        body = dice.choice(TEXT_PASTES).encode()
    else:  # bytes that are not text: invalid UTF-8, NULs, stray escapes
        body = bytes(dice.randrange(256) for _ in range(dice.randint(1, 200)))
    return b"\x1b[200~" + body + b"\x1b[201~"


def mouse(dice: random.Random, width: int, height: int) -> bytes:
    """A click, a scroll or a drag as an SGR mouse report; never on the bottom row,
    where the footer's Quit would end the run."""
    x, y = dice.randint(1, width), dice.randint(1, max(1, height - 1))
    button = dice.choice([0, 0, 0, 64, 65, 32])
    if button == 32:
        return f"\x1b[<32;{x};{y}M".encode()
    if button >= 64:
        return f"\x1b[<{button};{x};{y}M".encode()
    click = f"\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m".encode()
    return click * dice.choice([1, 1, 2])  # a double-click in one read


def run_monkey(seed: int, folder: Path) -> dict[str, int]:
    dice = random.Random(seed)
    width, height = 100, 30
    terminal = Pty(width=width, height=height, cwd=folder)
    done = {"writes": 0, "keys": 0, "bursts": 0, "palette": 0, "deck": 0, "pastes": 0, "mouse": 0, "resizes": 0}
    try:
        terminal.wait_for("Specs")
        deadline = time.monotonic() + SECONDS
        for _ in range(ACTIONS):
            if time.monotonic() > deadline:
                break
            roll = dice.random()
            if roll < 0.30:
                data, kind = dice.choice(KEYS).encode(), "keys"
            elif roll < 0.55:
                data, kind = burst(dice).encode(), "bursts"
            elif roll < 0.65:  # the palette, a command, and Enter one to three times in one read
                data = b"\x10" + dice.choice(COMMANDS).encode()
                terminal.write(data)
                terminal.read(0.15)
                data, kind = b"\r" * dice.randint(1, 3), "palette"
            elif roll < 0.70:
                data, kind = b"\x1b[15~" + burst(dice).encode(), "deck"
            elif roll < 0.80:
                data, kind = paste(dice), "pastes"
            elif roll < 0.93:
                data, kind = mouse(dice, width, height), "mouse"
            else:
                width, height = dice.choice([(100, 30), (80, 24), (60, 20), (200, 60), (1, 1), (120, 40)])
                terminal.resize(width, height)
                data, kind = b"", "resizes"
            if data:
                terminal.write(data)
                done["writes"] += 1
            done[kind] += 1
            terminal.read(dice.choice([0.0, 0.02, 0.05, 0.1]))
            assert terminal.process.poll() is None, f"seed {seed}: the program died:\n{terminal.text()[-3000:]}"
        terminal.resize(100, 30)
        terminal.read(0.5)
        assert terminal.process.poll() is None, f"seed {seed}: the program died:\n{terminal.text()[-3000:]}"
        assert "Traceback" not in terminal.text(), f"seed {seed}:\n{terminal.text()[-3000:]}"
        terminal.write(b"\x11")  # ctrl+q, which quits from any screen
        status = terminal.finish()
        assert status == 0, f"seed {seed}: exit status {status}:\n{terminal.text()[-3000:]}"
        assert "Traceback" not in terminal.text(), f"seed {seed}:\n{terminal.text()[-3000:]}"
    finally:
        terminal.close()
    return done


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_the_installed_program_survives_a_real_terminal_monkey(seed: int, tmp_path: Path) -> None:
    done = run_monkey(seed, tmp_path)  # ctrl+s and exports write here
    assert done["palette"] and done["pastes"] and done["bursts"]
