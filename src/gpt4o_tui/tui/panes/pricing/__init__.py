"""Pricing: the cost calculator (three log sliders, totals for every model in the
same frame), conversations, the launch's claims, the list prices and their dated
changes, and a token counter. The pane owns the state; each section, a widget of
its own, renders it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Select, TextArea

from gpt4o_tui.core import costs
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.scenario import Scenario
from gpt4o_tui.text import report
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.text.report import Prices
from gpt4o_tui.tui.panes.base import Pane
from gpt4o_tui.tui.panes.pricing.calculator import SLIDERS, Calculator
from gpt4o_tui.tui.panes.pricing.claims import Claims
from gpt4o_tui.tui.panes.pricing.conversations import TURNS_DEFAULT, Conversations
from gpt4o_tui.tui.panes.pricing.history import PriceHistory
from gpt4o_tui.tui.panes.pricing.images import ImageControls
from gpt4o_tui.tui.panes.pricing.token_counter import TokenCounter
from gpt4o_tui.tui.widgets.log_slider import CountSlider

PRICES: tuple[Prices, ...] = ("launch", "latest known", "today")


def clipboard_problem(headless: bool, environ: Mapping[str, str]) -> str | None:
    """Why a copy through OSC 52 is known not to arrive, as a message key; None where
    it may. Only these cases can be told: a terminal that takes OSC 52 says nothing."""
    if headless:
        return "copy.headless"
    if environ.get("TERM_PROGRAM") == "Apple_Terminal":
        return "copy.apple_terminal"
    return None


class PricingPane(Pane, VerticalScroll):
    BINDINGS = [
        Binding(
            "w",
            "choose_workload",
            "Uses",
            id="pricing.workload",
            tooltip="Choose a workload from the uses the launch names",
        ),
        Binding(
            "l",
            "latest",
            "Latest",
            id="pricing.latest",
            tooltip="Prices at launch, the latest known, or today's (genai-prices)",
        ),
        Binding(
            "b", "batch", "Batch", id="pricing.batch", tooltip="Batch API prices on or off (half price where offered)"
        ),
        # Help and the command palette carry Reset and Export; the footer keeps room for ? and q at 80 columns.
        Binding("r", "reset", "Reset", show=False, id="pricing.reset", tooltip="Reset the calculator"),
        Binding(
            "o",
            "compare",
            "Compare",
            show=False,
            id="pricing.compare",
            tooltip="Compare with another model, priced today (genai-prices)",
        ),
        Binding(
            "e", "export", "Export", show=False, id="pricing.export", tooltip="Save this scenario as Markdown or JSON"
        ),
        Binding(
            "c",
            "copy_scenario",
            "Copy",
            show=False,
            id="pricing.copy",
            tooltip="Copy this scenario as Markdown to the clipboard (OSC 52)",
        ),
    ]

    workload: reactive[Workload] = reactive(Workload, init=False, repaint=False)
    batch_api: reactive[bool] = reactive(False, init=False, repaint=False)
    prices: reactive[Prices] = reactive("launch", init=False, repaint=False)
    # Models a person added from genai-prices (provider:model), priced today.
    others: reactive[tuple[str, ...]] = reactive((), init=False, repaint=False)
    turns: reactive[int] = reactive(TURNS_DEFAULT, init=False, repaint=False)
    # The token counter's text and chosen sample, kept here so a rebuild keeps them.
    text: reactive[str] = reactive("", init=False, repaint=False)
    sample: reactive[str | None] = reactive(None, init=False, repaint=False)
    # What the person typed, kept while a sample is shown: choosing "Your text" brings it back.
    own_text: reactive[str] = reactive("", init=False, repaint=False)

    def __init__(self, catalog: Catalog, lang: Language, *, id: str | None = None) -> None:
        super().__init__(catalog, lang, id=id)
        self.can_focus = False
        self.latest_catalog = catalog.latest()

    def reopen(self, scenario: Scenario) -> None:
        """The calculator as the scenario has it (set before the first draw, so nothing
        is drawn twice); turns the scenario leaves out stay the calculator's own."""
        self.set_reactive(PricingPane.workload, scenario.workload)
        self.set_reactive(PricingPane.batch_api, scenario.batch)
        self.set_reactive(PricingPane.prices, scenario.prices)
        self.set_reactive(PricingPane.others, scenario.others)
        if scenario.turns is not None:
            self.set_reactive(PricingPane.turns, scenario.turns)

    @property
    def shown(self) -> Scenario:
        """The scenario the calculator shows now: what the deck presents."""
        return Scenario(self.workload, self.batch_api, self.prices, self.turns, self.others)

    def compose(self) -> ComposeResult:
        catalog, latest, lang = self.catalog, self.latest_catalog, self.lang
        yield Calculator(catalog, latest, lang, self._shared())
        yield Conversations(catalog, latest, lang, self._shared(), self.turns)
        yield Claims(catalog, lang)
        yield PriceHistory(catalog, lang)
        yield TokenCounter(catalog, lang, self.text, self.sample, kept=self._own_text_kept)

    def _shared(self) -> dict[str, object]:
        return {"workload": self.workload, "batch_api": self.batch_api, "prices": self.prices, "others": self.others}

    # The pane hands each change of its state to the sections that show it (not
    # data_bind: a rebuild in another language composes outside the pane's own
    # message loop, where Textual cannot bind).

    def _hand_down(self, name: str, value: object) -> None:
        for section in self.query("Calculator, Conversations"):
            setattr(section, name, value)

    def watch_workload(self, workload: Workload) -> None:
        self._hand_down("workload", workload)

    def watch_batch_api(self, batch_api: bool) -> None:
        self._hand_down("batch_api", batch_api)

    def watch_prices(self, prices: Prices) -> None:
        self._hand_down("prices", prices)

    def watch_others(self, others: tuple[str, ...]) -> None:
        self._hand_down("others", others)

    def watch_turns(self, turns: int) -> None:
        for section in self.query(Conversations):
            section.turns = turns

    @property
    def priced(self) -> Catalog:
        """The catalog behind the prices on screen: at launch, or the latest known
        (today's come from genai-prices, the catalog's limits and image rules with them)."""
        return self.latest_catalog if self.prices == "latest known" else self.catalog

    def focus_target(self) -> Widget:
        return self.query_one("#input-tokens", CountSlider).slider

    def action_page_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_page_down(on_complete=self._focus_in_view_once_drawn)

    def action_page_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_page_up(on_complete=self._focus_in_view_once_drawn)

    def _focus_in_view_once_drawn(self) -> None:
        self.call_after_refresh(self._focus_in_view)  # each widget's place, as scrolled

    def _focus_in_view(self) -> None:
        """After a page scroll, a focus left out of view moves to the first widget in
        view that takes it, or, with none in view, to the pane itself (where ↑/↓,
        home and end scroll): the next key (end, a digit, b) acts on what is on
        screen, never on a slider scrolled away."""
        view = self.scrollable_content_region
        focused = self.screen.focused
        if focused is None or (focused is not self and view.contains_region(focused.region)):
            return
        mine = set(self.query("*"))
        shown = (w for w in self.screen.focus_chain if w in mine and view.contains_region(w.region))
        target = next(shown, None)
        if target is None and focused is not self:
            self.can_focus = True  # only while the focus is parked here: tab skips the pane
            target = self
        if target is not None:
            target.focus(scroll_visible=False)

    def on_blur(self) -> None:
        self.can_focus = False

    def action_reset(self) -> None:
        """Back to the starting calculator: workload, standard launch prices, 20 turns."""
        self.workload = Workload()
        self.batch_api = False
        self.prices = "launch"
        self.others = ()
        self.turns = TURNS_DEFAULT

    def action_choose_workload(self) -> None:
        chooser = self.query_one("#preset", Select)
        chooser.focus()
        chooser.action_show_overlay()

    def action_batch(self) -> None:
        self.batch_api = not self.batch_api

    def action_latest(self) -> None:
        """Launch, then the latest known, then today's prices, then launch again."""
        self.prices = PRICES[(PRICES.index(self.prices) + 1) % len(PRICES)]

    @on(Select.Changed, "#preset")
    def _preset_chosen(self, event: Select.Changed) -> None:
        preset = next((p for p in self.catalog.presets if p.id == event.value), None)
        if preset is not None:
            self.workload = costs.preset_workload(preset)
            if event.select.has_focus:  # a person chose: back to the sliders to tune it
                self.focus_default()

    @on(Select.Changed, "#sample")
    def _sample_chosen(self, event: Select.Changed) -> None:
        """A sample is shown in place of the person's text, which is kept; "Your text"
        brings that back."""
        self.sample = None if event.value is Select.NULL else str(event.value)
        sample = self._sample_text()
        self.query_one("#text", TextArea).load_text(self.own_text if sample is None else sample)

    def _own_text_kept(self) -> bool:
        return self.sample is not None and bool(self.own_text)

    def _sample_text(self) -> str | None:
        return next((s.text for s in self.catalog.samples if s.id == self.sample), None)

    @on(TextArea.Changed, "#text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        self.text = event.text_area.text
        if self.sample is not None and self.text != self._sample_text():
            # A sample edited is the person's own text now.
            self.sample = None
            select = self.query_one("#sample", Select)
            with select.prevent(Select.Changed):
                select.value = Select.NULL
        if self.sample is None:
            self.own_text = self.text

    @on(CountSlider.Changed)
    def _slider_moved(self, event: CountSlider.Changed) -> None:
        if event.count_slider.id == "turns":
            self.turns = event.value
            return
        field, _ = SLIDERS[str(event.count_slider.id)]
        self.workload = self.workload.changed(**{field: event.value})

    @on(ImageControls.Changed)
    def _image_changed(self, event: ImageControls.Changed) -> None:
        self.workload = replace(self.workload, image_size=event.image_size, detail=event.detail)

    def action_compare(self) -> None:
        """The picker: the chosen model joins the calculator, or leaves it if it was there."""
        from gpt4o_tui.tui.panes.pricing.picker import ModelPicker

        def chosen(ref: str | None) -> None:
            if ref is None:
                return
            self.others = tuple(r for r in self.others if r != ref) if ref in self.others else (*self.others, ref)

        self.app.push_screen(ModelPicker(self.lang, self.others), chosen)

    def action_export(self) -> None:
        from gpt4o_tui.tui.export import ExportScreen

        def saved(path: Path | None) -> None:
            if path is not None:
                self.app.notify(self.lang("export.saved", path=path), title=self.lang("export.saved_title"))

        folder = getattr(self.app, "output_dir", None) or Path.cwd()
        self.app.push_screen(ExportScreen(self.scenario, folder / "gpt4o-tui-scenario.md", self.lang), saved)

    def action_copy_scenario(self) -> None:
        """The Markdown scenario onto the clipboard through OSC 52, which the terminal
        (even over SSH) takes or ignores without a word back: the notice says so, and
        says where the same text is where it is known not to arrive."""
        problem = clipboard_problem(self.app.is_headless, os.environ)
        if problem is not None:
            self.app.notify(self.lang(problem), title=self.lang("copy.cannot_title"), severity="warning", timeout=8)
            return
        text = self.scenario("markdown")
        self.app.copy_to_clipboard(text)
        said = self.lang("copy.copied", lines=text.count("\n"))
        if os.environ.get("TMUX"):
            said += self.lang("copy.in_tmux")
        self.app.notify(said, title=self.lang("copy.copied_title"), timeout=8)

    def scenario(self, kind: str) -> str:
        """The scenario on screen, as the `cost` command would give it."""
        priced = self.priced
        prices = self.prices
        if prices == "today":
            from gpt4o_tui.core import today

            results = list(today.monthly(priced, self.workload, self.batch_api))
        else:
            results = report.price(priced, self.workload, priced.compared, self.batch_api)
        if self.others:
            from gpt4o_tui.core import today

            results += today.chosen(self.others, self.workload, self.batch_api)
        if kind == "json":
            return report.scenario_json(priced, self.workload, self.batch_api, prices, results, self.turns)
        return report.scenario_markdown(priced, self.workload, self.batch_api, prices, results, self.lang)
