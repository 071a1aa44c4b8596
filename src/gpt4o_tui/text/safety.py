"""The Safety pane's content: one measure, said in full."""

from __future__ import annotations

from rich.text import Text

from gpt4o_tui.core.catalog import SafetyMeasure
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.text.sources import sources_text


def detail(number: int, measure: SafetyMeasure, count: int, lang: Language) -> Text:
    text = Text.assemble(
        (lang("safety.stage", number=number, count=count, stage=lang.of(measure, "stage")) + "\n", "bold"),
        (lang.of(measure, "title"), "bold"),
    )
    if measure.caveat:
        text.append("\n" + lang("safety.caveat"), "bold").append(lang.of(measure, "caveat"))
    text.append("\n\n").append(lang.of(measure, "detail")).append("  ").append(sources_text(measure.sources))
    text.append("\n\n").append(lang("common.plain_words"), "bold")
    if lang.zh:  # the seed's own words
        text.append(measure.plain_zh).append(" ").append(sources_text(("seed",)))
    else:  # a retelling, then the seed's Chinese it retells
        text.append(measure.plain)
        text.append("\n").append(measure.plain_zh, "italic").append(" ").append(sources_text(("seed",)))
    return text
