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
# One cache folder for the whole bench: the unmeasured warm-up validates the data and
# caches the catalog, as a person's first start does; every measured run starts from it.
CACHE = tempfile.mkdtemp(prefix="gpt4o-tui-bench-cache-")


class Session:
    """One program in a pty; its output rendered into a pyte screen, its bytes counted."""

    def __init__(
        self, argv: list[str], columns: int = COLUMNS, lines: int = LINES, env: dict[str, str] | None = None
    ) -> None:
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.bytes = 0
        self.last_output = 0.0
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        # Nothing of the shell's that changes what is drawn: no TEXTUAL_*, no NO_COLOR,
        # and no SSH session unless asked for (`env`). Python keeps its bytecode, as
        # on a person's machine: the unmeasured warm-up writes what is missing.
        skipped = ("NO_COLOR", "SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "PYTHONDONTWRITEBYTECODE")
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL") and k not in skipped},
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "LANG": "C.UTF-8",
            # Every run starts as a first run: no pane remembered from the last one.
            "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="gpt4o-tui-bench-"),
            "XDG_CACHE_HOME": CACHE,
            **(env or {}),
        }
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

    def wait_for_output(self) -> None:
        """Read until the program writes something (the answer to a key has begun)."""
        before, deadline = self.bytes, time.perf_counter() + TIMEOUT
        while self.bytes == before and time.perf_counter() < deadline:
            self._read(deadline - time.perf_counter())

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
    # Each pane's key and what shows it there, in the order visited; the step is
    # taken on the last.
    visits: list[tuple[str, bytes, Callable[[str], bool]]] = field(default_factory=list)
    language_switch: tuple[bytes, Callable[[str], bool]] | None = None


