"""The panes, registered once. Each entry drives a tab, its number key, its
group in the help, its commands in the palette and the tests that walk every
pane. A new pane is one module here (gpt4o_tui/tui/panes/<id>.py, or a package
of that name, holding <Title>Pane), one entry below, and its words in
messages.toml (tab.<id>, and help.<id> if it has keys of its own).

Nothing here imports Textual, so the command line can offer --tab cheaply."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PaneEntry:
    id: str  # the tab's id, its module, and its message keys tab.<id> and help.<id>
    title: str  # in English; the class is <title>Pane
    # Widgets whose keys work inside this pane, listed with its own in the help,
    # as "module:Class" under gpt4o_tui.tui.widgets; "pane" places the pane's own.
    widgets: tuple[str, ...] = ("pane",)

    @property
    def key(self) -> str:
        """The number key that shows the pane: its place in PANES."""
        return str(PANES.index(self) + 1)

    @property
    def module(self) -> str:
        return f"gpt4o_tui.tui.panes.{self.id}"

    @property
    def class_name(self) -> str:
        return f"{self.title}Pane"


PANES = (
    PaneEntry("specs", "Specs"),
    PaneEntry("benchmarks", "Benchmarks", widgets=("pane", "model_toggles:ModelToggles")),
    PaneEntry("safety", "Safety"),
    PaneEntry(
        "pricing", "Pricing", widgets=("log_slider:LogSlider", "pane", "log_slider:CountSlider", "prose_area:ProseArea")
    ),
)

# Tab id -> English title, for the command line and the tests.
TABS = {entry.id: entry.title for entry in PANES}


def entry(tab: str) -> PaneEntry:
    return next(e for e in PANES if e.id == tab)
