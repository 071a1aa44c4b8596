"""Money as people read it and as machines take it: exact decimals, thousands
separators, never an exponent."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def _places(amount: Decimal) -> int:
    """At least two decimals; more only where the value has them."""
    return max(2, -amount.normalize().as_tuple().exponent)


def money_string(amount: Decimal) -> str:
    """Exact dollars for machines: at least cents, never rounded away, never 1e-05."""
    return f"{amount:.{_places(amount)}f}"


def format_usd(amount: Decimal) -> str:
    """Dollars with thousands separators; cents above a cent, two significant digits below."""
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount == 0:
        return "$0.00"
    if amount >= CENT:
        return f"{sign}${amount.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"
    step = Decimal(1).scaleb(amount.adjusted() - 1)
    return f"{sign}${amount.quantize(step, rounding=ROUND_HALF_UP):f}"


def format_rate(rate: Decimal) -> str:
    """A price per 1M tokens: at least two decimals, more only where the data has them."""
    return f"${rate:,.{_places(rate)}f}"


def format_percent(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"
