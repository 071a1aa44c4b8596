"""The list prices with their notes and sources, and their dated changes since."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.text import pricing as words
from gpt4o_tui.text.i18n import Language


class PriceHistory(Widget):
    def __init__(self, catalog: Catalog, lang: Language) -> None:
        super().__init__(id="price-history", classes="pane-section")
        self.catalog, self.lang = catalog, lang

    def compose(self) -> ComposeResult:
        catalog, lang = self.catalog, self.lang
        yield Static(lang("pricing.list_prices"), classes="section-title")
        yield Static(words.list_prices(catalog, lang), id="list-prices")
        yield Static(words.price_notes(catalog, lang), classes="footnote")
        yield Static(lang("pricing.history"), classes="section-title")
        yield Static(words.timeline(catalog, lang), id="timeline")
