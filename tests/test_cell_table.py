"""CellTable: a cell set to new words repaints its own line; a wider one widens its column."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region

from gpt4o_tui.tui.widgets.cell_table import PADDING, CellTable, _cell, _cut

COLUMNS = (("name", Text("Model"), 0), ("total", Text("Per month", justify="right"), 9))


class TableApp(App[None]):
    CSS = "CellTable { height: auto; }"  # as gpt4o-tui's style sheet has it

    def compose(self) -> ComposeResult:
        table = CellTable(COLUMNS, id="totals")
        table.add_row("a", Text("GPT-4o mini", "bold"), Text("$58.50", "bold", justify="right"))
        table.add_row("b", Text("GPT-4o"), Text("$1,650.00", justify="right"))
        yield table


def run(scenario: Callable[[CellTable], Awaitable[None]]) -> None:
    async def go() -> None:
        app = TableApp()
        async with app.run_test(size=(60, 10)) as pilot:
            await pilot.pause()
            await scenario(app.query_one(CellTable))

    asyncio.run(go())


def lines(table: CellTable) -> list[str]:
    return ["".join(segment.text for segment in table.render_line(y)) for y in range(1 + len(table.row_keys))]


def test_cells_line_up_under_their_headings_with_their_own_styles() -> None:
    async def scenario(table: CellTable) -> None:
        heading, first, second = lines(table)
        assert heading.rstrip() == " Model        Per month"
        assert first.rstrip() == " GPT-4o mini     $58.50"
        assert second.rstrip() == " GPT-4o       $1,650.00"
        styles = {segment.text.strip(): segment.style for segment in table.render_line(1) if segment.text.strip()}
        assert styles["$58.50"].bold and styles["GPT-4o mini"].bold
        assert table.size.height == 3 and table.get_content_width(table.size, table.size) == 11 + 9 + 4 * PADDING

    run(scenario)


def spy(table: CellTable) -> list[tuple[tuple[Region, ...], bool]]:
    """Each refresh the table asks for: its regions, and whether it asked for a layout."""
    asked: list[tuple[tuple[Region, ...], bool]] = []
    refresh = table.refresh

    def recorded(*regions: Region, layout: bool = False, **rest: bool) -> CellTable:
        asked.append((regions, layout))
        return refresh(*regions, layout=layout, **rest)

    table.refresh = recorded  # type: ignore[method-assign]
    return asked


def test_a_changed_cell_repaints_its_line_alone_and_an_unchanged_one_nothing() -> None:
    async def scenario(table: CellTable) -> None:
        asked = spy(table)
        table.set_cell("b", "total", Text("$1,650.00", justify="right"))
        assert asked == []
        table.set_cell("b", "total", Text("$1,700.00", justify="right"))
        assert asked == [((Region(0, 2, table.size.width, 1),), False)]
        assert lines(table)[2].rstrip() == " GPT-4o       $1,700.00"

    run(scenario)


def test_a_column_is_as_wide_as_what_it_shows_now() -> None:
    async def scenario(table: CellTable) -> None:
        asked = spy(table)
        table.set_cell("a", "total", Text("$12,345,678.90", justify="right"))
        assert asked == [((), True)]
        heading, first, second = lines(table)
        assert first.rstrip() == " GPT-4o mini  $12,345,678.90"
        assert heading.rstrip() == " Model             Per month"
        assert second.rstrip() == " GPT-4o            $1,650.00"
        assert table.get_content_width(table.size, table.size) == 11 + 14 + 4 * PADDING
        table.set_cell("a", "total", Text("$58.50", justify="right"))  # and back, as if never wider
        assert asked[-1] == ((), True)
        assert lines(table)[0].rstrip() == " Model        Per month"
        assert table.get_content_width(table.size, table.size) == 11 + 9 + 4 * PADDING

    run(scenario)


def test_a_column_given_more_room_keeps_it_whatever_it_shows() -> None:
    """The calculator gives each column the room its widest figure at the prices shown
    needs: a figure that grows into it changes one line, never the table's width."""

    async def scenario(table: CellTable) -> None:
        asked = spy(table)
        table.least({"total": 14})
        assert asked == [((), True)]
        assert lines(table)[0].rstrip() == " Model             Per month"
        table.set_cell("a", "total", Text("$12,345,678.90", justify="right"))
        assert asked[-1] == ((Region(0, 1, table.size.width, 1),), False)
        table.set_cell("a", "total", Text("$58.50", justify="right"))
        assert lines(table)[1].rstrip() == " GPT-4o mini          $58.50"
        table.least({"total": 14})  # the same room: nothing to lay out
        assert len(asked) == 3
        table.least({"total": 9})
        assert asked[-1] == ((), True) and lines(table)[0].rstrip() == " Model        Per month"

    run(scenario)


