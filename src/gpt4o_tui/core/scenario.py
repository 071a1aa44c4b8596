"""A scenario saved by the calculator's export (or `cost --format json`), read back
into the state the calculator shows: the workload, Batch API, which prices, and the
conversation's turns. Nothing here imports Textual or holds words: a document that
cannot be taken is a `ScenarioError` with a message key."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from gpt4o_tui.core.costs import Workload
from gpt4o_tui.core.counts import (
    CACHED_BOUNDS,
    IMAGES_BOUNDS,
    INPUT_BOUNDS,
    OUTPUT_BOUNDS,
    REQUESTS_BOUNDS,
    TURNS_BOUNDS,
    Bounds,
    CountError,
    Said,
    check_bounds,
)
from gpt4o_tui.core.images import DETAILS, parse_size

PRICES = ("launch", "latest known", "today")
# The calculator prices a month of 30 days.
DAYS = 30


@dataclass(frozen=True)
class Scenario:
    workload: Workload
    batch: bool = False
    prices: str = "launch"  # "launch", "latest known" or "today"
    turns: int | None = None  # None: the calculator's own
    others: tuple[str, ...] = ()  # models added from genai-prices, as provider:model


class ScenarioError(ValueError):
    """A scenario document that cannot be reopened, and why."""

    def __init__(self, key: str, **values: Any) -> None:
        self.said = Said(key, values)
        super().__init__(key)


_COUNTS = {
    "input_tokens": INPUT_BOUNDS,
    "output_tokens": OUTPUT_BOUNDS,
    "requests_per_day": REQUESTS_BOUNDS,
    "images": IMAGES_BOUNDS,
    "cached_input_tokens": CACHED_BOUNDS,
}
# Counts a scenario may leave out: it was saved before they existed, or never had them.
_OPTIONAL = ("images", "cached_input_tokens")


def parse(text: str) -> Scenario:
    """The scenario in a JSON document. Raises ScenarioError."""
    try:
        document = json.loads(text)
    except ValueError as error:
        raise ScenarioError("scenario.not_json", reason=str(error)) from None
    workload = document.get("workload") if isinstance(document, dict) else None
    if not isinstance(workload, dict):
        raise ScenarioError("scenario.no_workload")
    counts = {
        name: _count(workload, name, bounds)
        for name, bounds in _COUNTS.items()
        if name in workload or name not in _OPTIONAL
    }
    cached, prompt = counts.get("cached_input_tokens", 0), counts["input_tokens"]
    if cached > prompt:
        raise ScenarioError("scenario.cached_too_many", cached=cached, input=prompt)
    days = workload.get("days", DAYS)
    if days != DAYS:
        raise ScenarioError("scenario.days", days=str(days)[:12], month=DAYS)
    try:
        size = parse_size(str(workload.get("image_size", "1024x1024")))
    except CountError as error:
        raise ScenarioError("scenario.bad_field", name="image_size", problem=error.said) from None
    detail = workload.get("detail", "high")
    if detail not in DETAILS:
        raise ScenarioError("scenario.bad_choice", name="detail", value=str(detail)[:20], known=", ".join(DETAILS))
    prices = workload.get("prices", "launch")
    if prices not in PRICES:
        raise ScenarioError("scenario.bad_choice", name="prices", value=str(prices)[:20], known=", ".join(PRICES))
    batch = workload.get("batch", False)
    if not isinstance(batch, bool):
        raise ScenarioError("scenario.bad_choice", name="batch", value=str(batch)[:20], known="true, false")
    turns = _count(workload, "turns", TURNS_BOUNDS) if "turns" in workload else None
    others = workload.get("others", [])
    if not isinstance(others, list) or not all(isinstance(o, str) and 0 < len(o) <= 200 for o in others):
        raise ScenarioError("scenario.bad_choice", name="others", value=str(others)[:20], known="provider:model, ...")
    return Scenario(Workload(**counts, image_size=size, detail=detail), batch, prices, turns, tuple(others))


def _count(workload: dict[str, Any], name: str, bounds: Bounds) -> int:
    if name not in workload:
        raise ScenarioError("scenario.missing", name=name)
    value = workload[name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise ScenarioError("scenario.not_whole", name=name, value=str(value)[:20])
    try:
        return check_bounds(value, bounds)
    except CountError as error:
        raise ScenarioError("scenario.bad_field", name=name, problem=error.said) from None
