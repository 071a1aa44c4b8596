"""Safety: the launch post's five measures as a pipeline, pre-training to monitoring."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gpt4o_tui.catalog import Catalog, SafetyMeasure
from gpt4o_tui.panes.common import sources_text


class SafetyPane(Horizontal):
    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        count = len(self.catalog.safety)
        stages = [
            Option(
                Text.assemble((f"{number}  ", "bold"), measure.stage, "\n\u00a0\u00a0\u00a0↓" if number < count else ""),
                id=str(number),
            )
            for number, measure in enumerate(self.catalog.safety, start=1)
        ]
        with Vertical(id="pipeline"):
            stages_list = OptionList(*stages, id="stages")
            stages_list.border_title = "Pipeline"
            yield stages_list
            yield Static(
                Text("\n").join(
                    Text.assemble("ⓘ ", note.text, " ", sources_text(note.sources))
                    for note in self.catalog.safety_footnotes
                ),
                classes="footnote",
            )
        with VerticalScroll(id="measure", can_focus=False):
            yield Static("", id="measure-detail")

    def on_mount(self) -> None:
        self.query_one("#stages", OptionList).highlighted = 0

    def focus_default(self) -> None:
        self.query_one("#stages", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#stages")
    def _stage_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        number = int(event.option.id or "1")
        detail = _detail(number, self.catalog.safety[number - 1], len(self.catalog.safety))
        self.query_one("#measure-detail", Static).update(detail)


def _detail(number: int, measure: SafetyMeasure, count: int) -> Text:
    text = Text.assemble((f"Stage {number} of {count} · {measure.stage}\n", "bold"), (measure.title, "bold"))
    if measure.caveat:
        text.append("\n⚠ Caveat: ", "bold").append(measure.caveat)
    text.append("\n\n").append(measure.detail).append("  ").append(sources_text(measure.sources))
    text.append("\n\n").append("In plain words: ", "bold").append(measure.plain)
    text.append("\n").append(measure.plain_zh, "italic").append(" ").append(sources_text(("seed",)))
    return text
