"""Conversations: the workload as turns that each re-send the history before them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.counts import TURNS_BOUNDS
from gpt4o_tui.text import pricing as words
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.text.report import Prices
from gpt4o_tui.tui.widgets.log_slider import CountSlider

TURNS_DEFAULT = 20


class Conversations(Widget):
    TOLD_IN_PLACE = True  # a change of language keeps it and its state (tui/retell.py)

    workload: reactive[Workload] = reactive(Workload, init=False, repaint=False)
    batch_api: reactive[bool] = reactive(False, init=False, repaint=False)
    prices: reactive[Prices] = reactive("launch", init=False, repaint=False)
    others: reactive[tuple[str, ...]] = reactive((), init=False, repaint=False)
    turns: reactive[int] = reactive(TURNS_DEFAULT, init=False, repaint=False)

    def __init__(
        self, catalog: Catalog, latest_catalog: Catalog, lang: Language, state: dict[str, object], turns: int
    ) -> None:
        super().__init__(id="conversations", classes="pane-section")
        self.catalog, self.latest_catalog, self.lang = catalog, latest_catalog, lang
        for name, value in {**state, "turns": turns}.items():  # set, not assigned: nothing is drawn before compose
            self.set_reactive(getattr(Conversations, name), value)
        self._pending = False

    def compose(self) -> ComposeResult:
        yield Static(self.lang("pricing.conversations"), classes="section-title")
        yield CountSlider(TURNS_BOUNDS, self.turns, self.lang, id="turns")
        yield Static("", id="conversation")

    def on_mount(self) -> None:
        self.show()

    def watch_turns(self, turns: int) -> None:
        self.query_one("#turns", CountSlider).value = turns
        self._later()

    def watch_workload(self) -> None:
        self._later()

    def watch_batch_api(self) -> None:
        self._later()

    def watch_prices(self) -> None:
        self._later()

    def watch_others(self) -> None:
        self._later()

    def _later(self) -> None:
        """The totals paint first; the table follows a frame later, once however
        many changes came meanwhile."""
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self.show)

    def show(self) -> None:
        self._pending = False
        if not self.is_attached:  # removed (a language switch) before its turn came
            return
        priced = self.latest_catalog if self.prices == "latest known" else self.catalog
        view = words.conversations(
            priced, self.workload, self.turns, self.batch_api, self.lang, self.prices, self.others
        )
        self.query_one("#conversation", Static).update(view, layout=False)
