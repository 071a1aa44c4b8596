"""Averages, deltas, orderings and the price-score frontier."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from gpt4o_tui.core import compare
from gpt4o_tui.core.catalog import Catalog, load
from gpt4o_tui.core.compare import Mix, Point

CATALOG = load()
IDS = [m.id for m in CATALOG.compared]


def bench(catalog: Catalog, benchmark_id: str):
    return next(b for b in catalog.benchmarks if b.id == benchmark_id)


def test_averages_leave_na_out_and_say_so(catalog: Catalog) -> None:
    turbo = compare.average(catalog.benchmarks, "gpt-3.5-turbo")
    assert (turbo.taken, turbo.of) == (6, 8)
    # (69.8 + 30.8 + 70.2 + 56.3 + 43.1 + 68.0) / 6 = 56.37, never divided by 8
    assert turbo.value == Decimal("56.4")
    assert compare.average(catalog.benchmarks, "gpt-4o-mini").value == Decimal("70.3")


def test_deltas_are_signed_and_na_is_no_delta(catalog: Catalog) -> None:
    assert compare.delta(bench(catalog, "mmlu"), "gpt-4o-mini", "gemini-1.5-flash") == Decimal("4.1")
    assert compare.delta(bench(catalog, "mathvista"), "gpt-4o-mini", "gemini-1.5-flash") == Decimal("-1.7")
    assert compare.delta(bench(catalog, "mmmu"), "gpt-4o-mini", "gpt-3.5-turbo") is None


def test_ordering_puts_unscored_models_last(catalog: Catalog) -> None:
    assert compare.ordered(catalog, IDS, "chart") == IDS
    assert compare.ordered(catalog, IDS, "mmmu")[-1] == "gpt-3.5-turbo"
    assert compare.ordered(catalog, IDS, "mathvista")[:3] == ["gpt-4o", "gemini-1.5-flash", "gpt-4o-mini"]
    assert compare.ordered(catalog, IDS, "average")[0] == "gpt-4o"


def test_blended_price_at_each_mix(catalog: Catalog) -> None:
    mini = catalog.price("gpt-4o-mini")
    assert compare.blended_price(mini, Mix(3, 1)) == Decimal("0.2625")
    assert compare.blended_price(mini, Mix(1, 1)) == Decimal("0.375")
    assert compare.blended_price(catalog.price("gpt-4o"), Mix(3, 1)) == Decimal("7.5")


def test_the_frontier_on_the_launch_chart(catalog: Catalog) -> None:
    mix = compare.MIXES[0]
    for benchmark in catalog.benchmarks:
        on = [p.model_id for p in compare.frontier(compare.points(catalog, benchmark, IDS, mix))]
        if benchmark.id == "mathvista":
            assert on == ["gpt-4o-mini", "gemini-1.5-flash", "gpt-4o"]
        else:
            assert on == ["gpt-4o-mini", "gpt-4o"], benchmark.id
    mmmu = compare.points(catalog, bench(catalog, "mmmu"), IDS, mix)
    assert "gpt-3.5-turbo" not in {p.model_id for p in mmmu}, "n/a is never plotted as 0"


def test_hiding_the_subject_changes_the_frontier(catalog: Catalog) -> None:
    without_mini = [m for m in IDS if m != "gpt-4o-mini"]
    mmlu = compare.points(catalog, bench(catalog, "mmlu"), without_mini, compare.MIXES[0])
    assert [p.model_id for p in compare.frontier(mmlu)] == ["claude-3-haiku", "gemini-1.5-flash", "gpt-4o"]


points = st.lists(
    st.builds(
        Point,
        model_id=st.text(min_size=1, max_size=4),
        price=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100"), places=2),
        score=st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=1),
    ),
    min_size=1,
    max_size=12,
)


@given(points)
def test_frontier_is_exactly_the_undominated_points(candidates: list[Point]) -> None:
    on = compare.frontier(candidates)
    assert on, "some point is always undominated"
    for point in candidates:
        beaten = any(compare.dominates(other, point) for other in candidates)
        assert (point in on) == (not beaten)
    prices = [p.price for p in on]
    assert prices == sorted(prices)
    scores = [p.score for p in on]
    assert all(a <= b for a, b in pairwise(scores)), "dearer frontier points score higher"


@given(points)
def test_every_point_off_the_frontier_is_beaten_by_one_on_it(candidates: list[Point]) -> None:
    on = compare.frontier(candidates)
    for point in candidates:
        if point not in on:
            assert any(compare.dominates(q, point) for q in on)
