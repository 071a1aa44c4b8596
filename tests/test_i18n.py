"""中文 / English: the message catalog is complete both ways, every screen speaks one
language, numbers and money read naturally in each, and switching keeps state."""

from __future__ import annotations

import ast
import asyncio
import functools
import os
import re
import string
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, TextArea

from gpt4o_tui.core import costs, counts
from gpt4o_tui.core.catalog import Catalog, DataError, load
from gpt4o_tui.text import i18n
from gpt4o_tui.text.i18n import language
from gpt4o_tui.tui.widgets.cell_table import CellTable
from tests.conftest import SteadyApp
from tests.screens import screen_text
from tests.test_messages import keys_used, our_bindings


def sync(test):  # type: ignore[no-untyped-def]
    """A pilot test written as a coroutine, run to the end as a plain test."""

    @functools.wraps(test)
    def run(*args, **kwargs):  # type: ignore[no-untyped-def]
        return asyncio.run(test(*args, **kwargs))

    return run


SOURCE = Path(__file__).resolve().parents[1] / "src" / "gpt4o_tui"
EN, ZH = language("en"), language("zh")


# -- the catalog ---------------------------------------------------------------


def _wide(char: str) -> bool:
    """A Chinese character or Chinese punctuation (not an emoji, which is wide too)."""
    return unicodedata.east_asian_width(char) in ("W", "F") and (
        "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
    )


def test_every_message_has_english_and_chinese() -> None:
    """Both ways: no English without its Chinese, no Chinese without its English."""
    for key, texts in i18n.catalog().items():
        assert set(texts) == {"en", "zh"}, key
        assert texts["en"].strip() and texts["zh"].strip(), key
        assert texts["en"] != texts["zh"], f"{key}: the Chinese is the English"


def test_chinese_entries_are_chinese() -> None:
    """Each zh text has Chinese in it, but for the few that are only a sign."""
    signs = {"input.join", "key.app.language"}  # "+" and "English" (the language to switch to)
    for key, texts in i18n.catalog().items():
        if key not in signs:
            assert any(_wide(c) for c in texts["zh"]), f"{key}: {texts['zh']!r}"


def _percent_fields(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[sr]|%[sr]", text))


def _format_fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_both_languages_take_the_same_values() -> None:
    for key, texts in i18n.catalog().items():
        assert _format_fields(texts["en"]) == _format_fields(texts["zh"]), key
        assert _percent_fields(texts["en"]) == _percent_fields(texts["zh"]), key


def _literal_keys() -> set[str]:
    """Every string literal in the source that names a catalog entry."""
    keys = set(i18n.catalog())
    found = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in keys:
                found.add(node.value)
    return found


def test_every_entry_is_used_and_every_binding_is_worded() -> None:
    """No dead entries; argparse's words are the only ones keyed by what they say."""
    used = _literal_keys() | keys_used()
    unused = {k for k in i18n.catalog() if k not in used and not k.startswith("argparse.")}
    assert not unused
    shown = [b for b in our_bindings() if b.id and not b.id.startswith("export.")]
    for binding in shown:
        assert f"key.{binding.id}" in i18n.catalog(), binding.id
        assert EN(f"key.{binding.id}") == binding.description or binding.id == "app.language", binding.id
        if binding.tooltip:
            assert EN(f"tip.{binding.id}") == binding.tooltip, binding.id


# -- which language ------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "C.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "zh_SG.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LANG": "zh_HK"}, "zh"),
    ],
)
def test_the_locale_picks_the_language(environ: dict[str, str], expected: str) -> None:
    assert i18n.from_environment(environ) == expected


# -- numbers and money -----------------------------------------------------------

amounts = st.decimals(
    min_value=Decimal("0.0000001"), max_value=Decimal("100000000"), allow_nan=False, allow_infinity=False, places=7
)


@given(amounts)
def test_money_reads_the_same_in_both_languages(amount: Decimal) -> None:
    """The same digits and separators; the unit where each language puts it."""
    english, chinese = EN.usd(amount), ZH.usd(amount)
    assert english.startswith("$") and chinese.endswith(" 美元")
    assert english[1:] == chinese.removesuffix(" 美元")
    assert "e" not in chinese.lower() and "E" not in chinese


