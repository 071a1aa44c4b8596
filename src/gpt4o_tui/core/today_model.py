"""A model priced today by genai-prices, as a cost row reads it: a module of its
own, so that the cost maths can name it without importing the package's adapter."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class TodayModel:
    """One of genai-prices' models, with its base prices per 1M tokens today."""

    provider_id: str
    provider_name: str
    model_id: str
    name: str
    context_window: int | None
    deprecated: bool
    input_mtok: Decimal | None
    output_mtok: Decimal | None
    cache_read_mtok: Decimal | None
    tiered: bool  # its input price changes with the prompt's length

    @property
    def ref(self) -> str:
        return f"{self.provider_id}:{self.model_id}"

    # What a cost row reads of a model, as gpt4o-tui's own models give it.
    role = "today"
    tier = None
    inputs = ("text",)
    max_output = None  # genai-prices does not give it

    @property
    def id(self) -> str:
        return self.ref

    @property
    def short(self) -> str:
        return self.model_id

    @property
    def search_text(self) -> str:
        return f"{self.provider_id} {self.provider_name} {self.model_id} {self.name}".lower()
