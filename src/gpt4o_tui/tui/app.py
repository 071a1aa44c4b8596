"""The gpt4o-tui App: four panes in tabs, keys in the footer, every action in the
command palette, and a help screen listing the keys."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from importlib import import_module
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import ActiveBinding, Binding
from textual.command import CommandList, CommandPalette
from textual.containers import VerticalScroll
from textual.errors import NoWidget
from textual.events import Click, Event, Key, Resize
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from gpt4o_tui.core import files
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.settings import Settings
from gpt4o_tui.text import i18n
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.text.wrap import Prose
from gpt4o_tui.tui import themes
from gpt4o_tui.tui.panes import PANES, PaneEntry
from gpt4o_tui.tui.widgets.footer import SteadyFooter
from gpt4o_tui.tui.widgets.words import Words

if TYPE_CHECKING:
    from textual.constants import AnimationLevel
    from textual.driver import Driver

    from gpt4o_tui.core.scenario import Scenario
    from gpt4o_tui.text.deck import Slide
    from gpt4o_tui.tui.panes.base import Pane

MIN_WIDTH, MIN_HEIGHT = 80, 24
# Set in a shell reached over SSH (sshd sets them; tmux passes them to new windows).
SSH_VARIABLES = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")
EXIT_INPUT_ENDED = 1
PANES_GROUP = Binding.Group("Panes", compact=True)


def animation_level(environ: Mapping[str, str], asked: bool | None) -> AnimationLevel | None:
    """How much the app animates: as asked (--animation, --no-animation); else as
    TEXTUAL_ANIMATIONS says, where it is set (Textual reads it: None leaves it so);
    else none over SSH, where every frame of a sliding underline or a smooth scroll
    crosses the link (a PgDn on Specs wrote 94-300 KB animated at 80×24, 4-6 KB not);
    else Textual's own default."""
    if asked is not None:
        return "full" if asked else "none"
    if "TEXTUAL_ANIMATIONS" in environ:
        return None
    return "none" if any(environ.get(name) for name in SSH_VARIABLES) else None


def pane_type(tab: str) -> type[Pane]:
    """A pane's class, its module imported only when the pane is first needed."""
    found = next(e for e in PANES if e.id == tab)
    return getattr(import_module(found.module), found.class_name)


def pane_widgets(found: PaneEntry) -> list[type[Widget]]:
    """The widgets whose keys a pane's help lists beside its own."""
    widgets = []
    for name in found.widgets:
        if name == "pane":
            continue
        module, cls = name.split(":")
        widgets.append(getattr(import_module(f"gpt4o_tui.tui.widgets.{module}"), cls))
    return widgets


class Tabs(TabbedContent):
    """Textual's tabs, which show the tab holding a widget just focused; here only
    while that widget still has the focus. In a burst (`2 3 ↓`) the report of a focus
    the next key has already moved on arrives late, and must not take the tabs back."""

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        focused = self.screen.focused
        if focused is None or focused not in event.tab_pane.query("*"):
            event.stop()
            event.prevent_default()  # Textual's own handler, which would show that tab


def palette_bindings() -> list[tuple[str | None, Binding]]:
    """Every key the command palette offers, with the tab it acts in (None: the app's
    own): the app's keys but its number keys (the palette's "Go to" does those), then
    each pane's. Each is worded by command.<id> and command.<id>_help."""
    found: list[tuple[str | None, Binding]] = [
        (None, b) for b in Gpt4oTui.BINDINGS if isinstance(b, Binding) and not (b.id or "").startswith("tab.")
    ]
    for entry in PANES:
        pane = pane_type(entry.id)
        found += [(entry.id, b) for b in pane.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]
    return found


def tab_bindings() -> list[Binding]:
    """1, 2, 3, ...: one key a pane, in the registry's order."""
    return [
        Binding(
            e.key,
            f"show_tab('{e.id}')",
            e.title,
            show=False,
            group=PANES_GROUP,
            id=f"tab.{e.id}",
            tooltip=f"Show the {e.title} pane",
        )
        for e in PANES
    ]


