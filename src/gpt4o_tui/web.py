"""`gpt4o-tui serve`: the app in a web browser, through textual-serve.

Each browser tab gets its own copy of the app, run as `python -m gpt4o_tui` with
gpt4o_tui.session's driver; at most `max_sessions` run at once, and a browser that
comes when all are taken gets a page saying so. The page and everything it needs
(script, styles, font) come from this server: textual-serve's page asks Google
Fonts for its font, which it also ships, so the page is served with that link
replaced by the shipped file.

A session ends when its browser goes, whatever its app is doing: input not yet
delivered is dropped and the app gets SIGTERM, as a terminal's program gets a
hang-up. It ends when its server goes too, even by SIGKILL: its stdin reaches end
of file, and the session's driver ends the app. What a browser sends is checked
before it reaches an app; a message that is not one the page sends is logged and
skipped, and the session goes on."""

from __future__ import annotations

import asyncio
import contextlib
import html
import ipaddress
import json
import logging
import shlex
import signal
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager
from textual_serve.server import Server, to_int

from gpt4o_tui import session
from gpt4o_tui.text.i18n import ENGLISH, Language

MAX_SESSIONS = 8  # each costs about 50 MB (docs/reliability.md)
INPUT_BACKLOG = 1 << 20  # bytes of a browser's input waiting for its app; more is refused
log = logging.getLogger("gpt4o-tui serve")

GOOGLE_FONTS = """    <link
      rel="stylesheet"
      href="https://fonts.googleapis.com/css?family=Roboto%20Mono"
    />"""
LOCAL_FONT = """    <style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
      }
    </style>"""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Session(AppService):
    """One browser tab's app, started without a shell between, so a signal reaches it."""

    def __init__(self, command: str, websocket: web.WebSocketResponse, downloads: DownloadManager) -> None:
        super().__init__(
            command,
            write_bytes=self.to_browser,
            write_str=self.to_browser,
            close=websocket.close,
            download_manager=downloads,
        )
        self.websocket = websocket
        self.ending = False

    async def to_browser(self, data: bytes | str) -> None:
        """Pass the app's output on while the browser is there; after, it is read and
        dropped, so the app is never stuck writing to a pipe no one reads."""
        if self.websocket.closed:
            return
        with contextlib.suppress(ConnectionError):
            if isinstance(data, bytes):
                await self.websocket.send_bytes(data)
            else:
                await self.websocket.send_str(data)

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment["TEXTUAL_DRIVER"] = session.DRIVER
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        pipe = asyncio.subprocess.PIPE
        self._process = await asyncio.create_subprocess_exec(
            *shlex.split(self.command), stdin=pipe, stdout=pipe, stderr=pipe, env=self._build_environment(width, height)
        )
        self._stdin = self._process.stdin
        return self._process

    async def run(self) -> None:
        await super().run()
        await self.websocket.close()  # the app has ended, so the browser sees it end

    def deliver(self, data: str) -> bool:
        """Hand input to the app without waiting for it to be read, so the browser's
        leaving is seen at once; refused if the app is already that far behind."""
        text = data.encode("utf-8", "ignore")  # a lone surrogate is not text
        if not text:
            return True
        packet = self.encode_packet(b"D", text)
        if self.stdin.transport.get_write_buffer_size() + len(packet) > INPUT_BACKLOG:
            return False
        with contextlib.suppress(ConnectionError, RuntimeError):
            self.stdin.write(packet)
        return True

    async def stop(self) -> None:
        """End the app: input not yet delivered is dropped, the app gets SIGTERM, and
        its output is read to its end."""
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        process = self._process
        if process is None:
            return
        self.ending = True
        if self._stdin is not None and not self._stdin.transport.is_closing():
            self._stdin.transport.abort()  # twice, and asyncio's pipe transport fails in a callback
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGTERM)
        if self._task is not None:
            await self._task
        await process.wait()


class EndedBeforeItStarted(logging.Filter):
    """textual-serve logs "Application failed to start" when an app ends before its
    first line; an app the server ended, because its browser left that soon, did not fail."""

    def __init__(self, sessions: set[Session]) -> None:
        super().__init__()
        self.sessions = sessions

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage() != "Application failed to start":
            return True
        task = asyncio.current_task()
        return not any(one.ending and one._task is task for one in self.sessions)


def refused(what: object) -> None:
    log.warning("refused a message from a browser: %.200r", what)


