"""A text box whose soft wrap follows the line-breaking rules of text/wrap.py.

Textual's `TextArea` wraps at spaces alone, so a run of Chinese is cut wherever the
line is full and a line can start with `）` or `。`. `ProseArea` keeps Textual's
editing, cursor and scrolling and changes only where its lines break: its wrapped
view (`ProseWrap`) takes the breaks `line_spans()` finds. A line holding a tab keeps
Textual's breaks, which know how wide each tab is drawn. Esc leaves the box for the
widget before it, so the app's keys act again (in the box, letters are text).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.document._document import Location
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import clamp
from textual.widgets import TextArea

from gpt4o_tui.text.wrap import line_spans


class ProseWrap(WrappedDocument):
    """Textual's wrapped view of a document, broken where text/wrap.py allows."""

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        super().wrap(width, tab_width)
        self._rebreak(0, self.document.line_count - 1)

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        super().wrap_range(start, old_end, new_end)
        last = self.document.line_count - 1
        top = clamp(min(start[0], old_end[0]), 0, last)
        self._rebreak(top, clamp(max(start[0], new_end[0]), 0, last))

    def _rebreak(self, top: int, bottom: int) -> None:
        """Break lines `top`..`bottom` anew, then map the rows to lines again."""
        if not self._width:
            return
        lines = self.document.lines
        for index in range(top, bottom + 1):
            line = lines[index]
            if "\t" not in line:
                self._wrap_offsets[index] = [start for start, _ in line_spans(line, self._width)[1:]]
        row = 0
        rows_of_line: list[list[int]] = []
        line_of_row: list[tuple[int, int]] = []
        for index, offsets in enumerate(self._wrap_offsets):
            sections = len(offsets) + 1
            rows_of_line.append(list(range(row, row + sections)))
            line_of_row.extend((index, section) for section in range(sections))
            row += sections
        self._line_index_to_offsets = rows_of_line
        self._offset_to_line_info = line_of_row


class ProseArea(TextArea):
    """A `TextArea` that wraps by text/wrap.py's rules (see `ProseWrap`)."""

    BINDINGS = [
        Binding("escape", "leave", "Back", id="text.leave", tooltip="Leave the text box, so letters are keys again")
    ]

    def action_leave(self) -> None:
        self.screen.focus_previous()

    @property
    def wrapped_document(self) -> WrappedDocument:
        return self._prose_wrap

    @wrapped_document.setter
    def wrapped_document(self, wrapped: WrappedDocument) -> None:
        # TextArea makes a WrappedDocument whenever it takes a document; it becomes a ProseWrap.
        self._prose_wrap = ProseWrap(wrapped.document, wrapped._width, wrapped._tab_width)
