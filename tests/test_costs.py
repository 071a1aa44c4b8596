"""Cost maths: known answers, and properties over any workload in the calculator's range."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gpt4o_tui.core import costs, counts
from gpt4o_tui.core.catalog import Catalog, load
from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.counts import INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS
from gpt4o_tui.text import money
from gpt4o_tui.text.i18n import ENGLISH

CATALOG = load()
workloads = st.builds(
    Workload,
    input_tokens=st.integers(INPUT_BOUNDS.low, INPUT_BOUNDS.high),
    output_tokens=st.integers(OUTPUT_BOUNDS.low, OUTPUT_BOUNDS.high),
    requests_per_day=st.integers(REQUESTS_BOUNDS.low, REQUESTS_BOUNDS.high),
)


def totals(workload: Workload, batch: bool = False) -> dict[str, Decimal]:
    return {r.model.id: r.total_usd for r in costs.monthly(CATALOG, workload, batch)}


def test_the_issues_known_answer(catalog: Catalog) -> None:
    """10,000 requests/day x 500 input x 200 output tokens x 30 days on GPT-4o mini."""
    workload = Workload(input_tokens=500, output_tokens=200, requests_per_day=10_000, days=30)
    mini = costs.model_cost(catalog, catalog.subject, workload)
    assert mini.input_usd == Decimal("22.5")
    assert mini.output_usd == Decimal("36")
    assert mini.total_usd == Decimal("58.50")
    assert money.format_usd(mini.total_usd) == "$58.50"


def test_every_model_at_the_starting_workload() -> None:
    assert totals(Workload()) == {
        "gpt-4o-mini": Decimal("58.5"),
        "gemini-1.5-flash": Decimal("115.5"),
        "claude-3-haiku": Decimal("112.5"),
        "gpt-3.5-turbo": Decimal("165"),
        "gpt-4o": Decimal("1650"),
    }


def test_batch_halves_only_models_with_a_batch_price() -> None:
    standard, batch = totals(Workload()), totals(Workload(), batch=True)
    assert batch["gpt-4o-mini"] == standard["gpt-4o-mini"] / 2
    assert batch["gpt-4o"] == standard["gpt-4o"] / 2
    assert batch["gpt-3.5-turbo"] == standard["gpt-3.5-turbo"] / 2  # $0.25 / $0.75 (litellm)
    for model_id in ("gemini-1.5-flash", "claude-3-haiku"):
        assert batch[model_id] == standard[model_id]


def test_gemini_charges_its_long_context_rate_above_128k(catalog: Catalog) -> None:
    gemini = catalog.model("gemini-1.5-flash")
    at_limit = costs.model_cost(catalog, gemini, Workload(128_000, 1_000, 1, 1))
    above = costs.model_cost(catalog, gemini, Workload(128_001, 1_000, 1, 1))
    assert not at_limit.long_context_rate and at_limit.input_rate == Decimal("0.35")
    assert above.long_context_rate and (above.input_rate, above.output_rate) == (Decimal("0.70"), Decimal("2.10"))
    assert above.total_usd == Decimal("0.70") * 128_001 / 1_000_000 + Decimal("2.10") * 1_000 / 1_000_000


def test_requests_beyond_a_models_limits_say_so(catalog: Catalog) -> None:
    results = {r.model.id: r for r in costs.monthly(catalog, Workload(16_000, 1_000, 1))}
    assert (
        ENGLISH.say(results["gpt-3.5-turbo"].problem) == "16,000 + 1,000 tokens exceed its 16,385-token context window"
    )
    assert results["gpt-4o-mini"].problem is None
    assert costs.saving(results["gpt-4o-mini"], results["gpt-3.5-turbo"]) is None
    results = {r.model.id: r for r in costs.monthly(catalog, Workload(500, 5_000, 1))}
    assert ENGLISH.say(results["claude-3-haiku"].problem) == "5,000 output tokens exceed its 4,096-token maximum"
    assert results["gemini-1.5-flash"].problem is None


def test_saving_against_gpt_35_turbo(catalog: Catalog) -> None:
    results = {r.model.id: r for r in costs.monthly(catalog, Workload())}
    saving = costs.saving(results["gpt-4o-mini"], results["gpt-3.5-turbo"])
    assert saving is not None
    assert saving.usd == Decimal("106.5")
    assert money.format_percent(saving.percent) == "64.5%"


@given(workloads)
def test_linear_in_requests(workload: Workload) -> None:
    doubled = replace(workload, requests_per_day=workload.requests_per_day * 2)
    once, twice = totals(workload), totals(doubled)
    assert all(twice[m] == 2 * once[m] for m in once)


@given(workloads, st.sampled_from(["input_tokens", "output_tokens", "requests_per_day"]), st.integers(1, 1000))
def test_monotonic_in_every_slider(workload: Workload, field: str, more: int) -> None:
    bigger = replace(workload, **{field: getattr(workload, field) + more})
    before, after = totals(workload), totals(bigger)
    for model_id in before:
        assert after[model_id] >= before[model_id]
        if field != "input_tokens":  # a bigger prompt may only change Gemini's rate upwards
            assert after[model_id] > before[model_id]


@given(workloads, st.booleans(), st.sampled_from([CATALOG, CATALOG.latest()]))
def test_no_workload_a_model_can_run_costs_more_than_its_largest(
    workload: Workload, batch: bool, catalog: Catalog
) -> None:
    for model in catalog.compared:
        largest = costs.largest_runnable(model)
        assert largest, model.id
        for top in largest:
            assert costs.request_problem(model, top) is None, (model.id, top)
            assert INPUT_BOUNDS.low <= top.input_tokens <= INPUT_BOUNDS.high
            assert OUTPUT_BOUNDS.low <= top.output_tokens <= OUTPUT_BOUNDS.high
        result = costs.model_cost(catalog, model, workload, batch)
        if result.problem is None:
            assert result.total_usd <= max(costs.model_cost(catalog, model, w, batch).total_usd for w in largest)
        subject = costs.model_cost(catalog, catalog.subject, workload, batch)
        found = costs.saving(subject, result)
        if found is not None and model is not catalog.subject:
            at_largest = [
                costs.saving(
                    costs.model_cost(catalog, catalog.subject, w, batch), costs.model_cost(catalog, model, w, batch)
                )
                for w in costs.largest_runnable(catalog.subject, model)
            ]
            assert all(at is not None for at in at_largest), model.id
            assert abs(found.usd) <= max(abs(at.usd) for at in at_largest if at is not None)


@given(workloads)
def test_mini_never_costs_more_than_a_peer_on_the_same_request(workload: Workload) -> None:
    results = costs.monthly(CATALOG, workload)
    mini = results[0]
    for peer in results[1:]:
        saving = costs.saving(mini, peer)
        if saving is not None:
            assert saving.usd >= 0
            assert Decimal(0) <= saving.percent < 100


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("0", "$0.00"),
        ("58.5", "$58.50"),
        ("1650", "$1,650.00"),
        ("1234567.891", "$1,234,567.89"),
        ("0.005", "$0.0050"),
        ("0.000063", "$0.000063"),
        ("0.00000075", "$0.00000075"),
        ("0.0000123456", "$0.000012"),
        ("-106.5", "-$106.50"),
        ("0.01", "$0.01"),
        ("0.00999", "$0.0100"),
    ],
)
def test_format_usd(amount: str, shown: str) -> None:
    assert money.format_usd(Decimal(amount)) == shown


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), allow_nan=False, places=12))
def test_format_usd_never_uses_exponents(amount: Decimal) -> None:
    shown = money.format_usd(amount)
    assert "e" not in shown.lower()
    assert shown.lstrip("-").startswith("$")
    assert abs(Decimal(shown.replace("$", "").replace(",", "")) - amount) <= max(abs(amount) / 10, Decimal("0.005"))


@pytest.mark.parametrize(
    ("rate", "shown"), [("0.15", "$0.15"), ("0.075", "$0.075"), ("5.00", "$5.00"), ("20", "$20.00")]
)
def test_format_rate(rate: str, shown: str) -> None:
    assert money.format_rate(Decimal(rate)) == shown


@pytest.mark.parametrize(
    ("typed", "count"),
    [("1500", 1500), ("1,500", 1500), ("1.5k", 1500), ("2M", 2_000_000), (" 42 ", 42), ("128,000", 128_000)],
)
def test_parse_count_accepts_what_people_type(typed: str, count: int) -> None:
    assert counts.parse_count(typed) == count


@pytest.mark.parametrize("typed", ["", "abc", "-5", "1.5", "1e30", "1,50", "１２", "12 34", "0x10", "1.2345k"])
def test_parse_count_refuses_the_rest(typed: str) -> None:
    with pytest.raises(ValueError):
        counts.parse_count(typed)


@given(st.integers(0, 10**12))
def test_parse_count_reads_back_what_the_app_shows(count: int) -> None:
    assert counts.parse_count(f"{count:,}") == count
    assert counts.parse_count(str(count)) == count


def test_bounds_are_the_calculators_ranges() -> None:
    assert (INPUT_BOUNDS.low, INPUT_BOUNDS.high) == (10, 128_000)
    assert (OUTPUT_BOUNDS.low, OUTPUT_BOUNDS.high) == (1, 16_384)
    assert (REQUESTS_BOUNDS.low, REQUESTS_BOUNDS.high) == (1, 1_000_000)
    assert counts.check_bounds(10, INPUT_BOUNDS) == 10
    with pytest.raises(ValueError) as refused:
        counts.check_bounds(9, INPUT_BOUNDS)
    assert "must be from 10 to 128,000" in ENGLISH.say(refused.value.said)


def turn_by_turn(catalog: Catalog, model_id: str, message: int, reply: int, turns: int) -> tuple[Decimal, int | None]:
    """The reference: price every turn on its own, stop at the first that does not fit."""
    model, total = catalog.model(model_id), Decimal(0)
    for turn in range(1, turns + 1):
        one = Workload(costs.turn_prompt(message, reply, turn), reply, 1, 1)
        if costs.request_problem(model, one):
            return total, turn
        total += costs.model_cost(catalog, model, one).total_usd
    return total, None


def test_a_conversation_re_sends_its_history(catalog: Catalog) -> None:
    three = costs.conversation(catalog, catalog.subject, 100, 100, 3)
    # prompts of 100, 300 and 500 tokens, three replies of 100
    assert three.usd == Decimal("0.000315") and three.last_prompt_tokens == 500 and three.full_at is None
    turbo = costs.conversation(catalog, catalog.model("gpt-3.5-turbo"), 500, 200, 30)
    assert turbo.full_at == 24 and turbo.last_prompt_tokens == costs.turn_prompt(500, 200, 23)
    assert costs.first_full_turn(catalog.model("claude-3-haiku"), 500, 5_000) == 1


@given(
    st.sampled_from(["gpt-4o-mini", "gemini-1.5-flash", "claude-3-haiku", "gpt-3.5-turbo", "gpt-4o"]),
    st.integers(1, 40_000),
    st.integers(1, 9_000),
    st.integers(1, 60),
)
def test_closed_form_equals_turn_by_turn(model_id: str, message: int, reply: int, turns: int) -> None:
    closed = costs.conversation(CATALOG, CATALOG.model(model_id), message, reply, turns)
    total, full_at = turn_by_turn(CATALOG, model_id, message, reply, turns)
    assert (closed.usd, closed.full_at) == (total, full_at)


@given(st.integers(1, 5_000), st.integers(1, 2_000), st.integers(1, 100))
def test_a_longer_conversation_costs_more_than_in_proportion(message: int, reply: int, turns: int) -> None:
    mini = CATALOG.subject
    shorter, longer = (costs.conversation(CATALOG, mini, message, reply, n) for n in (turns, turns + 1))
    if longer.full_at is None:
        assert longer.usd * turns > shorter.usd * (turns + 1)
