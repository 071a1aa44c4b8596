"""Safety: the launch post's five measures as a pipeline, pre-training to monitoring."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gpt4o_tui.core.catalog import Catalog, SafetyMeasure
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.panes.common import sources_text


class SafetyPane(Horizontal):
    def __init__(self, catalog: Catalog, lang: Language, *, id: str | None = None,
                 state: Mapping[str, Any] | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog
        self.lang = lang
        self._stage = (state or {}).get("stage", 0)

    def state(self) -> dict[str, Any]:
        return {"stage": self.query_one("#stages", OptionList).highlighted or 0}

    def compose(self) -> ComposeResult:
        lang = self.lang
        count = len(self.catalog.safety)
        stages = [
            Option(
                Text.assemble((f"{number}  ", "bold"), lang.of(measure, "stage"),
                              "\n\u00a0\u00a0\u00a0↓" if number < count else ""),
                id=str(number),
            )
            for number, measure in enumerate(self.catalog.safety, start=1)
        ]
        with Vertical(id="pipeline"):
            stages_list = OptionList(*stages, id="stages")
            stages_list.border_title = lang("safety.pipeline")
            yield stages_list
            yield Static(
                Text("\n").join(
                    Text.assemble("ⓘ ", lang.of(note, "text"), " ", sources_text(note.sources))
                    for note in self.catalog.safety_footnotes
                ),
                classes="footnote",
            )
        with VerticalScroll(id="measure", can_focus=False):
            yield Static("", id="measure-detail")

    def on_mount(self) -> None:
        self.query_one("#stages", OptionList).highlighted = self._stage

    def focus_default(self) -> None:
        self.query_one("#stages", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#stages")
    def _stage_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        number = int(event.option.id or "1")
        detail = _detail(number, self.catalog.safety[number - 1], len(self.catalog.safety), self.lang)
        self.query_one("#measure-detail", Static).update(detail)


def _detail(number: int, measure: SafetyMeasure, count: int, lang: Language) -> Text:
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