def test_money_examples() -> None:
    assert ZH.usd(Decimal("58.5")) == "58.50 美元"
    assert ZH.usd(Decimal("1650")) == "1,650.00 美元"
    assert ZH.usd(Decimal("-1.5")) == "-1.50 美元"
    assert ZH.usd(Decimal("0.0000135")) == "0.000014 美元"
    assert ZH.rate(Decimal("0.075")) == "0.075 美元"
    assert ZH.rate_cell(Decimal("0.15")) == "0.15" and EN.rate_cell(Decimal("0.15")) == "$0.15"
    assert ZH.count(1_048_576) == "1,048,576"


def test_a_bill_said_in_chinese(catalog: Catalog) -> None:
    results = {r.model.id: r for r in costs.monthly(catalog, costs.Workload())}
    subject = results["gpt-4o-mini"]
    assert ZH.total(subject) == "58.50 美元"
    assert ZH.saving(subject, results["gpt-3.5-turbo"]) == "106.50 美元 (64.5%)"
    assert ZH.rates(subject) == "0.15/0.60 美元"
    cheaper = {r.model.id: r for r in costs.monthly(catalog.latest(), costs.Workload())}
    assert ZH.saving(cheaper["gpt-4o-mini"], cheaper["gemini-1.5-flash"]) == "贵 29.25 美元"
    too_big = costs.monthly(catalog, costs.Workload(16_000, 1_000))
    turbo = next(r for r in too_big if r.model.id == "gpt-3.5-turbo")
    assert ZH.total(turbo) == "无法运行"
    assert ZH.say(turbo.problem) == "16,000 + 1,000 个令牌超出其 16,385 令牌的上下文窗口"


def test_a_refused_count_is_said_in_either_language() -> None:
    with pytest.raises(counts.CountError) as refused:
        counts.parse_count("abc")
    assert EN.say(refused.value.said) == "'abc' is not a count (e.g. 1500, 1.5k, 2M)"
    assert ZH.say(refused.value.said) == "'abc' 不是数量（例如 1500、1.5k、2M）"
    with pytest.raises(counts.CountError) as out_of_range:
        counts.check_bounds(0, counts.REQUESTS_BOUNDS)
    assert ZH.say(out_of_range.value.said) == "须在 1 到 1,000,000 之间"


# -- the data carries both languages ------------------------------------------------


def test_data_without_its_chinese_is_refused(data_copy: Path) -> None:
    benchmarks = data_copy / "benchmarks.toml"
    benchmarks.write_text(
        benchmarks.read_text(encoding="utf-8").replace('tests_zh = "竞赛数学"\n', "", 1), encoding="utf-8"
    )
    with pytest.raises(DataError) as error:
        load(data_copy)
    assert str(error.value) == f"{benchmarks}: [[benchmark]] #5 (math): tests_zh: required field is missing"


