"""The calculator's image controls: a size (a named example, or typed W×H) and
OpenAI's detail. The images-per-request count is a CountSlider beside the others."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.counts import CountError
from gpt4o_tui.core.images import DETAILS, Detail, ImageSize, parse_size
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.widgets.words import Words


def size_text(size: ImageSize) -> str:
    return f"{size.width}x{size.height}"


class ImageControls(Widget):
    """Shows an image size and detail; asks for new ones with Changed."""

    class Changed(Message):
        def __init__(self, size: ImageSize, detail: Detail) -> None:
            super().__init__()
            self.image_size, self.detail = size, detail

    def __init__(self, catalog: Catalog, lang: Language, size: ImageSize, detail: Detail) -> None:
        super().__init__(id="image-controls")
        self.catalog, self.lang = catalog, lang
        self.image_size, self.detail = size, detail
        self._error = ""

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Horizontal(classes="count-row"):
            yield Label(lang("image.size"), classes="count-label")
            yield Select(
                [(f"{lang.of(s, 'name')} ({s.width}×{s.height})", s.id) for s in self.catalog.image_sizes],
                prompt=lang("image.typed"),
                compact=True,
                id="image-size",
                value=self._preset_id(),
            )
            yield Input(size_text(self.image_size), compact=True, select_on_focus=True, id="image-size-field")
        yield Words("", classes="count-error", id="image-error")
        with Horizontal(classes="count-row"):
            yield Label(lang("image.detail"), classes="count-label")
            yield Select(
                [(lang(f"image.detail_choice.{d}"), d) for d in DETAILS],
                allow_blank=False,
                compact=True,
                id="detail",
                value=self.detail,
            )

    def _preset_id(self) -> object:
        return next(
            (
                s.id
                for s in self.catalog.image_sizes
                if (s.width, s.height) == (self.image_size.width, self.image_size.height)
            ),
            Select.NULL,
        )

    def show(self, size: ImageSize, detail: Detail) -> None:
        """Show a size and detail: the chooser, the field, and no error."""
        self.image_size, self.detail = size, detail
        chooser = self.query_one("#image-size", Select)
        wanted = self._preset_id()
        if chooser.value != wanted:
            with chooser.prevent(Select.Changed):
                chooser.value = wanted
        field = self.query_one("#image-size-field", Input)
        if not field.has_focus:
            field.value = size_text(size)
        details = self.query_one("#detail", Select)
        if details.value != detail:
            with details.prevent(Select.Changed):
                details.value = detail
        self._set_error("")

    @on(Select.Changed, "#image-size")
    def _size_chosen(self, event: Select.Changed) -> None:
        event.stop()
        chosen = next((s for s in self.catalog.image_sizes if s.id == event.value), None)
        if chosen is not None and (chosen.width, chosen.height) != (self.image_size.width, self.image_size.height):
            self.post_message(self.Changed(ImageSize(chosen.width, chosen.height), self.detail))

    @on(Select.Changed, "#detail")
    def _detail_chosen(self, event: Select.Changed) -> None:
        event.stop()
        if event.value in DETAILS and event.value != self.detail:
            self.post_message(self.Changed(self.image_size, event.value))  # type: ignore[arg-type]

    @on(Input.Submitted, "#image-size-field")
    def _size_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._take_typed()

    @on(Input.Blurred, "#image-size-field")
    def _size_blurred(self, event: Input.Blurred) -> None:
        event.stop()
        self._take_typed()

    def _take_typed(self) -> None:
        """Ask for the typed size, or refuse it inline and keep the last good one."""
        field = self.query_one("#image-size-field", Input)
        try:
            typed = parse_size(field.value)
        except CountError as error:
            field.value = size_text(self.image_size)
            field.select_all()
            self._set_error(self.lang("image.kept", error=self.lang.say(error.said), size=size_text(self.image_size)))
            return
        field.value = size_text(typed)
        if typed != self.image_size:
            self.post_message(self.Changed(typed, self.detail))
        else:
            self._set_error("")

    def _set_error(self, message: str) -> None:
        if message == self._error:
            return
        self._error = message
        error = self.query_one("#image-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")
