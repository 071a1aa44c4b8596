"""The panes' words, rendered from state without a pilot: each renderer in
gpt4o_tui.text says the figures data/ gives, in the language asked for."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console, RenderableType

from gpt4o_tui.core import compare, costs
from gpt4o_tui.core.catalog import Benchmark, Catalog, load
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.counts import INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS
from gpt4o_tui.text import benchmarks, pricing, report, safety, specs
from gpt4o_tui.text.i18n import Language, language

EN, ZH = language("en"), language("zh")


def plain(renderable: RenderableType, width: int = 200) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def bench(catalog: Catalog, benchmark_id: str) -> Benchmark:
    return next(b for b in catalog.benchmarks if b.id == benchmark_id)


# -- Benchmarks -------------------------------------------------------------------


def test_view_name_says_the_view_and_the_key(catalog: Catalog) -> None:
    assert benchmarks.view_name("grouped", EN) == "· Grouped (v: next)"
    assert benchmarks.view_name("grouped", ZH) == "· 分组（v：下一个）"


def test_table_view_words(catalog: Catalog) -> None:
    mathvista = bench(catalog, "mathvista")
    assert plain(benchmarks.chart_title(mathvista, EN)).startswith("MathVista: Math reasoning over images")
    assert "no plain-language example for MathVista" in plain(benchmarks.plain_words(mathvista, EN))
    assert benchmarks.score_note(mathvista, "gpt-3.5-turbo", EN).startswith("text-only: can't read images")
    assert benchmarks.score_note(mathvista, "gpt-4o-mini", EN) == ""
    legend = plain(benchmarks.legend(catalog, EN))
    assert "★ best" in legend and "Haiku MMLU 75.2 (chart 73.8)" in legend


def test_grouped_view_words(catalog: Catalog) -> None:
    header = plain(benchmarks.grouped_header(catalog, "chart", "gemini-1.5-flash", EN))
    assert "Δ 4o mini − Flash (p)" in header
    assert "leads the small models on 7 of 8" in header
    assert "MathVista: Gemini 1.5 Flash 58.4° vs 56.7°" in header
    by_average = plain(benchmarks.grouped_header(catalog, "average", "claude-3-haiku", EN))
    assert "Δ 4o mini − Haiku (p)" in by_average
    title = benchmarks.group_title(bench(catalog, "mathvista"), catalog.subject.id, "gemini-1.5-flash", EN)
    assert title[0] == ("MathVista", "bold") and title[-1] == ("−1.7 ▼", "bold $text-error")
    assert benchmarks.group_title(bench(catalog, "mathvista"), catalog.subject.id, "claude-3-haiku", EN)[-1] == (
        "+10.3 ▲",
        "bold $text-success",
    )
    # GPT-3.5 Turbo has no MathVista or MMMU score: its average is over 6 of the 8.
    assert benchmarks.average_note(compare.average(catalog.benchmarks, "gpt-3.5-turbo"), EN) == "6 of 8"
    assert benchmarks.average_note(compare.average(catalog.benchmarks, "gpt-4o-mini"), EN) == ""


def test_frontier_view_words(catalog: Catalog) -> None:
    mathvista = bench(catalog, "mathvista")
    header = plain(benchmarks.frontier_header(mathvista, compare.MIXES[1], EN))
    assert header.startswith("MathVista score against price") and "1 in : 1 out" in header
    shown = [m.id for m in catalog.compared if m.id != "gpt-4o"]
    words = plain(benchmarks.frontier_words(catalog, mathvista, shown, frozenset({"gpt-4o"}), compare.MIXES[0], EN))
    assert "GPT-4o mini $0.26, Gemini 1.5 Flash $0.53" in words  # 3:1 blends of $0.15/$0.60 and $0.35/$1.05
    assert "Claude 3 Haiku: off it, beaten on both by 4o mini" in words
    assert "GPT-3.5 Turbo: not plotted (n/a)" in words
    assert "Hidden: GPT-4o" in words
    everyone = [m.id for m in catalog.compared]
    assert "Hidden" not in plain(
        benchmarks.frontier_words(catalog, mathvista, everyone, frozenset(), compare.MIXES[0], EN)
    )


def test_explanation_gives_every_score_and_its_sources(catalog: Catalog) -> None:
    text = plain(benchmarks.explanation(bench(catalog, "mathvista"), catalog, EN))
    assert "Accuracy on 6,141 questions" in text
    assert "4o mini 56.7°" in text and "3.5 Turbo n/a" in text
    assert "[mathvista-paper]" in text and "[openai-launch]" in text
    assert "基于图像的数学推理" in plain(benchmarks.explanation(bench(catalog, "mathvista"), catalog, ZH))


# -- Pricing ----------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.integers(INPUT_BOUNDS.low, INPUT_BOUNDS.high),
    st.integers(OUTPUT_BOUNDS.low, OUTPUT_BOUNDS.high),
    st.integers(REQUESTS_BOUNDS.low, REQUESTS_BOUNDS.high),
    st.booleans(),
    st.booleans(),
    st.sampled_from([EN, ZH]),
)
def test_no_step_of_a_slider_needs_a_wider_column_than_the_widest(
    prompt: int, reply: int, requests: int, batch: bool, latest: bool, lang: Language
) -> None:
    """The totals' columns are at least as wide as `widest` says for the prices shown,
    so no workload the sliders can make (text only, batch or not) widens one."""
    priced = load().latest() if latest else load()
    widths = pricing.widest(lang, priced)
    results = costs.monthly(priced, Workload(prompt, reply, requests), batch)
    subject = results[0]
    places = report.column_places(results, subject)
    for result in results:
        cells = (
            pricing.rates_cell(result, lang, places.rates),
            lang.total(result, cell=True, places=places.total),
            lang.saving(subject, result, cell=True, places=places.saving),
        )
        assert all(cell_len(cell) <= width for cell, width in zip(cells, widths, strict=True)), (cells, widths)


def test_volume_and_cost_notes(catalog: Catalog) -> None:
    assert pricing.volume(Workload(), EN) == "= 300,000 requests: 150,000,000 tokens in, 60,000,000 out"
    results = costs.monthly(catalog, Workload(16_000, 1_000, 1), False)
    assert (
        pricing.cost_notes(catalog, results, False, False, EN)
        == "GPT-3.5 Turbo can't run it: 16,000 + 1,000 tokens exceed its 16,385-token context window."
    )


def test_list_prices_and_timeline(catalog: Catalog) -> None:
    prices = plain(pricing.list_prices(catalog, EN))
    assert "GPT-4o mini                $0.15    $0.60     $0.075       $0.30" in prices
    assert "prompts > 128,000" in prices and "text-davinci-003 (2022)   $20.00   $20.00" in prices
    assert "0.15" in plain(pricing.list_prices(catalog, ZH)) and "$" not in plain(pricing.list_prices(catalog, ZH))
    timeline = plain(pricing.timeline(catalog, EN))
    assert timeline.startswith("2024-07-18 ● GPT-4o mini launches")
    assert "2024-07-23 ○ GPT-4o mini: Fine-tuning launched" in timeline


def test_claims_are_checked(catalog: Catalog) -> None:
    text = plain(pricing.claims_text(catalog, EN))
    assert "“more than 60% cheaper than GPT-3.5 Turbo”: holds on input only" in text
    assert "input 70% cheaper ✓ · output 60% cheaper (exactly 60, not more) ✗" in text
    assert "input 99.25% cheaper ✓" in text


def test_conversations_table(catalog: Catalog) -> None:
    text = plain(pricing.conversations(catalog, Workload(), 20, False, EN))
    assert "20 turns of a 500-token message and a 200-token reply" in text
    assert "GPT-3.5 Turbo" in text and "turn 24" in text  # 16,385 tokens fill in the 24th turn
    assert "200: stops at turn 183" in text


# -- Specs and Safety ---------------------------------------------------------------


def test_specs_facts_deprecations_and_peers(catalog: Catalog) -> None:
    facts = plain(specs.facts_table(catalog, EN))
    assert "gpt-4o-mini-2024-07-18 (alias gpt-4o-mini)" in facts and "October 2023" in facts
    gone = plain(specs.deprecations(catalog, EN))
    assert "gpt-3.5-turbo-0125 shut down 2026-10-23" in gone and "⚠ unconfirmed" in gone
    peers = plain(specs.peers_table(catalog, ZH))
    assert "▶ GPT-4o mini          128,000     16,384   文本+图像     0.15     0.60" in peers
    assert "1,048,576" in peers  # Gemini 1.5 Flash's context window


def test_safety_detail_keeps_the_caveat(catalog: Catalog) -> None:
    evaluation = catalog.safety[2]
    text = plain(safety.detail(3, evaluation, len(catalog.safety), EN))
    assert text.startswith("Stage 3 of 5 · Evaluation")
    assert "The 70+ external experts red-teamed GPT-4o, not GPT-4o mini itself." in text
    assert "第 3 步，共 5 步 · 评估" in plain(safety.detail(3, evaluation, len(catalog.safety), ZH))


def test_each_money_column_has_one_number_of_decimals(catalog: Catalog) -> None:
    """A conversation of one short turn costs fractions of a cent on some models and
    more on others: the column shows them all at the decimals the most precise needs."""
    import re

    text = plain(pricing.conversations(catalog, Workload(20, 5, 1), 1, False, EN))
    figures = re.findall(r"\$[\d,]+\.(\d+)", text.split("\n" + "GPT-4o mini, one")[0])
    assert len(figures) == len(catalog.compared)
    assert len({len(decimals) for decimals in figures}) == 1, figures
