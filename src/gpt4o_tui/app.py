"""The gpt4o-tui App: four panes in tabs, keys in the footer, every action in the
command palette, and a help screen listing the keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from importlib import import_module
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Footer, Static, TabbedContent, TabPane

from gpt4o_tui import files, themes
from gpt4o_tui.catalog import Catalog
from gpt4o_tui.panes import TABS

if TYPE_CHECKING:
    from gpt4o_tui.panes.benchmarks import BenchmarksPane
    from gpt4o_tui.panes.pricing import PricingPane
    from gpt4o_tui.panes.safety import SafetyPane
    from gpt4o_tui.panes.specs import SpecsPane

    Pane = SpecsPane | BenchmarksPane | SafetyPane | PricingPane

MIN_WIDTH, MIN_HEIGHT = 80, 24
PANES = Binding.Group("Panes", compact=True)


def pane_type(tab: str) -> type[Pane]:
    """A pane's class, its module imported only when the pane is first needed."""
    return getattr(import_module(f"gpt4o_tui.panes.{tab}"), f"{TABS[tab]}Pane")


class HelpScreen(ModalScreen[None]):
    """Every key, read from the bindings themselves so it cannot drift from them."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help.close", tooltip="Close the help"),
    ]
    AUTO_FOCUS = "#help"  # so ↑/↓ scroll the keys on a small terminal

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static("gpt4o-tui keys", classes="section-title")
            yield Static(self._keys_table())
            yield Static("Esc, ? or q closes this.", classes="footnote")

    def _keys_table(self) -> Table:
        from gpt4o_tui.widgets.log_slider import CountSlider, LogSlider
        from gpt4o_tui.widgets.model_toggles import ModelToggles

        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        from gpt4o_tui.presentation import DeckScreen

        groups = [
            ("Everywhere", Gpt4oTui.BINDINGS),
            ("Presentation (F5)", DeckScreen.BINDINGS),
            ("Benchmarks", [*pane_type("benchmarks").BINDINGS, *ModelToggles.BINDINGS]),
            ("Pricing calculator", [*LogSlider.BINDINGS, *pane_type("pricing").BINDINGS, *CountSlider.BINDINGS]),
        ]
        for title, bindings in groups:
            table.add_row(title, "")
            for group, members in groupby(bindings, key=lambda b: b.group or b):
                members = list(members)
                keys = " ".join(self.app.get_key_display(Binding(k, "")) for m in members for k in m.key.split(","))
                if isinstance(group, Binding.Group):
                    what = f"{group.description}: " + ", ".join(m.description for m in members)
                else:
                    what = group.tooltip or group.description
                table.add_row(f"  {keys}", what)
        table.add_row("Also", "")
        table.add_row("  tab shift+tab", "Move focus (Pricing: sliders, fields)")
        table.add_row("  enter", "In a field: take it (1500, 1,500, 1.5k, 2M)")
        table.add_row("  mouse", "Click tabs; click or drag a slider")
        return table


class Gpt4oTui(App[None]):
    TITLE = "gpt4o-tui"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    # Focus starts inside the first pane, set as the screen is composed: moving it
    # later would make the footer redraw its keys a second time.
    AUTO_FOCUS = f"#{next(iter(TABS))}-pane"
    BINDINGS = [
        Binding("1", "show_tab('specs')", "Specs", show=False, group=PANES, id="tab.specs", tooltip="Show the Specs pane"),
        Binding("2", "show_tab('benchmarks')", "Benchmarks", show=False, group=PANES, id="tab.benchmarks", tooltip="Show the Benchmarks pane"),
        Binding("3", "show_tab('safety')", "Safety", show=False, group=PANES, id="tab.safety", tooltip="Show the Safety pane"),
        Binding("4", "show_tab('pricing')", "Pricing", show=False, group=PANES, id="tab.pricing", tooltip="Show the Pricing pane"),
        Binding("t", "next_theme", "Theme", id="app.theme", tooltip="Next theme: " + ", ".join(themes.NAMES)),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Show every key"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave gpt4o-tui"),
        # Last, so a narrow footer cuts these rather than Help and Quit.
        Binding("f5", "present", "Deck", id="app.present", tooltip="Start the presentation deck"),
        Binding("ctrl+s", "screenshot", "SVG", id="app.screenshot",
                tooltip="Save this screen as an SVG in the current folder"),
    ]

    def __init__(
        self,
        catalog: Catalog,
        *,
        theme: str = themes.DEFAULT,
        tab: str = next(iter(TABS)),
        present: bool = False,
        interval: float | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        for look in themes.themes():
            self.register_theme(look)
        self.theme = theme
        self.first_tab = tab
        self.present_at_start = present
        self.interval = interval
        # Panes are built the first time they are shown: start-up pays for one.
        self._panes: dict[str, Pane] = {}
        self._focus_before_small: dict[Screen, Widget] = {}

    def _new_pane(self, tab: str) -> Pane:
        pane = pane_type(tab)(self.catalog, id=f"{tab}-pane")
        self._panes[tab] = pane
        return pane

    async def _built(self, tab: str) -> Pane:
        """The pane for a tab, built and mounted the first time it is asked for."""
        if tab not in self._panes:
            await self.query_one(f"TabPane#{tab}", TabPane).mount(self._new_pane(tab))
        return self._panes[tab]

    def compose(self) -> ComposeResult:
        with TabbedContent(id="tabs", initial=self.first_tab):
            # The tab shows its key, so the footer need not spend room on 1-4.
            for key, (tab, title) in enumerate(TABS.items(), start=1):
                with TabPane(f"{key} {title}", id=tab):
                    if tab == self.first_tab:
                        yield self._new_pane(tab)
        yield Static("", id="too-small")
        yield Footer()

    def on_mount(self) -> None:
        if self.first_tab != next(iter(TABS)):
            self._panes[self.first_tab].focus_default()
        if self.present_at_start:
            self.action_present()

    def on_resize(self, event: Resize) -> None:
        for screen in self.screen_stack:
            self.fit(screen, event.size.width, event.size.height)

    def fit(self, screen: Screen, width: int, height: int) -> None:
        """Below the smallest size, a screen shows only what size it needs. Hiding the
        panes takes the focus from them; it comes back where it was when they return."""
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        was_small = screen.has_class("-too-small")
        if small and not was_small and screen.focused is not None:
            self._focus_before_small[screen] = screen.focused
        screen.set_class(small, "-too-small")
        if was_small and not small:
            self.call_after_refresh(self._refocus, screen)
        if small:
            for message in screen.query("#too-small").results(Static):
                message.update(
                    f"gpt4o-tui needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; "
                    f"this one is {width}×{height}. Enlarge it, or press q to quit."
                )

    def _refocus(self, screen: Screen) -> None:
        before = self._focus_before_small.pop(screen, None)
        if screen.focused is not None or screen is not self.screen:
            return
        if before is not None and before.is_attached and before.focusable:
            before.focus()
        elif screen is self.screen_stack[0]:
            active = self.query_one(TabbedContent).active
            if active in self._panes:
                self._panes[active].focus_default()

    def action_show_tab(self, tab: str) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active == tab:
            self._panes[tab].focus_default()
        else:
            tabs.active = tab  # on_tabbed_content_tab_activated builds and focuses it

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """Every way to a tab (key, click, palette) ends here: the pane is built on
        first sight, and focus moves into it, because TabbedContent re-activates
        whichever tab holds the focused widget."""
        tab = event.pane.id
        if tab is None:
            return
        pane = await self._built(tab)
        if self.focused not in event.pane.query("*"):
            pane.focus_default()

    async def _open(self, tab: str) -> Pane:
        """Show a pane, building it first if it has not been shown yet."""
        pane = await self._built(tab)
        self.action_show_tab(tab)
        return pane

    async def _toggle_batch(self) -> None:
        pricing = await self._open("pricing")
        pricing.action_batch()

    async def _export(self) -> None:
        pricing = await self._open("pricing")
        pricing.action_export()

    async def _reset_calculator(self) -> None:
        pricing = await self._open("pricing")
        pricing.action_reset()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_next_theme(self) -> None:
        self.theme = themes.next_name(self.theme)
        self.notify(f"Theme: {self.theme} (t: next)", timeout=2)

    def action_present(self) -> None:
        from gpt4o_tui.deck import slides
        from gpt4o_tui.presentation import DeckScreen

        if not isinstance(self.screen, DeckScreen):
            self.push_screen(DeckScreen(slides(self.catalog), self.interval))

    def action_screenshot(self) -> None:
        """Save the screen as it is now, without the notices over it."""
        self.clear_notifications()
        self.call_after_refresh(self._save_screenshot)

    def _save_screenshot(self) -> None:
        """An existing file is never replaced: a second shot in the same second gets -2."""
        from gpt4o_tui.presentation import DeckScreen

        if isinstance(self.screen, DeckScreen):
            what = f"slide-{self.screen.index + 1}"
        else:
            what = self.query_one(TabbedContent).active or "screen"
        stamp = f"{dt.datetime.now():%Y%m%d-%H%M%S}"
        svg = self.export_screenshot()
        for attempt in range(1, 100):
            path = Path.cwd() / f"gpt4o-tui-{what}-{stamp}{'' if attempt == 1 else f'-{attempt}'}.svg"
            try:
                files.save(path, svg, replace=False)
            except FileExistsError:
                continue
            except OSError as error:
                self.notify(f"Could not save {path}: {error.strerror or error}", title="Screenshot",
                            severity="error", timeout=8)
                return
            self.notify(str(path), title="Screenshot saved", timeout=6)
            return
        self.notify(f"Could not save: gpt4o-tui-{what}-{stamp}.svg and 98 more names like it exist",
                    title="Screenshot", severity="error", timeout=8)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for tab, title in TABS.items():
            yield SystemCommand(f"Go to {title}", f"Show the {title} pane", lambda tab=tab: self.action_show_tab(tab))
        yield SystemCommand("Help: keys", "Show every key gpt4o-tui answers to", self.action_help)
        yield SystemCommand("Theme: next", f"Cycle the themes: {', '.join(themes.NAMES)}", self.action_next_theme)
        yield SystemCommand("Present", "Start the presentation deck, one figure a slide", self.action_present)
        yield SystemCommand("Screenshot", "Save this screen as an SVG in the current folder", self.action_screenshot)
        yield SystemCommand(
            "Batch API prices on/off",
            "Price the calculator at the Batch API's half price where a model has one",
            self._toggle_batch,
        )
        yield SystemCommand(
            "Export scenario",
            "Save the Pricing calculator's scenario as Markdown or JSON",
            self._export,
        )
        yield SystemCommand(
            "Reset calculator",
            "Put the Pricing calculator back to its starting workload",
            self._reset_calculator,
        )
        yield from super().get_system_commands(screen)
