"""Fewer bytes for the same screen: each style change said as a change.

Textual 8.2.8 writes every run of text as `ESC[<whole style>m text ESC[0m`: the
whole style (attributes, 24-bit foreground and background) again for each run,
and a reset after it, even where the next run has the same colours. On a slow
link those codes are most of what a key costs (measured at 80×24: two thirds of
a tab switch's 40 KB). `Restyler` rewrites a stream of terminal output so that
only the difference from the terminal's current style is sent (`ESC[1;38;2;…m`
after plain text of the same background becomes `ESC[1;38;2;…m` without the
background; a reset followed by the same style again becomes nothing), and what
the terminal shows is exactly the same.

It is conservative: the state is tracked only across text, cursor moves and
style codes. Any other escape (modes, OSC, save and restore of the cursor, which
restores the style too) makes the next style be said in full, from a reset; a
style code it does not know is passed on as it is, with the same effect. Styles
are applied before anything that paints with the current background (erasing, a
line feed that may scroll) and at the end of every write, so the terminal is never
left in a style it was not asked for, whatever writes to it next.
"""

from __future__ import annotations

import re

# A style code (SGR) alone, and a run of cursor moves (CUP, CUU, CUD, CUF, CUB,
# CHA, VPA, carriage return) which do not depend on, nor change, the style.
_SGR = re.compile(r"\x1b\[([0-9;]*)m")
_MOVES = re.compile(r"(?:\x1b\[[0-9;]*[ABCDGHd]|\r)+")
# Moves that end in a move to a row and column: only that last one counts.
_TO_PLACE = re.compile(r"(?:\x1b\[[0-9;]*[ABCDGHd]|\r)+?(?=\x1b\[[0-9;]*H)")
# Attributes on, each with the code that turns it off; 22, 24, 25 and 54 turn off
# two attributes each, so the one of a pair that stays is turned on again.
_OFF = {
    "1": "22",
    "2": "22",
    "3": "23",
    "4": "24",
    "21": "24",
    "5": "25",
    "6": "25",
    "7": "27",
    "8": "28",
    "9": "29",
    "51": "54",
    "52": "54",
    "53": "55",
}

# A style: its attributes (sorted codes), its foreground and its background codes
# ("" for the terminal's default). None: not known (after an escape that may change it).
Style = tuple[tuple[str, ...], str, str]
PLAIN: Style = ((), "", "")


def _apply(style: Style, codes: str) -> Style | None:
    """The style after an SGR with these codes; None for codes not understood here."""
    attributes, fg, bg = set(style[0]), style[1], style[2]
    parts = codes.split(";") if codes else ["0"]
    index = 0
    while index < len(parts):
        code = parts[index]
        if code in ("38", "48"):
            kind = parts[index + 1] if index + 1 < len(parts) else ""
            width = 5 if kind == "2" else 3 if kind == "5" else 0
            if (
                not width
                or index + width > len(parts)
                or not all(p.isdigit() for p in parts[index + 1 : index + width])
            ):
                return None
            colour = ";".join(parts[index : index + width])
            fg, bg = (colour, bg) if code == "38" else (fg, colour)
            index += width
            continue
        if not code.isdigit():
            return None
        number = int(code)
        if number == 0:
            attributes, fg, bg = set(), "", ""
        elif 30 <= number <= 37 or 90 <= number <= 97:
            fg = code
        elif 40 <= number <= 47 or 100 <= number <= 107:
            bg = code
        elif number == 39:
            fg = ""
        elif number == 49:
            bg = ""
        elif str(number) in _OFF:
            attributes.add(str(number))
        elif str(number) in _OFF.values():
            attributes -= {a for a, off in _OFF.items() if off == str(number)}
        else:
            return None
        index += 1
    return (tuple(sorted(attributes, key=int)), fg, bg)


def _full(style: Style) -> str:
    attributes, fg, bg = style
    return ";".join(["0", *attributes, *(c for c in (fg, bg) if c)])


def _change(before: Style | None, after: Style) -> str:
    """The shortest codes that take the terminal from one style to the other."""
    full = _full(after)
    if before is None:
        return full
    codes = []
    off = sorted({_OFF[a] for a in before[0] if a not in after[0]}, key=int)
    codes += off
    codes += [a for a in after[0] if a not in before[0] or _OFF[a] in off]
    if after[1] != before[1]:
        codes.append(after[1] or "39")
    if after[2] != before[2]:
        codes.append(after[2] or "49")
    change = ";".join(codes)
    return change if len(change) < len(full) else full


class Restyler:
    """One terminal's output, rewritten write by write; it remembers the terminal's
    style from one write to the next."""

    def __init__(self) -> None:
        self.style: Style | None = None  # unknown until the first style is said
        self._changes: dict[tuple[Style | None, Style], str] = {}
        self._applied: dict[tuple[Style, str], Style | None] = {}

    def __call__(self, data: str) -> str:
        if "\x1b[" not in data:
            return data
        out: list[str] = []
        wanted: Style | None = None  # the style the next text is to be drawn in, not yet said
        for index, piece in enumerate(_SGR.split(_TO_PLACE.sub("", data))):
            if index % 2:  # a style code's parameters
                start = self.style if wanted is None else wanted
                if start is None and (piece.split(";")[0] in ("", "0")):
                    start = PLAIN  # a reset first: what came before does not matter
                found = None if start is None else self._apply(start, piece)
                if found is None:  # not understood, or on an unknown style: passed on as it came
                    self._say(out, wanted)
                    out.append(f"\x1b[{piece}m")
                    self.style = wanted = None
                else:
                    wanted = found
            elif piece and _MOVES.fullmatch(piece):
                out.append(piece)
            elif piece:
                self._say(out, wanted)
                wanted = None
                out.append(piece)
                if "\x1b" in _MOVES.sub("", piece):  # another escape: it may change the style
                    self.style = None
        self._say(out, wanted)
        return "".join(out)

    def _apply(self, style: Style, codes: str) -> Style | None:
        key = (style, codes)
        if key not in self._applied:
            self._applied[key] = _apply(style, codes)
        return self._applied[key]

    def _say(self, out: list[str], wanted: Style | None) -> None:
        """Put the terminal in the wanted style, if it is not in it already."""
        if wanted is None or wanted == self.style:
            return
        key = (self.style, wanted)
        if key not in self._changes:
            self._changes[key] = _change(self.style, wanted)
        out.append(f"\x1b[{self._changes[key]}m")
        self.style = wanted
