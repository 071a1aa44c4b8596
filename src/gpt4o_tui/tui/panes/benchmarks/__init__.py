"""Benchmarks: the launch chart four ways. The table with a bar chart of the chosen
benchmark; every benchmark as grouped bars, sortable, with GPT-4o mini's lead or
lag against a chosen peer; the price-score frontier; and what each benchmark tests.

State lives here (chosen benchmark, hidden models, sort, peer, price mix, the
view); each view, a widget of its own in this package, renders its part of it
with the words of gpt4o_tui.text.benchmarks."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable, Static

from gpt4o_tui.core import compare
from gpt4o_tui.core.catalog import Benchmark, Catalog
from gpt4o_tui.text import benchmarks as naming
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.panes.base import Pane
from gpt4o_tui.tui.panes.benchmarks.base import View
from gpt4o_tui.tui.panes.benchmarks.explain import ExplainView
from gpt4o_tui.tui.panes.benchmarks.frontier import FrontierView
from gpt4o_tui.tui.panes.benchmarks.grouped import GroupedView
from gpt4o_tui.tui.panes.benchmarks.table import TableView
from gpt4o_tui.tui.widgets.model_toggles import ModelToggles

CHOOSE = Binding.Group("Benchmark", compact=True)
VIEWS = ("table", "grouped", "frontier", "explain")
VIEW_CLASSES: tuple[type[View], ...] = (TableView, GroupedView, FrontierView, ExplainView)
# Which views show each piece of the pane's state.
FEEDS = {
    name: tuple(v for v in VIEW_CLASSES if name in v.STATE)
    for name in ("selected", "hidden", "sort_key", "peer", "mix")
}


class BenchmarksPane(Pane, Vertical):
    BINDINGS = [
        # ↑/↓ go without saying (help lists them); the footer keeps room for f5 and ctrl+s at 80 columns.
        Binding(
            "up",
            "choose(-1)",
            "Previous",
            show=False,
            group=CHOOSE,
            id="benchmarks.previous",
            tooltip="Previous benchmark",
        ),
        Binding("down", "choose(1)", "Next", show=False, group=CHOOSE, id="benchmarks.next", tooltip="Next benchmark"),
        # t is the app's theme key, so the views cycle on v; g, f and i go straight to one
        # (i, not e: e is Pricing's Export, and a key means one thing on every pane).
        # The pane's top line says "(v: next)", so v leaves the footer its room.
        Binding(
            "v",
            "next_view",
            "View",
            show=False,
            id="benchmarks.view",
            tooltip="Next view: Table, Grouped, Frontier, Explain",
        ),
        Binding("g", "view('grouped')", "Grouped", show=False, id="benchmarks.grouped", tooltip="Grouped view"),
        Binding("f", "view('frontier')", "Frontier", show=False, id="benchmarks.frontier", tooltip="Frontier view"),
        Binding("i", "view('explain')", "Explain", show=False, id="benchmarks.explain", tooltip="Explain view"),
        Binding("m", "models", "Show", id="benchmarks.models", tooltip="Choose which models the charts show"),
        Binding("s", "sort", "Sort", id="benchmarks.sort", tooltip="Grouped: sort the models by the next key"),
        Binding("p", "peer", "Peer", id="benchmarks.peer", tooltip="Grouped: Δ against the next peer"),
        Binding("x", "mix", "Mix", id="benchmarks.mix", tooltip="Frontier: the next input:output price mix"),
    ]

    selected: reactive[str] = reactive("", repaint=False)
    view: reactive[str] = reactive("table", repaint=False)
    hidden: reactive[frozenset[str]] = reactive(frozenset(), repaint=False)
    sort_key: reactive[str] = reactive("chart", repaint=False)
    peer: reactive[str] = reactive("", repaint=False)  # "" while the charts show no peer
    mix: reactive[int] = reactive(0, repaint=False)

    def __init__(self, catalog: Catalog, lang: Language, *, id: str | None = None) -> None:
        super().__init__(catalog, lang, id=id)
        self._ready = False  # the view watcher fires before the views exist; it shows them from on_mount on
        self.peers = [m.id for m in catalog.compared if m.role == "peer"]
        # Set, not assigned: nothing is handed down before the views exist, and each shows itself on mount.
        start = {
            "selected": catalog.benchmarks[0].id,
            "view": "table",
            "hidden": frozenset(),
            "sort_key": "chart",
            "peer": self.peers[0],
            "mix": 0,
        }
        for name, value in start.items():
            self.set_reactive(getattr(BenchmarksPane, name), value)
        self._toggles_cursor = 0

    async def speak(self, lang: Language) -> None:
        self._toggles_cursor = self.query_one(ModelToggles).cursor
        await super().speak(lang)

    def _state(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in FEEDS}

    def compose(self) -> ComposeResult:
        catalog, lang, state = self.catalog, self.lang, self._state()
        with Horizontal(id="bench-controls"):
            toggles = ModelToggles(catalog.compared, lang("benchmarks.show"), id="toggles")
            toggles.set_reactive(ModelToggles.hidden, self.hidden)
            toggles.set_reactive(ModelToggles.cursor, self._toggles_cursor)
            yield toggles
            yield Static("", id="view-name")
        with ContentSwitcher(initial=f"{self.view}-view", id="views"):
            yield TableView(catalog, lang, state, id="table-view", can_focus=False)
            yield GroupedView(catalog, lang, state, id="grouped-view")
            yield FrontierView(catalog, lang, state, id="frontier-view")
            yield ExplainView(catalog, lang, state, id="explain-view")

    def on_mount(self) -> None:
        self._ready = True
        self.show()

    def show(self) -> None:
        table = self.query_one("#scores", DataTable)
        table.move_cursor(row=table.get_row_index(self.selected))
        self._show_view_name()

    def focus_target(self) -> Widget:
        targets = {"table": "#scores", "grouped": "#grouped-view", "frontier": "#frontier", "explain": "#explain-view"}
        return self.query_one(targets[self.view])

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
        self.peer = self._next_peer(self.peer, self.hidden)

    def _next_peer(self, after: str, hidden: frozenset[str]) -> str:
        """The next peer the charts show, after `after` in the catalog's order (the
        first shown, after none); "" when the charts show no peer at all."""
        start = self.peers.index(after) if after else -1
        following = [self.peers[(start + step) % len(self.peers)] for step in range(1, len(self.peers) + 1)]
        return next((p for p in following if p not in hidden), "")

    def action_mix(self) -> None:
        self.mix = (self.mix + 1) % len(compare.MIXES)

    @on(DataTable.RowHighlighted, "#scores")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.selected = str(event.row_key.value)

    @on(ModelToggles.Changed)
    def _models_toggled(self, event: ModelToggles.Changed) -> None:
        self.hidden = event.hidden
        if not self.peer or self.peer in event.hidden:  # a hidden model is no Δ peer: the next shown one is
            self.peer = self._next_peer(self.peer, event.hidden)

    @on(ModelToggles.Left)
    def _toggles_left(self) -> None:
        self.focus_default()

    # The pane hands each change of its state to the views that show it (not
    # data_bind, as in Pricing): ↑/↓ leaves the grouped bars alone, a sort or a
    # peer touches nothing but them.

    def _hand_down(self, name: str, value: object) -> None:
        for view_class in FEEDS[name]:
            for view in self.query(view_class):
                setattr(view, name, value)

    def watch_view(self, view: str) -> None:
        self.query_one(ContentSwitcher).current = f"{view}-view"
        self.refresh_bindings()
        if self._ready:
            self._show_view_name()
            self.focus_default()

    def _show_view_name(self) -> None:
        self.query_one("#view-name", Static).update(naming.view_name(self.view, self.lang))

    def watch_selected(self, selected: str) -> None:
        self._hand_down("selected", selected)

    def watch_hidden(self, hidden: frozenset[str]) -> None:
        self._hand_down("hidden", hidden)

    def watch_sort_key(self, sort_key: str) -> None:
        self._hand_down("sort_key", sort_key)

    def watch_peer(self, peer: str) -> None:
        self._hand_down("peer", peer)

    def watch_mix(self, mix: int) -> None:
        self._hand_down("mix", mix)

    @property
    def benchmark(self) -> Benchmark:
        return next(b for b in self.catalog.benchmarks if b.id == self.selected)

    @property
    def visible(self) -> list[str]:
        return [m.id for m in self.catalog.compared if m.id not in self.hidden]
