"""English and Simplified Chinese: the message catalog, the language a person's
locale asks for, and numbers and money written the way each language writes them.

Every string the app, the deck and the command line show is an entry in
messages.toml, with an `en` and a `zh` text; facts from data/ carry their Chinese
in `*_zh` fields beside the English. Nothing here imports Textual."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from gpt4o_tui.core import cached, costs, counts
from gpt4o_tui.text import money

LANGS = ("en", "zh")
DEFAULT = "en"


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for, read as POSIX does: the first of LC_ALL,
    LC_MESSAGES and LANG that is set decides; zh_* means Chinese."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return DEFAULT


MESSAGES_FILE = "messages.pickle"


@cache
def catalog() -> dict[str, dict[str, str]]:
    """Every message: key -> {language: text}. Parsing messages.toml costs about 8 ms
    of every start, so what it gives is kept in the cache folder (core/cached.py) under
    a digest of the file, this module and the versions (`cached.digest`), and read
    back (under a millisecond) while they are the same."""
    here = Path(__file__)
    raw = here.with_name("messages.toml").read_bytes()
    return cached.kept(MESSAGES_FILE, cached.digest(here.read_bytes(), raw), lambda: _parse(raw), dict)


def _parse(raw: bytes) -> dict[str, dict[str, str]]:
    return dict(_flatten(tomllib.loads(raw.decode("utf-8"))))


def _flatten(table: dict[str, Any], prefix: str = ""):
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict) and not set(value) <= set(LANGS):
            yield from _flatten(value, f"{key}.")
        else:
            yield key, value


@dataclass(frozen=True)
class Language:
    """One language's words and number formats: `lang("key", name=value)`."""

    code: str

    @property
    def zh(self) -> bool:
        return self.code == "zh"

    def __call__(self, key: str, **values: object) -> str:
        return catalog()[key][self.code].format(**values)

    def say(self, said: counts.Said) -> str:
        """A key and its values in words; a value that is itself a Said is worded too."""
        return self(
            said.key,
            **{
                name: self.say(value) if isinstance(value, counts.Said) else value
                for name, value in said.values.items()
            },
        )

    def of(self, entry: object, field: str) -> Any:
        """A data entry's text in this language: `field`, or its `field_zh` twin."""
        return getattr(entry, f"{field}_zh" if self.zh else field)

    # -- numbers -------------------------------------------------------------

    def count(self, value: int) -> str:
        return f"{value:,}"

    # A figure for a table column whose heading names the unit: Chinese leaves
    # 美元 to the heading, English keeps its $.

    # `places`: a column's decimals (money.column_places), the same for each of its rows.

    def usd_cell(self, amount: Decimal, places: int | None = None) -> str:
        text = money.format_usd(amount, places)
        return text.replace("$", "") if self.zh else text

    def rate_cell(self, rate: Decimal, places: int | None = None) -> str:
        """A price per 1M tokens, at the precision the data gives."""
        text = money.format_rate(rate, places)
        return text.replace("$", "") if self.zh else text

    # Money in a sentence: $1,234.56 in English, 1,234.56 美元 in Chinese.

    def usd(self, amount: Decimal, places: int | None = None) -> str:
        return self._in_dollars(self.usd_cell(amount, places))

    def rate(self, rate: Decimal) -> str:
        return self._in_dollars(self.rate_cell(rate))

    def _in_dollars(self, figure: str) -> str:
        return f"{figure} 美元" if self.zh else figure

    def percent(self, value: Decimal) -> str:
        return money.format_percent(value)

    def sentences(self, items: Iterable[str]) -> str:
        """Whole sentences one after another: a space between them in English, none
        after Chinese full stops."""
        return ("" if self.zh else " ").join(items)

    def join(self, items: Iterable[str]) -> str:
        return self("punct.list").join(items)

    @property
    def colon(self) -> str:
        return self("punct.colon")

    # -- one model's bill, said the same way by the pane, `cost` and the export --

    def rates(self, result: costs.ModelCost, cell: bool = False, places: int | None = None) -> str:
        """Input/output rates; in a Chinese sentence the unit follows the pair."""
        pair = f"{self.rate_cell(result.rate.input, places)}/{self.rate_cell(result.rate.output, places)}"
        return pair if cell else self._in_dollars(pair)

    def total(self, result: costs.ModelCost, cell: bool = False, places: int | None = None) -> str:
        """The bill, or can't run; `cell`: for a column headed with the unit."""
        if result.problem:
            return self("cost.cannot_run")
        return self.usd_cell(result.total_usd, places) if cell else self.usd(result.total_usd, places)

    def saving(
        self, subject: costs.ModelCost, result: costs.ModelCost, cell: bool = False, places: int | None = None
    ) -> str:
        """What GPT-4o mini saves against this model, or why there is nothing to say."""
        if result is subject:
            return "—"
        found = costs.saving(subject, result)
        if found is None:
            return "n/a"
        money = self.usd_cell if cell else self.usd
        if found.usd < 0:  # the peer is cheaper: say so, rather than a negative saving
            return self("cost.costs_more", amount=money(-found.usd, places))
        return f"{money(found.usd, places)} ({self.percent(found.percent)})"

    def inputs(self, kinds: Iterable[str]) -> str:
        return self("input.join").join(self(f"input.{kind}") for kind in kinds)


@cache
def language(code: str) -> Language:
    if code not in LANGS:
        raise ValueError(f"unknown language {code!r} (known: {', '.join(LANGS)})")
    return Language(code)


ENGLISH = language("en")
