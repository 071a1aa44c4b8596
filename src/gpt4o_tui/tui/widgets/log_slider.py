"""A focusable slider over a log scale of round numbers, with a typeable field.

Both are *controlled*: a key, a click or a typed count only asks to move
(LogSlider.Moved, CountSlider.Changed); the owner of the value sets `value`.
So the knob, the field and everything computed from them change in one frame."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from gpt4o_tui.core import scale
from gpt4o_tui.core.counts import Bounds, CountError, check_bounds, parse_count
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.widgets.words import Words

ADJUST = Binding.Group("Adjust", compact=True)
BIG_STEP = Binding.Group("Ten steps (x10)")
ENDS = Binding.Group("Ends")


class LogSlider(Widget, can_focus=True):
    """A track with a knob; ←/→ step through round numbers, Shift+←/→ by ten steps."""

    HAS_WORDS = False  # a change of language leaves it as it is (tui/retell.py)

    # ←/→ on a slider go without saying; the footer keeps its room for the pane's keys.
    BINDINGS = [
        Binding(
            "left",
            "step(-1)",
            "Less",
            show=False,
            group=ADJUST,
            id="slider.less",
            tooltip="Step down to the previous round number",
        ),
        Binding(
            "right",
            "step(1)",
            "More",
            show=False,
            group=ADJUST,
            id="slider.more",
            tooltip="Step up to the next round number",
        ),
        Binding("shift+left", "step(-10)", "down", show=False, group=BIG_STEP, id="slider.much-less"),
        Binding("shift+right", "step(10)", "up", show=False, group=BIG_STEP, id="slider.much-more"),
        Binding("home", "jump(0)", "lowest", show=False, group=ENDS, id="slider.lowest"),
        Binding("end", "jump(1)", "highest", show=False, group=ENDS, id="slider.highest"),
    ]
    COMPONENT_CLASSES = {"log-slider--filled", "log-slider--knob", "log-slider--track"}

    value: reactive[int] = reactive(1)

    class Moved(Message):
        """The person asks for `value`; the slider shows it once its owner sets it."""

        def __init__(self, slider: LogSlider, value: int) -> None:
            super().__init__()
            self.slider, self.value = slider, value

        @property
        def control(self) -> LogSlider:
            return self.slider

    def __init__(
        self, bounds: Bounds, value: int, *, id: str | None = None, typed: Callable[[events.Key], bool] | None = None
    ) -> None:
        """`typed` is offered each key the slider has no binding for, and says whether it took it."""
        super().__init__(id=id)
        self.bounds = bounds
        self._typed = typed
        self.set_reactive(LogSlider.value, value)
        # The value last asked for, so quick key repeats step on from it
        # rather than from a value the owner has not set yet.
        self._asked: int | None = None

    def validate_value(self, value: int) -> int:
        return max(self.bounds.low, min(self.bounds.high, value))

    def watch_value(self) -> None:
        self._asked = None

    def _ask(self, value: int) -> None:
        value = self.validate_value(value)
        if value != (self._asked if self._asked is not None else self.value):
            self._asked = value
            self.post_message(self.Moved(self, value))

    def action_step(self, steps: int) -> None:
        start = self._asked if self._asked is not None else self.value
        self._ask(scale.step(start, self.bounds.low, self.bounds.high, steps))

    def action_jump(self, position: float) -> None:
        self._ask(scale.value_at(position, self.bounds.low, self.bounds.high))

    def on_key(self, event: events.Key) -> None:
        """A key the slider does not bind is offered to its owner first (a digit
        starts a typed count), so it reaches no app or pane key."""
        if self._typed is not None and self._typed(event):
            event.stop()
            event.prevent_default()

    def render(self) -> Text:
        width = max(3, self.content_size.width)
        knob = round(scale.fraction(self.value, self.bounds.low, self.bounds.high) * (width - 1))
        return Text.assemble(
            ("━" * knob, self.get_component_rich_style("log-slider--filled")),
            ("●", self.get_component_rich_style("log-slider--knob")),
            ("─" * (width - 1 - knob), self.get_component_rich_style("log-slider--track")),
        )

    def _move_to(self, x: int) -> None:
        width = max(2, self.content_size.width)
        self._ask(scale.value_at(x / (width - 1), self.bounds.low, self.bounds.high))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self.capture_mouse()
        self.focus()
        self._move_to(event.x)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self.app.mouse_captured is self:
            self._move_to(event.x)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self.release_mouse()


class CountSlider(Widget):
    """A labelled LogSlider with a field for typing an exact count.

    A bad typed value is refused with a message, and the last good value kept."""

    TOLD_IN_PLACE = True  # its label takes the new words; slider, field and typing stay

    BINDINGS = [
        Binding(
            "escape",
            "leave_field",
            "Back to slider",
            show=False,
            id="count.leave",
            tooltip="In a field: cancel, back to the slider",
        ),
    ]

    class Changed(Message):
        """The person asks for `value`, by slider or by typing."""

        def __init__(self, count_slider: CountSlider, value: int) -> None:
            super().__init__()
            self.count_slider, self.value = count_slider, value

        @property
        def control(self) -> CountSlider:
            return self.count_slider

    def __init__(self, bounds: Bounds, value: int, lang: Language, *, id: str) -> None:
        super().__init__(id=id)
        self.bounds = bounds
        self.lang = lang
        self._initial = value
        self._error = ""
        # A count begun by a digit typed on the slider: until the field has it,
        # the rest of what is typed goes on into it.
        self._typing = False

    def compose(self) -> ComposeResult:
        with Horizontal(classes="count-row"):
            yield Label(self.lang(f"bounds.{self.bounds.key}"), classes="count-label")
            yield LogSlider(self.bounds, self._initial, id=f"{self.id}-slider", typed=self._typed_on_slider)
            yield Input(
                f"{self._initial:,}", compact=True, select_on_focus=True, classes="count-input", id=f"{self.id}-field"
            )
        yield Words("", classes="count-error")

    @property
    def slider(self) -> LogSlider:
        return self.query_one(LogSlider)

    @property
    def value(self) -> int:
        return self.slider.value

    @value.setter
    def value(self, value: int) -> None:
        """Show a value: the knob, the field, and no error."""
        self.slider.value = value
        self.query_one(Input).value = f"{value:,}"
        self._set_error("")

    def limit(self, high: int) -> None:
        """Move the top of the range: cached input can be no more than the input."""
        bounds = replace(self.bounds, high=high)
        if bounds != self.bounds:
            self.bounds = self.slider.bounds = bounds
            self.slider.refresh()

    def focus(self, scroll_visible: bool = True) -> CountSlider:
        self.slider.focus(scroll_visible)
        return self

    def action_leave_field(self) -> None:
        field = self.query_one(Input)
        if field.has_focus or self._typing:
            self._typing = False
            field.value = f"{self.value:,}"
            self._set_error("")
            self.slider.focus()

    def _typed_on_slider(self, event: events.Key) -> bool:
        """A digit typed on the slider starts a count in the field: the field takes
        the focus with that digit in it and the cursor after it. Keys that come
        before the field has the focus (several in one read) go on into it;
        enter takes the count, as in the field."""
        field = self.query_one(Input)
        if self._typing:
            if event.key == "enter":
                self._typing = False
                if self._take_typed():
                    self.slider.focus()
                return True
            if event.is_printable and event.character is not None:
                field.insert_text_at_cursor(event.character)
                return True
            return False
        if event.character is None or not event.character.isdigit():
            return False
        self._typing = True
        field.value = event.character
        field.cursor_position = len(field.value)
        field.select_on_focus = False  # keep the digit: the next one goes after it
        field.focus()
        return True

    def on_descendant_focus(self) -> None:
        self.add_class("-active")

    def on_descendant_blur(self) -> None:
        self.remove_class("-active")

    @on(LogSlider.Moved)
    def _slider_moved(self, event: LogSlider.Moved) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.value))

    @on(Input.Submitted)
    def _submit_typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self._take_typed():
            self.slider.focus()

    @on(Input.Blurred)
    def _blur_typed(self, event: Input.Blurred) -> None:
        event.stop()
        self._typing = False
        event.input.select_on_focus = True
        self._take_typed()

    def _take_typed(self) -> bool:
        """Ask for the typed count, or refuse it with a message and keep the last
        good value (selected, so typing again replaces it)."""
        field = self.query_one(Input)
        try:
            typed = check_bounds(parse_count(field.value), self.bounds)
        except CountError as error:
            field.value = f"{self.value:,}"
            field.select_all()
            self._set_error(self.lang("count.kept", error=self.lang.say(error.said), value=self.value))
            return False
        if typed == self.value:
            self.value = typed  # tidy what was typed ("1.5k") into the shown form
        else:
            self.post_message(self.Changed(self, typed))
        return True

    def _set_error(self, message: str) -> None:
        if message == self._error:  # a slider step must not pay for a relayout
            return
        self._error = message
        error = self.query_one(".count-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")
