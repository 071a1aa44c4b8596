"""The explain view: what the chosen benchmark tests, how it is scored, and every
model's score with its caveats and sources."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from gpt4o_tui.text import benchmarks as words
from gpt4o_tui.tui.panes.benchmarks.base import View
from gpt4o_tui.tui.widgets.words import Words


class ExplainView(View, VerticalScroll):
    STATE = ("selected",)
    selected: reactive[str] = reactive("", init=False, repaint=False)

    def compose(self) -> ComposeResult:
        yield Words("", id="explain")

    def watch_selected(self) -> None:
        self.show()

    def show(self) -> None:
        self.query_one("#explain", Static).update(words.explanation(self.benchmark, self.catalog, self.lang))
