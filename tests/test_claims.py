"""The launch's price claims, proven (or not) from the data."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Static

from gpt4o_tui.core import claims
from gpt4o_tui.core.catalog import Catalog, load
from gpt4o_tui.text.verdicts import check_text, summary
from tests.conftest import SteadyApp


def verdicts(catalog: Catalog) -> dict[str, claims.Verdict]:
    return {v.claim.against or "framing": v for v in claims.evaluate_all(catalog)}


def test_verdicts_on_the_launch_prices(catalog: Catalog) -> None:
    found = verdicts(catalog)
    turbo = found["gpt-3.5-turbo"]
    assert summary(turbo) == "holds on input only"
    assert [check_text(c, turbo.claim) for c in turbo.checks] == [
        "input 70% cheaper",
        "output 60% cheaper (exactly 60, not more)",
    ]
    davinci = found["text-davinci-003"]
    assert [check_text(c, davinci.claim) for c in davinci.checks] == ["input 99.25% cheaper", "output 97% cheaper"]
    assert summary(davinci) == "holds on input only"
    frontier = found["gpt-4o"]
    assert summary(frontier) == "holds"
    assert [check_text(c, frontier.claim) for c in frontier.checks] == [
        "input 1/33.3 the price",
        "output 1/25 the price",
    ]
    assert summary(found["framing"]) == "the post's framing; the data cannot check it"


def edited(data: Path, old: str, new: str) -> Catalog:
    prices = data / "prices.toml"
    text = prices.read_text(encoding="utf-8")
    assert old in text
    prices.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load(data)


def test_a_claim_stops_holding_when_the_data_changes(data_copy: Path) -> None:
    catalog = edited(data_copy, "input = 0.50\noutput = 1.50", "input = 0.30\noutput = 1.50")
    assert summary(verdicts(catalog)["gpt-3.5-turbo"]) == "does not hold"
    catalog = edited(data_copy, "input = 0.30\noutput = 1.50", "input = 0.60\noutput = 2.00")
    assert summary(verdicts(catalog)["gpt-3.5-turbo"]) == "holds"


def test_the_pane_says_when_a_claim_fails(data_copy: Path) -> None:
    catalog = edited(data_copy, "input = 5.00\noutput = 15.00", "input = 1.00\noutput = 15.00")

    async def shown() -> str:
        app = SteadyApp(catalog)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("4")
            return str(app.query_one("#claims", Static).render())

    text = asyncio.run(shown())
    assert "“an order of magnitude more affordable than previous frontier models”: holds on output only" in text
    assert "input 1/6.7 the price ✗" in text
