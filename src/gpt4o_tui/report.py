"""What a workload costs, as a Rich table, JSON or CSV, for `gpt4o-tui cost`.
The figures come from costs.model_cost, as the Pricing pane's do, so the two agree
to the cent. Nothing here imports Textual."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from gpt4o_tui import costs
from gpt4o_tui.catalog import Catalog, Model
from gpt4o_tui.costs import ModelCost, Workload
from gpt4o_tui.i18n import ENGLISH, Language

FORMATS = ("table", "json", "csv")


def price(catalog: Catalog, workload: Workload, models: Sequence[Model], batch: bool) -> list[ModelCost]:
    return [costs.model_cost(catalog, model, workload, batch) for model in models]


def _record(result: ModelCost) -> dict[str, object]:
    return {
        "model": result.model.id,
        "name": result.model.name,
        "rate": result.rate.kind,
        "input_rate_usd_per_1m": costs.money_string(result.rate.input),
        "output_rate_usd_per_1m": costs.money_string(result.rate.output),
        "input_usd": costs.money_string(result.input_usd),
        "output_usd": costs.money_string(result.output_usd),
        "total_usd": costs.money_string(result.total_usd),
        "problem": None if result.problem is None else str(result.problem),
    }


def _document(workload: Workload, batch: bool, results: Sequence[ModelCost]) -> dict[str, object]:
    return {
        "workload": {
            "input_tokens": workload.input_tokens,
            "output_tokens": workload.output_tokens,
            "requests_per_day": workload.requests_per_day,
            "days": workload.days,
            "batch": batch,
        },
        "results": [_record(r) for r in results],
    }


def as_json(workload: Workload, batch: bool, results: Sequence[ModelCost]) -> str:
    return json.dumps(_document(workload, batch, results), indent=2, ensure_ascii=False)


def as_csv(results: Sequence[ModelCost]) -> str:
    out = io.StringIO()
    records = [_record(r) for r in results]
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
    notes = []
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
            notes.append(lang("report.cannot_run", model=result.model.name, problem=lang.say(result.problem)))
    return Group(table, *(Text(note, "italic") for note in notes))


def scenario_json(workload: Workload, batch: bool, prices: str, results: Sequence[ModelCost]) -> str:
    """The calculator's scenario: the same document `gpt4o-tui cost --format json` gives,
    with which prices it used ("launch" or "latest known"). A document for machines:
    its keys and values are the same in every language."""
    document = _document(workload, batch, results)
    document["workload"]["prices"] = prices  # type: ignore[index]
    return json.dumps(document, indent=2, ensure_ascii=False)


def scenario_markdown(catalog: Catalog, workload: Workload, batch: bool, prices: str,
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
    cited = sorted({s for r in results for s in catalog.price(r.model.id).sources})
    lines += ["", lang("report.md.sources", sources=", ".join(cited))]
    return "\n".join(lines) + "\n"
