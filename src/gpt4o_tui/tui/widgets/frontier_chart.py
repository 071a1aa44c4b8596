"""Price (log axis) against score, drawn in text: frontier models ●, the rest ○,
the frontier joined by dots. Shapes and labels carry the meaning, not colour."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

AXIS_WIDTH = 5  # "100 ┤"


@dataclass(frozen=True)
class PlotPoint:
    label: str
    price: Decimal
    score: Decimal
    on_frontier: bool
    subject: bool


@dataclass(frozen=True)
class Plot:
    points: tuple[PlotPoint, ...]


class FrontierChart(Widget, can_focus=True):
    COMPONENT_CLASSES = {
        "frontier-chart--frontier",
        "frontier-chart--other",
        "frontier-chart--line",
        "frontier-chart--axis",
    }

    plot: reactive[Plot | None] = reactive(None)

    def __init__(self, empty: str, *, id: str | None = None) -> None:
        """`empty` is said when there is nothing to plot, in the app's language."""
        super().__init__(id=id)
        self.empty = empty

    def render(self) -> Text:
        plot = self.plot
        width, height = self.content_size.width, self.content_size.height
        if plot is None or not plot.points or width < 30 or height < 6:
            return Text(self.empty)
        rows, columns = height - 2, width - AXIS_WIDTH
        prices = [float(p.price) for p in plot.points]
        scores = [float(p.score) for p in plot.points]
        low_x, high_x = math.log10(min(prices) / 1.6), math.log10(max(prices) * 1.6)
        low_y = max(0.0, math.floor(min(scores) / 5) * 5 - 5)
        high_y = min(100.0, math.ceil(max(scores) / 5) * 5 + 5)

        def column(price: float) -> int:
            return round((math.log10(price) - low_x) / (high_x - low_x) * (columns - 1))

        def row(score: float) -> int:
            return round((high_y - score) / (high_y - low_y) * (rows - 1))

        cells: list[list[tuple[str, str]]] = [[(" ", "")] * columns for _ in range(rows)]
        line_style, axis_style = "frontier-chart--line", "frontier-chart--axis"
        ordered = sorted((p for p in plot.points if p.on_frontier), key=lambda p: p.price)
        for a, b in pairwise(ordered):
            (x0, y0), (x1, y1) = (
                (column(float(a.price)), row(float(a.score))),
                (column(float(b.price)), row(float(b.score))),
            )
            steps = max(abs(x1 - x0), abs(y1 - y0), 1)
            for i in range(steps + 1):
                x, y = round(x0 + (x1 - x0) * i / steps), round(y0 + (y1 - y0) * i / steps)
                cells[y][x] = ("·", line_style)
        placed = [(column(float(p.price)), row(float(p.score)), p) for p in plot.points]
        for x, y, point in placed:  # every marker first, so no label covers one
            style = "frontier-chart--frontier" if point.on_frontier else "frontier-chart--other"
            cells[y][x] = ("●" if point.on_frontier else "○", style)
        for x, y, point in placed:
            style = "frontier-chart--frontier" if point.on_frontier else "frontier-chart--other"
            label = f" {point.label} {point.score:.1f} "
            spot = _free_spot(cells, x, y, len(label))
            if spot is not None:
                at_y, at_x = spot
                for offset, char in enumerate(label):
                    cells[at_y][at_x + offset] = (char, style)

        text = Text()
        for index, line in enumerate(cells):
            score = high_y - index * (high_y - low_y) / (rows - 1)
            tick = f"{score:>3.0f} ┤" if index in (0, rows - 1) or index == rows // 2 else "    │"
            text.append(tick, self.get_component_rich_style(axis_style))
            for char, style in line:
                text.append(char, self.get_component_rich_style(style) if style else "")
            text.append("\n")
        axis = [" "] * columns
        labels = [" "] * columns
        free_from = 0  # where the next price may start: one space after the last
        for price in _ticks(low_x, high_x):
            x = column(price)
            name = f"${price:g}"
            if x < free_from or x + len(name) > columns:
                continue
            axis[x] = "┬"
            labels[x : x + len(name)] = name
            free_from = x + len(name) + 1
        text.append(
            "    └" + "".join(c if c != " " else "─" for c in axis) + "\n", self.get_component_rich_style(axis_style)
        )
        text.append("     " + "".join(labels), self.get_component_rich_style(axis_style))
        return text


# Round prices to mark on the axis, coarse to fine: the first set that puts two
# on the axis is used, so a narrow range (two models of about the same price)
# still says what its points cost.
TICK_FACTORS = ((1, 3), (1, 2, 5), (1, 2, 3, 4, 5, 6, 7, 8, 9))


def _ticks(low_x: float, high_x: float) -> list[float]:
    """Round prices between 10**low_x and 10**high_x, in order."""
    found: list[float] = []
    for factors in TICK_FACTORS:
        found = [
            float(f"{factor}e{decade}")
            for decade in range(math.floor(low_x), math.ceil(high_x) + 1)
            for factor in factors
            if low_x <= math.log10(factor) + decade <= high_x
        ]
        if len(found) >= 2:
            break
    return found


def _free_spot(cells: list[list[tuple[str, str]]], x: int, y: int, length: int) -> tuple[int, int] | None:
    """Where a label of `length` fits beside the point at (x, y) without covering
    a marker or another label: right, left, then the rows above and below."""
    rows, columns = len(cells), len(cells[0])
    for at_y, at_x in (
        (y, x + 1),
        (y, x - length),
        (y - 1, x + 1),
        (y + 1, x + 1),
        (y - 1, x - length),
        (y + 1, x - length),
    ):
        inside = 0 <= at_y < rows and at_x >= 0 and at_x + length <= columns
        if inside and all(cells[at_y][at_x + i][0] in " ·" for i in range(length)):
            return at_y, at_x
    return None
