"""A citation as the panes, the deck and the help show it."""

from __future__ import annotations

from rich.text import Text


def sources_text(sources: tuple[str, ...]) -> Text:
    """Source ids as a quiet bracketed citation, e.g. [openai-launch, seed]."""
    return Text(f"[{', '.join(sources)}]", "dim")
