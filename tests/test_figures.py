"""Every figure as ../shared/reference/facts.md gives it, with its caveat wherever it
goes: the core, the panes, the deck, `cost` and the exports."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Static

from gpt4o_tui.__main__ import main
from gpt4o_tui.core import costs
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.text import money, report
from gpt4o_tui.text.deck import slides
from gpt4o_tui.text.i18n import ENGLISH, language
from tests.conftest import SteadyApp
from tests.screens import screen_text

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_812cbd5f29604e60.txt"
# The launch post's exact words, as the claims quote them.
LAUNCH_POST_WORDS = {
    "more than 60% cheaper than GPT-3.5 Turbo",
    "the cost per token of GPT-4o mini has dropped by 99% since text-davinci-003, a less capable model "
    "introduced in 2022",
    "an order of magnitude more affordable than previous frontier models",
    "60 cents per 1M output tokens (roughly the equivalent of 2500 pages in a standard book)",
}


def cost_document(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["cost", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def screen(catalog: Catalog, keys: tuple[str, ...], lang: str = "en", size: tuple[int, int] = (120, 40)) -> str:
    async def run() -> str:
        app = SteadyApp(catalog, lang=lang)
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            return screen_text(app)

    return asyncio.run(run())


# -- the core ---------------------------------------------------------------------


def test_batch_compares_batch_with_batch(catalog: Catalog) -> None:
    """GPT-3.5 Turbo has a Batch API price: the saving is 64.5 %, not 82.3 %."""
    results = {r.model.id: r for r in costs.monthly(catalog, Workload(), batch=True)}
    turbo = results["gpt-3.5-turbo"]
    assert (turbo.rate.kind, turbo.rate.input, turbo.rate.output) == ("batch", Decimal("0.25"), Decimal("0.75"))
    saving = costs.saving(results["gpt-4o-mini"], turbo)
    assert saving is not None and money.format_percent(saving.percent) == "64.5%"


def test_fine_tuning_is_dated_with_its_training_price(catalog: Catalog) -> None:
    tuning = next(c for c in catalog.price_changes if "Fine-tuning" in c.summary)
    assert tuning.date.isoformat() == "2024-07-23" and not tuning.sets_list_price
    assert "training $3.00 per 1M tokens" in tuning.summary and "$0.30 input / $1.20 output" in tuning.summary
    assert tuning.caveat and "later page" in tuning.caveat and "openai-changelog" in tuning.sources


def test_the_instruction_hierarchy_has_no_developer_tier(catalog: Catalog) -> None:
    stage = next(m for m in catalog.safety if m.stage == "Instruction hierarchy")
    assert "system messages (the application developer's instructions) outrank user messages" in stage.detail
    assert "developer and user" not in stage.detail and "开发者和用户消息" not in stage.detail_zh
    assert "系统消息（应用开发者的指令）优先于用户消息" in stage.detail_zh


def test_haiku_keeps_the_charts_figures_and_says_anthropics(catalog: Catalog) -> None:
    reported = {b.id: b.reported.get("claude-3-haiku") for b in catalog.benchmarks}
    assert {k: v for k, v in reported.items() if v is not None} == {
        "mmlu": Decimal("75.2"),
        "mgsm": Decimal("75.1"),
        "gpqa": Decimal("33.3"),
    }
    mmlu = next(b for b in catalog.benchmarks if b.id == "mmlu")
    assert mmlu.score("claude-3-haiku") == Decimal("73.8")  # the chart's figure is the one ranked


def test_davinci_cannot_hold_a_request_over_its_context(catalog: Catalog) -> None:
    davinci = catalog.model("text-davinci-003")
    assert (davinci.context_window, davinci.tokenizer) == (4096, "p50k_base")
    assert costs.request_problem(davinci, Workload(4_000, 96, 1)) is None
    problem = costs.request_problem(davinci, Workload(4_000, 97, 1))
    assert problem is not None and ENGLISH.say(problem) == "4,000 + 97 tokens exceed its 4,096-token context window"
    claim = next(c for c in catalog.claims if c.against == "text-davinci-003")
    assert claim.note and "p50k_base" in claim.note and "o200k_base" in claim.note


def test_the_later_gpt4o_snapshot_leaves_the_launch_column(catalog: Catalog) -> None:
    snapshot = next(c for c in catalog.price_changes if c.model == "gpt-4o")
    assert snapshot.date.isoformat() == "2024-08-06" and not snapshot.sets_list_price
    assert "$2.50 / $10.00" in snapshot.summary and "16,384" in snapshot.summary and "2024-10-02" in snapshot.summary
    latest = catalog.latest().price("gpt-4o")
    assert (latest.input, latest.output) == (Decimal("5.00"), Decimal("15.00"))


def test_deprecations_are_dated_and_the_unconfirmed_one_says_so(catalog: Catalog) -> None:
    turbo, mini = catalog.deprecation("gpt-3.5-turbo"), catalog.deprecation("gpt-4o-mini")
    assert turbo is not None and (turbo.date.isoformat(), turbo.status, turbo.successor) == (
        "2026-10-23",
        "shut down",
        "gpt-4.1-mini",
    )
    assert mini is not None and (mini.date.isoformat(), mini.status) == ("2027-01-14", "scheduled")
    assert mini.caveat and mini.caveat.startswith("unconfirmed")


def test_the_arena_figure_stands_behind_the_chat_preference_claim(catalog: Catalog) -> None:
    arena = next(f for f in catalog.facts if f.label == "Chatbot Arena")
    assert all(figure in arena.value for figure in ("1280", "2024-07-22", "1287", "1228", "1257"))
    preference = next(f for f in catalog.facts if f.label == "Chat preference")
    assert preference.caveat and "unconfirmed" in preference.caveat


def test_quotations_are_the_sources_words(catalog: Catalog) -> None:
    assert {c.text for c in catalog.claims} == LAUNCH_POST_WORDS
    if SEED.is_file():  # the seed lives in the project's shared folder beside the checkout
        # The seed is hard-wrapped: compare without white space.
        seed = "".join(SEED.read_text(encoding="utf-8").split())
        for claim in catalog.claims:
            assert "".join(claim.text_zh.split()) in seed, claim.text_zh
    paraphrase = next(c for c in catalog.claims if c.against == "gpt-4o")
    assert paraphrase.note_zh and "便宜了许多" in paraphrase.note_zh and "一个数量级" in paraphrase.note_zh


# -- the command line and the exports ----------------------------------------------


def test_a_request_a_model_cannot_run_has_no_money(capsys: pytest.CaptureFixture[str]) -> None:
    args = (
        "--input-tokens",
        "5000",
        "--output-tokens",
        "200",
        "--requests-per-day",
        "10",
        "--model",
        "text-davinci-003",
        "--model",
        "gpt-4o-mini",
    )
    davinci, mini = cost_document(capsys, *args)["results"]
    assert (davinci["input_usd"], davinci["output_usd"], davinci["total_usd"]) == (None, None, None)
    assert davinci["problem"] == "5,000 + 200 tokens exceed its 4,096-token context window"
    assert mini["total_usd"] is not None
    assert main(["cost", *args, "--format", "csv"]) == 0
    rows = {row["model"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert (rows["text-davinci-003"]["total_usd"], rows["text-davinci-003"]["input_usd"]) == ("", "")
    assert rows["gpt-4o-mini"]["total_usd"] == mini["total_usd"]


def test_cost_carries_each_prices_notes_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("--input-tokens", "500", "--output-tokens", "200", "--requests-per-day", "10000", "--batch")
    rows = {r["model"]: r for r in cost_document(capsys, *args)["results"]}
    assert rows["claude-3-haiku"]["price_notes"] == ["Anthropic's own page was not retrieved."]
    assert rows["gpt-3.5-turbo"]["price_sources"] == ["litellm", "openai-deprecations"]
    assert any("shut down 2026-10-23" in note for note in rows["gpt-3.5-turbo"]["price_notes"])
    assert any("unconfirmed" in note for note in rows["gpt-4o-mini"]["price_notes"])
    assert main(["cost", *args, "--format", "csv"]) == 0
    csv_rows = {row["model"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert csv_rows["gpt-3.5-turbo"]["price_sources"] == "litellm;openai-deprecations"
    assert main(["cost", *args]) == 0
    table = " ".join(capsys.readouterr().out.split())
    assert "Claude 3 Haiku: Anthropic's own page was not retrieved. [llm-prices]" in table
    # GPT-4o mini's batch rate, $0.075, gives the rates column three decimals.
    assert "GPT-3.5 Turbo $0.250/$0.750 batch $82.50 $53.25 (64.5%)" in table


def test_the_markdown_export_keeps_the_notes(catalog: Catalog) -> None:
    workload = Workload()
    results = report.price(catalog, workload, catalog.compared, False)
    markdown = report.scenario_markdown(catalog, workload, False, "launch", results)
    assert "- Claude 3 Haiku: Anthropic's own page was not retrieved. [llm-prices]" in markdown
    assert "- GPT-4o: [litellm]" in markdown
    chinese = report.scenario_markdown(catalog, workload, False, "launch", results, language("zh"))
    assert "Claude 3 Haiku：未能取得 Anthropic 官方价格页面。 [llm-prices]" in chinese


def test_latest_prices_say_which_change_they_come_from(catalog: Catalog) -> None:
    notes = report.price_notes(catalog.latest(), "gemini-1.5-flash")
    assert notes[0] == "Price since 2024-08-08."
    assert "2024-08-12" in notes[1] and "unconfirmed" in notes[1]


# -- the deck ------------------------------------------------------------------------


def test_every_slide_keeps_the_marks_the_panes_carry(catalog: Catalog) -> None:
    price, _, mmlu, small, workload, images, since, _ = slides(catalog, today_read=True)
    assert ("Claude 3 Haiku", "≈1,600 tokens, $0.00040") in images.compared
    assert any(note.startswith("Claude 3 Haiku: Anthropic gives the rule as an approximation") for note in images.notes)
    assert ("Claude 3 Haiku²", "$0.25 / $1.25") in price.compared
    assert "² Claude 3 Haiku: Anthropic's own page was not retrieved." in price.notes
    assert "‡ Claude 3 Haiku: its maker reports 75.2; the chart's 73.8 is shown and ranked." in mmlu.notes
    assert "MathVista, where Gemini 1.5 Flash scores 58.4° to its 56.7°" in small.lines[0]
    assert any(note.startswith("° chart only") for note in small.notes)
    assert any("shut down 2026-10-23" in note for note in workload.notes)
    assert since.unit == "the latest dated change to a list price in the data"
    assert any("2024-08-12" in note for note in since.notes)


# -- the panes -------------------------------------------------------------------------


def test_the_panes_show_the_new_figures_and_caveats(catalog: Catalog) -> None:
    specs = screen(catalog, ("end",))
    assert "gpt-3.5-turbo-0125 shut down 2026-10-23, OpenAI names gpt-4.1-mini instead" in specs
    assert "⚠ unconfirmed: litellm lists this date" in specs
    explain = screen(catalog, ("2", *["down"] * 7, "i"))  # MathVista, the last benchmark
    assert "4o mini 56.7°" in explain and "Flash 58.4°" in explain
    table = screen(catalog, ("2",))
    assert "73.8 ‡" in table and "‡ its maker reports another figure" in table


def test_the_pricing_pane_reads_its_claims_and_dates_its_history(catalog: Catalog) -> None:
    async def run() -> tuple[str, str]:
        app = SteadyApp(catalog)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("4")
            await pilot.pause()
            return (str(app.query_one("#claims", Static).render()), str(app.query_one("#timeline", Static).render()))

    claims, timeline = asyncio.run(run())
    assert "“an order of magnitude more affordable than previous frontier models”: holds" in claims
    assert "Tested as at least 10 times the price, against GPT-4o" in claims
    assert "The app's arithmetic, not the post's" in claims
    assert "2024-07-23 ○ GPT-4o mini: Fine-tuning launched" in timeline
    assert "⚠ The fine-tuned inference price is confirmed only by a later page" in timeline
