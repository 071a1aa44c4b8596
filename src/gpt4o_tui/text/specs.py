"""The Specs pane's content: launch facts, deprecations and the models side by side."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.text import report
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.text.sources import sources_text
from gpt4o_tui.text.wrap import Prose


def facts_table(catalog: Catalog, lang: Language) -> Table:
    table = Table(box=None, show_header=False, expand=True, padding=(0, 1, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for fact in catalog.facts:
        value = Text(lang.of(fact, "value"))
        if fact.caveat:
            value.append(f"  ⚠ {lang.of(fact, 'caveat')}", "italic")
        value.append("  ").append(sources_text(fact.sources))
        table.add_row(lang.of(fact, "label"), Prose(value))
    return table


def deprecations(catalog: Catalog, lang: Language) -> Text:
    """Which of the models are gone or going, dated, as their sources give it."""
    text = Text(lang("specs.deprecations"), "bold")
    for deprecation in sorted(catalog.deprecations, key=lambda d: d.date):
        text.append("\n").append(report.deprecation_said(deprecation, lang))
        if deprecation.caveat:
            text.append(f"  ⚠ {lang.of(deprecation, 'caveat')}", "italic")
        text.append("  ").append(sources_text(deprecation.sources))
    return text


def peers_table(catalog: Catalog, lang: Language) -> Table:
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
