"""The calculator: a workload (a preset, or three log sliders) and what it costs
on every model, in one frame."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import DataTable, Select, Static

from gpt4o_tui.core import costs
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.counts import INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS
from gpt4o_tui.text import pricing as words
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.widgets.log_slider import CountSlider

# Which Workload field each slider drives.
SLIDERS = {
    "input-tokens": ("input_tokens", INPUT_BOUNDS),
    "output-tokens": ("output_tokens", OUTPUT_BOUNDS),
    "requests": ("requests_per_day", REQUESTS_BOUNDS),
}


class Calculator(Widget):
    """Renders the pane's workload and prices; the pane owns them."""

    # Nothing is drawn here: a new workload repaints only the cells it changes.
    workload: reactive[Workload] = reactive(Workload, init=False, repaint=False)
    batch_api: reactive[bool] = reactive(False, init=False, repaint=False)
    latest: reactive[bool] = reactive(False, init=False, repaint=False)

    def __init__(self, catalog: Catalog, latest_catalog: Catalog, lang: Language, state: dict[str, object]) -> None:
        super().__init__(id="calculator", classes="pane-section")
        self.catalog, self.latest_catalog, self.lang = catalog, latest_catalog, lang
        for name, value in state.items():  # set, not assigned: nothing is drawn before compose
            self.set_reactive(getattr(Calculator, name), value)
        self._notes = ""

    @property
    def priced(self) -> Catalog:
        return self.latest_catalog if self.latest else self.catalog

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Horizontal(id="workload-row"):
            yield Static(lang("pricing.workload"), classes="section-title")
            yield Select(
                [(lang.of(preset, "name"), preset.id) for preset in self.catalog.presets],
                prompt=lang("pricing.custom"), compact=True, id="preset",
            )
            yield Static(lang("pricing.workload_title"), id="workload-title")
        for slider_id, (field, bounds) in SLIDERS.items():
            yield CountSlider(bounds, getattr(self.workload, field), lang, id=slider_id)
        yield Static("", id="volume")
        yield Static("", id="assumption", classes="footnote")
        table: DataTable[Text] = DataTable(cursor_type="none", id="totals")
        table.can_focus = False
        table.add_column(lang("pricing.model"), key="model")
        rates_width, money_width = words.widest(lang, self.catalog, self.latest_catalog)
        saving_width = money_width + len(" (100.0%)")
        for key, heading, width in (
            ("rates", lang("pricing.rates"), rates_width),
            ("total", lang("pricing.per_month"), money_width),
            ("saving", lang("pricing.saves", model=self.catalog.subject.short), saving_width),
        ):
            table.add_column(Text(heading, justify="right"), key=key, width=max(width, cell_len(heading)))
        for model in self.catalog.compared:
            bold = "bold" if model.role == "subject" else ""
            name = Text(("▶ " if model.role == "subject" else "  ") + model.name, bold)
            table.add_row(name, Text(), Text(), Text(), key=model.id)
        yield table
        yield Static("", id="cost-notes", classes="footnote")

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        self._show_workload(self.workload)
        self._show_totals()

    def watch_workload(self, workload: Workload) -> None:
        # Sliders, fields and totals all change in one handler, so one keypress
        # paints one frame.
        self._show_workload(workload)
        self._show_totals()

    def watch_batch_api(self) -> None:
        self._show_totals()

    def watch_latest(self) -> None:
        self._show_totals()

    def _show_workload(self, workload: Workload) -> None:
        for slider_id, (field, _) in SLIDERS.items():
            self.query_one(f"#{slider_id}", CountSlider).value = getattr(workload, field)
        preset = next((p for p in self.catalog.presets if costs.preset_workload(p) == workload), None)
        chooser = self.query_one("#preset", Select)
        wanted = preset.id if preset else Select.NULL
        if chooser.value != wanted:
            chooser.value = wanted
        self.query_one("#assumption", Static).update(words.assumption(preset, self.lang))

    def _show_totals(self) -> None:
        lang, workload = self.lang, self.workload
        results = costs.monthly(self.priced, workload, self.batch_api)
        subject = next(r for r in results if r.model.role == "subject")
        self.query_one("#volume", Static).update(words.volume(workload, lang), layout=False)
        table = self.query_one("#totals", DataTable)
        for result in results:
            row = result.model.id
            style = "italic" if result.problem else "bold" if result is subject else ""
            table.update_cell(row, "rates", Text(words.rates_cell(result, lang), justify="right"))
            table.update_cell(row, "total", Text(lang.total(result, cell=True), style, justify="right"))
            found = costs.saving(subject, result)
            emphasis = "italic" if found is None else "bold" if found.usd < 0 else ""
            table.update_cell(row, "saving", Text(lang.saving(subject, result, cell=True), emphasis, justify="right"))
        notes = words.cost_notes(self.catalog, results, self.batch_api, self.latest, lang)
        if notes != self._notes:  # most steps leave the notes as they were
            self._notes = notes
            self.query_one("#cost-notes", Static).update(notes)
