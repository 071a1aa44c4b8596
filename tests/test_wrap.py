"""Line breaking (text/wrap.py): the usual Chinese rules, figures with their units and
source tags whole, for any text and any width; and on the real panes at 80×24."""

from __future__ import annotations

import asyncio
import io
import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument
from textual.widgets import Select, Static, TextArea

from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.text import pricing, safety, specs
from gpt4o_tui.text.i18n import language
from gpt4o_tui.text.wrap import CLOSING, OPENING, SPACES, Prose, breaks, line_spans
from gpt4o_tui.tui.widgets.prose_area import ProseWrap
from tests.conftest import SteadyApp
from tests.screens import screen_text

EN, ZH = language("en"), language("zh")
HAN = "发布后持续监控使用情况新风险时改进安全性模型价格批处理返回结果"
ZH_CLOSING = "。，、；：）」”"
ZH_OPENING = "（「“"
IDS = ("openai-launch", "seed", "litellm", "openai-deprecations", "google-pricing-2024")

figures = st.one_of(st.integers(0, 10**7).map(lambda n: f"{n:,}"), st.integers(0, 999).map(str), st.just("0.60"))
# A figure with its unit, as the app writes them in either language.
kept_figures = st.one_of(
    st.builds(lambda n, unit: f"{n} {unit}", figures, st.sampled_from(("h", "tokens", "pages", "px", "MB"))),
    st.builds(lambda n, unit: f"{n} {unit}", figures, st.sampled_from(("小时", "美元", "页", "令牌", "轮", "年"))),
    st.builds(lambda n, unit: f"{n}{unit}", figures, st.sampled_from(("小时", "页", "倍"))),
)
tags = st.lists(st.sampled_from(IDS), min_size=1, max_size=3).map(lambda ids: f"[{', '.join(ids)}]")
han_runs = st.text(alphabet=HAN, min_size=1, max_size=30)
words = st.sampled_from(("within", "results", "the", "price", "GPT-4o", "mini", "half", "—", "·", "/"))
punctuated = st.builds(lambda run, mark: run + mark, han_runs, st.sampled_from(ZH_CLOSING))
opened = st.builds(lambda mark, run: mark + run, st.sampled_from(ZH_OPENING), han_runs)


