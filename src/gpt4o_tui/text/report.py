"""What a workload costs, as a Rich table, JSON or CSV, for `gpt4o-tui cost`.
The figures come from costs.model_cost, as the Pricing pane's do, so the two agree
to the cent. Nothing here imports Textual."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
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
from gpt4o_tui.text.wrap import Prose

# Which prices a scenario was priced at; each is worded by report.prices.<name, spaces as _>.
Prices = Literal["launch", "latest known", "today"]

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
        change = next(
            (c for c in catalog.price_changes if c.model == model_id and c.date == price.since and c.caveat), None
        )
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
    said = lang(
        f"report.deprecation.{deprecation.status.replace(' ', '_')}",
        api_id=deprecation.api_id,
        date=f"{deprecation.date:%Y-%m-%d}",
    )
    if deprecation.successor:
        said += lang("report.deprecation.successor", successor=deprecation.successor)
    return said


def price_sources(catalog: Catalog, model_id: str, batch: bool = False) -> tuple[str, ...]:
    """The source ids behind a model's price (its batch price with batch) and its notes."""
    price = catalog.price(model_id)
    deprecation = catalog.deprecation(model_id)
    return tuple(
        dict.fromkeys(
            (*price.sources, *(price.batch_sources if batch else ()), *(deprecation.sources if deprecation else ()))
        )
    )


def _subject(catalog: Catalog, results: Sequence[ModelCost]) -> ModelCost | None:
    """GPT-4o mini's row, priced from data/ or today."""
    return next((r for r in results if r.model.role == "subject"), None)


def _today(result: ModelCost) -> bool:
    return result.today is not None


def price_source(result: ModelCost) -> str:
    """Where a row's price comes from: gpt4o-tui's data/, or genai-prices and its version."""
    from gpt4o_tui.core import today

    return f"{today.PACKAGE} {today.version()}" if _today(result) else "data/"


def _sources(catalog: Catalog, result: ModelCost) -> tuple[str, ...]:
    """The price's sources, and the image rule's where the request's images are priced."""
    if _today(result):
        from gpt4o_tui.core import today

        rule = catalog.image_rule(result.model.id) if result.image_tokens else None
        return (today.SOURCE, *(rule.sources if rule else ()))
    rule = catalog.image_rule(result.model.id) if result.image_tokens else None
    return tuple(
        dict.fromkeys(
            (
                *price_sources(catalog, result.model.id, batch=result.rate.kind == "batch"),
                *(rule.sources if rule else ()),
            )
        )
    )


def _today_notes(catalog: Catalog, result: ModelCost, lang: Language) -> list[str]:
    """A row priced today: by which package, and what it does not say."""
    from gpt4o_tui.core import today

    model = result.today
    assert model is not None
    notes = [lang("report.today", version=today.version())]
    if model.deprecated:
        notes.append(lang("report.today_deprecated"))
    if model.context_window is None:
        notes.append(lang("report.today_no_context"))
    if model.tiered:
        notes.append(lang("report.today_tiered"))
    if result.cached_tokens and model.cache_read_mtok is None:
        notes.append(lang("report.today_no_cached"))
    rule = catalog.image_rule(result.model.id) if result.image_tokens else None
    if rule is not None and rule.caveat:
        notes.append(lang("report.image_caveat", caveat=lang.of(rule, "caveat")))
    return notes


def _notes(catalog: Catalog, result: ModelCost, lang: Language = ENGLISH) -> list[str]:
    """The price notes, and the image rule's caveat where images are priced by it."""
    if _today(result):
        return _today_notes(catalog, result, lang)
    notes = price_notes(catalog, result.model.id, lang)
    if result.cached_tokens:
        notes.append(lang("report.no_cached_price"))
    rule = catalog.image_rule(result.model.id) if result.image_tokens else None
    if rule is not None and rule.caveat:
        notes.append(lang("report.image_caveat", caveat=lang.of(rule, "caveat")))
    return notes


def _noted(catalog: Catalog, result: ModelCost, lang: Language) -> str:
    """A result's price notes, then its sources in brackets."""
    said = lang.sentences(_notes(catalog, result, lang))
    return f"{said}{' ' if said else ''}[{', '.join(_sources(catalog, result))}]"


