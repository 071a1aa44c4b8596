"""How many input tokens an image costs on each model, by each vendor's own
published rule (data/images.toml). A model without a rule there is not priced for
images: the caller says so rather than guess."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from gpt4o_tui.core.catalog import ImageRule
from gpt4o_tui.core.counts import CountError

Detail = Literal["low", "high", "auto"]
DETAILS: tuple[Detail, ...] = ("low", "high", "auto")

# The largest side a person may give an image: far past any camera, small enough
# that the arithmetic stays instant.
MAX_SIDE = 100_000


@dataclass(frozen=True)
class ImageSize:
    width: int
    height: int

    def __post_init__(self) -> None:
        if not (1 <= self.width <= MAX_SIDE and 1 <= self.height <= MAX_SIDE):
            raise CountError("image.side_range", high=MAX_SIDE)


DEFAULT_SIZE = ImageSize(1024, 1024)


def billed_detail(detail: Detail) -> Literal["low", "high"]:
    """`auto` lets the API choose low or high by the image's size, by a threshold it
    does not publish: it is priced as high, the most it can cost."""
    return "low" if detail == "low" else "high"


def tiles(rule: ImageRule, size: ImageSize) -> int:
    """OpenAI's tiling: fit within fit_within × fit_within, then scale the shortest
    side down to shortest_side, then count tile_px tiles. Exact fractions, no
    rounding of the scaled sides."""
    assert rule.fit_within is not None and rule.shortest_side is not None and rule.tile_px is not None
    width, height = Fraction(size.width), Fraction(size.height)
    longest = max(width, height)
    if longest > rule.fit_within:
        width, height = width * rule.fit_within / longest, height * rule.fit_within / longest
    shortest = min(width, height)
    if shortest > rule.shortest_side:
        width, height = width * rule.shortest_side / shortest, height * rule.shortest_side / shortest
    return math.ceil(width / rule.tile_px) * math.ceil(height / rule.tile_px)


def image_tokens(rule: ImageRule, size: ImageSize, detail: Detail = "high") -> int:
    """Input tokens one image costs under the model's rule."""
    if rule.kind == "flat":
        assert rule.tokens is not None
        return rule.tokens
    if rule.kind == "pixels":
        assert rule.pixels_per_token is not None and rule.max_long_edge is not None and rule.max_tokens is not None
        width, height = Fraction(size.width), Fraction(size.height)
        longest = max(width, height)
        if longest > rule.max_long_edge:
            width, height = width * rule.max_long_edge / longest, height * rule.max_long_edge / longest
        return min(math.ceil(width * height / rule.pixels_per_token), rule.max_tokens)
    assert rule.base_tokens is not None and rule.tile_tokens is not None
    if billed_detail(detail) == "low":
        return rule.base_tokens
    return rule.base_tokens + rule.tile_tokens * tiles(rule, size)


def parse_size(text: str) -> ImageSize:
    """`1024x768` (or with × or X, spaces allowed) as an ImageSize. Raises CountError."""
    parts = [part.strip() for part in text.strip().lower().replace("×", "x").split("x")]
    if len(parts) != 2 or not all(part.isascii() and part.isdigit() and len(part) <= 9 for part in parts):
        raise CountError("image.size_format", text=text.strip()[:20])
    return ImageSize(int(parts[0]), int(parts[1]))
