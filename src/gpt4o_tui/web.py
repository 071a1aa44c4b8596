"""`gpt4o-tui serve`: the app in a web browser, through textual-serve.

Each browser tab gets its own copy of the app, run as `python -m gpt4o_tui`.
The page and everything it needs (script, styles, font) come from this server:
textual-serve's page asks Google Fonts for its font, which it also ships, so the
page is served with that link replaced by the shipped file."""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

from gpt4o_tui.text.i18n import ENGLISH, Language

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


class OfflineServer(Server):
    """textual-serve's server, with a page that loads nothing from the internet."""

    def page(self, name: str) -> str:
        text = (Path(self.templates_path) / name).read_text(encoding="utf-8")
        return text.replace(GOOGLE_FONTS, LOCAL_FONT)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        aiohttp_jinja2.setup(app, loader=jinja2.FunctionLoader(self.page))
        return app


def command(data: Path | None, theme: str, lang: Language = ENGLISH) -> str:
    """The shell command each browser tab's app runs as. Every visitor shares the
    server's account, so none reads or leaves settings there (--no-config)."""
    words = [sys.executable, "-m", "gpt4o_tui", "--no-config", "--theme", theme, "--lang", lang.code]
    if data is not None:
        words += ["--data", str(data.resolve())]
    return shlex.join(words)


def serve(host: str, port: int, public_url: str | None, data: Path | None, theme: str,
          lang: Language = ENGLISH) -> int:
    if not is_loopback(host):
        print(lang("cli.serve_warning", host=host, port=port), file=sys.stderr)
    server = OfflineServer(command(data, theme, lang), host=host, port=port, title="gpt4o-tui", public_url=public_url)
    try:
        server.serve()
    except OSError as error:
        print(lang("cli.serve_failed", host=host, port=port, reason=error.strerror or error), file=sys.stderr)
        return 2
    return 0
