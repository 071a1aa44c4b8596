"""Compare with another model: a searchable list of genai-prices' models, priced
today. Enter adds the highlighted model to the calculator, or takes it away if it is
there already; Escape closes."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from gpt4o_tui.core import today
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.widgets.words import Words

SHOWN = 40  # rows listed at once (a screenful and more); typing narrows the rest


class ModelPicker(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Close", id="picker.close", tooltip="Close the list without a change"),
        Binding("down", "down", "Next model", show=False, id="picker.down", tooltip="Move down the list"),
        Binding("up", "up", "Previous model", show=False, id="picker.up", tooltip="Move up the list"),
    ]
    AUTO_FOCUS = "#picker-search"

    def __init__(self, lang: Language, chosen: tuple[str, ...]) -> None:
        super().__init__()
        self.lang, self.chosen = lang, chosen
        self._done = False

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="picker"):
            yield Static(lang("picker.title", version=today.version()), classes="section-title")
            yield Input(placeholder=lang("picker.placeholder"), id="picker-search")
            table: DataTable[str | Text] = DataTable(cursor_type="row", id="picker-results")
            table.can_focus = False  # typing stays in the search; ↑/↓ move the row
            # Figures first: at 80 columns a long model name scrolls, never a price.
            for heading in (
                lang("picker.provider"),
                lang("picker.input"),
                lang("picker.output"),
                lang("picker.context"),
                lang("picker.status"),
                lang("picker.model"),
            ):
                table.add_column(heading)
            yield table
            yield Words("", id="picker-count", classes="footnote")
            yield Words(lang("picker.keys"), classes="footnote")

    def on_mount(self) -> None:
        self._show("")

    @on(Input.Changed, "#picker-search")
    def _typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        lang = self.lang
        found = today.search(query, limit=SHOWN)
        table = self.query_one("#picker-results", DataTable)
        table.clear()
        for model in found:
            status = (
                "✓ " + lang("picker.added")
                if model.ref in self.chosen
                else (lang("picker.deprecated") if model.deprecated else "")
            )
            table.add_row(
                model.provider_id,
                Text(lang.rate_cell(model.input_mtok) if model.input_mtok is not None else "—", justify="right"),
                Text(lang.rate_cell(model.output_mtok) if model.output_mtok is not None else "—", justify="right"),
                Text(lang.count(model.context_window) if model.context_window else "—", justify="right"),
                status,
                model.name,
                key=model.ref,
            )
        self.query_one("#picker-count", Static).update(
            lang("picker.count", shown=len(found), total=len(today.models()))
        )

    def action_down(self) -> None:
        self.query_one("#picker-results", DataTable).action_cursor_down()

    def action_up(self) -> None:
        self.query_one("#picker-results", DataTable).action_cursor_up()

    @on(Input.Submitted, "#picker-search")
    def _chosen(self) -> None:
        table = self.query_one("#picker-results", DataTable)
        if table.row_count:
            row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self._finish(str(row.value))

    @on(DataTable.RowSelected, "#picker-results")
    def _clicked(self, event: DataTable.RowSelected) -> None:
        self._finish(str(event.row_key.value))

    def action_cancel(self) -> None:
        self._finish(None)

    def _finish(self, ref: str | None) -> None:
        """Close once, and only from the top: two Enters in one read, or Enter and a
        click, must not close the screen beneath."""
        if self._done or not self.is_current:
            return
        self._done = True
        self.dismiss(ref)
