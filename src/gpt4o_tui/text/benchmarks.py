"""The Benchmarks pane's words: how its orderings and mixes are named."""

from __future__ import annotations

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.compare import Mix, SortKey
from gpt4o_tui.text.i18n import ENGLISH, Language


def sort_label(catalog: Catalog, key: SortKey, lang: Language = ENGLISH) -> str:
    if key == "chart":
        return lang("compare.chart_order")
    if key == "average":
        return lang("compare.average")
    return lang("compare.benchmark_score", name=next(b.name for b in catalog.benchmarks if b.id == key))


def mix_label(mix: Mix, lang: Language = ENGLISH) -> str:
    return lang("compare.mix", input=mix.input, output=mix.output)
