"""Specs: GPT-4o mini's launch facts, and the five models side by side."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.text import report
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.panes.common import sources_text


class SpecsPane(VerticalScroll):
    """Focusable, so ↑/↓/PgUp/PgDn scroll it from the keyboard."""

    def __init__(self, catalog: Catalog, lang: Language, *, id: str | None = None,
                 state: Mapping[str, Any] | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog
        self.lang = lang
        self._restore = state or {}

    def state(self) -> dict[str, Any]:
        return {"scroll": self.scroll_y}

    def on_mount(self) -> None:
        if self._restore:
            self.call_after_refresh(self.scroll_to, y=self._restore["scroll"], animate=False)

    def focus_default(self) -> None:
        self.focus()

    def compose(self) -> ComposeResult:
        catalog, lang = self.catalog, self.lang
        subject = catalog.subject
        price = catalog.price(subject.id)
        with Horizontal(id="headline"):
            yield _stat(lang.count(subject.context_window or 0), lang("specs.context"))
            yield _stat(lang.count(subject.max_output or 0), lang("specs.max_output"))
            yield _stat(lang("specs.price_pair", input=lang.rate_cell(price.input), output=lang.rate_cell(price.output)),
                        lang("specs.per_million"))
        yield Static(_facts_table(catalog, lang), classes="card")
        yield Static(lang("specs.side_by_side"), classes="section-title")
        yield Static(_peers_table(catalog, lang))
        if catalog.deprecations:
            yield Static(_deprecations(catalog, lang), classes="footnote")
        yield Static(
            Text.assemble(
                lang("specs.footnote"),
                sources_text(tuple(sorted({s for m in catalog.compared for s in m.sources}))),
            ),
            classes="footnote",
        )


def _stat(value: str, label: str) -> Static:
    return Static(Text.assemble((value, "bold"), "\n", label), classes="stat")


def _facts_table(catalog: Catalog, lang: Language) -> Table:
    table = Table(box=None, show_header=False, expand=True, padding=(0, 1, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1, overflow="fold")  # Chinese has no spaces to wrap at
    for fact in catalog.facts:
        value = Text(lang.of(fact, "value"))
        if fact.caveat:
            value.append(f"  ⚠ {lang.of(fact, 'caveat')}", "italic")
        value.append("  ").append(sources_text(fact.sources))
        table.add_row(lang.of(fact, "label"), value)
    return table


def _deprecations(catalog: Catalog, lang: Language) -> Text:
    """Which of the models are gone or going, dated, as their sources give it."""
    text = Text(lang("specs.deprecations"), "bold")
    for deprecation in sorted(catalog.deprecations, key=lambda d: d.date):
        text.append("\n").append(report.deprecation_said(deprecation, lang))
        if deprecation.caveat:
            text.append(f"  ⚠ {lang.of(deprecation, 'caveat')}", "italic")
        text.append("  ").append(sources_text(deprecation.sources))
    return text


def _peers_table(catalog: Catalog, lang: Language) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(lang("specs.model"), no_wrap=True)
    # Figures are never cut: only the inputs column may wrap.
    table.add_column(lang("specs.context_column"), justify="right", no_wrap=True)
    table.add_column(lang("specs.max_out"), justify="right", no_wrap=True)
    table.add_column(lang("specs.inputs"))
    table.add_column(lang("specs.in_price"), justify="right", no_wrap=True)
    table.add_column(lang("specs.out_price"), justify="right", no_wrap=True)
    for model in catalog.compared:
        price = catalog.price(model.id)
        name = Text(("▶ " if model.role == "subject" else "  ") + model.name, "bold" if model.role == "subject" else "")
        table.add_row(
            name,
            lang.count(model.context_window or 0),
            lang.count(model.max_output or 0),
            lang.inputs(model.inputs),
            lang.rate_cell(price.input),
            lang.rate_cell(price.output),
        )
    return table
