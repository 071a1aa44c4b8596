"""Comparing models across benchmarks: averages, deltas, orderings, and the
price-quality frontier. n/a is never a zero: it is left out of every average,
rank and frontier."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from gpt4o_tui.core.catalog import Benchmark, Catalog, ModelPrice

TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Average:
    value: Decimal | None
    taken: int  # how many benchmarks the model was scored on
    of: int  # how many there are


def average(benchmarks: Sequence[Benchmark], model_id: str) -> Average:
    """The mean over the benchmarks the model took; those it could not take are left out."""
    scores = [s for b in benchmarks if (s := b.score(model_id)) is not None]
    value = (sum(scores, Decimal(0)) / len(scores)).quantize(TENTH, ROUND_HALF_UP) if scores else None
    return Average(value, len(scores), len(benchmarks))


def delta(benchmark: Benchmark, model_id: str, against: str) -> Decimal | None:
    """model minus against, in points; None where either was not scored."""
    mine, theirs = benchmark.score(model_id), benchmark.score(against)
    return None if mine is None or theirs is None else mine - theirs


def marks(benchmark: Benchmark, model_id: str) -> str:
    """The caveat marks a score carries wherever it is shown: ° only the launch chart
    gives it, ‡ its maker reports another figure."""
    return ("°" if model_id in benchmark.chart_only else "") + ("‡" if model_id in benchmark.reported else "")


SortKey = str  # "chart" (the launch chart's order), "average", or a benchmark id


def sort_keys(catalog: Catalog) -> tuple[SortKey, ...]:
    return ("chart", "average", *(b.id for b in catalog.benchmarks))


def ordered(catalog: Catalog, model_ids: Iterable[str], key: SortKey) -> list[str]:
    """Model ids best first by the key; a model without a score goes last, never ranked."""
    ids = list(model_ids)
    if key == "chart":
        return ids
    if key == "average":
        value = {m: average(catalog.benchmarks, m).value for m in ids}
    else:
        benchmark = next(b for b in catalog.benchmarks if b.id == key)
        value = {m: benchmark.score(m) for m in ids}
    return sorted(ids, key=lambda m: (value[m] is None, -(value[m] or 0)))


@dataclass(frozen=True)
class Mix:
    """Input tokens to output tokens, for a single blended price."""

    input: int
    output: int


MIXES = (Mix(3, 1), Mix(1, 1), Mix(10, 1), Mix(1, 3))


def blended_price(price: ModelPrice, mix: Mix) -> Decimal:
    """USD per 1M tokens at the mix, at the standard (not long-context) rate."""
    return (price.input * mix.input + price.output * mix.output) / (mix.input + mix.output)


@dataclass(frozen=True)
class Point:
    model_id: str
    price: Decimal
    score: Decimal


def points(catalog: Catalog, benchmark: Benchmark, model_ids: Iterable[str], mix: Mix) -> list[Point]:
    """Price and score of each model that took the benchmark (n/a models are left out)."""
    return [
        Point(m, blended_price(catalog.price(m), mix), score)
        for m in model_ids
        if (score := benchmark.score(m)) is not None
    ]


def dominates(a: Point, b: Point) -> bool:
    """a is at least as cheap and at least as good as b, and better in one."""
    return a.price <= b.price and a.score >= b.score and (a.price < b.price or a.score > b.score)


def frontier(candidates: Sequence[Point]) -> list[Point]:
    """The Pareto frontier: points no other point dominates, cheapest first."""
    on = [p for p in candidates if not any(dominates(q, p) for q in candidates)]
    return sorted(on, key=lambda p: (p.price, -p.score))


def dominated_by(candidates: Sequence[Point], point: Point) -> list[Point]:
    return [q for q in candidates if dominates(q, point)]


@dataclass(frozen=True)
class Loss:
    benchmark: Benchmark
    peer_name: str
    theirs: Decimal
    mine: Decimal
    their_marks: str = ""  # the caveat marks each score carries
    my_marks: str = ""


@dataclass(frozen=True)
class SmallModelRecord:
    """How GPT-4o mini fares against the other small models, benchmark by benchmark."""

    leads: int  # benchmarks where no small peer scores above it
    of: int
    losses: tuple[Loss, ...]


def small_model_record(catalog: Catalog) -> SmallModelRecord:
    subject = catalog.subject
    small_peers = [m for m in catalog.compared if m.tier == "small" and m.role == "peer"]
    losses = tuple(
        Loss(benchmark, peer.name, theirs, mine, marks(benchmark, peer.id), marks(benchmark, subject.id))
        for benchmark in catalog.benchmarks
        if (mine := benchmark.score(subject.id)) is not None
        for peer in small_peers
        if (theirs := benchmark.score(peer.id)) is not None and theirs > mine
    )
    beaten = {loss.benchmark.id for loss in losses}
    return SmallModelRecord(len(catalog.benchmarks) - len(beaten), len(catalog.benchmarks), losses)
