"""Specs: GPT-4o mini's launch facts, and the five models side by side."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from gpt4o_tui.catalog import Catalog
from gpt4o_tui.costs import format_rate
from gpt4o_tui.panes.common import sources_text


class SpecsPane(VerticalScroll):
    """Focusable, so ↑/↓/PgUp/PgDn scroll it from the keyboard."""

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog

    def focus_default(self) -> None:
        self.focus()

    def compose(self) -> ComposeResult:
        catalog = self.catalog
        subject = catalog.subject
        price = catalog.price(subject.id)
        with Horizontal(id="headline"):
            yield _stat(f"{subject.context_window:,}", "tokens of context")
            yield _stat(f"{subject.max_output:,}", "max output tokens")
            yield _stat(f"{format_rate(price.input)} / {format_rate(price.output)}", "per 1M in / out")
        yield Static(_facts_table(catalog), classes="card")
        yield Static("The five models side by side", classes="section-title")
        yield Static(_peers_table(catalog))
        yield Static(
            Text.assemble(
                "Inputs for the peers are those the launch chart scored them on (an MMMU or MathVista "
                "score means image input; GPT-3.5 Turbo is text-only). Prices are standard list "
                "prices at launch; Pricing has batch prices and later changes. Sources: ",
                sources_text(tuple(sorted({s for m in catalog.compared for s in m.sources}))),
            ),
            classes="footnote",
        )


def _stat(value: str, label: str) -> Static:
    return Static(Text.assemble((value, "bold"), "\n", label), classes="stat")


def _facts_table(catalog: Catalog) -> Table:
    table = Table(box=None, show_header=False, expand=True, padding=(0, 1, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for fact in catalog.facts:
        value = Text(fact.value)
        if fact.caveat:
            value.append(f"  ⚠ {fact.caveat}", "italic")
        value.append("  ").append(sources_text(fact.sources))
        table.add_row(fact.label, value)
    return table


def _peers_table(catalog: Catalog) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Model", no_wrap=True)
    table.add_column("Context", justify="right")
    table.add_column("Max out", justify="right")
    table.add_column("Inputs")
    table.add_column("$/1M in", justify="right")
    table.add_column("$/1M out", justify="right")
    for model in catalog.compared:
        price = catalog.price(model.id)
        name = Text(("▶ " if model.role == "subject" else "  ") + model.name, "bold" if model.role == "subject" else "")
        table.add_row(
            name,
            f"{model.context_window:,}",
            f"{model.max_output:,}",
            " + ".join(model.inputs),
            format_rate(price.input),
            format_rate(price.output),
        )
    return table
