"""The table view: every score, with a bar chart of the chosen benchmark under it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import DataTable, Static

from gpt4o_tui.text import benchmarks as words
from gpt4o_tui.tui.panes.benchmarks.base import View
from gpt4o_tui.tui.widgets.score_bars import ScoreBars
from gpt4o_tui.tui.widgets.words import Words


class TableView(View, VerticalScroll):
    STATE = ("selected", "hidden")
    selected: reactive[str] = reactive("", init=False, repaint=False)
    hidden: reactive[frozenset[str]] = reactive(frozenset(), init=False, repaint=False)

    def compose(self) -> ComposeResult:
        yield self._scores_table()
        yield Words(words.legend(self.catalog, self.lang), classes="footnote")
        yield Words("", id="chart-title")
        yield ScoreBars(id="bars")
        yield Words("", id="plain")

    def _scores_table(self) -> DataTable[Text]:
        catalog = self.catalog
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="scores")
        table.add_column(self.lang("benchmarks.benchmark"), key="benchmark")
        for model in catalog.compared:
            label = model.short + ("†" if model.chart_note else "")
            table.add_column(Text(label, "bold" if model.role == "subject" else ""), key=model.id)
        small = [m.id for m in catalog.compared if m.tier == "small"]
        for benchmark in catalog.benchmarks:
            best, best_small = benchmark.best(m.id for m in catalog.compared), benchmark.best(small)
            cells = [words.cell(benchmark, m.id, m.id in best, m.id in best_small) for m in catalog.compared]
            table.add_row(Text(benchmark.name, "bold"), *cells, key=benchmark.id)
        return table

    def watch_selected(self) -> None:
        self.show()

    def watch_hidden(self) -> None:
        self.show()

    def show(self) -> None:
        benchmark = self.benchmark
        self.query_one("#chart-title", Static).update(words.chart_title(benchmark, self.lang))
        self.query_one("#bars", ScoreBars).rows = self.rows(benchmark, self.shown)
        self.query_one("#plain", Static).update(words.plain_words(benchmark, self.lang))
