"""What every pane does: it is built from the catalog and a language, shows its
state, takes the focus where a person starts in it, and speaks another language
without forgetting anything a person set in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.scenario import Scenario
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.retell import retell

if TYPE_CHECKING:
    from textual.widget import Widget
else:
    Widget = object


class Pane(Widget):
    """Mixed in before a pane's Textual container (`class SpecsPane(Pane,
    VerticalScroll)`); not a Widget itself, so the container's own defaults, such
    as whether it takes the focus, stay as they are.

    A pane's state lives in its own reactives, so a change of language gives only
    its widgets new words (from the same state); scroll positions
    come back by each widget's id, and the app gives the focus back the same way."""

    # Keys the pane's Textual widgets answer (a list's ↑/↓, a scroll's page keys), for
    # the help: each a comma-separated key list and the message key that words it.
    HELP_KEYS: tuple[tuple[str, str], ...] = ()

    def __init__(self, catalog: Catalog, lang: Language, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog
        self.lang = lang

    def reopen(self, scenario: Scenario) -> None:
        """Take a scenario given on the command line, before the pane is first drawn.
        Only the Pricing pane has a calculator to put it in."""

    def show(self) -> None:
        """Render the pane's state into its widgets (after mount, and after a change of language)."""

    def focus_target(self) -> Widget:
        """The widget the focus goes to when the pane is shown."""
        return self

    def focus_default(self) -> None:
        self.focus_target().focus()

    async def speak(self, lang: Language) -> None:
        """Speak another language. The pane itself stays, and with it every reactive;
        its widgets take the new words in place where they can (tui/retell.py), and
        the scroll of each scrollable part is taken by id and given back."""
        if lang == self.lang:
            return
        scrolls = {widget.id: widget.scroll_y for widget in (self, *self.query("*")) if widget.id and widget.scroll_y}
        self.lang = lang
        await retell(self)
        self.show()
        for widget_id, y in scrolls.items():
            target = self if widget_id == self.id else self.query_one(f"#{widget_id}")
            self.call_after_refresh(target.scroll_to, y=y, animate=False)
