"""gpt4o-tui's themes, by the names `--theme` and the `t` key use.

`dark` is the everyday theme; `light` and `high-contrast` are for projectors, where
pale greys wash out; `terminal` draws in the terminal's own palette. The names are
here without Textual so the command line can check them before the app loads."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.theme import Theme

NAMES = ("dark", "light", "high-contrast", "terminal")
DEFAULT = NAMES[0]


def next_name(current: str) -> str:
    """The theme `t` moves to from `current` (back to the first after the last)."""
    index = NAMES.index(current) if current in NAMES else -1
    return NAMES[(index + 1) % len(NAMES)]


def themes() -> list[Theme]:
    from dataclasses import replace

    from textual.theme import BUILTIN_THEMES, Theme

    return [
        replace(BUILTIN_THEMES["textual-dark"], name="dark"),
        Theme(
            name="light",
            dark=False,
            primary="#0a4f9e",
            secondary="#0a4f9e",
            accent="#a33b00",
            warning="#7a4d00",
            error="#b00020",
            success="#136b2c",
            foreground="#111111",
            background="#ffffff",
            surface="#f0f0f0",
            panel="#dedede",
            text_alpha=1.0,
            variables={"footer-key-foreground": "#0a4f9e", "text-muted": "#444444"},
        ),
        Theme(
            name="high-contrast",
            primary="#ffff00",
            secondary="#00ffff",
            accent="#ffff00",
            warning="#ffff00",
            error="#ff6060",
            success="#00ff00",
            foreground="#ffffff",
            background="#000000",
            surface="#000000",
            panel="#303030",
            boost="#000000",
            text_alpha=1.0,
            luminosity_spread=0.0,
            variables={
                "text-muted": "#ffffff",
                "footer-key-foreground": "#ffff00",
                "footer-background": "#000000",
                "block-cursor-background": "#ffff00",
                "block-cursor-foreground": "#000000",
            },
        ),
        replace(BUILTIN_THEMES["ansi-dark"], name="terminal"),
    ]
