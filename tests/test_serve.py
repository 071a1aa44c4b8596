"""`gpt4o-tui serve` and its sessions, driven as a browser and a server's death drive
them: each session ends when its browser, its server or its input goes, bad messages
are refused without ending it, and `--max-sessions` turns the next browser away.

Each test runs the installed program; every wait is bounded by WAIT and a pass
takes a few seconds."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from gpt4o_tui import session
from tests.terminals import APP, WAIT, free_port

pytestmark = pytest.mark.slow

CSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def alive(pid: int) -> bool:
    """Whether a process is running (a zombie waiting for its parent is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def rss_mb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) // 1024


def eventually(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"still waiting, after {WAIT:.0f} s, for {what}")
        time.sleep(0.1)


class Served:
    def __init__(self, process: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.process = process
        self.port = port
        self.url = f"http://127.0.0.1:{port}/"
        self.log = log

    def sessions(self) -> list[int]:
        return children(self.process.pid)


# CPython's note that a signal's wake-up byte found asyncio's pipe full (the loop was
# already awake, so nothing is lost): seen on a loaded machine, it is not a crash.
_FULL_WAKEUP = re.compile(
    r"Exception ignored when trying to write to the signal wakeup fd:\n"
    r"Traceback \(most recent call last\):\n(?:  .*\n)*BlockingIOError: .*\n?"
)


def without_full_wakeup_notes(log: str) -> str:
    return _FULL_WAKEUP.sub("", log)


def start(*args: str, lang: str = "en") -> Served:
    port = free_port()
    log = Path(tempfile.mkdtemp()) / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(APP), "--lang", lang, "serve", "--port", str(port), *args],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd="/tmp",
        )
    deadline = time.monotonic() + WAIT
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return Served(process, port, log)
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("gpt4o-tui serve did not start")
            time.sleep(0.1)


def stop(served: Served) -> None:
    """End the server and whatever it left running, so no test leaks a process."""
    left = served.sessions()
    if served.process.poll() is None:
        served.process.kill()
    served.process.wait(timeout=WAIT)
    for pid in left:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def served() -> Iterator[Served]:
    one = start()
    yield one
    stop(one)


def ws_url(served: Served, width: int = 100, height: int = 30) -> str:
    return f"http://127.0.0.1:{served.port}/ws?width={width}&height={height}"


async def first_frame(ws: aiohttp.ClientWebSocketResponse) -> None:
    """Wait until the app has drawn its first screen."""
    while True:
        message = await ws.receive(timeout=WAIT)
        if message.type == aiohttp.WSMsgType.BINARY and b"128,000" in message.data:
            return
        assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message


def run(coroutine) -> object:  # type: ignore[no-untyped-def]
    return asyncio.run(asyncio.wait_for(coroutine, WAIT * 2))


# -- a session ends when its browser goes ------------------------------------


def test_leaving_before_the_first_frame(served: Served) -> None:
    """Chromium's headless visit: the page opens the websocket, resizes as it settles,
    and leaves before the app has drawn. Textual's driver let the stale starting size
    overtake the resize; the app stopped between the two sizes and spun for ever."""

    async def visit() -> None:
        async with aiohttp.ClientSession() as client, client.ws_connect(ws_url(served, 142, 38)) as ws:
            await ws.send_json(["resize", {"width": 142, "height": 42}])

    for _ in range(3):
        run(visit())
    eventually(lambda: not served.sessions(), "the sessions to end after their browsers left")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_a_headless_chromium_visit(served: Served, tmp_path: Path) -> None:
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--window-size=1280,900",
            "--virtual-time-budget=8000",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={tmp_path / 'shot.png'}",
            served.url,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=WAIT,
        check=True,
    )
    eventually(lambda: not served.sessions(), "the session to end after Chromium left")
    assert "ERROR" not in served.log.read_text(errors="replace")  # ended by the server, it did not fail


def test_leaving_in_the_middle_of_a_megabyte_of_input(served: Served) -> None:
    """The session was still typing the megabyte minutes later, 1.4 GB large; now the
    app reads input only as fast as it handles it, and leaving drops the rest."""

    async def visit() -> None:
        async with aiohttp.ClientSession() as client, client.ws_connect(ws_url(served)) as ws:
            await first_frame(ws)
            for _ in range(10):
                await ws.send_json(["stdin", "x" * 100_000])
            await asyncio.sleep(3)

    run(visit())
    eventually(lambda: not served.sessions(), "the session to end after its browser left mid-input")


# -- a session ends when its server goes -------------------------------------


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGHUP, signal.SIGTERM], ids=["KILL", "HUP", "TERM"])
def test_the_server_going(how: signal.Signals) -> None:
    """A dropped SSH link sends SIGHUP; SIGKILL gives the server no say at all. Either
    way the sessions see end of file on stdin and end, rather than run on under PID 1."""
    served = start()
    sessions: list[int] = []
    try:
        ready = threading.Event()
        leave = threading.Event()

        async def visit() -> None:
            async with aiohttp.ClientSession() as client:
                sockets = [await client.ws_connect(ws_url(served)) for _ in range(2)]
                for ws in sockets:
                    await first_frame(ws)
                await sockets[1].send_json(["stdin", "x" * 1_000_000])  # one busy, one idle
                ready.set()
                while not leave.is_set():
                    await asyncio.sleep(0.1)

        browser = threading.Thread(target=run, args=(visit(),))
        browser.start()
        assert ready.wait(WAIT * 2), "the sessions never drew"
        sessions += served.sessions()
        assert len(sessions) == 2
        served.process.send_signal(how)
        eventually(
            lambda: not any(alive(pid) for pid in sessions), f"the sessions to end after the server's {how.name}"
        )
        leave.set()
        browser.join(WAIT)
        served.process.wait(WAIT)
        assert "Traceback" not in without_full_wakeup_notes(served.log.read_text(errors="replace"))
    finally:
        stop(served)
        for pid in sessions:  # no longer the server's children once it has gone
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


