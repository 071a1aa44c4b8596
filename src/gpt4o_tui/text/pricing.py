"""The Pricing pane's content, from its state to Rich: the totals' cells and notes,
the conversations, the claims, the list prices and their history, the token counts."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text

from gpt4o_tui.core import claims, costs, today
from gpt4o_tui.core.catalog import Catalog, Model, Preset
from gpt4o_tui.core.costs import ModelCost, Workload
from gpt4o_tui.core.counts import INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS
from gpt4o_tui.core.tokens import InputCost
from gpt4o_tui.text import money, report, verdicts
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.text.report import Prices
from gpt4o_tui.text.sources import sources_text
from gpt4o_tui.text.wrap import Prose


def volume(workload: Workload, lang: Language) -> str:
    """One line at any slider position, so it repaints without a relayout."""
    return lang(
        "pricing.volume",
        requests=workload.requests,
        input=workload.input_tokens * workload.requests,
        output=workload.output_tokens * workload.requests,
    )


def assumption(preset: Preset | None, lang: Language) -> Text | str:
    """What the preset this workload is assumes, or that the workload is custom."""
    if preset is None:
        return lang("pricing.custom_workload")
    return Text.assemble(
        (lang.of(preset, "name") + lang.colon, "bold"),
        lang.of(preset, "use"),
        lang("pricing.assumed"),
        lang.of(preset, "assumption"),
        " ",
        sources_text(preset.sources),
    )


def cost_notes(catalog: Catalog, results: tuple[ModelCost, ...], batch: bool, prices: Prices, lang: Language) -> str:
    """Under the totals: what cannot run, what pays the long-context rate, and which
    prices are shown (batch; latest known with their dates and caveats; today's, from
    which genai-prices)."""
    notes = []
    for result in results:
        if result.problem:
            notes.append(lang("pricing.cannot_run", model=result.model.name, problem=lang.say(result.problem)))
        if result.long_context_rate:
            notes.append(lang("pricing.long_context", model=result.model.name))
    added = [r for r in results if r.model.role == "today"]
    if added:
        notes.append(
            lang(
                "pricing.added",
                version=today.version(),
                models=lang.join(
                    r.model.name
                    + (lang("pricing.added_deprecated") if r.model.deprecated else "")
                    + ("" if r.model.context_window else lang("pricing.added_no_limit"))
                    for r in added
                ),
            )
        )
    if prices == "today":
        tiered = [r.model.short for r in results if r.today is not None and r.today.tiered]
        notes.insert(
            0,
            lang("pricing.today_on", version=today.version())
            + (lang("pricing.today_batch") if batch else "")
            + (lang("pricing.today_tiered", models=lang.join(tiered)) if tiered else ""),
        )
    elif batch:
        standard = [r.model.short for r in results if r.rate.kind != "batch"]
        notes.insert(
            0,
            lang("pricing.batch_on")
            + (lang("pricing.batch_standard", models=lang.join(standard)) if standard else lang("punct.full_stop")),
        )
    if any(r.cached_tokens for r in results):
        notes.append(_cached_note(results, prices, lang))
    if prices == "latest known":
        changes = sorted((c for c in catalog.price_changes if c.sets_list_price), key=lambda c: c.date)
        caveats = "".join(
            f"\n⚠ {catalog.model(c.model).name}{lang.colon}{lang.of(c, 'caveat')}" for c in changes if c.caveat
        )
        dates = lang.join(dict.fromkeys(f"{c.date:%Y-%m-%d}" for c in changes))
        notes.insert(0, lang("pricing.latest_on", dates=dates) + caveats)
    return "\n".join(notes) or lang("pricing.every_model")


def _cached_note(results: tuple[ModelCost, ...], prices: Prices, lang: Language) -> str:
    """How the cached input is priced: at today's cached rates where genai-prices has
    them; under launch and latest known prices, as input, since no cached price existed."""
    if prices != "today":
        return lang("pricing.cached_as_input")
    missing = [r.model.short for r in results if r.today is not None and r.today.cache_read_mtok is None]
    if missing:
        return lang("pricing.cached_today_missing", models=lang.join(missing))
    return lang("pricing.cached_today")


def image_line(priced: Catalog, workload: Workload, results: tuple[ModelCost, ...], lang: Language) -> Text:
    """With images in the workload: each model's image tokens per request, and in
    words how one image on GPT-4o mini compares with one on the frontier model."""
    cells = [f"{r.model.short} {report.image_tokens_cell(priced, r, lang)}" for r in results]
    line = Text.assemble((lang("image.tokens_line") + lang.colon, "bold"), " · ".join(cells))
    subject = next(r for r in results if r.model.role == "subject")
    for other in (r for r in results if r.model.tier == "frontier"):
        found = costs.image_comparison(subject, other, workload)
        if found is None:
            continue
        ratio = found.ratio
        if abs(ratio - 1) <= Decimal("0.05"):
            verdict = lang("image.about_the_same")
        elif ratio > 1:
            verdict = lang("image.more", times=f"{ratio.quantize(Decimal('0.1')):,}")
        else:
            verdict = lang("image.less", times=f"{(1 / ratio).quantize(Decimal('0.1')):,}")
        line.append(
            "\n"
            + lang(
                "image.compare",
                subject=subject.model.name,
                other=found.other.name,
                subject_tokens=found.subject_tokens,
                other_tokens=found.other_tokens,
                subject_usd=lang.usd(found.subject_usd),
                other_usd=lang.usd(found.other_usd),
                verdict=verdict,
            )
        )
    return line


def conversations(
    priced: Catalog,
    workload: Workload,
    turns: int,
    batch: bool,
    lang: Language,
    prices: Prices = "launch",
    others: tuple[str, ...] = (),
) -> Group:
    """Each request as one turn of a conversation: the message is the input slider
    (with its images), the reply the output slider; every turn sends all the turns
    before it. At today's prices, genai-prices prices each turn."""

    def talk(model: Model, message: int, length: int) -> costs.Conversation:
        if prices == "today":
            found = today.for_catalog_model(model)
            if found is not None:
                return today.conversation(found, model, message, workload.output_tokens, length, batch)
        return costs.conversation(priced, model, message, workload.output_tokens, length, batch)

    table = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        title_justify="left",
        title=lang(
            "talk.title_one" if turns == 1 else "talk.title",
            turns=turns,
            input=workload.input_tokens,
            output=workload.output_tokens,
        ),
    )
    table.add_column(lang("pricing.model"), no_wrap=True)
    table.add_column(lang("talk.per_conversation"), justify="right", no_wrap=True)
    table.add_column(lang("talk.last_prompt"), justify="right", no_wrap=True)
    table.add_column(lang("talk.full_at"), justify="right", no_wrap=True)
    # Each row: its name, and its conversation and first full turn, or why it has none.
    rows: list[tuple[str, costs.Conversation | None, str | None]] = []
    for model in priced.compared:
        images = costs.request_image_tokens(priced, model, workload)
        if images is None:
            rows.append((model.name, None, None))
            continue
        message = workload.input_tokens + images
        full = costs.first_full_turn(model, message, workload.output_tokens)
        rows.append((model.name, talk(model, message, turns), "—" if full is None else lang("talk.turn", turn=full)))
    by_ref = {m.ref: m for m in today.models()} if others else {}
    for ref in others:
        added = by_ref.get(ref)
        if added is None:
            continue
        if workload.images:
            rows.append((added.name + " ⁺", None, None))
            continue
        said = today.conversation(added, added, workload.input_tokens, workload.output_tokens, turns, batch)
        full = costs.first_full_turn(added, workload.input_tokens, workload.output_tokens)
        rows.append((added.name + " ⁺", said, lang("talk.unknown") if full is None else lang("talk.turn", turn=full)))
    places = money.column_places(said.usd for _, said, _ in rows if said is not None and said.full_at is None)
    for name, said, full_at in rows:
        if said is None:
            table.add_row(name, lang("talk.no_images"), "—", "—")
            continue
        cost = lang.usd(said.usd, places) if said.full_at is None else lang("talk.stops", turn=said.full_at)
        table.add_row(name, cost, lang.count(said.last_prompt_tokens), full_at)
    growth = Text.assemble((lang("talk.growth", model=priced.subject.name) + "\n", "bold"))
    lengths = []
    message = workload.input_tokens + (costs.request_image_tokens(priced, priced.subject, workload) or 0)
    for length in (1, 10, 50, 200):
        said = talk(priced.subject, message, length)
        lengths.append(
            f"{length}{lang.colon}"
            + (lang.usd(said.usd) if said.full_at is None else lang("talk.stops", turn=said.full_at))
        )
    growth.append(" · ".join(lengths))
    return Group(table, Prose(growth))


