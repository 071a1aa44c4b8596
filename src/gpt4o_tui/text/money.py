"""Money as people read it and as machines take it: exact decimals, thousands
separators, never an exponent.

A column of figures is written at one number of decimals, the most any of its
figures needs (`usd_places`, `rate_places`), so that its points line up."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def _places(amount: Decimal) -> int:
    """At least two decimals; more only where the value has them."""
    return max(2, -amount.normalize().as_tuple().exponent)


def money_string(amount: Decimal) -> str:
    """Exact dollars for machines: at least cents, never rounded away, never 1e-05."""
    return f"{amount:.{_places(amount)}f}"


def usd_places(amount: Decimal) -> int:
    """The decimals an amount is shown with: cents from a cent up, two significant
    digits below a cent."""
    amount = abs(amount)
    if amount == 0 or amount >= CENT:
        return 2
    return 1 - amount.adjusted()


def rate_places(rate: Decimal) -> int:
    """The decimals a price per 1M tokens is shown with: at least two, more only
    where the data has them."""
    return _places(rate)


def column_places(amounts: Iterable[Decimal], places: Callable[[Decimal], int] = usd_places) -> int:
    """One number of decimals for a column: what its most precise figure needs."""
    return max((places(amount) for amount in amounts), default=2)


def format_usd(amount: Decimal, places: int | None = None) -> str:
    """Dollars with thousands separators, at `places` decimals (a column's) or the
    amount's own: cents above a cent, two significant digits below."""
    sign = "-" if amount < 0 else ""
    places = usd_places(amount) if places is None else places
    shown = abs(amount).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{sign}${shown:,.{places}f}"


def format_rate(rate: Decimal, places: int | None = None) -> str:
    """A price per 1M tokens, at `places` decimals (a column's) or the rate's own."""
    places = rate_places(rate) if places is None else places
    return f"${rate.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):,.{places}f}"


def format_percent(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"