def images_said(workload: Workload, lang: Language) -> str:
    """The workload's images in words, or "" without images."""
    if not workload.images:
        return ""
    size = workload.image_size
    return lang(
        "report.images",
        images=workload.images,
        width=size.width,
        height=size.height,
        detail=lang(f"image.detail.{workload.detail}"),
    )


def _record(catalog: Catalog, result: ModelCost) -> dict[str, object]:
    """One row for machines. A request the model cannot run has no money figures."""
    runs = result.problem is None
    return {
        "model": result.model.id,
        "name": result.model.name,
        "rate": result.rate.kind,
        "input_rate_usd_per_1m": money.money_string(result.rate.input),
        "output_rate_usd_per_1m": money.money_string(result.rate.output),
        "image_tokens": result.image_tokens,
        "input_usd": money.money_string(result.input_usd) if runs else None,
        "image_usd": money.money_string(result.image_usd) if runs else None,
        "output_usd": money.money_string(result.output_usd) if runs else None,
        "total_usd": money.money_string(result.total_usd) if runs else None,
        "problem": None if runs else ENGLISH.say(result.problem),
        "price_source": price_source(result),
        "price_notes": _notes(catalog, result),
        "price_sources": list(_sources(catalog, result)),
    }


def _document(catalog: Catalog, workload: Workload, batch: bool, results: Sequence[ModelCost]) -> dict[str, object]:
    return {
        "workload": {
            "input_tokens": workload.input_tokens,
            "output_tokens": workload.output_tokens,
            "requests_per_day": workload.requests_per_day,
            "days": workload.days,
            "images": workload.images,
            "image_size": f"{workload.image_size.width}x{workload.image_size.height}",
            "detail": workload.detail,
            "cached_input_tokens": workload.cached_input_tokens,
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
    records = [
        {
            key: " | ".join(value) if key == "price_notes" else ";".join(value) if isinstance(value, list) else value
            for key, value in _record(catalog, r).items()
        }
        for r in results
    ]
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


@dataclass(frozen=True)
class Places:
    """The decimals of each money column of a cost table: the most any row needs."""

    rates: int
    total: int
    saving: int


def column_places(results: Sequence[ModelCost], subject: ModelCost | None) -> Places:
    savings = [costs.saving(subject, r) for r in results if r is not subject] if subject is not None else []
    return Places(
        rates=money.column_places((x for r in results for x in (r.rate.input, r.rate.output)), money.rate_places),
        total=money.column_places(r.total_usd for r in results if not r.problem),
        saving=money.column_places(s.usd for s in savings if s is not None),
    )


def assumptions(workload: Workload, batch: bool, prices: Prices, lang: Language = ENGLISH) -> str:
    """What a table was priced with, beyond the workload its title gives."""
    return lang(
        "report.assumed",
        prices=lang(f"report.prices.{prices.replace(' ', '_')}"),
        batch=lang("report.batch_on" if batch else "report.batch_off"),
        cached=workload.cached_input_tokens,
        days=workload.days,
    )


def as_table(
    catalog: Catalog,
    workload: Workload,
    batch: bool,
    results: Sequence[ModelCost],
    lang: Language = ENGLISH,
    prices: Prices = "launch",
) -> RenderableType:
    """The cost table, under a line of what it assumed. A figure is never cut: at 80
    columns and up a narrow terminal wraps the names and the image heading, never a
    rate or a sum of money; each money column has one number of decimals."""
    title = lang(
        "report.title",
        requests=workload.requests_per_day,
        input=workload.input_tokens,
        output=workload.output_tokens,
        days=workload.days,
    )
    if workload.images:
        title += "\n" + images_said(workload, lang)
    subject = _subject(catalog, results)
    places = column_places(results, subject)
    rows: list[list[str]] = []
    notes: list[Text] = []
    for result in results:
        rate = lang.rates(result, places=places.rates)
        if result.rate.kind != "standard" or batch:
            rate += " " + lang(f"rate.{result.rate.kind}")
        row = [result.model.name, rate]
        if workload.images:
            row.append(image_tokens_cell(catalog, result, lang))
        row.append(lang.total(result, places=places.total))
        if subject is not None:
            row.append(lang.saving(subject, result, places=places.saving))
        rows.append(row)
        if result.problem:
            notes.append(
                Text(lang("report.cannot_run", model=result.model.name, problem=lang.say(result.problem)), "italic")
            )
    headings = [lang("report.model"), lang("report.rates")]
    if workload.images:
        headings.append(lang("report.image_tokens"))
    headings.append(lang("report.total"))
    if subject is not None:
        headings.append(lang("report.saves", model=catalog.subject.short))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    image_at = 2 if workload.images else None
    for index, heading in enumerate(headings):
        # Names and the image heading may wrap; rates and money stay on one line.
        wraps = index in (0, image_at)
        table.add_column(heading, justify="left" if index == 0 else "right", overflow="fold", no_wrap=not wraps)
    total_at = headings.index(lang("report.total"))
    for result, row in zip(results, rows, strict=True):
        cells: list[RenderableType] = list(row)
        cells[total_at] = Text(row[total_at], "bold" if result is subject else "")
        table.add_row(*cells)
    for result in results:
        notes.append(Text.assemble((result.model.name + lang.colon, "bold"), _noted(catalog, result, lang)))
    return Group(Prose(title), Prose(assumptions(workload, batch, prices, lang)), table, *map(Prose, notes))


def image_tokens_cell(catalog: Catalog, result: ModelCost, lang: Language) -> str:
    """A request's image tokens; ≈ where the vendor gives its rule as an approximation."""
    if result.image_tokens is None:
        return "—"
    rule = catalog.image_rule(result.model.id)
    return ("≈" if rule is not None and rule.kind == "pixels" else "") + lang.count(result.image_tokens)


def scenario_json(
    catalog: Catalog,
    workload: Workload,
    batch: bool,
    prices: Prices,
    results: Sequence[ModelCost],
    turns: int | None = None,
) -> str:
    """The calculator's scenario: the same document `gpt4o-tui cost --format json` gives,
    with which prices it used ("launch", "latest known" or "today"), the models a person
    added from genai-prices and the conversation's turns, so that `gpt4o-tui --scenario`
    reopens it as it was. A document for machines: its keys and values are the same in
    every language."""
    document = _document(catalog, workload, batch, results)
    document["workload"]["prices"] = prices  # type: ignore[index]
    document["workload"]["others"] = [r.model.id for r in results if r.model.role == "today"]  # type: ignore[index]
    if turns is not None:
        document["workload"]["turns"] = turns  # type: ignore[index]
    return json.dumps(document, indent=2, ensure_ascii=False)


def scenario_markdown(
    catalog: Catalog,
    workload: Workload,
    batch: bool,
    prices: Prices,
    results: Sequence[ModelCost],
    lang: Language = ENGLISH,
) -> str:
    subject = _subject(catalog, results)
    lines = [
        lang("report.md.title"),
        "",
        lang("report.md.tokens", input=workload.input_tokens, output=workload.output_tokens),
        *([images_said(workload, lang)] if workload.images else []),
        lang("report.md.requests", requests=workload.requests_per_day, days=workload.days, total=workload.requests),
        lang("report.md.prices", prices=lang(f"report.prices.{prices.replace(' ', '_')}"))
        + lang("report.md.batch" if batch else "report.md.standard"),
        "",
        lang("report.md.header_images" if workload.images else "report.md.header", model=catalog.subject.short),
        "|---|---:|---|---:|---:|---:|" if workload.images else "|---|---:|---|---:|---:|",
    ]
    places = column_places(results, subject)
    for result in results:
        saves = lang.saving(subject, result, places=places.saving) if subject is not None else "n/a"
        images = f" {image_tokens_cell(catalog, result, lang)} |" if workload.images else ""
        lines.append(
            f"| {result.model.name} | {lang.rates(result, places=places.rates)} | {lang(f'rate.{result.rate.kind}')} |"
            f"{images} {lang.total(result, places=places.total)} | {saves} |"
        )
    problems = [
        "- " + lang("report.cannot_run", model=r.model.name, problem=lang.say(r.problem)) for r in results if r.problem
    ]
    if problems:
        lines += ["", *problems]
    lines += ["", lang("report.md.notes")]
    for result in results:
        lines.append(f"- {result.model.name}{lang.colon}{_noted(catalog, result, lang)}")
    lines += ["", lang("report.md.made")]
    return "\n".join(lines) + "\n"
