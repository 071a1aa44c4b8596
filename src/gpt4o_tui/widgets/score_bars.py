"""Horizontal bars, one per model, for one benchmark's scores (0-100)."""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from gpt4o_tui.catalog import Benchmark, Model

EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(score: Decimal, width: int) -> str:
    """A bar `score`% of `width` cells long, to an eighth of a cell."""
    eighths = round(float(score) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


class ScoreBars(Widget):
    """GPT-4o mini's bar is marked ▶ so it reads without colour; n/a is said, never drawn as 0."""

    COMPONENT_CLASSES = {"score-bars--subject", "score-bars--peer", "score-bars--na", "score-bars--name"}

    benchmark: reactive[Benchmark | None] = reactive(None, layout=True)

    def __init__(self, models: tuple[Model, ...], subject_id: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.models = models
        self.subject_id = subject_id

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.models)

    def render(self) -> Text:
        benchmark = self.benchmark
        if benchmark is None:
            return Text("")
        name_width = 2 + max(len(m.name) for m in self.models) + 1
        bar_width = max(10, self.content_size.width - name_width - 6)
        lines = []
        for model in self.models:
            subject = model.id == self.subject_id
            marker = "▶ " if subject else "  "
            line = Text(f"{marker}{model.name}".ljust(name_width), self.get_component_rich_style("score-bars--name"))
            score = benchmark.score(model.id)
            if score is None:
                reason = benchmark.not_scored.get(model.id, "")
                line.append(f"n/a: {reason}", self.get_component_rich_style("score-bars--na"))
                line.truncate(self.content_size.width, overflow="ellipsis")
            else:
                style = "score-bars--subject" if subject else "score-bars--peer"
                line.append(bar(score, bar_width), self.get_component_rich_style(style))
                line.append(f" {score:.1f}")
            lines.append(line)
        return Text("\n").join(lines)
