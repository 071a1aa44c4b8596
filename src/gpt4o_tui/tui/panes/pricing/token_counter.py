"""The token counter: a person's text (or a sample), its tokens and what it costs
as input on each model that can count them."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Select, Static, TextArea

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.tokens import InputCost
from gpt4o_tui.text import pricing as words
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.widgets.prose_area import ProseArea
from gpt4o_tui.tui.widgets.words import Words


class TokenCounter(Widget):
    def __init__(
        self, catalog: Catalog, lang: Language, text: str, sample: str | None, *, kept: Callable[[], bool]
    ) -> None:
        """`kept`: whether a sample is shown while the person's own text waits (the pane knows)."""
        super().__init__(id="token-counter", classes="pane-section")
        self.catalog, self.lang = catalog, lang
        self._text, self._sample = text, sample
        self._kept = kept

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Static(lang("pricing.count_tokens"), classes="section-title")
        yield Select(
            [(lang.of(sample, "name"), sample.id) for sample in self.catalog.samples],
            prompt=lang("pricing.your_text"),
            compact=True,
            id="sample",
        )
        yield Words("", id="token-counts")  # above the text, so it stays in view while typing
        yield ProseArea(self._text, placeholder=lang("pricing.text_placeholder"), id="text")

    def on_mount(self) -> None:
        sample = self.query_one("#sample", Select)
        with sample.prevent(Select.Changed):  # the text as it was, not the sample afresh
            sample.value = Select.NULL if self._sample is None else self._sample
        if self._text:
            self._count(self._text)

    @on(TextArea.Changed, "#text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._count(event.text_area.text)

    @work(thread=True, exclusive=True, group="tokens")
    def _count(self, text: str) -> None:
        """Off the UI thread: the first count loads both vocabularies (most of a second)."""
        from gpt4o_tui.core import tokens

        counts = tokens.count(text)
        priced = tokens.input_costs(self.catalog, counts)
        self.app.call_from_thread(self._show_counts, text, counts, priced)

    def _show_counts(self, text: str, counts: dict[str, int], priced: list[InputCost]) -> None:
        if not self.is_attached:  # removed while the count ran
            return
        self.query_one("#token-counts", Static).update(
            words.token_counts(self.catalog, text, counts, priced, self.lang, kept=self._kept())
        )
        box = self.query_one("#text", TextArea)
        if box.has_focus:  # the counts grew above it: the box being typed in stays in view
            self.call_after_refresh(box.scroll_visible, animate=False)
