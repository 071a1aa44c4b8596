"""The launch's price claims, checked against the prices in the data. Edit a
price so a claim stops holding, and the verdict says so. The verdicts are
words in gpt4o_tui.text.verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gpt4o_tui.core.catalog import Catalog, Claim


@dataclass(frozen=True)
class Check:
    price: str  # "input" or "output"
    value: Decimal  # percent cheaper, or times the price
    holds: bool


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    checks: tuple[Check, ...]

    @property
    def checkable(self) -> bool:
        return self.claim.measure != "framing"


def evaluate(catalog: Catalog, claim: Claim) -> Verdict:
    if claim.measure == "framing" or claim.against is None or claim.threshold is None:
        return Verdict(claim, ())
    mine, theirs = catalog.price(claim.model), catalog.price(claim.against)
    checks = []
    for which in claim.prices:
        model_price, against_price = getattr(mine, which), getattr(theirs, which)
        if claim.measure == "percent cheaper":
            value = (against_price - model_price) / against_price * 100 if against_price else Decimal(0)
        else:
            value = against_price / model_price if model_price else Decimal("Infinity")
        holds = value > claim.threshold if claim.more_than else value >= claim.threshold
        checks.append(Check(which, value, holds))
    return Verdict(claim, tuple(checks))


def evaluate_all(catalog: Catalog) -> tuple[Verdict, ...]:
    return tuple(evaluate(catalog, claim) for claim in catalog.claims)
