"""Benchmarks: the launch chart's 8x5 table, a bar chart of the selected row,
and what that benchmark tests in plain words."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import DataTable, Static

from gpt4o_tui.catalog import Benchmark, Catalog
from gpt4o_tui.panes.common import sources_text
from gpt4o_tui.widgets.score_bars import ScoreBars

CHOOSE = Binding.Group("Benchmark", compact=True)
LEGEND = "★ best  ▲ best small  ° chart only  n/a never ranked"


class BenchmarksPane(VerticalScroll):
    BINDINGS = [
        Binding("up", "choose(-1)", "Previous", group=CHOOSE, id="benchmarks.previous", tooltip="Previous benchmark"),
        Binding("down", "choose(1)", "Next", group=CHOOSE, id="benchmarks.next", tooltip="Next benchmark"),
    ]

    selected: reactive[str] = reactive("", repaint=False)

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self.catalog = catalog
        self.set_reactive(BenchmarksPane.selected, catalog.benchmarks[0].id)

    def compose(self) -> ComposeResult:
        catalog = self.catalog
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="scores")
        table.add_column("Benchmark", key="benchmark")
        for model in catalog.compared:
            label = model.short + ("†" if model.chart_note else "")
            table.add_column(Text(label, "bold" if model.role == "subject" else ""), key=model.id)
        small = [m.id for m in catalog.compared if m.tier == "small"]
        for benchmark in catalog.benchmarks:
            best, best_small = benchmark.best(m.id for m in catalog.compared), benchmark.best(small)
            cells = [_cell(benchmark, m.id, m.id in best, m.id in best_small) for m in catalog.compared]
            table.add_row(Text(benchmark.name, "bold"), *cells, key=benchmark.id)
        yield table
        notes = {m.chart_note for m in catalog.compared if m.chart_note}
        yield Static(LEGEND + "".join(f"  † {note}" for note in sorted(notes)), classes="footnote")
        yield Static("", id="chart-title")
        yield ScoreBars(catalog.compared, catalog.subject.id, id="bars")
        yield Static("", id="explanation")

    def on_mount(self) -> None:
        self._show(self.selected)

    def focus_default(self) -> None:
        self.query_one("#scores", DataTable).focus()

    def action_choose(self, delta: int) -> None:
        table = self.query_one("#scores", DataTable)
        table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

    @on(DataTable.RowHighlighted, "#scores")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.selected = str(event.row_key.value)

    def watch_selected(self, benchmark_id: str) -> None:
        if self.is_mounted:
            self._show(benchmark_id)

    def _show(self, benchmark_id: str) -> None:
        benchmark = next(b for b in self.catalog.benchmarks if b.id == benchmark_id)
        self.query_one("#chart-title", Static).update(
            Text.assemble((benchmark.name, "bold"), f": {benchmark.tests}")
        )
        self.query_one(ScoreBars).benchmark = benchmark
        self.query_one("#explanation", Static).update(_explanation(benchmark, self.catalog))


def _cell(benchmark: Benchmark, model_id: str, best: bool, best_small: bool) -> Text:
    """Numbers right-aligned in five cells, then the marks, so columns line up."""
    score = benchmark.score(model_id)
    if score is None:
        return Text(f"{'n/a':>5}", "italic")
    chart_only = "°" if model_id in benchmark.chart_only else " "
    marks = ("★" if best else "") + ("▲" if best_small else "")
    return Text(f"{score:>5.1f}{chart_only}{marks}", "bold" if marks else "")


def _explanation(benchmark: Benchmark, catalog: Catalog) -> Text:
    text = Text()
    if benchmark.analogy and benchmark.analogy_zh:
        text.append("In plain words: ", "bold").append(benchmark.analogy)
        text.append("\n").append(benchmark.analogy_zh, "italic")
    else:
        text.append(f"The seed article gives no plain-language example for {benchmark.name}.", "italic")
    if benchmark.chart_only:
        names = ", ".join(catalog.model(m).short for m in benchmark.chart_only)
        text.append(f"\nChart only: {names}.")
    text.append("  Sources: ").append(sources_text(benchmark.sources))
    return text