def token_counts(
    catalog: Catalog, text: str, counts: dict[str, int], priced: list[InputCost], lang: Language, kept: bool = False
) -> Text | str:
    """The text's length, its tokens and input cost on each model that can count
    them, and how many fewer tokens GPT-4o mini's tokenizer needs; `kept`: a sample
    is shown, and the person's own text waits under "Your text"."""
    if not text:
        return ""
    line = Text.assemble((lang("tokens.characters", count=len(text)), "bold"))
    line.append(
        " · ".join(lang("tokens.count", model=c.model.name, tokens=c.tokens, usd=lang.usd(c.usd)) for c in priced)
    )
    o200k, cl100k = counts["o200k_base"], counts["cl100k_base"]
    if cl100k:
        fewer = Decimal(cl100k - o200k) / cl100k * 100
        line.append("\n" + lang("tokens.fewer", percent=lang.percent(fewer)))
    others = [m.name for m in catalog.compared if m.tokenizer is None]
    line.append("\n" + lang("tokens.not_counted", models=lang.join(others)), "dim")
    if kept:
        line.append("\n" + lang("tokens.kept", your_text=lang("pricing.your_text")))
    return line


def rates_cell(result: costs.ModelCost, lang: Language, places: int | None = None) -> str:
    """The rates, with * where the Batch API price applies. The column's heading
    names the unit, so Chinese leaves 美元 out."""
    batched = result.rate.kind == "batch" or result.rate.batch
    return lang.rates(result, cell=True, places=places) + ("*" if batched else " ")


