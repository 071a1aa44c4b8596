"""The launch's price claims, checked against the prices in the data. Edit a
price so a claim stops holding, and the verdict says so. Nothing here imports Textual."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from gpt4o_tui.catalog import Catalog, Claim
from gpt4o_tui.i18n import ENGLISH, Language

HUNDREDTH, TENTH = Decimal("0.01"), Decimal("0.1")


def _trimmed(value: Decimal, step: Decimal) -> str:
    """99.25 stays 99.25, 70.00 becomes 70, 33.333 becomes 33.3 (at step 0.1)."""
    text = f"{value.quantize(step, ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True)
class Check:
    price: str  # "input" or "output"
    value: Decimal  # percent cheaper, or times the price
    holds: bool

    def shown(self, claim: Claim, lang: Language = ENGLISH) -> str:
        price = lang(f"claims.{self.price}")
        if claim.measure == "percent cheaper":
            text = lang("claims.cheaper", price=price, value=_trimmed(self.value, HUNDREDTH))
        else:
            text = lang("claims.fraction", price=price, value=_trimmed(self.value, TENTH))
        if not self.holds and claim.more_than and self.value == claim.threshold:
            text += lang("claims.exactly", value=_trimmed(self.value, HUNDREDTH))
        return text


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    checks: tuple[Check, ...]

    @property
    def checkable(self) -> bool:
        return self.claim.measure != "framing"

    def summary(self, lang: Language = ENGLISH) -> str:
        if not self.checkable:
            return lang("claims.framing")
        held = [lang(f"claims.{c.price}") for c in self.checks if c.holds]
        if len(held) == len(self.checks):
            return lang("claims.holds")
        if not held:
            return lang("claims.does_not_hold")
        return lang("claims.holds_on", prices=lang("claims.and").join(held))


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
