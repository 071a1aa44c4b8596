"""Horizontal bars for scores out of 100, one row per model."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(score: Decimal, width: int) -> str:
    """A bar `score`% of `width` cells long, to an eighth of a cell."""
    eighths = round(float(score) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


@dataclass(frozen=True)
class BarRow:
    name: str
    score: Decimal | None  # None: not scored, said in `note`, never drawn as 0
    subject: bool = False  # GPT-4o mini: marked ▶ so it reads without colour
    note: str = ""  # after the figure (e.g. "6 of 8"), or why there is no score
    mark: str = ""  # after the figure, e.g. ° for chart-only


class ScoreBars(Widget):
    """Renders the rows it is given; the pane decides what they are."""

    COMPONENT_CLASSES = {"score-bars--subject", "score-bars--peer", "score-bars--na", "score-bars--name"}

    rows: reactive[tuple[BarRow, ...]] = reactive((), layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.rows)

    def render(self) -> Text:
        if not self.rows:
            return Text("")
        name_width = 2 + max(len(r.name) for r in self.rows) + 1
        bar_width = max(10, self.content_size.width - name_width - 8)
        lines = []
        for row in self.rows:
            line = Text(f"{'▶ ' if row.subject else '  '}{row.name}".ljust(name_width))
            line.stylize(self.get_component_rich_style("score-bars--name"))
            if row.score is None:
                line.append(f"n/a: {row.note}", self.get_component_rich_style("score-bars--na"))
            else:
                style = "score-bars--subject" if row.subject else "score-bars--peer"
                line.append(bar(row.score, bar_width), self.get_component_rich_style(style))
                line.append(f" {row.score:.1f}{row.mark}")
                if row.note:
                    line.append(f" ({row.note})", self.get_component_rich_style("score-bars--na"))
            line.truncate(self.content_size.width, overflow="ellipsis")
            lines.append(line)
        return Text("\n").join(lines)
