"""Where a line of words may break, and a Rich renderable that breaks only there.

Rich and Textual break lines at spaces alone. Chinese has none, so a run of it either
moves whole to the next line or is cut wherever the line is full, `。` and `）`
included; and a space between a figure and its unit (`24 h`, `2,500 页`) or inside a
source tag (`[openai-launch, seed]`) is as good a break as any other. `breaks()`
follows the usual line-breaking rules instead (those of W3C's *Requirements for
Chinese Text Layout*, with what UAX #14 says about spaces, numbers and brackets):

- a line may break after a space, and between two characters where either is
  Chinese (or another wide script), so a full line breaks between characters;
- no line starts with closing punctuation (`。，、）」”…`, `,.;:!?)]%`) and none
  ends with opening punctuation (`（「“`, `([`, `$`);
- a figure stays with its unit: `24 h`, `2,500 pages`, `24 小时`, `2,500 页`,
  `0.60 美元`, `128K 令牌`, and `第` with the figure it numbers;
- a bracketed tag (`[openai-launch, seed]`) stays whole, and a standalone mark
  (`⚠`, `†`, `‡`, `°`) stays with the word it marks;
- a no-break space (U+00A0) is never a break.

`line_spans()` fills lines greedily at those breaks; only a piece wider than the whole
line is cut between characters, and even then not before closing punctuation.
`Prose` applies it to Rich `Text`, with its styles, wherever Rich renders it (a
table cell, a group) and, through tui/widgets/words.py, in a Textual `Static`:
continuation lines keep the line's indent, or a hanging indent it is given.

A library was weighed: `uniseg` (UAX #14 in pure Python) would give the same
character classes, but breaks a figure from a Chinese unit (`24` / `小时`), a figure
from an English one at the space (`24` / `h`) and a tag after its comma, so three of
these rules would be overrides of it; PyICU needs the ICU C++ library. These rules
are short, and each is tested for any text and any width (tests/test_wrap.py).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

# No line starts with these (closing punctuation and other non-starters, and a slash,
# which stays after what it divides: `$0.15 /` `$0.60`).
CLOSING = frozenset("，。、；：？！）」』】》〉〕］｝〗〙〛’”…‥·・ー々％‰,.;:!?)]}%/")
# No line ends with these (opening punctuation, and a currency sign before its figure).
OPENING = frozenset("（「『【《〈〔［｛〖〘〚‘“([{$¥￥£€")
# Spaces a line may break at; a no-break space (U+00A0, U+202F, U+2007) is none of them.
SPACES = frozenset(" \t\u2002\u2003\u2009\u3000")
# A mark that stands alone before a word says something about that word.
MARKS = frozenset("⚠†‡°ⓘ")
# Units an English figure keeps beside it across a space.
UNITS_EN = frozenset(
    ("h", "hours", "days", "ms", "s", "min", "px", "KB", "MB", "GB", "K", "M", "B", "tokens", "token", "pages", "cents")
)
# Chinese units longer than one character; any other one is the character that
# follows the figure (个, 年, 月, 天, 次, 倍, 页, 轮 …).
UNITS_ZH = ("小时", "分钟", "毫秒", "美元", "美分", "像素", "令牌", "百万")
# A figure as the text writes it: 24, 2,500, 0.075, 128K, 60%, 1.5k.
_FIGURE = re.compile(r"(?<![A-Za-z])\d(?:[\d,.]*\d)?[KMBk%]?")
_WORD = re.compile(r"[^\s\u00a0]+")


def wide(char: str) -> bool:
    """Chinese and the other scripts set in square, double-width cells, where a line
    may break between any two characters."""
    return unicodedata.east_asian_width(char) in "WF"


def _glued_at(text: str) -> set[int]:
    """Positions a line may not start at because of what the characters around them
    mean together: a figure and its unit, 第 and its figure, a bracketed tag, a mark
    and its word."""
    glued: set[int] = set()
    for figure in _FIGURE.finditer(text):
        end = figure.end()
        after = end + 1 if text[end : end + 1] in SPACES else end
        if after < len(text) and wide(text[after]):
            unit = next((u for u in UNITS_ZH if text.startswith(u, after)), text[after])
            glued.update(range(end, after + len(unit)))
        elif after > end and (word := _WORD.match(text, after)) and word.group().rstrip(".,;:!?)") in UNITS_EN:
            glued.add(after)
        before = figure.start() - 1
        if before >= 0 and text[before] in SPACES:
            before -= 1
        if before >= 0 and text[before] == "第":
            glued.update(range(before + 1, figure.start() + 1))
    depth = 0
    for index, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif depth:
            glued.add(index + 1)
        if char in MARKS and (index == 0 or text[index - 1] in SPACES) and text[index + 1 : index + 2] in SPACES:
            glued.add(index + 2)
    return glued


@lru_cache(maxsize=4096)
def breaks(text: str) -> tuple[int, ...]:
    """The positions a line of `text` (no newlines) may start at, in order."""
    glued = _glued_at(text)
    lead = len(text) - len(text.lstrip("".join(SPACES)))  # an indent is not a break
    found = []
    for index in range(lead + 1, len(text)):
        before, char = text[index - 1], text[index]
        if char in SPACES or char in CLOSING or index in glued:
            continue
        if before in SPACES or ((wide(before) or wide(char)) and before not in OPENING):
            found.append(index)
    return tuple(found)


def _fold(text: str, cells: list[int], start: int, end: int, width: int) -> int:
    """Where to cut a piece too wide for any line: after its last space that fits,
    else as far as fits, but not just before closing punctuation or just after
    opening punctuation while a cut a character earlier would do."""
    used, cut = 0, start
    while cut < end and used + cells[cut] <= width:
        used += cells[cut]
        cut += 1
    cut = max(cut, start + 1)  # a character wider than the line still takes one
    if cut >= len(text):
        return len(text)
    space = max((i + 1 for i in range(start + 1, cut) if text[i] in SPACES and text[i + 1] not in SPACES), default=0)
    if space:  # a tag too long for the line breaks at its own spaces first
        return space
    back = cut
    while back - 1 > start and (text[back] in CLOSING or text[back - 1] in OPENING):
        back -= 1
    return cut if text[back] in CLOSING or text[back - 1] in OPENING else back


def line_spans(text: str, width: int, hang: int = 0) -> list[tuple[int, int]]:
    """The lines of `text` (no newlines) at `width` cells, as (start, end) spans with
    their trailing spaces left out; every line but the first is `hang` cells
    narrower, for the indent it is shown with."""
    cells = [get_character_cell_size(char) for char in text]
    upto = [0]  # upto[i]: the cells of text[:i]
    for size in cells:
        upto.append(upto[-1] + size)
    opportunities = [*breaks(text), len(text)]
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        room = max(1, width if not spans else width - hang)
        fits = None
        for candidate in opportunities:
            if candidate <= start:
                continue
            stop = candidate
            while stop > start and text[stop - 1] in SPACES:
                stop -= 1
            if upto[stop] - upto[start] > room:
                break
            fits = candidate
        if fits is None:  # one piece wider than the line: cut between characters
            fits = _fold(text, cells, start, len(text), room)
        stop = fits
        while stop > start and text[stop - 1] in SPACES:
            stop -= 1
        spans.append((start, stop))
        start = fits
        while start < len(text) and text[start] in SPACES:
            start += 1
        if start >= len(text):
            return spans


def _indent(line: str) -> int:
    return cell_len(line[: len(line) - len(line.lstrip(" \u00a0"))])


class Prose:
    """Rich `Text` that wraps by `breaks()`: each of its lines filled to the width it
    is given, continuation lines indented by `hang` cells (by default as far as the
    line they continue), each line justified as the place it is shown says (a
    table column's `justify`)."""

    def __init__(self, text: Text | str, hang: int | None = None) -> None:
        self.text = Text(text) if isinstance(text, str) else text
        self.hang = hang

    def __str__(self) -> str:
        return self.text.plain

    def lines(self, width: int) -> list[Text]:
        """The lines at `width` cells, with their styles."""
        out: list[Text] = []
        for line in self.text.split("\n", allow_blank=True):
            plain = line.plain
            hang = _indent(plain) if self.hang is None else self.hang
            hang = hang if width - hang >= 8 else 0  # too narrow to indent
            spans = line_spans(plain, width, hang)
            for index, (start, end) in enumerate(spans):
                piece = line[start:end]
                if index:
                    piece = Text(" " * hang, end="").append_text(piece)
                out.append(piece)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = self.lines(options.max_width)
        joined = Text("\n", end=self.text.end).join(lines)
        joined.justify = options.justify or self.text.justify
        joined.no_wrap = True
        joined.overflow = "crop"
        yield joined

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """At least its widest unbreakable piece (with the indent before it), at
        most its longest line."""
        widest = longest = 0
        for plain in self.text.plain.split("\n"):
            longest = max(longest, cell_len(plain.rstrip()))
            hang = _indent(plain) if self.hang is None else self.hang
            edges = [0, *breaks(plain), len(plain)]
            for index, (start, end) in enumerate(itertools.pairwise(edges)):
                piece = cell_len(plain[start:end].rstrip("".join(SPACES)))
                widest = max(widest, piece + (hang if index else 0))
        return Measurement(min(widest, longest), longest).clamp(max_width=options.max_width)
