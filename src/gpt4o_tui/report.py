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
        "problem": result.problem,
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


def as_table(catalog: Catalog, workload: Workload, batch: bool, results: Sequence[ModelCost]) -> RenderableType:
    title = (
        f"{workload.requests_per_day:,} requests a day × {workload.input_tokens:,} input + "
        f"{workload.output_tokens:,} output tokens × {workload.days:,} days"
        + (" (Batch API where offered)" if batch else "")
    )
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Model", no_wrap=True)
    table.add_column("$/1M in/out", justify="right", no_wrap=True)
    table.add_column("Total", justify="right", no_wrap=True)
    subject = next((r for r in results if r.model.role == "subject"), None)
    if subject is not None:
        table.add_column(f"{catalog.subject.short} saves", justify="right", no_wrap=True)
    notes = []
    for result in results:
        rate = costs.rates_label(result)
        if result.rate.kind != "standard" or batch:
            rate += f" {result.rate.kind}"
        cells: list[RenderableType] = [
            result.model.name,
            rate,
            Text(costs.total_label(result), "bold" if result is subject else ""),
        ]
        if subject is not None:
            cells.append(costs.saving_label(subject, result))
        table.add_row(*cells)
        if result.problem:
            notes.append(f"{result.model.name} can't run this request: {result.problem}.")
    return Group(table, *(Text(note, "italic") for note in notes))


def scenario_json(workload: Workload, batch: bool, prices: str, results: Sequence[ModelCost]) -> str:
    """The calculator's scenario: the same document `gpt4o-tui cost --format json` gives,
    with which prices it used ("launch" or "latest known")."""
    document = _document(workload, batch, results)
    document["workload"]["prices"] = prices  # type: ignore[index]
    return json.dumps(document, indent=2, ensure_ascii=False)


def scenario_markdown(catalog: Catalog, workload: Workload, batch: bool, prices: str,
                      results: Sequence[ModelCost]) -> str:
    subject = next((r for r in results if r.model.role == "subject"), None)
    lines = [
        "# gpt4o-tui scenario",
        "",
        f"- {workload.input_tokens:,} input and {workload.output_tokens:,} output tokens a request",
        f"- {workload.requests_per_day:,} requests a day for {workload.days:,} days "
        f"({workload.requests:,} requests)",
        f"- prices: {prices}" + (", Batch API where a model offers it" if batch else ", standard"),
        "",
        f"| Model | $/1M in/out | Rate | Total | {catalog.subject.short} saves |",
        "|---|---:|---|---:|---:|",
    ]
    for result in results:
        saves = costs.saving_label(subject, result) if subject is not None else "n/a"
        lines.append(
            f"| {result.model.name} | {costs.rates_label(result)} | {result.rate.kind} "
            f"| {costs.total_label(result)} | {saves} |"
        )
    problems = [f"- {r.model.name} can't run this request: {r.problem}." for r in results if r.problem]
    if problems:
        lines += ["", *problems]
    cited = sorted({s for r in results for s in catalog.price(r.model.id).sources})
    lines += ["", f"Prices from: {', '.join(cited)}. Made with gpt4o-tui."]
    return "\n".join(lines) + "\n"
