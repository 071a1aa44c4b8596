"""The real program in real terminals: in tmux, over a real SSH session, and in a
real browser through `gpt4o-tui serve`. Each reads the screen a person would see.

`.ci/run` installs tmux, OpenSSH and Chromium from Debian's packages; where one is
missing the test that needs it is skipped, saying which."""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.terminals import APP, SLIDES, WAIT, Tmux, free_port, needs_tmux, own_folders, wait_for

SSHD = Path("/usr/sbin/sshd")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The installed program, for real: seconds a test.
pytestmark = pytest.mark.slow


def walk(tmux: Tmux) -> None:
    """The walk a person takes: every pane by its number, then the deck, then q."""
    read = tmux.screen
    wait_for(read, lambda s: "128,000" in s and "tokens of context" in s, "the Specs pane")
    tmux.keys("2")
    wait_for(read, lambda s: "MMLU" in s and "82.0" in s, "the Benchmarks pane with MMLU 82.0")
    tmux.keys("3")
    wait_for(read, lambda s: "Pre-training" in s, "the Safety pane")
    tmux.keys("4")
    wait_for(read, lambda s: "$58.50" in s and "GPT-3.5 Turbo" in s, "the Pricing pane's $58.50")
    tmux.keys("Right")
    wait_for(read, lambda s: "$63.00" in s, "the total after one step of the input slider (600 tokens)")
    tmux.keys("F5")
    wait_for(read, lambda s: "per million input tokens" in s and f"1 / {SLIDES}" in s, "the deck's first slide")
    tmux.keys("Space")
    wait_for(read, lambda s: f"2 / {SLIDES}" in s, "the second slide")
    tmux.keys("Escape")
    wait_for(read, lambda s: "$63.00" in s, "the calculator again, as it was left")
    tmux.keys("q")


@needs_tmux
def test_in_tmux_at_80x24(tmux: Tmux) -> None:
    tmux.start(shlex.join([str(APP)]))
    walk(tmux)
    wait_for(lambda: "" if tmux.alive() else "gone", lambda s: s == "gone", "the app quit on q")


@needs_tmux
def test_in_tmux_in_chinese_then_english(tmux: Tmux) -> None:
    """A Chinese locale starts the app in Chinese; double-width text keeps to 80
    columns in a real terminal; L switches with the calculator kept."""
    tmux.start(shlex.join(["env", "LANG=zh_CN.UTF-8", str(APP)]))
    read = tmux.screen
    wait_for(read, lambda s: "1 规格" in s and "令牌上下文窗口" in s, "the Specs pane in Chinese")
    tmux.keys("4")
    wait_for(read, lambda s: "58.50" in s and "每月（美元）" in s and "^s 截图" in s, "the Pricing pane in Chinese")
    tmux.keys("Right")
    screen = wait_for(read, lambda s: "63.00" in s, "the total after one step of the input slider")
    assert all(cell_len(line) <= 80 for line in screen.splitlines())
    tmux.keys("L")
    wait_for(read, lambda s: "$63.00" in s and "4 Pricing" in s and "L 中文" in s, "the same calculator in English")
    tmux.keys("q")
    wait_for(lambda: "" if tmux.alive() else "gone", lambda s: s == "gone", "the app quit on q")