def said(lang: Language, binding: Binding) -> Binding:
    """A binding with its words in the language: the message catalog holds each of
    gpt4o-tui's bindings under its id (key.<id>, tip.<id>) and each group under its
    English name (group.<name>). Textual's own bindings are left as they are."""
    words = i18n.catalog()
    changes: dict[str, object] = {}
    # Textual adds the command palette's binding itself, without an id.
    ident = "app.palette" if binding.action in ("command_palette", "app.command_palette") else binding.id
    if ident and f"key.{ident}" in words:
        changes["description"] = lang(f"key.{ident}")
        if binding.tooltip:
            changes["tooltip"] = lang(f"tip.{ident}")
    if binding.group is not None and f"group.{binding.group.description}" in words:
        changes["group"] = Binding.Group(lang(f"group.{binding.group.description}"), binding.group.compact)
    return replace(binding, **changes) if changes else binding


class ExplorerScreen(Screen[None]):
    """The explorer's screen: its footer says each key in the app's language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        lang = self.app.language
        localised = {}
        for key, active in super().active_bindings.items():
            binding = said(lang, active.binding)
            localised[key] = active._replace(binding=binding, tooltip=binding.tooltip)
        return localised


class Palette(CommandPalette):
    """Textual's command palette, saying "No matches found" in the app's language,
    and choosing once. Two Enters in one read, or a double-click on a command,
    reach Textual 8.2.8's palette twice: the second ran the command again and
    dismissed the palette again, and since Textual 8 dismissing a screen that is
    no longer on top pops whatever is (the explorer itself: ScreenStackError).
    Here the first choice closes the palette; whatever follows it is dropped."""

    def __init__(self, no_matches: str, placeholder: str) -> None:
        # No id: a palette just closed is still being taken down when ctrl+p, in
        # the same read, opens the next one, and two screens may not share an id.
        super().__init__(placeholder=placeholder)
        self.no_matches = no_matches
        self._chose = False

    @on(Input.Submitted)
    @on(Button.Pressed)
    @on(OptionList.OptionSelected)
    def _once(self, event: Message) -> None:
        """Runs before Textual's own handlers of the same messages, and keeps them
        from a palette that is closing or no longer on top."""
        if self._chose or self.app.screen is not self:
            event.stop()
            event.prevent_default()

    def _on_click(self, event: Click) -> None:
        """Textual's palette closes on a click on its background, asking which
        widget is under it; a click reported from before a resize can lie outside
        the screen as last drawn, where there is none (NoWidget). Such a click is
        no click here."""
        try:
            self.get_widget_at(event.screen_x, event.screen_y)
        except NoWidget:
            event.prevent_default()

    def _watch__list_visible(self) -> None:
        """The search's worker can finish as the palette is taken down, its
        list already gone (NoMatches): then there is nothing to show or hide."""
        if self.query(CommandList):
            super()._watch__list_visible()

    def _action_command_list(self, action: str) -> None:
        """Textual 8.2.8's option list pages through its lines as last laid out;
        a list refilled since (a search finished) has none until the next frame
        (KeyError), and page up or down then waits for it."""
        commands = self.query(CommandList).results(CommandList)
        found = next(commands, None)
        if found is None:
            return
        if (
            action.startswith("page_")
            and found.highlighted is not None
            and found.highlighted not in found._index_to_line
        ):
            return
        super()._action_command_list(action)

    def dismiss(self, result: None = None) -> AwaitComplete:
        if self._chose or self.app.screen is not self:
            return AwaitComplete()
        self._chose = True
        return super().dismiss(result)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual 8.2.8's own, with its inline English replaced: after a moment
        without a match, the list says so; an empty search says nothing."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(self.no_matches, style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class HelpScreen(ModalScreen[None]):
    """Every key, read from the bindings themselves so it cannot drift from them."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help.close", tooltip="Close the help"),
    ]
    AUTO_FOCUS = "#help"  # so ↑/↓ scroll the keys on a small terminal

    def compose(self) -> ComposeResult:
        lang = self.app.language
        with VerticalScroll(id="help"):
            yield Static(lang("help.title"), classes="section-title")
            yield Static(self._keys_table(lang))
            yield Words(lang("help.close"), classes="footnote")

    def _keys_table(self, lang: Language) -> Table:
        from gpt4o_tui.tui.presentation import DeckScreen

        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        groups = [("help.everywhere", Gpt4oTui.BINDINGS), ("help.presentation", DeckScreen.BINDINGS)]
        for found in PANES:
            bindings = []
            for name in found.widgets:
                owner = pane_type(found.id) if name == "pane" else None
                if owner is not None:
                    bindings += owner.__dict__.get("BINDINGS", [])  # its own, not its container's
                    # Keys its Textual widgets answer (a list's ↑/↓), worded by the pane.
                    bindings += [Binding(keys, "", tooltip=lang(said_as)) for keys, said_as in owner.HELP_KEYS]
                else:
                    module, cls = name.split(":")
                    bindings += getattr(import_module(f"gpt4o_tui.tui.widgets.{module}"), cls).BINDINGS
            if bindings:
                groups.append((f"help.{found.id}", bindings))
        for title, bindings in groups:
            table.add_row(lang(title), "")
            for group, members in groupby((said(lang, b) for b in bindings), key=lambda b: b.group or b):
                members = list(members)
                keys = " ".join(self._key(k) for m in members for k in m.key.split(","))
                if isinstance(group, Binding.Group):
                    what = group.description + lang.colon + lang.join(m.description for m in members)
                else:
                    what = group.tooltip or group.description
                table.add_row(f"  {keys}", Prose(what))
        table.add_row(lang("help.also"), "")
        table.add_row(f"  {self._key(self.app.COMMAND_PALETTE_BINDING)}", Prose(lang("tip.app.palette")))
        table.add_row("  tab shift+tab", Prose(lang("help.focus")))
        table.add_row("  0-9", Prose(lang("help.digits")))
        table.add_row("  enter", Prose(lang("help.enter")))
        table.add_row(f"  {lang('help.mouse_key')}", Prose(lang("help.mouse")))
        return table

    def _key(self, key: str) -> str:
        """A key as the footer shows it (ctrl+p: ^p, up: ↑)."""
        return self.app.get_key_display(Binding(key, ""))