class OfflineServer(Server):
    """textual-serve's server, with a page that loads nothing from the internet, at
    most `max_sessions` sessions, and every message from a browser checked."""

    def __init__(
        self, command: str, *, max_sessions: int = MAX_SESSIONS, lang: Language = ENGLISH, **kwargs: Any
    ) -> None:
        super().__init__(command, **kwargs)
        self.max_sessions = max_sessions
        self.lang = lang
        self.sessions: set[Session] = set()
        logging.getLogger("textual-serve").addFilter(EndedBeforeItStarted(self.sessions))

    def page(self, name: str) -> str:
        text = (Path(self.templates_path) / name).read_text(encoding="utf-8")
        return text.replace(GOOGLE_FONTS, LOCAL_FONT)

    def full_page(self) -> str:
        lang = self.lang
        return FULL_PAGE.format(
            code=lang.code,
            title=html.escape(lang("serve.full_title")),
            text=html.escape(lang("serve.full", count=self.max_sessions)),
        )

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        aiohttp_jinja2.setup(app, loader=jinja2.FunctionLoader(self.page))
        return app

    async def on_startup(self, app: web.Application) -> None:
        await super().on_startup(app)
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.request_exit)

    async def on_shutdown(self, app: web.Application) -> None:
        for each in list(self.sessions):
            await each.websocket.close(code=WSCloseCode.GOING_AWAY)
            await each.stop()

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if len(self.sessions) >= self.max_sessions:
            return web.Response(
                status=503, text=self.full_page(), content_type="text/html", headers={"Retry-After": "60"}
            )
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if len(self.sessions) >= self.max_sessions:
            await websocket.close(
                code=WSCloseCode.TRY_AGAIN_LATER, message=self.lang("serve.full_title").encode("utf-8")[:120]
            )
            return websocket
        size = session.size_of(
            {
                "width": to_int(request.query.get("width", "80"), 80),
                "height": to_int(request.query.get("height", "24"), 24),
            }
        )
        width, height = size if size is not None else (80, 24)
        one = Session(self.command, websocket, self.download_manager)
        self.sessions.add(one)
        try:
            await one.start(width, height)
            await self._process_messages(websocket, one)
        finally:
            await one.stop()
            self.sessions.discard(one)
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """Each message the page sends, checked; anything else is refused and skipped."""
        assert isinstance(app_service, Session)
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                refused(message.data)
                continue
            match envelope:
                case ["stdin", str(data)]:
                    if not app_service.deliver(data):
                        refused(
                            f"{len(data):,} characters of input, with the app already {INPUT_BACKLOG:,} bytes behind"
                        )
                case ["resize", dict(asked)] if (size := session.size_of(asked)) is not None:
                    await app_service.set_terminal_size(size.width, size.height)
                case ["ping", str(data)]:
                    await websocket.send_json(["pong", data])
                case ["blur"]:
                    await app_service.blur()
                case ["focus"]:
                    await app_service.focus()
                case _:
                    refused(envelope)


FULL_PAGE = """<!DOCTYPE html>
<html lang="{code}">
  <head><meta charset="utf-8"><title>{title}</title></head>
  <body style="background: #0c181f; color: #e0e0e0; font-family: monospace; padding: 3em;">
    <h1>{title}</h1>
    <p>{text}</p>
  </body>
</html>
"""


def command(data: Path | None, theme: str, lang: Language = ENGLISH) -> str:
    """The command each browser tab's app runs as, as a shell would write it. Every
    visitor shares the server's account, so none reads or leaves settings there
    (--no-config)."""
    words = [sys.executable, "-m", "gpt4o_tui", "--no-config", "--theme", theme, "--lang", lang.code]
    if data is not None:
        words += ["--data", str(data.resolve())]
    return shlex.join(words)


def serve(
    host: str,
    port: int,
    public_url: str | None,
    data: Path | None,
    theme: str,
    lang: Language = ENGLISH,
    max_sessions: int = MAX_SESSIONS,
) -> int:
    if not is_loopback(host):
        print(lang("cli.serve_warning", host=host, port=port), file=sys.stderr)
    server = OfflineServer(
        command(data, theme, lang),
        max_sessions=max_sessions,
        lang=lang,
        host=host,
        port=port,
        title="gpt4o-tui",
        public_url=public_url,
    )
    try:
        server.serve()
    except OSError as error:
        print(lang("cli.serve_failed", host=host, port=port, reason=error.strerror or error), file=sys.stderr)
        return 2
    return 0
