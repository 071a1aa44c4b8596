"""A slide's headline figure, as large as its room allows: figlet's ANSI Regular
block letters (pyfiglet) at the largest whole scale that fits, Textual's 3-row digits
where even those do not, and plain text last. A figure is never cut."""

from __future__ import annotations

from functools import cache

from rich.console import RenderableType
from rich.text import Text
from textual.reactive import reactive
from textual.renderables.digits import Digits
from textual.widget import Widget

FONT = "ansi_regular"
# Each character cell holds two pixels, one above the other.
_PIXELS = {" ": (0, 0), "▀": (1, 0), "▄": (0, 1), "█": (1, 1)}
_CELLS = {pixels: cell for cell, pixels in _PIXELS.items()}


@cache
def _bitmap(figure: str) -> tuple[tuple[int, ...], ...]:
    """The figure in the font, as rows of pixels, with no blank row or column around it."""
    import pyfiglet

    drawn = pyfiglet.Figlet(font=FONT, width=10_000).renderText(figure).split("\n")
    width = max(len(line) for line in drawn)
    rows: list[tuple[int, ...]] = []
    for line in drawn:
        cells = [_PIXELS.get(cell, (0, 0)) for cell in line.ljust(width)]  # '·' and the like: blank
        rows += [tuple(top for top, _ in cells), tuple(bottom for _, bottom in cells)]
    while rows and not any(rows[-1]):
        rows.pop()
    while rows and not any(rows[0]):
        rows.pop(0)
    used = [x for x in range(width) if any(row[x] for row in rows)]
    if not used:
        return ()
    return tuple(row[used[0] : used[-1] + 1] for row in rows)


def big_lines(figure: str, width: int, height: int) -> tuple[str, ...] | None:
    """The figure at the largest whole scale whose cells fit width x height; None
    when not even scale 1 fits."""
    bitmap = _bitmap(figure)
    if not bitmap:
        return None
    pixels_high, pixels_wide = len(bitmap), len(bitmap[0])
    scale = min(width // pixels_wide, (2 * height) // pixels_high)
    if scale < 1:
        return None
    grown = [tuple(p for p in row for _ in range(scale)) for row in bitmap for _ in range(scale)]
    if len(grown) % 2:
        grown.append((0,) * len(grown[0]))
    return tuple(
        "".join(_CELLS[pair] for pair in zip(top, bottom, strict=True)).rstrip()
        for top, bottom in zip(grown[::2], grown[1::2], strict=True)
    )


class Figure(Widget):
    """Renders `figure` to fill the room the slide leaves it."""

    figure: reactive[str] = reactive("")

    def render(self) -> RenderableType:
        width, height = self.content_size
        lines = big_lines(self.figure, width, height) if self.figure else None
        if lines is not None:
            return Text("\n".join(lines))
        if height >= 3 and Digits.get_width(self.figure) <= width:
            return Digits(self.figure)
        return Text(self.figure)