@st.composite
def prose(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Mixed Chinese and English with figures, units and tags; and the pieces that
    must never be split."""
    pieces = draw(st.lists(st.one_of(han_runs, punctuated, opened, words, kept_figures, tags), min_size=1, max_size=14))
    text = ""
    for piece in pieces:
        joined = bool(text) and cell_len(text[-1]) == 2 and cell_len(piece[0]) == 2
        text += ("" if joined or not text else " ") + piece
    kept = [p for p in pieces if p.startswith("[") or re.match(r"\d", p)]
    return text, kept


def widest_piece(text: str) -> int:
    edges = [0, *breaks(text), len(text)]
    return max(cell_len(text[a:b].rstrip(" ")) for a, b in itertools.pairwise(edges))


def shown(text: str, width: int, hang: int = 0) -> list[str]:
    return [text[start:end] for start, end in line_spans(text, width, hang)]


@settings(max_examples=300)
@given(prose(), st.integers(1, 100), st.integers(0, 12))
def test_lines_fit_and_lose_nothing_but_spaces(case: tuple[str, list[str]], width: int, hang: int) -> None:
    text, _ = case
    spans = line_spans(text, width, hang)
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip(" "))
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start and set(text[end:start]) <= SPACES  # only spaces fall at a break
    for index, (start, end) in enumerate(spans):
        room = max(1, width - (hang if index else 0))
        assert cell_len(text[start:end]) <= room or end - start == 1  # one wide character on a 1-cell line


@settings(max_examples=300)
@given(prose(), st.integers(0, 60), st.integers(0, 12))
def test_no_line_starts_closed_or_ends_open_and_figures_and_tags_stay_whole(
    case: tuple[str, list[str]], extra: int, hang: int
) -> None:
    text, kept = case
    width = widest_piece(text) + hang + extra  # wide enough for its widest unbreakable piece
    lines = shown(text, width, hang)
    for line in lines[1:]:
        assert line[0] not in CLOSING, lines
    for line in lines[:-1]:
        assert line[-1] not in OPENING, lines
    for piece in kept:
        assert sum(line.count(piece) for line in lines) == text.count(piece), (piece, lines)


@given(han_runs, st.integers(2, 80))
def test_a_full_line_of_chinese_breaks_between_characters(run: str, width: int) -> None:
    lines = shown(run, width)
    assert all(len(line) == width // 2 for line in lines[:-1]), lines
    assert "".join(lines) == run


@given(st.integers(4, 80))
def test_a_piece_wider_than_the_line_is_cut_between_characters_not_before_a_full_stop(width: int) -> None:
    text = "abcdefghijklmnopqrstuvwxyz。" * 3
    lines = shown(text, width)
    assert "".join(lines) == text
    assert all(cell_len(line) <= width and line[0] != "。" for line in lines)


def test_the_issue_s_examples() -> None:
    monitoring = "发布后持续监控使用情况，发现新风险时改进安全性。  [openai-launch, seed]"
    assert shown(monitoring, 46) == ["发布后持续监控使用情况，发现新风险时改进安全", "性。  [openai-launch, seed]"]
    for width in range(12, 60):
        assert not any(line.startswith("。") for line in shown(monitoring, width))
        said = " ".join(shown("批处理 API 已开启（b）：* 表示批处理价格，半价，24 小时内返回结果", width))
        assert "24 小时" in said and "2,500 页" in " ".join(shown("这大约相当于 2,500 页标准书籍的内容量", width))
    for width in range(21, 60):  # "[openai-launch, seed]" is 21 cells
        assert "24 h;" in " ".join(shown("Batch API on (b): half price with results within 24 h; more", width))
        assert any(
            line.endswith("[openai-launch, seed]") for line in shown("holds on input  [openai-launch, seed]", width)
        )
    assert shown("$0.15 / $0.60 a day", 8) == ["$0.15 /", "$0.60 a", "day"]  # a line never starts with /
    assert shown("a ⚠ unconfirmed: not retrieved", 14) == ["a", "⚠ unconfirmed:", "not retrieved"]


def test_prose_keeps_styles_and_indents_continuations() -> None:
    text = pricing.claims_text(load_catalog(), EN)
    lines = Prose(text).lines(60)
    indented = [line.plain for line in lines if line.plain.startswith("   ")]
    assert len(indented) > 4 and all(not line.plain.startswith(" ") or line.plain.startswith("   ") for line in lines)
    assert any(span.style == "dim" for line in lines for span in line.spans)  # the tags stay quiet


def load_catalog() -> Catalog:
    from gpt4o_tui.core.catalog import load

    return load()


def plain(renderable: object, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text().splitlines()


def test_the_renderers_break_by_the_rules_at_80_columns(catalog: Catalog) -> None:
    closed = re.compile(rf"(^|\s)[{re.escape(ZH_CLOSING)}]")
    for lang in (EN, ZH):
        for width in (40, 60, 80, 120):
            lines = [
                *plain(specs.facts_table(catalog, lang), width),
                *plain(Prose(pricing.claims_text(catalog, lang)), width),
                *plain(Prose(pricing.price_notes(catalog, lang)), width),
                *plain(pricing.timeline(catalog, lang), width),
                *(
                    line
                    for number, measure in enumerate(catalog.safety, 1)
                    for line in plain(Prose(safety.detail(number, measure, 5, lang)), width)
                ),
            ]
            assert not [line for line in lines if closed.search(line)], (lang.code, width)
            if width >= 80:  # every tag fits a line: none is split
                assert not [line for line in lines if re.search(r"\[[^\]]*$", line)], (lang.code, width)


def test_the_timeline_s_continuations_hang_under_its_words(catalog: Catalog) -> None:
    for lang in (EN, ZH):
        lines = plain(pricing.timeline(catalog, lang), 80)
        assert len(lines) > 2 * len(catalog.price_changes) + 1  # some entries wrap at 80
        for line in lines:
            assert re.match(r"\d{4}-\d\d-\d\d [●○] ", line) or line.startswith(" " * 11), line
            assert not line.startswith(" " * 11) or line.strip() == "│" or line.startswith(" " * 13 + line.strip())


def _run(lang: str, scenario, size: tuple[int, int] = (80, 24)) -> list[str]:  # type: ignore[no-untyped-def]
    """The screens a scenario shows, as text."""

    async def run() -> list[str]:
        app = SteadyApp(load_catalog(), lang=lang)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            return await scenario(app, pilot)

    return asyncio.run(run())


def test_safety_stage_5_in_chinese_at_80x24_starts_no_line_with_a_full_stop() -> None:
    async def scenario(app: SteadyApp, pilot) -> list[str]:  # type: ignore[no-untyped-def]
        await pilot.press("3", "down", "down", "down", "down")
        await pilot.pause()
        return screen_text(app).splitlines()

    lines = _run("zh", scenario)
    assert "第 5 步，共 5 步 · 监控" in lines[2]
    assert any(line.endswith("发布后持续监控使用情况，发现新风险时改进安全") for line in lines), lines
    closed = re.compile(rf"(^|\s)[{re.escape(ZH_CLOSING)}]")  # a line of the detail starting with 。
    assert not [line for line in lines if closed.search(line)], lines
    assert any(line.endswith("性。  [openai-launch, seed]") for line in lines), lines


def test_pricing_at_80x24_keeps_units_tags_and_the_history_s_indent() -> None:
    async def scenario(app: SteadyApp, pilot) -> list[str]:  # type: ignore[no-untyped-def]
        await pilot.press("4", "b")
        await pilot.pause()
        seen = []
        for widget in ("#cost-notes", "#claims", "#timeline"):
            app.query_one(widget, Static).scroll_visible(animate=False, top=True, immediate=True)
            await pilot.pause()
            seen += screen_text(app).splitlines()
        return seen

    zh = _run("zh", scenario)
    assert any("24 小时内返回结果" in line for line in zh), "\n".join(zh)
    en = _run("en", scenario)
    history = en[en.index(next(line for line in en if line.startswith(" 2024-07-23"))) :][:6]
    assert re.match(r" {14}\S", history[1]), history  # under the words, clear of the date
    for lines in (zh, en):
        assert not [line for line in lines if re.search(r"\[[a-z0-9-]+,$", line)], "a tag split at its comma"


@settings(max_examples=200)
@given(
    st.lists(prose().map(lambda case: case[0]), min_size=1, max_size=4),
    st.integers(1, 60),
    st.lists(
        st.tuples(st.integers(0, 400), st.integers(0, 40), st.sampled_from(("", "，", "）", "\n", " 2,500 页", "。"))),
        max_size=6,
    ),
)
def test_the_text_box_breaks_by_the_rules_and_edits_wrap_as_a_fresh_wrap_would(
    paragraphs: list[str], width: int, edits: list[tuple[int, int, str]]
) -> None:
    """The token counter's box: each line's rows are line_spans' lines with their
    spaces, and after any edit the rows are those a wrap from scratch gives."""
    document = Document("\n".join(paragraphs))
    wrapped = ProseWrap(document, width)
    for at, length, insert in edits:
        text = document.text
        start = document.get_location_from_index(min(at, len(text)))
        end = document.get_location_from_index(min(at + length, len(text)))
        result = document.replace_range(start, end, insert)
        wrapped.wrap_range(start, end, result.end_location)
    fresh = ProseWrap(Document(document.text), width)
    assert wrapped.lines == fresh.lines
    assert wrapped._offset_to_line_info == fresh._offset_to_line_info
    assert wrapped._line_index_to_offsets == fresh._line_index_to_offsets
    for line, rows in zip(document.lines, wrapped.lines, strict=True):
        assert "".join(rows) == line
        assert [row.rstrip(" ") for row in rows] == shown(line, width) if line else rows == [""]


def test_textual_s_own_wrap_starts_a_line_of_the_chinese_sample_with_a_comma_where_the_box_does_not() -> None:
    text = next(sample.text for sample in load_catalog().samples if sample.id == "seed-zh")
    for wrapped in (WrappedDocument(Document(text), 72), ProseWrap(Document(text), 72)):
        rows = [row for line in wrapped.lines for row in line]
        assert "".join(rows) == text
        started_closed = [row for row in rows[1:] if row[0] in CLOSING]
        assert bool(started_closed) is (type(wrapped) is WrappedDocument), rows


def test_the_token_counter_s_box_starts_no_line_with_closing_punctuation() -> None:
    async def scenario(app: SteadyApp, pilot) -> list[str]:  # type: ignore[no-untyped-def]
        await pilot.press("4")
        app.query_one("#sample", Select).value = "seed-zh"
        await pilot.pause()
        box = app.query_one("#text", TextArea)
        box.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        rows = [row for line in box.wrapped_document.lines for row in line]
        assert len(rows) > 3 and all(cell_len(row.rstrip(" ")) <= box.wrap_width for row in rows), rows
        assert not [row for row in rows[1:] if row[0] in CLOSING], rows
        assert rows == [row for line in ProseWrap(Document(box.text), box.wrap_width).lines for row in line]
        return screen_text(app).splitlines()

    lines = _run("zh", scenario)
    assert any("得益于与 GPT-4o 共用的更优化分词器" in line for line in lines), "\n".join(lines)
