"""The frontier view: price against score for the chosen benchmark, at a chosen
input:output price mix, and who is on the frontier."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

from gpt4o_tui.core import compare
from gpt4o_tui.text import benchmarks as words
from gpt4o_tui.tui.panes.benchmarks.base import View
from gpt4o_tui.tui.widgets.frontier_chart import FrontierChart, Plot, PlotPoint
from gpt4o_tui.tui.widgets.words import Words


class FrontierView(View, Vertical):
    STATE = ("selected", "hidden", "mix")
    selected: reactive[str] = reactive("", init=False, repaint=False)
    hidden: reactive[frozenset[str]] = reactive(frozenset(), init=False, repaint=False)
    mix: reactive[int] = reactive(0, init=False, repaint=False)

    def compose(self) -> ComposeResult:
        yield Words("", id="frontier-header")
        yield FrontierChart(self.lang("benchmarks.no_plot"), id="frontier")
        yield Words("", id="frontier-words")

    def watch_selected(self) -> None:
        self.show()

    def watch_hidden(self) -> None:
        self.show()

    def watch_mix(self) -> None:
        self.show()

    def show(self) -> None:
        catalog, benchmark, mix, lang = self.catalog, self.benchmark, compare.MIXES[self.mix], self.lang
        candidates = compare.points(catalog, benchmark, self.shown, mix)
        on_ids = {p.model_id for p in compare.frontier(candidates)}
        self.query_one("#frontier-header", Static).update(words.frontier_header(benchmark, mix, lang))
        self.query_one(FrontierChart).plot = Plot(
            tuple(
                PlotPoint(
                    catalog.model(p.model_id).short,
                    p.price,
                    p.score,
                    p.model_id in on_ids,
                    p.model_id == catalog.subject.id,
                )
                for p in candidates
            )
        )
        self.query_one("#frontier-words", Static).update(
            words.frontier_words(catalog, benchmark, self.shown, self.hidden, mix, lang)
        )
