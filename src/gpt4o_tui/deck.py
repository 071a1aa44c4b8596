"""Presentation mode's slides, built from the catalog: one idea a slide, one
headline figure each, with the caveats that keep the figure honest. Nothing here
imports Textual; the deck screen only draws these."""

from __future__ import annotations

from dataclasses import dataclass

from gpt4o_tui import compare, costs
from gpt4o_tui.catalog import Catalog
from gpt4o_tui.costs import Workload

# The characters Textual's large digits can draw; a figure uses no others.
FIGURE_CHARACTERS = frozenset(" 0123456789+-^x:ABCDEF$£€(),.")


@dataclass(frozen=True)
class Slide:
    title: str
    figure: str  # drawn in large digits
    unit: str  # what the figure counts, right under it
    lines: tuple[str, ...]  # what the figure means, and its caveats
    sources: tuple[str, ...]
    compared: tuple[tuple[str, str], ...] = ()  # (model, figure) rows to set it against
    compared_title: str = ""


def slides(catalog: Catalog) -> tuple[Slide, ...]:
    return (
        _price(catalog),
        _context(catalog),
        _mmlu_lead(catalog),
        _small_models(catalog),
        _workload(catalog),
        _since_launch(catalog),
    )


def _price(catalog: Catalog) -> Slide:
    subject = catalog.subject
    price = catalog.price(subject.id)
    others = [m for m in catalog.compared if m.role == "peer" and m.tier == "small"]
    return Slide(
        title=f"{subject.name}: the price at launch, {catalog.prices_as_of:%Y-%m-%d}",
        figure=costs.format_rate(price.input),
        unit="per million input tokens",
        lines=(f"and {costs.format_rate(price.output)} per million output tokens",),
        sources=price.sources,
        compared=tuple((m.name, f"{costs.format_rate(catalog.price(m.id).input)} / "
                        f"{costs.format_rate(catalog.price(m.id).output)}") for m in others),
        compared_title="The other small models at launch, in / out",
    )


def _context(catalog: Catalog) -> Slide:
    subject = catalog.subject
    others = [m for m in catalog.compared if m.role == "peer" and m.context_window]
    return Slide(
        title=f"{subject.name}: how much it reads at once",
        figure=f"{subject.context_window:,}" if subject.context_window else "n/a",
        unit="tokens of context window",
        lines=(f"and up to {subject.max_output:,} output tokens in one reply" if subject.max_output
               else "Its maximum output is not published",),
        sources=subject.sources,
        compared=tuple((m.name, f"{m.context_window:,}") for m in others),
        compared_title="The models it was measured with",
    )


def _mmlu_lead(catalog: Catalog) -> Slide:
    subject = catalog.subject
    benchmark = next((b for b in catalog.benchmarks if b.id == "mmlu"), catalog.benchmarks[0])
    mine = benchmark.score(subject.id)
    small = [m for m in catalog.compared if m.tier == "small" and m.role == "peer"
             and benchmark.score(m.id) is not None]
    best = max(small, key=lambda m: benchmark.score(m.id) or 0, default=None)
    frontier = [m for m in catalog.compared if m.tier == "frontier" and benchmark.score(m.id) is not None]
    if mine is None or best is None:
        figure, unit = "n/a", f"{benchmark.name}: no comparison to make"
    else:
        lead = mine - (benchmark.score(best.id) or 0)
        figure = f"{lead:+.1f}"
        unit = f"points on {benchmark.name} over the best other small model, {best.name}"
    scored = [(m, s) for m in catalog.compared if (s := benchmark.score(m.id)) is not None]
    return Slide(
        title=f"{benchmark.name}: {benchmark.tests}",
        figure=figure,
        unit=unit,
        lines=(),
        sources=benchmark.sources,
        compared=tuple((m.name + (" (frontier, for scale)" if m in frontier else ""), f"{s:.1f}") for m, s in scored),
        compared_title=f"{benchmark.name} scores",
    )


def _small_models(catalog: Catalog) -> Slide:
    record = compare.small_model_record(catalog)
    trails = "; ".join(f"{loss.benchmark.name}, where {loss.peer_name} scores {loss.theirs:.1f} "
                       f"to its {loss.mine:.1f}" for loss in record.losses)
    return Slide(
        title=f"{catalog.subject.name} against the other small models",
        figure=str(record.leads),
        unit=f"of the launch chart's {record.of} benchmarks led by {catalog.subject.name}",
        lines=(
            f"It trails on {trails}." if trails else "No small model scores above it on any benchmark.",
            "n/a is not zero: a model that was not scored is left out, never ranked last.",
        ),
        sources=tuple(dict.fromkeys(s for b in catalog.benchmarks for s in b.sources)),
    )


def _workload(catalog: Catalog) -> Slide:
    workload = Workload()
    results = {r.model.id: r for r in costs.monthly(catalog, workload)}
    subject = results[catalog.subject.id]
    rival = next((m for m in catalog.compared if m.tokenizer and m.role == "peer"), None)
    lines = [
        f"{workload.requests_per_day:,} requests a day for {workload.days} days, each "
        f"{workload.input_tokens:,} tokens in and {workload.output_tokens:,} out, at launch list prices",
    ]
    if rival is not None:
        lines.append(f"against {rival.name}, {catalog.subject.name} saves "
                     f"{costs.saving_label(subject, results[rival.id])}")
    return Slide(
        title="What a workload costs a month",
        figure=costs.total_label(subject),
        unit=f"on {catalog.subject.name}",
        lines=tuple(lines),
        sources=catalog.price(catalog.subject.id).sources,
        compared=tuple((r.model.name, costs.total_label(r)) for r in results.values() if r is not subject),
        compared_title="The same workload on the others",
    )


def _since_launch(catalog: Catalog) -> Slide:
    changes = sorted((c for c in catalog.price_changes if c.sets_list_price), key=lambda c: c.date)
    if not changes:
        return Slide("Prices since launch", "n/a", "no dated list-price change in the data", (), ())
    now = costs.monthly(catalog.latest(), Workload())
    subject = next(r for r in now if r.model.role == "subject")
    cheaper = [r.model.name for r in now if r.model.role == "peer" and not r.problem
               and r.total_usd < subject.total_usd]
    return Slide(
        title="Prices change: the launch figures are dated",
        figure=f"{changes[-1].date:%Y-%m-%d}",
        unit="the latest dated price change in the data",
        lines=(
            *(f"{c.date:%Y-%m-%d} {catalog.model(c.model).name}: {c.summary}" for c in changes),
            f"Since then, cheaper than {catalog.subject.name} on this workload: {', '.join(cheaper)}" if cheaper
            else f"{catalog.subject.name} is still the cheapest at the latest known prices",
        ),
        sources=tuple(dict.fromkeys(s for c in changes for s in c.sources)),
        compared=tuple((r.model.name, costs.total_label(r)) for r in now),
        compared_title="The same workload at the latest known prices",
    )
