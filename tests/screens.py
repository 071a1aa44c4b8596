"""The text a person sees on the app's screen, read back from Textual's own SVG
export: each run of text sits at its cell, so lines come back as they were drawn."""

from __future__ import annotations

import html
import re

from rich.cells import cell_len
from textual.app import App

CELL_WIDTH = 12.2  # Textual's SVG export: one terminal cell is 12.2 units wide
_RUN = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>'
)


def screen_text(app: App[object]) -> str:
    """The screen as lines of text, blanks where nothing is drawn."""
    rows: dict[int, dict[int, str]] = {}
    for x, row, content in _RUN.findall(app.export_screenshot()):
        rows.setdefault(int(row), {})[round(float(x) / CELL_WIDTH)] = html.unescape(content).replace("\xa0", " ")
    lines = []
    for row in range(max(rows, default=-1) + 1):
        line = ""
        for column, content in sorted(rows.get(row, {}).items()):
            line += " " * max(0, column - cell_len(line)) + content
        lines.append(line.rstrip())
    return "\n".join(lines)
