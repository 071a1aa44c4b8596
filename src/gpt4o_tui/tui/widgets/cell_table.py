"""A table whose cells repaint alone: a heading row, then one line per row.

Textual's DataTable renders itself whole again when any cell changes (every cell
of a 6-row table on each slider step). Here a cell set to new words repaints its
own line and nothing else; a cell that changes its column's width lays the
table out again. Each column is as wide as its widest cell or heading now, never
narrower than the least width it was given, with one space of padding each side;
a cell is aligned by its Text's `justify` ("right" for figures), its own spaces kept.
Where the columns are wider than the table's room, the first (the names) gives way,
its words cut in the middle with …; the others, the figures, are never cut."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

PADDING = 1  # columns of space each side of a cell
LEAST_FIRST = 12  # the first column (the names) is never cut narrower than this


class CellTable(Widget, can_focus=False):
    """Rows of Rich Text under a heading row; `set_cell` repaints one line."""

    COMPONENT_CLASSES = {"cell-table--header"}

    def __init__(
        self, columns: Iterable[tuple[str, Text, int]], *, id: str | None = None, classes: str | None = None
    ) -> None:
        """`columns`: each column's key, heading and least width (in cells)."""
        super().__init__(id=id, classes=classes)
        self._columns: dict[str, tuple[Text, int]] = {key: (heading, least) for key, heading, least in columns}
        self._rows: dict[str, dict[str, Text]] = {}
        self._widths: dict[str, int] = {}
        self._fit()

    @property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(self._rows)

    def heading(self, column: str) -> Text:
        return self._columns[column][0]

    def cell(self, row: str, column: str) -> Text:
        return self._rows[row][column]

    def add_row(self, key: str, *cells: Text) -> None:
        self._rows[key] = dict(zip(self._columns, cells, strict=True))
        self._changed(widths=True)

    def remove_row(self, key: str) -> None:
        del self._rows[key]
        self._changed(widths=True)

    def set_cell(self, row: str, column: str, text: Text) -> None:
        """Show `text` in one cell: its line repaints, or the whole table if its column's
        width changes (wider for this cell, or narrower once no cell needs the room)."""
        cells = self._rows[row]
        if _same(cells[column], text):
            return
        cells[column] = text
        width = self._width(column)
        if width != self._widths[column]:
            self._widths[column] = width
            self.refresh(layout=True)
        else:
            y = 1 + list(self._rows).index(row)
            self.refresh(Region(0, y, self.size.width, 1))

    def least(self, widths: Mapping[str, int]) -> None:
        """Give columns another least width (the room their figures may need)."""
        columns = {key: (heading, widths.get(key, least)) for key, (heading, least) in self._columns.items()}
        if columns != self._columns:
            self._columns = columns
            self._changed(widths=True)

    def take_words(self, twin: CellTable) -> None:
        """Take the headings, widths and rows of `twin`, the same table composed in
        another language (tui/retell.py): what replacing this one by it would show."""
        self._columns = dict(twin._columns)
        self._rows = {key: dict(cells) for key, cells in twin._rows.items()}
        self._changed(widths=True)

    def _width(self, column: str) -> int:
        """As wide as the column's heading, its widest cell now and its least width:
        what it shows, never what it showed before (a screen reopened from the same
        state is the same screen)."""
        heading, least = self._columns[column]
        return max(least, heading.cell_len, *(cells[column].cell_len for cells in self._rows.values()))

    def _fit(self) -> None:
        self._widths = {key: self._width(key) for key in self._columns}

    def _changed(self, *, widths: bool) -> None:
        if widths:
            self._fit()
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return sum(width + 2 * PADDING for width in self._widths.values())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 + len(self._rows)

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        width = self.size.width
        if y == 0:
            style = base + self.get_component_rich_style("cell-table--header")
            cells = {key: heading for key, (heading, _) in self._columns.items()}
        elif y <= len(self._rows):
            style = base
            cells = list(self._rows.values())[y - 1]
        else:
            return Strip.blank(width, base)
        segments: list[Segment] = []
        console = self.app.console
        widths = self._shown(width)
        for key, text in cells.items():
            segments.extend(_cell(text, widths[key], style, console))
        return Strip(segments).crop_extend(0, width, Style.from_color(style.color, style.bgcolor))

    def _shown(self, room: int) -> dict[str, int]:
        """The widths drawn in `room` cells: as wide as the columns ask, or, where that is
        wider than the room (a long name of a model a person added), the blank padding
        after the last column, then the first column narrower, down to LEAST_FIRST, its
        words cut in the middle with …: the figures are never cut."""
        # The last column's right padding is blank: that much may be cut first.
        excess = sum(width + 2 * PADDING for width in self._widths.values()) - PADDING - room
        if excess <= 0:
            return self._widths
        first = next(iter(self._widths))
        return {**self._widths, first: max(LEAST_FIRST, self._widths[first] - excess)}


def _same(shown: Text, text: Text) -> bool:
    """The same words, spans, style and alignment (Text's == looks at words and spans only)."""
    return shown == text and shown.style == text.style and shown.justify == text.justify


def _cut(text: Text, width: int) -> Text:
    """`text` in `width` cells, its middle given up for …: the start and the end of a
    name both stay (two versions of one model differ at the end, and a mark such as ⁺
    is there)."""
    tail = (width - 1) // 2
    cut = Text.assemble(text[: width - 1 - tail], "…", text[len(text) - tail :] if tail else "", style=text.style)
    cut.justify = text.justify
    cut.truncate(width)  # wide characters take two cells
    return cut


def _cell(text: Text, width: int, style: Style, console: Console) -> Iterable[Segment]:
    """One cell's segments, `width` wide plus its padding, aligned by its Text's
    `justify`. Unlike Rich, trailing spaces are kept where it aligns right: a rate
    without the Batch API's * keeps the space the * would take, so its digits line up
    under those of a rate with one."""
    line = text.copy()
    if line.cell_len > width:
        line = _cut(line, width)
    gap = width - line.cell_len
    if line.justify == "right":
        line.pad_left(gap)
    elif line.justify == "center":
        line.pad_left(gap // 2)
        line.pad_right(gap - gap // 2)
    else:
        line.pad_right(gap)
    line.pad(PADDING)
    own = console.get_style(line.style) if line.style else Style.null()
    return Segment.apply_style(line.render(console), style + own)
