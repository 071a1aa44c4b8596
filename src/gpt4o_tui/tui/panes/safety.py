"""Safety: the launch post's five measures as a pipeline, pre-training to monitoring."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gpt4o_tui.text import safety as words
from gpt4o_tui.text.sources import sources_text
from gpt4o_tui.tui.panes.base import Pane
from gpt4o_tui.tui.widgets.words import Words


class SafetyPane(Pane, Horizontal):
    HELP_KEYS = (("up,down,home,end", "help.safety_stages"),)
    stage: reactive[int] = reactive(0, init=False, repaint=False)  # the highlighted measure, from 0

    def compose(self) -> ComposeResult:
        lang = self.lang
        count = len(self.catalog.safety)
        stages = [
            Option(
                Text.assemble(
                    (f"{number}  ", "bold"),
                    lang.of(measure, "stage"),
                    "\n\u00a0\u00a0\u00a0↓" if number < count else "",
                ),
                id=str(number),
            )
            for number, measure in enumerate(self.catalog.safety, start=1)
        ]
        with Vertical(id="pipeline"):
            stages_list = OptionList(*stages, id="stages")
            stages_list.border_title = lang("safety.pipeline")
            yield stages_list
            yield Words(
                Text("\n").join(
                    Text.assemble("ⓘ ", lang.of(note, "text"), " ", sources_text(note.sources))
                    for note in self.catalog.safety_footnotes
                ),
                classes="footnote",
            )
        with VerticalScroll(id="measure", can_focus=False):
            yield Words("", id="measure-detail")

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        self.query_one("#stages", OptionList).highlighted = self.stage

    def focus_target(self) -> Widget:
        return self.query_one("#stages", OptionList)

    @on(OptionList.OptionHighlighted, "#stages")
    def _stage_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        number = int(event.option.id or "1")
        self.stage = number - 1
        detail = words.detail(number, self.catalog.safety[number - 1], len(self.catalog.safety), self.lang)
        self.query_one("#measure-detail", Static).update(detail)