@needs_tmux
def test_in_tmux_too_small_then_enlarged(tmux: Tmux) -> None:
    tmux.start(shlex.join([str(APP)]), width=60, height=20)
    wait_for(tmux.screen, lambda s: "at least 80×24" in s and "60×20" in s, "the too-small message")
    tmux.run("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
    wait_for(tmux.screen, lambda s: "128,000" in s, "the Specs pane once the terminal is big enough")


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """Debian's sshd on a loopback port, with throwaway keys; yields (port, client key)."""
    if not SSHD.exists() or shutil.which("ssh") is None or shutil.which("ssh-keygen") is None:
        pytest.skip("OpenSSH is not installed (.ci/run installs openssh-server and openssh-client)")
    if os.geteuid() != 0:
        pytest.skip("sshd needs root to start here (CI runs as root)")
    for name in ("host", "client"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / name)], check=True)
    (tmp_path / "authorized_keys").write_text((tmp_path / "client.pub").read_text())
    Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege-separation directory
    port = free_port()
    config = tmp_path / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"ListenAddress 127.0.0.1:{port}",
                f"HostKey {tmp_path / 'host'}",
                f"AuthorizedKeysFile {tmp_path / 'authorized_keys'}",
                f"PidFile {tmp_path / 'sshd.pid'}",
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "AcceptEnv LANG LC_*",
            ]
        )
        + "\n"
    )
    server = subprocess.Popen(
        [str(SSHD), "-D", "-e", "-f", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(f"sshd exited: {server.stdout.read() if server.stdout else ''}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port, tmp_path / "client"
    finally:
        server.terminate()
        server.wait(timeout=10)


@needs_tmux
def test_over_ssh(tmux: Tmux, sshd: tuple[int, Path]) -> None:
    """ssh -tt into loopback, run gpt4o-tui inside tmux there, and read what comes back
    over the connection in the local terminal."""
    port, key = sshd
    # The test's own settings and cache folders, there too.
    folders = " ".join(f"{name}={shlex.quote(value)}" for name, value in own_folders().items())
    remote = (
        f"cd /tmp && LANG=C.UTF-8 TERM=xterm-256color {folders} tmux -u -L gpt4o-remote-{os.getpid()} "
        f"new-session -s remote {shlex.quote(str(APP))} \\; set-option status off"
    )
    ssh = [
        "ssh",
        "-tt",
        "-p",
        str(port),
        "-i",
        str(key),
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "BatchMode=yes",
        f"{os.environ.get('USER', 'root')}@127.0.0.1",
        remote,
    ]
    tmux.start(shlex.join(ssh))
    try:
        walk(tmux)
        wait_for(tmux.screen, lambda s: "128,000" not in s and "$63.00" not in s, "the app gone after q")
    finally:
        subprocess.run(["tmux", "-L", f"gpt4o-remote-{os.getpid()}", "kill-server"], capture_output=True)


# -- the browser ------------------------------------------------------------

READ_SCREEN = """function () {
    const page = this.find(o => o && o.terminal && o.fitAddon && o.terminal.buffer);
    if (!page) return "";
    const buffer = page.terminal.buffer.active, rows = [];
    for (let row = 0; row < page.terminal.rows; row++) {
        const line = buffer.getLine(buffer.viewportY + row);
        rows.push(line ? line.translateToString(true) : "");
    }
    return rows.join("\\n");
}"""


class DevTools:
    """Just enough of the Chrome DevTools Protocol, over aiohttp's websocket client."""

    def __init__(self, socket_) -> None:
        self.socket = socket_
        self.calls = 0
        self.requested: list[str] = []

    async def call(self, method: str, **params: object) -> dict:
        self.calls += 1
        await self.socket.send_json({"id": self.calls, "method": method, "params": params})
        while True:
            message = await self.socket.receive_json(timeout=WAIT)
            if message.get("method") == "Network.requestWillBeSent":
                self.requested.append(message["params"]["request"]["url"])
            if message.get("id") == self.calls:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    async def screen(self) -> str:
        """The rows of the page's terminal, read from xterm.js's own buffer."""
        root = await self.call("Runtime.evaluate", expression="Object.prototype")
        found = await self.call("Runtime.queryObjects", prototypeObjectId=root["result"]["objectId"])
        text = await self.call(
            "Runtime.callFunctionOn",
            objectId=found["objects"]["objectId"],
            functionDeclaration=READ_SCREEN,
            returnByValue=True,
        )
        await self.call("Runtime.releaseObjectGroup", objectGroup="")
        return text["result"].get("value", "")

    async def press(self, key: str, code: str, key_code: int) -> None:
        await self.call("Runtime.evaluate", expression="document.querySelector('.xterm-helper-textarea').focus()")
        await self.call(
            "Input.dispatchKeyEvent", type="keyDown", key=key, code=code, text=key, windowsVirtualKeyCode=key_code
        )
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=key_code)

    async def wait_for(self, wanted: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + WAIT
        screen = ""
        while time.monotonic() < deadline:
            screen = await self.screen()
            if wanted(screen):
                return screen
            await asyncio.sleep(0.2)
        pytest.fail(f"never saw {what} in the browser; its terminal showed:\n{screen}")


@pytest.fixture
def served() -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen(
        [str(APP), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd="/tmp",
    )
    try:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"gpt4o-tui serve did not start: {server.stderr.read() if server.stderr else ''}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_in_a_browser(served: str, tmp_path: Path) -> None:
    import aiohttp

    profile = tmp_path / "profile"
    browser = subprocess.Popen(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "--window-size=1400,900",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    async def session() -> None:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + WAIT
        while not port_file.exists() or not port_file.read_text().strip():
            assert time.monotonic() < deadline and browser.poll() is None, "Chromium did not start"
            await asyncio.sleep(0.1)
        port = port_file.read_text().split()[0]
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as response:
                pages = [t for t in json.loads(await response.text()) if t["type"] == "page"]
            async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as socket_:
                tools = DevTools(socket_)
                await tools.call("Network.enable")
                await tools.call("Page.enable")
                await tools.call("Page.navigate", url=served)
                await tools.wait_for(lambda s: "128,000" in s and "Specs" in s, "the Specs pane")
                await tools.press("4", "Digit4", 52)
                screen = await tools.wait_for(lambda s: "$58.50" in s, "the Pricing pane after pressing 4")
                assert "GPT-3.5 Turbo" in screen and "Per month" in screen
                page = [u for u in tools.requested if not u.startswith("data:")]
                assert page and all(u.startswith(served) for u in page), f"loaded from elsewhere: {page}"

    try:
        asyncio.run(session())
    finally:
        browser.terminate()
        browser.wait(timeout=10)
