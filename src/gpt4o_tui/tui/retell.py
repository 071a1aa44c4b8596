"""A widget tree told in another language where it stands.

Recomposing a pane in new words removes and mounts every widget of it anew (on
Pricing, 93 widgets restyled and laid out: about 145 ms of a 190 ms switch). Here
the tree is composed again in the new words but never mounted, and each widget on
screen takes the words of its unmounted twin: a Static its text, a field its
placeholder, any widget its tooltip and border title, and a widget that keeps a
`lang` the new language. What cannot take words in place (a Select's options, a
DataTable's headings, any other widget whose words are its own), or a part whose
children came out otherwise (another state composes other widgets), is replaced
by its twin, which is what recomposing would have done to it.

A widget of gpt4o-tui's own is replaced, unless it says `TOLD_IN_PLACE = True`
(its children are told, then its `show()` draws its state again), takes its
twin's words itself (`take_words(twin)`, as a CellTable does) or draws no words
at all (`HAS_WORDS = False`: it stays as it is)."""

from __future__ import annotations

from textual import containers
from textual.compose import compose
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from gpt4o_tui.text.i18n import Language
from gpt4o_tui.tui.widgets.words import Words


async def retell(node: Widget) -> None:
    """Give `node`'s widgets the words its compose() gives now (its language changed)."""
    await _match(node, _composed(node))


def _composed(widget: Widget) -> list[Widget]:
    """The children `widget` would mount: those it was given, then its compose()'s."""
    return [*widget._pending_children, *compose(widget)]


def _told_in_place(widget: Widget) -> bool:
    """A widget whose own words are all in its children: one of Textual's containers
    themselves (not a widget built on one, as Select is), or one of gpt4o-tui's
    that says so with `TOLD_IN_PLACE` (its state in reactives its owner keeps
    current, drawn again by its `show()`)."""
    return type(widget).__module__ == containers.__name__ or getattr(widget, "TOLD_IN_PLACE", False)


async def _match(parent: Widget, fresh: list[Widget]) -> None:
    shown = list(parent.children)
    if [(type(w), w.id) for w in shown] != [(type(w), w.id) for w in fresh]:
        await parent.remove_children()
        await parent.mount_all(fresh)
        return
    for was, new in zip(shown, fresh, strict=True):
        await _tell(parent, was, new)


async def _tell(parent: Widget, was: Widget, new: Widget) -> None:
    if isinstance(getattr(was, "lang", None), Language):
        was.lang = new.lang  # type: ignore[attr-defined]
    for name in ("tooltip", "border_title", "border_subtitle"):
        if getattr(was, name) != getattr(new, name):
            setattr(was, name, getattr(new, name))
    if isinstance(was, Static):
        was.update(new.said if isinstance(new, Words) else new.content)  # type: ignore[attr-defined]
    elif isinstance(was, Input | TextArea):
        if was.placeholder != new.placeholder:  # type: ignore[attr-defined]
            was.placeholder = new.placeholder  # type: ignore[attr-defined]
    elif not getattr(was, "HAS_WORDS", True):
        return
    elif callable(take_words := getattr(was, "take_words", None)):
        take_words(new)
    elif _told_in_place(was):
        await _match(was, _composed(new))
        if callable(show := getattr(was, "show", None)):
            show()
    else:
        siblings = list(parent.children)
        after = siblings[siblings.index(was) + 1 :]
        await was.remove()
        await parent.mount(new, before=after[0] if after else None)
