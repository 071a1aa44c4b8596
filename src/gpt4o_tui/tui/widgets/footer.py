"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    """Textual's Footer rebuilds all its keys (a widget each) after every change of
    bindings anywhere on the screen: each focus move, each `refresh_bindings`, however
    many come in one turn. A language switch on Pricing rebuilt it five times, about
    12 ms each, for one change of words. This one rebuilds once after a burst of
    changes, and not at all when the keys, their words and their state are the same."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._rebuild_asked = False
        self._shown: Hashable = None

    def compose(self) -> ComposeResult:
        # The keys are known as soon as the footer is on its screen: Textual's Footer
        # waits for the first change of bindings, so the first frame has none and the
        # keys come a frame later. These are in the first frame; a change of focus
        # that brings other keys rebuilds it as any change does.
        self.set_reactive(Footer._bindings_ready, True)
        self._shown = self._keys()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_asked:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_asked = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_asked = False
        shown = self._keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys(self) -> Hashable:
        """Everything of the screen's bindings that Footer.compose reads."""
        display = self.app.get_key_display
        return tuple(
            (
                binding.key,
                display(binding),
                binding.description,
                binding.action,
                binding.show,
                binding.group,
                binding.tooltip,
                enabled,
                tooltip,
            )
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )
