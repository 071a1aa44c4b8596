"""What the four views share: each is built with the pane's state and holds
the part of it it shows, in reactives of its own, declared in STATE; the pane
hands each change down to the views that show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpt4o_tui.core import compare
from gpt4o_tui.core.catalog import Benchmark, Catalog
from gpt4o_tui.text import benchmarks as words
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.widgets.score_bars import BarRow

if TYPE_CHECKING:
    from textual.widget import Widget
else:
    Widget = object


class View(Widget):
    """Mixed in before a view's Textual container, as Pane is before a pane's."""

    # The names of the pane's reactives this view shows (each a reactive of the view too).
    STATE: tuple[str, ...] = ()
    selected: str
    hidden: frozenset[str]

    def __init__(self, catalog: Catalog, lang: Language, state: dict[str, object], **options: object) -> None:
        super().__init__(**options)
        self.catalog, self.lang = catalog, lang
        for name in self.STATE:  # set, not assigned: nothing is drawn before compose
            self.set_reactive(getattr(type(self), name), state[name])

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        """Render the view's state into its widgets."""

    @property
    def benchmark(self) -> Benchmark:
        return next(b for b in self.catalog.benchmarks if b.id == self.selected)

    @property
    def shown(self) -> list[str]:
        """The models the charts show (not `visible`: that is Textual's)."""
        return [m.id for m in self.catalog.compared if m.id not in self.hidden]

    def rows(self, benchmark: Benchmark, model_ids: list[str]) -> tuple[BarRow, ...]:
        return tuple(
            BarRow(
                name=self.catalog.model(m).name,
                score=benchmark.score(m),
                subject=m == self.catalog.subject.id,
                note=words.score_note(benchmark, m, self.lang),
                mark=compare.marks(benchmark, m),
            )
            for m in model_ids
        )
