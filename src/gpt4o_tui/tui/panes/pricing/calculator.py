"""The calculator: a workload (a preset, or three log sliders) and what it costs
on every model, in one frame."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Select, Static

from gpt4o_tui.core import costs
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.counts import CACHED_BOUNDS, IMAGES_BOUNDS, INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS
from gpt4o_tui.text import pricing as words
from gpt4o_tui.text import report
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.text.report import Prices
from gpt4o_tui.tui.panes.pricing.images import ImageControls
from gpt4o_tui.tui.widgets.cell_table import CellTable
from gpt4o_tui.tui.widgets.log_slider import CountSlider
from gpt4o_tui.tui.widgets.words import Words

# Which Workload field each slider drives.
SLIDERS = {
    "input-tokens": ("input_tokens", INPUT_BOUNDS),
    "cached-input": ("cached_input_tokens", CACHED_BOUNDS),
    "output-tokens": ("output_tokens", OUTPUT_BOUNDS),
    "requests": ("requests_per_day", REQUESTS_BOUNDS),
    "images": ("images", IMAGES_BOUNDS),
}


class Calculator(Widget):
    """Renders the pane's workload and prices; the pane owns them."""

    TOLD_IN_PLACE = True  # a change of language keeps it and its state (tui/retell.py)

    # Nothing is drawn here: a new workload repaints only the cells it changes.
    workload: reactive[Workload] = reactive(Workload, init=False, repaint=False)
    batch_api: reactive[bool] = reactive(False, init=False, repaint=False)
    prices: reactive[Prices] = reactive("launch", init=False, repaint=False)
    others: reactive[tuple[str, ...]] = reactive((), init=False, repaint=False)

    def __init__(self, catalog: Catalog, latest_catalog: Catalog, lang: Language, state: dict[str, object]) -> None:
        super().__init__(id="calculator", classes="pane-section")
        self.catalog, self.latest_catalog, self.lang = catalog, latest_catalog, lang
        for name, value in state.items():  # set, not assigned: nothing is drawn before compose
            self.set_reactive(getattr(Calculator, name), value)

    @property
    def priced(self) -> Catalog:
        return self.latest_catalog if self.prices == "latest known" else self.catalog

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Horizontal(id="workload-row"):
            yield Static(lang("pricing.workload"), classes="section-title")
            yield Select(
                [(lang.of(preset, "name"), preset.id) for preset in self.catalog.presets],
                prompt=lang("pricing.custom"),
                compact=True,
                id="preset",
            )
            yield Static(lang("pricing.workload_title"), id="workload-title")
        for slider_id, (field, bounds) in SLIDERS.items():
            yield CountSlider(bounds, getattr(self.workload, field), lang, id=slider_id)
        images = ImageControls(self.catalog, lang, self.workload.image_size, self.workload.detail)
        images.display = self.workload.images > 0
        yield images
        yield Words("", id="volume")
        yield Words("", id="assumption", classes="footnote")
        least = self._least_widths()
        table = CellTable(
            (
                ("model", Text(lang("pricing.model")), 0),
                ("rates", Text(lang("pricing.rates"), justify="right"), least["rates"]),
                ("total", Text(lang("pricing.per_month"), justify="right"), least["total"]),
                (
                    "saving",
                    Text(lang("pricing.saves", model=self.catalog.subject.short), justify="right"),
                    least["saving"],
                ),
            ),
            id="totals",
        )
        for model in self.catalog.compared:
            bold = "bold" if model.role == "subject" else ""
            name = Text(("▶ " if model.role == "subject" else "  ") + model.name, bold)
            table.add_row(model.id, name, Text(), Text(), Text())
        yield table
        yield Words("", id="image-line", classes="footnote")
        yield Words("", id="cost-notes", classes="footnote")

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

    def watch_prices(self) -> None:
        self.query_one("#totals", CellTable).least(self._least_widths())
        self._show_totals()

    def _least_widths(self) -> dict[str, int]:
        """Each column as wide as the widest text-only figure the sliders allow at the
        prices shown, so no step makes it jump; a wider figure (images can make one,
        or today's prices) widens it."""
        rates, total, saving = words.widest(self.lang, self.priced)
        return {"rates": rates, "total": total, "saving": saving}

    def watch_others(self) -> None:
        self._show_totals()

    def _fit_rows(self, table: CellTable, results: tuple[costs.ModelCost, ...]) -> None:
        """A row for each model a person added (marked as priced today), none for one taken away."""
        wanted = {r.model.id: r for r in results if r.model.role == "today"}
        ours = {m.id for m in self.catalog.compared}
        for key in [k for k in table.row_keys if k not in ours and k not in wanted]:
            table.remove_row(key)
        for ref, result in wanted.items():
            if ref not in table.row_keys:
                table.add_row(ref, Text("  " + result.model.name + " ⁺"), Text(), Text(), Text())

    def _show_workload(self, workload: Workload) -> None:
        self.query_one("#cached-input", CountSlider).limit(workload.input_tokens)
        for slider_id, (field, _) in SLIDERS.items():
            self.query_one(f"#{slider_id}", CountSlider).value = getattr(workload, field)
        images = self.query_one(ImageControls)
        images.display = workload.images > 0
        images.show(workload.image_size, workload.detail)
        preset = next((p for p in self.catalog.presets if costs.preset_workload(p) == workload), None)
        chooser = self.query_one("#preset", Select)
        wanted = preset.id if preset else Select.NULL
        if chooser.value != wanted:
            chooser.value = wanted
        self.query_one("#assumption", Static).update(words.assumption(preset, self.lang))

    def _show_totals(self) -> None:
        lang, workload = self.lang, self.workload
        if self.prices == "today":
            from gpt4o_tui.core import today

            results = today.monthly(self.catalog, workload, self.batch_api)
        else:
            results = costs.monthly(self.priced, workload, self.batch_api)
        if self.others:
            from gpt4o_tui.core import today

            results = (*results, *today.chosen(self.others, workload, self.batch_api))
        subject = next(r for r in results if r.model.role == "subject")
        self.query_one("#volume", Static).update(words.volume(workload, lang), layout=False)
        table = self.query_one("#totals", CellTable)
        self._fit_rows(table, results)
        places = report.column_places(results, subject)  # one number of decimals a column
        for result in results:
            row = result.model.id
            style = "italic" if result.problem else "bold" if result is subject else ""
            found = costs.saving(subject, result)
            emphasis = "italic" if found is None else "bold" if found.usd < 0 else ""
            for key, cell in (
                ("rates", Text(words.rates_cell(result, lang, places.rates), justify="right")),
                ("total", Text(lang.total(result, cell=True, places=places.total), style, justify="right")),
                (
                    "saving",
                    Text(lang.saving(subject, result, cell=True, places=places.saving), emphasis, justify="right"),
                ),
            ):
                table.set_cell(row, key, cell)
        image_line = self.query_one("#image-line", Static)
        image_line.display = workload.images > 0
        if workload.images:
            image_line.update(words.image_line(self.priced, workload, results, lang))
        self.query_one("#cost-notes", Static).update(
            words.cost_notes(self.catalog, results, self.batch_api, self.prices, lang)
        )