class Gpt4oTui(App[None]):
    TITLE = "gpt4o-tui"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    # Focus starts inside the first pane, set as the screen is composed: moving it
    # later would make the footer redraw its keys a second time.
    AUTO_FOCUS = f"#{PANES[0].id}-pane"
    BINDINGS = [
        *tab_bindings(),
        Binding("t", "next_theme", "Theme", id="app.theme", tooltip="Next theme: " + ", ".join(themes.NAMES)),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Show every key"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave gpt4o-tui"),
        Binding("L", "switch_language", "中文", id="app.language", tooltip="Switch the language: English, 中文"),
        # Last, so a narrow footer cuts these rather than Help and Quit.
        Binding("f5", "present", "Deck", id="app.present", tooltip="Start the presentation deck"),
        Binding(
            "ctrl+s",
            "screenshot",
            "SVG",
            id="app.screenshot",
            tooltip="Save this screen as an SVG in the output folder",
        ),
    ]
    # The language is the app's state: every word on screen is taken from it.
    language: reactive[Language] = reactive(i18n.ENGLISH, init=False)

    def __init__(
        self,
        catalog: Catalog,
        *,
        theme: str = themes.DEFAULT,
        tab: str = PANES[0].id,
        present: bool = False,
        interval: float | None = None,
        lang: str = i18n.DEFAULT,
        scenario: Scenario | None = None,
        output_dir: Path | None = None,
        animation: bool | None = None,
    ) -> None:
        """`scenario`: the workload the Pricing calculator opens on; `output_dir`: where
        export and ctrl+s save (the current folder unless given); `animation`: on or off,
        or None for the environment's choice (`animation_level`)."""
        super().__init__()
        if (level := animation_level(os.environ, animation)) is not None:
            self.animation_level = level
        self.catalog = catalog
        self.set_reactive(Gpt4oTui.language, i18n.language(lang))
        for look in themes.themes():
            self.register_theme(look)
        self.theme = theme
        self.first_tab = self.last_tab = tab
        self.scenario = scenario
        self.output_dir = output_dir or Path.cwd()
        self.present_at_start = present
        self.interval = interval
        # Start-up builds one pane; the others are built after the first frame.
        self._panes: dict[str, Pane] = {}
        self._focus_before_small: dict[Screen, Widget] = {}

    def get_driver_class(self) -> type[Driver]:
        """gpt4o-tui's guarded driver wherever Textual would use its Linux one
        (`serve` names its own driver in the environment, and gets that)."""
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.linux_driver":
            from gpt4o_tui.tui.terminal import GuardedDriver

            return GuardedDriver
        return driver

    async def on_event(self, event: Event) -> None:
        """A key that comes back to the app after its last screen has gone has nowhere
        to go: a key that was still bubbling up from a widget when a Quit in the same
        read closed the screens (Textual would ask for the screen, and raise)."""
        if isinstance(event, Key) and not self.screen_stack:
            return
        await super().on_event(event)

    def input_ended(self) -> None:
        """The terminal's input is at its end (`< /dev/null`, a hung-up line):
        nothing more can be typed, so the app says so and stops."""
        self.exit(return_code=EXIT_INPUT_ENDED, message=self.language("app.input_ended"))

    @property
    def settings(self) -> Settings:
        """What the settings file remembers: the theme, language and pane as they are now."""
        return Settings(theme=self.theme, lang=self.language.code, tab=self.last_tab)

    def get_default_screen(self) -> Screen:
        return ExplorerScreen(id="_default")

    def _new_pane(self, tab: str) -> Pane:
        pane = pane_type(tab)(self.catalog, self.language, id=f"{tab}-pane")
        if self.scenario is not None:
            pane.reopen(self.scenario)
        self._panes[tab] = pane
        return pane

    async def _built(self, tab: str) -> Pane | None:
        """The pane for a tab, built and mounted the first time it is asked for, and
        speaking the app's language (a pane built earlier follows a switch when next shown).
        None once the tabs are gone: a tab clicked in the same read as Quit."""
        tabs = (
            [found for found in self.screen_stack[0].query(f"TabPane#{tab}").results(TabPane) if found.is_attached]
            if self.screen_stack
            else []
        )
        if not tabs:
            return None
        if tab not in self._panes:
            await tabs[0].mount(self._new_pane(tab))
        pane = self._panes[tab]
        await pane.speak(self.language)
        return pane

    def compose(self) -> ComposeResult:
        with Tabs(id="tabs", initial=self.first_tab):
            # The tab shows its key, so the footer need not spend room on 1-4.
            for found in PANES:
                with TabPane(self._tab_label(found), id=found.id):
                    if found.id == self.first_tab:
                        yield self._new_pane(found.id)
        yield Words("", id="too-small")
        yield SteadyFooter(compact=True)

    def _tab_label(self, found: PaneEntry) -> str:
        return f"{found.key} {self.language(f'tab.{found.id}')}"

    def on_mount(self) -> None:
        if self.first_tab != PANES[0].id and (pane := self._mounted_pane(self.first_tab)) is not None:
            pane.focus_default()
        if self.present_at_start:
            self.action_present()
        if self.BUILD_AFTER is not None:
            self.set_timer(self.BUILD_AFTER, self._build_later)

    # Once the first frame is drawn, the panes not yet shown are built in their hidden
    # tabs, one a turn, so a first visit only lays out and draws. Each build is a
    # message in the app's own queue, as a key's is: keys that came in before it are
    # answered first, and none is answered halfway through a build. BUILD_AFTER is
    # seconds after mounting (the first frame and its footer are drawn by then);
    # None builds each pane when first shown.
    BUILD_AFTER: float | None = 0.2

    def _build_later(self) -> None:
        self.call_later(self._build_one_hidden)

    async def _build_one_hidden(self) -> None:
        waiting = next((found.id for found in PANES if found.id not in self._panes), None)
        if waiting is not None and await self._built(waiting) is not None:
            self.call_after_refresh(self._build_later)  # the next, once this frame is drawn

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
                    self.language(
                        "app.too_small", min_width=MIN_WIDTH, min_height=MIN_HEIGHT, width=width, height=height
                    )
                )

    def _refocus(self, screen: Screen) -> None:
        """Focus where it was before the screen was too small, if that is still on
        show; else, on the explorer, the shown pane's own. Whatever held the focus
        meanwhile does not count: while the panes are hidden, Textual moves it on
        from a hidden widget (a pane built in a resize storm focused its slider,
        and the focus went on to a field), and a tab chosen meanwhile wins over
        the one the focus was in."""
        if screen.has_class("-too-small") or screen is not self.screen:
            return  # small again before this ran: the next enlargement restores it
        before = self._focus_before_small.pop(screen, None)
        usable = before is not None and before.is_attached and before.focusable
        if screen is not self.screen_stack[0]:
            if usable:
                before.focus()
            return
        pane = self._mounted_pane(self.query_one(TabbedContent).active)
        if usable and pane is not None and (before is pane or before in pane.query("*")):
            before.focus()
        elif pane is not None:
            pane.focus_default()

    def _mounted_pane(self, tab: str | None) -> Pane | None:
        """A tab's pane once it is built and mounted; None while it is still being built."""
        pane = self._panes.get(tab) if tab is not None else None
        return pane if pane is not None and pane.is_mounted and pane.is_attached else None

    async def action_show_tab(self, tab: str) -> None:
        """A pane not built yet is built in its hidden tab first, so the switch draws
        it once, whole: an empty pane drawn, then the built one over it, cost a slow
        link two screens for one key. The focus moves in once the tab is shown
        (on_tabbed_content_tab_activated): a focus asked for now would land after the
        next keys of a burst (`434322`), and take the tabs back to this one."""
        tabs = self.query_one(TabbedContent)
        if tabs.active != tab:
            if tab not in self._panes and await self._built(tab) is None:
                return  # the tabs are gone: a key in the same read as Quit
            tabs.active = tab
            if (pane := self._mounted_pane(tab)) is not None:
                # At once, not queued behind the keys of the same read (`3↓↓`), which
                # would go to the pane left; nor late, taking the tabs back to this one.
                self.screen_stack[0].set_focus(pane.focus_target())
        elif (pane := self._mounted_pane(tab)) is not None:
            pane.focus_default()

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """Every way to a tab (key, click, palette) ends here: the pane is built on
        first sight, and focus moves into it, because TabbedContent re-activates
        whichever tab holds the focused widget."""
        tab = event.pane.id
        if tab is None:
            return
        self.last_tab = tab
        pane = await self._built(tab)
        if pane is None:
            return
        # Another tab chosen in the same read is shown by now: focusing this pane
        # would take the tabs back to it.
        if self.query_one(TabbedContent).active == tab and self.focused not in event.pane.query("*"):
            pane.focus_default()

    async def _run_in_pane(self, tab: str, action: str) -> None:
        """A pane's key chosen from the palette: the pane is shown, then the key's action runs in it."""
        pane = await self._built(tab)
        if pane is not None:
            await self.action_show_tab(tab)
            await pane.run_action(action)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_next_theme(self) -> None:
        self.theme = themes.next_name(self.theme)
        self.notify(self.language("app.theme_now", theme=self.theme), timeout=2)

    async def action_switch_language(self) -> None:
        """English to 中文 and back. The pane on screen speaks the new language at
        once, from its own state (sliders, chosen benchmark, view, text), and the
        focus goes back to the same widget, found by its id; the other panes follow
        when next shown, so the switch costs one pane."""
        # One frame for the whole switch: nothing is drawn half in one language
        # and half in the other while the pane takes its new words.
        with self.batch_update():
            codes = list(i18n.LANGS)
            explorer = self.screen_stack[0]
            tabs = self.query_one(TabbedContent)
            pane = self._panes.get(tabs.active)
            focused = explorer.focused
            focus_id = focused.id if pane is not None and focused is not None and focused in pane.query("*") else None
            self.language = i18n.language(codes[(codes.index(self.language.code) + 1) % len(codes)])
            if pane is not None:
                await pane.speak(self.language)
                if focus_id is not None and pane.query(f"#{focus_id}"):
                    pane.query_one(f"#{focus_id}").focus()
                elif focused is not None and not focused.is_attached:
                    pane.focus_default()
            await self._retell_screens()

    def _deck(self) -> Callable[[bool], tuple[Slide, ...]]:
        """How to build the deck: on the calculator's scenario as it is now (or as the
        app opened it, before Pricing was shown), in the app's language."""
        from gpt4o_tui.text.deck import slides
        from gpt4o_tui.tui.panes.pricing import PricingPane

        pricing = self._panes.get("pricing")
        scenario = pricing.shown if isinstance(pricing, PricingPane) else self.scenario
        catalog, lang = self.catalog, self.language
        return lambda today_read: slides(catalog, lang, scenario, today_read)

    def notify(self, message: str, *, timeout: float | None = None, **kwargs: Any) -> None:
        """A notice goes in the deck's counter line while a slide is shown, never over it."""
        from gpt4o_tui.tui.presentation import DeckScreen

        if self.screen_stack and isinstance(self.screen, DeckScreen):
            title = kwargs.get("title")
            self.screen.say(f"{title}{self.language.colon}{message}" if title else message, timeout or 5)
            return
        super().notify(message, timeout=timeout, **kwargs)

    async def _retell_screens(self) -> None:
        from gpt4o_tui.tui.presentation import DeckScreen

        tabs = self.query_one(TabbedContent)
        for found in PANES:
            tabs.get_tab(found.id).label = self._tab_label(found)
        for screen in self.screen_stack:
            if isinstance(screen, DeckScreen):
                screen.retell(self._deck(), self.language)
            elif isinstance(screen, HelpScreen):
                await screen.recompose()
            self.fit(screen, *self.size)
        self.screen_stack[0].refresh_bindings()

    def action_help_quit(self) -> None:
        """Textual's answer to ctrl+c (which copies in a field), in the app's language."""
        self.notify(self.language("app.help_quit"), title=self.language("app.help_quit_title"))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not any(isinstance(s, CommandPalette) for s in self.screen_stack):
            self.push_screen(Palette(self.language("app.palette_none"), self.language("app.palette_prompt")))

    def action_present(self) -> None:
        from gpt4o_tui.tui.presentation import DeckScreen

        if not isinstance(self.screen, DeckScreen):
            self.clear_notifications()  # none is left over the first slide
            self.push_screen(DeckScreen(self._deck(), self.language, self.interval))

    def action_screenshot(self) -> None:
        """Save the screen as it is now, without the notices over it."""
        self.clear_notifications()
        self.call_after_refresh(self._save_screenshot)

    def _save_screenshot(self) -> None:
        """An existing file is never replaced: a second shot in the same second gets -2."""
        from gpt4o_tui.tui.presentation import DeckScreen

        if isinstance(self.screen, DeckScreen):
            what = f"slide-{self.screen.index + 1}"
        else:
            what = self.query_one(TabbedContent).active or "screen"
        stamp = f"{dt.datetime.now():%Y%m%d-%H%M%S}"
        svg = self.export_screenshot()
        for attempt in range(1, 100):
            path = self.output_dir / f"gpt4o-tui-{what}-{stamp}{'' if attempt == 1 else f'-{attempt}'}.svg"
            try:
                files.save(path, svg, replace=False)
            except FileExistsError:
                continue
            except OSError as error:
                self.notify(
                    self.language("shot.failed", path=path, reason=error.strerror or error),
                    title=self.language("shot.title"),
                    severity="error",
                    timeout=8,
                )
                return
            self.notify(str(path), title=self.language("shot.saved"), timeout=6)
            return
        self.notify(
            self.language("shot.no_name", name=f"gpt4o-tui-{what}-{stamp}.svg"),
            title=self.language("shot.title"),
            severity="error",
            timeout=8,
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """gpt4o-tui's commands, in the app's language: a pane for each tab, then every
        key of the app and of each pane, titled with the word the footer shows for it
        (so `deck` finds f5 and `svg` finds ctrl+s). Textual's own (its theme picker,
        keys panel, Maximize) are left out: they speak English only, and ours cover
        theme, keys, screenshot and quit."""
        lang = self.language
        for found in PANES:
            title = lang(f"tab.{found.id}")
            yield SystemCommand(
                lang("command.go", pane=title),
                lang("command.go_help", pane=title),
                lambda tab=found.id: self.action_show_tab(tab),
            )
        for tab, binding in palette_bindings():
            yield SystemCommand(
                lang(f"command.{binding.id}"),
                lang(f"command.{binding.id}_help", themes=", ".join(themes.NAMES)),  # Theme's names its themes
                (lambda action=binding.action: self.run_action(action))
                if tab is None
                else (lambda tab=tab, action=binding.action: self._run_in_pane(tab, action)),
            )
