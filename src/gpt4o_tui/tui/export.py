"""Saving the calculator's scenario as Markdown or JSON, at a path the person types.
An existing file is never replaced without a yes; a failed write is said, and the
app goes on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from gpt4o_tui.core import files
from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.widgets.words import Words

FORMATS = {".md": "markdown", ".markdown": "markdown", ".json": "json"}


class ExportScreen(ModalScreen[Path | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("y", "overwrite", "Overwrite", id="export.overwrite"),
        Binding("n", "keep", "Keep the file", id="export.keep"),
    ]
    AUTO_FOCUS = "#export-path"

    def __init__(self, scenario: Callable[[str], str], suggested: Path, lang: Language) -> None:
        """`scenario(format)` gives the text to save, for "markdown" or "json"."""
        super().__init__()
        self.scenario = scenario
        self.suggested = suggested
        self.lang = lang
        self._pending: Path | None = None

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="export"):
            yield Static(lang("export.title"), classes="section-title")
            yield Words(lang("export.save_to"))
            yield Input(str(self.suggested), id="export-path")
            yield Words(lang("export.full_path", path=self.suggested), id="export-full-path")
            yield Words("", id="export-message")
            yield Words(lang("export.keys"), classes="footnote")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("overwrite", "keep"):
            return self._pending is not None
        return True

    def _say(self, message: str, problem: bool = True) -> None:
        shown = self.query_one("#export-message", Static)
        shown.update(message)
        shown.set_class(problem, "-problem")

    def _path(self, typed: str) -> Path:
        """The typed name as a full path: a relative one is in the suggested folder."""
        return self.suggested.parent / Path(typed.strip()).expanduser()

    @on(Input.Changed, "#export-path")
    def _changed(self, event: Input.Changed) -> None:
        try:
            full = self.lang("export.full_path", path=self._path(event.value)) if event.value.strip() else ""
        except RuntimeError:  # ~someone, and no such user: said when it is submitted
            full = ""
        self.query_one("#export-full-path", Static).update(full)

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self._say(self.lang("export.no_name"))
            return
        typed = Path(event.value.strip())
        try:
            path = self._path(event.value)
        except RuntimeError:  # ~someone, and no such user
            self._say(self.lang("export.no_home", path=typed))
            return
        if path.suffix.lower() not in FORMATS:
            self._say(self.lang("export.no_format", name=path.name))
            return
        try:
            exists = path.exists()
        except OSError as error:  # a name too long for the file system, and the like
            self._say(self.lang("export.failed", path=path, reason=error.strerror or error))
            return
        if exists:
            self._pending = path
            self.set_focus(None)  # so y and n answer the question, not the field
            self.refresh_bindings()
            self._say(self.lang("export.exists", path=path))
            return
        self._write(path)

    def action_overwrite(self) -> None:
        if self._pending is not None:
            path, self._pending = self._pending, None
            self._write(path)

    def action_keep(self) -> None:
        self._pending = None
        self.refresh_bindings()
        self._say(self.lang("export.kept"))
        self.query_one("#export-path", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _write(self, path: Path) -> None:
        try:
            files.save(path, self.scenario(FORMATS[path.suffix.lower()]), replace=True)
        except OSError as error:
            self._say(self.lang("export.failed", path=path, reason=error.strerror or error))
            self.query_one("#export-path", Input).focus()
            return
        self.dismiss(path)