# -- a session's driver, on its own --------------------------------------------


def packet(kind: bytes, payload: bytes) -> bytes:
    return kind + len(payload).to_bytes(4, "big") + payload


def meta(**fields: object) -> bytes:
    return packet(b"M", json.dumps(fields).encode())


@pytest.fixture
def app() -> Iterator[subprocess.Popen[bytes]]:
    """The app as serve starts it, with its output read and dropped."""
    environment = dict(os.environ, TEXTUAL_DRIVER=session.DRIVER, COLUMNS="100", ROWS="30")
    process = subprocess.Popen(
        [sys.executable, "-m", "gpt4o_tui"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment,
    )
    assert process.stdout is not None
    output = process.stdout
    threading.Thread(target=lambda: all(iter(lambda: output.read1(65536), b"")), daemon=True).start()
    yield process
    process.kill()
    process.wait()


def test_a_quit_before_the_first_frame(app: subprocess.Popen[bytes]) -> None:
    """A resize and a quit as the app starts, as Chromium's headless visit sends them.
    Textual's driver let its stale starting size overtake the resize, and the app,
    stopping between the two sizes, spun for ever at full CPU."""
    assert app.stdin is not None
    app.stdin.write(meta(type="resize", width=142, height=42) + meta(type="quit"))
    app.stdin.flush()
    app.wait(timeout=WAIT)


@pytest.mark.parametrize("typed", [0, 1_000_000], ids=["idle", "a megabyte behind"])
def test_end_of_stdin_ends_the_app(app: subprocess.Popen[bytes], typed: int) -> None:
    """Textual's driver let the app run on with no input; and a megabyte of typing
    still to handle kept it going for minutes after."""
    assert app.stdin is not None
    app.stdin.write(meta(type="resize", width=120, height=40) + packet(b"D", b"x" * typed))
    app.stdin.close()
    app.wait(timeout=WAIT)


def test_input_is_read_as_the_app_handles_it(app: subprocess.Popen[bytes]) -> None:
    """Textual's driver queued an event per character at once: 10 MB more each second."""
    assert app.stdin is not None
    app.stdin.write(packet(b"D", b"x" * 1_000_000))
    app.stdin.flush()
    time.sleep(2)
    before = rss_mb(app.pid)
    time.sleep(4)
    assert rss_mb(app.pid) - before < 10
    app.stdin.close()
    app.wait(timeout=WAIT)


# -- what a browser sends --------------------------------------------------------

BAD = [
    "not json",
    "[]",
    "{}",
    '["resize"]',
    '["resize", {"width": "wide", "height": 30}]',
    '["resize", {"width": 100}]',
    '["resize", {"width": 0, "height": 30}]',
    '["resize", {"width": 5000, "height": 2000}]',
    '["resize", {"width": true, "height": 30}]',
    '["resize", [100, 30]]',
    '["stdin"]',
    '["stdin", 5]',
    '["stdin", "\\ud800"]',
    '["stdin", ""]',
    '["stdin", ""]',
    '["ping"]',
    '["who knows", 1]',
]


def test_bad_messages_are_refused_and_the_session_goes_on(served: Served) -> None:
    async def visit() -> bytes:
        async with aiohttp.ClientSession() as client, client.ws_connect(ws_url(served)) as ws:
            await first_frame(ws)
            for text in BAD:
                await ws.send_str(text)
            await ws.send_json(["ping", "after"])
            await ws.send_json(["stdin", "2"])  # the Benchmarks pane
            seen = b""
            while b"HumanEval" not in CSI.sub(b"", seen):
                message = await ws.receive(timeout=WAIT)
                assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
                if message.type == aiohttp.WSMsgType.TEXT:
                    assert json.loads(message.data) == ["pong", "after"]
                else:
                    seen += message.data
            return seen

    run(visit())


def test_sizes_a_session_accepts() -> None:
    assert session.size_of({"width": 100, "height": 30}) == (100, 30)
    for bad in (
        {"width": 0, "height": 1},
        {"width": 1001, "height": 30},
        {"width": 100, "height": 501},
        {"width": 1.5, "height": 30},
        {"width": True, "height": 30},
        {},
    ):
        assert session.size_of(bad) is None


# -- how many sessions ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_full_server_says_so(lang: str) -> None:
    served = start("--max-sessions", "1", lang=lang)
    try:

        async def visit() -> tuple[int, str, int | None]:
            async with aiohttp.ClientSession() as client, client.ws_connect(ws_url(served)) as ws:
                await first_frame(ws)
                async with client.get(served.url) as page:
                    status, text = page.status, await page.text()
                async with client.ws_connect(ws_url(served)) as second:
                    await second.receive(timeout=WAIT)
                    return status, text, second.close_code

        status, text, code = run(visit())  # type: ignore[misc]
        assert status == 503
        assert ("All 1 sessions" in text) if lang == "en" else ("1 个会话都在使用中" in text)
        assert code == aiohttp.WSCloseCode.TRY_AGAIN_LATER
        assert len(served.sessions()) <= 1
    finally:
        stop(served)
