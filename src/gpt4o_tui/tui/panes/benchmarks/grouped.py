"""The grouped view: every benchmark as bars, sorted, with GPT-4o mini's lead or
lag against a chosen peer, and the average first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from gpt4o_tui.core import compare
from gpt4o_tui.text import benchmarks as words
from gpt4o_tui.tui.panes.benchmarks.base import View
from gpt4o_tui.tui.widgets.score_bars import BarRow, ScoreBars
from gpt4o_tui.tui.widgets.words import Words


class GroupedView(View, VerticalScroll):
    STATE = ("hidden", "sort_key", "peer")
    hidden: reactive[frozenset[str]] = reactive(frozenset(), init=False, repaint=False)
    sort_key: reactive[str] = reactive("chart", init=False, repaint=False)
    peer: reactive[str] = reactive("", init=False, repaint=False)

    def compose(self) -> ComposeResult:
        yield Words("", id="grouped-header")
        yield Words("", id="group-average", classes="group-title")
        yield ScoreBars(id="bars-average")
        for benchmark in self.catalog.benchmarks:
            yield Words("", id=f"group-{benchmark.id}", classes="group-title")
            yield ScoreBars(id=f"bars-{benchmark.id}")
        yield Words(words.caveats(self.catalog, self.lang), classes="footnote")

    def watch_hidden(self) -> None:
        self.show()

    def watch_sort_key(self) -> None:
        self.show()

    def watch_peer(self) -> None:
        self.show()

    def show(self) -> None:
        catalog, subject, lang = self.catalog, self.catalog.subject, self.lang
        order = compare.ordered(catalog, self.shown, self.sort_key)
        self.query_one("#grouped-header", Static).update(words.grouped_header(catalog, self.sort_key, self.peer, lang))
        self.query_one("#group-average", Static).update(words.average_title(lang))
        averages = {m: compare.average(catalog.benchmarks, m) for m in order}
        self.query_one("#bars-average", ScoreBars).rows = tuple(
            BarRow(
                name=catalog.model(m).name,
                score=averages[m].value,
                subject=m == subject.id,
                note=words.average_note(averages[m], lang),
            )
            for m in order
        )
        for benchmark in catalog.benchmarks:
            self.query_one(f"#group-{benchmark.id}", Static).update(
                Content.assemble(*words.group_title(benchmark, subject.id, self.peer, lang))
            )
            self.query_one(f"#bars-{benchmark.id}", ScoreBars).rows = self.rows(benchmark, order)
