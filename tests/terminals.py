"""Running the real program in a real terminal: a private tmux server, and the
helpers the end-to-end and hostile-terminal tests share."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
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
        env = {**TERMINAL_ENV, "XDG_CONFIG_HOME": os.environ["XDG_CONFIG_HOME"]}
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
