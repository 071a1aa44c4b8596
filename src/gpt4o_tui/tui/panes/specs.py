"""Specs: GPT-4o mini's launch facts, and the five models side by side."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from gpt4o_tui.text import specs as words
from gpt4o_tui.text.sources import sources_text
from gpt4o_tui.tui.panes.base import Pane
from gpt4o_tui.tui.widgets.words import Words


class SpecsPane(Pane, VerticalScroll):
    """Focusable, so ↑/↓/PgUp/PgDn scroll it from the keyboard."""

    HELP_KEYS = (("up,down,pageup,pagedown,home,end", "help.scroll"),)

    def compose(self) -> ComposeResult:
        catalog, lang = self.catalog, self.lang
        subject = catalog.subject
        price = catalog.price(subject.id)
        with Horizontal(id="headline"):
            yield _stat(lang.count(subject.context_window or 0), lang("specs.context"))
            yield _stat(lang.count(subject.max_output or 0), lang("specs.max_output"))
            yield _stat(
                lang("specs.price_pair", input=lang.rate_cell(price.input), output=lang.rate_cell(price.output)),
                lang("specs.per_million"),
            )
        yield Static(words.facts_table(catalog, lang), classes="card")
        yield Static(lang("specs.side_by_side"), classes="section-title")
        yield Static(words.peers_table(catalog, lang))
        if catalog.deprecations:
            yield Words(words.deprecations(catalog, lang), classes="footnote")
        yield Words(
            Text.assemble(
                lang("specs.footnote"),
                sources_text(tuple(sorted({s for m in catalog.compared for s in m.sources}))),
            ),
            classes="footnote",
        )


def _stat(value: str, label: str) -> Static:
    return Static(Text.assemble((value, "bold"), "\n", label), classes="stat")
