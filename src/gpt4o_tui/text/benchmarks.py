"""The Benchmarks pane's content: cells, deltas, caveats, explanations, and how its
orderings and mixes are named."""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text

from gpt4o_tui.core import compare
from gpt4o_tui.core.catalog import Benchmark, Catalog
from gpt4o_tui.core.compare import Mix, SortKey
from gpt4o_tui.text.i18n import ENGLISH, Language
from gpt4o_tui.text.sources import sources_text


def sort_label(catalog: Catalog, key: SortKey, lang: Language = ENGLISH) -> str:
    if key == "chart":
        return lang("compare.chart_order")
    if key == "average":
        return lang("compare.average")
    return lang("compare.benchmark_score", name=next(b.name for b in catalog.benchmarks if b.id == key))


def mix_label(mix: Mix, lang: Language = ENGLISH) -> str:
    return lang("compare.mix", input=mix.input, output=mix.output)


def cell(benchmark: Benchmark, model_id: str, best: bool, best_small: bool) -> Text:
    """Numbers right-aligned in five cells, then the marks, so columns line up."""
    score = benchmark.score(model_id)
    if score is None:
        return Text(f"{'n/a':>5}", "italic")
    chart_only = "°" if model_id in benchmark.chart_only else " "
    marks = ("‡" if model_id in benchmark.reported else "") + ("★" if best else "") + ("▲" if best_small else "")
    return Text(f"{score:>5.1f}{chart_only}{marks}", "bold" if best or best_small else "")


def delta(change: Decimal | None) -> tuple[tuple[str, str], ...]:
    """A signed lead or lag, with a glyph so it reads without colour."""
    if change is None:
        return (("Δ n/a", "italic"),)
    if change > 0:
        return (("Δ ", ""), (f"+{change:.1f} ▲", "bold $text-success"))
    if change < 0:
        return (("Δ ", ""), (f"−{-change:.1f} ▼", "bold $text-error"))
    return (("Δ ", ""), ("0.0 =", "bold"))


def where_beaten(catalog: Catalog, lang: Language) -> Text:
    """Where a small peer scores above GPT-4o mini: shown as plainly as the wins."""
    record = compare.small_model_record(catalog)
    text = Text(lang("benchmarks.leads", model=catalog.subject.name, leads=record.leads, of=record.of))
    if record.losses:
        text.append(lang("benchmarks.trails")).append(
            lang("punct.semicolon").join(
                lang(
                    "benchmarks.loss",
                    benchmark=loss.benchmark.name,
                    peer=loss.peer_name,
                    theirs=f"{loss.theirs:.1f}{loss.their_marks}",
                    mine=f"{loss.mine:.1f}{loss.my_marks}",
                )
                for loss in record.losses
            ),
            "bold",
        )
    return text.append(lang("punct.full_stop"))


def caveats(catalog: Catalog, lang: Language) -> Text:
    notes = [f"{m.name}{lang.colon}{lang.of(m, 'chart_note')}" for m in catalog.compared if m.chart_note]
    return Text.assemble(
        lang("benchmarks.caveats") + " ".join(f"† {n}{lang('punct.full_stop')}" for n in notes), reported(catalog, lang)
    )


def reported(catalog: Catalog, lang: Language) -> Text:
    """‡: where a model's maker reports another figure than the chart's, both are said."""
    figures = [(catalog.model(m), b, score) for b in catalog.benchmarks for m, score in b.reported.items()]
    if not figures:
        return Text()
    sources = tuple(dict.fromkeys(s for b in catalog.benchmarks for s in b.reported_sources))
    said = " · ".join(
        lang(
            "benchmarks.reported_figure",
            model=model.short,
            benchmark=b.name,
            chart=f"{b.score(model.id):.1f}",
            reported=f"{score:.1f}",
        )
        for model, b, score in figures
    )
    return Text.assemble("\n", lang("benchmarks.reported", figures=said), " ", sources_text(sources))


def explanation(benchmark: Benchmark, catalog: Catalog, lang: Language) -> Text:
    text = Text.assemble((benchmark.name, "bold"), " — ", lang.of(benchmark, "tests"), "\n\n")
    text.append(lang("benchmarks.how_scored"), "bold").append(lang.of(benchmark, "scored")).append(" ")
    text.append(sources_text(benchmark.scored_sources)).append("\n\n")
    if benchmark.analogy and benchmark.analogy_zh:
        text.append(lang("common.plain_words"), "bold")
        if lang.zh:  # the seed's own words
            text.append(benchmark.analogy_zh).append(" ").append(sources_text(("seed",))).append("\n\n")
        else:  # a retelling, then the seed's Chinese it retells
            text.append(benchmark.analogy).append("\n")
            text.append(benchmark.analogy_zh, "italic").append(" ").append(sources_text(("seed",))).append("\n\n")
    else:
        text.append(lang("benchmarks.no_analogy", benchmark=benchmark.name) + "\n\n", "italic")
    scores = []
    for model in catalog.compared:
        score = benchmark.score(model.id)
        shown = "n/a" if score is None else f"{score:.1f}" + compare.marks(benchmark, model.id)
        scores.append(f"{model.short} {shown}")
    text.append(lang("benchmarks.scores"), "bold").append(" · ".join(scores)).append("\n")
    for model_id, reason in lang.of(benchmark, "not_scored").items():
        text.append(lang("benchmarks.na_for", model=catalog.model(model_id).name, reason=reason) + "\n")
    if benchmark.chart_only:
        names = lang.join(catalog.model(m).short for m in benchmark.chart_only)
        text.append(lang("benchmarks.chart_only", models=names) + "\n")
    for model_id, score in benchmark.reported.items():
        text.append(
            lang(
                "benchmarks.reported_for",
                model=catalog.model(model_id).name,
                reported=f"{score:.1f}",
                chart=f"{benchmark.score(model_id):.1f}",
            )
            + " "
        )
        text.append(sources_text(benchmark.reported_sources)).append("\n")
    text.append(lang("benchmarks.sources")).append(sources_text(benchmark.sources))
    return text


