"""What a person may type as a count, and the calculator's ranges. It imports
nothing else of gpt4o-tui, so the catalog (which checks presets against the
ranges) and the cost maths both build on it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Said:
    """Something to tell a person: a message key and the values it names, for the
    text layer to word in the person's language."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)


class CountError(ValueError):
    """A typed count that cannot be taken, and why."""

    def __init__(self, key: str, **values: Any) -> None:
        self.said = Said(key, values)
        super().__init__(key)


@dataclass(frozen=True)
class Bounds:
    key: str  # names the slider: bounds.<key> in the message catalog
    low: int
    high: int


# The calculator's ranges: the top of each is GPT-4o mini's own limit.
INPUT_BOUNDS = Bounds("input", 10, 128_000)
OUTPUT_BOUNDS = Bounds("output", 1, 16_384)
REQUESTS_BOUNDS = Bounds("requests", 1, 1_000_000)
TURNS_BOUNDS = Bounds("turns", 1, 200)
# Images per request: from none to a long scanned document.
IMAGES_BOUNDS = Bounds("images", 0, 100)
# Of each request's input tokens, those read from a prompt cache: at most all of them.
CACHED_BOUNDS = Bounds("cached", 0, INPUT_BOUNDS.high)


_COUNT = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kKmM]?)\s*$")
_SUFFIX = {"": 1, "k": 1_000, "m": 1_000_000}


def parse_count(text: str) -> int:
    """A whole count as people type it: 1500, 1,500, 1.5k, 2M. Raises ValueError."""
    match = _COUNT.match(text) if text.isascii() else None
    if match is None:
        raise CountError("count.not_a_count", text=text.strip()[:12])
    value = Decimal(match.group(1).replace(",", "")) * _SUFFIX[match.group(2).lower()]
    if value != value.to_integral_value():
        raise CountError("count.not_whole", text=text.strip()[:12])
    return int(value)


def check_bounds(value: int, bounds: Bounds) -> int:
    if not bounds.low <= value <= bounds.high:
        raise CountError("count.out_of_range", low=bounds.low, high=bounds.high)
    return value
