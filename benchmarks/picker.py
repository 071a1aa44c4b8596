"""How fast the Compare picker narrows genai-prices' models to a few typed letters.

The search alone (in-process), and, in the installed program run for real in an
80×24 pseudo-terminal (bench.py's harness), each typed letter until the last byte of
the new rows is on screen, beside a key that changes nothing on the same screen.

    .venv/bin/python benchmarks/picker.py            # 5 runs
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

from bench import Session
from gpt4o_tui.core import today

COLUMNS, LINES = 80, 24
WORDS = ("haiku", "gpt-5-mini", "gemini flash")
COUNT = re.compile(r"([\d,]+) of ([\d,]+) models")


def search_ms(query: str, repeat: int = 50) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        today.search(query)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _key(session: Session, key: bytes) -> float:
    """Write a key; the time until the program's last byte before it fell quiet, in ms."""
    start = session.press(key)
    session.last_output = start
    session.settle()
    return (session.last_output - start) * 1000


def one_run() -> tuple[float, list[float]]:
    """Open the picker, then type every letter of WORDS (each word into an emptied
    search). Returns (open, letters) in ms."""
    session = Session([str(Path(sys.executable).with_name("gpt4o-tui"))], COLUMNS, LINES)
    session.until(lambda s: "Quit" in s.splitlines()[-1])
    session.settle()
    session.press(b"4")
    session.until(lambda s: "$58.50" in s)
    session.settle()
    start = session.press(b"o")
    opened = (session.until(lambda s: COUNT.search(s) is not None) - start) * 1000
    session.settle()
    letters = []
    for word in WORDS:
        for letter in word:
            letters.append(_key(session, letter.encode()))
            assert COUNT.search(session.text()), session.text()
        for _ in word:
            _key(session, b"\x7f")
    session.press(b"\x1b")
    session.settle()
    session.quit()
    return opened, letters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    today.models()
    print(f"first load of genai-prices' models (in-process): {(time.perf_counter() - start) * 1000:.0f} ms")
    for query in ("h", "haiku", "claude haiku 4", "gpt 5 mini"):
        print(f"search {query!r}: {search_ms(query):.1f} ms (median of 50)")
    opened, letters = [], []
    for _ in range(args.runs):
        run_open, run_letters = one_run()
        opened.append(run_open)
        letters.extend(run_letters)
    print(f"\nIn a real pty at {COLUMNS}×{LINES}, {args.runs} runs, typing {', '.join(map(repr, WORDS))}:")
    print(f"o to the picker on screen: median {statistics.median(opened):.0f} ms")
    ordered = sorted(letters)
    print(
        f"a letter to its rows on screen: median {statistics.median(letters):.0f} ms, "
        f"90th percentile {ordered[int(len(ordered) * 0.9)]:.0f} ms, max {ordered[-1]:.0f} ms "
        f"({len(letters)} letters; target under 100 ms)"
    )


if __name__ == "__main__":
    main()
