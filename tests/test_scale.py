"""The sliders' log scale of round numbers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gpt4o_tui.core import scale
from gpt4o_tui.core.counts import INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS

RANGES = [(b.low, b.high) for b in (INPUT_BOUNDS, OUTPUT_BOUNDS, REQUESTS_BOUNDS)]
ranges = st.sampled_from(RANGES)


def test_ladders_are_round_and_bounded() -> None:
    assert scale.ladder(10, 128_000)[:6] == (10, 12, 15, 20, 25, 30)
    assert scale.ladder(10, 128_000)[-3:] == (100_000, 120_000, 128_000)
    assert scale.ladder(1, 16_384)[:8] == (1, 2, 3, 4, 5, 6, 8, 10)
    assert scale.ladder(1, 1_000_000)[-1] == 1_000_000


def test_ten_small_steps_make_one_big_step() -> None:
    assert scale.step(100, 1, 1_000_000, 10) == 1_000
    assert scale.step(1_000, 1, 1_000_000, -10) == 100
    assert scale.step(500, 10, 128_000, 1) == 600
    assert scale.step(500, 10, 128_000, -1) == 400


@given(ranges, st.data())
def test_a_step_always_moves_to_a_stop_within_range(bounds: tuple[int, int], data: st.DataObject) -> None:
    low, high = bounds
    value = data.draw(st.integers(low, high))
    steps = data.draw(st.integers(-80, 80).filter(bool))
    moved = scale.step(value, low, high, steps)
    assert low <= moved <= high
    assert moved in scale.ladder(low, high)
    if steps > 0:
        assert moved > value or moved == high
    else:
        assert moved < value or moved == low


@given(ranges, st.data())
def test_positions_round_trip_through_every_stop(bounds: tuple[int, int], data: st.DataObject) -> None:
    low, high = bounds
    stop = data.draw(st.sampled_from(scale.ladder(low, high)))
    assert scale.value_at(scale.fraction(stop, low, high), low, high) == stop


@given(ranges, st.floats(-1, 2, allow_nan=False))
def test_any_position_gives_a_stop(bounds: tuple[int, int], position: float) -> None:
    low, high = bounds
    assert scale.value_at(position, low, high) in scale.ladder(low, high)