def widest(lang: Language, *catalogs: Catalog) -> tuple[int, int, int]:
    """Widths of the rates, the total and the saving at their widest within the sliders'
    bounds (text only), at each catalog's prices (launch and latest known), with and
    without the Batch API, formatted as the calculator formats its columns, so no
    figure is ever cut and no step of a slider makes a column jump. A bill is
    largest at each model's largest workload (costs.largest_runnable), a saving at the
    largest workload both models run; a saving's share is at its extremes where the
    bill is nearly all input or all output, which those workloads and the shortest
    prompt with the longest reply cover; the rates include the long-context rate."""
    beyond_long_context = Workload(INPUT_BOUNDS.high + 1, 1, 1)
    most_output = Workload(INPUT_BOUNDS.low, OUTPUT_BOUNDS.high, REQUESTS_BOUNDS.high)
    rows = [
        (catalog, costs.monthly(catalog, workload, batch))
        for catalog in catalogs
        for workload in dict.fromkeys(
            (
                most_output,
                beyond_long_context,
                *(w for m in catalog.compared for w in costs.largest_runnable(m)),
                *(w for m in catalog.compared for w in costs.largest_runnable(catalog.subject, m)),
            )
        )
        for batch in (False, True)
    ]
    rates, totals, saving_widths = [], [cell_len(lang("cost.cannot_run"))], [cell_len("—"), cell_len("n/a")]
    gained: list[tuple[str, str]] = []
    for catalog, row in rows:
        subject = next(r for r in row if r.model.id == catalog.subject.id)
        places = report.column_places(row, subject)  # as the calculator writes its columns
        rates += [cell_len(rates_cell(r, lang, places.rates)) for r in row]
        totals += [cell_len(lang.total(r, cell=True, places=places.total)) for r in row]
        for result in row:
            found = costs.saving(subject, result) if result is not subject else None
            if found is not None and found.usd < 0:
                saving_widths.append(cell_len(lang.saving(subject, result, cell=True, places=places.saving)))
            elif found is not None:
                gained.append((lang.usd_cell(found.usd, places.saving), lang.percent(found.percent)))
    if gained:
        # The most money beside the widest share: the two need not come together.
        saving_widths.append(
            max(cell_len(m) for m, _ in gained) + cell_len(" ()") + max(cell_len(p) for _, p in gained)
        )
    return max(rates), max(totals), max(saving_widths)


