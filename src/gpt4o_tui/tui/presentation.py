"""Presentation mode: the deck's slides, one at a time, full screen, with the
figures in large digits and no chrome but a slide counter."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from gpt4o_tui.text.deck import Slide
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.text.sources import sources_text
from gpt4o_tui.tui.widgets.figure import Figure
from gpt4o_tui.tui.widgets.words import Words

# Below this many rows a slide drops the blank lines between its parts, so a slide
# with notes still fits a 24-row terminal.
COMPACT_BELOW = 30


class DeckScreen(Screen[None]):
    BINDINGS = [
        Binding("space,right,pagedown,enter", "move(1)", "Next", id="deck.next", tooltip="Next slide"),
        Binding("left,pageup,backspace", "move(-1)", "Back", id="deck.back", tooltip="Previous slide"),
        Binding("home", "first", "First", id="deck.first", tooltip="First slide"),
        Binding("end", "last", "Last", id="deck.last", tooltip="Last slide"),
        Binding("p", "pause", "Pause", id="deck.pause", tooltip="Pause or resume the slides' own advance (--interval)"),
        Binding("escape", "leave", "Leave", id="deck.leave", tooltip="Leave the deck for the explorer"),
    ]

    index: reactive[int] = reactive(0, init=False)

    def __init__(
        self, build: Callable[[bool], tuple[Slide, ...]], lang: Language, interval: float | None = None
    ) -> None:
        """`build(today_read)` makes the slides; the last prices the workload today,
        so genai-prices is read in a thread while the first slides are shown."""
        super().__init__()
        self.build = build
        self.slides = build(False)
        self.lang = lang
        self.interval = interval
        self._timer: Timer | None = None
        self.today_read = False  # genai-prices read, and the last slide built from it
        self._notice = ""
        self.paused = False

    def compose(self) -> ComposeResult:
        with Vertical(id="slide"):
            yield Words("", id="slide-title")
            yield Figure(id="slide-figure")
            yield Words("", id="slide-unit")
            yield Words("", id="slide-lines")
            with Center():
                yield Static("", id="slide-compared")
            yield Words("", id="slide-notes")
            yield Words("", id="slide-sources")
        yield Static("", id="slide-counter")
        yield Words("", id="too-small")

    def on_mount(self) -> None:
        self.app.fit(self, *self.app.size)
        self.set_class(self.app.size.height < COMPACT_BELOW, "-compact")
        self._show()
        if self.interval:
            self._timer = self.set_interval(self.interval, self._advance)
        self.run_worker(self._read_today, thread=True, group="deck-today")

    def _read_today(self) -> None:
        build = self.build
        slides = build(True)
        self.app.call_from_thread(self._today_is_read, build, slides)

    def _today_is_read(self, build: Callable[[bool], tuple[Slide, ...]], slides: tuple[Slide, ...]) -> None:
        self.today_read = True
        # Not retold in another language meanwhile, nor left (Esc before the read ended).
        if build is self.build and self in self.app.screen_stack:
            self.slides = slides
            self._show()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.height < COMPACT_BELOW, "-compact")

    def _advance(self) -> None:
        """The auto-advancing deck loops, so it can run unattended."""
        if self.paused:  # a tick already under way when p was pressed
            return
        self.index = (self.index + 1) % len(self.slides)

    def action_move(self, step: int) -> None:
        self.index = max(0, min(len(self.slides) - 1, self.index + step))
        if self._timer is not None and not self.paused:
            self._timer.reset()  # a presenter's key starts the wait afresh

    def action_first(self) -> None:
        self.action_move(-self.index)

    def action_last(self) -> None:
        self.action_move(len(self.slides) - 1 - self.index)

    def action_pause(self) -> None:
        """Stop the slides' own advance where they are, or start it again."""
        if self._timer is None:
            return
        self.paused = not self.paused
        if self.paused:
            self._timer.pause()
        else:
            self._timer.reset()  # a full wait before the next slide
        self._show()

    def say(self, notice: str, timeout: float) -> None:
        """A notice (theme, screenshot) in the counter's line, never over the slide."""
        self._notice = notice
        self._show()
        self.set_timer(timeout, self._forget_notice)

    def _forget_notice(self) -> None:
        self._notice = ""
        self._show()

    def action_leave(self) -> None:
        self.dismiss(None)

    def watch_index(self) -> None:
        self._show()

    def retell(self, build: Callable[[bool], tuple[Slide, ...]], lang: Language) -> None:
        """The same deck in another language, on the same slide."""
        self.build, self.lang = build, lang
        self.slides = build(self.today_read)
        self._show()

    def _show(self) -> None:
        slide = self.slides[self.index]
        self.query_one("#slide-title", Static).update(slide.title)
        self.query_one("#slide-figure", Figure).figure = slide.figure
        self.query_one("#slide-unit", Static).update(slide.unit)
        self.query_one("#slide-lines", Static).update(Text("\n").join(Text(line) for line in slide.lines))
        compared = Table(
            title=slide.compared_title, box=None, show_header=False, padding=(0, 1), min_width=len(slide.compared_title)
        )
        compared.add_column(overflow="fold")
        compared.add_column(justify="right", style="bold")
        for row in slide.compared:
            compared.add_row(*row)
        self.query_one("#slide-compared", Static).update(compared if slide.compared else "")
        notes = self.query_one("#slide-notes", Static)
        notes.update("\n".join(slide.notes))
        notes.set_class(not slide.notes, "-none")  # a slide without notes spends no line on them
        self.query_one("#slide-sources", Static).update(sources_text(slide.sources) if slide.sources else "")
        keys = self.lang("deck.keys") if self.index == 0 else ""
        last = self.lang("deck.the_end") if self.index == len(self.slides) - 1 and not self.interval else ""
        paused = self.lang("deck.paused") if self.paused else ""
        counter = f"{keys}   {self.index + 1} / {len(self.slides)}{last}{paused}"
        self.query_one("#slide-counter", Static).update(f"{self._notice}   {counter}" if self._notice else counter)
