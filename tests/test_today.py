"""Today's prices from genai-prices' shipped snapshot, beside the launch's."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gpt4o_tui.__main__ import main
from gpt4o_tui.core import costs, today
from gpt4o_tui.core.catalog import Catalog
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.text import pricing
from gpt4o_tui.text.i18n import ENGLISH

CENT = Decimal("0.01")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def cost_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["cost", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_done_when_example_is_genai_prices_own_total(capsys: pytest.CaptureFixture[str]) -> None:
    from genai_prices import Usage, calc_price

    document = cost_json(
        capsys, "--input-tokens", "500", "--output-tokens", "200", "--requests-per-day", "10k", "--model", "gpt-5-mini"
    )
    [row] = document["results"]
    own = calc_price(Usage(input_tokens=500, output_tokens=200), "gpt-5-mini", provider_id="openai")
    assert Decimal(row["total_usd"]) == Decimal(own.total_price) * 300_000
    assert row["model"] == "openai:gpt-5-mini" and row["rate"] == "today"
    assert row["price_source"] == f"genai-prices {today.version()}"
    assert row["price_sources"] == ["genai-prices"]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(10, 128_000), st.integers(1, 16_384), st.integers(1, 1_000_000))
def test_where_data_and_genai_prices_agree_the_maths_agrees_to_the_cent(
    catalog: Catalog, text: int, out: int, per_day: int
) -> None:
    """GPT-4o mini's launch price is also its price today ($0.15 / $0.60): gpt4o-tui's
    maths and genai-prices' calc_price give the same bill."""
    model = catalog.subject
    mine = costs.model_cost(catalog, model, Workload(text, out, per_day))
    theirs = today.model_cost(today.for_catalog_model(model), Workload(text, out, per_day))
    assert (catalog.price(model.id).input, catalog.price(model.id).output) == (
        theirs.model.input_mtok,
        theirs.model.output_mtok,
    )
    assert cents(mine.total_usd) == cents(theirs.total_usd)


def test_tiers_are_the_package_s_own(catalog: Catalog) -> None:
    """Gemini 1.5 Flash is tiered at 128K today: a 200K prompt pays the package's upper tier."""
    from genai_prices import Usage, calc_price

    flash = today.for_catalog_model(catalog.model("gemini-1.5-flash"))
    assert flash is not None and flash.tiered
    result = today.model_cost(flash, Workload(200_000, 1_000, 1, 1))
    own = calc_price(Usage(input_tokens=200_000, output_tokens=1_000), "gemini-1.5-flash", provider_id="google")
    assert result.total_usd == Decimal(own.total_price)
    assert result.input_usd != flash.input_mtok * 200_000 / 1_000_000  # not the first tier's rate


def test_cached_input_at_the_cached_rate_today_and_said_at_launch(capsys: pytest.CaptureFixture[str]) -> None:
    args = (
        "--input-tokens",
        "1000",
        "--output-tokens",
        "100",
        "--requests-per-day",
        "1",
        "--days",
        "1",
        "--model",
        "gpt-4o-mini",
        "--cached-input-tokens",
        "400",
    )
    [now] = cost_json(capsys, *args, "--prices", "today")["results"]
    assert now["input_usd"] == "0.00012"  # 600 × $0.15 + 400 × $0.075, per 1M
    [then] = cost_json(capsys, *args)["results"]
    assert then["input_usd"] == "0.00015"
    assert any("no cached price existed at launch" in note for note in then["price_notes"])