def test_the_same_words_in_another_style_are_drawn_in_that_style() -> None:
    """Rich's Text == compares words and spans, not the style: a cell whose words stay
    ("—") but turn italic (the model can no longer run the workload) must repaint."""

    async def scenario(table: CellTable) -> None:
        table.set_cell("a", "total", Text("$58.50", "italic", justify="right"))
        styles = {segment.text.strip(): segment.style for segment in table.render_line(1) if segment.text.strip()}
        assert styles["$58.50"].italic
        table.set_cell("a", "total", Text("$58.50", justify="right"))
        styles = {segment.text.strip(): segment.style for segment in table.render_line(1) if segment.text.strip()}
        assert not styles["$58.50"].italic

    run(scenario)


def test_a_table_wider_than_its_room_cuts_a_name_never_a_figure() -> None:
    """A model a person adds may have a long name; the names give way (cut with …),
    down to LEAST_FIRST cells, and every figure stays whole."""

    async def scenario(table: CellTable) -> None:
        long = "aws:regional.anthropic.claude-3-5-sonnet-20240620-v1:0"
        table.add_row("c", Text(long), Text("$12,345,678.90", justify="right"))
        await asyncio.sleep(0)
        room = table.size.width
        assert table.get_content_width(table.size, table.size) > room
        drawn = lines(table)
        assert all(len(line) == room for line in drawn)
        assert drawn[3].rstrip().endswith("$12,345,678.90") and "…" in drawn[3]
        assert drawn[0].rstrip().endswith("Per month") and drawn[1].rstrip().endswith("$58.50")
        shown = table._shown(room)["name"]
        assert shown == room - 14 - 3 * PADDING  # the blank padding after the figures went first
        head, tail = drawn[3][PADDING : PADDING + shown].split("…")
        assert long.startswith(head) and long.endswith(tail) and len(head) + 1 + len(tail) == shown
        assert tail.endswith("v1:0") and head.startswith("aws:regional")

    run(scenario)


@given(st.text(st.characters(blacklist_characters="…"), min_size=1, max_size=60), st.integers(1, 30))
def test_a_cut_name_keeps_its_start_and_its_end_in_its_width(words: str, width: int) -> None:
    text = Text(words, "bold")
    if text.cell_len <= width:
        return
    cut = _cut(text, width)
    assert cut.cell_len <= width and cut.style == "bold"
    if width > 1 and all(cell_len(c) == 1 for c in words):
        head, _, tail = cut.plain.partition("…")
        assert words.startswith(head) and words.endswith(tail) and cut.cell_len == width


def test_rows_come_and_go_and_a_twin_gives_its_words() -> None:
    async def scenario(table: CellTable) -> None:
        table.add_row("c", Text("Gemini 1.5 Flash ⁺"), Text("$115.50", justify="right"))
        table.remove_row("a")
        assert table.row_keys == ("b", "c")
        twin = CellTable((("name", Text("模型"), 0), ("total", Text("每月（美元）", justify="right"), 9)))
        twin.add_row("b", Text("GPT-4o"), Text())
        table.take_words(twin)
        assert table.row_keys == ("b",) and str(table.heading("total")) == "每月（美元）"
        assert lines(table)[0].rstrip() == " 模型    每月（美元）"

    run(scenario)


@settings(max_examples=200, deadline=None)
@given(
    words=st.text("ab c1,.$中—", max_size=14),
    justify=st.sampled_from(["left", "right", "center"]),
    room=st.integers(0, 6),
    bold=st.booleans(),
)
def test_a_cell_is_its_columns_width_and_keeps_its_words(words: str, justify: str, room: int, bold: bool) -> None:
    """Whatever it holds, a cell is as wide as its column plus padding, shows all its
    words, its own spaces too, and keeps its style."""
    text = Text(words, "bold" if bold else "", justify=justify)  # type: ignore[arg-type]
    width = text.cell_len + room
    segments = list(_cell(text, width, Style(color="red"), Console(width=80)))
    shown = "".join(segment.text for segment in segments)
    assert Text(shown).cell_len == width + 2 * PADDING
    assert words in shown
    if words.strip():
        assert all(s.style.color.name == "red" and bool(s.style.bold) == bold for s in segments)  # type: ignore[union-attr]
