"""What a workload costs, as a Rich table, JSON or CSV, for `gpt4o-tui cost`.
The figures come from costs.model_cost, as the Pricing pane's do, so the two agree
to the cent. Nothing here imports Textual."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Literal

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from gpt4o_tui.core import costs
from gpt4o_tui.core.catalog import Catalog, Deprecation, Model
from gpt4o_tui.core.costs import ModelCost, Workload
from gpt4o_tui.text import money
from gpt4o_tui.text.i18n import ENGLISH, Language

# Which prices a scenario was priced at; each is worded by report.prices.<name, spaces as _>.
Prices = Literal["launch", "latest known"]

FORMATS = ("table", "json", "csv")


def price(catalog: Catalog, workload: Workload, models: Sequence[Model], batch: bool) -> list[ModelCost]:
    return [costs.model_cost(catalog, model, workload, batch) for model in models]


def price_notes(catalog: Catalog, model_id: str, lang: Language = ENGLISH, *, scheduled: bool = True) -> list[str]:
    """What keeps a model's price honest wherever it goes: the price's own note, the
    dated change it comes from (with that change's caveat), and the model's deprecation
    (a scheduled one only with `scheduled`: a slide keeps to what has happened)."""
    price = catalog.price(model_id)
    notes = [lang.of(price, "note")] if price.note else []
    if price.since is not None:
        notes.append(lang("report.since", date=f"{price.since:%Y-%m-%d}"))
        change = next((c for c in catalog.price_changes
                       if c.model == model_id and c.date == price.since and c.caveat), None)
        if change is not None:
            notes.append(lang.of(change, "caveat"))
    deprecation = catalog.deprecation(model_id)
    if deprecation is not None and (scheduled or deprecation.status == "shut down"):
        said = deprecation_said(deprecation, lang)
        if deprecation.caveat:
            said += lang("report.deprecation.caveat", caveat=lang.of(deprecation, "caveat"))
        notes.append(said + lang("punct.full_stop"))
    return notes


def deprecation_said(deprecation: Deprecation, lang: Language = ENGLISH) -> str:
    """A shutdown, done or scheduled, with the successor its notice names."""
    said = lang(f"report.deprecation.{deprecation.status.replace(' ', '_')}", api_id=deprecation.api_id,
                date=f"{deprecation.date:%Y-%m-%d}")
    if deprecation.successor:
        said += lang("report.deprecation.successor", successor=deprecation.successor)
    return said


def price_sources(catalog: Catalog, model_id: str, batch: bool = False) -> tuple[str, ...]:
    """The source ids behind a model's price (its batch price with batch) and its notes."""
    price = catalog.price(model_id)
    deprecation = catalog.deprecation(model_id)
    return tuple(dict.fromkeys((*price.sources, *(price.batch_sources if batch else ()),
                                *(deprecation.sources if deprecation else ()))))


def _sources(catalog: Catalog, result: ModelCost) -> tuple[str, ...]:
    return price_sources(catalog, result.model.id, batch=result.rate.kind == "batch")


def _noted(catalog: Catalog, result: ModelCost, lang: Language) -> str:
    """A result's price notes, then its sources in brackets."""
    said = lang.sentences(price_notes(catalog, result.model.id, lang))
    return f"{said}{' ' if said else ''}[{', '.join(_sources(catalog, result))}]"


def _record(catalog: Catalog, result: ModelCost) -> dict[str, object]:
    """One row for machines. A request the model cannot run has no money figures."""
    runs = result.problem is None
    return {
        "model": result.model.id,
        "name": result.model.name,
        "rate": result.rate.kind,
        "input_rate_usd_per_1m": money.money_string(result.rate.input),
        "output_rate_usd_per_1m": money.money_string(result.rate.output),
        "input_usd": money.money_string(result.input_usd) if runs else None,
        "output_usd": money.money_string(result.output_usd) if runs else None,
        "total_usd": money.money_string(result.total_usd) if runs else None,
        "problem": None if runs else ENGLISH.say(result.problem),
        "price_notes": price_notes(catalog, result.model.id),
        "price_sources": list(_sources(catalog, result)),
    }


def _document(catalog: Catalog, workload: Workload, batch: bool, results: Sequence[ModelCost]) -> dict[str, object]:
    return {
        "workload": {
            "input_tokens": workload.input_tokens,
            "output_tokens": workload.output_tokens,
            "requests_per_day": workload.requests_per_day,
            "days": workload.days,
            "batch": batch,
        },
        "results": [_record(catalog, r) for r in results],
    }


def as_json(catalog: Catalog, workload: Workload, batch: bool, results: Sequence[ModelCost]) -> str:
    return json.dumps(_document(catalog, workload, batch, results), indent=2, ensure_ascii=False)


def as_csv(catalog: Catalog, results: Sequence[ModelCost]) -> str:
    """One row a model; a cell with several notes or sources joins them with " | "
    and ";", and a money figure the model cannot reach is left empty."""
    out = io.StringIO()
    records = [{key: " | ".join(value) if key == "price_notes" else ";".join(value) if isinstance(value, list)
                else value for key, value in _record(catalog, r).items()} for r in results]
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def as_table(catalog: Catalog, workload: Workload, batch: bool, results: Sequence[ModelCost],
             lang: Language = ENGLISH) -> RenderableType:
    title = lang("report.title", requests=workload.requests_per_day, input=workload.input_tokens,
                 output=workload.output_tokens, days=workload.days)
    if batch:
        title += lang("report.batch")
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(lang("report.model"), no_wrap=True)
    table.add_column(lang("report.rates"), justify="right", no_wrap=True)
    table.add_column(lang("report.total"), justify="right", no_wrap=True)
    subject = next((r for r in results if r.model.role == "subject"), None)
    if subject is not None:
        table.add_column(lang("report.saves", model=catalog.subject.short), justify="right", no_wrap=True)
    notes: list[Text] = []
    for result in results:
        rate = lang.rates(result)
        if result.rate.kind != "standard" or batch:
            rate += " " + lang(f"rate.{result.rate.kind}")
        cells: list[RenderableType] = [
            result.model.name,
            rate,
            Text(lang.total(result), "bold" if result is subject else ""),
        ]
        if subject is not None:
            cells.append(lang.saving(subject, result))
        table.add_row(*cells)
        if result.problem:
            notes.append(Text(lang("report.cannot_run", model=result.model.name, problem=lang.say(result.problem)),
                              "italic"))
    for result in results:
        notes.append(Text.assemble((result.model.name + lang.colon, "bold"), _noted(catalog, result, lang)))
    return Group(table, *notes)


def scenario_json(catalog: Catalog, workload: Workload, batch: bool, prices: Prices,
                  results: Sequence[ModelCost]) -> str:
    """The calculator's scenario: the same document `gpt4o-tui cost --format json` gives,
    with which prices it used ("launch" or "latest known"). A document for machines:
    its keys and values are the same in every language."""
    document = _document(catalog, workload, batch, results)
    document["workload"]["prices"] = prices  # type: ignore[index]
    return json.dumps(document, indent=2, ensure_ascii=False)


def scenario_markdown(catalog: Catalog, workload: Workload, batch: bool, prices: Prices,
                      results: Sequence[ModelCost], lang: Language = ENGLISH) -> str:
    subject = next((r for r in results if r.model.role == "subject"), None)
    lines = [
        lang("report.md.title"),
        "",
        lang("report.md.tokens", input=workload.input_tokens, output=workload.output_tokens),
        lang("report.md.requests", requests=workload.requests_per_day, days=workload.days, total=workload.requests),
        lang("report.md.prices", prices=lang(f"report.prices.{prices.replace(' ', '_')}"))
        + lang("report.md.batch" if batch else "report.md.standard"),
        "",
        lang("report.md.header", model=catalog.subject.short),
        "|---|---:|---|---:|---:|",
    ]
    for result in results:
        saves = lang.saving(subject, result) if subject is not None else "n/a"
        lines.append(
            f"| {result.model.name} | {lang.rates(result)} | {lang(f'rate.{result.rate.kind}')} "
            f"| {lang.total(result)} | {saves} |"
        )
    problems = ["- " + lang("report.cannot_run", model=r.model.name, problem=lang.say(r.problem))
                for r in results if r.problem]
    if problems:
        lines += ["", *problems]
    lines += ["", lang("report.md.notes")]
    for result in results:
        lines.append(f"- {result.model.name}{lang.colon}{_noted(catalog, result, lang)}")
    lines += ["", lang("report.md.made")]
    return "\n".join(lines) + "\n"
