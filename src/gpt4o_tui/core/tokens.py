"""Exact token counts, offline: o200k_base (GPT-4o mini, GPT-4o) and cl100k_base
(GPT-3.5 Turbo), from the vocabularies quicktok-v1 ships in its wheel, and what a
text costs as input on each model that uses them.

quicktok is imported on first use only (loading both vocabularies takes most of a
second), so nothing that starts up pays for it. Nothing here imports Textual."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from gpt4o_tui.core.catalog import Catalog, Model
from gpt4o_tui.core.costs import PER_MILLION

ENCODINGS = ("o200k_base", "cl100k_base")


@cache
def encoding(name: str) -> Any:
    import quicktok

    return quicktok.get_encoding(name)


def encode(text: str, name: str) -> list[int]:
    return list(encoding(name).encode(text))


def count(text: str) -> dict[str, int]:
    """Tokens in the text under each encoding."""
    return {name: len(encode(text, name)) for name in ENCODINGS}


@dataclass(frozen=True)
class InputCost:
    model: Model
    tokens: int
    usd: Decimal


def input_costs(catalog: Catalog, counts: dict[str, int]) -> list[InputCost]:
    """The text's cost as input, once, on each model whose tokens are counted."""
    return [
        InputCost(model, counts[model.tokenizer], catalog.price(model.id).input * counts[model.tokenizer] / PER_MILLION)
        for model in catalog.compared
        if model.tokenizer in counts
    ]