def claims_text(catalog: Catalog, lang: Language) -> Text:
    text = Text()
    for verdict in claims.evaluate_all(catalog):
        claim = verdict.claim
        text.append(f"“{lang.of(claim, 'text')}”", "bold").append(lang.colon + verdicts.summary(verdict, lang))
        if claim.note:
            text.append("\n   ").append(lang.of(claim, "note"), "italic")
        if verdict.checks:
            text.append("\n   ")
            for index, check in enumerate(verdict.checks):
                text.append(" · " if index else "").append(verdicts.check_text(check, claim, lang)).append(
                    " ✓" if check.holds else " ✗"
                )
        text.append("  ").append(sources_text(claim.sources)).append("\n")
    text.rstrip()
    return text


def list_prices(catalog: Catalog, lang: Language) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(lang("pricing.model"), no_wrap=True)
    table.add_column(lang("pricing.input"), justify="right")
    table.add_column(lang("pricing.output"), justify="right")
    table.add_column(lang("pricing.batch_in"), justify="right", no_wrap=True)
    table.add_column(lang("pricing.batch_out"), justify="right", no_wrap=True)
    for price in catalog.prices:
        model = catalog.model(price.model)
        batch = (
            (lang.rate_cell(price.batch_input), lang.rate_cell(price.batch_output))
            if price.batch_input is not None and price.batch_output is not None
            else ("—", "—")
        )
        table.add_row(
            model.name,
            lang.rate_cell(price.input),
            lang.rate_cell(price.output),
            *batch,
        )
        if price.long_context:
            table.add_row(
                "  " + lang("pricing.prompts_over", tokens=price.long_context.above_tokens),
                lang.rate_cell(price.long_context.input),
                lang.rate_cell(price.long_context.output),
                "—",
                "—",
            )
    return table


def price_notes(catalog: Catalog, lang: Language) -> Text:
    text = Text(lang("pricing.batch_note") + "\n")
    for price in catalog.prices:
        text.append(catalog.model(price.model).name + lang.colon, "bold")
        said = lang.sentences(report.price_notes(catalog, price.model, lang))
        text.append(f"{said} " if said else "")
        text.append(sources_text(report.price_sources(catalog, price.model)))
        if price.batch_sources:
            text.append(" " + lang("pricing.batch_sources")).append(sources_text(price.batch_sources))
        text.append("\n")
    text.rstrip()
    return text


def timeline(catalog: Catalog, lang: Language) -> Prose:
    """The list prices' date, then each later change: ● one that changes a list price
    (the latest-known view uses it), ○ one about another product. A change that
    wraps goes on under its words, clear of its date and mark."""
    price = catalog.price(catalog.subject.id)
    text = Text.assemble(
        (f"{catalog.prices_as_of:%Y-%m-%d} ", "bold"),
        "● ",
        lang(
            "pricing.launches", model=catalog.subject.name, input=lang.rate(price.input), output=lang.rate(price.output)
        ),
    )
    for change in sorted(catalog.price_changes, key=lambda c: c.date):
        text.append("\n" + " " * 11 + "│\n")
        text.append(f"{change.date:%Y-%m-%d} ", "bold").append("● " if change.sets_list_price else "○ ")
        text.append(f"{catalog.model(change.model).name}{lang.colon}{lang.of(change, 'summary')} ")
        if change.caveat:
            text.append(f"⚠ {lang.of(change, 'caveat')} ", "italic")
        text.append(sources_text(change.sources))
    return Prose(text, hang=cell_len(f"{catalog.prices_as_of:%Y-%m-%d} ● "))


def timeline_key(lang: Language) -> Text:
    """Under the history, what its two marks say."""
    return Text(lang("pricing.timeline_key"), "dim")
