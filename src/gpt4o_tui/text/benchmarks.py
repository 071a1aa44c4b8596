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
        text.append(lang("benchmarks.trails")).append(lang("punct.semicolon").join(
            lang("benchmarks.loss", benchmark=loss.benchmark.name, peer=loss.peer_name,
                 theirs=f"{loss.theirs:.1f}{loss.their_marks}", mine=f"{loss.mine:.1f}{loss.my_marks}")
            for loss in record.losses
        ), "bold")
    return text.append(lang("punct.full_stop"))


def caveats(catalog: Catalog, lang: Language) -> Text:
    notes = [f"{m.name}{lang.colon}{lang.of(m, 'chart_note')}" for m in catalog.compared if m.chart_note]
    return Text.assemble(lang("benchmarks.caveats") + " ".join(f"† {n}{lang('punct.full_stop')}" for n in notes),
                         reported(catalog, lang))


def reported(catalog: Catalog, lang: Language) -> Text:
    """‡: where a model's maker reports another figure than the chart's, both are said."""
    figures = [(catalog.model(m), b, score) for b in catalog.benchmarks for m, score in b.reported.items()]
    if not figures:
        return Text()
    sources = tuple(dict.fromkeys(s for b in catalog.benchmarks for s in b.reported_sources))
    said = " · ".join(lang("benchmarks.reported_figure", model=model.short, benchmark=b.name,
                           chart=f"{b.score(model.id):.1f}", reported=f"{score:.1f}") for model, b, score in figures)
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
        text.append(lang("benchmarks.reported_for", model=catalog.model(model_id).name, reported=f"{score:.1f}",
                         chart=f"{benchmark.score(model_id):.1f}") + " ")
        text.append(sources_text(benchmark.reported_sources)).append("\n")
    text.append(lang("benchmarks.sources")).append(sources_text(benchmark.sources))
    return text
