"""Benchmarks: the launch chart four ways. The table with a bar chart of the chosen
benchmark; every benchmark as grouped bars, sortable, with GPT-4o mini's lead or
lag against a chosen peer; the price-score frontier; and what each benchmark tests.

State lives here (chosen benchmark, hidden models, sort, peer, price mix); the
views render it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, DataTable, Static

from gpt4o_tui.core import compare
from gpt4o_tui.core.catalog import Benchmark, Catalog
from gpt4o_tui.text import benchmarks as naming
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.panes.base import Pane
from gpt4o_tui.tui.widgets.frontier_chart import FrontierChart, Plot, PlotPoint
from gpt4o_tui.tui.widgets.model_toggles import ModelToggles
from gpt4o_tui.tui.widgets.score_bars import BarRow, ScoreBars

CHOOSE = Binding.Group("Benchmark", compact=True)
VIEWS = ("table", "grouped", "frontier", "explain")


class BenchmarksPane(Pane, Vertical):
    BINDINGS = [
        # ↑/↓ go without saying (help lists them); the footer keeps room for f5 and ctrl+s at 80 columns.
        Binding("up", "choose(-1)", "Previous", show=False, group=CHOOSE, id="benchmarks.previous", tooltip="Previous benchmark"),
        Binding("down", "choose(1)", "Next", show=False, group=CHOOSE, id="benchmarks.next", tooltip="Next benchmark"),
        # t is the app's theme key, so the views cycle on v; g, f and e go straight to one.
        # The pane's top line says "(v: next)", so v leaves the footer its room.
        Binding("v", "next_view", "View", show=False, id="benchmarks.view",
                tooltip="Next view: Table, Grouped, Frontier, Explain"),
        Binding("g", "view('grouped')", "Grouped", show=False, id="benchmarks.grouped", tooltip="Grouped view"),
        Binding("f", "view('frontier')", "Frontier", show=False, id="benchmarks.frontier", tooltip="Frontier view"),
        Binding("e", "view('explain')", "Explain", show=False, id="benchmarks.explain", tooltip="Explain view"),
        Binding("m", "models", "Show", id="benchmarks.models", tooltip="Choose which models the charts show"),
        Binding("s", "sort", "Sort", id="benchmarks.sort", tooltip="Grouped: sort the models by the next key"),
        Binding("p", "peer", "Peer", id="benchmarks.peer", tooltip="Grouped: Δ against the next peer"),
        Binding("x", "mix", "Mix", id="benchmarks.mix", tooltip="Frontier: the next input:output price mix"),
    ]

    selected: reactive[str] = reactive("", repaint=False)
    view: reactive[str] = reactive("table", repaint=False)
    hidden: reactive[frozenset[str]] = reactive(frozenset(), repaint=False)
    sort_key: reactive[str] = reactive("chart", repaint=False)
    peer: reactive[str] = reactive("", repaint=False)
    mix: reactive[int] = reactive(0, repaint=False)

    def __init__(self, catalog: Catalog, lang: Language, *, id: str | None = None) -> None:
        super().__init__(catalog, lang, id=id)
        self._ready = False  # watchers fire before the views exist; render from on_mount on
        self.peers = [m.id for m in catalog.compared if m.role == "peer"]
        # Set, not assigned: the watchers wait for the views, which on_mount shows whole.
        start = {"selected": catalog.benchmarks[0].id, "view": "table", "hidden": frozenset(),
                 "sort_key": "chart", "peer": self.peers[0], "mix": 0}
        for name, value in start.items():
            self.set_reactive(getattr(BenchmarksPane, name), value)
        self._toggles_cursor = 0

    async def speak(self, lang: Language) -> None:
        self._toggles_cursor = self.query_one(ModelToggles).cursor
        await super().speak(lang)

    # -- building ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        catalog, lang = self.catalog, self.lang
        with Horizontal(id="bench-controls"):
            toggles = ModelToggles(catalog.compared, lang("benchmarks.show"), id="toggles")
            toggles.set_reactive(ModelToggles.hidden, self.hidden)
            toggles.set_reactive(ModelToggles.cursor, self._toggles_cursor)
            yield toggles
            yield Static("", id="view-name")
        with ContentSwitcher(initial=f"{self.view}-view", id="views"):
            with VerticalScroll(id="table-view", can_focus=False):
                yield self._scores_table()
                notes = sorted({lang.of(m, "chart_note") for m in catalog.compared if m.chart_note})
                yield Static(Text.assemble(lang("benchmarks.legend") + "".join(f"  † {note}" for note in notes),
                                           naming.reported(catalog, lang)), classes="footnote")
                yield Static("", id="chart-title")
                yield ScoreBars(id="bars")
                yield Static("", id="plain")
            with VerticalScroll(id="grouped-view"):
                yield Static("", id="grouped-header")
                yield Static("", id="group-average", classes="group-title")
                yield ScoreBars(id="bars-average")
                for benchmark in catalog.benchmarks:
                    yield Static("", id=f"group-{benchmark.id}", classes="group-title")
                    yield ScoreBars(id=f"bars-{benchmark.id}")
                yield Static(naming.caveats(catalog, lang), classes="footnote")
            with Vertical(id="frontier-view"):
                yield Static("", id="frontier-header")
                yield FrontierChart(lang("benchmarks.no_plot"), id="frontier")
                yield Static("", id="frontier-words")
            with VerticalScroll(id="explain-view"):
                yield Static("", id="explain")

    def _scores_table(self) -> DataTable[Text]:
        catalog = self.catalog
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="scores")
        table.add_column(self.lang("benchmarks.benchmark"), key="benchmark")
        for model in catalog.compared:
            label = model.short + ("†" if model.chart_note else "")
            table.add_column(Text(label, "bold" if model.role == "subject" else ""), key=model.id)
        small = [m.id for m in catalog.compared if m.tier == "small"]
        for benchmark in catalog.benchmarks:
            best, best_small = benchmark.best(m.id for m in catalog.compared), benchmark.best(small)
            cells = [naming.cell(benchmark, m.id, m.id in best, m.id in best_small) for m in catalog.compared]
            table.add_row(Text(benchmark.name, "bold"), *cells, key=benchmark.id)
        return table

    def on_mount(self) -> None:
        self._ready = True
        self.show()

    def show(self) -> None:
        table = self.query_one("#scores", DataTable)
        table.move_cursor(row=table.get_row_index(self.selected))
        self._show_all()

    def focus_default(self) -> None:
        targets = {"table": "#scores", "grouped": "#grouped-view", "frontier": "#frontier", "explain": "#explain-view"}
        self.query_one(targets[self.view]).focus()

    # -- actions -----------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do nothing in the current view leave the footer."""
        if action in ("sort", "peer"):
            return self.view == "grouped"
        if action == "mix":
            return self.view == "frontier"
        if action == "choose":
            return self.view != "grouped"
        return True

    def action_choose(self, delta: int) -> None:
        table = self.query_one("#scores", DataTable)
        table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

    def action_view(self, view: str) -> None:
        self.view = view

    def action_next_view(self) -> None:
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]

    def action_models(self) -> None:
        self.query_one(ModelToggles).focus()

    def action_sort(self) -> None:
        keys = compare.sort_keys(self.catalog)
        self.sort_key = keys[(keys.index(self.sort_key) + 1) % len(keys)]

    def action_peer(self) -> None:
        self.peer = self.peers[(self.peers.index(self.peer) + 1) % len(self.peers)]

    def action_mix(self) -> None:
        self.mix = (self.mix + 1) % len(compare.MIXES)

    @on(DataTable.RowHighlighted, "#scores")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.selected = str(event.row_key.value)

    @on(ModelToggles.Changed)
    def _models_toggled(self, event: ModelToggles.Changed) -> None:
        self.hidden = event.hidden

    # Each piece of state repaints only the views it feeds: ↑/↓ leaves the grouped
    # bars alone, a sort or a peer touches nothing but them.

    def watch_view(self, view: str) -> None:
        self.query_one(ContentSwitcher).current = f"{view}-view"
        self.refresh_bindings()
        if self._ready:
            self._show_view_name()
            self.focus_default()

    def _show_view_name(self) -> None:
        self.query_one("#view-name", Static).update(self.lang("benchmarks.view_name", view=self.lang(f"view.{self.view}")))

    def watch_selected(self) -> None:
        if self._ready:
            self._show_table_view()
            self._show_frontier_view()
            self._show_explanation()

    def watch_hidden(self) -> None:
        if self._ready:
            self._show_table_view()
            self._show_grouped_view()
            self._show_frontier_view()

    def watch_sort_key(self) -> None:
        if self._ready:
            self._show_grouped_view()

    def watch_peer(self) -> None:
        if self._ready:
            self._show_grouped_view()

    def watch_mix(self) -> None:
        if self._ready:
            self._show_frontier_view()

    # -- rendering state into the views -------------------------------------

    @property
    def benchmark(self) -> Benchmark:
        return next(b for b in self.catalog.benchmarks if b.id == self.selected)

    @property
    def visible(self) -> list[str]:
        return [m.id for m in self.catalog.compared if m.id not in self.hidden]

    def _show_all(self) -> None:
        self._show_view_name()
        self._show_table_view()
        self._show_grouped_view()
        self._show_frontier_view()
        self._show_explanation()

    def _show_explanation(self) -> None:
        self.query_one("#explain", Static).update(naming.explanation(self.benchmark, self.catalog, self.lang))

    def _rows(self, benchmark: Benchmark, model_ids: list[str]) -> tuple[BarRow, ...]:
        return tuple(
            BarRow(
                name=self.catalog.model(m).name,
                score=benchmark.score(m),
                subject=m == self.catalog.subject.id,
                note=self.lang.of(benchmark, "not_scored").get(m, ""),
                mark=compare.marks(benchmark, m),
            )
            for m in model_ids
        )

    def _show_table_view(self) -> None:
        benchmark, lang = self.benchmark, self.lang
        self.query_one("#chart-title", Static).update(
            Text.assemble((benchmark.name, "bold"), lang.colon + lang.of(benchmark, "tests"),
                          ("   " + lang("benchmarks.e_explains"), "dim"))
        )
        self.query_one("#bars", ScoreBars).rows = self._rows(benchmark, self.visible)
        plain = Text.assemble((lang("common.plain_words"), "bold"), lang.of(benchmark, "analogy")) \
            if benchmark.analogy else Text(lang("benchmarks.no_analogy", benchmark=benchmark.name), "italic")
        self.query_one("#plain", Static).update(plain)

    def _show_grouped_view(self) -> None:
        catalog, subject, lang = self.catalog, self.catalog.subject, self.lang
        order = compare.ordered(catalog, self.visible, self.sort_key)
        peer = catalog.model(self.peer)
        self.query_one("#grouped-header", Static).update(
            Text.assemble(
                lang("benchmarks.sorted_by"), (naming.sort_label(catalog, self.sort_key, lang), "bold"), " (s)   ",
                ("Δ ", "bold"), f"{subject.short} − {peer.short} (p)\n",
                naming.where_beaten(catalog, lang),
            )
        )
        averages = {m: compare.average(catalog.benchmarks, m) for m in order}
        self.query_one("#group-average", Static).update(
            Text.assemble((lang("benchmarks.average"), "bold"), lang("benchmarks.average_note"))
        )
        self.query_one("#bars-average", ScoreBars).rows = tuple(
            BarRow(
                name=catalog.model(m).name,
                score=averages[m].value,
                subject=m == subject.id,
                note="" if averages[m].taken == averages[m].of
                else lang("benchmarks.taken", taken=averages[m].taken, of=averages[m].of),
            )
            for m in order
        )
        for benchmark in catalog.benchmarks:
            change = compare.delta(benchmark, subject.id, peer.id)
            self.query_one(f"#group-{benchmark.id}", Static).update(
                Content.assemble((benchmark.name, "bold"), f"  {lang.of(benchmark, 'tests')}  ", *naming.delta(change))
            )
            self.query_one(f"#bars-{benchmark.id}", ScoreBars).rows = self._rows(benchmark, order)

    def _show_frontier_view(self) -> None:
        catalog, benchmark, mix, lang = self.catalog, self.benchmark, compare.MIXES[self.mix], self.lang
        candidates = compare.points(catalog, benchmark, self.visible, mix)
        on = compare.frontier(candidates)
        on_ids = {p.model_id for p in on}
        self.query_one("#frontier-header", Static).update(
            Text.assemble(
                (benchmark.name, "bold"), lang("benchmarks.frontier_against"),
                (naming.mix_label(mix, lang), "bold"), lang("benchmarks.frontier_axis"),
            )
        )
        self.query_one(FrontierChart).plot = Plot(
            tuple(
                PlotPoint(catalog.model(p.model_id).short, p.price, p.score, p.model_id in on_ids,
                          p.model_id == catalog.subject.id)
                for p in candidates
            )
        )
        words = Text.assemble((lang("benchmarks.on_frontier"), "bold"), lang("benchmarks.on_frontier_note"))
        words.append(lang.join(f"{catalog.model(p.model_id).name} {lang.usd(p.price)}" for p in on)
                     or lang("common.none"))
        for point in candidates:
            if point.model_id not in on_ids:
                beaters = lang.join(catalog.model(q.model_id).short for q in compare.dominated_by(candidates, point))
                words.append("\n" + lang("benchmarks.off_frontier", model=catalog.model(point.model_id).name,
                                         beaters=beaters))
        for model_id, reason in lang.of(benchmark, "not_scored").items():
            if model_id in self.visible:
                words.append("\n" + lang("benchmarks.not_plotted", model=catalog.model(model_id).name, reason=reason))
        if self.hidden:
            words.append("\n" + lang("benchmarks.hidden",
                                     models=lang.join(m.short for m in catalog.compared if m.id in self.hidden)))
        self.query_one("#frontier-words", Static).update(words)
