"""A Static whose words wrap by the text layer's line-breaking rules."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, VisualType
from textual.widgets import Static

from gpt4o_tui.text.wrap import Prose


class ProseVisual(Visual):
    """Prose as Textual draws text: broken into lines by `Prose` at the width it is
    given, then drawn as Textual's own Content (so CSS `text-align`, colours and
    text styles apply as to any Static's text)."""

    def __init__(self, prose: Prose) -> None:
        self.prose = prose
        self._at: dict[int, Content] = {}

    def __str__(self) -> str:
        return str(self.prose)

    def _content(self, width: int) -> Content:
        content = self._at.get(width)
        if content is None:
            content = self._at[width] = Content.from_rich_text(Text("\n").join(self.prose.lines(width)))
        return content

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self._content(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return min(container_width, self._content(container_width).get_optimal_width(rules, container_width))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._content(width).get_height(rules, width)


def _prose(content: VisualType) -> VisualType:
    """Text and strings become Prose (a string is words, never markup), and Prose
    (with a hanging indent of its own) is drawn as it is; anything else (a table,
    a group) wraps its own cells."""
    if isinstance(content, str):
        return ProseVisual(Prose(Text(content)))
    if isinstance(content, Text):
        return ProseVisual(Prose(content))
    if isinstance(content, Prose):
        return ProseVisual(content)
    return content


class Words(Static):
    """Static text that never starts a line with `。`, splits `24 h` or a source
    tag, or moves a whole Chinese run to the next line (see text/wrap.py)."""

    def __init__(self, content: VisualType = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(_prose(content), id=id, classes=classes)
        self._said = content

    @property
    def said(self) -> VisualType:
        """The words as given, before they were made Prose."""
        return self._said

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        """Show new words; the same words again change nothing, and lay nothing out
        (a slider step sets every line under the sliders, most to what they were)."""
        if content == self._said:
            return
        self._said = content
        super().update(_prose(content), layout=layout)
