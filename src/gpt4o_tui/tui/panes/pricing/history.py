"""The list prices with their notes and sources, and their dated changes since."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.text import pricing as words
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.widgets.words import Words


class PriceHistory(Widget):
    def __init__(self, catalog: Catalog, lang: Language) -> None:
        super().__init__(id="price-history", classes="pane-section")
        self.catalog, self.lang = catalog, lang

    def compose(self) -> ComposeResult:
        catalog, lang = self.catalog, self.lang
        yield Static(lang("pricing.list_prices"), classes="section-title")
        yield Static(words.list_prices(catalog, lang), id="list-prices")
        yield Words(words.price_notes(catalog, lang), classes="footnote")
        yield Static(lang("pricing.history"), classes="section-title")
        yield Words(words.timeline(catalog, lang), id="timeline")
        yield Words(words.timeline_key(lang))
