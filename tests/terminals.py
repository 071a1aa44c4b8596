"""Running the real program in a real terminal: a private tmux server, and the
helpers the end-to-end and hostile-terminal tests share."""

from __future__ import annotations

import fcntl
import os
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pytest

APP = Path(sys.executable).with_name("gpt4o-tui")
WAIT = 60.0  # seconds: generous, since this only bounds a hang; a pass is usually under 2 s

# The environment of a person's shell: a COLUMNS or LINES left by the test runner
# would pin the app's idea of its size. The locale is English unless a test asks:
# the app's language follows it.
TERMINAL_ENV = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "LC_ALL", "LC_MESSAGES")}
TERMINAL_ENV["LANG"] = "C.UTF-8"


def own_folders() -> dict[str, str]:
    """The test's own settings and cache folders (conftest sets them), for a program
    started with an environment of its own: it never writes the person's ~/.config
    or ~/.cache."""
    return {name: os.environ[name] for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME")}


needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(read: Callable[[], str], wanted: Callable[[str], bool], what: str) -> str:
    """Read the screen until it shows what is wanted; fail with the last screen if it never does."""
    deadline = time.monotonic() + WAIT
    screen = ""
    while time.monotonic() < deadline:
        screen = read()
        if wanted(screen):
            return screen
        time.sleep(0.1)
    pytest.fail(f"never saw {what}; the screen was:\n{screen}")


class Tmux:
    """A private tmux server, so the tests never touch a person's own sessions."""

    def __init__(self, name: str, config: Path) -> None:
        self.socket = name
        self.config = config

    def run(self, *args: str) -> str:
        command = ["tmux", "-u", "-L", self.socket, "-f", str(self.config), *args]
        # The settings folder is the test's own (conftest's own_settings), read as the server starts.
        env = {**TERMINAL_ENV, **own_folders()}
        return subprocess.run(command, capture_output=True, text=True, timeout=30, env=env).stdout

    def start(self, command: str, width: int = 80, height: int = 24) -> None:
        # The size is set before the pane exists: a pane made at tmux's default size and
        # resized at once could be read by the app before the resize.
        self.config.write_text(f"set -g default-size {width}x{height}\n")
        self.run("new-session", "-d", "-s", "e2e", "-x", str(width), "-y", str(height), command)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "e2e", *keys)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "e2e")

    def alive(self) -> bool:
        return "e2e" in self.run("list-sessions", "-F", "#{session_name}")

    def stop(self) -> None:
        self.run("kill-server")


class Pty:
    """The installed program on a pseudo-terminal of its own, fed raw bytes: what
    a terminal sends, several keys to a write when asked, with nothing in between
    to tidy it up (tmux would parse it first)."""

    ESCAPES = re.compile(
        r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
    )

    def __init__(
        self,
        *args: str,
        width: int = 100,
        height: int = 30,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        """`env`: the program's environment in place of a person's shell's (TERMINAL_ENV)."""
        main, side = os.openpty()
        self.resize(width, height, side)
        self.fd = main
        self.output = bytearray()
        self.process = subprocess.Popen(
            [str(APP), *args],
            stdin=side,
            stdout=side,
            stderr=side,
            # The settings folder is the test's own (conftest's own_settings), never ~/.config.
            env={
                **(TERMINAL_ENV if env is None else env),
                "TERM": "xterm-256color",
                **own_folders(),
            },
            cwd=cwd,
            start_new_session=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(side)

    def resize(self, width: int, height: int, fd: int | None = None) -> None:
        fcntl.ioctl(self.fd if fd is None else fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        if fd is None:
            self.process.send_signal(signal.SIGWINCH)

    def write(self, data: bytes) -> None:
        os.write(self.fd, data)

    def read(self, seconds: float) -> None:
        """Take what the program draws for this long (it would block if never read)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if select.select([self.fd], [], [], min(left, 0.05))[0]:
                try:
                    self.output.extend(os.read(self.fd, 1 << 16))
                except OSError:  # the program has gone and the terminal with it
                    return

    def text(self) -> str:
        """What it drew, without the escapes between the words."""
        return self.ESCAPES.sub("", self.output.decode("utf-8", "replace"))

    def wait_for(self, words: str) -> None:
        deadline = time.monotonic() + WAIT
        while words not in self.text():
            if time.monotonic() > deadline or self.process.poll() is not None:
                pytest.fail(f"never saw {words!r}; the program drew:\n{self.text()[-2000:]}")
            self.read(0.1)

    def finish(self, seconds: float = 10.0) -> int | None:
        """The exit status once the program ends, reading as it goes; None if it does not."""
        deadline = time.monotonic() + seconds
        while self.process.poll() is None and time.monotonic() < deadline:
            self.read(0.1)
        self.read(0.2)
        return self.process.poll()

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.fd)


def _slide_count() -> int:
    from gpt4o_tui.core.catalog import load
    from gpt4o_tui.text.deck import slides

    return len(slides(load()))


SLIDES = _slide_count()  # the deck's length, as its counter shows it ("1 / 8")
