"""One line of checkboxes, one per model: which models the charts show."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from gpt4o_tui.core.catalog import Model

PICK = Binding.Group("Show row: model")


class ModelToggles(Widget, can_focus=True):
    """←/→ pick a model, space shows or hides it; a click toggles the one under it."""

    BINDINGS = [
        Binding("left", "move(-1)", "previous", show=False, group=PICK, id="toggles.previous"),
        Binding("right", "move(1)", "next", show=False, group=PICK, id="toggles.next"),
        Binding(
            "space,enter", "toggle", "Show/hide", id="toggles.toggle", tooltip="Show or hide the model under the cursor"
        ),
        Binding("escape", "leave", "Back", show=False, id="toggles.leave", tooltip="Back from the row to the chart"),
    ]
    COMPONENT_CLASSES = {"model-toggles--cursor", "model-toggles--hidden"}

    hidden: reactive[frozenset[str]] = reactive(frozenset())
    cursor: reactive[int] = reactive(0)

    class Changed(Message):
        def __init__(self, toggles: ModelToggles, hidden: frozenset[str]) -> None:
            super().__init__()
            self.toggles, self.hidden = toggles, hidden

        @property
        def control(self) -> ModelToggles:
            return self.toggles

    class Left(Message):
        """The person is done with the row: the focus goes back to the chart."""

        def __init__(self, toggles: ModelToggles) -> None:
            super().__init__()
            self.toggles = toggles

        @property
        def control(self) -> ModelToggles:
            return self.toggles

    def __init__(self, models: tuple[Model, ...], prefix: str, *, id: str | None = None) -> None:
        """`prefix` leads the line ("Show "), in the app's language."""
        super().__init__(id=id)
        self.models = models
        self.prefix = prefix

    def _spans(self) -> list[tuple[int, int]]:
        """Where each model's checkbox and name stand on the line, in cells."""
        spans, x = [], cell_len(self.prefix)
        for model in self.models:
            width = len(f"[x]{model.short}")
            spans.append((x, x + width))
            x += width + 1
        return spans

    def render(self) -> Text:
        text = Text(self.prefix)
        for index, model in enumerate(self.models):
            shown = model.id not in self.hidden
            item = Text(f"[{'x' if shown else ' '}]{model.short}")
            if not shown:
                item.stylize(self.get_component_rich_style("model-toggles--hidden"))
            if self.has_focus and index == self.cursor:
                item.stylize(self.get_component_rich_style("model-toggles--cursor"))
            text.append_text(item)
            text.append(" ")
        return text

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, delta: int) -> None:
        self.cursor = (self.cursor + delta) % len(self.models)

    def action_leave(self) -> None:
        self.post_message(self.Left(self))

    def action_toggle(self) -> None:
        self._toggle(self.cursor)

    def _toggle(self, index: int) -> None:
        model_id = self.models[index].id
        self.hidden = self.hidden ^ {model_id}
        self.post_message(self.Changed(self, self.hidden))

    def on_click(self, event: events.Click) -> None:
        for index, (start, end) in enumerate(self._spans()):
            if start <= event.x < end:
                self.cursor = index
                self._toggle(index)
                return
