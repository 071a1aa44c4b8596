"""The launch's price claims, each checked against the launch prices."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.text import pricing as words
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.widgets.words import Words


class Claims(Widget):
    def __init__(self, catalog: Catalog, lang: Language) -> None:
        super().__init__(id="claims-section", classes="pane-section")
        self.catalog, self.lang = catalog, lang

    def compose(self) -> ComposeResult:
        yield Static(self.lang("pricing.claims"), classes="section-title")
        yield Words(words.claims_text(self.catalog, self.lang), id="claims")
