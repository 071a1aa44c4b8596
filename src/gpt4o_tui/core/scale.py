"""A logarithmic scale of round numbers for the calculator's sliders.
Nothing here imports Textual."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from functools import cache

# Ten round steps a decade, so ten small steps make one big step (x10).
MANTISSAS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
STEPS_PER_DECADE = len(MANTISSAS)


@cache
def ladder(low: int, high: int) -> tuple[int, ...]:
    """The slider's stops: low, high, and every whole round number between them."""
    stops = {low, high}
    for exponent in range(len(str(high)) + 1):
        for mantissa in MANTISSAS:
            value = mantissa * 10**exponent
            if value == int(value) and low < value < high:
                stops.add(int(value))
    return tuple(sorted(stops))


def step(value: int, low: int, high: int, steps: int) -> int:
    """The stop `steps` away from value (negative: down), clamped to the range.
    A value between stops moves to the neighbouring stop first."""
    stops = ladder(low, high)
    if steps > 0:
        index = bisect_right(stops, value) + steps - 1
    elif steps < 0:
        index = bisect_left(stops, value) + steps
    else:
        return value
    return stops[max(0, min(len(stops) - 1, index))]


def _zero_width(high: int) -> float:
    """A range from 0 gives 0 the width of one stop, then runs 1..high on the log scale."""
    return 1 / (len(ladder(0, high)) - 1)


def fraction(value: int, low: int, high: int) -> float:
    """Where value sits along the range, 0.0 to 1.0, on a log scale."""
    value = max(low, min(high, value))
    if low == 0:
        zero = _zero_width(high)
        return 0.0 if value == 0 else zero + (1 - zero) * fraction(value, 1, high)
    return math.log(value / low) / math.log(high / low)


def value_at(position: float, low: int, high: int) -> int:
    """The stop nearest (on the log scale) to a position from 0.0 to 1.0."""
    position = max(0.0, min(1.0, position))
    if low == 0:
        zero = _zero_width(high)
        return 0 if position < zero / 2 else value_at((position - zero) / (1 - zero), 1, high)
    target = math.log(low) + position * (math.log(high) - math.log(low))
    return min(ladder(low, high), key=lambda stop: abs(math.log(stop) - target))
