"""The launch's price claims, said: whether each holds, and by how much."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from gpt4o_tui.core.catalog import Claim
from gpt4o_tui.core.claims import Check, Verdict
from gpt4o_tui.text.i18n import ENGLISH, Language

HUNDREDTH, TENTH = Decimal("0.01"), Decimal("0.1")


def _trimmed(value: Decimal, step: Decimal) -> str:
    """99.25 stays 99.25, 70.00 becomes 70, 33.333 becomes 33.3 (at step 0.1)."""
    text = f"{value.quantize(step, ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def check_text(check: Check, claim: Claim, lang: Language = ENGLISH) -> str:
    """One price's check: "input 99.25% cheaper", "output 1/25 the price"."""
    price = lang(f"claims.{check.price}")
    if claim.measure == "percent cheaper":
        text = lang("claims.cheaper", price=price, value=_trimmed(check.value, HUNDREDTH))
    else:
        text = lang("claims.fraction", price=price, value=_trimmed(check.value, TENTH))
    if not check.holds and claim.more_than and check.value == claim.threshold:
        text += lang("claims.exactly", value=_trimmed(check.value, HUNDREDTH))
    return text


def summary(verdict: Verdict, lang: Language = ENGLISH) -> str:
    """Whether the claim holds, on which prices."""
    if not verdict.checkable:
        return lang("claims.framing")
    held = [lang(f"claims.{c.price}") for c in verdict.checks if c.holds]
    if len(held) == len(verdict.checks):
        return lang("claims.holds")
    if not held:
        return lang("claims.does_not_hold")
    return lang("claims.holds_on", prices=lang("claims.and").join(held))