@pytest.mark.parametrize(
    ("model", "said"),
    [
        ("gpt-5-minii", "genai-prices knows no model 'gpt-5-minii' (closest: gpt-5-mini"),
        (
            "zai-org/glm-5.2",
            "'zai-org/glm-5.2' is at several providers in genai-prices; name one as provider:model "
            "(arcee, baseten, huggingface_novita",
        ),
    ],
)
def test_an_unknown_or_ambiguous_model_gets_one_line(model: str, said: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gpt4o_tui",
            "cost",
            "--input-tokens",
            "1",
            "--output-tokens",
            "1",
            "--requests-per-day",
            "1",
            "--model",
            model,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and said in result.stderr, result.stderr


def test_a_provider_can_be_named(capsys: pytest.CaptureFixture[str]) -> None:
    [row] = cost_json(
        capsys,
        "--input-tokens",
        "1",
        "--output-tokens",
        "1",
        "--requests-per-day",
        "1",
        "--model",
        "novita:zai-org/glm-5.2",
    )["results"]
    assert row["model"] == "novita:zai-org/glm-5.2"


def test_searching_finds_a_model_by_a_few_letters() -> None:
    found = today.search("haiku 4-5")
    assert any(m.ref == "anthropic:claude-haiku-4-5" for m in found)
    assert all("haiku" in m.search_text and "4-5" in m.search_text for m in found)
    assert len(today.models()) > 1_000


def test_the_package_is_not_imported_until_today_is_asked_for() -> None:
    probe = (
        "import sys\nfrom gpt4o_tui.__main__ import main\n"
        "main(['cost', '--input-tokens', '1', '--output-tokens', '1', '--requests-per-day', '1', '--format', 'csv'])\n"
        "print('genai_prices' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_l_moves_the_calculator_from_launch_to_latest_to_today_and_back(catalog: Catalog) -> None:
    from textual.widgets import Static

    from gpt4o_tui.tui.panes.pricing import PricingPane
    from tests.conftest import SteadyApp
    from tests.test_app import drive, totals

    async def scenario(app: SteadyApp, pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        seen = []
        for _ in range(4):
            seen.append((pane.prices, totals(app)["gemini-1.5-flash"]))
            await pilot.press("l")
            await pilot.pause()
        assert seen == [("launch", "$115.50"), ("latest known", "$29.25"), ("today", "$29.25"), ("launch", "$115.50")]
        await pilot.press("l")
        await pilot.pause()
        notes = str(app.query_one("#cost-notes", Static).render())
        assert f"genai-prices {today.version()}" in notes
        scenario_json = json.loads(pane.scenario("json"))
        assert scenario_json["workload"]["prices"] == "today"
        assert {r["price_source"] for r in scenario_json["results"]} == {f"genai-prices {today.version()}"}

    drive(SteadyApp(catalog), scenario)


def test_a_model_from_the_picker_joins_the_totals_and_leaves_again(catalog: Catalog) -> None:
    from textual.widgets import DataTable, Static

    from gpt4o_tui.tui.panes.pricing import PricingPane
    from gpt4o_tui.tui.panes.pricing.picker import ModelPicker
    from tests.conftest import SteadyApp
    from tests.test_app import drive, totals

    async def scenario(app: SteadyApp, pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("4", "o")
        await pilot.pause()
        assert isinstance(app.screen, ModelPicker)
        await pilot.press(*"anthropic haiku 4.5")
        await pilot.pause()
        table = app.screen.query_one("#picker-results", DataTable)
        assert [row.value for row in table.rows][:1] == ["anthropic:claude-haiku-4-5"]  # openrouter's follow
        await pilot.press("enter")
        await pilot.pause()
        pane = app.query_one(PricingPane)
        assert pane.others == ("anthropic:claude-haiku-4-5",)
        assert totals(app)["anthropic:claude-haiku-4-5"] == "$450.00"  # 150M × $1 + 60M × $5, per 1M
        assert "no launch price" in str(app.query_one("#cost-notes", Static).render())
        document = json.loads(pane.scenario("json"))
        assert document["results"][-1]["model"] == "anthropic:claude-haiku-4-5"
        assert document["results"][-1]["price_source"] == f"genai-prices {today.version()}"
        await pilot.press("o", *"anthropic haiku 4.5", "enter")  # chosen again: taken away
        await pilot.pause()
        assert pane.others == () and "anthropic:claude-haiku-4-5" not in totals(app)

    drive(SteadyApp(catalog), scenario, size=(80, 24))


def test_the_calculator_s_cached_input_follows_the_input_and_is_priced_as_cost_prices_it(
    catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    from textual.widgets import Input, Static

    from gpt4o_tui.core import scenario as scenarios
    from gpt4o_tui.tui.panes.pricing import PricingPane
    from gpt4o_tui.tui.widgets.log_slider import CountSlider
    from tests.conftest import SteadyApp
    from tests.test_app import drive, totals

    workload = ("--input-tokens", "500", "--output-tokens", "200", "--requests-per-day", "10000")
    expected = {
        prices: {
            row["model"]: row["total_usd"]
            for row in cost_json(capsys, *workload, "--cached-input-tokens", "300", "--prices", prices)["results"]
        }
        for prices in ("launch", "today")
    }

    async def scenario(app: SteadyApp, pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("4")
        pane = app.query_one(PricingPane)
        cached = app.query_one("#cached-input", CountSlider)

        async def type_into(slider: CountSlider, count: str) -> None:
            field = slider.query_one(Input)
            field.value = ""
            field.focus()
            await pilot.press(*count, "enter")

        await type_into(cached, "900")
        await pilot.pause()
        assert pane.workload.cached_input_tokens == 0  # more than the 500 input tokens: refused
        assert "500" in str(cached.query_one(".count-error", Static).render())
        await type_into(cached, "300")
        await pilot.pause()
        assert pane.workload.cached_input_tokens == 300
        launch = totals(app)
        assert launch["gpt-4o-mini"] == f"${Decimal(expected['launch']['gpt-4o-mini']):,}"
        assert "no cached price existed at launch" in str(app.query_one("#cost-notes", Static).render())
        await pilot.press("l", "l")
        await pilot.pause()
        assert pane.prices == "today"
        assert totals(app)["gpt-4o-mini"] == f"${Decimal(expected['today']['gpt-4o-mini']):,}"
        assert totals(app)["gpt-4o-mini"] != launch["gpt-4o-mini"]  # read from the cache at its own rate
        assert scenarios.parse(pane.scenario("json")).workload.cached_input_tokens == 300
        await type_into(app.query_one("#input-tokens", CountSlider), "100")
        await pilot.pause()
        assert pane.workload.cached_input_tokens == 100  # follows the input down
        assert cached.slider.bounds.high == 100

    drive(SteadyApp(catalog), scenario, size=(80, 24))


def test_a_scenario_reading_more_cached_input_than_input_is_refused() -> None:
    from gpt4o_tui.core import scenario as scenarios

    base = {"input_tokens": 500, "output_tokens": 200, "requests_per_day": 10}
    assert scenarios.parse(json.dumps({"workload": base})).workload.cached_input_tokens == 0
    with pytest.raises(scenarios.ScenarioError) as refused:
        scenarios.parse(json.dumps({"workload": {**base, "cached_input_tokens": 501}}))
    assert refused.value.said.key == "scenario.cached_too_many"


def test_the_app_s_cached_input_flag_must_fit_the_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--no-config", "--input-tokens", "500", "--cached-input-tokens", "501"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "gpt4o-tui: --cached-input-tokens 501 is more than the 500 input tokens per request"
    ]


def test_with_the_batch_api_today_s_rates_are_those_the_bill_is_priced_at(catalog: Catalog) -> None:
    """Batch on at today's prices: the totals are genai-prices' batch prices, so the
    rates beside them are too, marked * as the launch's batch rates are; a model with
    no batch price keeps its standard rates, unmarked."""
    workload = Workload(123_904, 4_096, 1_000_000)
    standard = {r.model.id: r for r in today.monthly(catalog, workload)}
    for result in today.monthly(catalog, workload, batch=True):
        listed = standard[result.model.id]
        priced_at = (
            (result.rate.input * workload.input_tokens + result.rate.output * workload.output_tokens)
            * (workload.requests)
            / 1_000_000
        )
        assert priced_at == result.total_usd, result.model.id
        marked = pricing.rates_cell(result, ENGLISH).endswith("*")
        assert marked == (result.total_usd < listed.total_usd) == result.rate.batch, result.model.id
    assert (
        pricing.rates_cell(
            next(r for r in today.monthly(catalog, workload, batch=True) if r.model.id == "gpt-4o"), ENGLISH
        )
        == "$2.50/$7.50*"
    )