# -- the views' words, from the pane's state --------------------------------


def view_name(view: str, lang: Language) -> str:
    """The pane's top line: which view shows, and the key to the next."""
    return lang("benchmarks.view_name", view=lang(f"view.{view}"))


def legend(catalog: Catalog, lang: Language) -> Text:
    """Under the table: what its marks mean, each chart note, and the makers' own figures."""
    notes = sorted({lang.of(m, "chart_note") for m in catalog.compared if m.chart_note})
    return Text.assemble(lang("benchmarks.legend") + "".join(f"  † {note}" for note in notes), reported(catalog, lang))


def chart_title(benchmark: Benchmark, lang: Language) -> Text:
    return Text.assemble(
        (benchmark.name, "bold"),
        lang.colon + lang.of(benchmark, "tests"),
        ("   " + lang("benchmarks.explain_hint"), "dim"),
    )


def plain_words(benchmark: Benchmark, lang: Language) -> Text:
    if benchmark.analogy:
        return Text.assemble((lang("common.plain_words"), "bold"), lang.of(benchmark, "analogy"))
    return Text(lang("benchmarks.no_analogy", benchmark=benchmark.name), "italic")


def score_note(benchmark: Benchmark, model_id: str, lang: Language) -> str:
    """Beside a model's bar: why it has no score, if it has none."""
    return lang.of(benchmark, "not_scored").get(model_id, "")


def grouped_header(catalog: Catalog, sort_key: SortKey, peer_id: str, lang: Language) -> Text:
    """`peer_id` is "" while every peer is hidden: then there is no Δ to give."""
    subject = catalog.subject
    against = f"{subject.short} − {catalog.model(peer_id).short} (p)" if peer_id else lang("benchmarks.no_peer")
    return Text.assemble(
        lang("benchmarks.sorted_by"),
        (sort_label(catalog, sort_key, lang), "bold"),
        " (s)   ",
        ("Δ ", "bold"),
        f"{against}\n",
        where_beaten(catalog, lang),
    )


def average_title(lang: Language) -> Text:
    return Text.assemble((lang("benchmarks.average"), "bold"), lang("benchmarks.average_note"))


def average_note(average: compare.Average, lang: Language) -> str:
    """Beside an average: how many benchmarks it is taken over, if not all."""
    if average.taken == average.of:
        return ""
    return lang("benchmarks.taken", taken=average.taken, of=average.of)


def group_title(
    benchmark: Benchmark, subject_id: str, peer_id: str, lang: Language
) -> tuple[str | tuple[str, str], ...]:
    """One benchmark's heading in the grouped view: its name, what it tests, and
    GPT-4o mini's lead or lag against the peer (none while no peer is shown), as
    parts of Textual content."""
    title = ((benchmark.name, "bold"), f"  {lang.of(benchmark, 'tests')}  ")
    return (*title, *delta(compare.delta(benchmark, subject_id, peer_id))) if peer_id else title


def frontier_header(benchmark: Benchmark, mix: Mix, lang: Language) -> Text:
    return Text.assemble(
        (benchmark.name, "bold"),
        lang("benchmarks.frontier_against"),
        (mix_label(mix, lang), "bold"),
        lang("benchmarks.frontier_axis"),
    )


def frontier_words(
    catalog: Catalog, benchmark: Benchmark, visible: list[str], hidden: frozenset[str], mix: Mix, lang: Language
) -> Text:
    """Under the plot: who is on the frontier, who beats each of the rest, who is
    not plotted and why, and who is hidden."""
    candidates = compare.points(catalog, benchmark, visible, mix)
    on = compare.frontier(candidates)
    on_ids = {p.model_id for p in on}
    words = Text.assemble((lang("benchmarks.on_frontier"), "bold"), lang("benchmarks.on_frontier_note"))
    words.append(lang.join(f"{catalog.model(p.model_id).name} {lang.usd(p.price)}" for p in on) or lang("common.none"))
    for point in candidates:
        if point.model_id not in on_ids:
            beaters = lang.join(catalog.model(q.model_id).short for q in compare.dominated_by(candidates, point))
            words.append(
                "\n" + lang("benchmarks.off_frontier", model=catalog.model(point.model_id).name, beaters=beaters)
            )
    for model_id, reason in lang.of(benchmark, "not_scored").items():
        if model_id in visible:
            words.append("\n" + lang("benchmarks.not_plotted", model=catalog.model(model_id).name, reason=reason))
    if hidden:
        words.append(
            "\n" + lang("benchmarks.hidden", models=lang.join(m.short for m in catalog.compared if m.id in hidden))
        )
    return words