def test_a_caveat_needs_its_chinese_twin(data_copy: Path) -> None:
    specs = data_copy / "specs.toml"
    specs.write_text(
        specs.read_text(encoding="utf-8").replace(
            'caveat_zh = "未经证实：未能取得发布文章中的脚注；下面的排行榜快照支持这一说法"\n', "", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as error:
        load(data_copy)
    assert "caveat and caveat_zh go together" in str(error.value)


# -- every screen speaks one language ------------------------------------------------

# Names stay as they are in both languages: models, benchmarks, sources, encodings,
# products and file formats; and the keys' own names.
PROPER = {
    "API",
    "ChatGPT",
    "Plus",
    "Team",
    "LMSYS",
    "OpenAI",
    "Ramp",
    "Superhuman",
    "RLHF",
    "arXiv",
    "Python",
    "JSON",
    "Markdown",
    "SVG",
    "enter",
    "txt",
    "md",
    "json",
    "gpt4o-tui",
    "scenario",
    "n/a",
    "shot",
    "English",
    "MathVista",
    "dark",
    "light",
    "high-contrast",
    "terminal",
    "esc",
    "Esc",
    "Enter",
    "pgdn",
    "pgup",
    "home",
    "end",
    "shift",
    "tab",
    "space",
    "ctrl",
    "F5",
    "f5",
    "alias",
    "GPT-4",
    "GPT-3.5",
    "Flash",
    "Haiku",
    "Turbo",
    "mini",
    "Gemini",
    "Claude",
    "text-davinci",
    "davinci",
    "Anthropic",
    "Google",
    "gpt-4o-2024-08-06",  # a later GPT-4o snapshot, named in the price history
    "OSC",  # the clipboard's escape sequence (OSC 52)
}


def _names(catalog: Catalog) -> set[str]:
    words = set(PROPER)
    for text in [
        *(m.name for m in catalog.models),
        *(m.short for m in catalog.models),
        *(m.api_id for m in catalog.models),
        *(m.id for m in catalog.models),
        *(b.name for b in catalog.benchmarks),
        *(s.id for s in catalog.sources),
        *(d.successor or "" for d in catalog.deprecations),
        "o200k_base",
        "cl100k_base",
        "p50k_base",
        "genai-prices",
    ]:
        words |= set(re.findall(r"[A-Za-z][\w.\-]*", text)) | {text}
    return words


def _english_words(text: str, names: set[str]) -> set[str]:
    """Words of three letters or more that are not a name: English left untranslated."""
    words = set()
    for token in re.findall(r"[A-Za-z][A-Za-z0-9_.\-']*[A-Za-z0-9]", text):
        parts = re.split(r"[.\-']", token)
        if token not in names and not all(p in names or len(p) < 3 or not p.isalpha() for p in parts):
            words.add(token)
    return words


def _chinese_runs(line: str) -> list[str]:
    """The runs of wide (Chinese) characters in a line."""
    runs, run = [], ""
    for char in line + " ":
        if _wide(char):
            run += char
        elif run:
            runs.append(run)
            run = ""
    return runs


async def _walk(app: SteadyApp) -> list[str]:
    """Every screen and state with words of its own, as text."""
    from gpt4o_tui.tui.panes.pricing import PricingPane

    seen: list[str] = []
    async with app.run_test(size=(160, 150), notifications=True) as pilot:  # notices too

        async def look() -> None:
            await pilot.pause()
            seen.append(screen_text(app))

        await look()  # Specs
        await pilot.press("2")
        for _ in range(8):  # the table view, each benchmark
            await look()
            await pilot.press("down")
        await pilot.press("i")
        for _ in range(8):  # the explain view, each benchmark from the last
            await look()
            await pilot.press("up")
        await pilot.press("g")
        await look()
        await pilot.press("f")
        for _ in range(4):  # each price mix
            await look()
            await pilot.press("x")
        await pilot.press("m", "space", "f")
        await look()  # a hidden model
        await pilot.press("g", "s", "p")
        await look()
        await pilot.press("3")
        for _ in range(5):
            await look()
            await pilot.press("down")
        await pilot.press("4")
        pricing = app.query_one(PricingPane)
        await look()
        await pilot.press("b", "l")
        await look()
        await pilot.press("b", "l", "end")
        await look()  # long context, and a request some cannot run
        await pilot.press("home", "tab")
        app.query_one(".count-input", Input).value = "1.2.3"
        await pilot.press("enter")
        await look()  # a refused count
        await pilot.press("escape")
        for index in range(len(app.catalog.presets)):
            pricing.workload = pricing.workload.__class__(
                *[getattr(app.catalog.presets[index], f) for f in ("input_tokens", "output_tokens", "requests_per_day")]
            )
            await look()
        app.query_one("#text", TextArea).load_text(app.catalog.samples[0].text)
        await pilot.pause(0.5)
        await pricing.workers.wait_for_complete()
        await look()
        await pilot.press("question_mark")
        await look()
        await pilot.press("escape", "e")
        app.screen.query_one("#export-path", Input).value = "scenario.txt"
        await pilot.press("enter")
        await look()
        await pilot.press("escape", "f5")
        for _ in range(6):
            await look()
            await pilot.press("space")
        await pilot.press("escape", "ctrl+p")
        await look()
        await pilot.press(*"9999")
        await pilot.pause(0.8)
        await look()  # no command matches
        await pilot.press("escape", "t")
        await look()  # the theme notice
        await pilot.press("ctrl+c")
        await look()  # how to quit, said to someone who reached for ctrl+c
        await pilot.resize_terminal(60, 20)
        await look()
    return seen


def _quotes(catalog: Catalog) -> list[str]:
    """Chinese the English screens show on purpose: the seed's own words, quoted
    beside their retelling, the shipped samples, and the language key itself."""
    return [
        *(m.plain_zh for m in catalog.safety),
        *(b.analogy_zh for b in catalog.benchmarks if b.analogy_zh),
        *(s.text for s in catalog.samples),
        "中文",
        EN("tip.app.language"),
    ]


@pytest.mark.slow
@sync
async def test_the_chinese_screens_show_no_english(catalog: Catalog) -> None:
    names = _names(catalog)
    for screen in await _walk(SteadyApp(catalog, lang="zh")):
        # A dialog's border cuts the pane behind it mid-word: a fragment glued to a
        # border ("openai-cac│") is a name cut short, not a word left in English.
        screen = re.sub(r"[A-Za-z0-9_.\-']+(?=[│┃▏▕╭╮╰╯─])|(?<=[│┃▏▕╭╮╰╯─])[A-Za-z0-9_.\-']+", " ", screen)
        # A full path (the export dialog's) names the person's folders.
        screen = re.sub(r"(?<![\w.])/[\w./\-]+", " ", screen)
        found = _english_words(screen, names)
        assert not found, (found, [line for line in screen.splitlines() if any(w in line for w in found)])


@pytest.mark.slow
@sync
async def test_the_english_screens_show_no_chinese_but_the_seeds(catalog: Catalog) -> None:
    quotes = _quotes(catalog)
    for screen in await _walk(SteadyApp(catalog, lang="en")):
        for line in screen.splitlines():
            for run in _chinese_runs(line):
                assert any(run in quote for quote in quotes), (run, line)


def test_the_scans_catch_a_missed_string(catalog: Catalog) -> None:
    """The two checks above fail on the mistakes they are there for."""
    assert _english_words("模型 Per month 58.50 美元", _names(catalog)) == {"Per", "month"}
    assert _english_words("GPT-4o mini 领先 MMLU 82.0 [openai-launch, seed]", _names(catalog)) == set()
    assert _chinese_runs("Model 每月 $58.50") == ["每月"]
    assert not any("每月" in quote for quote in _quotes(catalog))


# -- switching keeps state -------------------------------------------------------


@sync
async def test_switching_language_keeps_the_calculator(catalog: Catalog) -> None:
    from gpt4o_tui.tui.panes.pricing import PricingPane
    from gpt4o_tui.tui.widgets.log_slider import CountSlider, LogSlider

    app = SteadyApp(catalog, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "right", "right", "tab", "tab", "tab", "tab", "right", "b", "l")
        pane = app.query_one(PricingPane)
        pane.turns = 50
        app.query_one("#sample", Select).value = "seed-en"
        await pilot.pause()
        text = app.query_one("#text", TextArea)
        text.load_text(text.text + " Bonjour")  # a sample, then edited
        await pilot.pause()
        typed = text.text
        before = (pane.workload, pane.batch_api, pane.prices, pane.turns)
        assert before[0] != costs.Workload() and pane.batch_api and pane.prices == "latest known"
        focused = app.focused
        assert isinstance(focused, LogSlider) and focused.parent.parent.id == "output-tokens"
        await pilot.press("L")
        await pilot.pause()
        pane = app.query_one(PricingPane)
        assert app.language.code == "zh"
        assert (pane.workload, pane.batch_api, pane.prices, pane.turns) == before
        assert app.query_one("#output-tokens", CountSlider).value == before[0].output_tokens
        assert app.query_one("#text", TextArea).text == typed and typed.endswith("pop culture. Bonjour")
        # An edited sample is the person's own text: "Your text", and kept as such.
        assert app.query_one("#sample", Select).value is Select.NULL and pane.own_text == typed
        assert isinstance(app.focused, LogSlider) and app.focused.parent.parent.id == "output-tokens"
        table = app.query_one("#totals", CellTable)
        assert str(table.cell("gpt-4o-mini", "total")) == ZH.usd_cell(
            costs.model_cost(pane.priced, catalog.subject, before[0], True).total_usd
        )
        assert "4 价格" in screen_text(app)
        await pilot.press("right")  # the keys still reach the same slider
        await pilot.pause()
        assert pane.workload.output_tokens > before[0].output_tokens
        await pilot.press("L")
        await pilot.pause()
        assert app.language.code == "en" and "4 Pricing" in screen_text(app)
        assert app.query_one(PricingPane).workload.output_tokens > before[0].output_tokens


@sync
async def test_a_switch_draws_no_frame_half_in_one_language(catalog: Catalog) -> None:
    """Every frame drawn after L is wholly in one language: the tab titles and the
    calculator's headings change in the same frame, never one before the other."""
    app = SteadyApp(catalog, lang="en", tab="pricing")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        drawn: list[tuple[str, str]] = []
        refresh = screen._compositor_refresh

        def recorded() -> None:
            tab = str(app.query_one("#--content-tab-pricing").label)  # type: ignore[attr-defined]
            drawn.append((tab, str(app.query_one("#totals", CellTable).heading("total"))))
            refresh()

        screen._compositor_refresh = recorded  # type: ignore[method-assign]
        await pilot.press("L")
        await settled(app, pilot)
        assert drawn and drawn[-1] == ("4 价格", ZH("pricing.per_month"))
        assert set(drawn) <= {("4 Pricing", EN("pricing.per_month")), ("4 价格", ZH("pricing.per_month"))}, drawn


@sync
async def test_switching_language_keeps_the_benchmark_safety_and_deck(catalog: Catalog) -> None:
    from gpt4o_tui.tui.panes.benchmarks import BenchmarksPane
    from gpt4o_tui.tui.presentation import DeckScreen
    from gpt4o_tui.tui.widgets.model_toggles import ModelToggles

    app = SteadyApp(catalog, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(
            "3", "down", "down", "2", "down", "down", "down", "g", "pagedown", "s", "p", "m", "right", "space"
        )
        pane = app.query_one(BenchmarksPane)

        def chosen() -> tuple[object, ...]:
            return (
                pane.selected,
                pane.view,
                pane.hidden,
                pane.sort_key,
                pane.peer,
                pane.mix,
                app.query_one(ModelToggles).cursor,
                app.query_one("#grouped-view").scroll_y,
            )

        before = chosen()
        assert before[-1] > 0
        await pilot.press("L")
        await pilot.pause()
        assert app.query_one(BenchmarksPane) is pane, "the pane stays; only its words change"
        assert chosen() == before and pane.selected == "mgsm" and pane.hidden == {"gemini-1.5-flash"}
        assert app.focused is not None and app.focused.id == "toggles"
        assert "分组（v：下一个）" in screen_text(app)
        await pilot.press("escape", "3")
        assert app.query_one("#stages", OptionList).highlighted == 2
        assert "第 3 步，共 5 步 · 评估" in screen_text(app)
        await pilot.press("f5", "space", "space", "space")
        assert isinstance(app.screen, DeckScreen) and app.screen.index == 3
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, DeckScreen) and app.screen.index == 3
        assert "GPT-4o mini against the other small models" in screen_text(app)


# Keys that leave each pane in a state of its own: a scroll, a chosen benchmark and
# view, a stage, and a calculator with moved sliders, batch, a preset's images and
# more turns.
PANE_STATES = {
    "specs": ("1", "down", "down"),
    "benchmarks": ("2", "down", "down", "v", "s"),
    "safety": ("3", "down", "down"),
    "pricing": ("4", "right", "right", "tab", "tab", "tab", "tab", "right", "b", "l"),
}


async def settled(app: SteadyApp, pilot: Pilot) -> str:
    """The screen once it stops changing (a table drawn a frame after the totals, the
    footer after the focus, a scroll given back after a refresh)."""
    shown = None
    for _ in range(40):
        await pilot.pause(0.05)
        now = screen_text(app)
        if now == shown:
            return now
        shown = now
    raise AssertionError("the screen kept changing")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("pane", list(PANE_STATES))
@pytest.mark.parametrize("start", ["en", "zh"])
def test_a_switch_shows_what_a_start_in_that_language_shows(
    catalog: Catalog, start: str, pane: str, size: tuple[int, int]
) -> None:
    """Panes take their new words in place (tui/retell.py), not rebuilt: whatever a
    widget kept, the screen after L is the screen of the same keys pressed in an app
    started in the other language."""
    other = "zh" if start == "en" else "en"

    async def after(lang: str, switch: bool) -> str:
        app = SteadyApp(catalog, lang=lang)
        async with app.run_test(size=size) as pilot:
            await pilot.press(*PANE_STATES[pane])
            await pilot.pause()
            if switch:
                await pilot.press("L")
            return await settled(app, pilot)

    async def both() -> tuple[str, str]:
        return await after(start, switch=True), await after(other, switch=False)

    switched, started = asyncio.run(both())
    assert switched == started


@sync
async def test_switching_on_specs_keeps_its_focus_and_scroll(catalog: Catalog) -> None:
    from gpt4o_tui.tui.panes.specs import SpecsPane

    app = SteadyApp(catalog, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("pagedown")
        await pilot.pause()
        scrolled = app.query_one(SpecsPane).scroll_y
        assert scrolled > 0
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.focused, SpecsPane) and app.focused.scroll_y == scrolled
        await pilot.press("home")
        await pilot.pause()
        assert app.query_one(SpecsPane).scroll_y == 0


@sync
async def test_a_typed_L_is_a_letter_not_a_switch(catalog: Catalog) -> None:
    app = SteadyApp(catalog, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        app.query_one("#text", TextArea).focus()
        await pilot.press("L")
        assert app.language.code == "en" and app.query_one("#text", TextArea).text == "L"


@sync
async def test_the_palette_speaks_the_language(catalog: Catalog) -> None:
    app = SteadyApp(catalog, lang="zh")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        shown = screen_text(app)
        assert "搜索命令…" in shown
        await pilot.press(*"zzzz")
        await pilot.pause(0.8)
        assert "没有匹配的命令" in screen_text(app)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "语言：English" in commands and all(any(_wide(ch) for ch in c) for c in commands)


# -- the command line ------------------------------------------------------------


def gpt4o(*args: str, **environ: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "gpt4o_tui", *args], capture_output=True, text=True, env={**env, **environ}, timeout=60
    )


def test_cost_help_follows_the_locale_and_lang_overrides_it() -> None:
    chinese = gpt4o("cost", "--help", LANG="zh_CN.UTF-8")
    assert chinese.returncode == 0
    assert chinese.stdout.startswith("用法：gpt4o-tui cost")
    for words in ("选项", "显示此帮助信息并退出", "每次请求的输入令牌数", "数量可写作 1500、1,500、1.5k 或 2M"):
        assert words in chinese.stdout
    assert not _english_words(
        chinese.stdout.replace("--", " "),
        _names(load())
        | {
            "help",
            "data",
            "DIR",
            "lang",
            "input-tokens",
            "output-tokens",
            "requests-per-day",
            "days",
            "batch",
            "model",
            "format",
            "table",
            "csv",
            "cost",
            "en",
            "zh",
            "ID",
            "LC_ALL",
            "LC_MESSAGES",
            "LANG",
            "images",
            "image-size",
            "WxH",
            "detail",
            "low",
            "high",
            "auto",
            "cached-input-tokens",
            "prices",
            "launch",
            "latest",
            "today",
            "genai-prices",
            "gpt-5-mini",
        },
    )
    english = gpt4o("cost", "--help", "--lang", "en", LANG="zh_CN.UTF-8")
    assert english.stdout.startswith("usage: gpt4o-tui cost") and "input tokens per request" in english.stdout
    assert gpt4o("--lang=zh", "tokens", "--help").stdout.startswith("用法：gpt4o-tui tokens")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("cost", "--input-tokens", "abc", "--output-tokens", "1", "--requests-per-day", "1"),
            "gpt4o-tui cost：参数 --input-tokens：'abc' 不是数量（例如 1500、1.5k、2M）（参见 gpt4o-tui cost --help）",
        ),
        (
            ("cost", "--input-tokens", "5"),
            "gpt4o-tui cost：缺少以下必需参数：--output-tokens, --requests-per-day（参见 gpt4o-tui cost --help）",
        ),
        (
            ("cost", "--input-tokens", "5", "--output-tokens", "1", "--requests-per-day", "1", "--model", "gpt-9x"),
            "gpt4o-tui cost：genai-prices 没有模型 'gpt-9x'（最接近的：gpt-5, gpt-4, gpt-4o, gpt-5.5）",
        ),
        (("tokens", "--sample", "nope"), "gpt4o-tui tokens：未知示例 'nope'（已知：seed-zh, seed-en, receipt-json）"),
        (
            ("tokens", "--file", "/nonexistent/f.txt"),
            "gpt4o-tui tokens：无法读取 /nonexistent/f.txt：No such file or directory",
        ),
    ],
)
def test_cost_and_tokens_errors_in_chinese(args: tuple[str, ...], said: str) -> None:
    result = gpt4o(*args, LANG="zh_CN.UTF-8")
    assert result.returncode == 2
    assert result.stderr == said + "\n"


def test_cost_and_tokens_output_in_chinese() -> None:
    table = gpt4o(
        "cost", "--input-tokens", "500", "--output-tokens", "200", "--requests-per-day", "10k", LC_ALL="zh_CN.UTF-8"
    )
    assert table.returncode == 0
    assert "每天 10,000 次请求" in table.stdout and "58.50 美元" in table.stdout and "4o mini 节省" in table.stdout
    counted = gpt4o("tokens", "--sample", "seed-zh", "--lang", "zh")
    assert "124 个字符" in counted.stdout and "0.000013 美元" in counted.stdout and "未统计" in counted.stdout


def test_machine_output_is_the_same_in_both_languages() -> None:
    args = ("cost", "--input-tokens", "20k", "--output-tokens", "5k", "--requests-per-day", "10", "--format")
    for kind in ("json", "csv"):
        assert gpt4o(*args, kind, "--lang", "zh").stdout == gpt4o(*args, kind, "--lang", "en").stdout
