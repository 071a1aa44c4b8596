"""gpt4o-tui against the smallest Textual app, both run for real in a pseudo-terminal.

Each program is started in a pty of a fixed size; its output is rendered by pyte,
a terminal emulator, so "on screen" means what a person would see. The two programs
alternate over several runs; each figure is a median with its min-max.

    make bench                                   # 7 runs, prints a table
    .venv/bin/python benchmarks/bench.py --runs 9 --write docs/performance.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import os
import platform
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyte

HERE = Path(__file__).resolve().parent
COLUMNS, LINES = 120, 40
QUIET = 0.3  # seconds without output that count as "finished drawing"
TIMEOUT = 30.0
RIGHT = b"\x1b[C"


class Session:
    """One program in a pty; its output rendered into a pyte screen, its bytes counted."""

    def __init__(self, argv: list[str], columns: int = COLUMNS, lines: int = LINES) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.bytes = 0
        self.last_output = 0.0
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL") and k != "NO_COLOR"}
        env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8")
        # Every run starts as a first run: no pane remembered from the last one.
        env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="gpt4o-tui-bench-")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self.master = master

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:  # the program has gone and closed the pty
            return False
        if not data:
            return False
        self.bytes += len(data)
        self.last_output = time.perf_counter()
        self.stream.feed(data)
        return True

    def until(self, shown: Callable[[str], bool]) -> float:
        """Read until the screen satisfies `shown`; the moment it did."""
        deadline = time.perf_counter() + TIMEOUT
        while not shown(self.text()):
            if time.perf_counter() > deadline:
                raise TimeoutError(f"screen never matched; it shows:\n{self.text()}")
            self._read(deadline - time.perf_counter())
        return time.perf_counter()

    def settle(self) -> None:
        """Read until the program has been quiet for QUIET seconds."""
        while self._read(QUIET):
            pass

    def press(self, key: bytes) -> float:
        moment = time.perf_counter()
        os.write(self.master, key)
        return moment

    def quit(self) -> int:
        """Quit with q; the peak resident memory of the process, in KiB."""
        self.press(b"q")
        deadline = time.perf_counter() + TIMEOUT
        # wait4 rather than Popen.wait: it reaps the child and returns its rusage.
        while time.perf_counter() < deadline:
            pid, _, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                os.close(self.master)
                self.process.returncode = 0
                return usage.ru_maxrss
            self._read(0.05)
        raise TimeoutError(f"{self.process.args} did not quit")


@dataclass
class Program:
    name: str
    argv: list[str]
    first_frame: Callable[[str], bool]
    after_step: Callable[[str], bool]
    prepare_step: list[tuple[bytes, Callable[[str], bool]]] = field(default_factory=list)
    tab_switch: tuple[bytes, Callable[[str], bool]] | None = None
    language_switch: tuple[bytes, Callable[[str], bool]] | None = None


def gpt4o_tui() -> Program:
    script = Path(sys.executable).with_name("gpt4o-tui")
    return Program(
        name="gpt4o-tui",
        argv=[str(script)],
        first_frame=lambda s: (
            all(t in s.splitlines()[0] for t in ("Specs", "Benchmarks", "Safety", "Pricing"))
            and "Quit" in s.splitlines()[-1]
        ),
        tab_switch=(b"2", lambda s: "MMLU: Knowledge" in s),
        prepare_step=[(b"4", lambda s: "$58.50" in s)],
        # Input tokens 500 -> 600: GPT-4o mini's month goes from $58.50 to $63.00.
        after_step=lambda s: "$63.00" in s,
        # L: the same calculator, in Chinese (the tab title and the new total's cell).
        language_switch=(b"L", lambda s: "4 价格" in s and " 63.00 " in s and "每月（美元）" in s),
    )


def minimal() -> Program:
    return Program(
        name="minimal Textual app",
        argv=[sys.executable, str(HERE / "minimal_app.py")],
        first_frame=lambda s: "minimal 0" in s and "Quit" in s.splitlines()[-1],
        after_step=lambda s: "minimal 1" in s,
    )


@dataclass
class Run:
    first_frame_ms: float
    peak_kib: int
    step_ms: float
    first_frame_bytes: int
    step_bytes: int
    tab_switch_bytes: int | None
    language_switch_ms: float | None


def measure(program: Program) -> Run:
    session = Session(program.argv)
    first = session.until(program.first_frame) - session.started
    session.settle()
    first_bytes = session.bytes
    tab_bytes = None
    if program.tab_switch:
        key, shown = program.tab_switch
        before = session.bytes
        session.press(key)
        session.until(shown)
        session.settle()
        tab_bytes = session.bytes - before
    for key, shown in program.prepare_step:
        session.press(key)
        session.until(shown)
        session.settle()
    before = session.bytes
    pressed = session.press(RIGHT)
    step = session.until(program.after_step) - pressed
    session.settle()
    step_bytes = session.bytes - before
    switch_ms = None
    if program.language_switch:
        key, shown = program.language_switch
        pressed = session.press(key)
        switch_ms = (session.until(shown) - pressed) * 1000
        session.settle()
    peak = session.quit()
    return Run(first * 1000, peak, step * 1000, first_bytes, step_bytes, tab_bytes, switch_ms)


def spread(values: list[float], places: int) -> str:
    return f"{statistics.median(values):,.{places}f} ({min(values):,.{places}f}–{max(values):,.{places}f})"


def report(runs: dict[str, list[Run]], count: int) -> str:
    ours, base = runs["gpt4o-tui"], runs["minimal Textual app"]

    def row(label: str, pick: Callable[[Run], float | None], unit: str) -> str:
        places = 0 if unit == "B" else 1
        mine = [v for r in ours if (v := pick(r)) is not None]
        theirs = [v for r in base if (v := pick(r)) is not None]
        ratio = f"{statistics.median(mine) / statistics.median(theirs):.2f}×" if theirs else "—"
        shown = spread(theirs, places) if theirs else "— (none)"
        return f"| {label} ({unit}) | {spread(mine, places)} | {shown} | {ratio} |"

    full = statistics.median(r.first_frame_bytes for r in ours)
    step = statistics.median(r.step_bytes for r in ours)
    tab = statistics.median(r.tab_switch_bytes or 0 for r in ours)
    lines = [
        f"{count} runs each, alternating, at {COLUMNS}×{LINES}; median (min–max).",
        "",
        "| measure | gpt4o-tui | minimal Textual app | ratio |",
        "|---|---|---|---|",
        row("exec to first complete frame", lambda r: r.first_frame_ms, "ms"),
        row("peak resident memory", lambda r: r.peak_kib / 1024, "MiB"),
        row("slider step to updated total on screen", lambda r: r.step_ms, "ms"),
        row("bytes: full first frame", lambda r: r.first_frame_bytes, "B"),
        row("bytes: one slider step", lambda r: r.step_bytes, "B"),
        row("bytes: one tab switch", lambda r: r.tab_switch_bytes, "B"),
        row("L on Pricing to the calculator in Chinese on screen", lambda r: r.language_switch_ms, "ms"),
        "",
        f"One slider step is {step / full:.1%} of a full first frame's bytes; a tab switch {tab / full:.1%}.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--write", type=Path, metavar="FILE", help="also write the results as Markdown")
    args = parser.parse_args()
    programs = [gpt4o_tui(), minimal()]
    for program in programs:  # warm the disk cache and bytecode once, unmeasured
        measure(program)
    runs: dict[str, list[Run]] = {p.name: [] for p in programs}
    for _ in range(args.runs):
        for program in programs:
            runs[program.name].append(measure(program))
    table = report(runs, args.runs)
    print(table)
    if args.write:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        measured = (
            f"Measured {dt.date.today().isoformat()} at commit {commit} on {platform.machine()}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, with\n"
            f"`{Path(sys.executable).name} benchmarks/bench.py --runs {args.runs}`.\n\n{table}\n"
        )
        write_between_markers(args.write, measured)


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def write_between_markers(path: Path, measured: str) -> None:
    """Replace only the measured block, so the analysis around it survives a re-run."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"{START}\n{END}\n"
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    path.write_text(f"{before}{START}\n{measured}{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
