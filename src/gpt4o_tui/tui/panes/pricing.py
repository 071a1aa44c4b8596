"""Pricing: the cost calculator (three log sliders, totals for every model in the
same frame) above the list prices and their dated changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import DataTable, Select, Static, TextArea

from gpt4o_tui.core import claims, costs
from gpt4o_tui.core.catalog import Catalog, Preset
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.counts import INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS, TURNS_BOUNDS
from gpt4o_tui.text import report, verdicts
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.panes.common import sources_text
from gpt4o_tui.tui.widgets.log_slider import CountSlider

TURNS_DEFAULT = 20

# Which Workload field each slider drives.
SLIDERS = {
    "input-tokens": ("input_tokens", INPUT_BOUNDS),
    "output-tokens": ("output_tokens", OUTPUT_BOUNDS),
    "requests": ("requests_per_day", REQUESTS_BOUNDS),
}


class PricingPane(VerticalScroll):
    BINDINGS = [
        Binding("w", "choose_workload", "Uses", id="pricing.workload",
                tooltip="Choose a workload from the uses the launch names"),
        Binding("l", "latest", "Latest", id="pricing.latest",
                tooltip="Latest known prices, or back to the prices at launch"),
        Binding("b", "batch", "Batch", id="pricing.batch", tooltip="Batch API prices on or off (half price where offered)"),
        # Help and the command palette carry Reset and Export; the footer keeps room for ? and q at 80 columns.
        Binding("r", "reset", "Reset", show=False, id="pricing.reset", tooltip="Reset the calculator"),
        Binding("e", "export", "Export", show=False, id="pricing.export",
                tooltip="Save this scenario as Markdown or JSON"),
    ]

    # The pane draws nothing itself: a new workload repaints only the cells it changes.
    workload: reactive[Workload] = reactive(Workload, init=False, repaint=False)
    batch: reactive[bool] = reactive(False, init=False, repaint=False)
    latest: reactive[bool] = reactive(False, init=False, repaint=False)
    turns: reactive[int] = reactive(TURNS_DEFAULT, init=False, repaint=False)

    def __init__(self, catalog: Catalog, lang: Language, *, id: str | None = None,
                 state: Mapping[str, Any] | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self.catalog = catalog
        self.lang = lang
        self.latest_catalog = catalog.latest()
        self._notes_text = ""
        state = state or {}
        for name in ("workload", "batch", "latest", "turns"):
            if name in state:
                self.set_reactive(getattr(PricingPane, name), state[name])
        self._text = state.get("text", "")
        self._sample = state.get("sample", Select.NULL)
        self._scroll = state.get("scroll")

    def state(self) -> dict[str, Any]:
        """What a person has set here, to carry into a pane rebuilt in another language."""
        return {"workload": self.workload, "batch": self.batch, "latest": self.latest, "turns": self.turns,
                "text": self.query_one("#text", TextArea).text, "sample": self.query_one("#sample", Select).value,
                "scroll": self.scroll_y}

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
        rates_width, money_width = _widest(lang, self.catalog, self.latest_catalog)
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
        yield Static(lang("pricing.conversations"), classes="section-title")
        yield CountSlider(TURNS_BOUNDS, self.turns, lang, id="turns")
        yield Static("", id="conversation")
        yield Static(lang("pricing.claims"), classes="section-title")
        yield Static(_claims(self.catalog, lang), id="claims")
        yield Static(lang("pricing.list_prices"), classes="section-title")
        yield Static(_list_prices(self.catalog, lang), id="list-prices")
        yield Static(_price_notes(self.catalog, lang), classes="footnote")
        yield Static(lang("pricing.history"), classes="section-title")
        yield Static(_timeline(self.catalog, lang), id="timeline")
        yield Static(lang("pricing.count_tokens"), classes="section-title")
        yield Select([(lang.of(sample, "name"), sample.id) for sample in self.catalog.samples],
                     prompt=lang("pricing.your_text"), compact=True, id="sample")
        yield Static("", id="token-counts")  # above the text, so it stays in view while typing
        yield TextArea(self._text, placeholder=lang("pricing.text_placeholder"), id="text")

    def on_mount(self) -> None:
        self._show_preset(self.workload)
        self._show(self.workload)
        sample = self.query_one("#sample", Select)
        with sample.prevent(Select.Changed):  # the text as it was, not the sample afresh
            sample.value = self._sample
        if self._text:
            self._count(self._text)
        if self._scroll is not None:
            self.call_after_refresh(self.scroll_to, y=self._scroll, animate=False)

    @property
    def priced(self) -> Catalog:
        """The prices on screen: at launch, or the latest known."""
        return self.latest_catalog if self.latest else self.catalog

    def focus_default(self) -> None:
        self.query_one("#input-tokens", CountSlider).focus()

    def action_reset(self) -> None:
        """Back to the starting calculator: workload, standard launch prices, 20 turns."""
        self.workload = Workload()
        self.batch = False
        self.latest = False
        self.turns = TURNS_DEFAULT

    def action_choose_workload(self) -> None:
        chooser = self.query_one("#preset", Select)
        chooser.focus()
        chooser.action_show_overlay()

    @on(Select.Changed, "#preset")
    def _preset_chosen(self, event: Select.Changed) -> None:
        preset = next((p for p in self.catalog.presets if p.id == event.value), None)
        if preset is not None:
            self.workload = _workload(preset)
            if event.select.has_focus:  # a person chose: back to the sliders to tune it
                self.focus_default()

    @on(Select.Changed, "#sample")
    def _sample_chosen(self, event: Select.Changed) -> None:
        sample = next((s for s in self.catalog.samples if s.id == event.value), None)
        if sample is not None:
            self.query_one("#text", TextArea).load_text(sample.text)

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

    def _show_counts(self, text: str, counts: dict[str, int], priced: list) -> None:
        shown = self.query_one("#token-counts", Static)
        if not text:
            shown.update("")
            return
        lang = self.lang
        line = Text.assemble((lang("tokens.characters", count=len(text)), "bold"))
        line.append(" · ".join(lang("tokens.count", model=c.model.name, tokens=c.tokens, usd=lang.usd(c.usd))
                               for c in priced))
        o200k, cl100k = counts["o200k_base"], counts["cl100k_base"]
        if cl100k:
            fewer = Decimal(cl100k - o200k) / cl100k * 100
            line.append("\n" + lang("tokens.fewer", percent=lang.percent(fewer)))
        others = [m.name for m in self.catalog.compared if m.tokenizer is None]
        line.append("\n" + lang("tokens.not_counted", models=lang.join(others)), "dim")
        shown.update(line)

    def action_export(self) -> None:
        from gpt4o_tui.tui.export import ExportScreen

        def saved(path: Path | None) -> None:
            if path is not None:
                self.app.notify(self.lang("export.saved", path=path), title=self.lang("export.saved_title"))

        self.app.push_screen(ExportScreen(self.scenario, Path.cwd() / "gpt4o-tui-scenario.md", self.lang), saved)

    def scenario(self, kind: str) -> str:
        """The scenario on screen, as the `cost` command would give it."""
        priced = self.priced
        results = report.price(priced, self.workload, priced.compared, self.batch)
        prices = "latest known" if self.latest else "launch"
        if kind == "json":
            return report.scenario_json(priced, self.workload, self.batch, prices, results)
        return report.scenario_markdown(priced, self.workload, self.batch, prices, results, self.lang)

    def action_batch(self) -> None:
        self.batch = not self.batch

    def action_latest(self) -> None:
        self.latest = not self.latest

    def watch_batch(self) -> None:
        self._show(self.workload)

    def watch_latest(self) -> None:
        self._show(self.workload)

    @on(CountSlider.Changed)
    def _slider_moved(self, event: CountSlider.Changed) -> None:
        if event.count_slider.id == "turns":
            self.turns = event.value
            return
        field, _ = SLIDERS[str(event.count_slider.id)]
        self.workload = replace(self.workload, **{field: event.value})

    def watch_turns(self, turns: int) -> None:
        self.query_one("#turns", CountSlider).value = turns
        self._show_conversation(self.workload)

    def watch_workload(self, workload: Workload) -> None:
        # The pane owns the workload: sliders, fields and totals all change here,
        # in one handler, so one keypress paints one frame.
        for slider_id, (field, _) in SLIDERS.items():
            self.query_one(f"#{slider_id}", CountSlider).value = getattr(workload, field)
        self._show_preset(workload)
        self._show(workload)

    def _show_conversation(self, workload: Workload) -> None:
        """Each request as one turn of a conversation: the message is the input slider,
        the reply the output slider; every turn sends all the turns before it."""
        priced, lang = self.priced, self.lang
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, title_justify="left", title=lang(
            "talk.title", turns=self.turns, input=workload.input_tokens, output=workload.output_tokens))
        table.add_column(lang("pricing.model"), no_wrap=True)
        table.add_column(lang("talk.per_conversation"), justify="right", no_wrap=True)
        table.add_column(lang("talk.last_prompt"), justify="right", no_wrap=True)
        table.add_column(lang("talk.full_at"), justify="right", no_wrap=True)
        for model in priced.compared:
            talk = costs.conversation(priced, model, workload.input_tokens, workload.output_tokens,
                                      self.turns, self.batch)
            full = costs.first_full_turn(model, workload.input_tokens, workload.output_tokens)
            cost = lang.usd(talk.usd) if talk.full_at is None else lang("talk.stops", turn=talk.full_at)
            table.add_row(model.name, cost, lang.count(talk.last_prompt_tokens),
                          "—" if full is None else lang("talk.turn", turn=full))
        growth = Text.assemble((lang("talk.growth", model=priced.subject.name) + "\n", "bold"))
        lengths = []
        for turns in (1, 10, 50, 200):
            talk = costs.conversation(priced, priced.subject, workload.input_tokens, workload.output_tokens,
                                      turns, self.batch)
            lengths.append(f"{turns}{lang.colon}" + (lang.usd(talk.usd) if talk.full_at is None
                                                     else lang("talk.stops", turn=talk.full_at)))
        growth.append(" · ".join(lengths))
        self.query_one("#conversation", Static).update(Group(table, growth), layout=False)

    def _show_preset(self, workload: Workload) -> None:
        """Name the preset this workload is, or Custom once a slider leaves it."""
        preset = next((p for p in self.catalog.presets if _workload(p) == workload), None)
        chooser = self.query_one("#preset", Select)
        wanted = preset.id if preset else Select.NULL
        if chooser.value != wanted:
            chooser.value = wanted
        lang = self.lang
        self.query_one("#assumption", Static).update(
            Text.assemble((lang.of(preset, "name") + lang.colon, "bold"), lang.of(preset, "use"),
                          lang("pricing.assumed"), lang.of(preset, "assumption"), " ", sources_text(preset.sources))
            if preset else lang("pricing.custom_workload")
        )

    def _show(self, workload: Workload) -> None:
        lang = self.lang
        results = costs.monthly(self.priced, workload, self.batch)
        subject = next(r for r in results if r.model.role == "subject")
        # One line at any slider position, so it repaints without a relayout.
        self.query_one("#volume", Static).update(
            lang("pricing.volume", requests=workload.requests, input=workload.input_tokens * workload.requests,
                 output=workload.output_tokens * workload.requests),
            layout=False,
        )
        table = self.query_one("#totals", DataTable)
        notes = []
        for result in results:
            row = result.model.id
            style = "italic" if result.problem else "bold" if result is subject else ""
            table.update_cell(row, "rates", Text(_rates(result, lang), justify="right"))
            table.update_cell(row, "total", Text(lang.total(result, cell=True), style, justify="right"))
            if result.problem:
                notes.append(lang("pricing.cannot_run", model=result.model.name, problem=lang.say(result.problem)))
            if result.long_context_rate:
                notes.append(lang("pricing.long_context", model=result.model.name))
            found = costs.saving(subject, result)
            emphasis = "italic" if found is None else "bold" if found.usd < 0 else ""
            table.update_cell(row, "saving", Text(lang.saving(subject, result, cell=True), emphasis, justify="right"))
        if self.batch:
            standard = [r.model.short for r in results if r.rate.kind != "batch"]
            notes.insert(0, lang("pricing.batch_on") + (lang("pricing.batch_standard", models=lang.join(standard))
                                                         if standard else lang("punct.full_stop")))
        if self.latest:
            changes = sorted((c for c in self.catalog.price_changes if c.sets_list_price), key=lambda c: c.date)
            caveats = "".join(f"\n⚠ {self.catalog.model(c.model).name}{lang.colon}{lang.of(c, 'caveat')}"
                              for c in changes if c.caveat)
            dates = lang.join(dict.fromkeys(f"{c.date:%Y-%m-%d}" for c in changes))
            notes.insert(0, lang("pricing.latest_on", dates=dates) + caveats)
        # The totals paint first; the conversation table follows a frame later.
        self.call_after_refresh(self._show_conversation, workload)
        notes_text = "\n".join(notes) or lang("pricing.every_model")
        if notes_text != self._notes_text:  # most steps leave the notes as they were
            self._notes_text = notes_text
            self.query_one("#cost-notes", Static).update(notes_text)


def _workload(preset: Preset) -> Workload:
    return Workload(preset.input_tokens, preset.output_tokens, preset.requests_per_day)


def _rates(result: costs.ModelCost, lang: Language) -> str:
    """The rates, with * where the Batch API price applies. The column's heading
    names the unit, so Chinese leaves 美元 out."""
    return lang.rates(result, cell=True) + ("*" if result.rate.kind == "batch" else " ")


def _widest(lang: Language, *catalogs: Catalog) -> tuple[int, int]:
    """Column widths for the largest rates and bill the sliders allow, at any of the
    prices shown, so no figure is ever cut and the columns never jump."""
    largest = Workload(INPUT_BOUNDS.high, OUTPUT_BOUNDS.high, REQUESTS_BOUNDS.high)
    beyond_long_context = Workload(INPUT_BOUNDS.high + 1, 1, 1)
    results = [
        result
        for catalog in catalogs
        for workload, batch in ((largest, False), (largest, True), (beyond_long_context, False))
        for result in costs.monthly(catalog, workload, batch)
    ]
    return (max(cell_len(_rates(r, lang)) for r in results),
            max(cell_len(lang.total(r, cell=True)) for r in results))


def _claims(catalog: Catalog, lang: Language) -> Text:
    text = Text()
    for verdict in claims.evaluate_all(catalog):
        claim = verdict.claim
        text.append(f"“{lang.of(claim, 'text')}”", "bold").append(lang.colon + verdicts.summary(verdict, lang))
        if claim.note:
            text.append("\n   ").append(lang.of(claim, "note"), "italic")
        if verdict.checks:
            text.append("\n   ")
            for index, check in enumerate(verdict.checks):
                text.append(" · " if index else "").append(verdicts.check_text(check, claim, lang)).append(" ✓" if check.holds else " ✗")
        text.append("  ").append(sources_text(claim.sources)).append("\n")
    text.rstrip()
    return text


def _list_prices(catalog: Catalog, lang: Language) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(lang("pricing.model"), no_wrap=True)
    table.add_column(lang("pricing.input"), justify="right")
    table.add_column(lang("pricing.output"), justify="right")
    table.add_column(lang("pricing.batch_in"), justify="right", no_wrap=True)
    table.add_column(lang("pricing.batch_out"), justify="right", no_wrap=True)
    for price in catalog.prices:
        model = catalog.model(price.model)
        batch = (
            (lang.rate_cell(price.batch_input), lang.rate_cell(price.batch_output))
            if price.batch_input is not None and price.batch_output is not None
            else ("—", "—")
        )
        table.add_row(
            model.name,
            lang.rate_cell(price.input),
            lang.rate_cell(price.output),
            *batch,
        )
        if price.long_context:
            table.add_row(
                "  " + lang("pricing.prompts_over", tokens=price.long_context.above_tokens),
                lang.rate_cell(price.long_context.input),
                lang.rate_cell(price.long_context.output),
                "—",
                "—",
            )
    return table


def _price_notes(catalog: Catalog, lang: Language) -> Text:
    text = Text(lang("pricing.batch_note") + "\n")
    for price in catalog.prices:
        text.append(catalog.model(price.model).name + lang.colon, "bold")
        said = lang.sentences(report.price_notes(catalog, price.model, lang))
        text.append(f"{said} " if said else "")
        text.append(sources_text(report.price_sources(catalog, price.model)))
        if price.batch_sources:
            text.append(" " + lang("pricing.batch_sources")).append(sources_text(price.batch_sources))
        text.append("\n")
    text.rstrip()
    return text


def _timeline(catalog: Catalog, lang: Language) -> Text:
    """The list prices' date, then each later change: ● one that changes a list price
    (the latest-known view uses it), ○ one about another product."""
    price = catalog.price(catalog.subject.id)
    text = Text.assemble(
        (f"{catalog.prices_as_of:%Y-%m-%d} ", "bold"), "● ",
        lang("pricing.launches", model=catalog.subject.name, input=lang.rate(price.input),
             output=lang.rate(price.output)),
    )
    for change in sorted(catalog.price_changes, key=lambda c: c.date):
        text.append("\n" + "\u00a0" * 11 + "│\n")  # no-break spaces: wrapping keeps the indent
        text.append(f"{change.date:%Y-%m-%d} ", "bold").append("● " if change.sets_list_price else "○ ")
        text.append(f"{catalog.model(change.model).name}{lang.colon}{lang.of(change, 'summary')} ")
        if change.caveat:
            text.append(f"⚠ {lang.of(change, 'caveat')} ", "italic")
        text.append(sources_text(change.sources))
    text.append("\n" + lang("pricing.timeline_key"), "dim")
    return text
