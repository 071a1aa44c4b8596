"""Presentation mode's slides, built from the catalog: one idea a slide, one
headline figure each, with the caveats that keep the figure honest. Nothing here
imports Textual; the deck screen only draws these."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from gpt4o_tui.core import compare, costs
from gpt4o_tui.core.catalog import Catalog, Model
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.scenario import Scenario
from gpt4o_tui.text import report
from gpt4o_tui.text.i18n import ENGLISH, Language

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
    notes: tuple[str, ...] = ()  # the caveats behind the marks on the slide's figures


SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"


def _price_marks(catalog: Catalog, models: list[Model], lang: Language) -> tuple[dict[str, str], tuple[str, ...]]:
    """A numbered mark for each model whose price carries notes, and those notes, so a
    price on a slide keeps the caveats it has in the panes."""
    marks: dict[str, str] = {}
    notes = []
    for model in models:
        said = report.price_notes(catalog, model.id, lang, scheduled=False)
        if said and len(marks) < len(SUPERSCRIPTS):
            marks[model.id] = SUPERSCRIPTS[len(marks)]
            notes.append(f"{marks[model.id]} {model.name}{lang.colon}{lang.sentences(said)}")
    return marks, tuple(notes)


def slides(
    catalog: Catalog, lang: Language = ENGLISH, scenario: Scenario | None = None, today_read: bool = False
) -> tuple[Slide, ...]:
    """The deck, on the calculator's scenario (its workload, Batch API, prices and the
    models added to it). Its last slide prices that workload today; until genai-prices
    has been read (`today_read`: the deck reads it off the key's path) that slide says so."""
    scenario = scenario or Scenario(Workload())
    return (
        _price(catalog, lang),
        _context(catalog, lang),
        _mmlu_lead(catalog, lang),
        _small_models(catalog, lang),
        _workload(catalog, lang, scenario),
        *_images(catalog, lang),
        _since_launch(catalog, lang, scenario.workload),
        _then_and_now(catalog, lang, scenario) if today_read else _reading_today(lang),
    )


def _price(catalog: Catalog, lang: Language) -> Slide:
    subject = catalog.subject
    price = catalog.price(subject.id)
    others = [m for m in catalog.compared if m.role == "peer" and m.tier == "small"]
    marks, notes = _price_marks(catalog, others, lang)
    return Slide(
        title=lang("deck.price.title", model=subject.name, date=f"{catalog.prices_as_of:%Y-%m-%d}"),
        # $0.15 in English; in Chinese 0.15 in the digits, and 美元 leading the unit.
        figure=lang.rate_cell(price.input),
        unit=lang("deck.dollar_unit", unit=lang("deck.price.unit")),
        lines=(lang("deck.price.output", rate=lang.rate(price.output)),),
        sources=tuple(dict.fromkeys(s for m in (subject, *others) for s in report.price_sources(catalog, m.id))),
        compared=tuple(
            (
                m.name + marks.get(m.id, ""),
                f"{lang.rate(catalog.price(m.id).input)} / {lang.rate(catalog.price(m.id).output)}",
            )
            for m in others
        ),
        compared_title=lang("deck.price.compared"),
        notes=notes,
    )


def _context(catalog: Catalog, lang: Language) -> Slide:
    subject = catalog.subject
    others = [m for m in catalog.compared if m.role == "peer" and m.context_window]
    return Slide(
        title=lang("deck.context.title", model=subject.name),
        figure=f"{subject.context_window:,}" if subject.context_window else "n/a",
        unit=lang("deck.context.unit"),
        lines=(
            lang("deck.context.output", tokens=subject.max_output)
            if subject.max_output
            else lang("deck.context.no_output"),
        ),
        sources=subject.sources,
        compared=tuple((m.name, f"{m.context_window:,}") for m in others),
        compared_title=lang("deck.context.compared"),
    )


def _mmlu_lead(catalog: Catalog, lang: Language) -> Slide:
    subject = catalog.subject
    benchmark = next((b for b in catalog.benchmarks if b.id == "mmlu"), catalog.benchmarks[0])
    mine = benchmark.score(subject.id)
    small = [
        m for m in catalog.compared if m.tier == "small" and m.role == "peer" and benchmark.score(m.id) is not None
    ]
    best = max(small, key=lambda m: benchmark.score(m.id) or 0, default=None)
    frontier = [m for m in catalog.compared if m.tier == "frontier" and benchmark.score(m.id) is not None]
    if mine is None or best is None:
        figure, unit = "n/a", lang("deck.lead.none", benchmark=benchmark.name)
    else:
        lead = mine - (benchmark.score(best.id) or 0)
        figure = f"{lead:+.1f}"
        unit = lang("deck.lead.unit", benchmark=benchmark.name, model=best.name)
    scored = [(m, s) for m in catalog.compared if (s := benchmark.score(m.id)) is not None]
    return Slide(
        title=benchmark.name + lang.colon + lang.of(benchmark, "tests"),
        figure=figure,
        unit=unit,
        lines=(),
        sources=tuple(dict.fromkeys((*benchmark.sources, *benchmark.reported_sources))),
        compared=tuple(
            (
                m.name + (lang("deck.lead.frontier") if m in frontier else "") + ("†" if m.chart_note else ""),
                f"{s:.1f}{compare.marks(benchmark, m.id) or ' '}",
            )
            for m, s in scored
        ),
        compared_title=lang("deck.lead.compared", benchmark=benchmark.name),
        notes=_score_notes(catalog, (benchmark,), [m for m, _ in scored], lang),
    )


def _score_notes(catalog: Catalog, benchmarks: tuple, models: list[Model], lang: Language) -> tuple[str, ...]:
    """What the marks on a slide's scores mean: °, † and ‡, as the Benchmarks pane says them."""
    notes = []
    chart_only = [m.short for m in models if any(m.id in b.chart_only for b in benchmarks)]
    if chart_only:
        notes.append(lang("benchmarks.chart_only", models=lang.join(chart_only)))
    notes += [f"† {m.name}{lang.colon}{lang.of(m, 'chart_note')}" for m in models if m.chart_note]
    notes += [
        lang(
            "benchmarks.reported_for",
            model=catalog.model(model_id).name,
            reported=f"{score:.1f}",
            chart=f"{b.score(model_id):.1f}",
        )
        for b in benchmarks
        for model_id, score in b.reported.items()
        if model_id in {m.id for m in models}
    ]
    return tuple(notes)


def _small_models(catalog: Catalog, lang: Language) -> Slide:
    record = compare.small_model_record(catalog)
    trails = lang("punct.semicolon").join(
        lang(
            "deck.small.loss",
            benchmark=loss.benchmark.name,
            peer=loss.peer_name,
            theirs=f"{loss.theirs:.1f}{loss.their_marks}",
            mine=f"{loss.mine:.1f}{loss.my_marks}",
        )
        for loss in record.losses
    )
    lost = tuple(loss.benchmark for loss in record.losses)
    peers = [m for m in catalog.compared if m.name in {loss.peer_name for loss in record.losses}]
    return Slide(
        title=lang("deck.small.title", model=catalog.subject.name),
        figure=str(record.leads),
        unit=lang("deck.small.unit", of=record.of, model=catalog.subject.name),
        lines=(
            lang("deck.small.trails", losses=trails) if trails else lang("deck.small.none"),
            lang("deck.small.na"),
        ),
        sources=tuple(dict.fromkeys(s for b in catalog.benchmarks for s in b.sources)),
        notes=_score_notes(catalog, lost, [catalog.subject, *peers], lang),
    )


def _scenario_lines(workload: Workload, lang: Language) -> list[str]:
    """The workload: what each request sends and how many a day, then its images."""
    line = lang(
        "deck.workload.line",
        requests=workload.requests_per_day,
        days=workload.days,
        input=workload.input_tokens,
        output=workload.output_tokens,
    )
    if workload.cached_input_tokens:
        line += lang("deck.workload.cached", cached=workload.cached_input_tokens)
    return [line, *filter(None, [report.images_said(workload, lang)])]


def _workload(catalog: Catalog, lang: Language, scenario: Scenario) -> Slide:
    """The calculator's workload at the prices it shows (today's are the last slide's),
    saying which prices and whether the Batch API is on."""
    workload, batch = scenario.workload, scenario.batch
    latest = scenario.prices == "latest known"
    priced = catalog.latest() if latest else catalog
    results = {r.model.id: r for r in costs.monthly(priced, workload, batch)}
    subject = results[catalog.subject.id]
    rival = next((m for m in catalog.compared if m.tokenizer and m.role == "peer"), None)
    lines = [
        *_scenario_lines(workload, lang),
        lang("deck.workload.latest" if latest else "deck.workload.launch")
        + (lang("deck.workload.batch") if batch else ""),
    ]
    if rival is not None:
        lines.append(
            lang(
                "deck.workload.saves",
                rival=rival.name,
                model=catalog.subject.name,
                saving=lang.saving(subject, results[rival.id]),
            )
        )
    others = [r.model for r in results.values() if r is not subject]
    marks, notes = _price_marks(priced, others, lang)
    if workload.cached_input_tokens:
        notes = (*notes, lang("report.no_cached_price"))
    return Slide(
        title=lang("deck.workload.title"),
        figure=lang.usd_cell(subject.total_usd),
        unit=lang("deck.dollar_unit", unit=lang("deck.workload.unit", model=catalog.subject.name)),
        lines=tuple(lines),
        sources=tuple(dict.fromkeys(s for r in results.values() for s in report.price_sources(priced, r.model.id))),
        compared=tuple((m.name + marks.get(m.id, ""), lang.total(results[m.id])) for m in others),
        compared_title=lang("deck.workload.compared"),
        notes=notes,
    )


def _reading_today(lang: Language) -> Slide:
    """The then-and-now slide while genai-prices is being read (well under a second)."""
    return Slide(lang("deck.now.title"), "...", lang("deck.now.reading"), (), ())


def _then_and_now(catalog: Catalog, lang: Language, scenario: Scenario) -> Slide:
    """The calculator's workload at launch beside the same workload today, on
    gpt4o-tui's models and on those the person added from genai-prices."""
    from gpt4o_tui.core import today

    workload, batch = scenario.workload, scenario.batch
    then = {r.model.id: r for r in costs.monthly(catalog, workload, batch)}
    now = {r.model.id: r for r in today.monthly(catalog, workload, batch)}
    added = today.chosen(scenario.others, workload, batch)
    subject = catalog.subject
    rows = [
        (m.name, lang("deck.now.row", then=lang.total(then[m.id]), now=lang.total(now[m.id]) if m.id in now else "—"))
        for m in catalog.compared
    ]
    rows += [(r.model.name + " ⁺", lang("deck.now.row_new", now=lang.total(r))) for r in added]
    notes = [lang("deck.now.added", version=today.version())] if added else []
    if workload.cached_input_tokens:
        notes.append(lang("deck.now.cached"))
    notes += [
        f"{m.name}{lang.colon}{report.deprecation_said(d, lang)}"
        for m in catalog.compared
        if (d := catalog.deprecation(m.id)) is not None and d.status == "shut down"
    ]
    return Slide(
        title=lang("deck.now.title"),
        figure=lang.usd_cell(now[subject.id].total_usd) if subject.id in now else "n/a",
        unit=lang("deck.dollar_unit", unit=lang("deck.now.unit", model=subject.name)),
        lines=(
            *_scenario_lines(workload, lang),
            *([lang("deck.now.batch")] if batch else []),
            lang(
                "deck.now.was",
                model=subject.name,
                then=lang.total(then[subject.id]),
            ),
            lang("deck.now.what", version=today.version()),
        ),
        sources=tuple(
            dict.fromkeys((*(s for m in catalog.compared for s in catalog.price(m.id).sources), today.SOURCE))
        ),
        compared=tuple(rows),
        compared_title=lang("deck.now.compared"),
        notes=tuple(notes),
    )


def _images(catalog: Catalog, lang: Language) -> tuple[Slide, ...]:
    """The launch's pricing surprise: an image costs GPT-4o mini about what it costs
    GPT-4o, from the first preset that carries images (the receipts, as Ramp's use)."""
    preset = next((p for p in catalog.presets if p.image is not None), None)
    frontier = next((m for m in catalog.compared if m.tier == "frontier"), None)
    if preset is None or frontier is None:
        return ()
    workload = costs.preset_workload(preset)
    one = Workload(0, 0, 1, 1, images=1, image_size=workload.image_size, detail=workload.detail)
    results = {r.model.id: r for r in costs.monthly(catalog, one)}
    subject, other = results[catalog.subject.id], results[frontier.id]
    found = costs.image_comparison(subject, other, one)
    if found is None:
        return ()
    text_times = catalog.price(frontier.id).input / catalog.price(catalog.subject.id).input
    size = workload.image_size
    rows = [
        (
            r.model.name,
            lang.say(r.problem)
            if r.problem
            else lang("deck.images.row", tokens=report.image_tokens_cell(catalog, r, lang), usd=lang.usd(r.image_usd)),
        )
        for r in results.values()
    ]
    named = next(
        (lang.of(n, "name") for n in catalog.image_sizes if (n.width, n.height) == (size.width, size.height)), None
    )
    notes = tuple(
        f"{catalog.model(rule.model).name}{lang.colon}{lang.of(rule, 'caveat')}"
        for rule in catalog.image_rules
        if rule.caveat and rule.model in results
    )
    return (
        Slide(
            title=lang("deck.images.title"),
            figure=f"{found.subject_tokens:,}",
            unit=lang(
                "deck.images.unit",
                model=catalog.subject.name,
                size=named or lang("deck.images.an_image"),
                width=size.width,
                height=size.height,
                detail=lang(f"image.detail.{workload.detail}"),
            ),
            lines=(
                lang(
                    "deck.images.against",
                    other=frontier.name,
                    tokens=found.other_tokens,
                    subject_usd=lang.usd(found.subject_usd),
                    other_usd=lang.usd(found.other_usd),
                ),
                lang(
                    "deck.images.text",
                    model=catalog.subject.name,
                    other=frontier.name,
                    times=f"{text_times.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,}",
                ),
            ),
            sources=tuple(dict.fromkeys(s for rule in catalog.image_rules for s in rule.sources)),
            compared=tuple(rows),
            compared_title=lang("deck.images.compared"),
            notes=notes,
        ),
    )


def _since_launch(catalog: Catalog, lang: Language, workload: Workload) -> Slide:
    changes = sorted((c for c in catalog.price_changes if c.sets_list_price), key=lambda c: c.date)
    if not changes:
        return Slide(lang("deck.since.empty_title"), "n/a", lang("deck.since.empty_unit"), (), ())
    latest = catalog.latest()
    now = costs.monthly(latest, workload)
    subject = next(r for r in now if r.model.role == "subject")
    cheaper = [
        r.model.name for r in now if r.model.role == "peer" and not r.problem and r.total_usd < subject.total_usd
    ]
    marks, notes = _price_marks(latest, [r.model for r in now], lang)
    return Slide(
        title=lang("deck.since.title"),
        figure=f"{changes[-1].date:%Y-%m-%d}",
        unit=lang("deck.since.unit"),
        lines=(
            *(f"{c.date:%Y-%m-%d} {catalog.model(c.model).name}{lang.colon}{lang.of(c, 'summary')}" for c in changes),
            lang("deck.since.cheaper", model=catalog.subject.name, models=lang.join(cheaper))
            if cheaper
            else lang("deck.since.cheapest", model=catalog.subject.name),
        ),
        sources=tuple(
            dict.fromkeys(
                (*(s for c in changes for s in c.sources), *(s for m in marks for s in report.price_sources(latest, m)))
            )
        ),
        compared=tuple((r.model.name + marks.get(r.model.id, ""), lang.total(r)) for r in now),
        compared_title=lang("deck.since.compared"),
        notes=notes,
    )