def gpt4o_tui() -> Program:
    script = Path(sys.executable).with_name("gpt4o-tui")
    return Program(
        name="gpt4o-tui",
        # --no-config: the bench neither reads nor changes the settings of the person running it.
        argv=[str(script), "--no-config"],
        first_frame=lambda s: (
            all(t in s.splitlines()[0] for t in ("Specs", "Benchmarks", "Safety", "Pricing"))
            and "Quit" in s.splitlines()[-1]
        ),
        visits=[
            ("Benchmarks", b"2", lambda s: "MMLU: Knowledge" in s),
            ("Safety", b"3", lambda s: "Pipeline" in s and "Pre-training" in s and "Monitoring" in s),
            ("Pricing", b"4", lambda s: "$58.50" in s),
        ],
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
    visit_ms: dict[str, float] = field(default_factory=dict)


def measure(program: Program) -> Run:
    session = Session(program.argv)
    first = session.until(program.first_frame) - session.started
    session.settle()
    first_bytes = session.bytes
    tab_bytes = None
    visits = {}
    for pane, key, shown in program.visits:
        before = session.bytes
        pressed = session.press(key)
        visits[pane] = (session.until(shown) - pressed) * 1000
        session.settle()
        tab_bytes = session.bytes - before if tab_bytes is None else tab_bytes
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
    return Run(first * 1000, peak, step * 1000, first_bytes, step_bytes, tab_bytes, switch_ms, visits)


# -- a slow link: the bytes each key writes at 80×24 --------------------------

SLOW_SIZE = (80, 24)
SLOW_LIMIT = 25_000  # bytes a key may write
HOME, END, PAGE_DOWN, PAGE_UP = b"\x1b[H", b"\x1b[F", b"\x1b[6~", b"\x1b[5~"
DOWN, SHIFT_RIGHT, F5, ESCAPE = b"\x1b[B", b"\x1b[1;2C", b"\x1b[15~", b"\x1b"
# Every key that scrolls or moves something, on every pane and in the deck; the
# first visit to each pane; the language both ways.
WALK: list[tuple[str, bytes]] = [
    ("Specs end", END),
    ("Specs home", HOME),
    ("Specs pgdn", PAGE_DOWN),
    ("Specs pgdn", PAGE_DOWN),
    ("Specs pgup", PAGE_UP),
    ("2: Benchmarks, first visit", b"2"),
    ("Benchmarks ↓", DOWN),
    *[("Benchmarks v (next view)", b"v")] * 4,
    ("3: Safety, first visit", b"3"),
    ("Safety ↓", DOWN),
    ("Safety end", END),
    ("Safety home", HOME),
    ("Safety pgdn", PAGE_DOWN),
    ("4: Pricing, first visit", b"4"),
    ("Pricing → (slider step)", RIGHT),
    ("Pricing shift+→", SHIFT_RIGHT),
    ("Pricing end (slider)", END),
    ("Pricing home (slider)", HOME),
    *[("Pricing pgdn", PAGE_DOWN)] * 3,
    ("Pricing end", END),
    ("Pricing home", HOME),
    ("Pricing pgup", PAGE_UP),
    ("1: Specs again", b"1"),
    ("L: 中文", b"L"),
    ("L: English", b"L"),
    ("f5: the deck", F5),
    *[("deck space (next slide)", b" ")] * 7,
    ("deck home", HOME),
    ("deck end", END),
    ("deck esc", ESCAPE),
]


def slow_link(flags: list[str], env: dict[str, str]) -> list[tuple[str, int]]:
    """Each key of WALK with what it wrote, until the app was quiet again."""
    script = Path(sys.executable).with_name("gpt4o-tui")
    session = Session([str(script), "--no-config", *flags], *SLOW_SIZE, env=env)
    session.until(lambda s: "^p" in s.splitlines()[-1])
    session.settle()
    written = [("first frame", session.bytes)]
    for label, key in WALK:
        before = session.bytes
        session.press(key)
        session.wait_for_output()
        session.settle()
        written.append((label, session.bytes - before))
    session.quit()
    return written


SSH = {"SSH_CONNECTION": "192.0.2.1 50000 192.0.2.2 22"}
SLOW_MODES = {
    "over SSH (the default there)": ([], SSH),
    "over SSH, --animation": (["--animation"], SSH),
}


def spread(values: list[float], places: int) -> str:
    return f"{statistics.median(values):,.{places}f} ({min(values):,.{places}f}–{max(values):,.{places}f})"


def report(runs: dict[str, list[Run]], count: int, slow: dict[str, list[tuple[str, int]]]) -> str:
    ours, base = runs["gpt4o-tui"], runs["minimal Textual app"]

    def row(
        label: str, pick: Callable[[Run], float | None], unit: str, against: Callable[[Run], float] | None = None
    ) -> str:
        places = 0 if unit == "B" else 1
        mine = [v for r in ours if (v := pick(r)) is not None]
        theirs = [v for r in base if (v := (against or pick)(r)) is not None]
        ratio = f"{statistics.median(mine) / statistics.median(theirs):.2f}×" if theirs else "—"
        shown = spread(theirs, places) if theirs else "— (none)"
        return f"| {label} ({unit}) | {spread(mine, places)} | {shown} | {ratio} |"

    def median(runs_: list[Run], pick: Callable[[Run], float]) -> float:
        return statistics.median(pick(r) for r in runs_)

    full = median(ours, lambda r: r.first_frame_bytes)
    step = median(ours, lambda r: r.step_bytes)
    tab = median(ours, lambda r: r.tab_switch_bytes or 0)
    panes = list(ours[0].visit_ms)
    lines = [
        f"{count} runs each, alternating, at {COLUMNS}×{LINES}; median (min–max).",
        "",
        "| measure | gpt4o-tui | minimal Textual app | ratio |",
        "|---|---|---|---|",
        row("exec to first complete frame", lambda r: r.first_frame_ms, "ms"),
        row("peak resident memory, every pane visited", lambda r: r.peak_kib / 1024, "MiB"),
        row("slider step to updated total on screen", lambda r: r.step_ms, "ms"),
        *(
            row(
                f"first visit to {pane}, key to pane on screen (against its start-up)",
                lambda r, p=pane: r.visit_ms[p],
                "ms",
                lambda r: r.first_frame_ms,
            )
            for pane in panes
        ),
        row("bytes: full first frame", lambda r: r.first_frame_bytes, "B"),
        row("bytes: one slider step", lambda r: r.step_bytes, "B"),
        row("bytes: first visit to Benchmarks", lambda r: r.tab_switch_bytes, "B"),
        row("L on Pricing to the calculator in Chinese on screen", lambda r: r.language_switch_ms, "ms"),
        "",
        f"One slider step is {step / full:.1%} of a full first frame's bytes; the first visit to Benchmarks {tab / full:.1%}.",
        "",
        f"Bytes written per key at {SLOW_SIZE[0]}×{SLOW_SIZE[1]} ({len(WALK)} keys: every scroll and move on each pane "
        "and in the deck, each pane's first visit, L both ways), once each (bytes do not vary with time):",
        "",
        "| mode | largest key | its bytes | all keys |",
        "|---|---|---|---|",
    ]
    for mode, written in slow.items():
        label, most = max(written[1:], key=lambda w: w[1])
        lines.append(f"| {mode} | {label} | {most:,} | {sum(b for _, b in written[1:]):,} |")
    visits = [max(r.visit_ms.values()) for r in ours]
    worst_pane = max(panes, key=lambda p: statistics.median(r.visit_ms[p] for r in ours))
    base_first = median(base, lambda r: r.first_frame_ms)
    over_ssh = max(b for _, b in slow[next(iter(slow))][1:])
    targets = [
        ("first frame ≤ 1.2× the minimal app", median(ours, lambda r: r.first_frame_ms) / base_first, 1.2, "×"),
        (
            "peak memory ≤ 1.25×, every pane visited",
            median(ours, lambda r: r.peak_kib) / median(base, lambda r: r.peak_kib),
            1.25,
            "×",
        ),
        (
            "slider step ≤ 1.5× the minimal app's keypress",
            median(ours, lambda r: r.step_ms) / median(base, lambda r: r.step_ms),
            1.5,
            "×",
        ),
        (
            f"first visit to any pane ≤ 0.4× the minimal app's start-up (worst: {worst_pane})",
            statistics.median(visits) / base_first,
            0.4,
            "×",
        ),
        ("language switch ≤ 150 ms to the new screen", median(ours, lambda r: r.language_switch_ms or 0), 150, " ms"),
        ("no key writes more than 25 KB at 80×24 over SSH", over_ssh, SLOW_LIMIT, " B"),
    ]
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for what, value, limit, unit in targets:
        shown = f"{value:,.0f}{unit}" if unit != "×" else f"{value:.2f}×"
        lines.append(f"| {what} | {shown} | {'yes' if value <= limit else 'no'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--write", type=Path, metavar="FILE", help="also write the results as Markdown")
    parser.add_argument("--keys", action="store_true", help="also print the bytes of every key of the slow-link walk")
    args = parser.parse_args()
    programs = [gpt4o_tui(), minimal()]
    for program in programs:  # warm the disk cache and bytecode once, unmeasured
        measure(program)
    runs: dict[str, list[Run]] = {p.name: [] for p in programs}
    for _ in range(args.runs):
        for program in programs:
            runs[program.name].append(measure(program))
    slow = {mode: slow_link(flags, env) for mode, (flags, env) in SLOW_MODES.items()}
    table = report(runs, args.runs, slow)
    print(table)
    if args.keys:
        for mode, written in slow.items():
            print(f"\n{mode}:")
            for label, count in written:
                print(f"  {label:32} {count:>9,}")
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
